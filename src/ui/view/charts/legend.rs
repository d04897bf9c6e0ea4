//! Legends: a swatch (the same fill, pattern or marker as in the chart) and a
//! word for each series, flowing onto as many lines as the width needs.

use yew::prelude::*;

use super::axis::{px, text_width, Markup};
use super::palette::{fill_class, stroke, Paint};

/// What a legend entry shows before its text.
#[derive(Debug, Clone, PartialEq)]
pub enum Swatch {
    /// A square filled with this paint (a colour or a pattern).
    Fill(Paint),
    /// A line with a round point, in this palette colour.
    Line(String),
    /// A diamond with a minus sign, in this palette colour: a negative balance.
    Negative(String),
    /// A dashed vertical line.
    Dashed,
    /// A short, thick vertical bar: a net marker.
    Tick,
}

/// One legend entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub swatch: Swatch,
    pub text: String,
}

impl Entry {
    pub fn new(swatch: Swatch, text: impl Into<String>) -> Entry {
        Entry { swatch, text: text.into() }
    }
}

/// The position of each entry when entries flow left to right from `x`,
/// wrapping before `x_max`: (x, line) per entry, and the number of lines.
pub fn flow(widths: &[f64], x: f64, x_max: f64, gap: f64) -> (Vec<(f64, usize)>, usize) {
    let mut out = Vec::with_capacity(widths.len());
    let mut cx = x;
    let mut line = 0;
    for &w in widths {
        if cx > x && cx + w > x_max {
            line += 1;
            cx = x;
        }
        out.push((cx, line));
        cx += w + gap;
    }
    let lines = if widths.is_empty() { 0 } else { line + 1 };
    (out, lines)
}

/// A legend from `x` to `x_max`, its first line's top at `y`, and its height.
pub fn legend(entries: &[Entry], x: f64, x_max: f64, y: f64, font: f64) -> (Html, f64) {
    let sw = font;
    let line_h = font * 1.6;
    let widths: Vec<f64> = entries.iter().map(|e| sw + 6.0 + text_width(&e.text, font)).collect();
    let (places, lines) = flow(&widths, x, x_max, font * 1.2);
    let mut svg = Markup::default();
    svg.open("g").attr("class", "chart-legend").num("font-size", font).end();
    for (e, (ex, line)) in entries.iter().zip(places) {
        let top = y + line as f64 * line_h + (line_h - sw) / 2.0;
        let mid = top + sw / 2.0;
        svg.open("g").attr("class", "chart-legend-entry").end();
        match &e.swatch {
            Swatch::Fill(paint) => {
                svg.open("rect");
                if let Some(class) = paint.class() {
                    svg.attr("class", &class);
                }
                svg.num("x", ex).num("y", top).num("width", sw).num("height", sw);
                if let Some(fill) = paint.fill() {
                    svg.attr("fill", &fill);
                }
                svg.attr("stroke", "currentColor").attr("stroke-opacity", "0.5").attr("stroke-width", "0.75").close();
            }
            Swatch::Line(colour) => {
                svg.open("line")
                    .attr("class", &stroke(colour))
                    .num("x1", ex)
                    .num("x2", ex + sw)
                    .num("y1", mid)
                    .num("y2", mid);
                svg.attr("stroke-width", "2.5").close();
                svg.open("circle")
                    .attr("class", &fill_class(colour))
                    .num("cx", ex + sw / 2.0)
                    .num("cy", mid)
                    .attr("r", "3.5");
                svg.close();
            }
            Swatch::Negative(colour) => {
                svg.open("path").attr("class", &fill_class(colour)).attr("d", &diamond(ex + sw / 2.0, mid, sw / 2.0));
                svg.attr("stroke", "currentColor").attr("stroke-width", "1").close();
                svg.open("line")
                    .num("x1", ex + sw / 2.0 - 3.0)
                    .num("x2", ex + sw / 2.0 + 3.0)
                    .num("y1", mid)
                    .num("y2", mid);
                svg.attr("stroke", "#ffffff").attr("stroke-width", "1.5").close();
            }
            Swatch::Dashed => {
                svg.open("line")
                    .num("x1", ex + sw / 2.0)
                    .num("x2", ex + sw / 2.0)
                    .num("y1", top - 2.0)
                    .num("y2", top + sw + 2.0);
                svg.attr("stroke", "currentColor").attr("stroke-width", "1.5").attr("stroke-dasharray", "4 3").close();
            }
            Swatch::Tick => {
                svg.open("rect")
                    .num("x", ex + sw / 2.0 - 1.75)
                    .num("y", top - 1.0)
                    .attr("width", "3.5")
                    .num("height", sw + 2.0);
                svg.attr("fill", "currentColor").close();
            }
        }
        svg.open("text").num("x", ex + sw + 6.0).num("y", mid).attr("dominant-baseline", "central").end();
        svg.text(&e.text).shut("text").shut("g");
    }
    svg.shut("g");
    let height = lines as f64 * line_h;
    (svg.into_html(), height)
}

/// The path of a diamond centred on (cx, cy) with half-diagonal `r`.
pub fn diamond(cx: f64, cy: f64, r: f64) -> String {
    format!(
        "M{},{} L{},{} L{},{} L{},{} Z",
        px(cx),
        px(cy - r),
        px(cx + r),
        px(cy),
        px(cx),
        px(cy + r),
        px(cx - r),
        px(cy)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_wrap_when_the_line_is_full() {
        // From 0 to 100 with gap 10: 40 at 0, 40 at 50 (ends at 90), the third
        // would end at 140 > 100 and starts line 1 at 0.
        let (places, lines) = flow(&[40.0, 40.0, 40.0], 0.0, 100.0, 10.0);
        assert_eq!(places, vec![(0.0, 0), (50.0, 0), (0.0, 1)]);
        assert_eq!(lines, 2);
        // An entry wider than the line still gets a line of its own.
        let (places, lines) = flow(&[500.0], 0.0, 100.0, 10.0);
        assert_eq!(places, vec![(0.0, 0)]);
        assert_eq!(lines, 1);
        assert_eq!(flow(&[], 0.0, 100.0, 10.0).1, 0);
    }
}
