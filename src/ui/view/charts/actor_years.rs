//! Budget effect per actor and year: each actor's `net` as a diverging
//! stacked bar (positive nets stacked up from zero, negative ones down), one
//! colour and pattern per actor with a legend, and the terms of office on
//! the time axis.
//!
//! Swedish general elections are held every four years in September (2026,
//! 2030, 2034, …); the new term starts on the following 1 January, so the
//! boundaries fall before 2027, 2031, 2035, …: dashed lines, and each term
//! labelled "Mandatperiod 2027–2030" above the bars.

use rust_decimal::Decimal;
use yew::prelude::*;

use super::axis::{
    ellipsize, label_every, money_grid, nice_ticks, push_px, px, text_width, Bands, Markup, Scale, NAME_CHAR_WIDTH,
};
use super::frame::Frame;
use super::labels::{Labels, Money};
use super::legend::{legend, Entry, Swatch};
use super::palette;
use super::tooltip::{item, tooltip, Focus, ItemData, Tip};
use super::ChartProps;

/// The first year of a term of office (1 January after an election year).
pub const FIRST_TERM_START: i32 = 2027;

/// The first calendar year of the term that `year` belongs to.
pub fn term_start(year: i32) -> i32 {
    year - (year - FIRST_TERM_START).rem_euclid(4)
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
            let end = pos.saturating_add(v);
            out.push(Segment { series: s, from: pos, to: end });
            pos = end;
        } else if v < Decimal::ZERO {
            let end = neg.saturating_add(v);
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

fn series(props: &ChartProps, years: &[i32]) -> Vec<Series> {
    props
        .outcome
        .actors
        .iter()
        .enumerate()
        .map(|(k, a)| {
            let actor = props.scenario.actor(&a.id);
            let net = years
                .iter()
                .enumerate()
                .map(|(i, y)| {
                    let row = a.rows.get(i).filter(|r| r.year == *y).or_else(|| a.rows.iter().find(|r| r.year == *y));
                    row.map(|r| r.net).unwrap_or(Decimal::ZERO)
                })
                .collect();
            Series {
                id: a.id.clone(),
                name: actor.map(|x| x.name.clone()).filter(|n| !n.trim().is_empty()).unwrap_or_else(|| a.id.clone()),
                colour: props.scenario.actors.iter().position(|x| x.id == a.id).unwrap_or(k),
                net,
            }
        })
        .collect()
}

/// Draws the chart.
pub fn view(props: &ChartProps, frame: &Frame, focus: &Focus) -> Html {
    let l = Labels::new(props.lang);
    let m = Money::new(props.unit, &props.scenario.currency, props.lang);
    let w = frame.width();
    let (font, small) = (frame.font(), frame.small());
    let margin = 8.0;
    let years: Vec<i32> = if props.outcome.years.is_empty() {
        props.outcome.actors.first().map(|a| a.rows.iter().map(|r| r.year).collect()).unwrap_or_default()
    } else {
        props.outcome.years.clone()
    };
    if years.is_empty() {
        let body = html! { <text x={px(w / 2.0)} y="40" text-anchor="middle">{ l.no_years() }</text> };
        return frame.svg("actor-years", 70.0, l.actor_years_title(), l.no_years(), body);
    }
    let series = series(props, &years);
    let prefix = &frame.prefix;
    let n_patterns = props.scenario.actors.len().max(props.outcome.actors.len());

    let legend_chars = (((w - 2.0 * margin) / 2.0 - small * 2.5) / (small * NAME_CHAR_WIDTH)).max(12.0) as usize;
    let mut entries: Vec<Entry> = series
        .iter()
        .map(|s| {
            Entry::new(
                Swatch::Fill(palette::fill_url(&palette::actor_pattern_id(prefix, s.colour))),
                ellipsize(&s.name, legend_chars),
            )
        })
        .collect();
    if !term_boundaries(&years).is_empty() {
        entries.push(Entry::new(Swatch::Dashed, l.term_boundary()));
    }
    let (legend_html, legend_h) = legend(&entries, margin, w - margin, margin, small);

    let stacks: Vec<_> = (0..years.len()).map(|i| stack_year(&series, i)).collect();
    let lo = stacks.iter().map(|s| s.1).fold(Decimal::ZERO, Decimal::min);
    let hi = stacks.iter().map(|s| s.2).fold(Decimal::ZERO, Decimal::max);
    let ticks = nice_ticks(lo, hi, props.unit, props.lang, frame.tick_target());

    let unit_top = margin + legend_h + 6.0;
    let strip_top = unit_top + small * 1.3;
    let plot_top = strip_top + small * 1.8;
    let plot_h = if frame.compact { 250.0 } else { 300.0 };
    let plot_bottom = plot_top + plot_h;
    let height = plot_bottom + small * 2.2;
    let plot_left = margin + ticks.label_width(small) + 8.0;
    let plot_right = w - margin;
    let y = Scale::for_ticks(&ticks, plot_bottom, plot_top);
    let n = years.len();
    let bands = Bands::new(n, plot_left, plot_right, if n > 30 { 0.15 } else { 0.3 });

    // Terms: alternate shading, a label in the strip, dashed lines between.
    // Terms: alternate shading, a label in the strip, dashed lines between
    // (drawn as text: nothing here is focused or hovered).
    let mut below = Markup::default();
    for (t, (first, last, from, to)) in terms(&years).into_iter().enumerate() {
        let x0 = bands.boundary(first);
        let x1 = bands.boundary(last + 1);
        let long = l.term(from, to);
        let short = format!("{from}–{to}");
        let shorter = format!("{from}–{:02}", to.rem_euclid(100));
        let room = x1 - x0 - 4.0;
        let text = [long, short, shorter].into_iter().find(|t| text_width(t, small) <= room);
        below.open("g").attr("class", "chart-term").attr("data-term", &format!("{from}-{to}")).end();
        if t % 2 == 1 {
            below
                .open("rect")
                .num("x", x0)
                .num("y", strip_top)
                .num("width", x1 - x0)
                .num("height", plot_bottom - strip_top);
            below.attr("fill", "currentColor").attr("fill-opacity", "0.045").close();
        }
        if let Some(text) = text {
            below
                .open("text")
                .num("x", (x0 + x1) / 2.0)
                .num("y", strip_top + small * 1.0)
                .attr("text-anchor", "middle");
            below.num("font-size", small).end().text(&text).shut("text");
        }
        below.shut("g");
    }
    let mut boundaries = Markup::default();
    boundaries.open("g").attr("pointer-events", "none").end();
    for i in term_boundaries(&years) {
        let bx = bands.boundary(i);
        boundaries.open("line").attr("class", "chart-term-boundary").num("x1", bx).num("x2", bx);
        boundaries
            .num("y1", strip_top)
            .num("y2", plot_bottom)
            .attr("stroke", "currentColor")
            .attr("stroke-width", "1.5");
        boundaries.attr("stroke-dasharray", "5 4").attr("stroke-opacity", "0.8").close();
    }
    boundaries.shut("g");

    let grid = money_grid(&ticks, &y, plot_left, plot_right, small);

    // One path per actor holding all its years' segments: 50 actors over 60
    // years are 50 elements, not 3 000 (hover and focus are the year's).
    let mut outlines: Vec<String> = vec![String::new(); series.len()];
    for (i, (segs, _, _)) in stacks.iter().enumerate() {
        let (x, width) = (bands.start(i), bands.width().max(0.5));
        for s in segs {
            let (a, b) = (y.money(s.from), y.money(s.to));
            if let Some(d) = outlines.get_mut(s.series) {
                // M x y h width v height h -width z: the segment's rectangle.
                d.push('M');
                push_px(d, x);
                d.push(' ');
                push_px(d, a.min(b));
                d.push('h');
                push_px(d, width);
                d.push('v');
                push_px(d, (a - b).abs());
                d.push_str("h-");
                push_px(d, width);
                d.push('z');
            }
        }
    }
    let mut above = Markup::default();
    above.open("g").attr("class", "chart-nets").attr("pointer-events", "none").end();
    for (one, d) in series.iter().zip(outlines).filter(|(_, d)| !d.is_empty()) {
        above.open("path").attr("class", "bar-net").attr("data-actor", &one.id).attr("d", &d);
        if let Some(fill) = palette::fill_url(&palette::actor_pattern_id(prefix, one.colour)).fill() {
            above.attr("fill", &fill);
        }
        above.attr("stroke", "var(--c-halo, #ffffff)").attr("stroke-width", "0.75").close();
    }
    above.shut("g");
    let items = years.iter().enumerate().map(|(i, year)| {
        // The year's nets, largest first (as its tooltip; the year table has them all).
        let (shown, more) = largest_nets(&series, i);
        let mut parts: Vec<String> = shown.iter().map(|s| format!("{} {}", s.name, m.signed(s.net[i]))).collect();
        if more > 0 {
            parts.push(format!("… +{more}"));
        }
        let label = if parts.is_empty() { format!("{year}: {}", m.text(Decimal::ZERO)) } else { format!("{year}: {}", parts.join(", ")) };
        let focused = focus.is(i);
        let children = html! {
            <rect class="chart-hit" x={px(bands.boundary(i))} y={px(plot_top)} width={px(bands.step())} height={px(plot_h)}
                  fill="currentColor" fill-opacity={if focused { "0.08" } else { "0" }}
                  stroke={if focused { "currentColor" } else { "none" }} stroke-dasharray="3 2" />
        };
        let negative = stacks[i].1 < Decimal::ZERO;
        item(focus, i, "chart-bar", ItemData { year: Some(*year), actor: None, negative }, &label, children)
    });

    let every = label_every(bands.step(), text_width("2030", small), 6.0);
    let mut x_axis = Markup::default();
    x_axis.open("g").attr("class", "chart-x-axis").end();
    for (i, year) in years.iter().enumerate().filter(|(i, _)| i % every == 0) {
        x_axis.open("text").num("x", bands.center(i)).num("y", plot_bottom + small * 1.4).attr("text-anchor", "middle");
        x_axis.num("font-size", small).end().text(&year.to_string()).shut("text");
    }
    x_axis.shut("g");

    let tip = focus.current.filter(|i| *i < n).map(|i| {
        let (shown, more) = largest_nets(&series, i);
        let mut lines = vec![years[i].to_string()];
        lines.extend(shown.iter().map(|s| format!("{}: {}", ellipsize(&s.name, 26), m.signed(s.net[i]))));
        if more > 0 {
            lines.push(format!("… +{more}"));
        }
        if lines.len() == 1 {
            lines.push(m.text(Decimal::ZERO));
        }
        Tip { x: bands.center(i), y: y.money(stacks[i].2), lines, dodge: bands.step() / 2.0 }
    });

    let body = html! {
        <>
            { palette::defs(prefix, n_patterns) }
            { legend_html }
            <text x={px(margin)} y={px(unit_top + small * 0.5)} font-size={px(small)} dominant-baseline="central">{ m.unit_label() }</text>
            { below.into_html() }
            { grid }
            <g class="chart-bars">{ for items }</g>
            { above.into_html() }
            { boundaries.into_html() }
            { x_axis.into_html() }
            { tooltip(frame, tip, height) }
        </>
    };
    let _ = font;
    // Per term, the net of the actors inside the organisation: does it pay back within the term?
    let inside: Vec<bool> =
        props.outcome.actors.iter().map(|a| props.scenario.actor(&a.id).map(|x| x.inside).unwrap_or(true)).collect();
    let per_term: Vec<String> = terms(&years)
        .into_iter()
        .map(|(first, last, from, to)| {
            let sum = series
                .iter()
                .zip(&inside)
                .filter(|(_, inside)| **inside)
                .flat_map(|(s, _)| s.net[first..=last].iter())
                .fold(Decimal::ZERO, |acc, v| acc.saturating_add(*v));
            format!("{from}–{to}: {}", m.signed(sum))
        })
        .collect();
    let desc = format!("{} {} {}.", l.actor_years_desc(), l.inside_net_per_term(), per_term.join("; "));
    frame.svg("actor-years", height, l.actor_years_title(), &desc, body)
}

#[cfg(test)]
mod tests {
    use super::*;
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
}
