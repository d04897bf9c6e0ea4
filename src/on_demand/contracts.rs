//! `contractViews(scenarioJson, lang, unit, monteCarloJson)`: the outcome
//! contracts' views ([`crate::report::contracts`]) as markup, for the app's
//! contracts panel, with the contracts' figures of the analysis's Monte Carlo
//! run (`monteCarloJson`, empty when there is none); empty for a scenario
//! without contracts.

use wasm_bindgen::prelude::*;

use crate::report;
use crate::words::format::Unit;

#[wasm_bindgen(js_name = contractViews)]
pub fn contract_views(
    scenario_json: &str,
    lang_tag: &str,
    unit: &str,
    monte_carlo_json: &str,
) -> Result<String, JsError> {
    let both = super::scenario_and_outcome(scenario_json)?;
    let unit = Unit::from_key(unit).unwrap_or_default();
    let chances = Some(monte_carlo_json).filter(|j| !j.is_empty());
    Ok(report::contracts::contract_views(&both.0, &both.1, super::lang(lang_tag), unit, chances))
}
