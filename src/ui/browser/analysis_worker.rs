//! The analysis of a scenario off the main thread (`www/on-demand.js`
//! `analyse`: a Web Worker running the on-demand module, or, where no worker
//! can start, slices of a few milliseconds here): the decision figures, then
//! a quick Monte Carlo run and a full one, with progress. Starting a new
//! analysis, or dropping the [`Running`] one, cancels the app's one before;
//! each app on the page (its number, `on_demand::new_app`) has its own.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/www/on-demand.js")]
extern "C" {
    #[wasm_bindgen(js_name = analyse)]
    fn analyse_js(app: u32, scenario_json: &str, quick: u32, full: u32, on_message: &js_sys::Function);
    #[wasm_bindgen(js_name = stopAnalysis)]
    fn stop_analysis(app: u32);
}

/// What the analysis says.
#[derive(Debug, Clone, PartialEq)]
pub enum Heard {
    /// `breakEven`'s JSON.
    BreakEven(String),
    /// `sensitivity`'s JSON.
    Sensitivity(String),
    /// Draws done of those asked for.
    Progress(u32, u32),
    /// A finished run's `monteCarlo` JSON, and its draws.
    MonteCarlo(String, u32),
    /// It failed (the module could not load, or the engine refused).
    Failed,
}

/// A running analysis of app `app`: its messages are heard while it lives.
pub struct Running {
    app: u32,
    _listener: Closure<dyn FnMut(String, String, u32, u32)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        stop_analysis(self.app);
    }
}

/// Starts app `app`'s analysis of a valid scenario: `quick` draws, then
/// `full`; it cancels the app's analysis before, not another app's.
pub fn analyse(
    app: u32,
    scenario_json: &str,
    quick: u32,
    full: u32,
    mut heard: impl FnMut(Heard) + 'static,
) -> Running {
    let listener = Closure::<dyn FnMut(String, String, u32, u32)>::new(
        move |kind: String, json: String, done: u32, draws: u32| {
            heard(match kind.as_str() {
                "break-even" => Heard::BreakEven(json),
                "sensitivity" => Heard::Sensitivity(json),
                "progress" => Heard::Progress(done, draws),
                "uncertainty" => Heard::MonteCarlo(json, draws),
                _ => Heard::Failed,
            })
        },
    );
    analyse_js(app, scenario_json, quick, full, listener.as_ref().unchecked_ref());
    Running { app, _listener: listener }
}
