//! fundsim: a social investment fund simulator that answers "who pays, who
//! gains, and when".
//!
//! - [`model`]: the pure engine (scenario → validation → calculation → result).
//! - [`ui`]: the Yew app that edits a scenario and draws its result.
//! - The functions below are the JavaScript API of the built package.

pub mod model;
pub mod presets;
pub mod ui;

use wasm_bindgen::prelude::*;

/// `simulate(scenarioJson)`: the result JSON of the contract, or an `Error`
/// whose message names the refused field (`interventions[2].success_rate: …`).
#[wasm_bindgen]
pub fn simulate(scenario_json: &str) -> Result<String, JsError> {
    model::simulate_json(scenario_json).map_err(|e| JsError::new(&e.to_string()))
}

/// `monteCarlo(scenarioJson, seed, draws)`: the uncertainty figures as JSON.
#[wasm_bindgen(js_name = monteCarlo)]
pub fn monte_carlo(scenario_json: &str, seed: f64, draws: u32) -> Result<String, JsError> {
    model::montecarlo::monte_carlo_json(scenario_json, seed, draws).map_err(|e| JsError::new(&e.to_string()))
}
