use rust_decimal::Decimal;

use super::*;
use crate::words::format::Unit;
use crate::words::Lang;

fn d(text: &str) -> Decimal {
    text.parse().unwrap_or_else(|_| panic!("a decimal: {text}"))
}

/// The contract preset (`src/presets/contract.json`), worked by hand:
/// familjestöd runs 2026–2028 at 3 300 000 a year, paid by the investor;
/// each cohort has 20 × 0.35 = 7 outcomes, paid 7 × 550 000 = 3 850 000
/// lag 0 + 2 years later (2028, 2029, 2030) by Socialförvaltningen, under
/// the cap 12 000 000 (3 × 3 850 000 = 11 550 000).
fn preset() -> Scenario {
    crate::presets::by_id("contract").map(|p| p.scenario).expect("the contract preset")
}

fn explained(s: &Scenario, key: &str) -> ContractTrace {
    let o = simulate(s).expect("simulates");
    let figure = ContractFigure::parse(key, s, &o).unwrap_or_else(|| panic!("{key} names a figure"));
    contract_trace(s, &o, figure).expect("explained")
}

fn money_of(t: &ContractTrace) -> Decimal {
    match t.result {
        Value::Money(m) => m,
        other => panic!("not money: {other:?}"),
    }
}

/// The named part's value, anywhere in the tree.
fn find(parts: &[Part], what: Quantity) -> Option<Value> {
    parts.iter().find_map(|p| if p.what == what { Some(p.value) } else { find(&p.parts, what) })
}

#[test]
fn a_payment_is_outcomes_times_price_within_the_cap() {
    // 2029: the 2027 cohort, 20 × 0.35 = 7 outcomes × 550 000 = 3 850 000;
    // paid before 3 850 000 (the 2026 cohort), left under the cap 12 000 000 − 3 850 000 = 8 150 000.
    let t = explained(&preset(), "contract:paid:2029:0:0");
    assert_eq!(money_of(&t), d("3850000"));
    let q = |c| Quantity::InContract(c);
    assert_eq!(find(&t.parts, q(ContractQuantity::Outcomes)), Some(Value::Number(d("7"))));
    assert_eq!(find(&t.parts, q(ContractQuantity::Full)), Some(Value::Money(d("3850000"))));
    assert_eq!(find(&t.parts, q(ContractQuantity::PaidBefore)), Some(Value::Money(d("3850000"))));
    assert_eq!(find(&t.parts, q(ContractQuantity::Room)), Some(Value::Money(d("8150000"))));
    assert_eq!(find(&t.parts, q(ContractQuantity::Delay)), Some(Value::Number(d("2"))));
    // 2027: no cohort is paid (the first is paid in 2028).
    assert_eq!(money_of(&explained(&preset(), "contract:paid:2027:0:0")), Decimal::ZERO);
}

#[test]
fn the_cap_cuts_the_last_cohort_and_a_co_payer_pays_its_share() {
    // Cap 10 000 000: the 2028 cohort (paid 2030) gets 10 000 000 − 2 × 3 850 000 = 2 300 000.
    // The state as a co-payer of 25 %: 0.25 × 2 300 000 = 575 000; Socialförvaltningen the rest, 1 725 000.
    let mut s = preset();
    s.outcome_contracts[0].cap = Some(d("10000000"));
    s.outcome_contracts[0].co_payers = vec![crate::model::CoPayer { actor: "staten".into(), share: d("0.25") }];
    assert_eq!(money_of(&explained(&s, "contract:paid:2030:0:1")), d("575000"));
    let payer = explained(&s, "contract:paid:2030:0:0");
    assert_eq!(money_of(&payer), d("1725000"));
    let q = |c| Quantity::InContract(c);
    assert_eq!(find(&payer.parts, q(ContractQuantity::Room)), Some(Value::Money(d("2300000"))));
    assert_eq!(find(&payer.parts, q(ContractQuantity::CoPayers)), Some(Value::Money(d("575000"))));
    // Outstanding past a 4-year horizon (2026–2029): the 2028 cohort's 2 300 000, paid in 2030.
    s.horizon_years = 4;
    assert_eq!(money_of(&explained(&s, "contract:outstanding::0:")), d("2300000"));
}

#[test]
fn the_investors_net_for_a_year_is_payments_less_the_cost_of_the_work() {
    // 2028: the work costs 3 300 000, the 2026 cohort's 3 850 000 comes in: 550 000.
    let t = explained(&preset(), "contract:flow:2028:0:");
    assert_eq!(money_of(&t), d("550000"));
    let q = |c| Quantity::InContract(c);
    assert_eq!(find(&t.parts, q(ContractQuantity::CostOfWork)), Some(Value::Money(d("-3300000"))));
    assert_eq!(find(&t.parts, q(ContractQuantity::Received)), Some(Value::Money(d("3850000"))));
    // 2026: only the cost; 2030: only the payment.
    assert_eq!(money_of(&explained(&preset(), "contract:flow:2026:0:")), d("-3300000"));
    assert_eq!(money_of(&explained(&preset(), "contract:flow:2030:0:")), d("3850000"));
    // Over the contract: 11 550 000 − 3 × 3 300 000 = 1 650 000; multiple 11 550 000 / 9 900 000 = 1.1666….
    assert_eq!(money_of(&explained(&preset(), "contract:investor_net::0:")), d("1650000"));
    let m = explained(&preset(), "contract:investor_multiple::0:").result;
    assert!(matches!(m, Value::Number(x) if (x - d("1.1666666667")).abs() < d("0.0000000001")), "{m:?}");
}

#[test]
fn the_irr_is_the_rate_where_the_present_value_is_zero() {
    // Cash flow −3 300 000, −3 300 000, +550 000, +3 850 000, +3 850 000 (t = 0…4).
    // PV(5 %) = −3 300 000 − 3 142 857.14 + 498 866.21 + 3 325 775.11 + 3 167 404.87 = +549 189 > 0;
    // PV(10 %) = −3 300 000 − 3 000 000 + 454 545.45 + 2 892 561.98 + 2 629 601.80 = −323 291 < 0;
    // bisected by hand (50-digit decimals) to r = 0.0801234497…: PV(8 %) = +2 100, PV(8.1 %) = −14 876.
    let t = explained(&preset(), "contract:investor_irr::0:");
    let Value::Ratio(r) = t.result else { panic!("a rate: {:?}", t.result) };
    assert!((r - d("0.0801234497")).abs() < d("0.000000002"), "{r}");
    // The present value at that rate: within a few kronor of zero (the bisection stops at 10⁻⁹; dPV/dr ≈ −17 000 000).
    let pv = find(&t.parts, Quantity::InContract(ContractQuantity::PresentValueAtIrr));
    assert!(matches!(pv, Some(Value::Money(v)) if v.abs() < d("0.1")), "{pv:?}");
    // The premium at 3.5 %: Σ amount / 1.035^t = 852 557.08 (to the öre).
    assert_eq!(money_of(&explained(&preset(), "contract:premium::0:")).round_dp(2), d("852557.08"));
}

#[test]
fn savings_bought_are_the_cohorts_savings() {
    // Socialförvaltningen 2028: E = 20 × 0.35 × 0.7 = 4.9; the 2026 cohort at k = 2 (0.64),
    // 2027 at k = 1 (0.8), 2028 at k = 0 (1): 4.9 × 2.44 × 535 500 = 6 402 438.
    assert_eq!(money_of(&explained(&preset(), "contract:bought:2028:0:0")), d("6402438"));
}

#[test]
fn every_contract_figure_of_the_presets_is_explained() {
    let mut with_contracts = 0;
    for preset in crate::presets::all() {
        if !preset.scenario.outcome_contracts.is_empty() {
            with_contracts += 1;
        }
        assert_eq!(every_contract_figure_explained(&preset.scenario), Ok(()), "{}", preset.id);
        assert_eq!(every_cell_explained(&preset.scenario), Ok(()), "{}", preset.id);
    }
    assert!(with_contracts >= 1);
}

#[test]
fn a_key_that_names_nothing_is_no_figure() {
    let s = preset();
    let o = simulate(&s).expect("simulates");
    for key in [
        "contract:",
        "contract:paid:2029:0",
        "contract:paid:2029:0:1",
        "contract:paid:2029:1:0",
        "contract:paid:2037:0:0",
        "contract:paid:x:0:0",
        "contract:bought:2028:0:2",
        "contract:flow:2031:0:",
        "contract:flow:2025:0:",
        "contract:flow:2026:0:0",
        "contract:investor_irr:2026:0:",
        "contract:investor_irr::0:0",
        "contract:nothing::0:",
        "contract:paid:2029:0:0:0",
        &format!("contract:paid:2029:0:{}", "9".repeat(100)),
    ] {
        assert_eq!(ContractFigure::parse(key, &s, &o), None, "{key}");
    }
}

#[test]
fn the_written_explanation_ends_with_the_cells_figure_in_both_languages() {
    let mut s = preset();
    s.actors[1].name = "<b>Social</b>".into();
    let o = simulate(&s).expect("simulates");
    let sv = explanation(&s, &o, "contract:paid:2029:0:0", Lang::Sv, Unit::One).expect("written");
    assert!(sv.contains("Årskullen från 2027, betald 2029"), "{sv}");
    assert!(sv.contains("&lt;b&gt;Social&lt;/b&gt;") && !sv.contains("<b>"), "{sv}");
    assert!(sv.contains("= 3\u{a0}850\u{a0}000,00\u{a0}kr (visas som 3\u{a0}850\u{a0}000\u{a0}kr)"), "{sv}");
    let en = explanation(&s, &o, "contract:investor_irr::0:", Lang::En, Unit::One).expect("written");
    assert!(en.contains("(shown as 8.0%)") && en.contains("2030"), "{en}");
    let fund = explanation(&s, &o, "contract:fund_org_npv::0:", Lang::En, Unit::One).expect("written");
    assert!(fund.contains("through the fund") && fund.contains("Discount factor"), "{fund}");
    assert_eq!(explanation(&s, &o, "org_npv::", Lang::En, Unit::One), None);
}

/// The "break-even with a cap" case of `tests/cases/outcome_contracts.json`,
/// as `report::contracts`'s test builds it and derives it: through the fund
/// the organisation breaks even at f = 2.6 / 2.4 = 1.0833 and fs's success
/// rate 2 600 000 / 4 800 000 = 0.541667; through the contract at
/// f = 11/24 = 0.4583 and r = 1 100 000 / 4 800 000 = 0.229167; society
/// either way at (2 000 000 + 600 000) / 2 400 000 = 1.0833.
#[test]
fn the_break_even_figures_beside_the_contract_are_explained() {
    let s = crate::model::contract::fixtures::capped_break_even();
    let near = |key: &str, want: &str, within: &str| {
        let got = explained(&s, key).result;
        let (Value::Number(v) | Value::Ratio(v)) = got else { panic!("{key}: {got:?}") };
        assert!((v - d(want)).abs() <= d(within), "{key}: {v} against {want}");
    };
    near("contract:fund_effect_factor_org_npv::0:", "1.0833333333", "0.0000000001");
    near("contract:effect_factor_org_npv::0:", "0.4583333333", "0.000000002");
    near("contract:fund_success_rate_for_org_npv::0:", "0.5416666667", "0.0000000001");
    near("contract:success_rate_for_org_npv::0:", "0.2291666667", "0.000000002");
    near("contract:effect_factor_society_npv::0:", "1.0833333333", "0.0000000001");
    // At the factor found the organisation's present value is zero, but for the search's last step.
    let t = explained(&s, "contract:effect_factor_org_npv::0:");
    let at = find(&t.parts, Quantity::InContract(ContractQuantity::OrgNpvAtFactor));
    assert!(matches!(at, Some(Value::Money(v)) if v >= Decimal::ZERO && v < d("0.01")), "{at:?}");
    assert_eq!(every_contract_figure_explained(&s), Ok(()));
    assert_eq!(every_cell_explained(&s), Ok(()));
}
