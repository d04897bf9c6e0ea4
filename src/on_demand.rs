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
mod explain;

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

/// The last scenario asked for: its JSON, and the scenario with its outcome.
type LastAsked = Option<(String, Rc<(Scenario, Outcome)>)>;

thread_local! {
    /// The engine the module keeps, as the editor keeps one
    /// (`model::Simulator`): an edit of the fund or the discount rate reuses
    /// the interventions' flows. And the last scenario asked for, with its
    /// outcome: opening an actor's table, or a new unit or language, neither
    /// reads nor computes again.
    static KEPT: RefCell<(Simulator, LastAsked)> = RefCell::default();
}

/// A scenario's JSON as asked for, with the scenario and its outcome.
type KeptScenario = (String, Rc<(Scenario, Outcome)>);

thread_local! {
    /// A comparison's baseline with its outcome: pinned, it does not change
    /// while A is edited, so it is computed once.
    static BASELINE: RefCell<Option<KeptScenario>> = RefCell::default();
}

/// A comparison's baseline and its outcome, computed once while it is the same.
fn baseline_and_outcome(baseline_json: &str) -> Result<Rc<(Scenario, Outcome)>, JsError> {
    BASELINE.with(|kept| {
        let mut kept = kept.borrow_mut();
        match kept.as_ref() {
            Some((json, both)) if json == baseline_json => Ok(both.clone()),
            _ => {
                let b = Scenario::from_json(baseline_json).map_err(|e| JsError::new(&e.to_string()))?;
                let bo = crate::model::simulate(&b).map_err(|e| JsError::new(&e.to_string()))?;
                let both = Rc::new((b, bo));
                *kept = Some((baseline_json.to_string(), both.clone()));
                Ok(both)
            }
        }
    })
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

/// `compareTables(scenarioJson, baselineJson, origin, lang, unit)`: plan A
/// against plan B, the comparison's markup (its heading, the names of A and
/// B with where B came from, `origin` as `Origin::key` writes it, and the
/// tables of the key figures and each actor's net: A, B and A − B). A shares the kept engine with the year tables; B, pinned,
/// is computed on its own.
#[wasm_bindgen(js_name = compareTables)]
pub fn compare_tables(
    scenario_json: &str,
    baseline_json: &str,
    origin: &str,
    lang_tag: &str,
    unit: &str,
) -> Result<String, JsError> {
    let a = scenario_and_outcome(scenario_json)?;
    let b = baseline_and_outcome(baseline_json)?;
    let unit = Unit::from_key(unit).unwrap_or_default();
    Ok(report::compare_tables::comparison_tables(&a.0, &a.1, &b.0, &b.1, origin, lang(lang_tag), unit).into_string())
}

/// `compareCsvFile(scenarioJson, baselineJson, lang, dialect)`: a
/// comparison's CSV file, A's tables then B's, each title saying which it is
/// ([`crate::tables::compare`]); `dialect` as for `csvFile`.
#[wasm_bindgen(js_name = compareCsvFile)]
pub fn compare_csv_file(
    scenario_json: &str,
    baseline_json: &str,
    lang_tag: &str,
    dialect: &str,
) -> Result<String, JsError> {
    let (a, b) = (scenario_and_outcome(scenario_json)?, baseline_and_outcome(baseline_json)?);
    let dialect = if dialect == "sv" { CsvDialect::SwedishExcel } else { CsvDialect::Plain };
    Ok(crate::tables::compare::comparison_csv((&a.0, &a.1), (&b.0, &b.1), lang(lang_tag), dialect))
}

/// `compareWorkbook(scenarioJson, baselineJson, lang)`: a comparison's Excel
/// workbook (`.xlsx` bytes), A's sheets then B's, named and titled by which
/// they are, dated today.
#[wasm_bindgen(js_name = compareWorkbook)]
pub fn compare_workbook(scenario_json: &str, baseline_json: &str, lang_tag: &str) -> Result<Vec<u8>, JsError> {
    let (a, b) = (scenario_and_outcome(scenario_json)?, baseline_and_outcome(baseline_json)?);
    let now = js_sys::Date::new_0();
    let date = format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date());
    let lang = lang(lang_tag);
    let sheets = crate::tables::compare::comparison_sheets((&a.0, &a.1), (&b.0, &b.1), lang, &date);
    let title = crate::tables::compare::which(true, &a.0.name, lang);
    crate::tables::xlsx::write(&sheets, &title).map_err(|e| JsError::new(&format!("workbook: {e}")))
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

/// `chartSvg(scenarioJson, kind, lang, unit, width, prefix)`: the money
/// flow (`kind` `"flow"`) or the net per actor and year (`"actor-years"`)
/// drawn whole as an `<svg>` laid out `width` units wide, its element ids
/// starting `prefix` ([`crate::charts`]); these two charts are below the
/// first results and stay out of the first download.
#[wasm_bindgen(js_name = chartSvg)]
pub fn chart_svg(
    scenario_json: &str,
    kind: &str,
    lang_tag: &str,
    unit: &str,
    width: f64,
    prefix: &str,
) -> Result<String, JsError> {
    let both = scenario_and_outcome(scenario_json)?;
    let unit = Unit::from_key(unit).unwrap_or_default();
    let input = crate::charts::layout::ChartInput { scenario: &both.0, outcome: &both.1, lang: lang(lang_tag), unit };
    let canvas = crate::charts::layout::Canvas::new(width);
    match kind {
        "flow" => Ok(crate::charts::flow::svg_with_total(&input, &canvas, prefix)),
        "actor-years" => Ok(crate::charts::actor_years::svg(&input, &canvas, prefix)),
        _ => Err(JsError::new("kind: expected \"flow\" or \"actor-years\"")),
    }
}

/// `presetAbout(id, lang)`: the preset's story (text) and its sources
/// (markup, empty when it has none), `[story, sources]`; an unknown id is refused.
#[wasm_bindgen(js_name = presetAbout)]
pub fn preset_about(id: &str, lang_tag: &str) -> Result<Vec<String>, JsError> {
    let about = crate::presets::about(id).ok_or_else(|| JsError::new("id: no such preset"))?;
    let lang = lang(lang_tag);
    Ok(vec![report::preset::story(about, lang), report::preset::sources(about, lang)])
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
