//! The decision figures' views, written by the on-demand module
//! ([`crate::report::decision_charts`]): the tornado, the fan charts and the
//! per-intervention break-even as markup, from the contract's JSON the app
//! hands over (the analysis worker computes them: the app passes the strings
//! it holds, so nothing is computed twice).

use wasm_bindgen::prelude::*;

use super::{lang, scenario_and_outcome};
use crate::report::decision_charts::{decision_charts as write, DecisionInput};
use crate::words::format::Unit;

/// `decisionCharts(scenarioJson, monteCarloJson?, breakEvenJson?,
/// sensitivityJson?, lang, unit, width, society)`: the markup of the figures
/// given (a missing one is left out; an unreadable one is said so).
#[wasm_bindgen(js_name = decisionCharts)]
#[allow(clippy::too_many_arguments)]
pub fn decision_charts(
    scenario_json: &str,
    monte_carlo_json: Option<String>,
    break_even_json: Option<String>,
    sensitivity_json: Option<String>,
    lang_tag: &str,
    unit: &str,
    width: f64,
    society: bool,
) -> Result<String, JsError> {
    let both = scenario_and_outcome(scenario_json)?;
    Ok(write(&DecisionInput {
        scenario: &both.0,
        outcome: &both.1,
        monte_carlo: monte_carlo_json.as_deref(),
        break_even: break_even_json.as_deref(),
        sensitivity: sensitivity_json.as_deref(),
        lang: lang(lang_tag),
        unit: Unit::from_key(unit).unwrap_or_default(),
        width,
        society,
        switch: true,
    }))
}
