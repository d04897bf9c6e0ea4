//! The year sums that a Monte Carlo draw, a sensitivity variant and a
//! break-even factor need, computed per intervention without any actor's rows.
//!
//! `org_net`, `society_net` and the fund depend on the actors only through
//! sums: the inside and all savings of an intervention are its savings profile
//! times the sum of its inside (or all) avoided costs, and a savings-share
//! repayment is the share times the profile times the sum of its inside
//! actors' *positive* avoided costs (the profile is never negative, so an
//! actor's savings have the sign of its avoided cost). An
//! [`InterventionModel`] keeps those sums and everything else that the
//! uncertain parameters ([`Levers`]) do not change, so that a draw costs a few
//! operations per intervention and year instead of a whole simulation.
//!
//! Every figure is the one [`simulate`](super::simulate) gives for the same
//! parameters, by the same decimal operations except the order of some
//! additions: equal exactly whenever no sum needs more than 28 significant
//! digits, and otherwise in the last of them (far below an öre).

use rust_decimal::Decimal;

use super::scenario::{RepaymentRule, Scenario};
use super::simulate::{add, div, effective_successes, mul, running_years, sub, Checked, ProfileShape};

/// The parameters of one intervention that its uncertainty ranges move.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Levers {
    pub success_rate: Decimal,
    pub deadweight: Decimal,
    pub drop_off: Decimal,
    /// Multiplies `annual_cost`; `None`: the amount as written.
    pub cost_factor: Option<Decimal>,
    /// Multiplies every avoided cost; `None`: the amounts as written.
    pub avoided_factor: Option<Decimal>,
}

/// Year-indexed sums over interventions (index 0 = the start year).
#[derive(Debug, Clone, PartialEq)]
pub struct YearSums {
    /// Savings of the inside actors.
    pub inside: Vec<Decimal>,
    /// Savings of all actors.
    pub all: Vec<Decimal>,
    /// Intervention costs.
    pub cost: Vec<Decimal>,
    /// Grants paid by the fund.
    pub grants: Vec<Decimal>,
    /// Repayments received by the fund.
    pub repayments: Vec<Decimal>,
}

impl YearSums {
    /// All zero, over `years` years.
    pub fn zero(years: usize) -> YearSums {
        let z = vec![Decimal::ZERO; years];
        YearSums { inside: z.clone(), all: z.clone(), cost: z.clone(), grants: z.clone(), repayments: z }
    }

    /// Sets `self` to `other` (same horizon), keeping its memory.
    pub fn copy_from(&mut self, other: &YearSums) {
        self.inside.copy_from_slice(&other.inside);
        self.all.copy_from_slice(&other.all);
        self.cost.copy_from_slice(&other.cost);
        self.grants.copy_from_slice(&other.grants);
        self.repayments.copy_from_slice(&other.repayments);
    }

    /// `org_net_y` = inside savings − costs.
    pub fn org_net(&self, y: usize) -> Checked<Decimal> {
        sub(self.inside[y], self.cost[y])
    }

    /// `society_net_y` = all savings − costs.
    pub fn society_net(&self, y: usize) -> Checked<Decimal> {
        sub(self.all[y], self.cost[y])
    }
}

fn add_into(target: &mut Decimal, amount: Decimal) -> Checked<()> {
    *target = add(*target, amount)?;
    Some(())
}

/// The repayment rule of an intervention, with its first year resolved.
#[derive(Debug, Clone)]
enum Rule {
    None,
    /// `share × TG` in `instalments` equal parts from year index `first`.
    Fixed {
        share: Decimal,
        instalments: u32,
        first: u64,
    },
    /// `share` of the inside savings from year index `first`, up to `cap × TG`.
    SavingsShare {
        share: Decimal,
        cap: Option<Decimal>,
        first: u64,
    },
}

/// Which of an intervention's flows [`InterventionModel::add_parts`] adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parts {
    /// Costs and grants (and, with them, nothing else).
    pub costs: bool,
    /// Inside and all savings.
    pub savings: bool,
    /// Repayments into the fund.
    pub repayments: bool,
}

impl Parts {
    pub const ALL: Parts = Parts { costs: true, savings: true, repayments: true };
}

/// Memory an [`InterventionModel`] computes in, kept between calls.
#[derive(Debug, Clone, Default)]
pub struct Scratch {
    shape: Option<ProfileShape>,
    prefix: Vec<Decimal>,
    profile: Vec<Decimal>,
}

/// One intervention, with everything its [`Levers`] do not change computed once.
#[derive(Debug, Clone)]
pub struct InterventionModel {
    /// Its index in the scenario (for messages).
    pub index: usize,
    base: Levers,
    annual_cost: Decimal,
    fund_share: Decimal,
    participants: Decimal,
    lag_years: u32,
    benefit_years: u32,
    running: std::ops::Range<usize>,
    horizon: usize,
    /// Σ of the avoided costs of the inside actors.
    inside_per_year: Decimal,
    /// Σ of all avoided costs.
    all_per_year: Decimal,
    /// Σ of the positive avoided costs of the inside actors: what a savings share is taken of.
    repaying_per_year: Decimal,
    rule: Rule,
    /// At the scenario's drop-off.
    shape: ProfileShape,
    /// `E` at the scenario's success rate and deadweight.
    effective: Decimal,
    /// The savings profile at the scenario's values (every year of the horizon).
    profile: Vec<Decimal>,
}

impl InterventionModel {
    /// The model of intervention `index` of a valid scenario.
    pub fn new(s: &Scenario, index: usize) -> Checked<InterventionModel> {
        let iv = s.interventions.get(index)?;
        let horizon = s.horizon_years as usize;
        let running = running_years(iv, horizon);
        let inside = |id: &str| s.actor(id).is_some_and(|a| a.inside);
        let (mut inside_per_year, mut all_per_year, mut repaying_per_year) =
            (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        for a in &iv.avoided_costs {
            add_into(&mut all_per_year, a.per_year)?;
            if inside(&a.actor) {
                add_into(&mut inside_per_year, a.per_year)?;
                if a.per_year > Decimal::ZERO {
                    add_into(&mut repaying_per_year, a.per_year)?;
                }
            }
        }
        let rule = match s.repayment_rule(iv) {
            RepaymentRule::None => Rule::None,
            RepaymentRule::Fixed { share, years, start_after } => Rule::Fixed {
                share: *share,
                instalments: *years,
                first: u64::from(iv.start) + u64::from(iv.years) + u64::from(*start_after),
            },
            RepaymentRule::SavingsShare { share, cap, start_after } => {
                Rule::SavingsShare { share: *share, cap: *cap, first: u64::from(iv.start) + u64::from(*start_after) }
            }
        };
        let shape = ProfileShape::new(iv.drop_off, iv.lag_years, iv.benefit_years, &running, horizon)?;
        let effective = effective_successes(iv.participants_per_year, iv.success_rate, iv.deadweight)?;
        let mut profile = vec![Decimal::ZERO; horizon];
        shape.apply(effective, &mut profile)?;
        Some(InterventionModel {
            index,
            base: Levers {
                success_rate: iv.success_rate,
                deadweight: iv.deadweight,
                drop_off: iv.drop_off,
                cost_factor: None,
                avoided_factor: None,
            },
            annual_cost: iv.annual_cost,
            fund_share: iv.fund_share,
            participants: iv.participants_per_year,
            lag_years: iv.lag_years,
            benefit_years: iv.benefit_years,
            running,
            horizon,
            inside_per_year,
            all_per_year,
            repaying_per_year,
            rule,
            shape,
            effective,
            profile,
        })
    }

    /// The intervention's parameters as the scenario states them.
    pub fn levers(&self) -> Levers {
        self.base
    }

    /// Adds what the intervention gives with `levers` to `sums`: its costs,
    /// grants, inside and all savings, and repayments, year by year.
    pub fn add_to(&self, levers: &Levers, sums: &mut YearSums, scratch: &mut Scratch) -> Checked<()> {
        self.add_parts(levers, Parts::ALL, sums, scratch)
    }

    /// [`add_to`](Self::add_to), only the `parts` asked for.
    pub fn add_parts(&self, levers: &Levers, parts: Parts, sums: &mut YearSums, scratch: &mut Scratch) -> Checked<()> {
        let cost = match levers.cost_factor {
            Some(f) => mul(self.annual_cost, f)?,
            None => self.annual_cost,
        };
        let grant = mul(cost, self.fund_share)?;
        let total_grant = mul(grant, Decimal::from(self.running.len()))?;
        if parts.costs {
            for y in self.running.clone() {
                add_into(&mut sums.cost[y], cost)?;
                add_into(&mut sums.grants[y], grant)?;
            }
        }
        if !parts.savings && !parts.repayments {
            return Some(());
        }

        let (profile, years) = self.profile_for(levers, scratch)?;
        let scaled = |amount: Decimal| match levers.avoided_factor {
            Some(f) => mul(amount, f),
            None => Some(amount),
        };
        let (inside, all) = (scaled(self.inside_per_year)?, scaled(self.all_per_year)?);
        for y in years.clone().filter(|_| parts.savings) {
            let unit = profile[y];
            if unit.is_zero() {
                continue;
            }
            add_into(&mut sums.inside[y], mul(unit, inside)?)?;
            add_into(&mut sums.all[y], mul(unit, all)?)?;
        }

        match &self.rule {
            _ if !parts.repayments => {}
            Rule::None => {}
            Rule::Fixed { share, instalments, first } => {
                // As `simulate::repay_fixed`: equal parts, the last takes the remainder.
                let due = mul(*share, total_grant)?;
                let instalment = div(due, Decimal::from(*instalments))?;
                let mut scheduled = Decimal::ZERO;
                for j in 0..*instalments {
                    let amount = if j + 1 == *instalments { sub(due, scheduled)? } else { instalment };
                    scheduled = add(scheduled, amount)?;
                    let year = first + u64::from(j);
                    if year < self.horizon as u64 {
                        add_into(&mut sums.repayments[year as usize], amount)?;
                    }
                }
            }
            Rule::SavingsShare { share, cap, first } => {
                let repaying = scaled(self.repaying_per_year)?;
                let limit = match cap {
                    Some(c) => Some(mul(*c, total_grant)?),
                    None => None,
                };
                let mut repaid = Decimal::ZERO;
                let from = (*first).min(self.horizon as u64) as usize;
                for y in from.max(years.start)..years.end {
                    // Σ over the repaying actors of share × max(S, 0).
                    let mut owed = mul(*share, mul(profile[y], repaying)?)?;
                    if owed.is_zero() {
                        continue;
                    }
                    if let Some(limit) = limit {
                        let room = sub(limit, repaid)?;
                        if room <= Decimal::ZERO {
                            break;
                        }
                        owed = owed.min(room);
                    }
                    add_into(&mut sums.repayments[y], owed)?;
                    add_into(&mut repaid, owed)?;
                }
            }
        }
        Some(())
    }

    /// The savings profile with `levers` (one slot per year; only `years` are
    /// meaningful), reusing what the scenario's own values gave.
    fn profile_for<'a>(
        &'a self,
        levers: &Levers,
        scratch: &'a mut Scratch,
    ) -> Checked<(&'a [Decimal], std::ops::Range<usize>)> {
        let b = &self.base;
        let same_effective = levers.success_rate == b.success_rate && levers.deadweight == b.deadweight;
        let same_shape = levers.drop_off == b.drop_off;
        if same_effective && same_shape {
            return Some((&self.profile, self.shape.years.clone()));
        }
        let effective = if same_effective {
            self.effective
        } else {
            effective_successes(self.participants, levers.success_rate, levers.deadweight)?
        };
        let Scratch { shape, prefix, profile } = scratch;
        let shape = if same_shape {
            &self.shape
        } else {
            let fresh = shape.get_or_insert_with(|| ProfileShape { years: 0..0, sums: Vec::new() });
            fresh.recompute(
                levers.drop_off,
                self.lag_years,
                self.benefit_years,
                &self.running,
                self.horizon,
                prefix,
            )?;
            &*fresh
        };
        profile.resize(self.horizon, Decimal::ZERO);
        shape.apply(effective, profile)?;
        Some((profile.as_slice(), shape.years.clone()))
    }
}

/// The models of every intervention of a valid scenario, or the index of the
/// first whose amounts are too large to compute.
pub fn models(s: &Scenario) -> Result<Vec<InterventionModel>, usize> {
    (0..s.interventions.len()).map(|i| InterventionModel::new(s, i).ok_or(i)).collect()
}

/// The year sums of a valid scenario at its own values (the deterministic
/// model), or the index of the intervention whose amounts are too large.
pub fn year_sums(s: &Scenario, models: &[InterventionModel]) -> Result<YearSums, usize> {
    let mut sums = YearSums::zero(s.horizon_years as usize);
    let mut scratch = Scratch::default();
    for m in models {
        m.add_to(&m.levers(), &mut sums, &mut scratch).ok_or(m.index)?;
    }
    Ok(sums)
}

/// [`Levers`] as doubles, for [`FastModel`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FastLevers {
    pub success_rate: f64,
    pub deadweight: f64,
    pub drop_off: f64,
    pub cost_factor: Option<f64>,
    pub avoided_factor: Option<f64>,
}

/// [`YearSums`] as doubles.
#[derive(Debug, Clone, PartialEq)]
pub struct FastSums {
    pub inside: Vec<f64>,
    pub all: Vec<f64>,
    pub cost: Vec<f64>,
    pub grants: Vec<f64>,
    pub repayments: Vec<f64>,
}

impl FastSums {
    /// The doubles nearest to `sums`.
    pub fn of(sums: &YearSums) -> FastSums {
        let f = |v: &[Decimal]| v.iter().map(|d| to_f64(*d)).collect();
        FastSums {
            inside: f(&sums.inside),
            all: f(&sums.all),
            cost: f(&sums.cost),
            grants: f(&sums.grants),
            repayments: f(&sums.repayments),
        }
    }

    pub fn copy_from(&mut self, other: &FastSums) {
        self.inside.copy_from_slice(&other.inside);
        self.all.copy_from_slice(&other.all);
        self.cost.copy_from_slice(&other.cost);
        self.grants.copy_from_slice(&other.grants);
        self.repayments.copy_from_slice(&other.repayments);
    }
}

/// The double nearest to a decimal.
pub fn to_f64(d: Decimal) -> f64 {
    use rust_decimal::prelude::ToPrimitive;
    d.to_f64().unwrap_or(0.0)
}

/// The savings-share rule in doubles.
#[derive(Debug, Clone)]
enum FastRule {
    None,
    Fixed { share: f64, instalments: u32, first: u64 },
    SavingsShare { share: f64, cap: Option<f64>, first: u64 },
}

/// The same model as [`InterventionModel::add_parts`] in doubles: what a
/// Monte Carlo draw is ranked and counted with. It does not round the
/// profile to 16 decimals, and each year's sum of powers of `1 − drop_off`
/// is taken as `(1 − drop_off)^k_low × Σ_{j<n} (1 − drop_off)^j`, a product of
/// positive terms, so every figure's error stays a small multiple of the
/// double's precision times the magnitudes added ([`FastModel::add`]
/// returns them), never a cancellation.
#[derive(Debug, Clone)]
pub struct FastModel {
    base: FastLevers,
    annual_cost: f64,
    fund_share: f64,
    participants: f64,
    running: std::ops::Range<usize>,
    horizon: usize,
    inside_per_year: f64,
    all_per_year: f64,
    repaying_per_year: f64,
    rule: FastRule,
    /// The years with savings, and per year `(k_low, n)`: its sum is `R^k_low × Σ_{j<n} R^j`.
    years: std::ops::Range<usize>,
    terms: Vec<(usize, usize)>,
    /// Powers needed: `max(k_low + 1, n)` over the years.
    powers: usize,
    /// Each year's sum at the scenario's drop-off.
    base_sums: Vec<f64>,
}

/// Memory a [`FastModel`] computes in.
#[derive(Debug, Clone, Default)]
pub struct FastScratch {
    powers: Vec<f64>,
    prefix: Vec<f64>,
    sums: Vec<f64>,
}

impl FastModel {
    /// The doubles' model of `model`.
    pub fn new(model: &InterventionModel) -> FastModel {
        let horizon = model.horizon;
        let running = model.running.clone();
        let shape_years = model.shape.years.clone();
        let lag = model.lag_years as i64;
        let benefit = (model.benefit_years as usize).min(horizon) as i64;
        let (first_cohort, last_cohort) = (running.start as i64, running.end as i64 - 1);
        let mut terms = Vec::with_capacity(shape_years.len());
        let mut powers = 0;
        for y in shape_years.clone() {
            let newest = last_cohort.min(y as i64 - lag);
            let oldest = first_cohort.max(y as i64 - lag - benefit + 1);
            let (k_low, k_high) = ((y as i64 - lag - newest) as usize, (y as i64 - lag - oldest) as usize);
            let n = k_high - k_low + 1;
            powers = powers.max(k_low + 1).max(n);
            terms.push((k_low, n));
        }
        let rule = match &model.rule {
            Rule::None => FastRule::None,
            Rule::Fixed { share, instalments, first } => {
                FastRule::Fixed { share: to_f64(*share), instalments: *instalments, first: *first }
            }
            Rule::SavingsShare { share, cap, first } => {
                FastRule::SavingsShare { share: to_f64(*share), cap: cap.map(to_f64), first: *first }
            }
        };
        let b = model.base;
        let mut fast = FastModel {
            base: FastLevers {
                success_rate: to_f64(b.success_rate),
                deadweight: to_f64(b.deadweight),
                drop_off: to_f64(b.drop_off),
                cost_factor: None,
                avoided_factor: None,
            },
            annual_cost: to_f64(model.annual_cost),
            fund_share: to_f64(model.fund_share),
            participants: to_f64(model.participants),
            running,
            horizon,
            inside_per_year: to_f64(model.inside_per_year),
            all_per_year: to_f64(model.all_per_year),
            repaying_per_year: to_f64(model.repaying_per_year),
            rule,
            years: shape_years,
            terms,
            powers,
            base_sums: Vec::new(),
        };
        let mut scratch = FastScratch::default();
        fast.shape_sums(fast.base.drop_off, &mut scratch);
        fast.base_sums = std::mem::take(&mut scratch.sums);
        fast
    }

    /// The scenario's own values.
    pub fn levers(&self) -> FastLevers {
        self.base
    }

    /// Each savings year's sum of powers of `1 − drop_off`, into `scratch.sums`.
    fn shape_sums(&self, drop_off: f64, scratch: &mut FastScratch) {
        let remaining = 1.0 - drop_off;
        let FastScratch { powers, prefix, sums } = scratch;
        powers.clear();
        prefix.clear();
        prefix.push(0.0);
        let mut factor = 1.0;
        for _ in 0..self.powers {
            powers.push(factor);
            prefix.push(prefix[prefix.len() - 1] + factor);
            factor *= remaining;
        }
        sums.clear();
        sums.extend(self.terms.iter().map(|(k_low, n)| powers[*k_low] * prefix[*n]));
    }

    /// Adds the intervention's `parts` with `levers` to `sums`; returns the
    /// magnitude of what it added (for the error bound: Σ |amount|, plus, per
    /// savings amount, a thousandth of its avoided cost, which covers the
    /// exact model's rounding of the profile to 16 decimals).
    pub fn add(&self, levers: &FastLevers, parts: Parts, sums: &mut FastSums, scratch: &mut FastScratch) -> f64 {
        let mut magnitude = 0.0;
        let cost = self.annual_cost * levers.cost_factor.unwrap_or(1.0);
        let grant = cost * self.fund_share;
        let total_grant = grant * self.running.len() as f64;
        if parts.costs {
            for y in self.running.clone() {
                sums.cost[y] += cost;
                sums.grants[y] += grant;
            }
            magnitude += (cost.abs() + grant.abs()) * self.running.len() as f64;
        }
        if !parts.savings && !parts.repayments {
            return magnitude;
        }
        let same_shape = levers.drop_off == self.base.drop_off;
        if !same_shape {
            self.shape_sums(levers.drop_off, scratch);
        }
        let shape: &[f64] = if same_shape { &self.base_sums } else { &scratch.sums };
        let effective = self.participants * levers.success_rate * (1.0 - levers.deadweight);
        let factor = levers.avoided_factor.unwrap_or(1.0);
        let (inside, all) = (self.inside_per_year * factor, self.all_per_year * factor);
        if parts.savings {
            let rounding = 1e-3 * (inside.abs() + all.abs());
            for (y, sum) in self.years.clone().zip(shape) {
                let unit = effective * sum;
                let (i, a) = (unit * inside, unit * all);
                sums.inside[y] += i;
                sums.all[y] += a;
                magnitude += i.abs() + a.abs() + rounding;
            }
        }
        if parts.repayments {
            match &self.rule {
                FastRule::None => {}
                FastRule::Fixed { share, instalments, first } => {
                    let due = share * total_grant;
                    let instalment = due / f64::from(*instalments);
                    for j in 0..u64::from(*instalments) {
                        let year = first + j;
                        if year < self.horizon as u64 {
                            sums.repayments[year as usize] += instalment;
                        }
                    }
                    magnitude += due.abs() * 2.0;
                }
                FastRule::SavingsShare { share, cap, first } => {
                    let repaying = self.repaying_per_year * factor;
                    let limit = cap.map(|c| c * total_grant);
                    let mut repaid = 0.0;
                    let from = (*first).min(self.horizon as u64) as usize;
                    let start = from.max(self.years.start);
                    for (y, sum) in self.years.clone().zip(shape).skip(start - self.years.start) {
                        let mut owed = share * (effective * sum * repaying);
                        if owed == 0.0 {
                            continue;
                        }
                        if let Some(limit) = limit {
                            let room = limit - repaid;
                            if room <= 0.0 {
                                break;
                            }
                            owed = owed.min(room);
                        }
                        sums.repayments[y] += owed;
                        repaid += owed;
                        magnitude += owed.abs() * 2.0 + 1e-3 * share * repaying;
                    }
                }
            }
        }
        magnitude
    }

    /// Which of its flows can differ between draws, given which levers move
    /// (ranges of width 0 move nothing). A flow that cannot change (no
    /// participants, a cost of 0, …) is not varying: the run computes it once.
    pub fn varying_parts(
        &self,
        success_rate: bool,
        deadweight: bool,
        drop_off: bool,
        cost: bool,
        avoided: bool,
    ) -> Parts {
        let b = &self.base;
        let some_success = self.participants != 0.0
            && (b.success_rate != 0.0 || success_rate)
            && (b.deadweight != 1.0 || deadweight)
            && !self.years.is_empty();
        let any_avoided = self.inside_per_year != 0.0 || self.all_per_year != 0.0 || self.repaying_per_year != 0.0;
        let savings_move =
            some_success && any_avoided && (success_rate || deadweight || (drop_off && self.powers > 1) || avoided);
        let cost_moves = cost && self.annual_cost != 0.0 && !self.running.is_empty();
        let repayments = match &self.rule {
            FastRule::None => false,
            FastRule::Fixed { .. } => cost_moves,
            FastRule::SavingsShare { cap, .. } => {
                some_success && self.repaying_per_year != 0.0 && (savings_move || (cost_moves && cap.is_some()))
            }
        };
        Parts { costs: cost_moves, savings: savings_move, repayments }
    }

    /// Where the varying `parts` move the figures.
    pub fn moves(&self, parts: Parts) -> Moves {
        let running = Some(self.running.start).filter(|_| parts.costs && !self.running.is_empty());
        let savings = Some(self.years.start).filter(|_| parts.savings && !self.years.is_empty());
        let org_savings = savings.filter(|_| self.inside_per_year != 0.0);
        let repayments = match &self.rule {
            _ if !parts.repayments => None,
            FastRule::SavingsShare { first, .. } => {
                Some(self.years.start.max((*first).min(self.horizon as u64) as usize))
            }
            FastRule::Fixed { first, .. } => Some((*first).min(self.horizon as u64) as usize),
            FastRule::None => None,
        };
        Moves {
            org_from: [running, org_savings].into_iter().flatten().min(),
            society: running.is_some() || savings.is_some_and(|_| self.all_per_year != 0.0),
            fund_from: [running, repayments].into_iter().flatten().min(),
        }
    }
}

/// Where an intervention's varying flows move the figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Moves {
    /// The first year index whose `org_net` can change.
    pub org_from: Option<usize>,
    /// Whether `society_net` can change.
    pub society: bool,
    /// The first year index whose fund balance can change.
    pub fund_from: Option<usize>,
}
