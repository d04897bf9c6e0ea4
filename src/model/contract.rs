//! Social outcome contracts (schema_version 2): what the payers pay for the
//! outcomes of a contracted intervention, and the investor's figures.
//!
//! Outcomes are counted per cohort, `O_s = participants × success_rate`
//! (not reduced by deadweight: the payer's risk), each paid `lag_years +
//! pay_after_years` after the cohort's year, cut so that the total never
//! exceeds the cap, cohort by cohort. The investor's cash flow is `−annual_cost`
//! in each running year and `+P_s` in each payment year, also past the
//! horizon. Every amount is a decimal; a year index past any horizon is kept
//! as a `u64` and never used to index a list.

use rust_decimal::Decimal;

use super::scenario::{Intervention, OutcomeContract};
use super::simulate::{add, div, mul, sub, Checked};

/// One cohort's outcomes and its payment, in the year `pay_year` (index).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CohortPayment {
    pub pay_year: u64,
    pub outcomes: Decimal,
    pub payment: Decimal,
}

/// The cohorts of an intervention running in `running` at this success
/// rate, paid `price` each outcome up to `cap` (in order of cohorts).
pub fn cohort_payments(
    iv: &Intervention,
    contract: &OutcomeContract,
    success_rate: Decimal,
    running: &std::ops::Range<usize>,
) -> Checked<Vec<CohortPayment>> {
    let outcomes = mul(iv.participants_per_year, success_rate)?;
    let full = mul(outcomes, contract.price_per_outcome)?;
    let delay = u64::from(iv.lag_years) + u64::from(contract.pay_after_years);
    let mut paid = Decimal::ZERO;
    let mut cohorts = Vec::with_capacity(running.len());
    for s in running.clone() {
        let payment = match contract.cap {
            Some(cap) => full.min(sub(cap, paid)?.max(Decimal::ZERO)),
            None => full,
        };
        paid = add(paid, payment)?;
        cohorts.push(CohortPayment { pay_year: s as u64 + delay, outcomes, payment });
    }
    Some(cohorts)
}

/// What one contract gives, before the discount rate and the start year.
#[derive(Debug, Clone, PartialEq)]
pub struct ContractFlows {
    /// `Σ_s O_s`.
    pub outcomes: Decimal,
    /// Paid in each year of the horizon.
    pub payments: Vec<Decimal>,
    /// Per paying actor (index into the scenario's actors), paid each year of the horizon.
    pub by_actor: Vec<(usize, Vec<Decimal>)>,
    /// Due past the horizon.
    pub outstanding: Decimal,
    /// The most the payers could pay: every participant succeeds, up to the cap.
    pub payer_max_exposure: Decimal,
    /// The investor's cash flow by year index (from 0), in order of years, also past the horizon.
    pub cash_flow: Vec<(u64, Decimal)>,
    /// The intervention's costs the investor pays (within the horizon).
    pub invested: Decimal,
    /// Every outcome payment, within the horizon and past it.
    pub received: Decimal,
    /// The rate at which the cash flow's present value is 0; `None` without a sign change.
    pub irr: Option<Decimal>,
}

/// The flows of `contract` on `iv` (running in `running`), paid by `payer`
/// and the `co_payers` (actor index, share), over `horizon` years.
pub fn contract_flows(
    iv: &Intervention,
    contract: &OutcomeContract,
    running: &std::ops::Range<usize>,
    horizon: usize,
    payer: usize,
    co_payers: &[(usize, Decimal)],
) -> Checked<ContractFlows> {
    let cohorts = cohort_payments(iv, contract, iv.success_rate, running)?;
    let mut payments = vec![Decimal::ZERO; horizon];
    let mut by_actor: Vec<(usize, Vec<Decimal>)> = std::iter::once(payer)
        .chain(co_payers.iter().map(|(a, _)| *a))
        .map(|a| (a, vec![Decimal::ZERO; horizon]))
        .collect();
    let (mut outcomes, mut outstanding, mut received) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    let mut cash_flow: Vec<(u64, Decimal)> = running.clone().map(|s| (s as u64, -iv.annual_cost)).collect();
    for c in &cohorts {
        outcomes = add(outcomes, c.outcomes)?;
        received = add(received, c.payment)?;
        match cash_flow.iter_mut().find(|(t, _)| *t == c.pay_year) {
            Some((_, amount)) => *amount = add(*amount, c.payment)?,
            None => cash_flow.push((c.pay_year, c.payment)),
        }
        if c.pay_year >= horizon as u64 {
            outstanding = add(outstanding, c.payment)?;
            continue;
        }
        let y = c.pay_year as usize;
        payments[y] = c.payment;
        // Each co-payer pays its share; the payer the rest, so the parts add up exactly.
        let mut co_total = Decimal::ZERO;
        for ((_, row), (_, share)) in by_actor.iter_mut().skip(1).zip(co_payers) {
            row[y] = mul(*share, c.payment)?;
            co_total = add(co_total, row[y])?;
        }
        by_actor[0].1[y] = sub(c.payment, co_total)?;
    }
    // In order of years (an insertion sort: no sort routine in the download).
    super::montecarlo::insertion_sort(&mut cash_flow);
    let invested = mul(iv.annual_cost, Decimal::from(running.len()))?;
    let most = mul(mul(iv.participants_per_year, Decimal::from(running.len()))?, contract.price_per_outcome)?;
    let payer_max_exposure = match contract.cap {
        Some(cap) => most.min(cap),
        None => most,
    };
    Some(ContractFlows {
        outcomes,
        payments,
        by_actor,
        outstanding,
        payer_max_exposure,
        irr: internal_rate(&cash_flow)?,
        cash_flow,
        invested,
        received,
    })
}

/// `base^exponent` by squaring; `None` when it overflows (only a base above 1 can).
pub fn power(mut base: Decimal, mut exponent: u64) -> Checked<Decimal> {
    let mut result = Decimal::ONE;
    while exponent > 0 {
        if exponent & 1 == 1 {
            result = mul(result, base)?;
        }
        exponent >>= 1;
        if exponent > 0 {
            base = mul(base, base)?;
        }
    }
    Some(result)
}

/// `Σ amount / (1 + rate)^t` at a rate ≥ 0. A year so far away that
/// `(1 + rate)^t` does not fit a decimal adds nothing (less than
/// amount / 7.9 × 10²⁸).
pub fn present_value_at(cash_flow: &[(u64, Decimal)], rate: Decimal) -> Checked<Decimal> {
    let base = add(Decimal::ONE, rate)?;
    let mut total = Decimal::ZERO;
    for (t, amount) in cash_flow {
        if let Some(factor) = power(base, *t) {
            total = add(total, div(*amount, factor)?)?;
        }
    }
    Some(total)
}

/// The sign of the cash flow's present value at `rate` (> −1), computed
/// where no power can overflow: discounted (`× (1/(1+r))^t`) at `r ≥ 0`,
/// compounded to the last year (`× (1+r)^(T−t)`, the same sign) at `r < 0`.
fn present_value_sign(cash_flow: &[(u64, Decimal)], rate: Decimal) -> Checked<std::cmp::Ordering> {
    let base = add(Decimal::ONE, rate)?;
    let last = cash_flow.last().map_or(0, |(t, _)| *t);
    let mut total = Decimal::ZERO;
    for (t, amount) in cash_flow {
        let factor = if rate >= Decimal::ZERO { power(div(Decimal::ONE, base)?, *t)? } else { power(base, last - t)? };
        total = add(total, mul(*amount, factor)?)?;
    }
    Some(total.cmp(&Decimal::ZERO))
}

/// The internal rate of return: the rate in −0.99..10 at which the cash
/// flow's present value is 0, by bisection to 10⁻⁹; `None` when the present
/// value has the same sign at both ends (or is zero at neither and nothing changes).
pub fn internal_rate(cash_flow: &[(u64, Decimal)]) -> Checked<Option<Decimal>> {
    use std::cmp::Ordering::Equal;
    let (mut low, mut high) = (Decimal::new(-99, 2), Decimal::TEN);
    let (at_low, at_high) = (present_value_sign(cash_flow, low)?, present_value_sign(cash_flow, high)?);
    if at_low == Equal {
        return Some(Some(low));
    }
    if at_high == Equal {
        return Some(Some(high));
    }
    if at_low == at_high {
        return Some(None);
    }
    let tolerance = Decimal::new(1, 9);
    while sub(high, low)? > tolerance {
        let middle = div(add(low, high)?, Decimal::TWO)?;
        let sign = present_value_sign(cash_flow, middle)?;
        if sign == Equal {
            return Some(Some(middle));
        }
        if sign == at_low {
            low = middle;
        } else {
            high = middle;
        }
    }
    Some(Some(div(add(low, high)?, Decimal::TWO)?))
}

/// The smallest `x` in `low ..= high` at which `holds(x)`, found by a scan of
/// 10 000 equal steps and bisection to 10⁻⁹ inside the first step where it
/// turns true; `None` when it holds at no step (the contract's break-even
/// search once outcome payments follow outcomes up to a cap).
pub fn smallest_where(
    low: Decimal,
    high: Decimal,
    holds: &mut dyn FnMut(Decimal) -> Checked<bool>,
) -> Checked<Option<Decimal>> {
    const STEPS: u32 = 10_000;
    let step = div(sub(high, low)?, Decimal::from(STEPS))?;
    if holds(low)? {
        return Some(Some(low));
    }
    let mut before = low;
    for k in 1..=STEPS {
        let x = if k == STEPS { high } else { add(low, mul(step, Decimal::from(k))?)? };
        if holds(x)? {
            let (mut no, mut yes) = (before, x);
            let tolerance = Decimal::new(1, 9);
            while sub(yes, no)? > tolerance {
                let middle = div(add(no, yes)?, Decimal::TWO)?;
                if holds(middle)? {
                    yes = middle;
                } else {
                    no = middle;
                }
            }
            return Some(Some(yes));
        }
        before = x;
    }
    Some(None)
}

/// Scenarios the tests of the contracts' views and their explanations share.
#[cfg(test)]
pub mod fixtures {
    use crate::model::Scenario;

    /// The "break-even with a cap" case of `tests/cases/outcome_contracts.json`: its
    /// base with the contract capped at 500 000, and `home`, outside the contract,
    /// costing the organisation 600 000 in one year and saving nothing (the
    /// derivations are beside the tests that use it).
    pub fn capped_break_even() -> Scenario {
        let cases: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/cases/outcome_contracts.json")).expect("the cases");
        let mut doc = cases["base"].clone();
        doc["outcome_contracts"][0]["cap"] = "500000".into();
        let mut home = doc["interventions"][0].clone();
        for (key, value) in [("id", "home"), ("name", "Home visits"), ("annual_cost", "600000"), ("fund_share", "0")] {
            home[key] = value.into();
        }
        home["participants_per_year"] = "0".into();
        home["years"] = 1.into();
        home["avoided_costs"] = serde_json::json!([]);
        doc["interventions"].as_array_mut().expect("a list").push(home);
        Scenario::from_json(&doc.to_string()).expect("it reads")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap_or_default()
    }

    #[test]
    fn irr_of_one_year_at_ten_percent() {
        // −100 now, +110 in a year: 110 / (1 + r) = 100 ⇔ r = 0.1.
        let irr = internal_rate(&[(0, d("-100")), (1, d("110"))]).flatten().unwrap_or_default();
        assert!((irr - d("0.1")).abs() <= d("0.000000001"), "{irr}");
        // −100 now, +121 in two years: (1 + r)² = 1.21 ⇔ r = 0.1.
        let irr = internal_rate(&[(0, d("-100")), (2, d("121"))]).flatten().unwrap_or_default();
        assert!((irr - d("0.1")).abs() <= d("0.000000001"), "{irr}");
    }

    #[test]
    fn irr_without_a_sign_change_is_none() {
        // Nothing comes back: the present value is −100 at every rate.
        assert_eq!(internal_rate(&[(0, d("-100")), (3, Decimal::ZERO)]), Some(None));
        // A year a million years away neither overflows nor panics.
        assert!(internal_rate(&[(0, d("-100")), (1_000_000, d("1000"))]).is_some());
    }

    #[test]
    fn present_value_far_past_any_horizon_adds_nothing() {
        // 1.05^100 000 does not fit a decimal: that payment adds nothing.
        assert_eq!(present_value_at(&[(0, d("-5")), (100_000, d("1000"))], d("0.05")), Some(d("-5")));
    }

    #[test]
    fn smallest_where_scans_then_bisects() {
        // x ≥ 0.123456: the step 0.0001 from 0.1234 to 0.1235, then bisection to 10⁻⁹.
        let found = smallest_where(Decimal::ZERO, Decimal::ONE, &mut |x| Some(x >= d("0.123456"))).flatten();
        let found = found.unwrap_or_default();
        assert!(found >= d("0.123456") && found - d("0.123456") <= d("0.000000001"), "{found}");
        assert_eq!(smallest_where(Decimal::ZERO, Decimal::ONE, &mut |_| Some(true)), Some(Some(Decimal::ZERO)));
        assert_eq!(smallest_where(Decimal::ZERO, Decimal::ONE, &mut |_| Some(false)), Some(None));
    }
}
