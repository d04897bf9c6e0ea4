//! `contractViews(scenarioJson, lang, unit)`: the outcome contracts' views
//! ([`crate::report::contracts`]) as markup, for the app's contracts panel;
//! empty for a scenario without contracts.

use wasm_bindgen::prelude::*;

use crate::report;
use crate::words::format::Unit;

#[wasm_bindgen(js_name = contractViews)]
pub fn contract_views(scenario_json: &str, lang_tag: &str, unit: &str) -> Result<String, JsError> {
    let both = super::scenario_and_outcome(scenario_json)?;
    let unit = Unit::from_key(unit).unwrap_or_default();
    Ok(report::contracts::contract_views(&both.0, &both.1, super::lang(lang_tag), unit))
}
