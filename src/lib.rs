//! fundsim: a social investment fund simulator that answers "who pays, who
//! gains, and when".
//!
//! - [`model`]: the pure engine (scenario → validation → calculation → result).
//! - [`ui`]: the Yew app that edits a scenario and draws its result (feature `app`, the default).
//! - [`tables`]: the tables a user downloads, one model of typed cells with
//!   two writers: CSV (in the app) and `.xlsx` (only with the feature
//!   `on-demand`, built into its own module, `pkg/on-demand/`, with the QR
//!   encoder, that the app loads when a user asks for Excel or a QR code).
//! - The functions below are the JavaScript API of the built packages; [`api`]
//!   checks their arguments.

pub mod api;
pub mod markup;
pub mod model;
#[cfg(feature = "on-demand")]
mod on_demand;
pub mod presets;
#[cfg(any(feature = "app", feature = "on-demand"))]
pub mod report;
pub mod share;
pub mod tables;
#[cfg(feature = "app")]
pub mod ui;
pub mod words;

#[cfg(any(feature = "app", feature = "on-demand"))]
use wasm_bindgen::prelude::*;

/// An argument as JavaScript gave it, for [`api`] to check.
#[cfg(any(feature = "app", feature = "on-demand"))]
fn arg(value: &JsValue) -> api::Arg {
    if value.is_undefined() {
        api::Arg::Missing
    } else if value.is_null() {
        api::Arg::Null
    } else if let Some(n) = value.as_f64() {
        api::Arg::Number(n)
    } else if let Some(text) = value.as_string() {
        api::Arg::Text(text)
    } else {
        api::Arg::Other(value.js_typeof().as_string().unwrap_or_default())
    }
}

#[cfg(any(feature = "app", feature = "on-demand"))]
fn js_error(e: model::ScenarioError) -> JsError {
    JsError::new(&e.to_string())
}

/// `simulate(scenarioJson)`: the result JSON of the contract, or an `Error`
/// whose message names the refused field (`interventions[2].success_rate: …`)
/// or argument (`scenarioJson: …` when it is not a string).
/// Exported by both modules: the app's (beside `mount`) and the on-demand
/// one (beside the other figures).
#[cfg(any(feature = "app", feature = "on-demand"))]
#[wasm_bindgen]
pub fn simulate(#[wasm_bindgen(unchecked_param_type = "string")] scenario_json: JsValue) -> Result<String, JsError> {
    let json = api::scenario_json(arg(&scenario_json)).map_err(js_error)?;
    model::simulate_json(&json).map_err(js_error)
}

/// `monteCarlo(scenarioJson, seed, draws, byYear?)`: the uncertainty figures
/// as JSON. `seed` is a whole number from 0 to 2^53, `draws` from 1 to
/// 100 000 (and draws × years × (ranged interventions + 1) at most
/// `model::montecarlo::MAX_WORK`), `byYear` a year of the horizon or left out.
/// Exported by the on-demand module (`pkg/on-demand/`), beside `breakEven`
/// and `sensitivity`: the app runs its own Monte Carlo there too (in a
/// worker), so none of it is in the app's download (about 15 KiB gzip). The
/// function stays in the app's build for its native and browser tests.
#[cfg(any(feature = "app", feature = "on-demand"))]
pub fn monte_carlo(scenario_json: JsValue, seed: JsValue, draws: JsValue, by_year: JsValue) -> Result<String, JsError> {
    let json = api::scenario_json(arg(&scenario_json)).map_err(js_error)?;
    let seed = api::seed(&arg(&seed)).map_err(js_error)?;
    let draws = api::draws(&arg(&draws)).map_err(js_error)?;
    let by_year = api::by_year(&arg(&by_year)).map_err(js_error)?;
    model::montecarlo::monte_carlo_json(&json, seed, draws, by_year).map_err(js_error)
}

/// [`monte_carlo`] as the on-demand module exports it, `monteCarlo`.
#[cfg(feature = "on-demand")]
#[wasm_bindgen(js_name = monteCarlo)]
pub fn monte_carlo_export(
    #[wasm_bindgen(unchecked_param_type = "string")] scenario_json: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] seed: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] draws: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number | undefined")] by_year: JsValue,
) -> Result<String, JsError> {
    monte_carlo(scenario_json, seed, draws, by_year)
}

/// `breakEven(scenarioJson, byYear?)`: the break-even figures as JSON.
/// Exported by the on-demand module (`pkg/on-demand/`): not needed for the
/// first results, it stays out of the app's download (7.6 KiB gzip).
#[cfg(feature = "on-demand")]
#[wasm_bindgen(js_name = breakEven)]
pub fn break_even(
    #[wasm_bindgen(unchecked_param_type = "string")] scenario_json: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number | undefined")] by_year: JsValue,
) -> Result<String, JsError> {
    let json = api::scenario_json(arg(&scenario_json)).map_err(js_error)?;
    let by_year = api::by_year(&arg(&by_year)).map_err(js_error)?;
    model::decision::break_even_json(&json, by_year).map_err(js_error)
}

/// `sensitivity(scenarioJson)`: the sensitivity figures as JSON. Exported
/// by the on-demand module, as `breakEven`.
#[cfg(feature = "on-demand")]
#[wasm_bindgen]
pub fn sensitivity(#[wasm_bindgen(unchecked_param_type = "string")] scenario_json: JsValue) -> Result<String, JsError> {
    let json = api::scenario_json(arg(&scenario_json)).map_err(js_error)?;
    model::decision::sensitivity_json(&json).map_err(js_error)
}

/// Mounts the app when the page has an element with id `fundsim-app`; on any
/// other page (tests, host pages that call [`mount`] themselves) it does nothing.
/// The element may say `data-lang="en"` and `data-preset="<id>"`. This app
/// owns the page: a link in the address (`#preset=<id>`, `#v=2&p=<id>&…`, `#v=1&s=…`, `lang=`)
/// wins, else the scenario autosaved in local storage, else `data-preset`
/// (see [`ui::state::keep`]); the address and the autosave follow the edits.
#[cfg(feature = "app")]
#[wasm_bindgen(start)]
pub fn start() {
    let root = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("fundsim-app"));
    if let Some(element) = root {
        let lang = element.get_attribute("data-lang");
        let opening = match element.get_attribute("data-preset") {
            Some(id) if !id.is_empty() => ui::state::opening::Opening::Preset(id),
            _ => ui::state::opening::Opening::FirstPreset,
        };
        let fragment = ui::browser::location_fragment();
        let mut props = ui::view::app::AppProps {
            opening,
            lang: if lang.as_deref() == Some("en") { words::Lang::En } else { words::Lang::Sv },
            owns_page: true,
            view: ui::state::view::View::in_fragment(&fragment),
            inflated_link: None,
        };
        if share::link::unpack_fragment(&fragment).is_ok_and(|link| link.packed.is_some()) {
            // A link carrying a deflated scenario: the browser inflates it first (async).
            wasm_bindgen_futures::spawn_local(async move {
                props.inflated_link = ui::browser::inflate_fragment(&fragment).await.map(std::rc::Rc::new);
                yew::Renderer::<ui::view::app::App>::with_root_and_props(element, props).render();
            });
        } else {
            yew::Renderer::<ui::view::app::App>::with_root_and_props(element, props).render();
        }
    }
}

/// `mount(element, optionsJson)`: mounts the whole app into `element`.
///
/// Options (all optional), a JSON string: `{"preset": "<id>"}` or `{"scenario": <scenario JSON>}`,
/// `"lang": "sv" | "en"` and `"view": "full" | "results" | "compact" | "present"`.
/// Anything but an element (a text node, `null`, a number, a selector
/// string), options that are not a string (an object not passed through
/// `JSON.stringify`), unreadable options, an unknown preset or a scenario that
/// breaks a rule are refused with an `Error` naming the argument, before
/// anything is drawn: apps mounted already go on working.
#[cfg(feature = "app")]
#[wasm_bindgen]
pub fn mount(
    #[wasm_bindgen(unchecked_param_type = "Element")] element: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | undefined")] options_json: JsValue,
) -> Result<(), JsError> {
    // Checked here: an argument taken on trust as an element made the app
    // panic once drawn, which stopped every widget on the page.
    let element = element.dyn_into::<web_sys::Element>().map_err(|other| {
        // A node that is not an element (a text node) is named by its node name.
        let got = match other.dyn_ref::<web_sys::Node>() {
            Some(node) => api::Arg::Other(format!("a {} node", model::Echo::new(&node.node_name()))),
            None => arg(&other),
        };
        js_error(api::not_an_element(&got))
    })?;
    let options = api::options_json(arg(&options_json)).map_err(js_error)?;
    let props = mount_props(options.as_deref()).map_err(js_error)?;
    yew::Renderer::<ui::view::app::App>::with_root_and_props(element, props).render();
    Ok(())
}

/// `mount`'s options as given: each kept as its JSON text until it is read,
/// so that a wrong type is refused naming the option (and so that no generic
/// JSON tree is compiled into the download). Other keys are ignored.
#[cfg(feature = "app")]
#[derive(serde::Deserialize)]
struct MountOptions<'a> {
    #[serde(borrow, default)]
    scenario: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    preset: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    lang: Option<&'a serde_json::value::RawValue>,
    #[serde(borrow, default)]
    view: Option<&'a serde_json::value::RawValue>,
}

#[cfg(feature = "app")]
/// The app's props from `mount`'s options; a refusal names the option.
/// Public only for the fuzz targets and their regression tests.
#[doc(hidden)]
pub fn mount_props(options_json: Option<&str>) -> Result<ui::view::app::AppProps, model::ScenarioError> {
    use model::{Echo, Problem, ScenarioError};
    use std::rc::Rc;
    use ui::state::opening::Opening;
    use ui::view::app::AppProps;
    use words::Lang;

    let Some(json) = options_json.filter(|j| !j.trim().is_empty()) else { return Ok(AppProps::default()) };
    let refused = |at: &str, problem| ScenarioError::new(at, problem);
    if !json.trim_start().starts_with('{') {
        return Err(refused("options", Problem::NotAnObject { cause: None, line: 0, column: 0 }));
    }
    let options: MountOptions = serde_json::from_str(json).map_err(|e| {
        let cause = Some(Box::new(model::error::read_problem(&e, json)));
        refused("options", Problem::NotAnObject { cause, line: e.line(), column: e.column() })
    })?;
    // An option given with the wrong type is refused, naming it.
    let text = |name: &str, value: Option<&serde_json::value::RawValue>| match value {
        None => Ok(None),
        Some(raw) => {
            serde_json::from_str::<String>(raw.get()).map(Some).map_err(|_| refused(name, Problem::MustBeText))
        }
    };
    let lang = match text("lang", options.lang)?.as_deref() {
        None | Some("sv") => Lang::Sv,
        Some("en") => Lang::En,
        Some(other) => return Err(refused("lang", Problem::NotALanguage(Echo::new(other)))),
    };
    let opening = if let Some(scenario) = options.scenario {
        let scenario = model::Scenario::from_json(scenario.get()).map_err(|e| e.within("scenario"))?;
        let outcome = model::simulate(&scenario).map_err(|e| e.within("scenario"))?;
        Opening::Simulated(Rc::new(scenario), Rc::new(outcome))
    } else if let Some(preset) = options.preset {
        let id = text("preset", Some(preset)).map_err(|_| refused("preset", Problem::PresetIdNotText))?;
        let id = id.unwrap_or_default();
        if presets::by_id(&id).is_none() {
            return Err(refused("preset", Problem::NotAPreset(Echo::new(&id))));
        }
        Opening::Preset(id)
    } else {
        Opening::FirstPreset
    };
    let view = match text("view", options.view)?.as_deref() {
        None => ui::state::view::View::Full,
        Some(key) => {
            ui::state::view::View::from_key(key).ok_or_else(|| refused("view", Problem::NotAView(Echo::new(key))))?
        }
    };
    Ok(AppProps { opening, lang, owns_page: false, view, inflated_link: None })
}

/// `qrSvg(text)`: the QR code of `text` (the page's link) as an SVG document,
/// or `undefined` when the text is too long for a QR code. Exported only by
/// the on-demand module (feature `on-demand`): the encoder is not part of the
/// first download.
#[cfg(feature = "on-demand")]
#[wasm_bindgen(js_name = qrSvg)]
pub fn qr_svg(text: &str) -> Option<String> {
    share::qr::svg(text)
}

/// `workbook(scenarioJson, lang)`: the scenario's Excel workbook (`.xlsx`
/// bytes) in `lang` (`"sv"` or `"en"`), dated today; or an `Error` naming the
/// refused field. Exported only by the on-demand module (feature `on-demand`).
#[cfg(feature = "on-demand")]
#[wasm_bindgen]
pub fn workbook(scenario_json: &str, lang: &str) -> Result<Vec<u8>, JsError> {
    let now = js_sys::Date::new_0();
    let date = format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date());
    let sheets =
        tables::workbook::sheets_from_json(scenario_json, lang, &date).map_err(|e| JsError::new(&e.to_string()))?;
    let title = sheets.first().and_then(|s| s.rows.first()).and_then(|r| r.cells.first());
    let title = match title {
        Some(tables::Value::Text(t)) => t.clone(),
        _ => String::new(),
    };
    tables::xlsx::write(&sheets, &title).map_err(|e| JsError::new(&format!("workbook: {e}")))
}

// The allocator: talc instead of the standard library's dlmalloc, for a
// smaller module (3.4 KiB gzip less); in the page benchmark the two are
// equally fast within this machine's noise (docs/benchmarks.md).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

#[cfg(all(test, feature = "app"))]
mod tests {
    use super::*;
    use ui::state::opening::Opening;
    use ui::state::view::View;
    use words::Lang;

    fn refused(options: &str) -> String {
        match mount_props(Some(options)) {
            Ok(_) => panic!("{options} was accepted"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn mount_options_are_read_and_ignored_keys_stay_ignored() {
        let tiny = include_str!("../tests/data/tiny.json");
        let props = mount_props(Some(&format!(r#"{{"scenario": {tiny}, "lang": "en", "view": "results"}}"#))).unwrap();
        assert!(
            matches!(&props.opening, Opening::Simulated(s, _) if s.name == model::Scenario::from_json(tiny).unwrap().name)
        );
        assert_eq!((props.lang, props.view), (Lang::En, View::Results));

        let props = mount_props(Some(r#"{"preset": "jobs", "colour": 3}"#)).unwrap();
        assert!(matches!(&props.opening, Opening::Preset(id) if id == "jobs"));
        assert_eq!((props.lang, props.view), (Lang::Sv, View::Full));

        assert!(matches!(mount_props(Some("{}")).unwrap().opening, Opening::FirstPreset));
        assert!(matches!(mount_props(None).unwrap().opening, Opening::FirstPreset));
    }

    #[test]
    fn mount_options_of_the_wrong_kind_are_refused_naming_the_option() {
        assert_eq!(refused(r#"{"lang": 3}"#), "lang: must be a string");
        assert_eq!(refused(r#"{"view": ["full"]}"#), "view: must be a string");
        assert_eq!(refused(r#"{"preset": 1}"#), "preset: must be a preset's id (a string)");
        assert_eq!(refused(r#"{"preset": "nope"}"#), "preset: \"nope\" is not a preset");
        assert_eq!(refused(r#"{"lang": "de"}"#), "lang: \"de\" is not a language of fundsim (sv, en)");
        assert!(refused(r#"{"view": "big"}"#).starts_with("view: \"big\" is not a view"));
        assert!(refused(r#"{"scenario": {"schema_version": 1}}"#).starts_with("scenario"));
        assert!(refused("[1]").starts_with("options: not a valid JSON object"));
        assert!(refused("{").starts_with("options: not a valid JSON object"));
    }
}
