//! The decision charts' tables explained (`report::decision_charts`):
//!
//! - a tornado cell (`sens:<org|society>:<low|high>:<parameter>:<id>`): the
//!   present value of the scenario with that one assumption of intervention
//!   `<id>` at its range's low or high value — the present value's own trace
//!   ([`trace`]) run on the varied scenario, so it ends with the cell;
//! - a per-intervention break-even (`be:<id>`): `r − org_npv ÷ u` with the
//!   engine's pieces (`decision::unit_inside_savings`, `EffectScale`), and a
//!   check that the organisation's present value at that rate is zero; under
//!   an outcome contract the engine's search, said so, with the same check;
//! - a fan table's percentile (`fan:<fund|cum>:<p5|p50|p95>:<year>`): the
//!   nearest-rank rule with the run's number of draws, the rank and the
//!   seed, and the figure the run gave (the draws are not kept, so it cannot
//!   be recomputed here, which the explanation says); its deterministic
//!   column is the fund's closing balance (`close:<year>:`) or the
//!   cumulative organisation's net (`fan:cum:det:<year>`), traced;
//! - an assumption a table repeats (`in:<assumed|low|high>:<parameter>:<id>`:
//!   the break-even's assumed rate, the tornado's low and high values): an
//!   input, not a calculation, said so, with where it is set and its range.

use rust_decimal::prelude::RoundingStrategy;
use rust_decimal::Decimal;
use serde::Deserialize;

use super::{trace, Figure, Part, Quantity, Trace, Value};
use crate::model::decision::{break_even, set_parameter, unit_inside_savings, EffectScale};
use crate::model::scenario::Range;
use crate::model::simulate::{add, discount_factors, div, mul, present_value, sub};
use crate::model::{simulate, Intervention, Outcome, Scenario};
use crate::report::decision_charts::YearPercentilesJson;

/// The sensitivity's parameters, in the engine's order (`decision::set_parameter`'s `k`).
pub const PARAMETERS: [&str; 5] = ["success_rate", "deadweight", "drop_off", "annual_cost", "avoided_costs"];

/// The range of parameter `k` of an intervention, if it has one.
pub fn range_of(iv: &Intervention, k: usize) -> Option<Range> {
    let u = iv.uncertainty.as_ref()?;
    match k {
        0 => u.success_rate,
        1 => u.deadweight,
        2 => u.drop_off,
        3 => u.annual_cost,
        _ => u.avoided_costs,
    }
}

/// The value of parameter `k` as assumed (1 for a cost's factor range, which
/// is a share of the amount assumed).
pub fn assumed_of(iv: &Intervention, k: usize) -> Decimal {
    match k {
        0 => iv.success_rate,
        1 => iv.deadweight,
        2 => iv.drop_off,
        _ => Decimal::ONE,
    }
}

/// Which value of an assumption an input cell shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Assumed,
    Low,
    High,
}

impl End {
    const ALL: [(End, &'static str); 3] = [(End::Assumed, "assumed"), (End::Low, "low"), (End::High, "high")];

    fn key(self) -> &'static str {
        End::ALL.iter().find(|(e, _)| *e == self).map_or("", |(_, k)| k)
    }
}

/// A fan chart's series.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    FundClose,
    CumulativeOrgNet,
}

impl Series {
    pub fn key(self) -> &'static str {
        match self {
            Series::FundClose => "fund",
            Series::CumulativeOrgNet => "cum",
        }
    }
}

/// What a decision table's key names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionKey<'a> {
    Sensitivity {
        society: bool,
        high: bool,
        parameter: usize,
        intervention: &'a str,
    },
    BreakEven {
        intervention: &'a str,
    },
    /// Percentile `p` (5, 50 or 95) of a series in a calendar year.
    Percentile {
        series: Series,
        p: u32,
        year: i32,
    },
    /// The cumulative organisation's net to a calendar year, with the assumed values.
    Cumulative {
        year: i32,
    },
    /// An outcome contract's figure of the run: the chance that its investor loses money
    /// (`loss`), else the spread of its payments (5th–95th percentile).
    ContractRun {
        loss: bool,
        contract: &'a str,
    },
    /// An assumption of intervention `intervention` as a table repeats it:
    /// parameter `parameter`'s value assumed, or an end of its range.
    Input {
        end: End,
        parameter: usize,
        intervention: &'a str,
    },
}

impl DecisionKey<'_> {
    /// The key a table cell carries.
    pub fn key(&self) -> String {
        match self {
            DecisionKey::Sensitivity { society, high, parameter, intervention } => format!(
                "sens:{}:{}:{}:{intervention}",
                if *society { "society" } else { "org" },
                if *high { "high" } else { "low" },
                PARAMETERS.get(*parameter).copied().unwrap_or_default()
            ),
            DecisionKey::BreakEven { intervention } => format!("be:{intervention}"),
            DecisionKey::Percentile { series, p, year } => format!("fan:{}:p{p}:{year}", series.key()),
            DecisionKey::Cumulative { year } => format!("fan:cum:det:{year}"),
            DecisionKey::ContractRun { loss, contract } => {
                format!("mc:{}:{contract}", if *loss { "loss" } else { "pay" })
            }
            DecisionKey::Input { end, parameter, intervention } => {
                format!("in:{}:{}:{intervention}", end.key(), PARAMETERS.get(*parameter).copied().unwrap_or_default())
            }
        }
    }

    /// The key's meaning, or `None` for anything else (read defensively).
    pub fn parse(key: &str) -> Option<DecisionKey<'_>> {
        if key.len() > 200 {
            return None;
        }
        if let Some(rest) = key.strip_prefix("sens:") {
            let mut parts = rest.splitn(4, ':');
            let society = match parts.next()? {
                "org" => false,
                "society" => true,
                _ => return None,
            };
            let high = match parts.next()? {
                "low" => false,
                "high" => true,
                _ => return None,
            };
            let name = parts.next()?;
            let parameter = PARAMETERS.iter().position(|p| *p == name)?;
            return Some(DecisionKey::Sensitivity { society, high, parameter, intervention: parts.next()? });
        }
        if let Some(id) = key.strip_prefix("be:") {
            return Some(DecisionKey::BreakEven { intervention: id });
        }
        if let Some(rest) = key.strip_prefix("in:") {
            let mut parts = rest.splitn(3, ':');
            let end = parts.next()?;
            let end = End::ALL.iter().find(|(_, k)| *k == end)?.0;
            let name = parts.next()?;
            let parameter = PARAMETERS.iter().position(|p| *p == name)?;
            return Some(DecisionKey::Input { end, parameter, intervention: parts.next()? });
        }
        if let Some(contract) = key.strip_prefix("mc:loss:") {
            return Some(DecisionKey::ContractRun { loss: true, contract });
        }
        if let Some(contract) = key.strip_prefix("mc:pay:") {
            return Some(DecisionKey::ContractRun { loss: false, contract });
        }
        let rest = key.strip_prefix("fan:")?;
        let mut parts = rest.splitn(3, ':');
        let series = match parts.next()? {
            "fund" => Series::FundClose,
            "cum" => Series::CumulativeOrgNet,
            _ => return None,
        };
        let column = parts.next()?;
        let year: i32 = parts.next()?.parse().ok()?;
        match (series, column) {
            (Series::CumulativeOrgNet, "det") => Some(DecisionKey::Cumulative { year }),
            (_, "p5") => Some(DecisionKey::Percentile { series, p: 5, year }),
            (_, "p50") => Some(DecisionKey::Percentile { series, p: 50, year }),
            (_, "p95") => Some(DecisionKey::Percentile { series, p: 95, year }),
            _ => None,
        }
    }
}

/// A tornado cell: the scenario with one assumption changed, and its present value's trace.
#[derive(Debug, Clone)]
pub struct Varied {
    pub scenario: Scenario,
    pub outcome: Outcome,
    pub index: usize,
    pub parameter: usize,
    /// The assumption as in the scenario (1 for a factor range) and as set.
    pub assumed: Decimal,
    pub value: Decimal,
    /// The present value's trace in the varied scenario: its result is the cell.
    pub trace: Trace,
}

/// The tornado cell `key` names, traced.
pub fn varied(s: &Scenario, society: bool, high: bool, parameter: usize, intervention: &str) -> Option<Varied> {
    let index = s.interventions.iter().position(|i| i.id == intervention)?;
    let iv = &s.interventions[index];
    let range = range_of(iv, parameter)?;
    let value = if high { range.high } else { range.low };
    let assumed = assumed_of(iv, parameter);
    let mut scenario = s.clone();
    set_parameter(scenario.interventions.get_mut(index)?, parameter, value);
    let outcome = simulate(&scenario).ok()?;
    let trace = trace(&scenario, &outcome, if society { Figure::SocietyNpv } else { Figure::OrgNpv })?;
    Some(Varied { scenario, outcome, index, parameter, assumed, value, trace })
}

/// An assumption a decision table repeats: where it is (the intervention's
/// index), its value as assumed, its range and the value the cell shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Assumption {
    pub index: usize,
    pub assumed: Decimal,
    pub range: Option<Range>,
    pub value: Decimal,
}

/// The assumption an input cell names; `None` when the intervention is not
/// in the scenario or an end is asked of a parameter without a range.
pub fn assumption(s: &Scenario, end: End, parameter: usize, intervention: &str) -> Option<Assumption> {
    let index = s.interventions.iter().position(|i| i.id == intervention)?;
    let iv = &s.interventions[index];
    let assumed = assumed_of(iv, parameter);
    let range = range_of(iv, parameter);
    let value = match end {
        End::Assumed => assumed,
        End::Low => range?.low,
        End::High => range?.high,
    };
    Some(Assumption { index, assumed, range, value })
}

/// A per-intervention break-even, derived.
#[derive(Debug, Clone, PartialEq)]
pub struct BreakEvenTrace {
    pub index: usize,
    /// The success rate assumed, `r`.
    pub assumed: Decimal,
    /// The organisation's present value as the scenario is.
    pub org_npv: Decimal,
    /// The intervention's inside savings year by year at a success rate of 1, and the discount factors.
    pub unit_savings: Vec<Decimal>,
    pub discount: Vec<Decimal>,
    /// `u`: their present value (`None` under an outcome contract: the engine searches).
    pub unit: Option<Decimal>,
    /// `org_npv ÷ u`.
    pub quotient: Option<Decimal>,
    /// The rate needed (`None` when `u ≤ 0`).
    pub result: Option<Decimal>,
    /// Whether the engine found it by search (an outcome contract pays for the intervention).
    pub searched: bool,
    /// The organisation's present value of the scenario with the rate set to
    /// the result (when it is a rate, 0 to 1): zero to the öre.
    pub check: Option<Decimal>,
}

/// The break-even of intervention `id`, with the engine's pieces in its order.
pub fn break_even_trace(s: &Scenario, id: &str) -> Option<BreakEvenTrace> {
    let index = s.interventions.iter().position(|i| i.id == id)?;
    let iv = &s.interventions[index];
    let scale = EffectScale::new(s).ok()?;
    let org_npv = scale.org_npv_at(Decimal::ONE)?;
    let discount = discount_factors(s.discount_rate, s.horizon_years as usize)?;
    let unit_savings = unit_inside_savings(s, index).ok()?;
    let searched = s.contract_of(&iv.id).is_some();
    let (unit, quotient, result) = if searched {
        let be = break_even(s, None).ok()?;
        (None, None, be.interventions.get(index)?.success_rate_for_org_npv)
    } else {
        let u = present_value(&unit_savings, &discount)?;
        if u > Decimal::ZERO {
            let q = div(org_npv, u)?;
            (Some(u), Some(q), Some(sub(iv.success_rate, q)?))
        } else {
            (Some(u), None, None)
        }
    };
    let check = match result {
        Some(r) if r >= Decimal::ZERO && r <= Decimal::ONE => {
            let mut at = s.clone();
            at.interventions.get_mut(index)?.success_rate = r;
            simulate(&at).ok().map(|o| o.key_figures.org_npv)
        }
        _ => None,
    };
    Some(BreakEvenTrace {
        index,
        assumed: iv.success_rate,
        org_npv,
        unit_savings,
        discount,
        unit,
        quotient,
        result,
        searched,
        check,
    })
}

/// The Monte Carlo figures an explanation reads (the contract's JSON).
#[derive(Debug, Clone, Deserialize)]
pub struct RunJson {
    pub seed: u64,
    pub draws: u64,
    pub cumulative_org_net: Vec<YearPercentilesJson>,
    pub fund_close: Vec<YearPercentilesJson>,
    #[serde(default)]
    pub outcome_contracts: Vec<crate::report::contracts::ContractChances>,
}

/// An outcome contract's figure of the run: the rule's numbers and what the run gave.
#[derive(Debug, Clone, PartialEq)]
pub struct ContractRunTrace {
    pub draws: u64,
    pub seed: u64,
    /// The chance of a loss: the share of draws whose investor's net is below 0, and how many
    /// draws that is (share × N); the payments: the nearest ranks of the 5th and 95th percentiles.
    pub loss_share: Decimal,
    pub losing_draws: Decimal,
    pub ranks: (u64, u64),
    pub payments: (Decimal, Decimal),
    /// With the assumed values: the investor's net, and the payments within the horizon.
    pub investor_net: Decimal,
    pub payments_assumed: Decimal,
}

/// The run's figures of contract `id` (of the outcome `o`), traced.
pub fn contract_run_trace(o: &Outcome, run: &RunJson, id: &str) -> Option<ContractRunTrace> {
    let c = run.outcome_contracts.iter().find(|c| c.id == id)?;
    let assumed = o.outcome_contracts.iter().find(|c| c.id == id)?;
    let rank = |p: u64| (p * run.draws).div_ceil(100).clamp(1, run.draws.max(1));
    Some(ContractRunTrace {
        draws: run.draws,
        seed: run.seed,
        loss_share: c.investor_loss_share,
        losing_draws: (c.investor_loss_share * Decimal::from(run.draws)).round(),
        ranks: (rank(5), rank(95)),
        payments: (c.payments_total.p5, c.payments_total.p95),
        investor_net: assumed.investor_net,
        payments_assumed: assumed.payments_total,
    })
}

/// A percentile of the run: the rule's numbers and the figure the run gave.
#[derive(Debug, Clone, PartialEq)]
pub struct PercentileTrace {
    pub p: u32,
    pub draws: u64,
    /// The nearest rank, ⌈p/100 × N⌉ (at least 1).
    pub rank: u64,
    pub seed: u64,
    pub value: Decimal,
    /// The figure with the assumed values, when the outcome has the year.
    pub deterministic: Option<Decimal>,
}

/// The percentile `p` of `series` in `year` as the run `run` gave it.
pub fn percentile_trace(o: &Outcome, run: &RunJson, series: Series, p: u32, year: i32) -> Option<PercentileTrace> {
    let list = match series {
        Series::FundClose => &run.fund_close,
        Series::CumulativeOrgNet => &run.cumulative_org_net,
    };
    let at = list.iter().find(|y| y.year == year)?;
    let value = match p {
        5 => at.p5,
        50 => at.p50,
        95 => at.p95,
        _ => return None,
    };
    let rank = (u64::from(p) * run.draws).div_ceil(100).clamp(1, run.draws.max(1));
    let deterministic = match series {
        Series::FundClose => o.fund.iter().find(|f| f.year == year).map(|f| f.close),
        Series::CumulativeOrgNet => cumulative(o, year).map(|t| t.1),
    };
    Some(PercentileTrace { p, draws: run.draws, rank, seed: run.seed, value, deterministic })
}

/// The organisation's net of each year up to `year` (as parts) and their sum.
pub fn cumulative(o: &Outcome, year: i32) -> Option<(Vec<Part>, Decimal)> {
    let last = o.years.iter().position(|y| *y == year)?;
    let mut sum = Decimal::ZERO;
    let mut parts = Vec::with_capacity(last + 1);
    for (y, net) in o.org_net.iter().enumerate().take(last + 1) {
        sum = add(sum, *net)?;
        parts.push(Part { what: Quantity::Net { year: y }, value: Value::Money(*net), parts: Vec::new() });
    }
    Some((parts, sum))
}

/// Money as the worker's JSON carries it: rounded to the öre (half away from zero).
pub fn to_ore(v: Decimal) -> Decimal {
    v.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// A ratio as the JSON carries it: 4 decimals.
pub fn to_ratio(v: Decimal) -> Decimal {
    v.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero)
}

/// The organisation's present value on the straight line through the
/// scenario at rate `r`: `org_npv − (r_assumed − r) × u` (for a check where
/// the rate is no rate one can simulate).
pub fn on_the_line(t: &BreakEvenTrace, r: Decimal) -> Option<Decimal> {
    sub(t.org_npv, mul(sub(t.assumed, r)?, t.unit?)?)
}

#[cfg(test)]
#[path = "decision_tests.rs"]
mod tests;
