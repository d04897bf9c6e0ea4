//! The guided tour for trainers, started from a link (`#…&tour=1`,
//! `state::keep::tour_requested`): a panel with a few steps through the
//! scenario, stepped with the keys a clicker sends (→, ←, PageDown, PageUp,
//! Space) or its buttons, with a visible step counter that a screen reader
//! hears, left at any time (Escape or "Leave"; the focus goes back to where
//! it was, else to the key figures). The steps' texts, with the scenario's
//! own figures, come from the on-demand module (`tour:<n>`).

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::Scenario;
use crate::ui::browser::analysis;
use crate::ui::state::keep::tour_requested;
use crate::ui::view::components::print_report::use_on_demand;
use crate::ui::view::markup::raw_html;
use crate::ui::view::Prefs;

/// The number of steps (their texts are in `words::tour`).
const STEPS: usize = crate::words::tour::STEP_COUNT;

#[derive(Properties, PartialEq)]
pub struct TourProps {
    pub scenario: Rc<Scenario>,
}

#[component(Tour)]
pub fn tour(props: &TourProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let lang = prefs.lang;
    // The step shown (from 0), or none: no tour.
    let step = use_state_eq(|| tour_requested(&crate::ui::browser::location_fragment()).then_some(0usize));
    let ready = use_on_demand(step.is_some(), NodeRef::default()) == Some(true);
    let panel = use_node_ref();
    {
        // The clicker's keys, wherever the focus is (not while typing in a field).
        let step = step.clone();
        use_effect_with(*step, move |now| {
            let now = *now;
            let keys = now.and_then(|n| {
                let document = web_sys::window()?.document()?;
                Some(gloo::events::EventListener::new(&document, "keydown", move |event| {
                    let Some(e) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                    let tag = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).map(|el| el.tag_name());
                    let tag = tag.as_deref().unwrap_or("");
                    // A field keeps its keys; a button keeps Space (it presses it).
                    let field = matches!(tag, "INPUT" | "TEXTAREA" | "SELECT");
                    let button = matches!(tag, "BUTTON" | "SUMMARY" | "A");
                    let (forward, back) = (Some(Some((n + 1).min(STEPS - 1))), Some(Some(n.saturating_sub(1))));
                    let next = match e.key().as_str() {
                        "ArrowRight" | "PageDown" if !field => forward,
                        " " if !field && !button => forward,
                        "ArrowLeft" | "PageUp" if !field => back,
                        "Escape" => Some(None),
                        _ => None,
                    };
                    if let Some(next) = next {
                        e.prevent_default();
                        step.set(next);
                    }
                }))
            });
            move || drop(keys)
        });
    }
    {
        // The panel takes the focus when the tour starts; when it ends, the focus goes back.
        let panel = panel.clone();
        // Outer `Some` while a tour runs: the element that had the focus before it.
        let before = use_mut_ref(|| None::<Option<web_sys::HtmlElement>>);
        use_effect_with(step.is_some(), move |on| {
            let document = web_sys::window().and_then(|w| w.document());
            if *on {
                let active = document.as_ref().and_then(|d| d.active_element());
                *before.borrow_mut() = Some(active.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()));
                if let Some(el) = panel.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            } else if let (Some(had), Some(document)) = (before.borrow_mut().take(), document) {
                let back = had.filter(|e| e.is_connected() && e.tag_name() != "BODY");
                let back = back.or_else(|| {
                    document.query_selector("[data-testid=key-figures] button").ok().flatten()?.dyn_into().ok()
                });
                if let Some(el) = back {
                    let _ = el.focus();
                }
            }
        });
    }
    let Some(n) = *step else {
        return html! {};
    };
    let key = format!("tour:{}", n + 1);
    let text = if ready { analysis::explain_figure(&props.scenario.to_json(), lang, prefs.unit, &key) } else { None };
    let go = |to: Option<usize>| {
        let step = step.clone();
        Callback::from(move |_: MouseEvent| step.set(to))
    };
    let counter = match lang {
        crate::words::Lang::Sv => format!("Steg {} av {STEPS}", n + 1),
        crate::words::Lang::En => format!("Step {} of {STEPS}", n + 1),
    };
    html! {
        <div class="tour-panel" role="dialog" aria-label={lang.pick("Guidad tur", "Guided tour")} tabindex="-1"
             data-testid="tour" ref={panel}>
            <div aria-live="polite">
                <p class="tour-counter" data-testid="tour-counter">{ counter }</p>
                { text.map(raw_html).unwrap_or_default() }
            </div>
            <div class="tour-buttons">
                <button type="button" onclick={go(Some(n.saturating_sub(1)))} disabled={n == 0}>
                    { lang.pick("← Föregående", "← Previous") }
                </button>
                <button type="button" onclick={go(Some((n + 1).min(STEPS - 1)))} disabled={n + 1 == STEPS}>
                    { lang.pick("Nästa →", "Next →") }
                </button>
                <button type="button" data-testid="tour-leave" onclick={go(None)}>{ lang.pick("Avsluta", "Leave") }</button>
            </div>
        </div>
    }
}
