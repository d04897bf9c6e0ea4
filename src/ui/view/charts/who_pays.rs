//! The who-pays chart drawn from its layout ([`layout::who_pays`]): each
//! actor's row (name, net, bars, amounts, net marker) as a focusable item,
//! under the legend, the directions and the amount axis.

use yew::prelude::*;

use super::draw::{self, open_rect, open_text, paint, Markup};
use super::frame::Frame;
use super::layout::who_pays::WhoPaysLayout;
use super::layout::Chart;
use super::tooltip::{explained_item, tooltip, Focus};

/// Draws the who-pays chart.
pub fn view(chart: &Chart<WhoPaysLayout>, frame: &Frame, focus: &Focus) -> Html {
    draw::chart(frame, "who-pays", chart, |who| body(who, frame, focus))
}

fn body(who: &WhoPaysLayout, frame: &Frame, focus: &Focus) -> Html {
    let prefix = &frame.prefix;
    let small = who.small;

    // The directions, the grid and the group headings, drawn as text (nothing here is focused or hovered).
    let mut below = Markup::default();
    below.open("g").attr("class", "chart-directions").num("font-size", small).end();
    for direction in &who.directions {
        open_text(&mut below, direction).attr("dominant-baseline", "central").end();
        below.text(&direction.text).shut("text");
    }
    open_text(&mut below, &who.amounts_in).num("font-size", small).end().text(&who.amounts_in.text).shut("text");
    below.shut("g");
    draw::money_axis(&mut below, &who.axis);
    for group in &who.groups {
        let rule = &group.rule;
        below.open("g").attr("class", "chart-group").end();
        below.open("line").num("x1", rule.x1).num("x2", rule.x2).num("y1", rule.y1).num("y2", rule.y2);
        below.attr("stroke", "currentColor").attr("stroke-opacity", "0.35").close();
        open_text(&mut below, &group.text).attr("font-weight", "700").end();
        below.text(&group.text.text).shut("text").shut("g");
    }

    let items = who.rows.iter().enumerate().map(|(i, row)| {
        let shapes = &row.shapes;
        let mut svg = Markup::default();
        open_text(&mut svg, &shapes.name).attr("class", "chart-actor-name").end();
        svg.text(&shapes.name.text).shut("text");
        open_text(&mut svg, &shapes.net).attr("class", "chart-net-label").attr("font-weight", "700").end();
        svg.text(&shapes.net.text).shut("text");
        for bar in &shapes.bars {
            let class = if bar.paid { "bar-cost" } else { "bar-savings" };
            paint(open_rect(&mut svg, &bar.rect), bar.paint(), class, prefix).close();
        }
        for value in [&shapes.left_value, &shapes.right_value] {
            open_text(&mut svg, value).attr("dominant-baseline", "central").num("font-size", small).end();
            svg.text(&value.text).shut("text");
        }
        open_rect(&mut svg, &shapes.net_marker).attr("class", "net-marker").attr("fill", "currentColor");
        svg.attr("stroke", "var(--c-halo, #ffffff)").attr("stroke-width", "1").close();
        explained_item(focus, i, "chart-row", row, svg.into_html(), shapes.explain.clone())
    });

    html! {
        <>
            { draw::legend(&who.legend, prefix) }
            { below.into_html() }
            <g class="chart-rows">{ for items }</g>
            { tooltip(focus, &who.rows) }
        </>
    }
}
