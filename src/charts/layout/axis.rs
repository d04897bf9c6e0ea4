//! Axes laid out: a money axis (a grid line and a label per tick, the zero
//! line stronger) running up or across a chart, and the years under a band
//! per year, thinned so that no two labels touch.

use rust_decimal::Decimal;

use super::scale::{label_every, Bands, Scale, Ticks};
use super::text::text_width;
use super::{Anchor, Line, PlacedText};

/// Which way amounts run on a money axis.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Orientation {
    /// Up the chart: horizontal grid lines, labels left of the plot, centred on their line.
    Vertical,
    /// Across the chart: vertical grid lines, labels under them.
    Horizontal,
}

/// One tick of a money axis: its amount, its grid line and its label (empty when thinned out).
#[derive(Debug, Clone, PartialEq)]
pub struct AxisTick {
    pub value: Decimal,
    pub line: Line,
    pub label: PlacedText,
}

impl AxisTick {
    /// The zero line, drawn stronger.
    pub fn is_zero(&self) -> bool {
        self.value.is_zero()
    }
}

/// A money axis laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct MoneyAxis {
    pub orientation: Orientation,
    /// Size of the tick labels.
    pub font: f64,
    pub ticks: Vec<AxisTick>,
}

impl MoneyAxis {
    /// Amounts up the chart on `y`: each tick a line from `left` to `right`, its label ending 6 left of the plot.
    pub fn vertical(ticks: &Ticks, y: &Scale, left: f64, right: f64, font: f64) -> MoneyAxis {
        let ticks = ticks
            .values
            .iter()
            .zip(&ticks.labels)
            .map(|(value, label)| {
                let at = y.money(*value);
                AxisTick {
                    value: *value,
                    line: Line { x1: left, y1: at, x2: right, y2: at },
                    label: PlacedText::new(left - 6.0, at, label.clone(), Anchor::End),
                }
            })
            .collect();
        MoneyAxis { orientation: Orientation::Vertical, font, ticks }
    }

    /// Amounts across the plot (`left` to `right`) on `x`: each tick a line
    /// from `top` to `bottom`, its label under it. Every k-th label is shown,
    /// counted from zero, so that labels side by side never touch.
    pub fn horizontal(
        ticks: &Ticks,
        x: &Scale,
        (left, right): (f64, f64),
        top: f64,
        bottom: f64,
        font: f64,
    ) -> MoneyAxis {
        let spacing = (right - left).max(1.0) / (ticks.values.len().max(2) - 1) as f64;
        let every = label_every(spacing, ticks.label_width(font), 12.0);
        let zero_at = ticks.values.iter().position(|v| v.is_zero()).unwrap_or(0);
        let ticks = ticks
            .values
            .iter()
            .zip(&ticks.labels)
            .enumerate()
            .map(|(k, (value, label))| {
                let at = x.money(*value);
                let label = if k.abs_diff(zero_at) % every == 0 { label.clone() } else { String::new() };
                AxisTick {
                    value: *value,
                    line: Line { x1: at, y1: top, x2: at, y2: bottom },
                    label: PlacedText::new(at, bottom + font * 1.3, label, Anchor::Middle),
                }
            })
            .collect();
        MoneyAxis { orientation: Orientation::Horizontal, font, ticks }
    }
}

/// The years under their bands, centred, their baseline at `y`; every k-th
/// year only when the bands are too narrow for all of them, and none that
/// would stick out past `max_x` (the last of narrow bands, at the chart's edge).
pub fn year_labels(years: &[i32], bands: &Bands, y: f64, font: f64, max_x: f64) -> Vec<PlacedText> {
    let year_w = text_width("2030", font);
    let every = label_every(bands.step(), year_w, 6.0);
    years
        .iter()
        .enumerate()
        .filter(|(i, _)| i % every == 0 && bands.center(*i) + year_w / 2.0 <= max_x)
        .map(|(i, year)| PlacedText::new(bands.center(i), y, year.to_string(), Anchor::Middle))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::layout::scale::nice_ticks;
    use crate::words::format::Unit;
    use crate::words::Lang;

    #[test]
    fn a_vertical_axis_puts_each_label_left_of_its_line() {
        // Ticks 0, 5 000, 10 000 tkr (0 .. 10 000 000 kr, target 2) on y from 300 (0) up to 100:
        // 5 000 000 kr is halfway, at 200; labels end at 50 − 6 = 44.
        let ticks = nice_ticks(Decimal::ZERO, Decimal::from(10_000_000), Unit::Thousand, Lang::En, 2);
        let y = Scale::for_ticks(&ticks, 300.0, 100.0);
        let axis = MoneyAxis::vertical(&ticks, &y, 50.0, 400.0, 14.0);
        let at: Vec<f64> = axis.ticks.iter().map(|t| t.line.y1).collect();
        assert_eq!(at, vec![300.0, 200.0, 100.0]);
        let labels: Vec<&str> = axis.ticks.iter().map(|t| t.label.text.as_str()).collect();
        assert_eq!(labels, vec!["0", "5,000", "10,000"]);
        assert!(axis.ticks.iter().all(|t| t.label.x == 44.0 && t.label.anchor == Anchor::End));
        assert!(axis.ticks[0].is_zero() && !axis.ticks[1].is_zero());
    }

    #[test]
    fn a_crowded_horizontal_axis_labels_every_other_tick_from_zero() {
        // −4 000 .. 6 000 tkr, target 10 → step 1 000: 11 ticks (−4 000 at index 0, zero at
        // index 4, 6 000 at 10) over 100 units, 10 apart. The widest label, "-4,000", is
        // 6 × 10 × 0.58 = 34.8 wide: ceil((34.8 + 12) / 10) = 5, so every 5th label counted
        // from zero: indexes 4 and 9, 0 and 5 000 (−5 000 would lie before the axis).
        let ticks = nice_ticks(Decimal::from(-4_000_000), Decimal::from(6_000_000), Unit::Thousand, Lang::En, 10);
        assert_eq!(ticks.values.len(), 11);
        let x = Scale::for_ticks(&ticks, 0.0, 100.0);
        let axis = MoneyAxis::horizontal(&ticks, &x, (0.0, 100.0), 20.0, 200.0, 10.0);
        let shown: Vec<&str> = axis.ticks.iter().map(|t| t.label.text.as_str()).filter(|t| !t.is_empty()).collect();
        assert_eq!(shown, vec!["0", "5,000"]);
        // Lines run down the rows; labels sit 1.3 × 10 under them.
        assert_eq!((axis.ticks[4].line.x1, axis.ticks[4].line.y1, axis.ticks[4].line.y2), (40.0, 20.0, 200.0));
        assert_eq!(axis.ticks[4].label.y, 213.0);
    }

    #[test]
    fn years_are_thinned_to_fit_their_bands() {
        // 12 years over 120 units: bands 10 wide; "2030" at 14 is 32.48 wide, + 6 gap →
        // ceil(38.48 / 10) = 4: 2026, 2030 and 2034, centred in bands 0, 4 and 8.
        let years: Vec<i32> = (2026..2038).collect();
        let bands = Bands::new(12, 0.0, 120.0, 0.2);
        let labels = year_labels(&years, &bands, 90.0, 14.0, 200.0);
        let shown: Vec<(f64, &str)> = labels.iter().map(|l| (l.x, l.text.as_str())).collect();
        assert_eq!(shown, vec![(5.0, "2026"), (45.0, "2030"), (85.0, "2034")]);
        // At a chart's edge at 100, 2034 would end at 85 + 16.24 = 101.24: left out.
        assert_eq!(year_labels(&years, &bands, 90.0, 14.0, 100.0).len(), 2);
    }
}
