//! Laws of social outcome contracts (schema_version 2), checked on generated
//! scenarios (proptest), in the style of `tests/properties.rs`.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rust_decimal::Decimal;

use fundsim::model::decision::{break_even, EffectScale};
use fundsim::model::montecarlo::monte_carlo;
use fundsim::model::{self as model, simulate, Range, Scenario};

#[path = "generate/any.rs"]
mod any;
#[path = "generate/contracts.rs"]
mod contract;
#[path = "generate/scenario.rs"]
mod generate;
#[path = "generate/strategies.rs"]
mod strategies;
use any::Sizes;
use contract::{terms, Terms};
use strategies::money;

/// A valid version-1 scenario of up to 4 actors, 1 to 3 interventions and 15 years.
fn scenario() -> impl Strategy<Value = Scenario> {
    any::scenario(Sizes { actors: 4, years: 15, allocations: 15, interventions: 1..=3, earmarked: false })
}

/// The scenario with intervention 0 under a contract with these terms.
fn contracted(s: Scenario, t: Terms) -> Scenario {
    contract::contracted(s, t, false)
}

fn run(s: &Scenario) -> model::Outcome {
    match simulate(s) {
        Ok(outcome) => outcome,
        Err(e) => panic!("a generated scenario was refused: {e}"),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// With no contracts a version-2 scenario gives exactly the version-1
    /// result, byte for byte (it is still a version-1 result).
    #[test]
    fn no_contracts_is_version_one(s in scenario()) {
        let v1 = run(&s).to_json();
        prop_assert!(!v1.contains("outcome_payments") && !v1.contains("outcome_contracts"));
        let head = "{\"schema_version\":1,";
        prop_assert!(v1.starts_with(head), "{}", &v1[..20]);
        let mut v2 = s.clone();
        v2.schema_version = 2;
        prop_assert_eq!(run(&v2).to_json(), v1);
        // And a version-1 scenario is still written without the new field.
        prop_assert!(!s.to_json().contains("outcome_contracts"));
    }

    /// The payments never exceed the cap nor the payers' maximum exposure,
    /// within the horizon and past it together.
    #[test]
    fn payments_never_exceed_the_cap(s in scenario(), t in terms()) {
        let s = contracted(s, t);
        let out = run(&s);
        let c = &out.outcome_contracts[0];
        let all = c.payments_total + c.outstanding;
        prop_assert_eq!(all, c.received);
        if let Some(cap) = s.outcome_contracts[0].cap {
            prop_assert!(all <= cap, "{} > cap {}", all, cap);
        }
        prop_assert!(all <= c.payer_max_exposure, "{} > exposure {}", all, c.payer_max_exposure);
        prop_assert!(c.payments.iter().all(|(_, p)| *p >= Decimal::ZERO));
    }

    /// Society's result and the total cost do not depend on the price (or on
    /// whether the intervention is under a contract at all): the real cost of
    /// the work, whoever pays it.
    #[test]
    fn society_does_not_depend_on_the_price(s in scenario(), t in terms(), other in money(100_000_000)) {
        let plain = run(&s);
        let a = contracted(s.clone(), t.clone());
        let mut b = a.clone();
        b.outcome_contracts[0].price_per_outcome = other;
        let (a, b) = (run(&a), run(&b));
        for out in [&a, &b] {
            prop_assert_eq!(&out.society_net, &plain.society_net);
            prop_assert_eq!(out.key_figures.society_npv, plain.key_figures.society_npv);
            prop_assert_eq!(out.key_figures.total_cost, plain.key_figures.total_cost);
        }
    }

    /// Every year, the payer's and the co-payers' outcome payments add up to
    /// the contract's payment exactly, and each actor's net takes its own off.
    #[test]
    fn payers_pay_the_payments(s in scenario(), t in terms()) {
        let s = contracted(s, t);
        let out = run(&s);
        let c = &out.outcome_contracts[0];
        for (y, (_, paid)) in c.payments.iter().enumerate() {
            let by_actors: Decimal = out.actors.iter().map(|a| a.rows[y].outcome_payments.unwrap_or_default()).sum();
            prop_assert_eq!(by_actors, *paid);
        }
        for a in &out.actors {
            for r in &a.rows {
                let paid = r.outcome_payments.unwrap_or_default();
                // Equal far below an öre: decimals carry 28 significant digits, and the engine subtracts
                // in its own order, so the last digit may differ (found: …290134 against …29013).
                let by_hand = r.savings - r.co_financing - r.repayment - r.fund_cost - paid;
                prop_assert!((r.net - by_hand).abs() <= Decimal::new(1, 9), "{} != {}", r.net, by_hand);
            }
        }
        // The result JSON written by hand is what serde writes.
        prop_assert_eq!(out.to_json(), serde_json::to_string(&out).unwrap());
    }

    /// The investor's figures agree: net = received − invested, the
    /// multiple is received / invested, the premium at rate 0 is the net, and
    /// at the IRR the cash flow's present value is (nearly) zero.
    #[test]
    fn the_investor_figures_agree(s in scenario(), t in terms()) {
        let mut s = contracted(s, t);
        let out = run(&s);
        let c = out.outcome_contracts[0].clone();
        prop_assert_eq!(c.investor_net, c.received - c.invested);
        if let Some(m) = c.investor_multiple {
            prop_assert!((m * c.invested - c.received).abs() <= Decimal::new(1, 6) * c.invested.max(Decimal::ONE));
        }
        s.discount_rate = Decimal::ZERO;
        prop_assert_eq!(run(&s).outcome_contracts[0].premium, c.investor_net);
        if let Some(irr) = c.investor_irr {
            prop_assert!(irr >= Decimal::new(-99, 2) && irr <= Decimal::TEN);
        }
    }

    /// Taking the contract out gives back the fund's figures of the same scenario.
    #[test]
    fn without_the_contract_the_fund_pays(s in scenario(), t in terms()) {
        let with = contracted(s.clone(), t);
        let mut without = with.clone();
        without.outcome_contracts.clear();
        prop_assert_eq!(run(&without).to_json(), run(&s).to_json());
    }

    /// The break-even factor found by the scan makes `org_npv` non-negative,
    /// and the scan's step below it (a hundredth, on 0..100) does not.
    #[test]
    fn the_scanned_break_even_holds(s in scenario(), t in terms()) {
        let s = contracted(s, t);
        let figures = break_even(&s, None).unwrap();
        let scale = EffectScale::new(&s).unwrap();
        if let Some(f) = figures.effect_factor_org_npv {
            prop_assert!(scale.org_npv_at(f).unwrap() >= Decimal::ZERO);
            let step = (f * Decimal::ONE_HUNDRED).ceil();
            if step >= Decimal::ONE {
                let below = (step - Decimal::ONE) / Decimal::ONE_HUNDRED;
                prop_assert!(scale.org_npv_at(below).unwrap() < Decimal::ZERO, "holds at {} below {}", below, f);
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Monte Carlo with a contract: shares are shares, percentiles ordered,
    /// and with the range's width 0 every figure is the deterministic one.
    #[test]
    fn monte_carlo_with_a_contract(s in scenario(), t in terms(), seed in any::<u64>()) {
        let mut s = contracted(s, t);
        let out = run(&s);
        let r = s.interventions[0].success_rate;
        s.interventions[0].uncertainty = Some(model::Uncertainty {
            success_rate: Some(Range { low: r, high: r }),
            ..Default::default()
        });
        let mc = monte_carlo(&s, seed, 30).unwrap();
        prop_assert_eq!(mc.schema_version, 2);
        let c = &mc.outcome_contracts[0];
        let ore = |v: Decimal| v.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
        prop_assert_eq!(c.payments_total.p50, ore(out.outcome_contracts[0].payments_total));
        prop_assert_eq!(c.investor_net.p95, ore(out.outcome_contracts[0].investor_net));
        let lost = if out.outcome_contracts[0].investor_net < Decimal::ZERO { Decimal::ONE } else { Decimal::ZERO };
        prop_assert_eq!(c.investor_loss_share, lost);
        prop_assert_eq!(mc.org_npv.p5, ore(out.key_figures.org_npv));
    }
}

/// The charts count the outcome payments where the payer pays: the contract
/// preset (derived in `tests/presets.rs`): Socialförvaltningen pays 3 850 000
/// in each of 2028–2030, 11 550 000 in all, and nothing else (the investor
/// pays the work, so it co-finances nothing and repays nothing); it saves
/// 2 623 950 + 4 723 110 + 6 402 438 + 3 778 488 + 1 679 328 = 19 207 314,
/// so its net is 19 207 314 − 11 550 000 = 7 657 314. In 2028 its net is
/// 6 402 438 − 3 850 000 = 2 552 438; in 2030, 1 679 328 − 3 850 000 = −2 170 672.
#[test]
fn the_charts_count_the_outcome_payments_as_the_payers_cost() {
    use fundsim::ui::view::charts::layout::{actor_years, flow, who_pays, ChartInput};
    use fundsim::words::format::Unit;
    use fundsim::words::Lang;
    let s = fundsim::presets::by_id("contract").map(|p| p.scenario).expect("the contract preset");
    let o = simulate(&s).expect("it simulates");
    let d = |v: &str| v.parse::<Decimal>().expect("a number");
    let input = ChartInput { scenario: &s, outcome: &o, lang: Lang::En, unit: Unit::One };
    let social = who_pays::rows(&input).into_iter().find(|r| r.id == "social").expect("the payer's row");
    assert_eq!((social.cost, social.savings, social.net), (d("11550000"), d("19207314"), d("7657314")));
    let (payers, _) = flow::columns(&input);
    let payer = payers.iter().find(|n| n.id == "social").expect("the payer pays");
    assert_eq!(payer.amount, d("11550000"));
    let years: Vec<i32> = o.years.clone();
    let series = actor_years::series(&input, &years);
    let social = series.iter().find(|x| x.id == "social").expect("the payer's series");
    assert_eq!((social.net[2], social.net[4]), (d("2552438"), d("-2170672")));
}
