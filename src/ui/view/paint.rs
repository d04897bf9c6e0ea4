//! Hooks that wait for the page to paint, so that what the reader does not
//! watch is drawn after the frame that shows an edit's results: used by the
//! app's root and by the parts drawn below the first results.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Outcome, Scenario};
use crate::ui::browser;

/// Whether the page has painted since the app was first drawn: set after the
/// next animation frame (a task queued from it runs after that frame's paint),
/// or after [`PAINT_WAIT_MS`] where frames do not come (a hidden tab).
#[hook]
pub fn use_painted() -> UseStateHandle<bool> {
    let painted = use_state_eq(|| false);
    {
        let painted = painted.clone();
        use_effect_with((), move |_| {
            let after_frame = {
                let painted = painted.clone();
                browser::after_next_paint(move || painted.set(true))
            };
            let fallback = gloo::timers::callback::Timeout::new(PAINT_WAIT_MS, move || painted.set(true));
            move || drop((after_frame, fallback))
        });
    }
    painted
}

/// `scenario` and its `outcome` once the page has painted after they changed:
/// the new pair arrives in a task queued from the next animation frame (as in
/// [`use_painted`]), so what is drawn from it is drawn after the frame that
/// shows the edit's results. Where no frame comes first (a hidden tab, a
/// browser busy drawing), after [`FOLLOW_WAIT_MS`]. A newer pair cancels a
/// pending one; the first pair is returned at once. Each component that asks
/// has a task of its own.
#[hook]
pub fn use_after_paint(scenario: Rc<Scenario>, outcome: Rc<Outcome>) -> (Rc<Scenario>, Rc<Outcome>) {
    let shown = {
        let first = (scenario.clone(), outcome.clone());
        use_state(move || first)
    };
    {
        let shown = shown.clone();
        let current = Rc::ptr_eq(&shown.0, &scenario) && Rc::ptr_eq(&shown.1, &outcome);
        let key = (Rc::as_ptr(&scenario) as usize, Rc::as_ptr(&outcome) as usize);
        use_effect_with(key, move |_| {
            let pending = (!current)
                .then(|| browser::after_paint_or_wait(FOLLOW_WAIT_MS, move || shown.set((scenario, outcome))));
            // A newer pair cancels this one.
            move || drop(pending)
        });
    }
    (*shown).clone()
}

/// The longest the year tables and the page's link wait for the frame after an edit.
pub const FOLLOW_WAIT_MS: u32 = 100;

/// The longest the editor waits for the first paint.
const PAINT_WAIT_MS: u32 = 1_000;
