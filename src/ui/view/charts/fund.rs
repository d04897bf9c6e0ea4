//! The fund chart drawn from its layout ([`layout::fund`]): the bars of each
//! year as a focusable item, the balance line and its points over them (a
//! negative one a diamond with a minus sign), the marker of the year the fund
//! runs dry, and the axes.

use yew::prelude::*;

use super::draw::{self, open_rect, open_text, paint, push_px, Markup};
use super::frame::Frame;
use super::layout::fund::{FundLayout, ALLOCATION, GRANTS, REPAYMENTS};
use super::layout::palette::Colour;
use super::layout::{self, Chart};
use super::tooltip::{explained_item, tooltip, Focus};

pub use layout::fund::first_negative_year;

/// Draws the fund chart.
pub fn view(chart: &Chart<FundLayout>, frame: &Frame, focus: &Focus) -> Html {
    draw::chart(frame, "fund", chart, |fund| body(fund, frame, focus))
}

fn body(fund: &FundLayout, frame: &Frame, focus: &Focus) -> Html {
    let prefix = &frame.prefix;
    let plot = &fund.plot;

    // Under the bars: the unit, the negative zone and the grid (drawn as
    // text, as every part that is not focused or hovered).
    let mut below = Markup::default();
    open_text(&mut below, &plot.unit).num("font-size", plot.font).attr("dominant-baseline", "central").end();
    below.text(&plot.unit.text).shut("text");
    if let Some(zone) = &fund.negative_zone {
        open_rect(&mut below, zone).attr("class", &format!("chart-negative-zone {}", Colour::Pay.fill_class()));
        below.attr("fill-opacity", "0.1").close();
    }
    draw::money_axis(&mut below, &plot.axis);

    // The bars of every year as one node, over the years' focusable items
    // (whose areas under them catch the pointer): an edit moves every bar,
    // and one node is written at once where a node per year took a large
    // scenario's keystroke some 20 ms more (issue 12).
    let mut bars = Markup::default();
    bars.open("g").attr("class", "chart-bar-shapes").attr("pointer-events", "none").end();
    for year in &fund.years {
        let shapes = &year.shapes;
        for (rect, fill, class) in [
            (&shapes.allocation, ALLOCATION, "bar-allocation"),
            (&shapes.repayments, REPAYMENTS, "bar-repayments"),
            (&shapes.grants, GRANTS, "bar-grants"),
        ] {
            paint(open_rect(&mut bars, rect), fill, class, prefix).close();
        }
    }
    bars.shut("g");
    let items = fund.years.iter().enumerate().map(|(i, year)| {
        explained_item(focus, i, "chart-bar", year, Html::default(), year.year.map(|y| format!("close:{y}:")))
    });

    // Over the bars, not catching the mouse: the balance line and its points,
    // the marker of the year the fund runs dry; then the years.
    let mut above = Markup::default();
    let mut line = String::new();
    for (k, point) in fund.balance.iter().enumerate() {
        if k > 0 {
            line.push(' ');
        }
        push_px(&mut line, point.x);
        line.push(',');
        push_px(&mut line, point.y);
    }
    above.open("polyline").attr("class", &format!("balance-line {}", Colour::Balance.stroke_class()));
    above.attr("points", &line).attr("fill", "none").attr("stroke-width", "2.5").attr("pointer-events", "none").close();
    let r = fund.point_radius;
    above.open("g").attr("class", "balance-points").attr("pointer-events", "none").end();
    for point in &fund.balance {
        if point.negative {
            above.open("g").attr("class", "balance-point negative").end();
            draw::negative_point(&mut above, Colour::Pay, point.x, point.y, r + 2.5, r - 1.0);
            above.shut("g");
        } else {
            above.open("circle").attr("class", &format!("balance-point {}", Colour::Balance.fill_class()));
            above.num("cx", point.x).num("cy", point.y).num("r", r);
            above.attr("stroke", "#ffffff").attr("stroke-width", "1").close();
        }
    }
    above.shut("g");
    if let Some(dry) = &fund.runs_dry {
        above.open("g").attr("class", "chart-runs-dry").attr("pointer-events", "none").end();
        above.open("line").attr("class", &Colour::Pay.stroke_class());
        above.num("x1", dry.x).num("x2", dry.x).num("y1", dry.from).num("y2", dry.to);
        above.attr("stroke-width", "2").attr("stroke-dasharray", "5 3").close();
        open_text(&mut above, &dry.text).attr("class", "chart-halo").attr("font-weight", "700").end();
        above.text(&dry.text.text).shut("text");
        above.shut("g");
    }
    draw::year_labels(&mut above, &plot.years, plot.font);

    html! {
        <>
            { draw::legend(&plot.legend, prefix) }
            { below.into_html() }
            <g class="chart-bars">{ for items }</g>
            { bars.into_html() }
            { above.into_html() }
            { tooltip(focus, &fund.years) }
        </>
    }
}
