//! The scenarios the state's tests load, read from JSON files in
//! `tests/data/` (the browser tests read the same files), so that a test
//! shows the data it starts from rather than building it in code.

use crate::model::Scenario;

/// A valid scenario of one's own, unlike the example and every preset: three
/// actors (one outside), one intervention repaid in fixed instalments,
/// 7 000 000 a year for four years.
pub const OWN: &str = include_str!("../../../tests/data/own.json");

/// [`OWN`] with a discount rate of 2, which breaks one rule: `discount_rate`
/// must lie between 0 and 1.
pub const OWN_DISCOUNT_RATE_2: &str = include_str!("../../../tests/data/own_discount_rate_2.json");

/// [`OWN`] with a success rate of 1.5, which breaks one rule:
/// `interventions[0].success_rate` must lie between 0 and 1.
pub const OWN_SUCCESS_RATE_1_5: &str = include_str!("../../../tests/data/own_success_rate_1.5.json");

/// A fixture's scenario; each is written to be read.
pub fn scenario(json: &str) -> Scenario {
    match Scenario::from_json(json) {
        Ok(scenario) => scenario,
        Err(e) => panic!("a fixture does not read: {e}"),
    }
}

/// The state a visit starts from with no link and no autosave: the built-in example, in Swedish.
pub fn start() -> std::rc::Rc<super::AppState> {
    std::rc::Rc::new(super::AppState::built_in(crate::words::Lang::Sv))
}

/// A decimal written as text (tests only: every text here is a literal).
pub fn d(text: &str) -> rust_decimal::Decimal {
    match text.parse() {
        Ok(v) => v,
        Err(e) => panic!("not a decimal: {text}: {e}"),
    }
}

#[test]
fn the_fixtures_read_and_break_the_rules_they_say() {
    use crate::model::validate::validate_all;
    let paths = |json| validate_all(&scenario(json)).into_iter().map(|e| e.path).collect::<Vec<_>>();
    assert_eq!(paths(OWN), Vec::<String>::new());
    assert_eq!(paths(OWN_DISCOUNT_RATE_2), ["discount_rate"]);
    assert_eq!(paths(OWN_SUCCESS_RATE_1_5), ["interventions[0].success_rate"]);
    let own = scenario(OWN);
    assert_ne!(own, super::example_scenario());
    assert_eq!(super::keep::preset_of(&own), None, "a scenario of one's own, not a preset");
}
