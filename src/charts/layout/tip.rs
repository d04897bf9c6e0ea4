//! Tooltips laid out: the box and its lines for an item, placed beside or
//! above what it belongs to and always inside the chart.

use super::text::{ellipsize, text_width, wrap, CHAR_WIDTH};
use super::Rect;

/// A tooltip's content and the point it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct Tip {
    /// The point it points at.
    pub x: f64,
    pub y: f64,
    /// First line bold (the year or the actor), then one line per value.
    pub lines: Vec<String>,
    /// Half the width of the item: when positive, the box goes beside the item
    /// (right, else left), its top level with `y`, so that it hides no part of it.
    pub dodge: f64,
}

/// A tooltip in its place: the box, and each line's baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct TipBox {
    pub rect: Rect,
    pub font: f64,
    pub lines: Vec<TipLine>,
}

/// A line of a tooltip: where it starts, its text, and whether it is the bold heading.
#[derive(Debug, Clone, PartialEq)]
pub struct TipLine {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub bold: bool,
}

impl Tip {
    /// The box for this tip at `font` in a chart of `size` (width, height);
    /// nothing when there is nothing to say. A line too long for the chart
    /// (a long name on a phone) is wrapped, and cut if a word alone is too long.
    pub fn place(mut self, font: f64, chart: (f64, f64)) -> Option<TipBox> {
        if self.lines.is_empty() {
            return None;
        }
        // The box's padding (8 each side) and the 2 it keeps from the chart's edges.
        let max_chars = ((chart.0 - 20.0) / (font * CHAR_WIDTH)).max(8.0) as usize;
        // The first line is the bold heading, wrapped or not.
        let mut heading = 1;
        if self.lines.iter().any(|l| l.chars().count() > max_chars) {
            let mut lines = Vec::with_capacity(self.lines.len() + 2);
            for (n, line) in self.lines.into_iter().enumerate() {
                let mut parts = if line.chars().count() > max_chars { wrap(&line, max_chars) } else { vec![line] };
                if parts.is_empty() {
                    // A line of spaces only: still a line.
                    parts.push(String::new());
                }
                if n == 0 {
                    heading = parts.len();
                }
                lines.extend(parts.iter().map(|part| ellipsize(part, max_chars)));
            }
            self.lines = lines;
        }
        let size = tip_size(&self.lines, font);
        let (x, y) = tip_origin(&self, size, chart);
        let lines = self
            .lines
            .into_iter()
            .enumerate()
            .map(|(n, text)| TipLine {
                x: x + 8.0,
                y: y + 5.0 + font * (1.3 * n as f64 + 1.0),
                text,
                bold: n < heading,
            })
            .collect();
        Some(TipBox { rect: Rect { x, y, width: size.0, height: size.1 }, font, lines })
    }
}

/// Size of a tooltip box for `lines` at `font`: (width, height).
pub fn tip_size(lines: &[String], font: f64) -> (f64, f64) {
    let w = lines.iter().map(|l| text_width(l, font)).fold(0.0, f64::max) + 16.0;
    let h = lines.len() as f64 * font * 1.3 + 10.0;
    (w, h)
}

/// Where a tooltip box goes: beside the item when it has a width to dodge,
/// else above the point if it fits, else below; always inside the chart.
pub fn tip_origin(tip: &Tip, size: (f64, f64), chart: (f64, f64)) -> (f64, f64) {
    let (w, h) = size;
    if tip.dodge > 0.0 {
        let y = tip.y.min(chart.1 - h - 2.0).max(2.0);
        let right = tip.x + tip.dodge + 6.0;
        let left = tip.x - tip.dodge - 6.0 - w;
        if right + w <= chart.0 - 2.0 {
            return (right, y);
        }
        if left >= 2.0 {
            return (left, y);
        }
    }
    let x = (tip.x - w / 2.0).min(chart.0 - w - 2.0).max(2.0);
    let above = tip.y - h - 10.0;
    let y = if above >= 2.0 { above } else { (tip.y + 10.0).min(chart.1 - h - 2.0).max(2.0) };
    (x, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tooltips_stay_inside_the_chart() {
        let lines = vec!["2031".to_string(), "Saldo: −1 000 tkr".to_string()];
        // Two lines at 13: height 2 × 13 × 1.3 + 10 = 43.8.
        let size = tip_size(&lines, 13.0);
        assert!((size.1 - 43.8).abs() < 1e-9);
        // Near the top: no room above (20 − 43.8 − 10 < 2), so below at 20 + 10 = 30.
        let (_, y) = tip_origin(&Tip { x: 10.0, y: 20.0, lines: lines.clone(), dodge: 0.0 }, size, (400.0, 300.0));
        assert_eq!(y, 30.0);
        // Near the right edge: pushed left so that x + w ≤ 400 − 2.
        let (x, _) = tip_origin(&Tip { x: 399.0, y: 200.0, lines: lines.clone(), dodge: 0.0 }, size, (400.0, 300.0));
        assert!((x + size.0 - 398.0).abs() < 1e-9);
        // Beside a bar 20 wide at x = 100: right of it, at 100 + 10 + 6 = 116, top level with y.
        let (x, y) = tip_origin(&Tip { x: 100.0, y: 50.0, lines: lines.clone(), dodge: 10.0 }, size, (400.0, 300.0));
        assert_eq!((x, y), (116.0, 50.0));
        // A bar at the right edge: the box goes to its left, ending at 390 − 10 − 6 = 374.
        let (x, _) = tip_origin(&Tip { x: 390.0, y: 50.0, lines, dodge: 10.0 }, size, (400.0, 300.0));
        assert!((x + size.0 - 374.0).abs() < 1e-9);
    }

    #[test]
    fn a_placed_tip_has_its_lines_inside_its_box() {
        // "ab" and "abcd" at 10: widest 4 × 10 × 0.58 = 23.2, box 39.2 × (2 × 13 + 10 = 36).
        // Beside a point at (100, 50) dodging 5: at x 100 + 5 + 6 = 111, y 50.
        // Baselines 50 + 5 + 10 × 1 = 65 and 50 + 5 + 10 × 2.3 = 78; text 8 in, at 119.
        let tip = Tip { x: 100.0, y: 50.0, lines: vec!["ab".into(), "abcd".into()], dodge: 5.0 };
        let placed = tip.place(10.0, (400.0, 300.0)).unwrap();
        assert_eq!((placed.rect.x, placed.rect.y), (111.0, 50.0));
        assert!((placed.rect.width - 39.2).abs() < 1e-9 && (placed.rect.height - 36.0).abs() < 1e-9);
        assert_eq!(placed.lines.iter().map(|l| (l.x, l.bold)).collect::<Vec<_>>(), vec![(119.0, true), (119.0, false)]);
        assert!((placed.lines[0].y - 65.0).abs() < 1e-9 && (placed.lines[1].y - 78.0).abs() < 1e-9);
        // Nothing to say, no box.
        assert_eq!(Tip { x: 0.0, y: 0.0, lines: vec![], dodge: 0.0 }.place(10.0, (400.0, 300.0)), None);
    }

    #[test]
    fn a_line_too_long_for_the_chart_is_wrapped() {
        // A chart 100 wide at font 10 holds (100 − 20) / (10 × 0.58) = 13.8 → 13 characters a line.
        // The heading "Hälso- och sjukvårdsnämnden" (27) wraps to "Hälso- och" and
        // "sjukvårdsnämnden" (16), cut to "sjukvårdsnäm…" (12 and the ellipsis); both stay bold.
        let tip =
            Tip { x: 50.0, y: 80.0, lines: vec!["Hälso- och sjukvårdsnämnden".into(), "+5 tkr".into()], dodge: 0.0 };
        let placed = tip.place(10.0, (100.0, 200.0)).unwrap();
        let lines: Vec<(&str, bool)> = placed.lines.iter().map(|l| (l.text.as_str(), l.bold)).collect();
        assert_eq!(lines, vec![("Hälso- och", true), ("sjukvårdsnäm…", true), ("+5 tkr", false)]);
        // 13 × 10 × 0.58 + 16 = 91.4 wide: inside the chart, 2 from each edge at the most.
        assert!(placed.rect.x >= 2.0 && placed.rect.right() <= 98.0, "{:?}", placed.rect);
    }
}
