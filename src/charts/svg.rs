//! A chart drawn whole as markup text: its `<svg>` frame (the same
//! attributes as the app's, `ui::view::charts::frame`), its focusable items
//! and its tooltips, each hidden until `wireChart` (`www/on-demand.js`)
//! shows the one of the item focused or hovered.

use super::draw::{self, Markup};
use super::layout::tip::TipBox;
use super::layout::{Canvas, Chart, Contents, Item};

/// A chart whose height is more than this many times its width is "tall"
/// (shown at full size; the page scrolls).
pub const TALL_RATIO: f64 = 1.25;

/// The chart's `<svg>` of `kind` (`data-chart`), its ids starting `prefix`,
/// laid out on `canvas`: the patterns and the body drawn by `body`, or the
/// chart's note when there is nothing to draw.
pub fn chart<B>(
    kind: &str,
    prefix: &str,
    canvas: &Canvas,
    chart: &Chart<B>,
    body: impl FnOnce(&mut Markup, &B),
) -> String {
    let mut svg = Markup::default();
    let height = if chart.height.is_finite() { chart.height.max(40.0) } else { 40.0 };
    let width = canvas.width();
    let mut class = String::from("chart");
    if canvas.compact() {
        class.push_str(" chart-compact");
    }
    if height > TALL_RATIO * width {
        class.push_str(" chart-tall");
    }
    let (title_id, desc_id) = (format!("{prefix}-title"), format!("{prefix}-desc"));
    let view_box = format!("0 0 {} {}", draw::px(width), draw::px(height));
    svg.open("svg").attr("class", &class).attr("data-chart", kind);
    svg.attr("role", "img").attr("aria-labelledby", &title_id).attr("aria-describedby", &desc_id);
    svg.attr("viewBox", &view_box).attr("width", "100%").attr("preserveAspectRatio", "xMidYMid meet");
    svg.num("font-size", canvas.font()).attr("fill", "currentColor").end();
    svg.open("title").attr("id", &title_id).end().text(chart.title).shut("title");
    svg.open("desc").attr("id", &desc_id).end().text(&chart.desc).shut("desc");
    match &chart.contents {
        Contents::Note(note) => draw::paragraph(&mut svg, note, "chart-empty", None, false),
        Contents::Drawn(b) => {
            draw::patterns(&mut svg, prefix, chart.actor_patterns);
            body(&mut svg, b);
        }
    }
    svg.shut("svg");
    svg.into_string()
}

/// Item `i` of a chart: a focusable group (`data-item`) with its label, what
/// identifies it to tests and to the page, and the area that catches the
/// pointer (marked while focused, by the stylesheet), around its `shapes`;
/// with `explain`, the key of the figure "How is this calculated?" explains
/// for it (`data-explain`, opened by `components::explain`).
pub fn item<S>(
    svg: &mut Markup,
    i: usize,
    class: &str,
    item: &Item<S>,
    explain: Option<&str>,
    shapes: impl FnOnce(&mut Markup),
) {
    svg.open("g").attr("class", &format!("{class} chart-item")).attr("tabindex", "0");
    svg.attr("role", "graphics-symbol").attr("aria-label", &item.label).attr("data-item", &i.to_string());
    if let Some(year) = item.year {
        svg.attr("data-year", &year.to_string());
    }
    if let Some(actor) = &item.actor {
        svg.attr("data-actor", actor);
    }
    if item.negative {
        svg.attr("data-negative", "true");
    }
    if let Some(key) = explain {
        svg.attr("data-explain", key);
    }
    svg.end().open("title").end().text(&item.label).shut("title");
    draw::open_rect(svg, &item.hit).attr("class", "chart-hit").attr("fill", "currentColor");
    svg.attr("fill-opacity", "0").attr("stroke", "none").attr("stroke-dasharray", "3 2").close();
    shapes(svg);
    svg.shut("g");
}

/// Every item's tooltip, hidden (`display="none"`), after everything else so
/// that the one shown lies on top; hidden from assistive technology too: the
/// focused item's `aria-label` says the same.
pub fn tooltips<S>(svg: &mut Markup, items: &[Item<S>]) {
    for (i, tip) in items.iter().enumerate().filter_map(|(i, item)| Some((i, item.tip.as_ref()?))) {
        tip_box(svg, i, tip);
    }
}

fn tip_box(svg: &mut Markup, i: usize, tip: &TipBox) {
    svg.open("g").attr("class", "chart-tooltip").attr("data-tip", &i.to_string()).attr("display", "none");
    svg.attr("aria-hidden", "true").attr("pointer-events", "none").num("font-size", tip.font).end();
    draw::open_rect(svg, &tip.rect)
        .attr("class", "chart-tooltip-box")
        .attr("rx", "4")
        .attr("stroke-width", "1")
        .close();
    for line in &tip.lines {
        svg.open("text").attr("class", "chart-tooltip-text").num("x", line.x).num("y", line.y);
        svg.attr("font-weight", if line.bold { "700" } else { "400" }).end().text(&line.text).shut("text");
    }
    svg.shut("g");
}
