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

mod analysis;

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;

mod decision_views;

use crate::model::{Outcome, Scenario, Simulator};
use crate::report;
use crate::tables::csv::CsvDialect;
use crate::tables::year_by_year_csv;
use crate::words::format::Unit;
use crate::words::Lang;

mod contracts;

thread_local! {
    /// The engine the module keeps, as the editor keeps one
    /// (`model::Simulator`): an edit of the fund or the discount rate reuses
    /// the interventions' flows. And the last scenario asked for, with its
    /// outcome: opening an actor's table, or a new unit or language, neither
    /// reads nor computes again.
    static KEPT: RefCell<(Simulator, Option<(String, Rc<(Scenario, Outcome)>)>)> = RefCell::default();
}

fn scenario_and_outcome(scenario_json: &str) -> Result<Rc<(Scenario, Outcome)>, JsError> {
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        let (simulator, last) = &mut *kept;
        if let Some((json, both)) = last.as_ref() {
            if json == scenario_json {
                return Ok(both.clone());
            }
        }
        let scenario = Scenario::from_json(scenario_json).map_err(|e| JsError::new(&e.to_string()))?;
        let outcome = simulator.simulate(&scenario).map_err(|e| JsError::new(&e.to_string()))?;
        let both = Rc::new((scenario, outcome));
        *last = Some((scenario_json.to_string(), both.clone()));
        Ok(both)
    })
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
    let both = scenario_and_outcome(scenario_json)?;
    let (s, o) = (&both.0, &both.1);
    let ids: Vec<String> = serde_json::from_str(actor_ids_json).map_err(|e| JsError::new(&e.to_string()))?;
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let unit = Unit::from_key(unit).unwrap_or_default();
    let t = report::year_tables::year_tables(s, o, lang(lang_tag), unit, &ids);
    Ok([t.fund, t.net, t.interventions].into_iter().chain(t.actors).collect())
}

/// `printReport(scenarioJson, lang, today, monteCarloJson?)`: the printed
/// report's own parts' markup, dated `today` (as the browser writes the date:
/// the app passes it), with the decision figures (the fan charts from the
/// Monte Carlo JSON the app has, if any).
#[wasm_bindgen(js_name = printReport)]
pub fn print_report(
    scenario_json: &str,
    lang_tag: &str,
    today: &str,
    monte_carlo_json: Option<String>,
) -> Result<String, JsError> {
    let both = scenario_and_outcome(scenario_json)?;
    let mut out = report::assumptions::print_report(&both.0, &both.1, lang(lang_tag), today);
    let mc = monte_carlo_json.as_deref();
    out.push_str(&report::decision_charts::print_section(&both.0, &both.1, mc, lang(lang_tag)));
    Ok(out)
}

/// `csvFile(scenarioJson, lang, dialect)`: the year-by-year CSV file's text,
/// `dialect` `"sv"` (Swedish Excel: semicolons, decimal comma, byte-order
/// mark) or anything else for the plain one.
#[wasm_bindgen(js_name = csvFile)]
pub fn csv_file(scenario_json: &str, lang_tag: &str, dialect: &str) -> Result<String, JsError> {
    let both = scenario_and_outcome(scenario_json)?;
    let dialect = if dialect == "sv" { CsvDialect::SwedishExcel } else { CsvDialect::Plain };
    Ok(year_by_year_csv(&both.0, &both.1, lang(lang_tag), dialect))
}
