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
