//! The uncertainty run of the contract: seeded, ordered percentiles, and the
//! deterministic figures when nothing is uncertain.
#![cfg(not(target_arch = "wasm32"))]

use fundsim::model::montecarlo::{monte_carlo, monte_carlo_json};
use fundsim::model::{simulate, Range, Scenario};
use rust_decimal::Decimal;

fn example() -> Scenario {
    let json = include_str!("cases/worked_examples.json");
    let doc: serde_json::Value = serde_json::from_str(json).unwrap();
    Scenario::from_json(&doc["cases"][0]["scenario"].to_string()).unwrap()
}

#[test]
fn without_ranges_every_percentile_is_the_deterministic_figure() {
    let mut s = example();
    s.interventions[0].uncertainty = None;
    let exact = simulate(&s).unwrap();
    let mc = monte_carlo(&s, 1, 50).unwrap();
    for p in [mc.org_npv.p5, mc.org_npv.p50, mc.org_npv.p95] {
        assert_eq!(p, exact.key_figures.org_npv);
    }
    assert_eq!(mc.society_npv.p50, exact.key_figures.society_npv);
    assert_eq!(mc.fund_closing_balance.p95, exact.fund.last().unwrap().close);
    // The example pays back in 2032, inside its 2026–2040 horizon, in every draw.
    assert_eq!(mc.payback_within_horizon_share, Decimal::ONE);
    assert_eq!(mc.cumulative_org_net.len(), 15);
    // Cumulative org_net in 2026 is the first year's −2 500 000.
    assert_eq!(mc.cumulative_org_net[0].percentiles.p50, Decimal::from(-2_500_000));
}

#[test]
fn the_same_seed_gives_the_same_figures_and_another_seed_other_figures() {
    let json = example().to_json();
    let a = monte_carlo_json(&json, 42, 200, None).unwrap();
    let b = monte_carlo_json(&json, 42, 200, None).unwrap();
    let c = monte_carlo_json(&json, 43, 200, None).unwrap();
    assert_eq!(a, b);
    assert_ne!(a, c);
}

#[test]
fn a_success_rate_range_spreads_the_present_value_in_order() {
    // The example's success rate 0.2 may be 0.1 to 0.3: savings scale with it,
    // so the organisation's present value must spread around the exact figure.
    let s = example();
    let exact = simulate(&s).unwrap().key_figures.org_npv;
    let mc = monte_carlo(&s, 7, 400).unwrap();
    assert!(mc.org_npv.p5 < mc.org_npv.p50 && mc.org_npv.p50 < mc.org_npv.p95);
    assert!(mc.org_npv.p5 < exact && exact < mc.org_npv.p95);
    for y in &mc.cumulative_org_net {
        assert!(y.percentiles.p5 <= y.percentiles.p50 && y.percentiles.p50 <= y.percentiles.p95);
    }
}

#[test]
fn factor_ranges_multiply_costs_and_every_avoided_cost() {
    // With the avoided costs certain to be zero-to-one times their value and a
    // success rate of 0, nothing is saved in any draw: the present value is
    // minus the discounted costs in every percentile.
    let mut s = example();
    s.interventions[0].success_rate = Decimal::ZERO;
    let u = s.interventions[0].uncertainty.get_or_insert_with(Default::default);
    u.success_rate = None;
    u.avoided_costs = Some(Range { low: Decimal::ZERO, high: Decimal::ONE });
    let exact = simulate(&s).unwrap().key_figures.org_npv;
    let mc = monte_carlo(&s, 3, 50).unwrap();
    assert_eq!(mc.org_npv.p5, exact);
    assert_eq!(mc.org_npv.p95, exact);
    // A cost factor of 1 to 2 can only make the result worse.
    let u = s.interventions[0].uncertainty.get_or_insert_with(Default::default);
    u.annual_cost = Some(Range { low: Decimal::ONE, high: Decimal::from(2) });
    let mc = monte_carlo(&s, 3, 50).unwrap();
    assert!(mc.org_npv.p95 <= exact && mc.org_npv.p5 < exact);
}

#[test]
fn bad_arguments_name_the_argument() {
    let json = example().to_json();
    assert_eq!(monte_carlo_json(&json, 1, 0, None).unwrap_err().path, "draws");
    assert_eq!(monte_carlo_json(&json, 1, 100_001, None).unwrap_err().path, "draws");
    assert_eq!(monte_carlo_json("{}", 1, 10, None).unwrap_err().path, "");
    // The example runs 2026–2040.
    assert_eq!(monte_carlo_json(&json, 1, 10, Some(2025)).unwrap_err().path, "by_year");
    assert_eq!(monte_carlo_json(&json, 1, 10, Some(2041)).unwrap_err().path, "by_year");
    assert!(monte_carlo_json(&json, 1, 10, Some(2026)).is_ok());
    assert!(monte_carlo_json(&json, 1, 10, Some(2040)).is_ok());
}

#[test]
fn a_run_too_large_for_one_call_is_refused_naming_draws() {
    use fundsim::model::montecarlo::{work, MAX_WORK};
    // The example: one ranged intervention, 15 years, 4 actors. 100 000 draws:
    // 100 000 × 15 × 2 = 3 000 000, plus min(100 000, 6 × 15 + 9 = 99) exact
    // draws × 4 × 15 × 1 × 5 = 300 each: 29 700. Far below the limit.
    let s = example();
    assert_eq!(work(&s, 100_000), 3_029_700);
    assert!(monte_carlo_json(&s.to_json(), 1, 100_000, None).is_ok());
    // Without ranges every draw is the scenario: no work.
    let mut plain = s.clone();
    plain.interventions[0].uncertainty = None;
    assert_eq!(work(&plain, 100_000), 0);
    // 200 ranged copies of the intervention over 60 years: 10 000 draws are
    // 10 000 × 60 × 201 = 120 600 000 plus 369 × (4 × 60 × 200 × 5) = 88 560 000.
    let mut big = s.clone();
    big.horizon_years = 60;
    big.interventions = (0..200)
        .map(|i| {
            let mut iv = s.interventions[0].clone();
            iv.id = format!("i{i}");
            iv
        })
        .collect();
    assert_eq!(work(&big, 10_000), 209_160_000);
    assert!(work(&big, 10_000) > MAX_WORK);
    let refused = monte_carlo_json(&big.to_json(), 1, 10_000, None).unwrap_err();
    assert_eq!(refused.path, "draws");
    assert!(refused.to_string().contains("ask for fewer draws"), "{refused}");
    // A run in slices has no such limit (a few draws here, to stay quick).
    assert!(fundsim::model::montecarlo::MonteCarloRun::new(&big, 1, 10_000, None).is_ok());
}
