//! "How is this calculated?" for the app: the explanation of one figure
//! ([`crate::explain::write`]) as markup, written here so that its words
//! and its writer stay out of the first download.

use wasm_bindgen::prelude::*;

use super::{lang, scenario_and_outcome};
use crate::words::format::Unit;

/// `explainFigure(scenarioJson, lang, unit, key, sensitivityJson?, monteCarloJson?, baselineJson?)`:
/// the explanation's markup of the figure `key` names (`figure:year:id`, see
/// `explain::Figure::key`); an empty text when it names no figure of this
/// scenario. What the app's tables were written with, which the loader keeps
/// for each app on the page: `sensitivityJson` the analysis's sensitivity of
/// this scenario (the tour's step that names what decides most),
/// `monteCarloJson` the run its fans (`fan:…`) or its contracts' views
/// (`mc:…`) were drawn from, `baselineJson` plan B of a comparison (`cmp:…`).
#[wasm_bindgen(js_name = explainFigure)]
pub fn explain_figure(
    scenario_json: &str,
    lang_tag: &str,
    unit: &str,
    key: &str,
    sensitivity_json: Option<String>,
    monte_carlo_json: Option<String>,
    baseline_json: Option<String>,
) -> Result<String, JsError> {
    // A term of the glossary needs no scenario.
    if let Some(term) = crate::explain::term::Term::parse(key) {
        return Ok(crate::explain::write::glossary(term, lang(lang_tag)));
    }
    let both = scenario_and_outcome(scenario_json)?;
    let unit = Unit::from_key(unit).unwrap_or_default();
    let (s, o) = (&both.0, &both.1);
    if let Some(step) = crate::explain::write::tour_step(s, o, key, sensitivity_json.as_deref(), lang(lang_tag), unit) {
        return Ok(step);
    }
    // The outcome contracts' views (`contract:…`).
    if let Some(text) = crate::explain::contract::explanation(s, o, key, lang(lang_tag), unit) {
        return Ok(text);
    }
    // Plan A against plan B: B is the baseline the comparison's tables were written with.
    if key.starts_with("cmp:") {
        let b = baseline_json.filter(|j| !j.is_empty()).and_then(|j| super::baseline_and_outcome(&j).ok());
        let text = b.and_then(|b| crate::explain::compare::explanation(s, o, &b.0, &b.1, key, lang(lang_tag), unit));
        return Ok(text.unwrap_or_default());
    }
    // The decision charts' tables, and the contracts' rows of the run, from the run they were drawn from.
    let drawn = monte_carlo_json.filter(|j| !j.is_empty());
    if let Some(text) = crate::explain::write_decision::explanation(s, o, key, drawn.as_deref(), lang(lang_tag), unit) {
        return Ok(text);
    }
    Ok(crate::explain::write::explanation(s, o, key, lang(lang_tag), unit).unwrap_or_default())
}
