//! The flow chart drawn whole from its layout ([`layout::flow`]): the links
//! as curved bands (each shape's title is the browser's own tooltip), each
//! node with its name and amount as a focusable item, and the caption. Each
//! link says which items it belongs to (`data-items`: its payer's and its
//! gainer's), so that `wireChart` brings the focused node's links forward.

use super::draw::{self, open_rect, open_text, push_px, Markup};
use super::layout::flow::{Band, FlowLayout};
use super::layout::palette::{Colour, Paint};
use super::layout::{Canvas, ChartInput};
use super::svg;

pub use super::layout::flow::MERGE_LINKS_ABOVE;

/// The flow chart's `<svg>`, laid out on `canvas`, its ids starting `prefix`.
pub fn svg(input: &ChartInput, canvas: &Canvas, prefix: &str) -> String {
    let chart = super::layout::flow::layout(input, canvas);
    svg::chart("flow", prefix, canvas, &chart, |svg, flow| body(svg, flow, prefix))
}

/// [`svg`] and, under it, the line that says what the flow's "paid in
/// total" is made of (`layout::flow::total_line`; `data-testid="chart-flow-sum"`).
pub fn svg_with_total(input: &ChartInput, canvas: &Canvas, prefix: &str) -> String {
    let mut out = svg(input, canvas, prefix);
    let mut line = Markup::default();
    line.open("p").attr("class", "chart-sum").attr("data-testid", "chart-flow-sum").end();
    line.text(&super::layout::flow::total_line(input)).shut("p");
    out.push_str(line.as_str());
    out
}

/// The path of a band: from (x0, a0..b0) to (x1, a1..b1), curved.
pub fn band_path(d: &mut String, band: &Band) {
    let Band { from_x: x0, from_top: a0, from_bottom: b0, to_x: x1, to_top: a1, to_bottom: b1 } = *band;
    let xm = (x0 + x1) / 2.0;
    // M x0,a0 C xm,a0 xm,a1 x1,a1 L x1,b1 C xm,b1 xm,b0 x0,b0 Z
    let points = [(x0, a0), (xm, a0), (xm, a1), (x1, a1), (x1, b1), (xm, b1), (xm, b0), (x0, b0)];
    for (k, (x, y)) in points.into_iter().enumerate() {
        d.push_str(match k {
            0 => "M",
            1 | 5 => " C",
            4 => " L",
            _ => " ",
        });
        push_px(d, x);
        d.push(',');
        push_px(d, y);
    }
    d.push_str(" Z");
}

fn body(svg: &mut Markup, flow: &FlowLayout, prefix: &str) {
    let small = flow.small;
    for head in &flow.heads {
        open_text(svg, head).attr("class", "chart-column-head").attr("font-weight", "700").end();
        svg.text(&head.text).shut("text");
    }
    svg.open("g").attr("class", "flow-links").end();
    let mut d = String::new();
    for link in &flow.links {
        d.clear();
        for (k, band) in link.bands.iter().enumerate() {
            if k > 0 {
                d.push(' ');
            }
            band_path(&mut d, band);
        }
        // The items whose focus brings this link forward: its payer, and its gainer (after the payers).
        let items = match link.gainer {
            Some(g) => format!("{} {}", link.payer, flow.payers + g),
            None => link.payer.to_string(),
        };
        let colour = Colour::Actor(link.colour).fill_class();
        match &link.actor {
            Some(actor) => {
                svg.open("path").attr("class", &format!("flow-link flow-links-of {colour}")).attr("data-actor", actor)
            }
            None => svg.open("path").attr("class", &format!("flow-link {colour}")),
        };
        svg.attr("data-items", &items).attr("d", &d).attr("fill-opacity", "0.35").end();
        svg.open("title").end().text(&link.title).shut("title").shut("path");
    }
    svg.shut("g");

    for (i, node) in flow.nodes.iter().enumerate() {
        let shapes = &node.shapes;
        if let Some(header) = &shapes.header {
            open_text(svg, header).attr("class", "chart-group").num("font-size", small);
            svg.attr("font-weight", "700").attr("font-style", "italic").end().text(&header.text).shut("text");
        }
        let class = if shapes.payer { "flow-payer" } else { "flow-gainer" };
        // A node explains its figure when its amount is one figure (see `layout::flow`).
        svg::item(svg, i, class, node, shapes.explain.as_deref(), |svg| {
            open_rect(svg, &shapes.bar).attr("class", "flow-node");
            if let Some(fill) = Paint::ActorPattern(shapes.colour).fill(prefix) {
                svg.attr("fill", &fill);
            }
            svg.attr("stroke", "currentColor").attr("stroke-width", "0.75").close();
            for line in &shapes.name {
                open_text(svg, line).num("font-size", flow.name_font).end().text(&line.text).shut("text");
            }
            open_text(svg, &shapes.amount).num("font-size", flow.amount_font).attr("font-weight", "700").end();
            svg.text(&shapes.amount.text).shut("text");
        });
    }
    draw::paragraph(svg, &flow.caption, "chart-caption", Some(small), true);
    svg::tooltips(svg, &flow.nodes);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_band_is_two_curves_joined_at_the_ends() {
        // From x 10 (y 0..5) to x 110 (y 40..42.25): the middle x is 60; the
        // top curve runs 10,0 → 110,40, the bottom one back 110,42.3 → 10,5.
        let band = Band { from_x: 10.0, from_top: 0.0, from_bottom: 5.0, to_x: 110.0, to_top: 40.0, to_bottom: 42.25 };
        let mut d = String::new();
        band_path(&mut d, &band);
        assert_eq!(d, "M10,0 C60,0 60,40 110,40 L110,42.3 C60,42.3 60,5 10,5 Z");
    }
}
