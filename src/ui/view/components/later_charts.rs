//! The two charts below the first results — the money flow and the net per
//! actor and year — drawn whole by the on-demand module (`crate::charts`,
//! `chartSvg`), loaded when they come within a screen of the viewport or the
//! page is printed: their layouts and drawing are not in the first download.
//! Each is laid out for the width its box is shown at (the frame's
//! `ResizeObserver`), and brought to life by one listener on its box
//! (`wireChart`: focus, hover, tooltips, arrow keys, Escape).

use yew::prelude::*;

use crate::ui::browser::analysis;
use crate::ui::view::charts::{frame, ChartProps};
use crate::ui::view::components::print_report::{use_on_demand, use_printing};
use crate::ui::view::json_of;
use crate::ui::view::markup::raw_html;
use crate::ui::view::paint::use_after_paint;

/// The money flow, from those who pay to those who gain.
#[component(FlowChart)]
pub fn flow_chart(props: &ChartProps) -> Html {
    use_later_chart(props, "flow")
}

/// The net budget effect per actor and year, with the terms of office.
#[component(ActorYearChart)]
pub fn actor_year_chart(props: &ChartProps) -> Html {
    use_later_chart(props, "actor-years")
}

#[hook]
fn use_later_chart(props: &ChartProps, kind: &'static str) -> Html {
    let frame = frame::use_frame(kind);
    let printing = use_printing();
    let loaded = use_on_demand(printing, frame.node.clone());
    let (width, drawn) = (frame.width(), frame.is_drawn());
    // An edit is drawn here after the frame that shows its first results,
    // in a task of this chart's own: the module lays out and draws the whole
    // chart again, which took a large scenario's keystroke over 50 ms (issue 12).
    let (scenario, _) = use_after_paint(props.scenario.clone(), props.outcome.clone());
    let key = (scenario, props.lang, props.unit, width, drawn && loaded == Some(true));
    let prefix = frame.prefix.clone();
    let markup = use_memo(key, move |(scenario, lang, unit, width, ready)| {
        ready.then(|| analysis::chart_markup(&json_of(scenario), kind, *lang, *unit, *width, &prefix)).flatten()
    });
    {
        let node = frame.node.clone();
        use_effect_with(markup.is_some(), move |_| {
            if let Some(chart_box) = node.cast::<web_sys::Element>() {
                analysis::wire_chart(&chart_box);
            }
        });
    }
    match markup.as_ref() {
        Some(svg) => html! { <div class="chart-drawn" ref={frame.node.clone()}>{ raw_html(svg.clone()) }</div> },
        None => html! { <div class="chart-drawn chart-waiting" aria-busy="true" ref={frame.node.clone()}></div> },
    }
}
