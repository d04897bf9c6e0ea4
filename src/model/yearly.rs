//! The model of one Monte Carlo draw in doubles: the year sums a draw
//! needs (inside and all savings, costs, grants, repayments), computed per
//! intervention without any actor's rows.
//!
//! `org_net`, `society_net` and the fund depend on the actors only through
//! sums: an intervention's inside and all savings are its savings profile
//! times the sum of its inside (or all) avoided costs, and a savings-share
//! repayment is the share times the profile times the sum of its inside
//! actors' *positive* avoided costs (the profile is never negative, so an
//! actor's savings have the sign of its avoided cost). A [`FastModel`] keeps
//! those sums and everything else that the uncertain parameters do not
//! change, so that a draw costs a few operations per intervention and year
//! instead of a whole simulation. The run ranks and counts draws with it and
//! reports exact figures from `simulate` (see `montecarlo`).

use rust_decimal::Decimal;

use super::scenario::{RepaymentRule, Scenario};
use super::simulate::running_years;

/// Which of an intervention's flows [`FastModel::add`] adds.
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

/// The parameters of one intervention that its uncertainty ranges move, as doubles.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FastLevers {
    pub success_rate: f64,
    pub deadweight: f64,
    pub drop_off: f64,
    pub cost_factor: Option<f64>,
    pub avoided_factor: Option<f64>,
}

/// Year-indexed sums over interventions, as doubles (index 0 = the start year).
#[derive(Debug, Clone, PartialEq)]
pub struct FastSums {
    pub inside: Vec<f64>,
    pub all: Vec<f64>,
    pub cost: Vec<f64>,
    pub grants: Vec<f64>,
    pub repayments: Vec<f64>,
}

impl FastSums {
    /// All zero, over `years` years.
    pub fn zero(years: usize) -> FastSums {
        let z = vec![0.0; years];
        FastSums { inside: z.clone(), all: z.clone(), cost: z.clone(), grants: z.clone(), repayments: z }
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

/// The model of `simulate` for one intervention, in doubles: what a Monte
/// Carlo draw is ranked and counted with. It does not round the profile to
/// 16 decimals, and each year's sum of powers of `1 − drop_off`
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
    /// The model of intervention `index` of a valid scenario.
    pub fn new(s: &Scenario, index: usize) -> Option<FastModel> {
        let iv = s.interventions.get(index)?;
        let horizon = s.horizon_years as usize;
        let running = running_years(iv, horizon);
        let (mut inside, mut all, mut repaying) = (0.0, 0.0, 0.0);
        for a in &iv.avoided_costs {
            let amount = to_f64(a.per_year);
            all += amount;
            if s.actor(&a.actor).is_some_and(|actor| actor.inside) {
                inside += amount;
                if amount > 0.0 {
                    repaying += amount;
                }
            }
        }
        // The years with savings, as `ProfileShape` finds them.
        let lag = iv.lag_years as i64;
        let benefit = (iv.benefit_years as usize).min(horizon) as i64;
        let (first_cohort, last_cohort) = (running.start as i64, running.end as i64 - 1);
        let years = if running.is_empty() || benefit == 0 {
            0..0
        } else {
            let first = (first_cohort + lag).min(horizon as i64) as usize;
            first..((last_cohort + lag + benefit).min(horizon as i64) as usize).max(first)
        };
        let mut terms = Vec::with_capacity(years.len());
        let mut powers = 0;
        for y in years.clone() {
            let newest = last_cohort.min(y as i64 - lag);
            let oldest = first_cohort.max(y as i64 - lag - benefit + 1);
            let (k_low, k_high) = ((y as i64 - lag - newest) as usize, (y as i64 - lag - oldest) as usize);
            let n = k_high - k_low + 1;
            powers = powers.max(k_low + 1).max(n);
            terms.push((k_low, n));
        }
        let rule = match s.repayment_rule(iv) {
            RepaymentRule::None => FastRule::None,
            RepaymentRule::Fixed { share, years, start_after } => FastRule::Fixed {
                share: to_f64(*share),
                instalments: *years,
                first: u64::from(iv.start) + u64::from(iv.years) + u64::from(*start_after),
            },
            RepaymentRule::SavingsShare { share, cap, start_after } => FastRule::SavingsShare {
                share: to_f64(*share),
                cap: cap.map(to_f64),
                first: u64::from(iv.start) + u64::from(*start_after),
            },
        };
        let mut fast = FastModel {
            base: FastLevers {
                success_rate: to_f64(iv.success_rate),
                deadweight: to_f64(iv.deadweight),
                drop_off: to_f64(iv.drop_off),
                cost_factor: None,
                avoided_factor: None,
            },
            annual_cost: to_f64(iv.annual_cost),
            fund_share: to_f64(iv.fund_share),
            participants: to_f64(iv.participants_per_year),
            running,
            horizon,
            inside_per_year: inside,
            all_per_year: all,
            repaying_per_year: repaying,
            rule,
            years,
            terms,
            powers,
            base_sums: Vec::new(),
        };
        let mut scratch = FastScratch::default();
        fast.shape_sums(fast.base.drop_off, &mut scratch);
        fast.base_sums = std::mem::take(&mut scratch.sums);
        Some(fast)
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
