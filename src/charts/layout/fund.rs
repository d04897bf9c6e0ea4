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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::layout::checks::{assert_near, assert_rect, outcome, scenario};
    use crate::words::format::Unit;
    use crate::words::Lang;

    /// Two years of a fund, by hand: 2026 opens at 0, gets 1 000 000 and
    /// grants 600 000 (closes at 400 000); 2027 gets 1 000 000 and 200 000
    /// back and grants 800 000 (closes at 800 000); or, with `dry`, grants
    /// 2 000 000 in 2027 and closes at −400 000.
    fn two_years(dry: bool) -> crate::model::Outcome {
        let mut o = outcome(2, 1, |_, _| Decimal::ZERO);
        let d = |v: i64| Decimal::from(v);
        let grants = if dry { 2_000_000 } else { 800_000 };
        o.fund[0] = FundYear {
            year: 2026,
            open: d(0),
            allocation: d(1_000_000),
            grants: d(600_000),
            repayments: d(0),
            close: d(400_000),
        };
        o.fund[1] = FundYear {
            year: 2027,
            open: d(400_000),
            allocation: d(1_000_000),
            grants: d(grants),
            repayments: d(200_000),
            close: d(1_600_000 - grants),
        };
        o
    }

    #[test]
    fn two_years_of_bars_by_hand() {
        let (s, o) = (scenario(1), two_years(false));
        let input = ChartInput { scenario: &s, outcome: &o, lang: Lang::En, unit: Unit::Thousand };
        let chart = layout(&input, &Canvas::new(800.0));
        let fund = chart.drawn().expect("drawn");
        // Legend (font 14): "Allocation" 14 + 6 + 10 × 14 × 0.58 = 101.2, "Repayments" 101.2,
        // "Grants to interventions" 206.76, "Balance at year end" 174.28, gaps 16.8: 633.84 from 8,
        // one line of 22.4. The unit's line at 8 + 22.4 + 6 = 36.4, the plot 28 lower at 64.4,
        // 300 high to 364.4; the years under it, the chart 364.4 + 30.8 = 395.2 high.
        assert_eq!(fund.plot.legend.entries.len(), 4, "no negative balance, no entry for it");
        assert_near(fund.plot.legend.height, 22.4);
        assert_rect(fund.plot.area, (56.6, 64.4, 735.4, 300.0));
        assert_near(chart.height, 395.2);
        assert_eq!(fund.plot.unit.text, "kSEK");
        // The axis: 0 .. 1 200 tkr (money in, 2027), target 800 / 130 → 6 → steps of 200:
        // 0, 200, …, 1,200; the widest label "1,000" is 5 × 14 × 0.58 = 40.6, so the plot
        // starts at 8 + 40.6 + 8 = 56.6. 300 px for 1 200 000 kr: 4 000 kr a pixel.
        let labels: Vec<&str> = fund.plot.axis.ticks.iter().map(|t| t.label.text.as_str()).collect();
        assert_eq!(labels, ["0", "200", "400", "600", "800", "1,000", "1,200"]);
        // Bands (792 − 56.6) / 2 = 367.7 wide, a quarter empty: bars from 56.6 + 45.9625,
        // each 367.7 × 0.75 / 2 − 0.5 = 137.3875 wide, grants 1 to the right of money in.
        let (y2026, y2027) = (&fund.years[0].shapes, &fund.years[1].shapes);
        assert_rect(y2026.allocation, (102.5625, 114.4, 137.3875, 250.0)); // 1 000 000 / 4 000
        assert_rect(y2026.repayments, (102.5625, 114.4, 137.3875, 0.0));
        assert_rect(y2026.grants, (240.95, 214.4, 137.3875, 150.0)); // 600 000 / 4 000
        assert_rect(y2027.allocation, (470.2625, 114.4, 137.3875, 250.0));
        assert_rect(y2027.repayments, (470.2625, 64.4, 137.3875, 50.0)); // on the allocation
        assert_rect(y2027.grants, (608.65, 164.4, 137.3875, 200.0));
        // The balance at the bands' centres 240.45 and 608.15: 400 000 → 264.4, 800 000 → 164.4.
        for (point, (x, y)) in fund.balance.iter().zip([(240.45, 264.4), (608.15, 164.4)]) {
            assert_near(point.x, x);
            assert_near(point.y, y);
            assert!(!point.negative);
        }
        // The years under the plot, at 364.4 + 1.4 × 14.
        for (year, (x, text)) in fund.plot.years.iter().zip([(240.45, "2026"), (608.15, "2027")]) {
            assert_near(year.x, x);
            assert_near(year.y, 384.0);
            assert_eq!(year.text, text);
        }
        assert!(fund.runs_dry.is_none() && fund.negative_zone.is_none());
        // Focus order is year order; each year's item covers its band, the plot's height.
        assert_rect(fund.years[1].hit, (424.3, 64.4, 367.7, 300.0));
        assert_eq!(
            fund.years[1].label,
            "2027: opening balance 400\u{a0}kSEK, allocation 1,000\u{a0}kSEK, repayments 200\u{a0}kSEK, \
             grants 800\u{a0}kSEK, balance 800\u{a0}kSEK"
        );
        // 2027's tooltip: its widest line "Balance at year end: 800 kSEK" is 29 × 14 × 0.58 + 16
        // = 251.48 wide, 6 lines 6 × 18.2 + 10 = 119.2 high. Right of the band it would end at
        // 608.15 + 183.85 + 6 + 251.48 > 798, so left of it: 608.15 − 183.85 − 6 − 251.48 = 166.82,
        // level with the year's highest point, 1 200 000 at 64.4.
        let tip = fund.years[1].tip.as_ref().expect("a tooltip");
        assert_rect(tip.rect, (166.82, 64.4, 251.48, 119.2));
        let lines: Vec<&str> = tip.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            lines,
            [
                "2027",
                "Opening balance: 400\u{a0}kSEK",
                "Allocation (in): 1,000\u{a0}kSEK",
                "Repayments (in): 200\u{a0}kSEK",
                "Grants (out): 800\u{a0}kSEK",
                "Balance at year end: 800\u{a0}kSEK",
            ]
        );
        // The balance at the end of the first and the last year.
        assert!(chart.desc.contains("from 400\u{a0}kSEK in 2026 to 800\u{a0}kSEK in 2027"), "{}", chart.desc);
        assert!(chart.desc.contains("Grants in total 1,400\u{a0}kSEK, repaid 200\u{a0}kSEK"), "{}", chart.desc);
    }

    #[test]
    fn a_fund_that_runs_dry_is_marked() {
        let (s, o) = (scenario(1), two_years(true));
        let input = ChartInput { scenario: &s, outcome: &o, lang: Lang::Sv, unit: Unit::Thousand };
        let chart = layout(&input, &Canvas::new(800.0));
        let fund = chart.drawn().expect("drawn");
        // 2027 closes at 1 600 000 − 2 000 000 = −400 000: the axis runs from −400 to 2 000 tkr,
        // 2 400 / 6 = 400 a step → 500, so from −500 tkr; the zone below zero is shaded; the
        // point is negative; the legend says so.
        assert_eq!(fund.plot.lowest(), Decimal::from(-500_000));
        let zone = fund.negative_zone.expect("a negative zone");
        assert_near(zone.y, fund.plot.zero());
        assert_near(zone.bottom(), fund.plot.area.bottom());
        assert_eq!(fund.balance.iter().map(|p| p.negative).collect::<Vec<_>>(), [false, true]);
        assert_eq!(fund.plot.legend.entries.last().map(|e| e.text.as_str()), Some("Negativt saldo"));
        assert!(fund.years[1].negative && !fund.years[0].negative);
        assert!(fund.years[1].label.ends_with("(negativt saldo)"), "{}", fund.years[1].label);
        // The marker: down 2027's centre from zero to the plot's bottom, the words right of it
        // if they fit: "Fonden är tom 2027" is 18 × 15.5 × 0.58 = 161.82 wide; from 608.15 + 6
        // it ends at 775.97, before the plot's right edge at 792.
        let dry = fund.runs_dry.as_ref().expect("runs dry");
        assert_eq!(dry.text.text, "Fonden är tom 2027");
        assert_near(dry.x, 608.15);
        assert_near(dry.from, fund.plot.zero());
        assert_near(dry.to, fund.plot.area.bottom());
        assert_eq!(dry.text.anchor, Anchor::Start);
        assert_near(dry.text.x, 614.15);
        // At 600 wide the plot ends at 592 and the bands are (592 − 56.6) / 2 = 267.7 wide:
        // from 2027's centre 458.15 the words would end at 625.97, so they end 6 left of it.
        let chart = layout(&input, &Canvas::new(600.0));
        let dry = chart.drawn().and_then(|f| f.runs_dry.clone()).expect("runs dry");
        assert_near(dry.x, 458.15);
        assert_eq!(dry.text.anchor, Anchor::End);
        assert_near(dry.text.x, 452.15);
        assert_eq!(first_negative_year(&o.fund), Some(2027));
    }

    #[test]
    fn no_years_is_said_in_words() {
        let (s, o) = (scenario(1), outcome(0, 1, |_, _| Decimal::ZERO));
        let input = ChartInput { scenario: &s, outcome: &o, lang: Lang::Sv, unit: Unit::Thousand };
        let chart = layout(&input, &Canvas::new(400.0));
        let Contents::Note(note) = &chart.contents else { panic!("a note") };
        assert_eq!(note.lines, ["Det finns inga år att visa."]);
        assert_eq!(
            (chart.title, chart.desc.as_str(), chart.height),
            ("Fonden år för år", "Det finns inga år att visa.", 70.0)
        );
    }
}
