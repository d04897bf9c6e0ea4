//! The analysis the app runs off its main thread (`www/analysis-worker.js`,
//! driven by `run()` in `www/on-demand.js`): the decision figures of a
//! scenario, and its Monte Carlo run in slices, so that the worker reports
//! progress and hears a newer scenario between slices.
//!
//! The figures are the contract's JSON, as `breakEven`, `sensitivity` and
//! `monteCarlo` write them, with `by_year` the last year of the scenario's
//! current term of office (`model::term`) when the horizon reaches it.

use wasm_bindgen::prelude::*;

use crate::model::decision::{break_even, sensitivity};
use crate::model::montecarlo::MonteCarloRun;
use crate::model::term::term_end_within;
use crate::model::validate::validate;
use crate::model::{Intervention, Scenario};
use crate::report;
use crate::report::decision::{Facts, Place};
use crate::words::format::Unit;

/// The seed of the app's Monte Carlo runs: the same scenario always shows the same figures.
pub const ANALYSIS_SEED: u64 = 2026;

fn refused(e: impl std::fmt::Display) -> JsError {
    JsError::new(&e.to_string())
}

/// One scenario's analysis.
#[wasm_bindgen]
pub struct AnalysisJob {
    scenario: Scenario,
    by_year: Option<i32>,
    run: Option<MonteCarloRun>,
    draws: u32,
}

#[wasm_bindgen]
impl AnalysisJob {
    /// A job for a scenario, which must be valid (else the engine's message).
    #[wasm_bindgen(constructor)]
    pub fn new(scenario_json: &str) -> Result<AnalysisJob, JsError> {
        let scenario = Scenario::from_json(scenario_json).map_err(refused)?;
        validate(&scenario).map_err(refused)?;
        let by_year = term_end_within(&scenario);
        Ok(AnalysisJob { scenario, by_year, run: None, draws: 0 })
    }

    /// Whether any intervention has an uncertainty range (else no Monte Carlo run is needed).
    #[wasm_bindgen(getter)]
    pub fn ranged(&self) -> bool {
        self.scenario.interventions.iter().any(Intervention::is_ranged)
    }

    /// The break-even figures (`breakEven`'s JSON, asked of the term's last year).
    #[wasm_bindgen(js_name = breakEvenJson)]
    pub fn break_even_json(&self) -> Result<String, JsError> {
        Ok(break_even(&self.scenario, self.by_year).map_err(refused)?.to_json())
    }

    /// The sensitivity figures (`sensitivity`'s JSON).
    #[wasm_bindgen(js_name = sensitivityJson)]
    pub fn sensitivity_json(&self) -> Result<String, JsError> {
        Ok(sensitivity(&self.scenario).map_err(refused)?.to_json())
    }

    /// Starts a run of `draws` draws (1 to 100 000), replacing any before.
    #[wasm_bindgen(js_name = startDraws)]
    pub fn start_draws(&mut self, draws: u32) -> Result<(), JsError> {
        self.run = Some(MonteCarloRun::new(&self.scenario, ANALYSIS_SEED, draws, self.by_year).map_err(refused)?);
        self.draws = draws;
        Ok(())
    }

    /// Computes draws for about `ms` milliseconds (at least one); the draws done so far.
    #[wasm_bindgen(js_name = runFor)]
    pub fn run_for(&mut self, ms: f64) -> Result<u32, JsError> {
        let Some(run) = self.run.as_mut() else { return Ok(0) };
        let until = js_sys::Date::now() + ms;
        // Slices grow while they are quick: one clock reading per slice, not per draw.
        let mut slice = 1;
        loop {
            let progress = run.step(slice).map_err(refused)?;
            if progress.is_finished() || js_sys::Date::now() >= until {
                return Ok(progress.done);
            }
            slice = (slice * 2).min(1_000);
        }
    }

    /// The figures of the run (computing any draws left) as the contract's JSON.
    pub fn finish(&mut self) -> Result<String, JsError> {
        let run = self.run.take().ok_or_else(|| JsError::new("no run started"))?;
        Ok(run.finish().map_err(refused)?.to_json())
    }
}

/// `decisionWords(breakEvenJson, monteCarloJson, largestRate, horizonYears, currency, invests, place, lang, unit)`:
/// the analysis's figures said in words, as markup for the key figures
/// (`place` "key-figures") or presentation mode ("presentation"); either
/// JSON may be empty (its part is left out). The app passes the few facts of
/// the scenario the words need, so that nothing is read or computed again.
#[allow(clippy::too_many_arguments)]
#[wasm_bindgen(js_name = decisionWords)]
pub fn decision_words(
    break_even_json: &str,
    monte_carlo_json: &str,
    largest_rate: &str,
    horizon_years: u32,
    currency: &str,
    invests: bool,
    place: &str,
    lang_tag: &str,
    unit: &str,
) -> Result<String, JsError> {
    let largest_rate = largest_rate.parse().map_err(|_| JsError::new("largestRate"))?;
    let facts = Facts { largest_rate, horizon_years, currency: currency.to_string(), invests };
    let place = if place == "presentation" { Place::Presentation } else { Place::KeyFigures };
    let given = |json: &str| Some(json).filter(|j| !j.is_empty()).map(str::to_string);
    let (b, c) = (given(break_even_json), given(monte_carlo_json));
    Ok(report::decision::decision_words(
        &facts,
        b.as_deref(),
        c.as_deref(),
        place,
        super::lang(lang_tag),
        Unit::from_key(unit).unwrap_or_default(),
    ))
}
