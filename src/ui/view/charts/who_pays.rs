//! The who-pays chart drawn from its layout ([`layout::who_pays`]): each
//! actor's row (name, net, bars, amounts, net marker) as a focusable item,
//! under the legend, the directions and the amount axis.

use yew::prelude::*;

use super::draw::{self, open_text, px, Markup};
use super::frame::Frame;
use super::layout::who_pays::WhoPaysLayout;
use super::layout::Chart;
use super::tooltip::{item, tooltip, Focus};

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

    // The items' shapes are elements (not markup text): an edit then changes
    // their attributes instead of replacing them.
    let items = who.rows.iter().enumerate().map(|(i, row)| {
        let s = &row.shapes;
        let bars = s.bars.iter().map(|bar| {
            let (fill, r) = (bar.paint(), &bar.rect);
            let class = if bar.paid { "bar-cost" } else { "bar-savings" };
            html! {
                <rect class={classes!(class, fill.class())} x={px(r.x)} y={px(r.y)} width={px(r.width)}
                      height={px(r.height)} fill={fill.fill(prefix)} />
            }
        });
        let (left, right, marker) = (&s.left_value, &s.right_value, &s.net_marker);
        let shapes = html! {
            <>
                <text class="chart-actor-name" x={px(s.name.x)} y={px(s.name.y)}>{ s.name.text.clone() }</text>
                <text class="chart-net-label" x={px(s.net.x)} y={px(s.net.y)} text-anchor="end" font-weight="700">{ s.net.text.clone() }</text>
                { for bars }
                <text x={px(left.x)} y={px(left.y)} text-anchor="end" dominant-baseline="central" font-size={px(small)}>{ left.text.clone() }</text>
                <text x={px(right.x)} y={px(right.y)} dominant-baseline="central" font-size={px(small)}>{ right.text.clone() }</text>
                <rect class="net-marker" x={px(marker.x)} y={px(marker.y)} width={px(marker.width)} height={px(marker.height)}
                      fill="currentColor" stroke="var(--c-halo, #ffffff)" stroke-width="1" />
            </>
        };
        item(focus, i, "chart-row", row, shapes)
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
