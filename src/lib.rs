//! fundsim: a social investment fund simulator that answers "who pays, who
//! gains, and when".
//!
//! - [`model`]: the pure engine (scenario → validation → calculation → result).
//! - [`ui`]: the Yew app that edits a scenario and draws its result (feature `app`, the default).
//! - [`workbook`]: the Excel workbook as sheets of typed cells; written as
//!   `.xlsx` only with the feature `workbook`, built into its own module
//!   (`pkg/workbook/`) that the app loads when a user asks for Excel.
//! - The functions below are the JavaScript API of the built packages.

pub mod model;
pub mod presets;
pub mod share;
#[cfg(feature = "app")]
pub mod ui;
pub mod workbook;

#[cfg(any(feature = "app", feature = "workbook"))]
use wasm_bindgen::prelude::*;

/// `simulate(scenarioJson)`: the result JSON of the contract, or an `Error`
/// whose message names the refused field (`interventions[2].success_rate: …`).
#[cfg(feature = "app")]
#[wasm_bindgen]
pub fn simulate(scenario_json: &str) -> Result<String, JsError> {
    model::simulate_json(scenario_json).map_err(|e| JsError::new(&e.to_string()))
}

/// `monteCarlo(scenarioJson, seed, draws)`: the uncertainty figures as JSON.
#[cfg(feature = "app")]
#[wasm_bindgen(js_name = monteCarlo)]
pub fn monte_carlo(scenario_json: &str, seed: f64, draws: u32) -> Result<String, JsError> {
    model::montecarlo::monte_carlo_json(scenario_json, seed, draws).map_err(|e| JsError::new(&e.to_string()))
}

/// Mounts the app when the page has an element with id `fundsim-app`; on any
/// other page (tests, host pages that call [`mount`] themselves) it does nothing.
/// The element may say `data-lang="en"` and `data-preset="<id>"`. This app
/// owns the page: a link in the address (`#v=1&s=…`, `#preset=<id>`, `lang=`)
/// wins, else the scenario autosaved in local storage, else `data-preset`
/// (see [`ui::keep`]); the address and the autosave follow the edits.
#[cfg(feature = "app")]
#[wasm_bindgen(start)]
pub fn start() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("fundsim-app"));
    if let Some(element) = root {
        let lang = element.get_attribute("data-lang");
        let opening = match element.get_attribute("data-preset") {
            Some(id) if !id.is_empty() => ui::app::Opening::Preset(id),
            _ => ui::app::Opening::FirstPreset,
        };
        let fragment = ui::browser::location_fragment();
        let mut props = ui::app::AppProps {
            opening,
            lang: if lang.as_deref() == Some("en") { ui::i18n::Lang::En } else { ui::i18n::Lang::Sv },
            owns_page: true,
            view: ui::app::View::in_fragment(&fragment),
            inflated_link: None,
        };
        if share::link::unpack_fragment(&fragment).is_ok_and(|link| link.packed.is_some()) {
            // A link carrying a scenario: the browser inflates it first (async).
            wasm_bindgen_futures::spawn_local(async move {
                props.inflated_link = ui::browser::inflate_fragment(&fragment).await.map(std::rc::Rc::new);
                yew::Renderer::<ui::app::App>::with_root_and_props(element, props).render();
            });
        } else {
            yew::Renderer::<ui::app::App>::with_root_and_props(element, props).render();
        }
    }
}

/// `mount(element, optionsJson)`: mounts the whole app into `element`.
///
/// Options (all optional): `{"preset": "<id>"}` or `{"scenario": <scenario JSON>}`,
/// `"lang": "sv" | "en"` and `"view": "full" | "results" | "compact" | "present"`.
/// Unreadable options, an unknown preset or a scenario that breaks a rule are
/// refused with an `Error` naming the problem.
#[cfg(feature = "app")]
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options_json: Option<String>) -> Result<(), JsError> {
    let props = mount_props(options_json.as_deref()).map_err(|e| JsError::new(&e))?;
    yew::Renderer::<ui::app::App>::with_root_and_props(element, props).render();
    Ok(())
}

#[cfg(feature = "app")]
/// The app's props from `mount`'s options.
fn mount_props(options_json: Option<&str>) -> Result<ui::app::AppProps, String> {
    use std::rc::Rc;
    use ui::app::{AppProps, Opening};
    use ui::i18n::Lang;

    let Some(json) = options_json.filter(|j| !j.trim().is_empty()) else { return Ok(AppProps::default()) };
    let options: serde_json::Value =
        serde_json::from_str(json).map_err(|e| format!("options: not valid JSON ({e})"))?;
    // An option given with the wrong type is refused, naming it.
    let text = |name: &str| match options.get(name) {
        None => Ok(None),
        Some(value) => value.as_str().map(Some).ok_or_else(|| format!("{name}: must be a string")),
    };
    let lang = match text("lang")? {
        None | Some("sv") => Lang::Sv,
        Some("en") => Lang::En,
        Some(other) => return Err(format!("lang: \"{other}\" is not a language of fundsim (sv, en)")),
    };
    let opening = if let Some(scenario) = options.get("scenario") {
        let scenario = model::Scenario::from_json(&scenario.to_string()).map_err(|e| prefix("scenario", e))?;
        let outcome = model::simulate(&scenario).map_err(|e| prefix("scenario", e))?;
        Opening::Simulated(Rc::new(scenario), Rc::new(outcome))
    } else if let Some(preset) = options.get("preset") {
        let id = preset.as_str().ok_or("preset: must be a preset's id (a string)")?;
        if presets::by_id(id).is_none() {
            return Err(format!("preset: \"{id}\" is not a preset"));
        }
        Opening::Preset(id.to_string())
    } else {
        Opening::FirstPreset
    };
    let view = match text("view")? {
        None => ui::app::View::Full,
        Some(key) => ui::app::View::from_key(key)
            .ok_or_else(|| format!("view: \"{key}\" is not a view of fundsim (full, results, compact, present)"))?,
    };
    Ok(AppProps { opening, lang, owns_page: false, view, inflated_link: None })
}

#[cfg(feature = "app")]
fn prefix(at: &str, e: model::ScenarioError) -> String {
    if e.path.is_empty() {
        format!("{at}: {}", e.message)
    } else {
        format!("{at}.{}: {}", e.path, e.message)
    }
}

/// `workbook(scenarioJson, lang)`: the scenario's Excel workbook (`.xlsx`
/// bytes) in `lang` (`"sv"` or `"en"`), dated today; or an `Error` naming the
/// refused field. Exported only by the workbook module (feature `workbook`).
#[cfg(feature = "workbook")]
#[wasm_bindgen]
pub fn workbook(scenario_json: &str, lang: &str) -> Result<Vec<u8>, JsError> {
    let now = js_sys::Date::new_0();
    let date = format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date());
    let sheets = workbook::sheets_from_json(scenario_json, lang, &date).map_err(|e| JsError::new(&e.to_string()))?;
    let title = sheets.first().and_then(|s| s.rows.first()).and_then(|r| r.cells.first());
    let title = match title {
        Some(workbook::Value::Text(t)) => t.clone(),
        _ => String::new(),
    };
    workbook::xlsx::write(&sheets, &title).map_err(|e| JsError::new(&format!("workbook: {e}")))
}
