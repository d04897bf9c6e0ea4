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
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const EXAMPLE: &str = include_str!("data/example.json");

fn money(v: &Value) -> &str {
    let s = v.as_str().unwrap_or_else(|| panic!("money must be a string, got {v}"));
    let (_, frac) = s.split_once('.').unwrap_or_else(|| panic!("money must have 2 decimals: {s}"));
    assert_eq!(frac.len(), 2, "money must have 2 decimals: {s}");
    s
}

#[wasm_bindgen_test]
fn simulate_example_gives_the_contract_result() {
    let out = fundsim::simulate(EXAMPLE).unwrap_or_else(|_| panic!("the example scenario was refused"));
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
    assert!(fundsim::simulate(&v.to_string()).is_err(), "success_rate 1.5 must be refused");
    assert!(fundsim::simulate("{not json").is_err(), "malformed JSON must be refused");
    // Still works after refusals.
    assert!(fundsim::simulate(EXAMPLE).is_ok());
}
