//! Legends: a swatch (the same fill, pattern or marker as in the chart) and a
//! word for each series, flowing onto as many lines as the width needs.

use super::palette::{Colour, Paint};
use super::text::text_width;

/// What a legend entry shows before its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Swatch {
    /// A square filled with this paint (a colour or a pattern).
    Fill(Paint),
    /// A line with a round point, in this colour.
    Line(Colour),
    /// A diamond with a minus sign, in this colour: a negative balance.
    Negative(Colour),
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

/// An entry in its place: its swatch's left edge and top.
#[derive(Debug, Clone, PartialEq)]
pub struct PlacedEntry {
    pub swatch: Swatch,
    pub text: String,
    pub x: f64,
    pub top: f64,
}

/// A legend laid out: its entries, the font and swatch size, and its height.
#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    pub entries: Vec<PlacedEntry>,
    pub font: f64,
    pub height: f64,
}

impl Legend {
    /// The legend from `x` to `x_max`, its first line's top at `y`, in `font`.
    pub fn place(entries: Vec<Entry>, x: f64, x_max: f64, y: f64, font: f64) -> Legend {
        let sw = font;
        let line_h = font * 1.6;
        let widths: Vec<f64> = entries.iter().map(|e| sw + 6.0 + text_width(&e.text, font)).collect();
        let (places, lines) = flow(&widths, x, x_max, font * 1.2);
        let entries = entries
            .into_iter()
            .zip(places)
            .map(|(e, (ex, line))| PlacedEntry {
                swatch: e.swatch,
                text: e.text,
                x: ex,
                top: y + line as f64 * line_h + (line_h - sw) / 2.0,
            })
            .collect();
        Legend { entries, font, height: lines as f64 * line_h }
    }

    /// Side of a swatch (the font size).
    pub fn swatch_size(&self) -> f64 {
        self.font
    }

    /// The vertical middle of an entry's line.
    pub fn mid(&self, entry: &PlacedEntry) -> f64 {
        entry.top + self.font / 2.0
    }

    /// Where an entry's text starts.
    pub fn text_x(&self, entry: &PlacedEntry) -> f64 {
        entry.x + self.font + 6.0
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

    #[test]
    fn a_legend_places_its_entries_line_by_line() {
        // Font 10: swatch 10, line height 16, gap 12. "abcd" is 4 × 10 × 0.58 = 23.2
        // wide, so an entry is 10 + 6 + 23.2 = 39.2. From 0 to 100: the first at 0, the
        // second at 39.2 + 12 = 51.2 (ends at 90.4), the third would end at 141.6 and
        // wraps to line 1. Tops: 5 + (16 − 10) / 2 = 8 and 5 + 16 + 3 = 24.
        let entries = (0..3).map(|_| Entry::new(Swatch::Tick, "abcd")).collect();
        let legend = Legend::place(entries, 0.0, 100.0, 5.0, 10.0);
        let places: Vec<(f64, f64)> = legend.entries.iter().map(|e| (e.x, e.top)).collect();
        assert_eq!(places, vec![(0.0, 8.0), (51.2, 8.0), (0.0, 24.0)]);
        assert_eq!(legend.height, 32.0);
        assert_eq!(legend.mid(&legend.entries[0]), 13.0);
        assert_eq!(legend.text_x(&legend.entries[1]), 67.2);
    }
}
