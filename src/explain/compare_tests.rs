use rust_decimal::Decimal;

use super::*;
use crate::explain::tests::small;
use crate::model::simulate;

fn d(text: &str) -> Decimal {
    text.parse().unwrap_or_else(|_| panic!("a decimal: {text}"))
}

/// A: the small scenario (`explain::tests::small`) at 60 000 a year instead of 50 000; B: as it is.
fn plans() -> (Scenario, Scenario) {
    let b = small();
    let mut a = b.clone();
    a.interventions[0].annual_cost = d("60000");
    (a, b)
}

#[test]
fn a_difference_is_a_s_figure_minus_b_s_each_traced() {
    let (a, b) = plans();
    let (ao, bo) = (simulate(&a).unwrap(), simulate(&b).unwrap());
    // Total cost: 2 running years × 60 000 − 2 × 50 000 = 20 000.
    let t = difference(&a, &ao, &b, &bo, "total_cost::").expect("traced");
    assert_eq!(t.result, Value::Money(d("20000")));
    // The organisation's present value: savings as before, the costs 10 000 more in
    // 2026 and 2027: −10 000 − 10 000/1.1 = −19 090.909… (−19 090.91 to the öre); A's own:
    // −60 000 − 20 000/1.1 + 60 000/1.21 + 20 000/1.331 = −13 568.75, B's 5 522.16.
    let t = difference(&a, &ao, &b, &bo, "org_npv::").expect("traced");
    let Value::Money(v) = t.result else { panic!("money") };
    assert_eq!(v.round_dp(2), d("-19090.91"));
    // The school co-finances 20 % of 60 000 × 2 = 24 000 instead of 20 000; the
    // social services repay half their savings (60 000), under both caps (96 000, 80 000):
    // the school's net over the horizon is 4 000 lower, the social services' the same.
    assert_eq!(difference(&a, &ao, &b, &bo, "net_total::school").unwrap().result, Value::Money(d("-4000")));
    assert_eq!(difference(&a, &ao, &b, &bo, "net_total::social").unwrap().result, Value::Money(Decimal::ZERO));
    // Payback: B's cumulative result −50 000, −60 000, 0, 20 000 pays back in 2028 (after
    // the last negative year, 2027); A's −60 000, −80 000, −20 000, 0 in 2029: one year later.
    assert_eq!(difference(&a, &ao, &b, &bo, "payback_year::").unwrap().result, Value::Number(Decimal::ONE));
    let years = explanation(&a, &ao, &b, &bo, "cmp:d:payback_year::", Lang::En, Unit::One).expect("written");
    assert!(years.contains("= 2029 − 2028 = 1 year (shown as +1 year)"), "{years}");

    let text = explanation(&a, &ao, &b, &bo, "cmp:d:org_npv::", Lang::Sv, Unit::Thousand).expect("written");
    assert!(text.contains("A − B: Organisationens nuvärde"), "{text}");
    assert!(text.contains("= −13\u{a0}568,75\u{a0}kr − 5\u{a0}522,16\u{a0}kr = −19\u{a0}090,91\u{a0}kr"), "{text}");
    assert!(text.ends_with("(visas som −19\u{a0}tkr)</p></div>"), "{text}");
    // Each side's own derivation is one step away, its result line not the panel's.
    assert_eq!(text.matches("data-testid=\"explain-result\"").count(), 1, "{text}");
    assert_eq!(text.matches("data-testid=\"explain-side-result\"").count(), 2, "{text}");
    let side = explanation(&a, &ao, &b, &bo, "cmp:b:org_npv::", Lang::En, Unit::One).expect("written");
    assert!(side.contains("B: Liten") && side.contains("= 5,522.16\u{a0}SEK"), "{side}");
}

#[test]
fn every_cell_of_the_comparison_opens_its_own_figure() {
    let (a, b) = plans();
    assert_eq!(every_comparison_cell_explained(&a, &b), Ok(()));
    let presets = crate::presets::all();
    for pa in &presets {
        for pb in &presets {
            assert_eq!(every_comparison_cell_explained(&pa.scenario, &pb.scenario), Ok(()), "{} − {}", pa.id, pb.id);
        }
    }
}

#[test]
fn a_comparison_key_that_names_nothing_is_none() {
    let (a, b) = plans();
    let (ao, bo) = (simulate(&a).unwrap(), simulate(&b).unwrap());
    for key in
        ["cmp:x:org_npv::", "cmp:d:nothing::", "cmp:a:net_total::nobody", "cmp:d:close:1999:", "cmp:", "org_npv::"]
    {
        assert_eq!(explanation(&a, &ao, &b, &bo, key, Lang::En, Unit::One), None, "{key}");
    }
}
