//! The frame of a chart of amounts over years, shared by the fund chart and
//! the actor-year chart (and meant for more: a band of outcomes over the
//! years, a fan of the organisation's cumulative result): the legend on top,
//! the unit's name, a vertical money axis on the left with nice ticks and a
//! grid, a band per year, and the years under the plot.

use rust_decimal::Decimal;

use super::axis::{year_labels, MoneyAxis};
use super::legend::{Entry, Legend};
use super::scale::{nice_ticks, Bands, Scale};
use super::{Anchor, Canvas, ChartInput, PlacedText, Rect, MARGIN};

/// The plot of a chart of amounts over years, laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct YearPlot {
    pub legend: Legend,
    /// The unit's name, over the money axis (its middle at `y`).
    pub unit: PlacedText,
    /// Where the room under the legend starts (the unit's line).
    pub unit_top: f64,
    /// The plot area: amounts map into it, years split it into bands.
    pub area: Rect,
    /// Amounts to heights.
    pub y: Scale,
    pub axis: MoneyAxis,
    /// A band per year.
    pub bands: Bands,
    /// The years under the plot, thinned to fit.
    pub years: Vec<PlacedText>,
    /// Size of the axis' and the years' labels.
    pub font: f64,
    /// The chart's height: the plot and the years under it.
    pub height: f64,
}

impl YearPlot {
    /// The plot of `years`, with `legend` on top, `room_above` between the
    /// unit's line and the plot (for the unit, and what a chart puts over its
    /// plot), an axis covering `lo..hi` and zero, and bands that leave
    /// `padding` (a share) of their width empty.
    pub fn new(
        input: &ChartInput,
        canvas: &Canvas,
        legend: Vec<Entry>,
        room_above: f64,
        (lo, hi): (Decimal, Decimal),
        years: &[i32],
        padding: f64,
    ) -> YearPlot {
        let (w, small) = (canvas.width(), canvas.small());
        let legend = Legend::place(legend, MARGIN, w - MARGIN, MARGIN, small);
        let ticks = nice_ticks(lo, hi, input.unit, input.lang, canvas.tick_target());
        let unit_top = MARGIN + legend.height + 6.0;
        let top = unit_top + room_above;
        let plot_h = if canvas.compact() { 250.0 } else { 300.0 };
        let bottom = top + plot_h;
        let left = MARGIN + ticks.label_width(small) + 8.0;
        let right = w - MARGIN;
        let y = Scale::for_ticks(&ticks, bottom, top);
        let bands = Bands::new(years.len(), left, right, padding);
        YearPlot {
            legend,
            unit: PlacedText::new(MARGIN, unit_top + small * 0.5, input.money().unit_label(), Anchor::Start),
            unit_top,
            area: Rect { x: left, y: top, width: right - left, height: plot_h },
            axis: MoneyAxis::vertical(&ticks, &y, left, right, small),
            years: year_labels(years, &bands, bottom + small * 1.4, small, w),
            y,
            bands,
            font: small,
            height: bottom + small * 2.2,
        }
    }

    /// The area of year `i` that catches the pointer: its whole band, the plot's height.
    pub fn band_area(&self, i: usize) -> Rect {
        Rect { x: self.bands.boundary(i), y: self.area.y, width: self.bands.step(), height: self.area.height }
    }

    /// The height of zero.
    pub fn zero(&self) -> f64 {
        self.y.map(0.0)
    }

    /// The lowest tick (the axis' start), to shade what lies below zero.
    pub fn lowest(&self) -> Decimal {
        self.axis.ticks.first().map(|t| t.value).unwrap_or(Decimal::ZERO)
    }
}
