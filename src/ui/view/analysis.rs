//! The analysis of the valid scenario (`browser::analysis`, off the main
//! thread), started once an edit has rested and cancelled by the next one.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::Scenario;
use crate::ui::browser::analysis_worker::{analyse, Heard};
use crate::ui::state::analysis::{Analysis, News};

/// How long the scenario must stay unchanged before its analysis starts:
/// typing does not start (and cancel) a run per keystroke.
const REST_MS: u32 = 250;
/// Draws of the quick first run, then of the full one.
pub const QUICK_DRAWS: u32 = 1_000;
pub const FULL_DRAWS: u32 = 10_000;

/// The analysis of `scenario` as far as it has come.
#[hook]
pub fn use_analysis(app: u32, scenario: Rc<Scenario>) -> Rc<Analysis> {
    let analysis = use_reducer(Analysis::default);
    {
        let tell = analysis.dispatcher();
        use_effect_with(scenario, move |scenario| {
            let scenario = scenario.clone();
            let running = Rc::new(std::cell::RefCell::new(None));
            let started = running.clone();
            let rest = gloo::timers::callback::Timeout::new(REST_MS, move || {
                let ranged = scenario.interventions.iter().any(crate::model::Intervention::is_ranged);
                tell.dispatch(News::Started { ranged });
                let heard = tell.clone();
                *started.borrow_mut() =
                    Some(analyse(app, &crate::ui::view::json_of(&scenario), QUICK_DRAWS, FULL_DRAWS, move |h| {
                        heard.dispatch(match h {
                            Heard::BreakEven(json) => News::BreakEven(json),
                            Heard::Sensitivity(json) => News::Sensitivity(json),
                            Heard::Progress(done, draws) => News::Progress(done, draws),
                            Heard::MonteCarlo(json, draws) => News::MonteCarlo(json, draws),
                            Heard::Failed => News::Failed,
                        })
                    }));
            });
            // A newer scenario cancels the pending start, or the running analysis.
            move || {
                drop(rest);
                drop(running.take());
            }
        });
    }
    Rc::new((*analysis).clone())
}
