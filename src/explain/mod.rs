//! "How is this calculated?": the derivation of each figure the app shows,
//! from the scenario's own numbers down to the figure, as a tree of named
//! quantities ([`Trace`]). Pure and Yew-free, written as markup by the
//! on-demand module (`src/on_demand/explain.rs`), so it weighs nothing in the
//! first download.
//!
//! Every value in a trace comes from the engine's own functions
//! (`effective_successes`, `cohort_profile`, `repay_fixed`,
//! `repay_savings_share`, `discount_factors`, `present_value`,
//! `payback_year`) and its checked arithmetic, added in the engine's order,
//! so an explanation's result is the figure it explains to the last digit (a
//! test holds it over every preset and generated scenarios). The one value
//! shown only to explain, never added into a figure, is a single cohort's
//! savings (`E × avoided cost × (1 − drop-off)^k`): the engine sums the
//! cohorts' factors first and rounds that sum to 16 decimals.

// Only the on-demand module explains the views' tables (comparison, contracts, decisions): kept
// out of the app's wasm, where they would change nothing but the code's layout (bytes, measured).
#[cfg(any(feature = "on-demand", not(target_arch = "wasm32")))]
pub mod compare;
#[cfg(any(feature = "on-demand", not(target_arch = "wasm32")))]
pub mod contract;
pub mod decision;
pub mod figure;
pub mod term;
pub mod write;
#[cfg(any(feature = "on-demand", not(target_arch = "wasm32")))]
pub mod write_decision;

use rust_decimal::Decimal;

use crate::model::simulate::{
    add, cohort_profile, discount_factors, div, effective_successes, mul, payback_year, present_value, repay_fixed,
    repay_savings_share, running_years, sub,
};
use crate::model::{Accounting, Intervention, Outcome, RepaymentRule, Scenario};

pub use figure::{ActorField, Figure, FundField, InterventionField, TotalField};

/// One named quantity of a derivation, with its value and, when it is
/// itself derived, the quantities it is made of.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub what: Quantity,
    pub value: Value,
    pub parts: Vec<Part>,
}

/// A value as the explanation writes it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Value {
    Money(Decimal),
    /// A share or rate (0.2 = 20 %).
    Ratio(Decimal),
    /// A count or a plain factor (participants, effective successes, a discount factor).
    Number(Decimal),
    /// A calendar year, or none.
    Year(Option<i32>),
}

impl Value {
    /// The decimal of a money, ratio or number value.
    pub fn decimal(self) -> Option<Decimal> {
        match self {
            Value::Money(d) | Value::Ratio(d) | Value::Number(d) => Some(d),
            Value::Year(_) => None,
        }
    }
}

/// What a part of a derivation is. Indices are into the scenario's lists;
/// `year` is a year index (0 = the start year).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Quantity {
    // Inputs of an intervention.
    Participants,
    SuccessRate,
    Deadweight,
    /// `E = participants × success rate × (1 − deadweight)`.
    EffectiveSuccesses,
    AvoidedCost,
    DropOff,
    LagYears,
    BenefitYears,
    AnnualCost,
    FundShare,
    RunningYears,
    /// The cohort that entered in year `start`, `k` years into its benefit:
    /// value `E × avoided cost × (1 − drop-off)^k`.
    Cohort {
        start: usize,
        k: u32,
    },
    /// `(1 − drop-off)^k`.
    DropOffFactor {
        k: u32,
    },
    /// An intervention's contribution to the figure.
    Intervention {
        index: usize,
    },
    /// An actor's contribution to the figure.
    Actor {
        index: usize,
    },
    // Repayment.
    FixedRule,
    SavingsShareRule,
    RepaymentShare,
    Instalments,
    FirstRepaymentYear {
        year: usize,
    },
    TotalGrant,
    Due,
    Instalment,
    Cap,
    CapLimit,
    NoCap,
    RepaidBefore,
    InsideSavings,
    /// `share × max(savings, 0)` before the cap.
    Owed,
    /// What the cap leaves to be repaid this year.
    Room,
    // The fund.
    InitialCapital,
    PreviousClose,
    Allocation,
    Grants,
    Repayments,
    Accounting(Accounting),
    FinancedBy,
    // Results.
    Savings,
    CoFinancing,
    Repayment,
    FundCost,
    GrantsReceived,
    Costs,
    SavingsInside,
    SavingsAll,
    Net {
        year: usize,
    },
    DiscountRate,
    DiscountFactor {
        year: usize,
    },
    Discounted {
        year: usize,
    },
    Cumulative {
        year: usize,
    },
    TotalRepayments,
    TotalGrants,
    /// Outcome payments under contracts (by inside actors in the organisation's net).
    OutcomePayments,
    /// Contract `index`'s payment by the actor that year.
    Contract {
        index: usize,
    },
    /// A year's amount in a sum over the years.
    InYear {
        year: usize,
    },
    SavingsTotal,
    CostBorne,
    /// A quantity of an outcome contract's views (`contract`).
    #[cfg(any(feature = "on-demand", not(target_arch = "wasm32")))]
    InContract(contract::ContractQuantity),
}

/// The explanation of one figure: its rule, the parts it is made of and the
/// result, which is the figure shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Trace {
    pub figure: Figure,
    pub parts: Vec<Part>,
    pub result: Value,
}

fn part(what: Quantity, value: Value) -> Part {
    Part { what, value, parts: Vec::new() }
}

fn money(what: Quantity, value: Decimal) -> Part {
    part(what, Value::Money(value))
}

fn with(what: Quantity, value: Value, parts: Vec<Part>) -> Part {
    Part { what, value, parts }
}

fn year_count(s: &Scenario) -> usize {
    s.horizon_years as usize
}

/// Whether an outcome contract pays for `iv` (its investor pays the costs:
/// no grant, no co-financing, no repayment).
fn contracted(s: &Scenario, iv: &Intervention) -> bool {
    s.contract_of(&iv.id).is_some()
}

fn allocation(s: &Scenario, y: usize) -> Decimal {
    s.fund.allocations.get(y).copied().unwrap_or(Decimal::ZERO)
}

/// The trace of `figure` in the outcome `o` of the valid scenario `s`;
/// `None` when the figure is not in this outcome (a year or an actor out of
/// range) or an amount is too large to compute.
pub fn trace(s: &Scenario, o: &Outcome, figure: Figure) -> Option<Trace> {
    let years = year_count(s);
    let (parts, result) = match figure {
        Figure::TotalCost => {
            let mut total = Decimal::ZERO;
            let mut parts = Vec::new();
            for (i, iv) in s.interventions.iter().enumerate() {
                let running = running_years(iv, years);
                let cost = mul(iv.annual_cost, Decimal::from(running.len()))?;
                total = add(total, cost)?;
                parts.push(with(
                    Quantity::Intervention { index: i },
                    Value::Money(cost),
                    vec![
                        money(Quantity::AnnualCost, iv.annual_cost),
                        part(Quantity::RunningYears, Value::Number(Decimal::from(running.len()))),
                    ],
                ));
            }
            (parts, Value::Money(total))
        }
        Figure::SavingsInside | Figure::SavingsOutside => {
            let inside = figure == Figure::SavingsInside;
            let parts = s
                .actors
                .iter()
                .enumerate()
                .filter(|(_, x)| x.inside == inside)
                .map(|(a, _)| Some(money(Quantity::Actor { index: a }, o.actors.get(a)?.savings_total)))
                .collect::<Option<Vec<_>>>()?;
            // Added as the engine adds: each year's savings over the actors, then the years.
            let (mut inside_total, mut all_total) = (Decimal::ZERO, Decimal::ZERO);
            for y in 0..years {
                let (mut inside_y, mut all_y) = (Decimal::ZERO, Decimal::ZERO);
                for (a, actor) in s.actors.iter().enumerate() {
                    let v = o.actors.get(a)?.rows.get(y)?.savings;
                    all_y = add(all_y, v)?;
                    if actor.inside {
                        inside_y = add(inside_y, v)?;
                    }
                }
                inside_total = add(inside_total, inside_y)?;
                all_total = add(all_total, all_y)?;
            }
            (parts, Value::Money(if inside { inside_total } else { sub(all_total, inside_total)? }))
        }
        Figure::OrgNpv | Figure::SocietyNpv => {
            let nets = if figure == Figure::OrgNpv { &o.org_net } else { &o.society_net };
            present_value_parts(s, nets)?
        }
        Figure::ActorNpv { actor } => {
            let nets: Vec<Decimal> = o.actors.get(actor)?.rows.iter().map(|r| r.net).collect();
            present_value_parts(s, &nets)?
        }
        Figure::PaybackYear => {
            let mut cumulative = Decimal::ZERO;
            let mut parts = Vec::with_capacity(years);
            for (y, net) in o.org_net.iter().enumerate() {
                cumulative = add(cumulative, *net)?;
                parts.push(with(
                    Quantity::Cumulative { year: y },
                    Value::Money(cumulative),
                    vec![money(Quantity::Net { year: y }, *net)],
                ));
            }
            (parts, Value::Year(payback_year(&o.org_net, s.start_year)?))
        }
        Figure::RevolvingRatio => {
            let grants = o.fund.iter().try_fold(Decimal::ZERO, |t, f| add(t, f.grants))?;
            let repaid = o.fund.iter().try_fold(Decimal::ZERO, |t, f| add(t, f.repayments))?;
            let ratio = if grants.is_zero() { None } else { Some(div(repaid, grants)?) };
            let parts = vec![money(Quantity::TotalRepayments, repaid), money(Quantity::TotalGrants, grants)];
            (parts, ratio.map_or(Value::Year(None), Value::Ratio))
        }
        Figure::Fund { field, year } => fund_parts(s, o, field, year)?,
        Figure::OrgNet { year } | Figure::SocietyNet { year } => {
            let inside_only = matches!(figure, Figure::OrgNet { .. });
            if year >= years {
                return None;
            }
            let mut saved = Decimal::ZERO;
            let mut savers = Vec::new();
            for (a, _) in s.actors.iter().enumerate().filter(|(_, x)| x.inside || !inside_only) {
                let v = o.actors.get(a)?.rows.get(year)?.savings;
                saved = add(saved, v)?;
                savers.push(money(Quantity::Actor { index: a }, v));
            }
            // The organisation's costs leave out contracted interventions and add the inside actors' outcome payments.
            let (costs, cost_parts) = costs_in(s, year, inside_only)?;
            let what = if inside_only { Quantity::SavingsInside } else { Quantity::SavingsAll };
            let mut parts =
                vec![with(what, Value::Money(saved), savers), with(Quantity::Costs, Value::Money(costs), cost_parts)];
            let mut net = sub(saved, costs)?;
            if inside_only && !s.outcome_contracts.is_empty() {
                let (mut paid, mut payers) = (Decimal::ZERO, Vec::new());
                for (a, _) in s.actors.iter().enumerate().filter(|(_, x)| x.inside) {
                    let v = o.actors.get(a)?.rows.get(year)?.outcome_payments.unwrap_or_default();
                    paid = add(paid, v)?;
                    payers.push(money(Quantity::Actor { index: a }, v));
                }
                net = sub(net, paid)?;
                parts.push(with(Quantity::OutcomePayments, Value::Money(paid), payers));
            }
            (parts, Value::Money(net))
        }
        Figure::Actor { actor, field, year } => actor_parts(s, o, actor, field, year)?,
        Figure::ActorTotal { actor, field } => total_parts(o, actor, field)?,
        Figure::FundKept { drawn } => {
            let (cost, repaid, granted) = fund_flows(o)?;
            let kept = sub(add(cost, repaid)?, granted)?;
            let parts = vec![
                money(Quantity::FundCost, cost),
                money(Quantity::Repayments, repaid),
                money(Quantity::Grants, granted),
            ];
            (parts, Value::Money(if drawn { -kept } else { kept }))
        }
        Figure::Intervention { index, field } => intervention_parts(s, index, field)?,
    };
    Some(Trace { figure, parts, result })
}

/// `Σ_y net_y / (1 + r)^y`, each year's discounted value with its factor.
fn present_value_parts(s: &Scenario, nets: &[Decimal]) -> Option<(Vec<Part>, Value)> {
    let factors = discount_factors(s.discount_rate, nets.len())?;
    let mut parts = vec![part(Quantity::DiscountRate, Value::Ratio(s.discount_rate))];
    for (y, (net, factor)) in nets.iter().zip(&factors).enumerate() {
        parts.push(with(
            Quantity::Discounted { year: y },
            Value::Money(div(*net, *factor)?),
            vec![
                money(Quantity::Net { year: y }, *net),
                part(Quantity::DiscountFactor { year: y }, Value::Number(*factor)),
            ],
        ));
    }
    Some((parts, Value::Money(present_value(nets, &factors)?)))
}

/// The intervention costs of year `y`, with each running intervention's
/// (for the organisation, `org`, not those an outcome contract's investor pays).
fn costs_in(s: &Scenario, y: usize, org: bool) -> Option<(Decimal, Vec<Part>)> {
    let mut total = Decimal::ZERO;
    let mut parts = Vec::new();
    for (i, iv) in s.interventions.iter().enumerate() {
        if running_years(iv, year_count(s)).contains(&y) && !(org && contracted(s, iv)) {
            total = add(total, iv.annual_cost)?;
            parts.push(money(Quantity::Intervention { index: i }, iv.annual_cost));
        }
    }
    Some((total, parts))
}

/// The grants of year `y` (`annual cost × fund share` of each running intervention).
fn grants_in(s: &Scenario, y: usize, owner: Option<&str>) -> Option<(Decimal, Vec<Part>)> {
    let mut total = Decimal::ZERO;
    let mut parts = Vec::new();
    for (i, iv) in s.interventions.iter().enumerate() {
        if owner.is_some_and(|o| o != iv.owner) || !running_years(iv, year_count(s)).contains(&y) || contracted(s, iv) {
            continue;
        }
        let grant = mul(iv.annual_cost, iv.fund_share)?;
        total = add(total, grant)?;
        parts.push(with(
            Quantity::Intervention { index: i },
            Value::Money(grant),
            vec![money(Quantity::AnnualCost, iv.annual_cost), part(Quantity::FundShare, Value::Ratio(iv.fund_share))],
        ));
    }
    Some((total, parts))
}

fn fund_parts(s: &Scenario, o: &Outcome, field: FundField, y: usize) -> Option<(Vec<Part>, Value)> {
    let row = o.fund.get(y)?;
    Some(match field {
        FundField::Open => {
            if y == 0 {
                (vec![money(Quantity::InitialCapital, s.fund.initial_capital)], Value::Money(s.fund.initial_capital))
            } else {
                let before = o.fund.get(y - 1)?.close;
                (vec![money(Quantity::PreviousClose, before)], Value::Money(before))
            }
        }
        FundField::Allocation => (vec![money(Quantity::Allocation, allocation(s, y))], Value::Money(allocation(s, y))),
        FundField::Grants => {
            let (total, parts) = grants_in(s, y, None)?;
            (parts, Value::Money(total))
        }
        FundField::Repayments => {
            let mut total = Decimal::ZERO;
            let mut parts = Vec::new();
            for i in 0..s.interventions.len() {
                let rows = repayment_rows(s, i)?;
                let mut paid = Decimal::ZERO;
                for (_, row) in &rows {
                    paid = add(paid, row[y])?;
                }
                if !paid.is_zero() {
                    parts.push(money(Quantity::Intervention { index: i }, paid));
                }
                for (_, row) in &rows {
                    total = add(total, row[y])?;
                }
            }
            (parts, Value::Money(total))
        }
        FundField::Close => {
            let close = sub(add(add(row.open, row.allocation)?, row.repayments)?, row.grants)?;
            let parts = vec![
                money(Quantity::PreviousClose, row.open),
                money(Quantity::Allocation, row.allocation),
                money(Quantity::Repayments, row.repayments),
                money(Quantity::Grants, row.grants),
            ];
            (parts, Value::Money(close))
        }
    })
}

fn actor_parts(s: &Scenario, o: &Outcome, a: usize, field: ActorField, y: usize) -> Option<(Vec<Part>, Value)> {
    let actor = s.actors.get(a)?;
    let row = o.actors.get(a)?.rows.get(y)?;
    Some(match field {
        ActorField::Savings => {
            let mut total = Decimal::ZERO;
            let mut parts = Vec::new();
            for (i, iv) in s.interventions.iter().enumerate() {
                let Some(avoided) = iv.avoided_costs.iter().find(|c| c.actor == actor.id) else {
                    continue;
                };
                let (amount, cohort) = savings_of(s, iv, avoided.per_year, y)?;
                total = add(total, amount)?;
                parts.push(with(Quantity::Intervention { index: i }, Value::Money(amount), cohort));
            }
            (parts, Value::Money(total))
        }
        ActorField::CoFinancing => {
            let mut total = Decimal::ZERO;
            let mut parts = Vec::new();
            for (i, iv) in s.interventions.iter().enumerate() {
                if iv.owner != actor.id || !running_years(iv, year_count(s)).contains(&y) || contracted(s, iv) {
                    continue;
                }
                let grant = mul(iv.annual_cost, iv.fund_share)?;
                let own = sub(iv.annual_cost, grant)?;
                total = add(total, own)?;
                parts.push(with(
                    Quantity::Intervention { index: i },
                    Value::Money(own),
                    vec![
                        money(Quantity::AnnualCost, iv.annual_cost),
                        part(Quantity::FundShare, Value::Ratio(iv.fund_share)),
                    ],
                ));
            }
            (parts, Value::Money(total))
        }
        ActorField::GrantsReceived => {
            let (total, parts) = grants_in(s, y, Some(&actor.id))?;
            (parts, Value::Money(total))
        }
        ActorField::Repayment => {
            let mut total = Decimal::ZERO;
            let mut parts = Vec::new();
            for (i, iv) in s.interventions.iter().enumerate() {
                let rows = repayment_rows(s, i)?;
                let Some((_, row)) = rows.iter().find(|(payer, _)| *payer == a) else {
                    continue;
                };
                total = add(total, row[y])?;
                parts.push(with(
                    Quantity::Intervention { index: i },
                    Value::Money(row[y]),
                    repayment_rule_parts(s, iv, &rows, a, y)?,
                ));
            }
            (parts, Value::Money(total))
        }
        ActorField::FundCost => {
            let fund_cost = if s.fund.financed_by != actor.id {
                (vec![part(Quantity::FinancedBy, Value::Number(Decimal::ZERO))], Decimal::ZERO)
            } else {
                match s.fund.accounting {
                    Accounting::Appropriation => (
                        vec![
                            part(Quantity::Accounting(Accounting::Appropriation), Value::Money(allocation(s, y))),
                            money(Quantity::Allocation, allocation(s, y)),
                        ],
                        allocation(s, y),
                    ),
                    Accounting::EarmarkedEquity => {
                        let f = o.fund.get(y)?;
                        let cost = sub(f.grants, f.repayments)?;
                        (
                            vec![
                                part(Quantity::Accounting(Accounting::EarmarkedEquity), Value::Money(cost)),
                                money(Quantity::Grants, f.grants),
                                money(Quantity::Repayments, f.repayments),
                            ],
                            cost,
                        )
                    }
                }
            };
            (fund_cost.0, Value::Money(fund_cost.1))
        }
        ActorField::Net => {
            let paid = row.outcome_payments.unwrap_or_default();
            let cost = add(add(add(row.co_financing, row.repayment)?, row.fund_cost)?, paid)?;
            let mut parts = vec![
                money(Quantity::Savings, row.savings),
                money(Quantity::CoFinancing, row.co_financing),
                money(Quantity::Repayment, row.repayment),
                money(Quantity::FundCost, row.fund_cost),
            ];
            if row.outcome_payments.is_some() {
                parts.push(money(Quantity::OutcomePayments, paid));
            }
            (parts, Value::Money(sub(row.savings, cost)?))
        }
        ActorField::OutcomePayments => {
            // Each contract's payment by this actor, as the engine split it between payer and co-payers.
            let mut total = Decimal::ZERO;
            let mut parts = Vec::new();
            for (c, contract) in o.outcome_contracts.iter().enumerate() {
                for (id, row) in &contract.payments_by_actor {
                    if *id == actor.id {
                        let v = *row.get(y)?;
                        total = add(total, v)?;
                        parts.push(money(Quantity::Contract { index: c }, v));
                    }
                }
            }
            (parts, Value::Money(total))
        }
    })
}

/// Over the horizon: the financer's fund costs, the repayments and the grants.
fn fund_flows(o: &Outcome) -> Option<(Decimal, Decimal, Decimal)> {
    let cost = o.actors.iter().flat_map(|a| &a.rows).try_fold(Decimal::ZERO, |t, r| add(t, r.fund_cost))?;
    let repaid = o.fund.iter().try_fold(Decimal::ZERO, |t, f| add(t, f.repayments))?;
    let granted = o.fund.iter().try_fold(Decimal::ZERO, |t, f| add(t, f.grants))?;
    Some((cost, repaid, granted))
}

/// An actor's total over the horizon, added year by year as the engine adds
/// it: the savings, the cost it bears (each year's co-financing + repayment +
/// fund cost + outcome payments), or the net (the years' nets, shown as the
/// savings less the cost).
fn total_parts(o: &Outcome, a: usize, field: TotalField) -> Option<(Vec<Part>, Value)> {
    let actor = o.actors.get(a)?;
    let cost_of = |r: &crate::model::outcome::ActorYear| {
        add(add(add(r.co_financing, r.repayment)?, r.fund_cost)?, r.outcome_payments.unwrap_or_default())
    };
    let yearly = |f: &dyn Fn(&crate::model::outcome::ActorYear) -> Option<Decimal>| -> Option<(Decimal, Vec<Part>)> {
        let (mut sum, mut parts) = (Decimal::ZERO, Vec::with_capacity(actor.rows.len()));
        for (y, r) in actor.rows.iter().enumerate() {
            let v = f(r)?;
            sum = add(sum, v)?;
            parts.push(money(Quantity::InYear { year: y }, v));
        }
        Some((sum, parts))
    };
    Some(match field {
        TotalField::SavingsTotal => {
            let (sum, parts) = yearly(&|r| Some(r.savings))?;
            (parts, Value::Money(sum))
        }
        TotalField::Cost => {
            let (sum, parts) = yearly(&cost_of)?;
            (parts, Value::Money(sum))
        }
        TotalField::NetTotal => {
            let (saved, _) = yearly(&|r| Some(r.savings))?;
            let (cost, _) = yearly(&cost_of)?;
            let (net, _) = yearly(&|r| Some(r.net))?;
            (vec![money(Quantity::SavingsTotal, saved), money(Quantity::CostBorne, cost)], Value::Money(net))
        }
    })
}

/// One intervention's savings for an actor with `per_year` avoided cost in
/// year `y`: the engine's profile (`Σ_cohorts E × (1 − drop-off)^k`, rounded
/// to 16 decimals) times the avoided cost; and its cohorts, each
/// `E × avoided cost × (1 − drop-off)^k`, to show what the sum is made of.
pub(crate) fn savings_of(s: &Scenario, iv: &Intervention, per_year: Decimal, y: usize) -> Option<(Decimal, Vec<Part>)> {
    let years = year_count(s);
    let running = running_years(iv, years);
    let effective = effective_successes(iv.participants_per_year, iv.success_rate, iv.deadweight)?;
    let profile = cohort_profile(iv, &running, years)?;
    let amount = mul(*profile.get(y)?, per_year)?;
    let mut parts = vec![
        with(
            Quantity::EffectiveSuccesses,
            Value::Number(effective),
            vec![
                part(Quantity::Participants, Value::Number(iv.participants_per_year)),
                part(Quantity::SuccessRate, Value::Ratio(iv.success_rate)),
                part(Quantity::Deadweight, Value::Ratio(iv.deadweight)),
            ],
        ),
        money(Quantity::AvoidedCost, per_year),
        part(Quantity::DropOff, Value::Ratio(iv.drop_off)),
        part(Quantity::LagYears, Value::Number(Decimal::from(iv.lag_years))),
        part(Quantity::BenefitYears, Value::Number(Decimal::from(iv.benefit_years))),
    ];
    let remaining = Decimal::ONE - iv.drop_off;
    for start in running {
        // k = y − s − lag, a cohort in its benefit years when 0 ≤ k < benefit_years.
        let Some(k) = y.checked_sub(start).and_then(|d| d.checked_sub(iv.lag_years as usize)) else {
            continue;
        };
        if k >= iv.benefit_years as usize {
            continue;
        }
        let mut factor = Decimal::ONE;
        for _ in 0..k {
            factor = mul(factor, remaining)?;
        }
        let k = k as u32;
        let cohort = mul(mul(effective, per_year)?, factor)?;
        parts.push(with(
            Quantity::Cohort { start, k },
            Value::Money(cohort),
            vec![part(Quantity::DropOffFactor { k }, Value::Number(factor))],
        ));
    }
    Some((amount, parts))
}

/// Intervention `i`'s repayments per paying actor and year, as the engine
/// computes them (`repay_fixed`, `repay_savings_share` on the inside actors'
/// savings rows).
fn repayment_rows(s: &Scenario, i: usize) -> Option<Vec<(usize, Vec<Decimal>)>> {
    Some(repayments_of(s, i)?.0)
}

/// Each repaying year's index with its amounts, as [`repayment_rows`] gives them.
type RepaymentRows = Vec<(usize, Vec<Decimal>)>;

/// [`repayment_rows`] and what is outstanding, as the engine has it (`None`
/// for a savings share with no cap).
fn repayments_of(s: &Scenario, i: usize) -> Option<(RepaymentRows, Option<Decimal>)> {
    let iv = s.interventions.get(i)?;
    let years = year_count(s);
    let running = running_years(iv, years);
    let total_grant = mul(mul(iv.annual_cost, iv.fund_share)?, Decimal::from(running.len()))?;
    let index = |id: &str| s.actors.iter().position(|a| a.id == id);
    if contracted(s, iv) {
        return Some((Vec::new(), Some(Decimal::ZERO)));
    }
    Some(match s.repayment_rule(iv) {
        RepaymentRule::None => (Vec::new(), Some(Decimal::ZERO)),
        RepaymentRule::Fixed { share, years: n, start_after } => {
            let due = mul(*share, total_grant)?;
            let first = u64::from(iv.start) + u64::from(iv.years) + u64::from(*start_after);
            let (row, outstanding) = repay_fixed(due, *n, first, years)?;
            (vec![(index(&iv.owner)?, row)], Some(outstanding))
        }
        RepaymentRule::SavingsShare { share, cap, start_after } => {
            let limit = match cap {
                Some(c) => Some(mul(*c, total_grant)?),
                None => None,
            };
            let profile = cohort_profile(iv, &running, years)?;
            let mut inside = Vec::new();
            for c in &iv.avoided_costs {
                let a = index(&c.actor)?;
                if s.actors[a].inside {
                    inside.push((a, profile.iter().map(|p| mul(*p, c.per_year)).collect::<Option<Vec<_>>>()?));
                }
            }
            let inside: Vec<&(usize, Vec<Decimal>)> = inside.iter().collect();
            let first = u64::from(iv.start) + u64::from(*start_after);
            let (rows, repaid) = repay_savings_share(&inside, *share, limit, first, years)?;
            let outstanding = match limit {
                Some(l) => Some(sub(l, repaid)?.max(Decimal::ZERO)),
                None => None,
            };
            (rows, outstanding)
        }
    })
}

/// The rule behind actor `a`'s repayment of intervention `iv` in year `y`,
/// with its figures: the due amount and instalment, or the share, the
/// savings, the cap and what was repaid before.
fn repayment_rule_parts(
    s: &Scenario,
    iv: &Intervention,
    rows: &[(usize, Vec<Decimal>)],
    a: usize,
    y: usize,
) -> Option<Vec<Part>> {
    let years = year_count(s);
    let running = running_years(iv, years);
    let grant = mul(iv.annual_cost, iv.fund_share)?;
    let total_grant = mul(grant, Decimal::from(running.len()))?;
    let total_grant_part = with(
        Quantity::TotalGrant,
        Value::Money(total_grant),
        vec![
            money(Quantity::AnnualCost, iv.annual_cost),
            part(Quantity::FundShare, Value::Ratio(iv.fund_share)),
            part(Quantity::RunningYears, Value::Number(Decimal::from(running.len()))),
        ],
    );
    if contracted(s, iv) {
        return Some(Vec::new());
    }
    Some(match s.repayment_rule(iv) {
        RepaymentRule::None => Vec::new(),
        RepaymentRule::Fixed { share, years: n, start_after } => {
            let due = mul(*share, total_grant)?;
            let first = iv.start as usize + iv.years as usize + *start_after as usize;
            vec![
                part(Quantity::FixedRule, Value::Ratio(*share)),
                total_grant_part,
                part(Quantity::RepaymentShare, Value::Ratio(*share)),
                money(Quantity::Due, due),
                part(Quantity::Instalments, Value::Number(Decimal::from(*n))),
                money(Quantity::Instalment, div(due, Decimal::from(*n))?),
                part(Quantity::FirstRepaymentYear { year: first }, Value::Year(Some(s.start_year + first as i32))),
            ]
        }
        RepaymentRule::SavingsShare { share, cap, start_after } => {
            let mut repaid_before = Decimal::ZERO;
            for (_, row) in rows {
                for v in row.iter().take(y) {
                    repaid_before = add(repaid_before, *v)?;
                }
            }
            let first = iv.start as usize + *start_after as usize;
            let per_year = iv.avoided_costs.iter().find(|c| c.actor == s.actors[a].id)?.per_year;
            let profile = cohort_profile(iv, &running, years)?;
            let savings = mul(*profile.get(y)?, per_year)?;
            let owed = if y >= first { mul(*share, savings.max(Decimal::ZERO))? } else { Decimal::ZERO };
            let mut parts = vec![
                part(Quantity::SavingsShareRule, Value::Ratio(*share)),
                part(Quantity::FirstRepaymentYear { year: first }, Value::Year(Some(s.start_year + first as i32))),
                money(Quantity::Savings, savings),
                part(Quantity::RepaymentShare, Value::Ratio(*share)),
                money(Quantity::Owed, owed),
            ];
            match cap {
                Some(c) => {
                    let limit = mul(*c, total_grant)?;
                    parts.push(total_grant_part);
                    parts.push(part(Quantity::Cap, Value::Ratio(*c)));
                    parts.push(money(Quantity::CapLimit, limit));
                    parts.push(money(Quantity::RepaidBefore, repaid_before));
                    parts.push(money(Quantity::Room, sub(limit, repaid_before)?.max(Decimal::ZERO)));
                }
                None => parts.push(part(Quantity::NoCap, Value::Year(None))),
            }
            parts
        }
    })
}

fn intervention_parts(s: &Scenario, i: usize, field: InterventionField) -> Option<(Vec<Part>, Value)> {
    let iv = s.interventions.get(i)?;
    let years = year_count(s);
    let running = running_years(iv, years);
    let grant = if contracted(s, iv) { Decimal::ZERO } else { mul(iv.annual_cost, iv.fund_share)? };
    let total_grant = mul(grant, Decimal::from(running.len()))?;
    let grant_parts = vec![
        money(Quantity::AnnualCost, iv.annual_cost),
        part(Quantity::FundShare, Value::Ratio(iv.fund_share)),
        part(Quantity::RunningYears, Value::Number(Decimal::from(running.len()))),
    ];
    let (rows, outstanding) = repayments_of(s, i)?;
    // Added as the engine adds: each paying actor's years in turn, into one total.
    let mut repaid = Decimal::ZERO;
    let mut by_actor = Vec::new();
    for (a, row) in &rows {
        let mut own = Decimal::ZERO;
        for v in row {
            own = add(own, *v)?;
            repaid = add(repaid, *v)?;
        }
        by_actor.push(money(Quantity::Actor { index: *a }, own));
    }
    let total_grant_part = with(Quantity::TotalGrant, Value::Money(total_grant), grant_parts.clone());
    let paid_part = with(Quantity::Repayments, Value::Money(repaid), by_actor.clone());
    Some(match field {
        InterventionField::GrantsTotal => (grant_parts, Value::Money(total_grant)),
        InterventionField::RepaidTotal => (by_actor, Value::Money(repaid)),
        InterventionField::Outstanding => {
            let parts = match s.repayment_rule(iv) {
                _ if contracted(s, iv) => Vec::new(),
                RepaymentRule::None => Vec::new(),
                RepaymentRule::Fixed { share, years: n, .. } => vec![
                    total_grant_part,
                    part(Quantity::RepaymentShare, Value::Ratio(*share)),
                    money(Quantity::Due, mul(*share, total_grant)?),
                    part(Quantity::Instalments, Value::Number(Decimal::from(*n))),
                    paid_part,
                ],
                RepaymentRule::SavingsShare { cap: Some(c), .. } => vec![
                    total_grant_part,
                    part(Quantity::Cap, Value::Ratio(*c)),
                    money(Quantity::CapLimit, mul(*c, total_grant)?),
                    paid_part,
                ],
                RepaymentRule::SavingsShare { cap: None, .. } => vec![part(Quantity::NoCap, Value::Year(None))],
            };
            (parts, outstanding.map_or(Value::Year(None), Value::Money))
        }
    })
}

/// The figure itself as the outcome holds it: what a trace's result must equal.
pub fn shown(o: &Outcome, figure: Figure) -> Option<Value> {
    let k = &o.key_figures;
    Some(match figure {
        Figure::TotalCost => Value::Money(k.total_cost),
        Figure::SavingsInside => Value::Money(k.savings_inside),
        Figure::SavingsOutside => Value::Money(k.savings_outside),
        Figure::OrgNpv => Value::Money(k.org_npv),
        Figure::SocietyNpv => Value::Money(k.society_npv),
        Figure::PaybackYear => Value::Year(k.payback_year),
        Figure::RevolvingRatio => k.revolving_ratio.map_or(Value::Year(None), Value::Ratio),
        Figure::ActorNpv { actor } => Value::Money(o.actors.get(actor)?.npv),
        Figure::FundKept { drawn } => {
            let (cost, repaid, granted) = fund_flows(o)?;
            let kept = cost + repaid - granted;
            Value::Money(if drawn { -kept } else { kept })
        }
        Figure::ActorTotal { actor, field } => {
            let a = o.actors.get(actor)?;
            Value::Money(match field {
                TotalField::Cost => a.cost_borne,
                TotalField::SavingsTotal => a.savings_total,
                TotalField::NetTotal => a.net_total,
            })
        }
        Figure::Fund { field, year } => {
            let f = o.fund.get(year)?;
            Value::Money(match field {
                FundField::Open => f.open,
                FundField::Allocation => f.allocation,
                FundField::Grants => f.grants,
                FundField::Repayments => f.repayments,
                FundField::Close => f.close,
            })
        }
        Figure::OrgNet { year } => Value::Money(*o.org_net.get(year)?),
        Figure::SocietyNet { year } => Value::Money(*o.society_net.get(year)?),
        Figure::Actor { actor, field, year } => {
            let r = o.actors.get(actor)?.rows.get(year)?;
            Value::Money(match field {
                ActorField::Savings => r.savings,
                ActorField::CoFinancing => r.co_financing,
                ActorField::Repayment => r.repayment,
                ActorField::FundCost => r.fund_cost,
                ActorField::GrantsReceived => r.grants_received,
                ActorField::Net => r.net,
                ActorField::OutcomePayments => r.outcome_payments.unwrap_or_default(),
            })
        }
        Figure::Intervention { index, field } => {
            let i = o.interventions.get(index)?;
            match field {
                InterventionField::GrantsTotal => Value::Money(i.grants_total),
                InterventionField::RepaidTotal => Value::Money(i.repaid_total),
                InterventionField::Outstanding => i.outstanding.map_or(Value::Year(None), Value::Money),
            }
        }
    })
}

/// What the tests hold for a scenario (natively and over generated ones):
/// every figure of `s` is explained, the explanation ends with the figure,
/// its key names it again, and the cohorts add up to their intervention's savings.
pub fn every_figure_explained(s: &Scenario) -> Result<(), String> {
    let o = crate::model::simulate(s).map_err(|e| e.to_string())?;
    for figure in Figure::every(o.actors.len(), o.interventions.len(), o.years.len()) {
        let t = trace(s, &o, figure).ok_or(format!("{figure:?} not explained"))?;
        let want = shown(&o, figure).ok_or(format!("{figure:?} not shown"))?;
        if t.result != want {
            return Err(format!("{figure:?}: explained {:?}, shown {:?}", t.result, want));
        }
        if Figure::parse(&figure.key(s), s, &o) != Some(figure) {
            return Err(format!("{figure:?}: the key {} names another figure", figure.key(s)));
        }
        if let Figure::Actor { field: ActorField::Savings, .. } = figure {
            for p in &t.parts {
                let cohorts = p
                    .parts
                    .iter()
                    .filter(|c| matches!(c.what, Quantity::Cohort { .. }))
                    .filter_map(|c| c.value.decimal())
                    .sum::<Decimal>();
                let total = p.value.decimal().unwrap_or_default();
                // The engine rounds Σ factors × E to 16 decimals before the avoided cost.
                if (cohorts - total).abs() > Decimal::new(1, 6) {
                    return Err(format!("{figure:?}: cohorts {cohorts} against {total}"));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
