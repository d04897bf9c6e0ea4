//! What the app asks of its on-demand module (feature `on-demand`,
//! `pkg/on-demand/`, loaded by `www/on-demand.js` when first needed): the
//! markup of the year-by-year tables and of the printed report
//! ([`crate::report`]) and the CSV file ([`crate::tables::csv`]). None of it
//! is needed for the first results, so none of it is in the first download.
//! (The Excel workbook, the QR code and the decision figures are exported
//! beside these, in `lib.rs`.)
//!
//! The app gives the scenario it has validated as JSON; the module runs the
//! same engine on it, so the figures are the app's to the öre.

use wasm_bindgen::prelude::*;

use crate::model::{simulate, Outcome, Scenario};
use crate::report;
use crate::tables::csv::CsvDialect;
use crate::tables::year_by_year_csv;
use crate::words::format::Unit;
use crate::words::Lang;

fn scenario_and_outcome(scenario_json: &str) -> Result<(Scenario, Outcome), JsError> {
    let scenario = Scenario::from_json(scenario_json).map_err(|e| JsError::new(&e.to_string()))?;
    let outcome = simulate(&scenario).map_err(|e| JsError::new(&e.to_string()))?;
    Ok((scenario, outcome))
}

fn lang(tag: &str) -> Lang {
    Lang::from_tag(tag).unwrap_or_default()
}

/// `yearTables(scenarioJson, lang, unit, actorIdsJson)`: the year-by-year
/// tables' markup as an array `[fund, net, interventions, ...actors]`, the
/// actors' tables in the order of `actorIdsJson` (a JSON list of ids).
#[wasm_bindgen(js_name = yearTables)]
pub fn year_tables(
    scenario_json: &str,
    lang_tag: &str,
    unit: &str,
    actor_ids_json: &str,
) -> Result<Vec<String>, JsError> {
    let (s, o) = scenario_and_outcome(scenario_json)?;
    let ids: Vec<String> = serde_json::from_str(actor_ids_json).map_err(|e| JsError::new(&e.to_string()))?;
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let unit = Unit::from_key(unit).unwrap_or_default();
    let t = report::year_tables::year_tables(&s, &o, lang(lang_tag), unit, &ids);
    Ok([t.fund, t.net, t.interventions].into_iter().chain(t.actors).collect())
}

/// `printReport(scenarioJson, lang, today)`: the printed report's own parts'
/// markup, dated `today` (as the browser writes the date: the app passes it).
#[wasm_bindgen(js_name = printReport)]
pub fn print_report(scenario_json: &str, lang_tag: &str, today: &str) -> Result<String, JsError> {
    let (s, o) = scenario_and_outcome(scenario_json)?;
    Ok(report::assumptions::print_report(&s, &o, lang(lang_tag), today))
}

/// `csvFile(scenarioJson, lang, dialect)`: the year-by-year CSV file's text,
/// `dialect` `"sv"` (Swedish Excel: semicolons, decimal comma, byte-order
/// mark) or anything else for the plain one.
#[wasm_bindgen(js_name = csvFile)]
pub fn csv_file(scenario_json: &str, lang_tag: &str, dialect: &str) -> Result<String, JsError> {
    let (s, o) = scenario_and_outcome(scenario_json)?;
    let dialect = if dialect == "sv" { CsvDialect::SwedishExcel } else { CsvDialect::Plain };
    Ok(year_by_year_csv(&s, &o, lang(lang_tag), dialect))
}
