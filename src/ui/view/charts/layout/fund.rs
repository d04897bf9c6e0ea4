//! The fund over time, laid out: money in (allocation, repayments) and money
//! out (grants, hatched) per year as grouped bars, and the closing balance as
//! a line with points. A negative balance lies in a red-tinted zone below
//! zero, and the first such year is marked "Fonden är tom 2031".

use rust_decimal::Decimal;

use crate::model::FundYear;
use crate::words::lowercase;

use super::legend::{Entry, Swatch};
use super::palette::{Colour, Paint};
use super::plot::YearPlot;
use super::text::text_width;
use super::tip::Tip;
use super::{plus, total, Anchor, Canvas, Chart, ChartInput, Contents, Item, PlacedText, Rect};

/// The fund chart's contents.
#[derive(Debug, Clone, PartialEq)]
pub struct FundLayout {
    pub plot: YearPlot,
    /// The zone below zero, shaded when the axis goes below it.
    pub negative_zone: Option<Rect>,
    /// A year's bars per year, in year order.
    pub years: Vec<Item<FundBars>>,
    /// The closing balance of each year, at its band's centre.
    pub balance: Vec<BalancePoint>,
    /// Radius of a balance point.
    pub point_radius: f64,
    /// The first year the balance is negative.
    pub runs_dry: Option<RunsDry>,
}

/// A year's bars: in (allocation, repayments stacked on it) and out (grants).
#[derive(Debug, Clone, PartialEq)]
pub struct FundBars {
    pub allocation: Rect,
    pub repayments: Rect,
    pub grants: Rect,
}

/// A point of the balance line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BalancePoint {
    pub x: f64,
    pub y: f64,
    pub negative: bool,
}

/// The marker of the year the fund runs dry: a dashed line from zero down to
/// the plot's bottom, and the words beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct RunsDry {
    pub x: f64,
    pub from: f64,
    pub to: f64,
    pub text: PlacedText,
}

/// The paints of the fund chart's series, as its legend shows them.
pub const ALLOCATION: Paint = Paint::Colour(Colour::Fund);
pub const REPAYMENTS: Paint = Paint::Dots;
pub const GRANTS: Paint = Paint::Hatch;

/// The first year whose closing balance is below zero.
pub fn first_negative_year(fund: &[FundYear]) -> Option<i32> {
    fund.iter().find(|f| f.close < Decimal::ZERO).map(|f| f.year)
}

/// Lays the fund chart out.
pub fn layout(input: &ChartInput, canvas: &Canvas) -> Chart<FundLayout> {
    let words = input.words();
    let money = input.money();
    let fund = &input.outcome.fund;
    let (w, font, small) = (canvas.width(), canvas.font(), canvas.small());

    let Some((first, last)) = fund.first().zip(fund.last()) else {
        return Chart::note(canvas, words.fund_title(), words.no_years(), 40.0, 70.0);
    };

    let dry = first_negative_year(fund);
    let desc = words.fund_desc(
        (first.year, &money.text(first.close)),
        (last.year, &money.text(last.close)),
        dry,
        &money.text(total(fund.iter().map(|f| f.grants))),
        &money.text(total(fund.iter().map(|f| f.repayments))),
    );

    let mut legend = vec![
        Entry::new(Swatch::Fill(ALLOCATION), words.allocation()),
        Entry::new(Swatch::Fill(REPAYMENTS), words.repayments()),
        Entry::new(Swatch::Fill(GRANTS), words.grants()),
        Entry::new(Swatch::Line(Colour::Balance), words.balance()),
    ];
    if dry.is_some() {
        legend.push(Entry::new(Swatch::Negative(Colour::Pay), words.negative_balance()));
    }
    // The money axis: in, out and the balance, always with zero.
    let lo = fund.iter().map(|f| f.close).fold(Decimal::ZERO, Decimal::min);
    let hi = fund
        .iter()
        .map(|f| plus(f.allocation, f.repayments).max(f.grants).max(f.close))
        .fold(Decimal::ZERO, Decimal::max);
    let n = fund.len();
    let years: Vec<i32> = fund.iter().map(|f| f.year).collect();
    let padding = if n > 30 { 0.15 } else { 0.25 };
    let plot = YearPlot::new(input, canvas, legend, small * 2.0, (lo, hi), &years, padding);
    let (y, bands, area) = (&plot.y, &plot.bands, plot.area);
    let y0 = plot.zero();

    let negative_zone = (plot.lowest() < Decimal::ZERO).then(|| {
        let zy = y.money(plot.lowest());
        Rect { x: area.x, y: y0, width: area.width, height: (zy - y0).max(0.0) }
    });

    let bar_w = (bands.width() / 2.0 - 0.5).max(0.5);
    let chart_size = (w, plot.height);
    let items = fund
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let x_in = bands.start(i);
            let y_alloc = y.money(f.allocation);
            let in_total = plus(f.allocation, f.repayments);
            let negative = f.close < Decimal::ZERO;
            let (open, allocation, repayments) =
                (money.text(f.open), money.text(f.allocation), money.text(f.repayments));
            let (grants, close) = (money.text(f.grants), money.text(f.close));
            let mut label = format!(
                "{}: {} {open}, {} {allocation}, {} {repayments}, {} {grants}, {} {close}",
                f.year,
                lowercase(words.opening()),
                lowercase(words.allocation()),
                lowercase(words.repayments()),
                lowercase(words.grants_short()),
                lowercase(words.balance_short()),
            );
            let mut lines = vec![
                f.year.to_string(),
                format!("{}: {open}", words.opening()),
                format!("{} ({}): {allocation}", words.allocation(), words.money_in()),
                format!("{} ({}): {repayments}", words.repayments(), words.money_in()),
                format!("{} ({}): {grants}", words.grants_short(), words.money_out()),
                format!("{}: {close}", words.balance()),
            ];
            if negative {
                label.push_str(&format!(" ({})", lowercase(words.negative_balance())));
                lines.push(words.negative_balance().to_string());
            }
            // The tooltip goes beside the year's highest point.
            let top =
                [y.money(in_total), y.money(f.grants), y.money(f.close)].into_iter().fold(f64::INFINITY, f64::min);
            let tip = Tip { x: bands.center(i), y: top, lines, dodge: bands.step() / 2.0 };
            Item {
                label,
                year: Some(f.year),
                actor: None,
                negative,
                hit: plot.band_area(i),
                tip: tip.place(small, chart_size),
                shapes: FundBars {
                    allocation: Rect::between(x_in, bar_w, y0, y_alloc),
                    repayments: Rect::between(x_in, bar_w, y_alloc, y.money(in_total)),
                    grants: Rect::between(x_in + bar_w + 1.0, bar_w, y0, y.money(f.grants)),
                },
            }
        })
        .collect();

    let balance = fund
        .iter()
        .enumerate()
        .map(|(i, f)| BalancePoint { x: bands.center(i), y: y.money(f.close), negative: f.close < Decimal::ZERO })
        .collect();

    // The words beside the marker, just below zero: right of it if they fit, else left.
    let runs_dry = dry.and_then(|year| fund.iter().position(|f| f.year == year).map(|i| (year, i))).map(|(year, i)| {
        let x = bands.center(i);
        let text = words.runs_dry(year);
        let fits = x + 6.0 + text_width(&text, font) <= area.x + area.width;
        let (tx, anchor) = if fits { (x + 6.0, Anchor::Start) } else { (x - 6.0, Anchor::End) };
        RunsDry { x, from: y0, to: area.bottom(), text: PlacedText::new(tx, y0 + font * 1.3, text, anchor) }
    });

    Chart {
        width: w,
        height: plot.height,
        title: words.fund_title(),
        desc,
        actor_patterns: 0,
        contents: Contents::Drawn(FundLayout {
            negative_zone,
            years: items,
            balance,
            point_radius: if n > 30 { 3.0 } else { 4.5 },
            runs_dry,
            plot,
        }),
    }
}
