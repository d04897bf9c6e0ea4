use rust_decimal::Decimal;

use super::*;
use crate::explain::tests::small;
use crate::explain::write_decision::{every_decision_cell_explained, explanation};
use crate::model::scenario::{Range, Uncertainty};
use crate::words::format::Unit;
use crate::words::Lang;

fn d(text: &str) -> Decimal {
    text.parse().unwrap_or_else(|_| panic!("a decimal: {text}"))
}

/// The small scenario (`explain::tests::small`) with a success-rate range 0.25–0.75.
fn ranged() -> Scenario {
    let mut s = small();
    s.interventions[0].uncertainty =
        Some(Uncertainty { success_rate: Some(Range { low: d("0.25"), high: d("0.75") }), ..Default::default() });
    s
}

#[test]
fn a_tornado_cell_is_the_present_value_with_that_one_assumption_changed() {
    // The small scenario at a success rate of 0.25 instead of 0.5: E = 10 × 0.25 × 0.8 = 2,
    // half the savings. The social services' (inside) savings: 2027 20 000, 2028 30 000,
    // 2029 10 000; the costs 50 000 in 2026 and 2027 (repayments are inside: they cancel).
    // org_net: −50 000, 20 000 − 50 000 = −30 000, 30 000, 10 000. At 10 %:
    // −50 000 − 30 000/1.1 + 30 000/1.21 + 10 000/1.331
    //   = −50 000 − 27 272.727… + 24 793.388… + 7 513.148… = −44 966.19 (to the öre).
    let s = ranged();
    let v = varied(&s, false, false, 0, "read").expect("traced");
    assert_eq!(v.value, d("0.25"));
    let Value::Money(pv) = v.trace.result else { panic!("money") };
    assert_eq!(to_ore(pv), d("-44966.19"));
    let key = DecisionKey::Sensitivity { society: false, high: false, parameter: 0, intervention: "read" }.key();
    assert_eq!(key, "sens:org:low:success_rate:read");
    let text = explanation(&s, &simulate(&s).unwrap(), &key, None, Lang::Sv, Unit::Thousand).expect("written");
    assert!(text.contains("andel som lyckas: 50\u{a0}% → 25\u{a0}%"), "{text}");
    assert!(text.contains("= −44\u{a0}966,19\u{a0}kr (visas som −45\u{a0}tkr)"), "{text}");
}

#[test]
fn a_break_even_is_the_rate_at_which_the_present_value_is_zero() {
    // u: the inside savings at a success rate of 1 (E = 10 × 1 × 0.8 = 8): the social
    // services' 2027 80 000, 2028 120 000, 2029 40 000; discounted at 10 %:
    // 80 000/1.1 + 120 000/1.21 + 40 000/1.331 = 72 727.27 + 99 173.55 + 30 052.59 = 201 953.42.
    // org_npv = 5 522.16 (explain::tests), so r = 0.5 − 5 522.16/201 953.42 = 0.5 − 0.027344
    // = 0.472656. The same from the costs: PVC = 50 000 + 50 000/1.1 = 95 454.55, and
    // org_npv(r) = r × u − PVC = 0 at r = 95 454.55/201 953.42 = 0.472656.
    let s = small();
    let t = break_even_trace(&s, "read").expect("traced");
    assert_eq!(to_ore(t.unit.expect("u")), d("201953.42"));
    assert_eq!(to_ore(t.org_npv), d("5522.16"));
    assert_eq!(to_ratio(t.result.expect("a rate")), d("0.4727"));
    assert_eq!(t.result.expect("a rate").round_dp(6), d("0.472656"));
    // At that rate the present value is zero, to the öre.
    assert_eq!(to_ore(t.check.expect("checked")), Decimal::ZERO);
    assert!(!t.searched);
    let text = explanation(&s, &simulate(&s).unwrap(), "be:read", None, Lang::En, Unit::One).expect("written");
    assert!(text.contains("(shown as 47.3%)"), "{text}");
    assert!(text.contains("at a success rate of 47.2656"), "{text}");
    assert!(text.contains(": 0.00\u{a0}SEK</p>"), "{text}");
}

#[test]
fn a_percentile_says_its_rank_seed_and_the_run_s_figure() {
    // Nearest rank: of 200 draws the 5th percentile is the ⌈0.05 × 200⌉ = 10th smallest,
    // the median the 100th, the 95th percentile the 190th; of 7 draws ⌈0.35⌉ = 1, ⌈3.5⌉ = 4, ⌈6.65⌉ = 7.
    let s = ranged();
    let o = simulate(&s).unwrap();
    let run = |draws: u32| -> RunJson {
        let json = crate::model::montecarlo::monte_carlo(&s, 7, draws).unwrap().to_json();
        serde_json::from_str(&json).unwrap()
    };
    let r = run(200);
    let ranks: Vec<u64> =
        [5, 50, 95].iter().map(|p| percentile_trace(&o, &r, Series::FundClose, *p, 2029).unwrap().rank).collect();
    assert_eq!(ranks, vec![10, 100, 190]);
    let r = run(7);
    let t: Vec<PercentileTrace> =
        [5, 50, 95].iter().map(|p| percentile_trace(&o, &r, Series::CumulativeOrgNet, *p, 2028).unwrap()).collect();
    assert_eq!(t.iter().map(|t| t.rank).collect::<Vec<_>>(), vec![1, 4, 7]);
    assert_eq!(t[0].seed, 7);
    // The assumed values' cumulative result to 2028: −50 000 − 10 000 + 60 000 = 0.
    assert_eq!(t[0].deterministic, Some(Decimal::ZERO));
    let json = crate::model::montecarlo::monte_carlo(&s, 7, 7).unwrap().to_json();
    let text = explanation(&s, &o, "fan:cum:p50:2028", Some(&json), Lang::En, Unit::One).expect("written");
    assert!(text.contains("Rank ⌈50/100 × 7⌉</span>: <span class=\"explain-value\">4<"), "{text}");
    assert!(text.contains("cannot be recomputed"), "{text}");
    assert_eq!(explanation(&s, &o, "fan:cum:p50:2028", None, Lang::En, Unit::One), None);
    assert_eq!(explanation(&s, &o, "fan:cum:p50:1999", Some(&json), Lang::En, Unit::One), None);
}

#[test]
fn a_key_that_names_nothing_is_no_decision_figure() {
    let s = ranged();
    let o = simulate(&s).unwrap();
    for key in [
        "sens:org:low:success_rate:nobody",
        "sens:org:low:deadweight:read",
        "sens:org:mid:success_rate:read",
        "sens:x:low:success_rate:read",
        "sens:org:low:colour:read",
        "be:nobody",
        "fan:fund:p7:2028",
        "fan:fund:det:2028",
        "fan:x:p5:2028",
        "fan:cum:det:1999",
        "in:assumed:success_rate:nobody",
        "in:low:deadweight:read",
        "in:mid:success_rate:read",
        "in:low:colour:read",
        "in:low",
    ] {
        assert_eq!(explanation(&s, &o, key, Some("{}"), Lang::En, Unit::One), None, "{key}");
    }
}

#[test]
fn every_decision_cell_of_every_preset_is_explained_down_to_its_figure() {
    for preset in crate::presets::all() {
        let checked = every_decision_cell_explained(&preset.scenario, 50);
        assert!(checked.as_ref().is_ok_and(|n| *n > 0), "{}: {checked:?}", preset.id);
    }
    // The small scenario's tables: a tornado row (its range's 2 ends and 4 present
    // values), a break-even row (the rate needed and the rate assumed) and two fans of
    // 4 years (4 figures a year), in 2 languages × 2 units.
    assert_eq!(every_decision_cell_explained(&ranged(), 50), Ok(4 * (2 + 4 + 2 + 2 * 4 * 4)));
}

#[test]
fn an_assumption_a_table_repeats_says_it_is_an_input_and_where_it_is_set() {
    // The small scenario assumes a success rate of 0.5 for "Läsning", with the range
    // 0.25–0.75 (`ranged`): the tornado's low cell shows 25.0 %, the break-even's
    // assumed cell 50.0 %; both are inputs, read back, not computed.
    let s = ranged();
    let o = simulate(&s).unwrap();
    let low = DecisionKey::Input { end: End::Low, parameter: 0, intervention: "read" }.key();
    assert_eq!(low, "in:low:success_rate:read");
    assert_eq!(
        DecisionKey::parse(&low),
        Some(DecisionKey::Input { end: End::Low, parameter: 0, intervention: "read" })
    );
    let text = explanation(&s, &o, &low, None, Lang::En, Unit::One).expect("written");
    assert!(text.contains("Success rate, Läsning: the low end of its range"), "{text}");
    assert!(text.contains("set under Interventions → Läsning → Uncertainty"), "{text}");
    assert!(text.contains("= 25% (shown as 25.0%)"), "{text}");
    let assumed = explanation(&s, &o, "in:assumed:success_rate:read", None, Lang::Sv, Unit::One).expect("written");
    assert!(assumed.contains("Andel som lyckas, Läsning: det antagna värdet"), "{assumed}");
    assert!(assumed.contains("anges under Insatser → Läsning."), "{assumed}");
    assert!(assumed.contains("= 50\u{a0}% (visas som 50,0\u{a0}%)"), "{assumed}");
    // A cost's range is a factor on the amount assumed, which the explanation says: 1 as assumed.
    let mut s = ranged();
    s.interventions[0].uncertainty.as_mut().unwrap().annual_cost = Some(Range { low: d("0.9"), high: d("1.2") });
    let high = explanation(&s, &o, "in:high:annual_cost:read", None, Lang::En, Unit::One).expect("written");
    assert!(high.contains("Value assumed</span>: <span class=\"explain-value\">100%<"), "{high}");
    assert!(high.contains("100% is the amount as assumed"), "{high}");
    assert!(high.contains("= 120% (shown as 120.0%)"), "{high}");
}
