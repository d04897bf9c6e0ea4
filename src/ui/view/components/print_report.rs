//! The printed report's own parts in the page: written by the analysis
//! module ([`crate::report::assumptions`]) while the page is printed
//! ([`use_printing`]); hidden on screen.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Outcome, Scenario};
use crate::ui::browser::analysis;
use crate::ui::view::markup::raw_html;
use crate::ui::view::Prefs;

#[derive(Properties, PartialEq)]
pub struct PrintReportProps {
    /// The (last valid) scenario the results belong to.
    pub scenario: Rc<Scenario>,
    /// Its outcome (the report's figures are the analysis module's own run of the same scenario).
    pub outcome: Rc<Outcome>,
}

#[component(PrintReport)]
pub fn print_report(props: &PrintReportProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let lang = prefs.lang;
    let printing = use_printing();
    // Drawn only for printing: a large scenario's assumptions are thousands
    // of elements nobody sees on screen.
    let ready = use_on_demand(printing, NodeRef::default()) == Some(true);
    if !printing || !ready {
        return html! {};
    }
    match analysis::print_report(prefs.app, &props.scenario.to_json(), lang) {
        Some(markup) => raw_html(markup),
        None => html! {},
    }
}

/// The on-demand module for a view: `Some(true)` once it is loaded,
/// `Some(false)` when it could not be, `None` until then. It is asked for
/// when `wanted` becomes true, or when the element of `near` (if it is
/// drawn) comes within a screen of the viewport; the view is drawn again when
/// it arrives. A failed load is tried again the next time it is wanted.
#[hook]
pub fn use_on_demand(wanted: bool, near: NodeRef) -> Option<bool> {
    let loaded = use_state_eq(|| analysis::is_loaded().then_some(true));
    {
        let loaded = loaded.clone();
        use_effect_with((), move |_| {
            if let Some(element) = near.cast::<web_sys::Element>().filter(|_| *loaded != Some(true)) {
                wasm_bindgen_futures::spawn_local(async move {
                    loaded.set(Some(analysis::load_near(&element).await));
                });
            }
        });
    }
    {
        let loaded = loaded.clone();
        use_effect_with(wanted && *loaded != Some(true), move |&ask| {
            if ask {
                wasm_bindgen_futures::spawn_local(async move {
                    loaded.set(Some(analysis::load().await));
                });
            }
        });
    }
    if analysis::is_loaded() {
        Some(true)
    } else {
        *loaded
    }
}

/// Whether the page is being printed: true from `beforeprint` to `afterprint`
/// and while the print media query matches (print preview, "Save as PDF",
/// emulated print media). What is only printed is drawn only then.
#[hook]
pub fn use_printing() -> bool {
    let printing = use_state_eq(|| false);
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let listeners = crate::ui::browser::on_print_change(move |now| printing.set(now));
            move || drop(listeners)
        });
    }
    *printing
}
