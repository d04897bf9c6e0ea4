//! Legends: a swatch (the same fill, pattern or marker as in the chart) and a
//! word for each series, flowing onto as many lines as the width needs.

use yew::prelude::*;

use super::axis::{px, text_width};
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
    let items = entries.iter().zip(places).map(|(e, (ex, line))| {
        let top = y + line as f64 * line_h + (line_h - sw) / 2.0;
        let mid = top + sw / 2.0;
        let swatch = match &e.swatch {
            Swatch::Fill(paint) => html! {
                <rect class={paint.class()} x={px(ex)} y={px(top)} width={px(sw)} height={px(sw)} fill={paint.fill()}
                      stroke="currentColor" stroke-opacity="0.5" stroke-width="0.75" />
            },
            Swatch::Line(colour) => html! {
                <>
                    <line class={stroke(colour)} x1={px(ex)} x2={px(ex + sw)} y1={px(mid)} y2={px(mid)} stroke-width="2.5" />
                    <circle class={fill_class(colour)} cx={px(ex + sw / 2.0)} cy={px(mid)} r="3.5" />
                </>
            },
            Swatch::Negative(colour) => html! {
                <>
                    <path class={fill_class(colour)} d={diamond(ex + sw / 2.0, mid, sw / 2.0)} stroke="currentColor" stroke-width="1" />
                    <line x1={px(ex + sw / 2.0 - 3.0)} x2={px(ex + sw / 2.0 + 3.0)} y1={px(mid)} y2={px(mid)} stroke="#ffffff" stroke-width="1.5" />
                </>
            },
            Swatch::Dashed => html! {
                <line x1={px(ex + sw / 2.0)} x2={px(ex + sw / 2.0)} y1={px(top - 2.0)} y2={px(top + sw + 2.0)}
                      stroke="currentColor" stroke-width="1.5" stroke-dasharray="4 3" />
            },
            Swatch::Tick => html! {
                <rect x={px(ex + sw / 2.0 - 1.75)} y={px(top - 1.0)} width="3.5" height={px(sw + 2.0)} fill="currentColor" />
            },
        };
        html! {
            <g class="chart-legend-entry">
                { swatch }
                <text x={px(ex + sw + 6.0)} y={px(mid)} dominant-baseline="central">{ e.text.clone() }</text>
            </g>
        }
    });
    let height = lines as f64 * line_h;
    (html! { <g class="chart-legend" font-size={px(font)}>{ for items }</g> }, height)
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
