//! The on-demand module (`www/on-demand.js` loads `pkg/on-demand/` when it
//! is first needed): Excel workbooks, QR codes, the CSV file, and the markup
//! of the year-by-year tables and the printed report. Its writers of markup
//! answer at once once it is loaded ([`is_loaded`]); until then they answer
//! `None` and a view asks for it ([`load`], [`load_near`]).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::words::format::Unit;
use crate::words::Lang;

#[wasm_bindgen(module = "/www/on-demand.js")]
extern "C" {
    #[wasm_bindgen(js_name = makeWorkbook)]
    fn make_workbook(scenario_json: &str, lang: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = qrSvg)]
    fn make_qr_svg(text: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = csvFile)]
    fn make_csv_file(scenario_json: &str, lang: &str, dialect: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = loadOnDemand)]
    fn load_on_demand() -> js_sys::Promise;
    #[wasm_bindgen(js_name = loadNear)]
    fn load_on_demand_near(element: &web_sys::Element) -> js_sys::Promise;
    #[wasm_bindgen(js_name = onDemandLoaded)]
    fn on_demand_loaded() -> bool;
    #[wasm_bindgen(js_name = compareFile)]
    fn make_compare_file(kind: &str, scenario_json: &str, baseline_json: &str, lang: &str) -> js_sys::Promise;
    #[wasm_bindgen(catch, js_name = compareTables)]
    fn compare_tables_markup(
        scenario_json: &str,
        baseline_json: &str,
        origin: &str,
        lang: &str,
        unit: &str,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = explainable)]
    fn explainable_js(
        element: &web_sys::Element,
        scenario_json: &str,
        lang: &str,
        unit: &str,
        app: u32,
    ) -> Result<(), JsValue>;
    #[wasm_bindgen(js_name = newApp)]
    fn new_app_js() -> u32;
    #[wasm_bindgen(catch, js_name = tour)]
    fn tour_js(scenario_json: &str, lang: &str, unit: &str, steps: u32) -> Result<(), JsValue>;
    #[wasm_bindgen(catch, js_name = yearTables)]
    fn year_tables_markup(
        scenario_json: &str,
        lang: &str,
        unit: &str,
        actor_ids_json: &str,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = decisionWords)]
    fn decision_words_markup(
        break_even_json: &str,
        monte_carlo_json: &str,
        largest_rate: &str,
        horizon_years: u32,
        currency: &str,
        invests: bool,
        place: &str,
        lang: &str,
        unit: &str,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = printReport)]
    fn print_report_markup(app: u32, scenario_json: &str, lang: &str, today: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = chartSvg)]
    fn chart_svg_markup(
        scenario_json: &str,
        kind: &str,
        lang: &str,
        unit: &str,
        width: f64,
        prefix: &str,
    ) -> Result<JsValue, JsValue>;
    /// Brings a chart drawn as markup to life (focus, hover, tooltips, arrow keys).
    #[wasm_bindgen(js_name = wireChart)]
    pub fn wire_chart(chart_box: &web_sys::Element);
    #[wasm_bindgen(catch, js_name = presetAbout)]
    fn preset_about_parts(id: &str, lang: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = contractViews)]
    fn contract_views_markup(
        scenario_json: &str,
        lang: &str,
        unit: &str,
        monte_carlo_json: &str,
    ) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_name = decisionCharts)]
    fn decision_charts_markup(
        app: u32,
        section: Option<web_sys::Element>,
        scenario_json: &str,
        lang: &str,
        unit: &str,
    ) -> Result<JsValue, JsValue>;
}

/// A number for an app on the page: its analysis, the figures the loader
/// keeps of it and its decision charts are its own (several apps may share a page).
pub fn new_app() -> u32 {
    new_app_js()
}

/// The decision charts' markup (`report::decision_charts`) of app `app`'s
/// analysis's figures as the loader delivered them (it keeps them, and the
/// last markup, and reads the width of `section`, drawn once, and its
/// switch); `None` until the module is loaded.
pub fn decision_charts(
    app: u32,
    section: Option<web_sys::Element>,
    scenario_json: &str,
    lang: Lang,
    unit: Unit,
) -> Option<String> {
    decision_charts_markup(app, section, scenario_json, lang.tag(), unit.key()).ok()?.as_string()
}

/// The outcome contracts' views' markup (issue 15), with the contracts'
/// figures of the analysis's Monte Carlo run (`""`: none yet); `None` until the module is loaded.
pub fn contract_views(scenario_json: &str, lang: Lang, unit: Unit, monte_carlo_json: &str) -> Option<String> {
    contract_views_markup(scenario_json, lang.tag(), unit.key(), monte_carlo_json).ok()?.as_string()
}

/// A chart below the first results (`kind` `flow` or `actor-years`) drawn
/// whole as an `<svg>` (`crate::charts`); `None` until the module is loaded.
pub fn chart_markup(
    scenario_json: &str,
    kind: &str,
    lang: Lang,
    unit: Unit,
    width: f64,
    prefix: &str,
) -> Option<String> {
    chart_svg_markup(scenario_json, kind, lang.tag(), unit.key(), width, prefix).ok()?.as_string()
}

/// Hands the scenario of app `app` around `element` to the explanations (`www/on-demand.js`).
pub fn explainable(element: &web_sys::Element, scenario_json: &str, lang: Lang, unit: Unit, app: u32) {
    let _ = explainable_js(element, scenario_json, lang.tag(), unit.key(), app);
}

/// Shows the guided tour (`www/on-demand.js`) for this scenario, or brings its text up to date.
pub fn tour(scenario_json: &str, lang: Lang, unit: Unit) {
    let _ = tour_js(scenario_json, lang.tag(), unit.key(), crate::words::tour::STEP_COUNT as u32);
}

/// A preset's story (text) and sources (markup); `None` until the module is loaded.
pub fn preset_about(id: &str, lang: Lang) -> Option<(String, String)> {
    let parts: js_sys::Array = preset_about_parts(id, lang.tag()).ok()?.dyn_into().ok()?;
    Some((parts.get(0).as_string()?, parts.get(1).as_string()?))
}

/// Whether the module is loaded: its markup writers then answer at once.
pub fn is_loaded() -> bool {
    on_demand_loaded()
}

/// Loads the module: true once it is ready, false when it could not be loaded.
pub async fn load() -> bool {
    wasm_bindgen_futures::JsFuture::from(load_on_demand()).await.is_ok_and(|ready| ready.is_truthy())
}

/// Loads the module once `element` comes within a screen's height of the
/// viewport: true once it is ready, false when it could not be loaded.
pub async fn load_near(element: &web_sys::Element) -> bool {
    wasm_bindgen_futures::JsFuture::from(load_on_demand_near(element)).await.is_ok_and(|ready| ready.is_truthy())
}

/// The year-by-year tables' markup, `[fund, net, interventions, ...actors]`
/// (the tables of `actor_ids`, in that order); `None` until the module is
/// loaded (or if it refused the scenario, which the app has validated).
pub fn year_tables(scenario_json: &str, lang: Lang, unit: Unit, actor_ids: &[&str]) -> Option<Vec<String>> {
    let ids = serde_json::to_string(actor_ids).ok()?;
    let parts = year_tables_markup(scenario_json, lang.tag(), unit.key(), &ids).ok()?;
    let parts: js_sys::Array = parts.dyn_into().ok()?;
    parts.iter().map(|part| part.as_string()).collect()
}

/// The analysis's figures in words (`report::decision`) for these facts of
/// the scenario: for presentation mode when `presentation`, else for the key
/// figures; `None` until the module is loaded.
pub fn decision_words(
    facts: &crate::report::decision::Facts,
    break_even_json: Option<&str>,
    monte_carlo_json: Option<&str>,
    presentation: bool,
    lang: Lang,
    unit: Unit,
) -> Option<String> {
    let place = if presentation { "presentation" } else { "key-figures" };
    let (b, c) = (break_even_json.unwrap_or(""), monte_carlo_json.unwrap_or(""));
    let rate = facts.largest_rate.to_string();
    let (years, currency, invests) = (facts.horizon_years, facts.currency.as_str(), facts.invests);
    decision_words_markup(b, c, &rate, years, currency, invests, place, lang.tag(), unit.key()).ok()?.as_string()
}

/// Plan A against plan B: the comparison's tables' markup; `None` until the module is loaded.
pub fn compare_tables(
    scenario_json: &str,
    baseline_json: &str,
    origin: &str,
    lang: Lang,
    unit: Unit,
) -> Option<String> {
    compare_tables_markup(scenario_json, baseline_json, origin, lang.tag(), unit.key()).ok()?.as_string()
}

/// Plan A against plan B as a file (`kind` "csv" or "xlsx"), from the
/// on-demand module, loaded on the first call; `None` when it could not be.
pub async fn compare_file(kind: &str, scenario_json: &str, baseline_json: &str, lang: Lang) -> Option<web_sys::Blob> {
    let promise = make_compare_file(kind, scenario_json, baseline_json, lang.tag());
    Some(wasm_bindgen_futures::JsFuture::from(promise).await.ok()?.unchecked_into())
}

/// The printed report's own parts' markup, dated today in the browser's time
/// zone; `None` until the module is loaded.
pub fn print_report(app: u32, scenario_json: &str, lang: Lang) -> Option<String> {
    let now = js_sys::Date::new_0();
    let today = crate::words::format::long_date(now.get_full_year() as i32, now.get_month() + 1, now.get_date(), lang);
    print_report_markup(app, scenario_json, lang.tag(), &today).ok()?.as_string()
}

/// The year-by-year CSV file's text, Swedish Excel's dialect or the plain
/// one; `None` when the module could not be loaded.
pub async fn csv_file(scenario_json: &str, lang: Lang, swedish_excel: bool) -> Option<String> {
    let dialect = if swedish_excel { "sv" } else { "plain" };
    let text = wasm_bindgen_futures::JsFuture::from(make_csv_file(scenario_json, lang.tag(), dialect)).await.ok()?;
    text.as_string()
}

/// The QR code of `text` as an SVG document, from the on-demand module, which
/// is loaded on the first call: `Ok(None)` when the text is too long for a QR
/// code, `Err(())` when the module could not be loaded.
pub async fn qr_svg(text: &str) -> Result<Option<String>, ()> {
    let svg = wasm_bindgen_futures::JsFuture::from(make_qr_svg(text)).await.map_err(|_| ())?;
    Ok(svg.as_string())
}

/// The scenario's Excel workbook as a Blob ready to download, from the
/// on-demand module, which is loaded on the first call
/// (`www/on-demand.js`); `None` when loading or writing failed.
pub async fn excel_workbook(scenario_json: &str, lang: &str) -> Option<web_sys::Blob> {
    let blob = wasm_bindgen_futures::JsFuture::from(make_workbook(scenario_json, lang)).await.ok()?;
    Some(blob.unchecked_into())
}
