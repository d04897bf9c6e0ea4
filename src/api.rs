//! The JavaScript API's arguments, checked before anything is computed.
//!
//! A JavaScript caller may pass anything where a JSON text or a count is
//! expected. `lib.rs` turns each argument into an [`Arg`] (what JavaScript
//! gave: nothing, a number, a string, or something else), and these
//! functions accept only what the contract allows, or refuse with an error
//! naming the argument. Pure, so they are tested natively; no value the
//! caller gave is echoed, only its kind.

use crate::model::error::ArgumentKind;
use crate::model::montecarlo::MAX_DRAWS;
use crate::model::{Problem, ScenarioError};

/// One argument as JavaScript gave it.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// `undefined`, or left out.
    Missing,
    Null,
    Number(f64),
    Text(String),
    /// Anything else, by its `typeof` (`object`, `boolean`, `bigint`, …).
    Other(String),
}

impl Arg {
    fn kind(&self) -> &str {
        match self {
            Arg::Missing => "nothing",
            Arg::Null => "null",
            Arg::Number(_) => "a number",
            Arg::Text(_) => "a string",
            Arg::Other(kind) => kind,
        }
    }
}

/// The largest whole number a JavaScript number holds exactly (2^53).
pub const MAX_SEED: f64 = 9_007_199_254_740_992.0;

fn refused(name: &str, wanted: ArgumentKind, got: &Arg) -> ScenarioError {
    ScenarioError::new(name, Problem::WrongArgument { wanted, got: got.kind().to_string() })
}

/// `scenarioJson`: a string (the scenario's JSON text).
pub fn scenario_json(arg: Arg) -> Result<String, ScenarioError> {
    match arg {
        Arg::Text(text) => Ok(text),
        other => Err(refused("scenarioJson", ArgumentKind::ScenarioText, &other)),
    }
}

/// A whole number within `low ..= high`, or `None`.
fn whole(arg: &Arg, low: f64, high: f64) -> Option<f64> {
    match arg {
        Arg::Number(n) if n.is_finite() && n.fract() == 0.0 && *n >= low && *n <= high => Some(*n),
        _ => None,
    }
}

/// `seed`: a whole number from 0 to 2^53.
pub fn seed(arg: &Arg) -> Result<u64, ScenarioError> {
    whole(arg, 0.0, MAX_SEED).map(|n| n as u64).ok_or_else(|| match arg {
        Arg::Number(_) => ScenarioError::new("seed", Problem::WholeNumberFrom { low: 0, high: MAX_SEED as u64 }),
        other => refused("seed", ArgumentKind::Seed, other),
    })
}

/// `draws`: a whole number from 1 to [`MAX_DRAWS`].
pub fn draws(arg: &Arg) -> Result<u32, ScenarioError> {
    whole(arg, 1.0, f64::from(MAX_DRAWS)).map(|n| n as u32).ok_or_else(|| match arg {
        Arg::Number(_) => ScenarioError::new("draws", Problem::WholeNumberFrom { low: 1, high: MAX_DRAWS.into() }),
        other => refused("draws", ArgumentKind::Draws, other),
    })
}

/// `byYear` (optional): a calendar year, a whole number; `undefined` or
/// `null` for none. Whether it is a year of the horizon is the model's to
/// check. Named `by_year`, as in the results.
pub fn by_year(arg: &Arg) -> Result<Option<i32>, ScenarioError> {
    match arg {
        Arg::Missing | Arg::Null => Ok(None),
        _ => whole(arg, f64::from(i32::MIN), f64::from(i32::MAX))
            .map(|n| Some(n as i32))
            .ok_or_else(|| refused("by_year", ArgumentKind::Year, arg)),
    }
}

/// `element` of `mount`: anything but an element of a page (`got`: a text
/// node, `null`, a number, a selector string, a plain object) is refused
/// before anything is drawn, so that apps mounted already go on working.
pub fn not_an_element(got: &Arg) -> ScenarioError {
    refused("element", ArgumentKind::Element, got)
}

/// `options` of `mount` (optional): the options' JSON text, or `undefined`
/// or `null` for none. An object not passed through `JSON.stringify` is refused.
pub fn options_json(arg: Arg) -> Result<Option<String>, ScenarioError> {
    match arg {
        Arg::Missing | Arg::Null => Ok(None),
        Arg::Text(text) => Ok(Some(text)),
        other => Err(refused("options", ArgumentKind::OptionsText, &other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path<T: std::fmt::Debug>(r: Result<T, ScenarioError>) -> String {
        r.expect_err("refused").path
    }

    #[test]
    fn a_scenario_must_be_a_string() {
        assert_eq!(scenario_json(Arg::Text("{}".into())), Ok("{}".to_string()));
        for bad in [Arg::Number(1.0), Arg::Missing, Arg::Null, Arg::Other("object".into())] {
            let e = scenario_json(bad.clone()).expect_err("refused");
            assert_eq!(e.path, "scenarioJson");
            assert!(e.to_string().contains(bad.kind()), "{e}");
        }
    }

    #[test]
    fn draws_are_whole_numbers_from_1_to_the_maximum() {
        assert_eq!(draws(&Arg::Number(1.0)), Ok(1));
        assert_eq!(draws(&Arg::Number(100_000.0)), Ok(100_000));
        // 2^32 + 1 would wrap to 1 as a u32: refused instead.
        for bad in [0.0, -1.0, 1.5, f64::NAN, f64::INFINITY, 100_001.0, 4_294_967_297.0] {
            assert_eq!(path(draws(&Arg::Number(bad))), "draws", "{bad}");
        }
        assert_eq!(path(draws(&Arg::Text("10".into()))), "draws");
        assert_eq!(path(draws(&Arg::Missing)), "draws");
    }

    #[test]
    fn seeds_are_whole_numbers_from_0_to_2_pow_53() {
        assert_eq!(seed(&Arg::Number(0.0)), Ok(0));
        assert_eq!(seed(&Arg::Number(MAX_SEED)), Ok(1u64 << 53));
        for bad in [-1.0, 0.5, f64::NAN, MAX_SEED * 2.0] {
            assert_eq!(path(seed(&Arg::Number(bad))), "seed", "{bad}");
        }
        assert_eq!(path(seed(&Arg::Text("1".into()))), "seed");
        assert_eq!(path(seed(&Arg::Other("bigint".into()))), "seed");
    }

    #[test]
    fn by_year_is_optional_and_whole() {
        assert_eq!(by_year(&Arg::Missing), Ok(None));
        assert_eq!(by_year(&Arg::Null), Ok(None));
        assert_eq!(by_year(&Arg::Number(2030.0)), Ok(Some(2030)));
        for bad in [Arg::Number(2030.5), Arg::Number(f64::NAN), Arg::Number(1e12), Arg::Text("2030".into())] {
            assert_eq!(path(by_year(&bad)), "by_year");
        }
    }

    #[test]
    fn mount_takes_an_element_and_options_as_json_text_or_none() {
        // What reaches `not_an_element` is named by its kind, never echoed.
        for got in [Arg::Null, Arg::Number(3.0), Arg::Text("#app".into()), Arg::Other("a #text node".into())] {
            let e = not_an_element(&got);
            assert_eq!(e.path, "element");
            assert_eq!(e.to_string(), format!("element: must be an element of the page (got {})", got.kind()));
        }
        assert_eq!(options_json(Arg::Missing), Ok(None));
        assert_eq!(options_json(Arg::Null), Ok(None));
        assert_eq!(options_json(Arg::Text("{}".into())), Ok(Some("{}".into())));
        for bad in [Arg::Other("object".into()), Arg::Number(1.0)] {
            let e = options_json(bad).expect_err("refused");
            assert!(
                e.to_string().starts_with("options: must be the options as JSON text (JSON.stringify them)"),
                "{e}"
            );
        }
    }
}
