//! "How is this calculated?" for the outcome contracts' views
//! (`report::contracts`): a payer's payment and the savings it buys in a
//! year, a year of the investor's cash flow, the contract's figures (outcomes,
//! payments, outstanding, the payers' exposure, the investor's net, multiple,
//! IRR and premium), the fund's figures beside the contract and the
//! break-even figures both ways (`model::decision::break_even`). Their keys
//! are `contract:<what>:<year>:<contract>:<column>` (the contract's and the
//! column's positions, so that no id has to be read back out of a key).
//!
//! Every value comes from the engine's own functions (`cohort_payments`,
//! `contract_flows`, `power`, `present_value_at`, `internal_rate`, and the
//! savings' derivation of [`super::savings_of`]) and its checked arithmetic,
//! in the engine's order, so the result is the cell to the last digit
//! ([`every_contract_figure_explained`]).

use rust_decimal::Decimal;

use super::{money, part, savings_of, trace, with, Figure, Part, Quantity, Value};
use crate::model::contract::{cohort_payments, contract_flows, internal_rate, power, present_value_at, CohortPayment};
use crate::model::decision::{break_even, EffectScale};
use crate::model::outcome::ContractOutcome;
use crate::model::simulate::{add, cohort_profile, div, mul, running_years, sub};
use crate::model::{simulate, Intervention, Outcome, OutcomeContract, Scenario};

use super::write::Writer;
use crate::markup::Markup;
use crate::words::contracts::ViewText;
use crate::words::explain::Fixed;
use crate::words::explain_contract as words;
use crate::words::format::{money as money_in, number, percent, Unit};
use crate::words::Lang;

/// What a figure of a contract's views is. `year` is a year index, `t` a
/// year index of the investor's cash flow (it may lie past the horizon).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum What {
    /// Column `payer` of the payments (0 the payer, then the co-payers in order) in `year`.
    Paid {
        payer: usize,
        year: usize,
    },
    /// The savings the intervention gives its avoided cost `column` in `year`.
    Bought {
        column: usize,
        year: usize,
    },
    /// The investor's cash flow in year `t`: payments received − the cost of the work.
    Flow {
        t: u64,
    },
    Outcomes,
    PaymentsTotal,
    Outstanding,
    Exposure,
    InvestorNet,
    Multiple,
    Irr,
    Premium,
    /// A figure of the scenario with this contract taken out (the intervention through the fund).
    ThroughFund(Figure),
    /// A break-even figure of the side by side, through the fund (`fund`) or the contract.
    BreakEven {
        fund: bool,
        which: BreakEvenFigure,
    },
}

/// The break-even figures beside the contract (`model::decision::break_even`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BreakEvenFigure {
    /// The factor on every success rate at which the organisation's present value is 0.
    OrgFactor,
    /// The same for society's.
    SocietyFactor,
    /// The contracted intervention's success rate at which the organisation's present value is 0.
    SuccessRate,
}

/// A figure of contract `contract` (its position in the scenario's list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ContractFigure {
    pub contract: usize,
    pub what: What,
}

/// The quantities of a contract's derivation (see `words::explain_contract`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContractQuantity {
    /// Outcomes of one cohort: participants × success rate.
    Outcomes,
    Price,
    /// Outcomes × price: a cohort's payment before the cap.
    Full,
    Cap,
    /// Paid for the earlier cohorts.
    PaidBefore,
    /// Cap − paid before, at least 0.
    Room,
    PayAfter,
    /// Lag + pay after: the years from a cohort to its payment.
    Delay,
    /// The cohort of year `start`, paid in year `paid` (an index, maybe past the horizon).
    Cohort {
        start: usize,
        paid: u64,
    },
    /// Co-payer `actor`'s share of each payment.
    Share {
        actor: usize,
    },
    /// The co-payers' parts of the payment.
    CoPayers,
    /// The intervention's cost this year, paid by the investor.
    CostOfWork,
    Received,
    Invested,
    /// Participants × running years: every participant succeeds.
    MostOutcomes,
    /// Most outcomes × price.
    Most,
    /// A year of the investor's cash flow.
    Flow {
        t: u64,
    },
    /// `(1 + rate)^t`.
    Factor {
        t: u64,
    },
    /// A year's amount ÷ `(1 + rate)^t`.
    Discounted {
        t: u64,
    },
    /// The present value of the cash flow at the internal rate.
    PresentValueAtIrr,
    /// Present values at factor 1: of every intervention's costs, the inside savings, all savings.
    CostsPv,
    InsideSavingsPv,
    AllSavingsPv,
    /// The organisation's present value as the scenario is.
    OrgNpvAsIs,
    /// The organisation's present value at the break-even factor, or at the break-even success rate.
    OrgNpvAtFactor,
    OrgNpvAtRate,
}

fn q(c: ContractQuantity) -> Quantity {
    Quantity::InContract(c)
}

const NAMED: [(What, &str); 8] = [
    (What::Outcomes, "outcomes"),
    (What::PaymentsTotal, "payments_total"),
    (What::Outstanding, "outstanding"),
    (What::Exposure, "payer_max_exposure"),
    (What::InvestorNet, "investor_net"),
    (What::Multiple, "investor_multiple"),
    (What::Irr, "investor_irr"),
    (What::Premium, "premium"),
];
const BREAK_EVEN: [(BreakEvenFigure, &str); 3] = [
    (BreakEvenFigure::OrgFactor, "effect_factor_org_npv"),
    (BreakEvenFigure::SocietyFactor, "effect_factor_society_npv"),
    (BreakEvenFigure::SuccessRate, "success_rate_for_org_npv"),
];
const THROUGH_FUND: [(Figure, &str); 3] = [
    (Figure::OrgNpv, "fund_org_npv"),
    (Figure::PaybackYear, "fund_payback_year"),
    (Figure::SocietyNpv, "fund_society_npv"),
];

/// The longest key read (five short parts).
const MAX_KEY: usize = 80;

/// The contract, its intervention and outcome, and the years the intervention runs.
struct Terms<'a> {
    contract: &'a OutcomeContract,
    iv: &'a Intervention,
    outcome: &'a ContractOutcome,
    running: std::ops::Range<usize>,
    horizon: usize,
}

fn terms<'a>(s: &'a Scenario, o: &'a Outcome, k: usize) -> Option<Terms<'a>> {
    let contract = s.outcome_contracts.get(k)?;
    let iv = s.interventions.iter().find(|iv| iv.id == contract.intervention)?;
    let horizon = s.horizon_years as usize;
    Some(Terms { contract, iv, outcome: o.outcome_contracts.get(k)?, running: running_years(iv, horizon), horizon })
}

impl Terms<'_> {
    fn cohorts(&self) -> Option<Vec<CohortPayment>> {
        cohort_payments(self.iv, self.contract, self.iv.success_rate, &self.running)
    }

    /// The actor index of payment column `j` (0 the payer, then the co-payers).
    fn payer(&self, s: &Scenario, j: usize) -> Option<usize> {
        let id = if j == 0 { &self.contract.payer } else { &self.contract.co_payers.get(j - 1)?.actor };
        s.actors.iter().position(|a| a.id == *id)
    }
}

impl ContractFigure {
    /// Its key: `contract:<what>:<calendar year>:<contract>:<column>`.
    pub fn key(self, s: &Scenario) -> String {
        let year = |y: usize| (i64::from(s.start_year) + y as i64).to_string();
        let k = self.contract;
        match self.what {
            What::Paid { payer, year: y } => format!("contract:paid:{}:{k}:{payer}", year(y)),
            What::Bought { column, year: y } => format!("contract:bought:{}:{k}:{column}", year(y)),
            What::Flow { t } => format!("contract:flow:{}:{k}:", i64::from(s.start_year).saturating_add(t as i64)),
            What::ThroughFund(f) => {
                format!("contract:{}::{k}:", THROUGH_FUND.iter().find(|(x, _)| *x == f).map_or("", |(_, n)| n))
            }
            What::BreakEven { fund, which } => format!(
                "contract:{}{}::{k}:",
                if fund { "fund_" } else { "" },
                BREAK_EVEN.iter().find(|(x, _)| *x == which).map_or("", |(_, n)| n)
            ),
            what => format!("contract:{}::{k}:", NAMED.iter().find(|(x, _)| *x == what).map_or("", |(_, n)| n)),
        }
    }

    /// The figure a key names in `s` and its outcome `o`; `None` for anything else.
    pub fn parse(key: &str, s: &Scenario, o: &Outcome) -> Option<ContractFigure> {
        if key.len() > MAX_KEY {
            return None;
        }
        let mut parts = key.strip_prefix("contract:")?.split(':');
        let (name, year, k, j) = (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() {
            return None;
        }
        let contract: usize = k.parse().ok()?;
        let t = terms(s, o, contract)?;
        let column: Option<usize> = if j.is_empty() { None } else { Some(j.parse().ok()?) };
        let calendar: Option<i64> = if year.is_empty() { None } else { Some(year.parse().ok()?) };
        let index = || o.years.iter().position(|y| Some(i64::from(*y)) == calendar);
        let what = match (name, column) {
            ("paid", Some(payer)) if payer < t.outcome.payments_by_actor.len() => What::Paid { payer, year: index()? },
            ("bought", Some(column)) if column < t.iv.avoided_costs.len() => What::Bought { column, year: index()? },
            ("flow", None) => {
                let at = u64::try_from(calendar?.checked_sub(i64::from(s.start_year))?).ok()?;
                t.outcome.cash_flow.iter().find(|(x, _)| *x == at)?;
                What::Flow { t: at }
            }
            (_, None) if calendar.is_none() => {
                let named = NAMED.iter().find(|(_, n)| *n == name).map(|(w, _)| *w);
                let (fund, rest) = name.strip_prefix("fund_").map_or((false, name), |r| (true, r));
                let break_even =
                    BREAK_EVEN.iter().find(|(_, n)| *n == rest).map(|(w, _)| What::BreakEven { fund, which: *w });
                named
                    .or_else(|| THROUGH_FUND.iter().find(|(_, n)| *n == name).map(|(f, _)| What::ThroughFund(*f)))
                    .or(break_even)?
            }
            _ => return None,
        };
        Some(ContractFigure { contract, what })
    }

    /// Every figure of the contracts' views of `o`.
    pub fn every(s: &Scenario, o: &Outcome) -> Vec<ContractFigure> {
        let mut all = Vec::new();
        for (contract, c) in o.outcome_contracts.iter().enumerate() {
            let mut add = |what| all.push(ContractFigure { contract, what });
            for year in 0..o.years.len() {
                (0..c.payments_by_actor.len()).for_each(|payer| add(What::Paid { payer, year }));
                let columns =
                    s.interventions.iter().find(|iv| iv.id == c.intervention).map_or(0, |iv| iv.avoided_costs.len());
                (0..columns).for_each(|column| add(What::Bought { column, year }));
            }
            c.cash_flow.iter().for_each(|(t, _)| add(What::Flow { t: *t }));
            NAMED.iter().for_each(|(w, _)| add(*w));
            THROUGH_FUND.iter().for_each(|(f, _)| add(What::ThroughFund(*f)));
            for fund in [true, false] {
                BREAK_EVEN.iter().for_each(|(which, _)| add(What::BreakEven { fund, which: *which }));
            }
        }
        all
    }
}

/// The explanation of a contract's figure: its parts and result, and the
/// scenario the parts are of (the fund's variant for [`What::ThroughFund`]).
#[derive(Debug, Clone, PartialEq)]
pub struct ContractTrace {
    pub figure: ContractFigure,
    pub parts: Vec<Part>,
    pub result: Value,
    pub scenario: Option<Scenario>,
}

/// The derivation of cohort `i`'s payment, as `cohort_payments` makes it:
/// outcomes × price, cut to what the cap leaves after the earlier cohorts.
fn cohort_part(t: &Terms, cohorts: &[CohortPayment], i: usize) -> Option<Part> {
    let c = cohorts.get(i)?;
    let full = mul(c.outcomes, t.contract.price_per_outcome)?;
    let mut parts = vec![
        with(
            q(ContractQuantity::Outcomes),
            Value::Number(c.outcomes),
            vec![
                part(Quantity::Participants, Value::Number(t.iv.participants_per_year)),
                part(Quantity::SuccessRate, Value::Ratio(t.iv.success_rate)),
            ],
        ),
        money(q(ContractQuantity::Price), t.contract.price_per_outcome),
        money(q(ContractQuantity::Full), full),
    ];
    match t.contract.cap {
        Some(cap) => {
            let mut before = Decimal::ZERO;
            for earlier in &cohorts[..i] {
                before = add(before, earlier.payment)?;
            }
            parts.push(money(q(ContractQuantity::Cap), cap));
            parts.push(money(q(ContractQuantity::PaidBefore), before));
            parts.push(money(q(ContractQuantity::Room), sub(cap, before)?.max(Decimal::ZERO)));
        }
        None => parts.push(part(Quantity::NoCap, Value::Year(None))),
    }
    let start = t.running.start + i;
    Some(with(q(ContractQuantity::Cohort { start, paid: c.pay_year }), Value::Money(c.payment), parts))
}

fn delay_part(t: &Terms) -> Part {
    let delay = u64::from(t.iv.lag_years) + u64::from(t.contract.pay_after_years);
    with(
        q(ContractQuantity::Delay),
        Value::Number(Decimal::from(delay)),
        vec![
            part(Quantity::LagYears, Value::Number(Decimal::from(t.iv.lag_years))),
            part(q(ContractQuantity::PayAfter), Value::Number(Decimal::from(t.contract.pay_after_years))),
        ],
    )
}

fn running_part(t: &Terms) -> Part {
    part(Quantity::RunningYears, Value::Number(Decimal::from(t.running.len())))
}

/// The investor's cash flow as the engine makes it (`contract_flows`).
fn cash_flow(s: &Scenario, t: &Terms) -> Option<Vec<(u64, Decimal)>> {
    let payer = t.payer(s, 0)?;
    let co: Vec<(usize, Decimal)> = (1..=t.contract.co_payers.len())
        .map(|j| Some((t.payer(s, j)?, t.contract.co_payers.get(j - 1)?.share)))
        .collect::<Option<_>>()?;
    Some(contract_flows(t.iv, t.contract, &t.running, t.horizon, payer, &co)?.cash_flow)
}

/// The trace of `figure` in the outcome `o` of the valid scenario `s`;
/// `None` when it is not in this outcome or an amount is too large.
pub fn contract_trace(s: &Scenario, o: &Outcome, figure: ContractFigure) -> Option<ContractTrace> {
    let t = terms(s, o, figure.contract)?;
    let mut scenario = None;
    let (parts, result) = match figure.what {
        What::Paid { payer, year } => {
            let cohorts = t.cohorts()?;
            let Some(i) = cohorts.iter().position(|c| c.pay_year == year as u64) else {
                // No cohort is paid this year: show when each is.
                let mut parts = vec![delay_part(&t)];
                for (i, c) in cohorts.iter().enumerate() {
                    let paid = i32::try_from(c.pay_year).ok().and_then(|p| s.start_year.checked_add(p));
                    let start = t.running.start + i;
                    parts.push(part(q(ContractQuantity::Cohort { start, paid: c.pay_year }), Value::Year(paid)));
                }
                return Some(ContractTrace { figure, parts, result: Value::Money(Decimal::ZERO), scenario });
            };
            let payment = cohorts[i].payment;
            let mut parts = vec![delay_part(&t), cohort_part(&t, &cohorts, i)?];
            // Each co-payer pays its share; the payer the rest (as `contract_flows` splits it).
            let mut co_total = Decimal::ZERO;
            let mut shares = Vec::new();
            let mut own = None;
            for (j, co) in t.contract.co_payers.iter().enumerate() {
                let part_of = mul(co.share, payment)?;
                co_total = add(co_total, part_of)?;
                let actor = t.payer(s, j + 1)?;
                shares.push(with(
                    q(ContractQuantity::Share { actor }),
                    Value::Money(part_of),
                    vec![part(Quantity::RepaymentShare, Value::Ratio(co.share))],
                ));
                if j + 1 == payer {
                    own = Some((shares.pop()?, part_of));
                }
            }
            let result = match own {
                Some((share, part_of)) => {
                    parts.push(share);
                    part_of
                }
                None if payer == 0 => {
                    if !t.contract.co_payers.is_empty() {
                        parts.push(with(q(ContractQuantity::CoPayers), Value::Money(co_total), shares));
                    }
                    sub(payment, co_total)?
                }
                None => return None,
            };
            (parts, Value::Money(result))
        }
        What::Bought { column, year } => {
            let avoided = t.iv.avoided_costs.get(column)?;
            let (amount, parts) = savings_of(s, t.iv, avoided.per_year, year)?;
            (parts, Value::Money(amount))
        }
        What::Flow { t: at } => {
            let cohorts = t.cohorts()?;
            let running = usize::try_from(at).is_ok_and(|y| t.running.contains(&y));
            let paid = cohorts.iter().position(|c| c.pay_year == at);
            if !running && paid.is_none() {
                return None;
            }
            let mut parts = Vec::new();
            // As `contract_flows`: −annual cost in a running year, then the payment added.
            let mut amount = None;
            if running {
                amount = Some(-t.iv.annual_cost);
                parts.push(with(
                    q(ContractQuantity::CostOfWork),
                    Value::Money(-t.iv.annual_cost),
                    vec![money(Quantity::AnnualCost, t.iv.annual_cost)],
                ));
            }
            if let Some(i) = paid {
                let payment = cohorts[i].payment;
                amount = Some(match amount {
                    Some(a) => add(a, payment)?,
                    None => payment,
                });
                parts.push(with(
                    q(ContractQuantity::Received),
                    Value::Money(payment),
                    vec![cohort_part(&t, &cohorts, i)?],
                ));
            }
            (parts, Value::Money(amount?))
        }
        What::Outcomes => {
            let cohorts = t.cohorts()?;
            let mut total = Decimal::ZERO;
            for c in &cohorts {
                total = add(total, c.outcomes)?;
            }
            let per = cohorts.first().map_or(Decimal::ZERO, |c| c.outcomes);
            let parts = vec![
                with(
                    q(ContractQuantity::Outcomes),
                    Value::Number(per),
                    vec![
                        part(Quantity::Participants, Value::Number(t.iv.participants_per_year)),
                        part(Quantity::SuccessRate, Value::Ratio(t.iv.success_rate)),
                    ],
                ),
                running_part(&t),
            ];
            (parts, Value::Number(total))
        }
        What::PaymentsTotal | What::Outstanding => {
            let cohorts = t.cohorts()?;
            let within = figure.what == What::PaymentsTotal;
            let horizon = t.horizon as u64;
            let mut parts = vec![delay_part(&t)];
            // Within: each year's payment added over the horizon's years; past it: each cohort's in order.
            let mut payments = vec![Decimal::ZERO; t.horizon];
            let mut outstanding = Decimal::ZERO;
            for (i, c) in cohorts.iter().enumerate() {
                if (c.pay_year < horizon) == within {
                    parts.push(cohort_part(&t, &cohorts, i)?);
                }
                if c.pay_year >= horizon {
                    outstanding = add(outstanding, c.payment)?;
                } else {
                    payments[c.pay_year as usize] = c.payment;
                }
            }
            let total = if within { payments.iter().try_fold(Decimal::ZERO, |a, v| add(a, *v))? } else { outstanding };
            (parts, Value::Money(total))
        }
        What::Exposure => {
            let outcomes = mul(t.iv.participants_per_year, Decimal::from(t.running.len()))?;
            let most = mul(outcomes, t.contract.price_per_outcome)?;
            let parts = vec![
                with(
                    q(ContractQuantity::MostOutcomes),
                    Value::Number(outcomes),
                    vec![part(Quantity::Participants, Value::Number(t.iv.participants_per_year)), running_part(&t)],
                ),
                money(q(ContractQuantity::Price), t.contract.price_per_outcome),
                money(q(ContractQuantity::Most), most),
                match t.contract.cap {
                    Some(cap) => money(q(ContractQuantity::Cap), cap),
                    None => part(Quantity::NoCap, Value::Year(None)),
                },
            ];
            (parts, Value::Money(t.contract.cap.map_or(most, |cap| most.min(cap))))
        }
        What::InvestorNet | What::Multiple => {
            let cohorts = t.cohorts()?;
            let mut received = Decimal::ZERO;
            let mut paid = Vec::with_capacity(cohorts.len());
            for i in 0..cohorts.len() {
                received = add(received, cohorts[i].payment)?;
                paid.push(cohort_part(&t, &cohorts, i)?);
            }
            let invested = mul(t.iv.annual_cost, Decimal::from(t.running.len()))?;
            let parts = vec![
                with(q(ContractQuantity::Received), Value::Money(received), paid),
                with(
                    q(ContractQuantity::Invested),
                    Value::Money(invested),
                    vec![money(Quantity::AnnualCost, t.iv.annual_cost), running_part(&t)],
                ),
            ];
            let result = if figure.what == What::InvestorNet {
                Value::Money(sub(received, invested)?)
            } else if invested.is_zero() {
                Value::Year(None)
            } else {
                Value::Number(div(received, invested)?)
            };
            (parts, result)
        }
        What::Irr => {
            let flow = cash_flow(s, &t)?;
            let mut parts: Vec<Part> =
                flow.iter().map(|(at, amount)| money(q(ContractQuantity::Flow { t: *at }), *amount)).collect();
            let irr = internal_rate(&flow)?;
            if let Some(pv) = irr.and_then(|r| present_value_at(&flow, r)) {
                parts.push(money(q(ContractQuantity::PresentValueAtIrr), pv));
            }
            (parts, irr.map_or(Value::Year(None), Value::Ratio))
        }
        What::Premium => {
            let flow = cash_flow(s, &t)?;
            let mut parts = vec![part(Quantity::DiscountRate, Value::Ratio(s.discount_rate))];
            // As `present_value_at`: a year whose factor does not fit a decimal adds nothing.
            let base = add(Decimal::ONE, s.discount_rate)?;
            let mut total = Decimal::ZERO;
            for (at, amount) in &flow {
                if let Some(factor) = power(base, *at) {
                    let discounted = div(*amount, factor)?;
                    total = add(total, discounted)?;
                    parts.push(with(
                        q(ContractQuantity::Discounted { t: *at }),
                        Value::Money(discounted),
                        vec![
                            money(q(ContractQuantity::Flow { t: *at }), *amount),
                            part(q(ContractQuantity::Factor { t: *at }), Value::Number(factor)),
                        ],
                    ));
                }
            }
            (parts, Value::Money(total))
        }
        What::ThroughFund(f) => {
            let fund = crate::report::contracts::through_the_fund(s, &t.iv.id);
            let fund_outcome = simulate(&fund).ok()?;
            let inner = trace(&fund, &fund_outcome, f)?;
            scenario = Some(fund);
            (inner.parts, inner.result)
        }
        What::BreakEven { fund, which } => {
            let variant = if fund { crate::report::contracts::through_the_fund(s, &t.iv.id) } else { s.clone() };
            let (parts, result) = break_even_parts(&variant, t.iv, which)?;
            scenario = Some(variant);
            (parts, result)
        }
    };
    Some(ContractTrace { figure, parts, result, scenario })
}

/// A break-even figure of `s` (the scenario or its fund's variant), from
/// `model::decision::break_even`, with the present values it is made of, and
/// the organisation's present value at the figure found (zero, but for the
/// search's last step) when the figure is a search's.
fn break_even_parts(s: &Scenario, iv: &Intervention, which: BreakEvenFigure) -> Option<(Vec<Part>, Value)> {
    let found = break_even(s, None).ok()?;
    let scale = EffectScale::new(s).ok()?;
    let (pvc, pvi, pva) = scale.present_values()?;
    let as_is = money(q(ContractQuantity::OrgNpvAsIs), scale.org_npv_at(Decimal::ONE)?);
    let ratio =
        |pv: Decimal| if pv > Decimal::ZERO { div(pvc, pv).map(Value::Number) } else { Some(Value::Year(None)) };
    Some(match which {
        BreakEvenFigure::SocietyFactor => {
            (vec![money(q(ContractQuantity::CostsPv), pvc), money(q(ContractQuantity::AllSavingsPv), pva)], ratio(pva)?)
        }
        // Without contracts, costs ÷ inside savings; with them, the smallest factor at which it is ≥ 0.
        BreakEvenFigure::OrgFactor if s.outcome_contracts.is_empty() => (
            vec![as_is, money(q(ContractQuantity::CostsPv), pvc), money(q(ContractQuantity::InsideSavingsPv), pvi)],
            ratio(pvi)?,
        ),
        BreakEvenFigure::OrgFactor => {
            let mut parts = vec![as_is];
            if let Some(f) = found.effect_factor_org_npv {
                parts.push(money(q(ContractQuantity::OrgNpvAtFactor), scale.org_npv_at(f)?));
            }
            (parts, found.effect_factor_org_npv.map_or(Value::Year(None), Value::Number))
        }
        BreakEvenFigure::SuccessRate => {
            let rate = found.interventions.iter().find(|x| x.id == iv.id)?.success_rate_for_org_npv;
            let mut parts = vec![part(Quantity::SuccessRate, Value::Ratio(iv.success_rate)), as_is];
            // The scenario again at that rate (when it is a rate a scenario can have).
            let mut at = s.clone();
            if let (Some(r), Some(x)) = (rate, at.interventions.iter_mut().find(|x| x.id == iv.id)) {
                x.success_rate = r;
                if let Ok(o) = simulate(&at) {
                    parts.push(money(q(ContractQuantity::OrgNpvAtRate), o.key_figures.org_npv));
                }
            }
            (parts, rate.map_or(Value::Year(None), Value::Ratio))
        }
    })
}

/// The figure as the views show it (from the outcome, or for the savings
/// bought, as `report::contracts` computes them): what a trace must equal.
pub fn contract_shown(s: &Scenario, o: &Outcome, figure: ContractFigure) -> Option<Value> {
    let t = terms(s, o, figure.contract)?;
    let c = t.outcome;
    Some(match figure.what {
        What::Paid { payer, year } => Value::Money(*c.payments_by_actor.get(payer)?.1.get(year)?),
        What::Bought { column, year } => {
            let profile = cohort_profile(t.iv, &t.running, t.horizon)?;
            Value::Money(profile.get(year)?.checked_mul(t.iv.avoided_costs.get(column)?.per_year)?)
        }
        What::Flow { t: at } => Value::Money(c.cash_flow.iter().find(|(x, _)| *x == at)?.1),
        What::Outcomes => Value::Number(c.outcomes),
        What::PaymentsTotal => Value::Money(c.payments_total),
        What::Outstanding => Value::Money(c.outstanding),
        What::Exposure => Value::Money(c.payer_max_exposure),
        What::InvestorNet => Value::Money(c.investor_net),
        What::Multiple => c.investor_multiple.map_or(Value::Year(None), Value::Number),
        What::Irr => c.investor_irr.map_or(Value::Year(None), Value::Ratio),
        What::Premium => Value::Money(c.premium),
        What::ThroughFund(f) => {
            let fund = crate::report::contracts::through_the_fund(s, &t.iv.id);
            super::shown(&simulate(&fund).ok()?, f)?
        }
        What::BreakEven { fund, which } => {
            let variant = if fund { crate::report::contracts::through_the_fund(s, &t.iv.id) } else { s.clone() };
            let b = break_even(&variant, None).ok()?;
            let v = match which {
                BreakEvenFigure::OrgFactor => b.effect_factor_org_npv,
                BreakEvenFigure::SocietyFactor => b.effect_factor_society_npv,
                BreakEvenFigure::SuccessRate => {
                    b.interventions.iter().find(|x| x.id == t.iv.id)?.success_rate_for_org_npv
                }
            };
            match (which, v) {
                (_, None) => Value::Year(None),
                (BreakEvenFigure::SuccessRate, Some(r)) => Value::Ratio(r),
                (_, Some(f)) => Value::Number(f),
            }
        }
    })
}

/// What the tests hold for a scenario: every figure of its contracts' views
/// is explained, ends with the figure shown, and its key names it again.
pub fn every_contract_figure_explained(s: &Scenario) -> Result<(), String> {
    let o = simulate(s).map_err(|e| e.to_string())?;
    for figure in ContractFigure::every(s, &o) {
        let t = contract_trace(s, &o, figure).ok_or(format!("{figure:?} not explained"))?;
        let want = contract_shown(s, &o, figure).ok_or(format!("{figure:?} not shown"))?;
        if t.result != want {
            return Err(format!("{figure:?}: explained {:?}, shown {:?}", t.result, want));
        }
        if ContractFigure::parse(&figure.key(s), s, &o) != Some(figure) {
            return Err(format!("{figure:?}: the key {} names another figure", figure.key(s)));
        }
    }
    Ok(())
}

/// Every `data-explain` of the contracts' views, in both languages, opens an
/// explanation whose result is the cell's `data-value` (its exact figure),
/// and whose "shown as" is the cell's text.
pub fn every_cell_explained(s: &Scenario) -> Result<(), String> {
    let o = simulate(s).map_err(|e| e.to_string())?;
    for lang in [Lang::Sv, Lang::En] {
        let html = crate::report::contracts::contract_views(s, &o, lang, Unit::Thousand, None);
        let mut rest = html.as_str();
        while let Some(at) = rest.find("data-explain=\"") {
            let tag_start = rest[..at].rfind('<').ok_or("a tag")?;
            let tag_end = at + rest[at..].find('>').ok_or("a tag's end")?;
            let tag = &rest[tag_start..tag_end];
            let attr = |name: &str| {
                let from = tag.find(&format!("{name}=\""))? + name.len() + 2;
                Some(tag[from..from + tag[from..].find('"')?].replace("&amp;", "&"))
            };
            let key = attr("data-explain").ok_or("a key")?;
            let exact = attr("data-value").ok_or(format!("{key}: no data-value"))?;
            let text_end = tag_end + 1 + rest[tag_end + 1..].find('<').ok_or("the cell's end")?;
            let text = &rest[tag_end + 1..text_end];
            let (result, written, shown) = if let Some(f) = ContractFigure::parse(&key, s, &o) {
                let t = contract_trace(s, &o, f).ok_or(format!("{key} not explained"))?;
                (t.result, explanation(s, &o, &key, lang, Unit::Thousand), true)
            } else {
                // The scenario's own figure beside the fund's (`org_npv::`): its explanation shows money as the cell does.
                let f = Figure::parse(&key, s, &o).ok_or(format!("{key} names nothing"))?;
                let t = trace(s, &o, f).ok_or(format!("{key} not explained"))?;
                let money = matches!(t.result, Value::Money(_) | Value::Year(Some(_)));
                (t.result, super::write::explanation(s, &o, &key, lang, Unit::Thousand), money)
            };
            let got = match result {
                Value::Money(m) => crate::model::outcome::money_text(m),
                Value::Ratio(r) | Value::Number(r) => r.normalize().to_string(),
                Value::Year(y) => y.map_or(String::new(), |y| y.to_string()),
            };
            if got != exact {
                return Err(format!("{key}: explained {got}, the cell holds {exact}"));
            }
            let written = written.ok_or(format!("{key} not written"))?;
            if !written.contains("explain-result") || (shown && !written.contains(text)) {
                return Err(format!("{key}: the explanation does not show the cell's text {text}: {written}"));
            }
            rest = &rest[tag_end..];
        }
    }
    Ok(())
}

/// The explanation of the contract figure `key` names, as markup (every
/// name escaped), or `None` when it names none. It ends with the result,
/// exact and as the view shows it.
pub fn explanation(s: &Scenario, o: &Outcome, key: &str, lang: Lang, unit: Unit) -> Option<String> {
    let figure = ContractFigure::parse(key, s, o)?;
    let t = contract_trace(s, o, figure)?;
    let w = Writer { s: t.scenario.as_ref().unwrap_or(s), lang, unit };
    let mut m = Markup::default();
    m.open("div").attr("class", "explain-body").attr("data-figure", key).end();
    m.open("p").attr("class", "explain-title").end().open("strong").end();
    m.text(&words::title(s, figure, lang)).shut("strong").shut("p");
    m.open("p").attr("class", "explain-rule").end().text(&words::rule(figure, lang)).shut("p");
    if t.parts.is_empty() {
        m.open("p").end().text(Fixed::nothing(lang)).shut("p");
    } else {
        let focus = match (figure.what, t.result) {
            (What::ThroughFund(Figure::PaybackYear), Value::Year(Some(y))) => usize::try_from(y - s.start_year).ok(),
            _ => None,
        };
        w.list(&mut m, &t.parts, focus);
    }
    m.open("p").attr("class", "explain-result").attr("data-testid", "explain-result").end();
    m.text(&format!("= {}", w.value(t.result)));
    let shown = match (figure.what, t.result) {
        (_, Value::Money(v)) => Some(money_in(v, unit, &s.currency, lang)),
        (_, Value::Ratio(r)) => Some(percent(r, 1, lang)),
        (_, Value::Number(n)) => Some(number(n, 2, lang)),
        (What::Irr, Value::Year(None)) => Some(ViewText::NoIrr.get(lang).to_string()),
        (What::ThroughFund(_), Value::Year(None)) => Some(ViewText::NotWithin.get(lang).to_string()),
        (What::Multiple | What::BreakEven { .. }, Value::Year(None)) => Some("–".to_string()),
        (_, Value::Year(_)) => None,
    };
    if let Some(shown) = shown {
        m.text(&format!(" ({} {shown})", Fixed::shown_as(lang)));
    }
    m.shut("p").shut("div");
    Some(m.into_string())
}

#[cfg(test)]
#[path = "contract_tests.rs"]
mod tests;
