//! The actor-year chart drawn from its layout ([`layout::actor_years`]): the
//! terms of office behind the plot, one shape per actor holding its segments
//! of every year (not catching the mouse), each year's column as a focusable
//! item, and the dashed boundaries of the terms over them.

use yew::prelude::*;

use super::draw::{self, open_rect, open_text, push_px, Markup};
use super::frame::Frame;
use super::layout::actor_years::ActorYearsLayout;
use super::layout::palette::Paint;
use super::layout::Chart;
use super::tooltip::{explained_item, tooltip, Focus};

pub use super::layout::actor_years::{term_boundaries, term_start, terms};

/// Draws the actor-year chart.
pub fn view(chart: &Chart<ActorYearsLayout>, frame: &Frame, focus: &Focus) -> Html {
    draw::chart(frame, "actor-years", chart, |years| body(years, frame, focus))
}

fn body(chart: &ActorYearsLayout, frame: &Frame, focus: &Focus) -> Html {
    let prefix = &frame.prefix;
    let plot = &chart.plot;

    // Under the columns: the unit, the terms (every other one shaded, and
    // named) and the grid, drawn as text: nothing here is focused or hovered.
    let mut below = Markup::default();
    open_text(&mut below, &plot.unit).num("font-size", plot.font).attr("dominant-baseline", "central").end();
    below.text(&plot.unit.text).shut("text");
    for term in &chart.terms {
        below.open("g").attr("class", "chart-term").attr("data-term", &format!("{}-{}", term.first, term.last)).end();
        if term.shaded {
            open_rect(&mut below, &term.area).attr("fill", "currentColor").attr("fill-opacity", "0.045").close();
        }
        if let Some(label) = &term.label {
            open_text(&mut below, label).num("font-size", plot.font).end().text(&label.text).shut("text");
        }
        below.shut("g");
    }
    draw::money_axis(&mut below, &plot.axis);

    // A year's column explains each actor's net that year.
    let items = chart.years.iter().enumerate().map(|(i, year)| {
        explained_item(focus, i, "chart-bar", year, Html::default(), year.year.map(|y| format!("nets:{y}:")))
    });

    // Over them: one path per actor with all its segments, the terms'
    // boundaries and the years, none catching the mouse.
    let mut above = Markup::default();
    above.open("g").attr("class", "chart-nets").attr("pointer-events", "none").end();
    let mut d = String::new();
    for net in &chart.nets {
        d.clear();
        for r in &net.rects {
            // M x y h width v height h -width z: the segment's rectangle.
            d.push('M');
            push_px(&mut d, r.x);
            d.push(' ');
            push_px(&mut d, r.y);
            d.push('h');
            push_px(&mut d, r.width);
            d.push('v');
            push_px(&mut d, r.height);
            d.push_str("h-");
            push_px(&mut d, r.width);
            d.push('z');
        }
        above.open("path").attr("class", "bar-net").attr("data-actor", &net.actor).attr("d", &d);
        if let Some(fill) = Paint::ActorPattern(net.colour).fill(prefix) {
            above.attr("fill", &fill);
        }
        above.attr("stroke", "var(--c-halo, #ffffff)").attr("stroke-width", "0.75").close();
    }
    above.shut("g");
    above.open("g").attr("pointer-events", "none").end();
    for &x in &chart.boundaries {
        above.open("line").attr("class", "chart-term-boundary").num("x1", x).num("x2", x);
        above.num("y1", chart.strip_top).num("y2", plot.area.bottom()).attr("stroke", "currentColor");
        above.attr("stroke-width", "1.5").attr("stroke-dasharray", "5 4").attr("stroke-opacity", "0.8").close();
    }
    above.shut("g");
    draw::year_labels(&mut above, &plot.years, plot.font);

    html! {
        <>
            { draw::legend(&plot.legend, prefix) }
            { below.into_html() }
            <g class="chart-bars">{ for items }</g>
            { above.into_html() }
            { tooltip(focus, &chart.years) }
        </>
    }
}
