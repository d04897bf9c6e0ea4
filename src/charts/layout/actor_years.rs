//! Budget effect per actor and year, laid out: each actor's `net` as a
//! diverging stacked bar (positive nets stacked up from zero, negative ones
//! down), one colour and pattern per actor with a legend, and the terms of
//! office on the time axis.
//!
//! Swedish general elections are held every four years in September (2026,
//! 2030, 2034, …); the new term starts on the following 1 January
//! ([`Term`]), so the boundaries fall before 2027, 2031, 2035, …: dashed
//! lines, and each term labelled "Mandatperiod 2027–2030" above the bars.

use rust_decimal::Decimal;

use crate::model::term::Term;

use super::legend::{Entry, Swatch};
use super::palette::Paint;
use super::plot::YearPlot;
use super::text::{ellipsize, text_width, NAME_CHAR_WIDTH};
use super::tip::Tip;
use super::{plus, total, Anchor, Canvas, Chart, ChartInput, Contents, Item, PlacedText, Rect, MARGIN};

/// The first calendar year of the term that `year` belongs to.
pub fn term_start(year: i32) -> i32 {
    Term::containing(year).first
}

/// Indexes `i > 0` of `years` where a new term starts (a line is drawn before them).
pub fn term_boundaries(years: &[i32]) -> Vec<usize> {
    (1..years.len()).filter(|&i| term_start(years[i]) != term_start(years[i - 1])).collect()
}

/// The terms over `years`: (first index, last index, first year of the term, last year of the term).
pub fn terms(years: &[i32]) -> Vec<(usize, usize, i32, i32)> {
    let mut out: Vec<(usize, usize, i32, i32)> = Vec::new();
    for (i, &y) in years.iter().enumerate() {
        let start = term_start(y);
        match out.last_mut() {
            Some(last) if last.2 == start => last.1 = i,
            _ => out.push((i, i, start, start + 3)),
        }
    }
    out
}

/// One actor's series.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub id: String,
    pub name: String,
    pub colour: usize,
    /// Net per year index (missing rows are 0).
    pub net: Vec<Decimal>,
}

/// A stacked segment: actor `series`, from `from` to `to` (amounts).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Segment {
    pub series: usize,
    pub from: Decimal,
    pub to: Decimal,
}

/// The segments of year `i`: positive nets stacked up from zero, negative
/// ones down, in actor order; and the column's extent (lowest, highest).
pub fn stack_year(series: &[Series], i: usize) -> (Vec<Segment>, Decimal, Decimal) {
    let (mut neg, mut pos) = (Decimal::ZERO, Decimal::ZERO);
    let mut out = Vec::new();
    for (s, one) in series.iter().enumerate() {
        let v = one.net.get(i).copied().unwrap_or(Decimal::ZERO);
        if v > Decimal::ZERO {
            let end = plus(pos, v);
            out.push(Segment { series: s, from: pos, to: end });
            pos = end;
        } else if v < Decimal::ZERO {
            let end = plus(neg, v);
            out.push(Segment { series: s, from: end, to: neg });
            neg = end;
        }
    }
    (out, neg, pos)
}

/// The most nets a year's label and tooltip name.
const NAMED_NETS: usize = 10;

/// The actors with a net in year `i`, largest first, at most [`NAMED_NETS`]
/// of them in actor order when there are no more; and how many are left out.
pub fn largest_nets(series: &[Series], i: usize) -> (Vec<&Series>, usize) {
    let mut shown: Vec<&Series> = series.iter().filter(|s| !s.net.get(i).is_none_or(|v| v.is_zero())).collect();
    let more = shown.len().saturating_sub(NAMED_NETS);
    if more > 0 {
        // Picked one by one (a sort would add its own code to the download
        // for ten names): the first of the largest left, so that equal nets
        // stay in actor order.
        let size = |s: &Series| s.net[i].abs();
        let mut largest = Vec::with_capacity(NAMED_NETS);
        while largest.len() < NAMED_NETS {
            let Some(k) = (0..shown.len()).reduce(|best, k| if size(shown[k]) > size(shown[best]) { k } else { best })
            else {
                break;
            };
            largest.push(shown.remove(k));
        }
        shown = largest;
    }
    (shown, more)
}

/// The actor-year chart's contents.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorYearsLayout {
    pub plot: YearPlot,
    /// Top of the strip over the plot where the terms are named (their shading starts there).
    pub strip_top: f64,
    /// The terms of office over the years, left to right.
    pub terms: Vec<TermBand>,
    /// Where a new term starts: a dashed line from the strip's top to the plot's bottom.
    pub boundaries: Vec<f64>,
    /// One shape per actor with a net: its segments of every year.
    pub nets: Vec<NetShape>,
    /// A year's column per year, in year order (the bars are the actors' shapes).
    pub years: Vec<Item<()>>,
}

/// A term of office over its years: every other one shaded, named if the name fits.
#[derive(Debug, Clone, PartialEq)]
pub struct TermBand {
    pub first: i32,
    pub last: i32,
    pub area: Rect,
    pub shaded: bool,
    pub label: Option<PlacedText>,
}

/// An actor's segments over the years, drawn as one shape.
#[derive(Debug, Clone, PartialEq)]
pub struct NetShape {
    pub actor: String,
    /// Its colour and pattern (its place in the scenario).
    pub colour: usize,
    pub rects: Vec<Rect>,
}

/// The years of the chart: the outcome's, else the first actor's rows'.
fn years_of(input: &ChartInput) -> Vec<i32> {
    if input.outcome.years.is_empty() {
        input.outcome.actors.first().map(|a| a.rows.iter().map(|r| r.year).collect()).unwrap_or_default()
    } else {
        input.outcome.years.clone()
    }
}

/// Each actor's net per year (a missing row is 0), in the outcome's order.
pub fn series(input: &ChartInput, years: &[i32]) -> Vec<Series> {
    input
        .outcome
        .actors
        .iter()
        .enumerate()
        .map(|(k, a)| {
            let net = years
                .iter()
                .enumerate()
                .map(|(i, y)| {
                    let row = a.rows.get(i).filter(|r| r.year == *y).or_else(|| a.rows.iter().find(|r| r.year == *y));
                    row.map(|r| r.net).unwrap_or(Decimal::ZERO)
                })
                .collect();
            Series { id: a.id.clone(), name: input.actor_name(&a.id), colour: input.actor_colour(&a.id, k), net }
        })
        .collect()
}

/// Lays the actor-year chart out.
pub fn layout(input: &ChartInput, canvas: &Canvas) -> Chart<ActorYearsLayout> {
    let words = input.words();
    let money = input.money();
    let (w, small) = (canvas.width(), canvas.small());
    let years = years_of(input);
    if years.is_empty() {
        return Chart::note(canvas, words.actor_years_title(), words.no_years(), 40.0, 70.0);
    }
    let series = series(input, &years);
    let boundaries = term_boundaries(&years);

    let legend_chars = (((w - 2.0 * MARGIN) / 2.0 - small * 2.5) / (small * NAME_CHAR_WIDTH)).max(12.0) as usize;
    let mut legend: Vec<Entry> = series
        .iter()
        .map(|s| Entry::new(Swatch::Fill(Paint::ActorPattern(s.colour)), ellipsize(&s.name, legend_chars)))
        .collect();
    if !boundaries.is_empty() {
        legend.push(Entry::new(Swatch::Dashed, words.term_boundary()));
    }

    let stacks: Vec<_> = (0..years.len()).map(|i| stack_year(&series, i)).collect();
    let lo = stacks.iter().map(|s| s.1).fold(Decimal::ZERO, Decimal::min);
    let hi = stacks.iter().map(|s| s.2).fold(Decimal::ZERO, Decimal::max);
    let n = years.len();
    let padding = if n > 30 { 0.15 } else { 0.3 };
    // Over the plot, a strip for the terms' names.
    let plot = YearPlot::new(input, canvas, legend, small * 1.3 + small * 1.8, (lo, hi), &years, padding);
    let strip_top = plot.unit_top + small * 1.3;
    let (y, bands, area) = (&plot.y, &plot.bands, plot.area);

    // Terms: every other one shaded, each named as long as fits.
    let term_bands = terms(&years)
        .into_iter()
        .enumerate()
        .map(|(t, (first, last, from, to))| {
            let x0 = bands.boundary(first);
            let x1 = bands.boundary(last + 1);
            let room = x1 - x0 - 4.0;
            let names = [words.term(from, to), format!("{from}–{to}"), format!("{from}–{:02}", to.rem_euclid(100))];
            let label = names
                .into_iter()
                .find(|t| text_width(t, small) <= room)
                .map(|text| PlacedText::new((x0 + x1) / 2.0, strip_top + small * 1.0, text, Anchor::Middle));
            TermBand {
                first: from,
                last: to,
                area: Rect { x: x0, y: strip_top, width: x1 - x0, height: area.bottom() - strip_top },
                shaded: t % 2 == 1,
                label,
            }
        })
        .collect();

    // One shape per actor holding all its years' segments: 50 actors over 60
    // years are 50 elements, not 3 000 (hover and focus are the year's).
    let mut rects: Vec<Vec<Rect>> = vec![Vec::new(); series.len()];
    for (i, (segs, _, _)) in stacks.iter().enumerate() {
        let (x, width) = (bands.start(i), bands.width().max(0.5));
        for s in segs {
            if let Some(shape) = rects.get_mut(s.series) {
                shape.push(Rect::between(x, width, y.money(s.from), y.money(s.to)));
            }
        }
    }
    let nets = series
        .iter()
        .zip(rects)
        .filter(|(_, rects)| !rects.is_empty())
        .map(|(one, rects)| NetShape { actor: one.id.clone(), colour: one.colour, rects })
        .collect();

    let chart_size = (w, plot.height);
    let items = years
        .iter()
        .enumerate()
        .map(|(i, year)| {
            // The year's nets, largest first (the year table has them all).
            let (shown, more) = largest_nets(&series, i);
            let nets: Vec<String> = shown.iter().map(|s| money.signed(s.net[i])).collect();
            let mut parts: Vec<String> = shown.iter().zip(&nets).map(|(s, net)| format!("{} {net}", s.name)).collect();
            let mut lines = vec![year.to_string()];
            lines.extend(shown.iter().zip(&nets).map(|(s, net)| format!("{}: {net}", ellipsize(&s.name, 26))));
            if more > 0 {
                parts.push(format!("… +{more}"));
                lines.push(format!("… +{more}"));
            }
            let label = if parts.is_empty() {
                format!("{year}: {}", money.text(Decimal::ZERO))
            } else {
                format!("{year}: {}", parts.join(", "))
            };
            if lines.len() == 1 {
                lines.push(money.text(Decimal::ZERO));
            }
            let tip = Tip { x: bands.center(i), y: y.money(stacks[i].2), lines, dodge: bands.step() / 2.0 };
            Item {
                label,
                year: Some(*year),
                actor: None,
                negative: stacks[i].1 < Decimal::ZERO,
                hit: plot.band_area(i),
                tip: tip.place(small, chart_size),
                shapes: (),
            }
        })
        .collect();

    // Per term, the net of the actors inside the organisation: does it pay back within the term?
    let per_term: Vec<String> = terms(&years)
        .into_iter()
        .map(|(first, last, from, to)| {
            let inside = series.iter().filter(|s| input.actor_inside(&s.id));
            let sum = total(inside.flat_map(|s| s.net[first..=last].iter().copied()));
            format!("{from}–{to}: {}", money.signed(sum))
        })
        .collect();

    Chart {
        width: w,
        height: plot.height,
        title: words.actor_years_title(),
        desc: format!("{} {} {}.", words.actor_years_desc(), words.inside_net_per_term(), per_term.join("; ")),
        actor_patterns: input.actor_patterns(),
        contents: Contents::Drawn(ActorYearsLayout {
            strip_top,
            terms: term_bands,
            boundaries: boundaries.iter().map(|&i| bands.boundary(i)).collect(),
            nets,
            years: items,
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
    use std::str::FromStr;

    #[test]
    fn terms_start_the_january_after_an_election() {
        // Elections in September 2026 and 2030: terms 2023–2026, 2027–2030, 2031–2034.
        assert_eq!(term_start(2026), 2023);
        assert_eq!(term_start(2027), 2027);
        assert_eq!(term_start(2030), 2027);
        assert_eq!(term_start(2031), 2031);
        assert_eq!(term_start(2019), 2019);
        let years: Vec<i32> = (2026..=2035).collect();
        // New terms begin with 2027 (index 1), 2031 (index 5) and 2035 (index 9).
        assert_eq!(term_boundaries(&years), vec![1, 5, 9]);
        assert_eq!(terms(&years), vec![(0, 0, 2023, 2026), (1, 4, 2027, 2030), (5, 8, 2031, 2034), (9, 9, 2035, 2038)]);
        assert!(term_boundaries(&[2027]).is_empty());
        assert!(terms(&[]).is_empty());
    }

    #[test]
    fn nets_stack_up_and_down_from_zero() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        let s = |net: &str| Series { id: "a".into(), name: "A".into(), colour: 0, net: vec![d(net)] };
        // +3, −2, +1, −4: up 0..3 then 3..4; down −2..0 then −6..−2.
        let (segs, lo, hi) = stack_year(&[s("3"), s("-2"), s("1"), s("-4")], 0);
        assert_eq!(
            segs,
            vec![
                Segment { series: 0, from: d("0"), to: d("3") },
                Segment { series: 1, from: d("-2"), to: d("0") },
                Segment { series: 2, from: d("3"), to: d("4") },
                Segment { series: 3, from: d("-6"), to: d("-2") },
            ]
        );
        assert_eq!((lo, hi), (d("-6"), d("4")));
        // A year with no data: nothing, extent 0..0.
        assert_eq!(stack_year(&[s("1")], 5), (vec![], Decimal::ZERO, Decimal::ZERO));
    }

    #[test]
    fn a_year_names_its_ten_largest_nets() {
        let d = |v: i64| Decimal::from(v);
        let s =
            |k: usize, net: i64| Series { id: format!("a{k}"), name: format!("A{k}"), colour: k, net: vec![d(net)] };
        // Three nets and a zero: all three, in actor order, none left out.
        let few = vec![s(0, 5), s(1, 0), s(2, -9), s(3, 1)];
        let (shown, more) = largest_nets(&few, 0);
        assert_eq!(shown.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(), ["a0", "a2", "a3"]);
        assert_eq!(more, 0);
        // Twelve nets ±1..±12 (odd ones negative): the ten largest by size,
        // 12 down to 3, and two left out (1 and 2).
        let many: Vec<Series> = (1..=12).map(|v| s(v as usize, if v % 2 == 1 { -v } else { v })).collect();
        let (shown, more) = largest_nets(&many, 0);
        let sizes: Vec<i64> = shown.iter().map(|x| x.colour as i64).collect();
        assert_eq!(sizes, (3..=12).rev().collect::<Vec<_>>());
        assert_eq!(more, 2);
        // A year beyond the series: nothing.
        assert_eq!(largest_nets(&many, 3), (vec![], 0));
        // Equal sizes keep actor order: sizes 3 7 7 1 7 2 2 9 7 4 5 6 give
        // 9 (a7), the four 7s (a1 a2 a4 a8), 6 (a11), 5 (a10), 4 (a9),
        // 3 (a0) and the first 2 (a5); a6 (2) and a3 (1) are left out.
        let tied: Vec<Series> =
            [3, -7, 7, 1, 7, 2, 2, 9, -7, 4, 5, 6].iter().enumerate().map(|(k, v)| s(k, *v)).collect();
        let (shown, more) = largest_nets(&tied, 0);
        assert_eq!(
            shown.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(),
            ["a7", "a1", "a2", "a4", "a8", "a11", "a10", "a9", "a0", "a5"]
        );
        assert_eq!(more, 2);
    }

    #[test]
    fn two_years_of_stacked_nets_by_hand() {
        // 2026: Aktör 0 +300 000, Aktör 1 −100 000, Aktör 2 +200 000;
        // 2027: Aktör 0 −200 000, Aktör 1 +100 000, Aktör 2 0.
        let nets = [[300_000, -100_000, 200_000], [-200_000, 100_000, 0]];
        let mut o = outcome(2, 3, |_, _| Decimal::ZERO);
        for (a, actor) in o.actors.iter_mut().enumerate() {
            for (y, row) in actor.rows.iter_mut().enumerate() {
                row.net = Decimal::from(nets[y][a]);
            }
        }
        let s = scenario(3);
        let input = ChartInput { scenario: &s, outcome: &o, lang: Lang::En, unit: Unit::Thousand };
        let chart = layout(&input, &Canvas::new(800.0));
        let years = chart.drawn().expect("drawn");
        let plot = &years.plot;
        // A legend entry per actor, then the term boundary (2026 | 2027).
        let legend: Vec<&str> = plot.legend.entries.iter().map(|e| e.text.as_str()).collect();
        assert_eq!(legend, ["Aktör 0", "Aktör 1", "Aktör 2", "New term of office"]);
        // Columns from −100 (2026) and −200 (2027) to 500 tkr: 700 / 6 → steps of 200, −200 .. 600;
        // the widest label "-200" 4 × 14 × 0.58 = 32.48, the plot from 48.48. Under the legend
        // (22.4) the unit at 36.4, the terms' strip at 36.4 + 18.2 = 54.6, the plot at
        // 54.6 + 25.2 = 79.8 down to 379.8: 800 tkr in 300, zero at 379.8 − 75 = 304.8.
        assert_near(years.strip_top, 54.6);
        assert_rect(plot.area, (48.48, 79.8, 743.52, 300.0));
        assert_near(plot.zero(), 304.8);
        // Bands 371.76 wide, 30 % empty: columns 260.232 wide from 104.244 and 476.004.
        // 2026 stacks Aktör 0 from zero up to 300 tkr (112.5 high), Aktör 2 on it to 500
        // (75 high), Aktör 1 down to −100 (37.5 high): 225 in all, 600 tkr.
        let rect = |actor: &str, i: usize| years.nets.iter().find(|n| n.actor == actor).map(|n| n.rects[i]).unwrap();
        assert_rect(rect("a0", 0), (104.244, 192.3, 260.232, 112.5));
        assert_rect(rect("a2", 0), (104.244, 117.3, 260.232, 75.0));
        assert_rect(rect("a1", 0), (104.244, 304.8, 260.232, 37.5));
        // 2027: Aktör 1 up to 100 tkr, Aktör 0 down to −200; Aktör 2 has nothing that year.
        assert_rect(rect("a1", 1), (476.004, 267.3, 260.232, 37.5));
        assert_rect(rect("a0", 1), (476.004, 304.8, 260.232, 75.0));
        assert_eq!(years.nets.iter().map(|n| n.rects.len()).collect::<Vec<_>>(), [2, 2, 1]);
        // The terms: 2023–2026 over 2026's band, 2027–2030 (shaded) over 2027's; a boundary between.
        let terms: Vec<(i32, i32, bool, Option<&str>)> = years
            .terms
            .iter()
            .map(|t| (t.first, t.last, t.shaded, t.label.as_ref().map(|l| l.text.as_str())))
            .collect();
        assert_eq!(terms, [(2023, 2026, false, Some("Term 2023–2026")), (2027, 2030, true, Some("Term 2027–2030"))]);
        assert_eq!(years.boundaries.len(), 1);
        assert_near(years.boundaries[0], 420.24);
        // Each year's label and tooltip name its nets, in actor order.
        assert_eq!(
            years.years[0].label,
            "2026: Aktör 0 +300\u{a0}kSEK, Aktör 1 -100\u{a0}kSEK, Aktör 2 +200\u{a0}kSEK"
        );
        let tip: Vec<&str> = years.years[1].tip.as_ref().unwrap().lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(tip, ["2027", "Aktör 0: -200\u{a0}kSEK", "Aktör 1: +100\u{a0}kSEK"]);
        assert!(years.years.iter().all(|y| y.negative));
        // Per term, the inside actors' (Aktör 0 and 1) net: +200 in 2023–2026, −100 in 2027–2030.
        assert!(chart.desc.ends_with("2023–2026: +200\u{a0}kSEK; 2027–2030: -100\u{a0}kSEK."), "{}", chart.desc);
    }
}
