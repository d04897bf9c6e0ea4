//! Drawing the parts charts share, from their layouts, as escaped markup
//! text ([`Markup`]): legends, money axes, the years, paragraphs, and the
//! patterns that fill shapes. The app's charts hand these to Yew as raw
//! nodes (`ui::view::charts::draw`); the charts the on-demand module draws
//! whole ([`super::svg`]) write them into their `<svg>`.

pub use crate::markup::{push_px, px, Markup};

use super::layout::axis::{MoneyAxis, Orientation};
use super::layout::legend::{Legend, Swatch};
use super::layout::palette::{
    actor_pattern_id, dots_id, hatch_id, Colour, Paint, ACTOR_FALLBACKS, ACTOR_PATTERNS, LIGHT,
};
use super::layout::{Paragraph, PlacedText, Rect};

/// A paragraph: one `<text>` of this class (in this size, italic or not)
/// holding a `<tspan>` per line.
pub fn paragraph(svg: &mut Markup, p: &Paragraph, class: &str, font_size: Option<f64>, italic: bool) {
    svg.open("text").attr("class", class).num("x", p.x).num("y", p.y);
    if let Some(anchor) = p.anchor.attr() {
        svg.attr("text-anchor", anchor);
    }
    if let Some(size) = font_size {
        svg.num("font-size", size);
    }
    if italic {
        svg.attr("font-style", "italic");
    }
    svg.end();
    for (i, line) in p.lines.iter().enumerate() {
        svg.open("tspan").num("x", p.x).num("dy", if i == 0 { 0.0 } else { p.line_height }).end();
        svg.text(line).shut("tspan");
    }
    svg.shut("text");
}

/// `<text x y [text-anchor]` of a placed text (attributes may follow; then `end`).
pub fn open_text<'a>(svg: &'a mut Markup, t: &PlacedText) -> &'a mut Markup {
    svg.open("text").num("x", t.x).num("y", t.y);
    if let Some(anchor) = t.anchor.attr() {
        svg.attr("text-anchor", anchor);
    }
    svg
}

/// `<rect x y width height` (attributes may follow; then `close`).
pub fn open_rect<'a>(svg: &'a mut Markup, r: &Rect) -> &'a mut Markup {
    svg.open("rect").num("x", r.x).num("y", r.y).num("width", r.width).num("height", r.height)
}

/// A shape's paint: its class (with `class`, if any) and its `fill`.
pub fn paint<'a>(svg: &'a mut Markup, paint: Paint, class: &str, prefix: &str) -> &'a mut Markup {
    match paint.class() {
        Some(colour) if class.is_empty() => svg.attr("class", &colour),
        Some(colour) => svg.attr("class", &format!("{class} {colour}")),
        None if class.is_empty() => svg,
        None => svg.attr("class", class),
    };
    if let Some(fill) = paint.fill(prefix) {
        svg.attr("fill", &fill);
    }
    svg
}

/// The legend: a swatch and a word per entry.
pub fn legend(svg: &mut Markup, legend: &Legend, prefix: &str) {
    let sw = legend.swatch_size();
    svg.open("g").attr("class", "chart-legend").num("font-size", legend.font).end();
    for e in &legend.entries {
        let (ex, top, mid) = (e.x, e.top, legend.mid(e));
        svg.open("g").attr("class", "chart-legend-entry").end();
        match e.swatch {
            Swatch::Fill(fill) => {
                svg.open("rect");
                paint(svg, fill, "", prefix).num("x", ex).num("y", top).num("width", sw).num("height", sw);
                svg.attr("stroke", "currentColor").attr("stroke-opacity", "0.5").attr("stroke-width", "0.75").close();
            }
            Swatch::Line(colour) => {
                svg.open("line").attr("class", &colour.stroke_class());
                svg.num("x1", ex).num("x2", ex + sw).num("y1", mid).num("y2", mid).attr("stroke-width", "2.5").close();
                svg.open("circle").attr("class", &colour.fill_class());
                svg.num("cx", ex + sw / 2.0).num("cy", mid).attr("r", "3.5").close();
            }
            Swatch::Negative(colour) => negative_point(svg, colour, ex + sw / 2.0, mid, sw / 2.0, 3.0),
            Swatch::Dashed => {
                svg.open("line").num("x1", ex + sw / 2.0).num("x2", ex + sw / 2.0);
                svg.num("y1", top - 2.0).num("y2", top + sw + 2.0).attr("stroke", "currentColor");
                svg.attr("stroke-width", "1.5").attr("stroke-dasharray", "4 3").close();
            }
            Swatch::Tick => {
                open_rect(svg, &Rect { x: ex + sw / 2.0 - 1.75, y: top - 1.0, width: 3.5, height: sw + 2.0 });
                svg.attr("fill", "currentColor").close();
            }
        }
        svg.open("text").num("x", legend.text_x(e)).num("y", mid).attr("dominant-baseline", "central").end();
        svg.text(&e.text).shut("text").shut("g");
    }
    svg.shut("g");
}

/// A negative value's marker: a diamond of half-diagonal `r` centred on
/// (x, y), with a minus sign `dash` long each way.
pub fn negative_point(svg: &mut Markup, colour: Colour, x: f64, y: f64, r: f64, dash: f64) {
    svg.open("path").attr("class", &colour.fill_class()).attr("d", &diamond(x, y, r));
    svg.attr("stroke", "currentColor").attr("stroke-width", "1").close();
    svg.open("line").num("x1", x - dash).num("x2", x + dash).num("y1", y).num("y2", y);
    svg.attr("stroke", "#ffffff").attr("stroke-width", "1.5").close();
}

/// The path of a diamond centred on (cx, cy) with half-diagonal `r`.
pub fn diamond(cx: f64, cy: f64, r: f64) -> String {
    let mut d = String::with_capacity(48);
    for (k, (x, y)) in [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)].into_iter().enumerate() {
        d.push_str(if k == 0 { "M" } else { " L" });
        push_px(&mut d, x);
        d.push(',');
        push_px(&mut d, y);
    }
    d.push_str(" Z");
    d
}

/// A money axis: its grid (a faint line per tick, the zero line stronger) and labels.
pub fn money_axis(svg: &mut Markup, axis: &MoneyAxis) {
    for tick in &axis.ticks {
        let zero = tick.is_zero();
        let line = &tick.line;
        svg.open("g").attr("class", "chart-tick").end();
        svg.open("line").num("x1", line.x1).num("x2", line.x2).num("y1", line.y1).num("y2", line.y2);
        svg.attr("stroke", "currentColor").attr("stroke-opacity", if zero { "0.7" } else { "0.15" });
        svg.attr("stroke-width", if zero { "1.5" } else { "1" }).close();
        open_text(svg, &tick.label);
        if axis.orientation == Orientation::Vertical {
            svg.attr("dominant-baseline", "central");
        }
        svg.num("font-size", axis.font).end().text(&tick.label.text).shut("text").shut("g");
    }
}

/// The years under a plot.
pub fn year_labels(svg: &mut Markup, years: &[PlacedText], font: f64) {
    svg.open("g").attr("class", "chart-x-axis").end();
    for year in years {
        open_text(svg, year).num("font-size", font).end().text(&year.text).shut("text");
    }
    svg.shut("g");
}

/// The shapes drawn over an actor's colour: 16 distinct patterns
/// (solid, diagonals, dots, lines, crosses), so that even the 9th actor,
/// who shares a colour with the 1st, has its own.
fn overlay(svg: &mut Markup, kind: usize, ink: &str) {
    let line = |svg: &mut Markup, d: &str| {
        svg.open("path").attr("d", d).attr("stroke", ink).attr("stroke-width", "1.6").attr("fill", "none").close();
    };
    match kind % 8 {
        0 => {}
        1 => line(svg, "M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4"),
        2 => {
            for c in ["2", "6"] {
                svg.open("circle").attr("cx", c).attr("cy", c).attr("r", "1.5").attr("fill", ink).close();
            }
        }
        3 => line(svg, "M0,2 h8 M0,6 h8"),
        4 => line(svg, "M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4"),
        5 => line(svg, "M2,0 v8 M6,0 v8"),
        6 => line(svg, "M0,0 l8,8 M8,0 l-8,8"),
        _ => line(svg, "M0,4 h8 M4,0 v8"),
    }
}

/// Pattern definitions for a chart: the cost hatching, the repayment dots,
/// and one pattern per actor (`n_actors`, at most 16 distinct).
pub fn patterns(svg: &mut Markup, prefix: &str, n_actors: usize) {
    let pay = Colour::Pay.fill_class();
    svg.open("defs").end();
    svg.open("pattern").attr("id", &hatch_id(prefix)).attr("patternUnits", "userSpaceOnUse");
    svg.attr("width", "7").attr("height", "7").attr("patternTransform", "rotate(45)").end();
    svg.open("rect").attr("class", &pay).attr("width", "7").attr("height", "7").attr("fill-opacity", "0.28").close();
    svg.open("rect").attr("class", &pay).attr("width", "3").attr("height", "7").close();
    svg.shut("pattern");
    svg.open("pattern").attr("id", &dots_id(prefix)).attr("patternUnits", "userSpaceOnUse");
    svg.attr("width", "6").attr("height", "6").end();
    svg.open("rect").attr("class", &Colour::Gain.fill_class()).attr("width", "6").attr("height", "6").close();
    svg.open("circle").attr("cx", "3").attr("cy", "3").attr("r", "1.4").attr("fill", "rgba(255,255,255,0.8)").close();
    svg.shut("pattern");
    for i in 0..n_actors.min(ACTOR_PATTERNS) {
        let k = i % ACTOR_FALLBACKS.len();
        let ink = if LIGHT[k] { "rgba(0,0,0,0.55)" } else { "rgba(255,255,255,0.75)" };
        // The second round of 8 uses the remaining patterns, shifted by 4.
        let kind = if i < 8 { i } else { i + 4 };
        svg.open("pattern").attr("id", &actor_pattern_id(prefix, i)).attr("patternUnits", "userSpaceOnUse");
        svg.attr("width", "8").attr("height", "8").end();
        svg.open("rect").attr("class", &Colour::Actor(i).fill_class()).attr("width", "8").attr("height", "8").close();
        overlay(svg, kind, ink);
        svg.shut("pattern");
    }
    svg.shut("defs");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn px_writes_one_decimal_without_float_formatting() {
        // 12.34 → 123.4 tenths → 123 → "12.3"; −12.36 → −123.6 → −124 → "-12.4";
        // −0.25 → −2.5 tenths, rounded away from zero → −3 → "-0.3"; whole numbers lose ".0".
        assert_eq!(px(12.34), "12.3");
        assert_eq!(px(-12.36), "-12.4");
        assert_eq!(px(-0.25), "-0.3");
        assert_eq!(px(3.0), "3");
        assert_eq!(px(-3.0), "-3");
        assert_eq!(px(f64::NAN), "0");
        assert_eq!(px(f64::INFINITY), "0");
        // 0.04 → 0.4 tenths → 0 → "0" (no "-0" for a tiny negative either: −0.04 → "0").
        assert_eq!(px(0.04), "0");
        assert_eq!(px(-0.04), "0");
        // 1 234 567.89 → 12 345 678.9 tenths → 12 345 679 → "1234567.9".
        assert_eq!(px(1_234_567.89), "1234567.9");
        // Appended, not replaced.
        let mut path = String::from("M");
        push_px(&mut path, 10.0);
        path.push(' ');
        push_px(&mut path, -0.5);
        assert_eq!(path, "M10 -0.5");
    }

    #[test]
    fn a_diamond_goes_round_its_centre() {
        assert_eq!(diamond(10.0, 20.0, 2.5), "M10,17.5 L12.5,20 L10,22.5 L7.5,20 Z");
    }

    #[test]
    fn a_paragraph_is_a_text_of_tspans() {
        let p = Paragraph {
            x: 8.0,
            y: 30.0,
            line_height: 18.9,
            anchor: super::super::layout::Anchor::Start,
            lines: vec!["Flöden <&>".into(), "två".into()],
        };
        let mut svg = Markup::default();
        paragraph(&mut svg, &p, "chart-caption", Some(13.0), true);
        assert_eq!(
            svg.as_str(),
            "<text class=\"chart-caption\" x=\"8\" y=\"30\" font-size=\"13\" font-style=\"italic\"><tspan x=\"8\" dy=\"0\">Flöden &lt;&amp;&gt;</tspan><tspan x=\"8\" dy=\"18.9\">två</tspan></text>"
        );
    }
}
