//! The JavaScript API (`fundsim::simulate`) run as WebAssembly in headless
//! Chromium by wasm-bindgen-test. Only built for wasm32; natively this file
//! is an empty test crate. Run alone:
//!
//! ```sh
//! CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
//! CHROMEDRIVER=/usr/bin/chromedriver \
//! cargo test --target wasm32-unknown-unknown --test web_api
//! ```
#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const EXAMPLE: &str = include_str!("data/example.json");

fn text(s: &str) -> JsValue {
    JsValue::from_str(s)
}

fn num(n: f64) -> JsValue {
    JsValue::from_f64(n)
}

/// The message of a refusal (the thrown `Error`'s).
fn refusal(r: Result<String, wasm_bindgen::JsError>) -> String {
    match r {
        Ok(out) => panic!("accepted: {}", &out[..out.len().min(100)]),
        Err(e) => JsValue::from(e).dyn_into::<js_sys::Error>().map(|e| String::from(e.message())).unwrap_or_default(),
    }
}

fn money(v: &Value) -> &str {
    let s = v.as_str().unwrap_or_else(|| panic!("money must be a string, got {v}"));
    let (_, frac) = s.split_once('.').unwrap_or_else(|| panic!("money must have 2 decimals: {s}"));
    assert_eq!(frac.len(), 2, "money must have 2 decimals: {s}");
    s
}

#[wasm_bindgen_test]
fn simulate_example_gives_the_contract_result() {
    let out = fundsim::simulate(text(EXAMPLE)).unwrap_or_else(|_| panic!("the example scenario was refused"));
    let v: Value = serde_json::from_str(&out).expect("simulate returns JSON");
    for key in ["schema_version", "years", "fund", "actors", "interventions", "org_net", "society_net", "key_figures"] {
        assert!(v.get(key).is_some(), "result lacks `{key}`");
    }
    assert_eq!(v["schema_version"], 1);
    let years = v["years"].as_array().expect("years is an array");
    assert_eq!(years.len(), 15);
    assert_eq!(years[0], 2026);

    // Year 0: nothing in, 10 000 000 allocated, one 2 500 000 grant, no repayment yet.
    let f0 = &v["fund"][0];
    assert_eq!(f0["year"], 2026);
    assert_eq!(money(&f0["open"]), "0.00");
    assert_eq!(money(&f0["allocation"]), "10000000.00");
    assert_eq!(money(&f0["grants"]), "2500000.00");
    assert_eq!(money(&f0["repayments"]), "0.00");
    assert_eq!(money(&f0["close"]), "7500000.00");
    // The next year opens with the last year's close.
    assert_eq!(v["fund"][1]["open"], f0["close"]);
    assert_eq!(money(&v["key_figures"]["total_cost"]), "7500000.00");
}

#[wasm_bindgen_test]
fn simulate_refuses_a_bad_scenario() {
    let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
    v["interventions"][0]["success_rate"] = Value::from("1.5");
    assert!(fundsim::simulate(text(&v.to_string())).is_err(), "success_rate 1.5 must be refused");
    assert!(fundsim::simulate(text("{not json")).is_err(), "malformed JSON must be refused");
    // Still works after refusals.
    assert!(fundsim::simulate(text(EXAMPLE)).is_ok());
}

#[wasm_bindgen_test]
fn arguments_of_the_wrong_kind_are_refused_naming_them_and_the_module_keeps_working() {
    // A number or an object where the scenario's JSON text belongs: an Error, not a trap.
    assert!(refusal(fundsim::simulate(num(1.0))).starts_with("scenarioJson: "));
    assert!(refusal(fundsim::simulate(js_sys::Object::new().into())).starts_with("scenarioJson: "));
    assert!(refusal(fundsim::monte_carlo(JsValue::NULL, num(1.0), num(1.0), JsValue::UNDEFINED))
        .starts_with("scenarioJson: "));
    // draws: 2^32 + 1 (which would wrap to 1), 1.5, NaN, −1, "10", 0, 100 001.
    for draws in [num(4_294_967_297.0), num(1.5), num(f64::NAN), num(-1.0), text("10"), num(0.0), num(100_001.0)] {
        let m = refusal(fundsim::monte_carlo(text(EXAMPLE), num(1.0), draws, JsValue::UNDEFINED));
        assert!(m.starts_with("draws: "), "{m}");
    }
    for seed in [num(-1.0), num(0.5), num(f64::INFINITY), text("1"), num(2f64.powi(54))] {
        let m = refusal(fundsim::monte_carlo(text(EXAMPLE), seed, num(10.0), JsValue::UNDEFINED));
        assert!(m.starts_with("seed: "), "{m}");
    }
    for by_year in [num(2030.5), text("2030"), num(2025.0), num(2041.0)] {
        let m = refusal(fundsim::monte_carlo(text(EXAMPLE), num(1.0), num(10.0), by_year));
        assert!(m.starts_with("by_year: "), "{m}");
    }
    // After all that, good calls still work.
    assert!(fundsim::simulate(text(EXAMPLE)).is_ok());
    let mc: Value =
        serde_json::from_str(&fundsim::monte_carlo(text(EXAMPLE), num(7.0), num(50.0), num(2035.0)).unwrap()).unwrap();
    assert_eq!((mc["draws"].as_u64(), mc["by_year"].as_i64()), (Some(50), Some(2035)));
    // breakEven and sensitivity are the on-demand module's (tests/e2e/api.spec.ts).
}
