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
    let lang = use_context::<Prefs>().unwrap_or_default().lang;
    let printing = use_printing();
    // Drawn only for printing: a large scenario's assumptions are thousands
    // of elements nobody sees on screen.
    let ready = use_analysis(printing);
    if !printing || !ready {
        return html! {};
    }
    match analysis::print_report(&props.scenario.to_json(), lang) {
        Some(markup) => raw_html(markup),
        None => html! {},
    }
}

/// Whether the analysis module is loaded, asking for it once `wanted`: the
/// component is drawn again when it arrives. (A module that fails to load is
/// asked for again the next time it is wanted.)
#[hook]
pub fn use_analysis(wanted: bool) -> bool {
    let loaded = use_state_eq(analysis::is_loaded);
    {
        let loaded = loaded.clone();
        use_effect_with(wanted && !*loaded, move |&ask| {
            if ask {
                wasm_bindgen_futures::spawn_local(async move {
                    loaded.set(analysis::load().await);
                });
            }
        });
    }
    *loaded || analysis::is_loaded()
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
