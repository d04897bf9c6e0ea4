//! The decision charts in the results (issue 12): the tornado of the
//! sensitivity (the organisation's present value, or society's on a switch),
//! the fan charts of the Monte Carlo run and the per-intervention break-even.
//! Everything drawn, the switch included, is written by the on-demand module
//! ([`crate::report::decision_charts`]) from the figures the analysis worker
//! sent, which its loader keeps as it delivers them (`www/on-demand.js`):
//! nothing is computed twice, and the first download holds only this hook.
//! A hook of the results rather than a component, the switch a radio button
//! of the module's markup rather than Yew state: a component of its own and a
//! switch in Yew would cost the first download about 1.3 and 0.9 KiB gzip.

use yew::prelude::*;

use crate::model::Scenario;
use crate::ui::browser::analysis;
use crate::ui::view::components::print_report::use_on_demand;
use crate::ui::view::markup::raw_html;
use crate::words::format::Unit;
use crate::words::Lang;

/// The decision charts of `scenario` (once an edit has rested: its names
/// label the bars), once the analysis has `figures`. Asked at every render:
/// the loader answers the same text for the same figures, and Yew leaves
/// the same text as it is.
#[hook]
pub fn use_decision_charts(app: u32, scenario: &std::rc::Rc<Scenario>, figures: bool, lang: Lang, unit: Unit) -> Html {
    let ready = use_on_demand(figures, NodeRef::default()) == Some(true);
    // The section as drawn before: its width lays the charts out, its switch is read back.
    let section = use_node_ref();
    // The scenario's JSON is written once per scenario (`json_of`), not at every render.
    let markup = if ready {
        let json = crate::ui::view::json_of(scenario);
        analysis::decision_charts(app, section.cast::<web_sys::Element>(), &json, lang, unit)
    } else {
        None
    };
    // Until the module has written them, an empty section holds their place.
    html! {
        <section ref={section} class="decision-charts" data-testid="decision-charts" aria-busy={markup.is_none().then_some("true")}>
            { raw_html(markup.unwrap_or_default()) }
        </section>
    }
}
