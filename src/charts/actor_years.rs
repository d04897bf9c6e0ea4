//! The actor-year chart drawn whole from its layout ([`layout::actor_years`]):
//! the terms of office behind the plot, each year's column as a focusable
//! item, one shape per actor holding its segments of every year (not
//! catching the mouse), and the dashed boundaries of the terms over them.

use super::draw::{self, open_rect, open_text, push_px, Markup};
use super::layout::actor_years::ActorYearsLayout;
use super::layout::palette::Paint;
use super::layout::{Canvas, ChartInput};
use super::svg;

pub use super::layout::actor_years::{term_boundaries, term_start, terms};

/// The actor-year chart's `<svg>`, laid out on `canvas`, its ids starting `prefix`.
pub fn svg(input: &ChartInput, canvas: &Canvas, prefix: &str) -> String {
    let chart = super::layout::actor_years::layout(input, canvas);
    svg::chart("actor-years", prefix, canvas, &chart, |svg, years| body(svg, years, prefix))
}

fn body(svg: &mut Markup, chart: &ActorYearsLayout, prefix: &str) {
    let plot = &chart.plot;
    draw::legend(svg, &plot.legend, prefix);
    // Under the columns: the unit, the terms (every other one shaded, and named) and the grid.
    open_text(svg, &plot.unit).num("font-size", plot.font).attr("dominant-baseline", "central").end();
    svg.text(&plot.unit.text).shut("text");
    for term in &chart.terms {
        svg.open("g").attr("class", "chart-term").attr("data-term", &format!("{}-{}", term.first, term.last)).end();
        if term.shaded {
            open_rect(svg, &term.area).attr("fill", "currentColor").attr("fill-opacity", "0.045").close();
        }
        if let Some(label) = &term.label {
            open_text(svg, label).num("font-size", plot.font).end().text(&label.text).shut("text");
        }
        svg.shut("g");
    }
    draw::money_axis(svg, &plot.axis);

    svg.open("g").attr("class", "chart-bars").end();
    for (i, year) in chart.years.iter().enumerate() {
        // A year's column explains each actor's net that year.
        let explain = year.year.map(|y| format!("nets:{y}:"));
        svg::item(svg, i, "chart-bar", year, explain.as_deref(), |_| {});
    }
    svg.shut("g");

    // Over them: one path per actor with all its segments, the terms'
    // boundaries and the years, none catching the mouse.
    svg.open("g").attr("class", "chart-nets").attr("pointer-events", "none").end();
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
        svg.open("path").attr("class", "bar-net").attr("data-actor", &net.actor).attr("d", &d);
        if let Some(fill) = Paint::ActorPattern(net.colour).fill(prefix) {
            svg.attr("fill", &fill);
        }
        svg.attr("stroke", "var(--c-halo, #ffffff)").attr("stroke-width", "0.75").close();
    }
    svg.shut("g");
    svg.open("g").attr("pointer-events", "none").end();
    for &x in &chart.boundaries {
        svg.open("line").attr("class", "chart-term-boundary").num("x1", x).num("x2", x);
        svg.num("y1", chart.strip_top).num("y2", plot.area.bottom()).attr("stroke", "currentColor");
        svg.attr("stroke-width", "1.5").attr("stroke-dasharray", "5 4").attr("stroke-opacity", "0.8").close();
    }
    svg.shut("g");
    draw::year_labels(svg, &plot.years, plot.font);
    svg::tooltips(svg, &chart.years);
}
