//! The contract's decision figures, computed exactly from the deterministic
//! model: how well the interventions must work to break even
//! ([`break_even`]), and which assumption matters most ([`sensitivity`]).
//!
//! Both read the scenario's year sums ([`yearly`](super::yearly)): inside and
//! all savings and the interventions' costs, year by year. Savings are
//! proportional to the success rates, so the organisation's result at a
//! factor `f` on every success rate is `f × inside savings − costs`
//! ([`EffectScale`]); its conditions (`org_npv ≥ 0`, a payback year no later
//! than `T`) are plain functions of `f`, and the closed forms below solve them.

use rust_decimal::Decimal;

use super::contract::{cohort_payments, smallest_where};
use super::montecarlo::check_by_year;
use super::outcome::Outcome;
use super::outcome::{json_array, money_text, number_or_null, ratio_text, JsonObject};
use super::scenario::{Intervention, OutcomeContract};
use super::scenario::{Range, Scenario};
use super::simulate::{add, discount_factors, div, mul, present_value, running_years, simulate, sub, Checked};
use super::validate::validate;
use super::{Problem, ScenarioError};

fn too_large(path: impl Into<String>) -> ScenarioError {
    ScenarioError::new(path, Problem::TooLargeToCompute)
}

fn intervention_too_large(index: usize) -> ScenarioError {
    too_large(format!("interventions[{index}]"))
}

fn optional_ratio(v: Option<Decimal>) -> String {
    v.map_or_else(|| "null".to_string(), |v| format!("\"{}\"", ratio_text(v)))
}

/// "How well must it work?": the contract's break-even figures.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakEven {
    pub schema_version: u32,
    /// The calendar year `T` of `effect_factor_payback_by`.
    pub by_year: Option<i32>,
    /// The factor on every success rate at which `org_npv` is 0 (`PVC / PVI`); `None` when `PVI ≤ 0`.
    pub effect_factor_org_npv: Option<Decimal>,
    /// The same for `society_npv` (`PVC / PVA`); `None` when `PVA ≤ 0`.
    pub effect_factor_society_npv: Option<Decimal>,
    /// The smallest factor with a payback year no later than `by_year`; `None`
    /// without `by_year` or when no factor reaches it.
    pub effect_factor_payback_by: Option<Decimal>,
    /// Per intervention, in the scenario's order.
    pub interventions: Vec<InterventionBreakEven>,
}

/// One intervention's break-even success rate.
#[derive(Debug, Clone, PartialEq)]
pub struct InterventionBreakEven {
    pub id: String,
    /// `r − org_npv / u`: the success rate at which `org_npv` is 0, every
    /// other input fixed. Above 1: the organisation cannot break even through
    /// this intervention alone; below 0: it breaks even even if it does
    /// nothing. `None` when its inside savings are not positive (`u ≤ 0`).
    pub success_rate_for_org_npv: Option<Decimal>,
}

impl BreakEven {
    /// The contract's JSON (ratios to 4 decimals).
    pub fn to_json(&self) -> String {
        let interventions = json_array(self.interventions.iter().map(|i| {
            JsonObject::new()
                .text("id", &i.id)
                .raw("success_rate_for_org_npv", &optional_ratio(i.success_rate_for_org_npv))
                .end()
        }));
        JsonObject::new()
            .raw("schema_version", &self.schema_version.to_string())
            .raw("by_year", &number_or_null(self.by_year))
            .raw("effect_factor_org_npv", &optional_ratio(self.effect_factor_org_npv))
            .raw("effect_factor_society_npv", &optional_ratio(self.effect_factor_society_npv))
            .raw("effect_factor_payback_by", &optional_ratio(self.effect_factor_payback_by))
            .raw("interventions", &interventions)
            .end()
    }
}

/// Year by year: inside savings, all savings, the organisation's costs
/// (interventions outside contracts), all interventions' costs (society's)
/// and the inside actors' outcome payments.
#[derive(Debug, Clone)]
struct YearSums {
    inside: Vec<Decimal>,
    all: Vec<Decimal>,
    cost: Vec<Decimal>,
    society_cost: Vec<Decimal>,
    payments: Vec<Decimal>,
}

impl YearSums {
    /// From a simulation of `s`. The costs are taken as savings − the
    /// results (less the outcome payments), so that at `f = 1` the figures
    /// are simulate's own. Without contracts `cost` and `society_cost` are alike.
    #[inline(never)]
    fn of(s: &Scenario, out: &Outcome) -> Checked<YearSums> {
        let years = out.org_net.len();
        let zero = vec![Decimal::ZERO; years];
        let mut sums = YearSums {
            inside: zero.clone(),
            all: zero.clone(),
            cost: Vec::new(),
            society_cost: Vec::new(),
            payments: zero,
        };
        for (actor, result) in s.actors.iter().zip(&out.actors) {
            for (y, row) in result.rows.iter().enumerate() {
                sums.all[y] = add(sums.all[y], row.savings)?;
                if actor.inside {
                    sums.inside[y] = add(sums.inside[y], row.savings)?;
                    if let Some(paid) = row.outcome_payments {
                        sums.payments[y] = add(sums.payments[y], paid)?;
                    }
                }
            }
        }
        sums.cost =
            (0..years).map(|y| sub(sub(sums.inside[y], out.org_net[y])?, sums.payments[y])).collect::<Checked<_>>()?;
        sums.society_cost =
            sums.all.iter().zip(&out.society_net).map(|(a, net)| sub(*a, *net)).collect::<Checked<_>>()?;
        Some(sums)
    }

    /// `org_npv` and `society_npv` of these sums.
    #[inline(never)]
    fn present_values(&self, discount: &[Decimal]) -> Checked<PresentValues> {
        let org = (0..self.inside.len())
            .map(|y| sub(sub(self.inside[y], self.cost[y])?, self.payments[y]))
            .collect::<Checked<Vec<_>>>()?;
        let society = self.all.iter().zip(&self.society_cost).map(|(s, c)| sub(*s, *c)).collect::<Checked<Vec<_>>>()?;
        Some(PresentValues { org_npv: present_value(&org, discount)?, society_npv: present_value(&society, discount)? })
    }

    /// The year sums of intervention `index` alone, changed by `change`.
    #[inline(never)]
    fn alone(s: &Scenario, index: usize, change: &dyn Fn(&mut Intervention)) -> Result<YearSums, ScenarioError> {
        let failed = || intervention_too_large(index);
        let mut iv = s.interventions.get(index).cloned().ok_or_else(failed)?;
        iv.uncertainty = None;
        change(&mut iv);
        let alone = Scenario {
            schema_version: s.schema_version,
            name: String::new(),
            description: String::new(),
            currency: s.currency.clone(),
            start_year: s.start_year,
            horizon_years: s.horizon_years,
            discount_rate: s.discount_rate,
            actors: s.actors.clone(),
            fund: s.fund.clone(),
            repayment_default: s.repayment_default.clone(),
            // Its own contract, if any, goes with it: its payments are its flows.
            outcome_contracts: s.outcome_contracts.iter().filter(|c| c.intervention == iv.id).cloned().collect(),
            interventions: vec![iv],
        };
        let out = simulate(&alone).map_err(|_| failed())?;
        YearSums::of(&alone, &out).ok_or_else(failed)
    }
}

/// An outcome contract as a function of its intervention's success rate:
/// what the inside actors pay for the outcomes, year by year.
#[derive(Debug, Clone)]
struct ContractTerms {
    /// Index of the contracted intervention.
    index: usize,
    intervention: Intervention,
    contract: OutcomeContract,
    running: std::ops::Range<usize>,
    horizon: usize,
    payer_inside: bool,
    /// Each co-payer's share and whether it is inside.
    co_payers: Vec<(Decimal, bool)>,
}

impl ContractTerms {
    fn of(s: &Scenario) -> Vec<ContractTerms> {
        let inside = |id: &str| s.actor(id).is_some_and(|a| a.inside);
        let horizon = s.horizon_years as usize;
        s.outcome_contracts
            .iter()
            .filter_map(|c| {
                let index = s.interventions.iter().position(|iv| iv.id == c.intervention)?;
                let intervention = s.interventions[index].clone();
                Some(ContractTerms {
                    index,
                    running: running_years(&intervention, horizon),
                    intervention,
                    contract: c.clone(),
                    horizon,
                    payer_inside: inside(&c.payer),
                    co_payers: c.co_payers.iter().map(|co| (co.share, inside(&co.actor))).collect(),
                })
            })
            .collect()
    }

    /// Inside actors' payments each year of the horizon at this success
    /// rate, split as `simulate` splits them (the payer pays the rest).
    fn inside_payments(&self, success_rate: Decimal, into: &mut [Decimal]) -> Checked<()> {
        for c in cohort_payments(&self.intervention, &self.contract, success_rate, &self.running)? {
            if c.pay_year >= self.horizon as u64 {
                continue;
            }
            let (mut co_total, mut inside) = (Decimal::ZERO, Decimal::ZERO);
            for (share, is_inside) in &self.co_payers {
                let part = mul(*share, c.payment)?;
                co_total = add(co_total, part)?;
                if *is_inside {
                    inside = add(inside, part)?;
                }
            }
            if self.payer_inside {
                inside = add(inside, sub(c.payment, co_total)?)?;
            }
            let y = c.pay_year as usize;
            into[y] = add(into[y], inside)?;
        }
        Some(())
    }
}

/// The organisation's and society's results as functions of a factor `f` on
/// every intervention's success rate: savings scale with `f`, costs do not,
/// and outcome payments follow the outcomes up to their caps.
#[derive(Debug, Clone)]
pub struct EffectScale {
    start_year: i32,
    discount: Vec<Decimal>,
    /// Year sums at `f = 1` (the scenario as it is).
    sums: YearSums,
    contracts: Vec<ContractTerms>,
}

impl EffectScale {
    /// The scale of a scenario, which is simulated (and so validated).
    pub fn new(s: &Scenario) -> Result<EffectScale, ScenarioError> {
        let out = simulate(s)?;
        let sums = YearSums::of(s, &out).ok_or_else(|| too_large("interventions"))?;
        let discount =
            discount_factors(s.discount_rate, s.horizon_years as usize).ok_or_else(|| too_large("discount_rate"))?;
        Ok(EffectScale { start_year: s.start_year, discount, sums, contracts: ContractTerms::of(s) })
    }

    /// `org_net_y` at factor `f`: `f × inside savings − costs − inside outcome payments at f`.
    pub fn org_net_at(&self, f: Decimal) -> Checked<Vec<Decimal>> {
        let mut net: Vec<Decimal> =
            self.sums.inside.iter().zip(&self.sums.cost).map(|(s, c)| sub(mul(f, *s)?, *c)).collect::<Checked<_>>()?;
        if !self.contracts.is_empty() {
            let mut paid = vec![Decimal::ZERO; net.len()];
            for terms in &self.contracts {
                terms.inside_payments(mul(f, terms.intervention.success_rate)?, &mut paid)?;
            }
            for (n, p) in net.iter_mut().zip(&paid) {
                *n = sub(*n, *p)?;
            }
        }
        Some(net)
    }

    /// `org_npv` at factor `f`.
    pub fn org_npv_at(&self, f: Decimal) -> Checked<Decimal> {
        present_value(&self.org_net_at(f)?, &self.discount)
    }

    /// `society_npv` at factor `f`.
    pub fn society_npv_at(&self, f: Decimal) -> Checked<Decimal> {
        let net: Vec<Decimal> = self
            .sums
            .all
            .iter()
            .zip(&self.sums.society_cost)
            .map(|(s, c)| sub(mul(f, *s)?, *c))
            .collect::<Checked<_>>()?;
        present_value(&net, &self.discount)
    }

    /// `payback_year` at factor `f`.
    pub fn payback_year_at(&self, f: Decimal) -> Checked<Option<i32>> {
        super::simulate::payback_year(&self.org_net_at(f)?, self.start_year)
    }

    /// Present values at `f = 1`: of the costs of every intervention
    /// (`PVC`), the inside savings (`PVI`) and all savings (`PVA`).
    pub fn present_values(&self) -> Checked<(Decimal, Decimal, Decimal)> {
        Some((
            present_value(&self.sums.society_cost, &self.discount)?,
            present_value(&self.sums.inside, &self.discount)?,
            present_value(&self.sums.all, &self.discount)?,
        ))
    }

    /// The smallest `f ≥ 0` with `f × CS_y ≥ CC_y` for every year index `y`
    /// from `by_year`'s on, where `CS_y` and `CC_y` are the cumulative inside
    /// savings (at `f = 1`) and costs up to `y`: the payback year is then no
    /// later than `by_year`. `None` when no `f` gives that.
    pub fn factor_for_payback_by(&self, by_year: i32) -> Checked<Option<Decimal>> {
        let from = usize::try_from(i64::from(by_year) - i64::from(self.start_year)).ok()?;
        let (mut savings, mut costs) = (Decimal::ZERO, Decimal::ZERO);
        let mut cumulative = Vec::with_capacity(self.sums.inside.len());
        for (s, c) in self.sums.inside.iter().zip(&self.sums.cost) {
            savings = add(savings, *s)?;
            costs = add(costs, *c)?;
            cumulative.push((savings, costs));
        }
        let tail = cumulative.get(from..).unwrap_or(&[]);
        // Each year is a half-line for f: f ≥ CC/CS when CS > 0, f ≤ CC/CS when
        // CS < 0, and no condition on f (only CC ≤ 0) when CS = 0.
        let mut lowest = Decimal::ZERO;
        let mut highest: Option<Decimal> = None;
        for (cs, cc) in tail {
            if cs.is_zero() {
                if *cc > Decimal::ZERO {
                    return Some(None);
                }
            } else if *cs > Decimal::ZERO {
                lowest = lowest.max(div(*cc, *cs)?);
            } else {
                let bound = div(*cc, *cs)?;
                highest = Some(highest.map_or(bound, |h| h.min(bound)));
            }
        }
        // A quotient is rounded to 28 digits, and the cumulative result sums
        // products rounded alike: step up from the last digit (doubling the
        // step) until the payback year, computed as `payback_year_at` does,
        // is no later than `by_year`.
        let reached = |f: Decimal| -> Checked<bool> { Some(self.payback_year_at(f)?.is_some_and(|p| p <= by_year)) };
        let mut step = Decimal::new(1, lowest.scale());
        for _ in 0..64 {
            if reached(lowest)? {
                break;
            }
            lowest = add(lowest, step)?;
            step = add(step, step)?;
        }
        Some(match highest {
            Some(h) if lowest > h => None,
            _ if !reached(lowest)? => None,
            _ => Some(lowest),
        })
    }
}

/// The contract's break-even figures of a scenario, which is validated;
/// `by_year` (for `effect_factor_payback_by`) must be a year of the horizon.
pub fn break_even(s: &Scenario, by_year: Option<i32>) -> Result<BreakEven, ScenarioError> {
    validate(s)?;
    check_by_year(s, by_year)?;
    let scale = EffectScale::new(s)?;
    let everything = || too_large("interventions");
    let (pvc, pvi, pva) = scale.present_values().ok_or_else(everything)?;
    let factor =
        |pv: Decimal| if pv > Decimal::ZERO { div(pvc, pv).ok_or_else(everything).map(Some) } else { Ok(None) };
    let org_npv = scale.org_npv_at(Decimal::ONE).ok_or_else(everything)?;
    if !scale.contracts.is_empty() {
        return break_even_with_contracts(s, by_year, &scale, factor(pva)?, org_npv);
    }

    let mut interventions = Vec::with_capacity(s.interventions.len());
    for (i, iv) in s.interventions.iter().enumerate() {
        // u_i: the present value of its inside savings per unit of success rate.
        let unit =
            present_value(&unit_inside_savings(s, i)?, &scale.discount).ok_or_else(|| intervention_too_large(i))?;
        let rate = if unit > Decimal::ZERO {
            let r = div(org_npv, unit).and_then(|q| sub(iv.success_rate, q));
            Some(r.ok_or_else(|| intervention_too_large(i))?)
        } else {
            None
        };
        interventions.push(InterventionBreakEven { id: iv.id.clone(), success_rate_for_org_npv: rate });
    }
    Ok(BreakEven {
        schema_version: 1,
        by_year,
        effect_factor_org_npv: factor(pvi)?,
        effect_factor_society_npv: factor(pva)?,
        effect_factor_payback_by: match by_year {
            Some(t) => scale.factor_for_payback_by(t).ok_or_else(everything)?,
            None => None,
        },
        interventions,
    })
}

/// Intervention `index`'s inside savings year by year, alone and at a
/// success rate of 1: what `u_i` discounts (also traced by `explain::decision`).
pub fn unit_inside_savings(s: &Scenario, index: usize) -> Result<Vec<Decimal>, ScenarioError> {
    Ok(YearSums::alone(s, index, &|iv| iv.success_rate = Decimal::ONE)?.inside)
}

/// The break-even figures once outcome payments follow the outcomes up to a
/// cap: `org_npv` is no longer proportional to the success rates, so each
/// figure is the smallest value at which its condition holds, by a scan of
/// 10 000 steps and bisection to 10⁻⁹ (`effect_factor_society_npv` and the
/// success rates of interventions outside contracts keep their closed forms).
fn break_even_with_contracts(
    s: &Scenario,
    by_year: Option<i32>,
    scale: &EffectScale,
    society_factor: Option<Decimal>,
    org_npv: Decimal,
) -> Result<BreakEven, ScenarioError> {
    let everything = || too_large("interventions");
    let hundred = Decimal::ONE_HUNDRED;
    let effect_factor_org_npv =
        smallest_where(Decimal::ZERO, hundred, &mut |f| Some(scale.org_npv_at(f)? >= Decimal::ZERO))
            .ok_or_else(everything)?;
    let effect_factor_payback_by = match by_year {
        Some(t) => {
            smallest_where(Decimal::ZERO, hundred, &mut |f| Some(scale.payback_year_at(f)?.is_some_and(|p| p <= t)))
                .ok_or_else(everything)?
        }
        None => None,
    };
    let mut interventions = Vec::with_capacity(s.interventions.len());
    for (i, iv) in s.interventions.iter().enumerate() {
        let failed = || intervention_too_large(i);
        let unit = YearSums::alone(s, i, &|iv| iv.success_rate = Decimal::ONE)?;
        let rate = match scale.contracts.iter().find(|t| t.index == i) {
            Some(terms) => {
                // org_npv at rate r = the others' + r × its inside savings per unit rate − its inside payments at r.
                let own = |r: Decimal| -> Checked<Decimal> {
                    let mut paid = vec![Decimal::ZERO; unit.inside.len()];
                    terms.inside_payments(r, &mut paid)?;
                    let net = unit
                        .inside
                        .iter()
                        .zip(&paid)
                        .map(|(u, p)| sub(mul(r, *u)?, *p))
                        .collect::<Checked<Vec<_>>>()?;
                    present_value(&net, &scale.discount)
                };
                let others = own(iv.success_rate).and_then(|o| sub(org_npv, o)).ok_or_else(failed)?;
                smallest_where(Decimal::ZERO, Decimal::ONE, &mut |r| Some(add(others, own(r)?)? >= Decimal::ZERO))
                    .ok_or_else(failed)?
            }
            None => {
                let unit = present_value(&unit.inside, &scale.discount).ok_or_else(failed)?;
                if unit > Decimal::ZERO {
                    Some(div(org_npv, unit).and_then(|q| sub(iv.success_rate, q)).ok_or_else(failed)?)
                } else {
                    None
                }
            }
        };
        interventions.push(InterventionBreakEven { id: iv.id.clone(), success_rate_for_org_npv: rate });
    }
    Ok(BreakEven {
        schema_version: 2,
        by_year,
        effect_factor_org_npv,
        effect_factor_society_npv: society_factor,
        effect_factor_payback_by,
        interventions,
    })
}

/// Whether a factor on the success rates is impossible: some intervention's
/// success rate times it is above 1 (no more than everyone can succeed).
pub fn exceeds_certainty(s: &Scenario, factor: Decimal) -> bool {
    s.interventions.iter().any(|iv| mul(iv.success_rate, factor).is_none_or(|r| r > Decimal::ONE))
}

/// `org_npv` and `society_npv` of one variant.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PresentValues {
    pub org_npv: Decimal,
    pub society_npv: Decimal,
}

/// "Which assumption matters most?": the contract's sensitivity figures.
#[derive(Debug, Clone, PartialEq)]
pub struct Sensitivity {
    pub schema_version: u32,
    /// The scenario as it is.
    pub base: PresentValues,
    /// One per intervention and ranged parameter, the widest `org_npv` swing first.
    pub items: Vec<SensitivityItem>,
}

impl Sensitivity {
    /// The contract's JSON (money to 2 decimals, ranges to 4).
    pub fn to_json(&self) -> String {
        let items = json_array(self.items.iter().map(|i| {
            JsonObject::new()
                .text("intervention", &i.intervention)
                .figure("parameter", i.parameter)
                .figure("low", &ratio_text(i.low))
                .figure("high", &ratio_text(i.high))
                .figure("org_npv_low", &money_text(i.org_npv_low))
                .figure("org_npv_high", &money_text(i.org_npv_high))
                .figure("society_npv_low", &money_text(i.society_npv_low))
                .figure("society_npv_high", &money_text(i.society_npv_high))
                .end()
        }));
        let base = JsonObject::new()
            .figure("org_npv", &money_text(self.base.org_npv))
            .figure("society_npv", &money_text(self.base.society_npv))
            .end();
        JsonObject::new()
            .raw("schema_version", &self.schema_version.to_string())
            .raw("base", &base)
            .raw("items", &items)
            .end()
    }
}

/// One parameter of one intervention set to its range's ends, all else as it is.
#[derive(Debug, Clone, PartialEq)]
pub struct SensitivityItem {
    /// The intervention's id.
    pub intervention: String,
    /// `success_rate`, `deadweight`, `drop_off`, `annual_cost` or `avoided_costs`.
    pub parameter: &'static str,
    /// The range's low end (a factor for `annual_cost` and `avoided_costs`).
    pub low: Decimal,
    pub high: Decimal,
    pub org_npv_low: Decimal,
    pub org_npv_high: Decimal,
    pub society_npv_low: Decimal,
    pub society_npv_high: Decimal,
}

impl SensitivityItem {
    /// `|org_npv_high − org_npv_low|`, what the items are ordered by.
    pub fn org_npv_swing(&self) -> Decimal {
        sub(self.org_npv_high, self.org_npv_low).map_or(Decimal::MAX, |d| d.abs())
    }
}

/// Sets parameter `k` (in the order success_rate, deadweight, drop_off,
/// annual_cost, avoided_costs; the last two as factors) to `value`.
pub fn set_parameter(iv: &mut Intervention, k: usize, value: Decimal) {
    // An amount too large to compute makes the simulation refuse it.
    let times = |amount: Decimal| mul(amount, value).unwrap_or(Decimal::MAX);
    match k {
        0 => iv.success_rate = value,
        1 => iv.deadweight = value,
        2 => iv.drop_off = value,
        3 => iv.annual_cost = times(iv.annual_cost),
        _ => iv.avoided_costs.iter_mut().for_each(|a| a.per_year = times(a.per_year)),
    }
}

/// The contract's sensitivity figures of a scenario, which is validated.
///
/// A variant changes one intervention: its present values are the
/// scenario's minus that intervention's own plus the variant's (each
/// intervention's flows add up), each from a simulation of that intervention
/// alone, so a scenario of any size takes one small simulation per variant.
pub fn sensitivity(s: &Scenario) -> Result<Sensitivity, ScenarioError> {
    validate(s)?;
    let scale = EffectScale::new(s)?;
    let everything = || too_large("interventions");
    let base = PresentValues {
        org_npv: scale.org_npv_at(Decimal::ONE).ok_or_else(everything)?,
        society_npv: scale.society_npv_at(Decimal::ONE).ok_or_else(everything)?,
    };
    let mut items = Vec::new();
    for (i, iv) in s.interventions.iter().enumerate() {
        let Some(u) = &iv.uncertainty else { continue };
        let ranges: [(&'static str, Option<Range>); 5] = [
            ("success_rate", u.success_rate),
            ("deadweight", u.deadweight),
            ("drop_off", u.drop_off),
            ("annual_cost", u.annual_cost),
            ("avoided_costs", u.avoided_costs),
        ];
        if ranges.iter().all(|(_, r)| r.is_none()) {
            continue;
        }
        let failed = || intervention_too_large(i);
        // The scenario's present values less this intervention's own, plus a variant's.
        let own = YearSums::alone(s, i, &|_| {})?.present_values(&scale.discount).ok_or_else(failed)?;
        let others_org = sub(base.org_npv, own.org_npv).ok_or_else(failed)?;
        let others_society = sub(base.society_npv, own.society_npv).ok_or_else(failed)?;
        let variant = |k: usize, value: Decimal| -> Result<PresentValues, ScenarioError> {
            let changed = YearSums::alone(s, i, &|iv| set_parameter(iv, k, value))?;
            let v = changed.present_values(&scale.discount).ok_or_else(failed)?;
            Ok(PresentValues {
                org_npv: add(others_org, v.org_npv).ok_or_else(failed)?,
                society_npv: add(others_society, v.society_npv).ok_or_else(failed)?,
            })
        };
        for (k, (parameter, range)) in ranges.into_iter().enumerate() {
            let Some(range) = range else { continue };
            let low = variant(k, range.low)?;
            let high = variant(k, range.high)?;
            items.push(SensitivityItem {
                intervention: iv.id.clone(),
                parameter,
                low: range.low,
                high: range.high,
                org_npv_low: low.org_npv,
                org_npv_high: high.org_npv,
                society_npv_low: low.society_npv,
                society_npv_high: high.society_npv,
            });
        }
    }
    // Largest swing first; an insertion sort is stable (equal swings keep
    // the contract's order) and adds no sort routine to the download.
    let mut keyed: Vec<(std::cmp::Reverse<Decimal>, SensitivityItem)> =
        items.into_iter().map(|item| (std::cmp::Reverse(item.org_npv_swing()), item)).collect();
    for i in 1..keyed.len() {
        let mut j = i;
        while j > 0 && keyed[j - 1].0 > keyed[j].0 {
            keyed.swap(j - 1, j);
            j -= 1;
        }
    }
    let items = keyed.into_iter().map(|(_, item)| item).collect();
    let schema_version = if s.outcome_contracts.is_empty() { 1 } else { 2 };
    Ok(Sensitivity { schema_version, base, items })
}

/// The contract's `breakEven(scenarioJson, byYear?)`.
pub fn break_even_json(scenario_json: &str, by_year: Option<i32>) -> Result<String, ScenarioError> {
    Ok(break_even(&Scenario::from_json(scenario_json)?, by_year)?.to_json())
}

/// The contract's `sensitivity(scenarioJson)`.
pub fn sensitivity_json(scenario_json: &str) -> Result<String, ScenarioError> {
    Ok(sensitivity(&Scenario::from_json(scenario_json)?)?.to_json())
}
