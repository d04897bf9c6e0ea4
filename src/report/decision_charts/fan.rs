//! The fan charts: the 5–95 % band and the median of the Monte Carlo run per
//! year, on the fund's closing balance or the organisation's cumulative
//! result, with the deterministic line (the assumed values) and the zero line.

use rust_decimal::Decimal;

use super::{clamp_width, nice_ticks, MonteCarloJson, YearPercentilesJson, CHAR_WIDTH, COMPACT_BELOW};
use crate::explain::decision::{DecisionKey, Series};
use crate::markup::{push_px, Markup};
use crate::model::{Outcome, Scenario};
use crate::words::decision_charts::DecisionText;
use crate::words::format::{money, money_bare, to_f64_lossy, Unit};
use crate::words::Lang;

const TOP: f64 = 12.0;
const RIGHT: f64 = 12.0;

/// Which series a fan shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    FundClose,
    CumulativeOrgNet,
}

/// A fan laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct Fan {
    pub width: f64,
    pub height: f64,
    pub title: &'static str,
    pub desc: String,
    /// Left, top, right, bottom of the plot.
    pub plot: (f64, f64, f64, f64),
    /// The band's outline: the 95th percentiles left to right, then the 5th right to left.
    pub band: Vec<(f64, f64)>,
    pub median: Vec<(f64, f64)>,
    /// The deterministic line (empty when its years do not match the run's).
    pub deterministic: Vec<(f64, f64)>,
    pub zero_y: f64,
    /// Money ticks: height and label.
    pub ticks: Vec<(f64, String)>,
    /// Year labels: x and year.
    pub years: Vec<(f64, i32)>,
    /// Table rows: year, p5, p50, p95, deterministic.
    pub rows: Vec<[String; 5]>,
    /// One focusable column per year: x, and what it says (the band's both
    /// ends and the median).
    pub points: Vec<(f64, String)>,
    pub lang: Lang,
    /// Whether a median ever lies outside its band (it never should).
    pub median_outside_band: bool,
    pub small: f64,
    /// Which series it shows (its table's cells' keys).
    pub which: Which,
}

/// The deterministic series of `which` from the outcome, per year.
fn deterministic(o: &Outcome, which: Which) -> Vec<(i32, Decimal)> {
    match which {
        Which::FundClose => o.fund.iter().map(|r| (r.year, r.close)).collect(),
        Which::CumulativeOrgNet => {
            let mut sum = Decimal::ZERO;
            o.years
                .iter()
                .zip(&o.org_net)
                .map(|(y, v)| {
                    sum = sum.saturating_add(*v);
                    (*y, sum)
                })
                .collect()
        }
    }
}

pub fn layout(s: &Scenario, o: &Outcome, mc: &MonteCarloJson, which: Which, lang: Lang, unit: Unit, width: f64) -> Fan {
    let w = clamp_width(width);
    let compact = w < COMPACT_BELOW;
    let small = if compact { 13.0 } else { 14.0 };
    let (title, series): (&'static str, &[YearPercentilesJson]) = match which {
        Which::FundClose => (DecisionText::FanFund.get(lang), &mc.fund_close),
        Which::CumulativeOrgNet => (DecisionText::FanCumulative.get(lang), &mc.cumulative_org_net),
    };
    let det = deterministic(o, which);
    let det_matches = det.len() == series.len() && det.iter().zip(series).all(|(d, p)| d.0 == p.year);
    let mut lo = 0.0f64;
    let mut hi = 0.0f64;
    for p in series {
        for v in [p.p5, p.p50, p.p95] {
            lo = lo.min(to_f64_lossy(v));
            hi = hi.max(to_f64_lossy(v));
        }
    }
    if det_matches {
        for (_, v) in &det {
            lo = lo.min(to_f64_lossy(*v));
            hi = hi.max(to_f64_lossy(*v));
        }
    }
    let ticks_v = nice_ticks(lo, hi, if compact { 4 } else { 6 });
    let (lo, hi) = (ticks_v.first().copied().unwrap_or(lo), ticks_v.last().copied().unwrap_or(hi));
    let tick_labels: Vec<String> =
        ticks_v.iter().map(|t| money_bare(Decimal::from_f64_retain(*t).unwrap_or_default(), unit, lang)).collect();
    // The money axis is as wide as its longest label.
    let longest = tick_labels.iter().map(|l| l.chars().count()).max().unwrap_or(1) as f64;
    let left = 8.0 + longest * small * CHAR_WIDTH + 6.0;
    let plot_h = if compact { 200.0 } else { 260.0 };
    let plot = (left, TOP, w - RIGHT, TOP + plot_h);
    let n = series.len();
    let x = |i: usize| {
        if n <= 1 {
            (plot.0 + plot.2) / 2.0
        } else {
            plot.0 + i as f64 * (plot.2 - plot.0) / (n - 1) as f64
        }
    };
    let y = |v: f64| plot.3 - (v - lo) / (hi - lo) * (plot.3 - plot.1);
    let yd = |v: Decimal| y(to_f64_lossy(v));
    let mut band: Vec<(f64, f64)> = series.iter().enumerate().map(|(i, p)| (x(i), yd(p.p95))).collect();
    band.extend(series.iter().enumerate().rev().map(|(i, p)| (x(i), yd(p.p5))));
    let median = series.iter().enumerate().map(|(i, p)| (x(i), yd(p.p50))).collect();
    let deterministic_line =
        if det_matches { det.iter().enumerate().map(|(i, (_, v))| (x(i), yd(*v))).collect() } else { Vec::new() };
    // Every k-th year, k chosen so that four-digit labels keep 8 units apart.
    let label_w = 4.0 * small * CHAR_WIDTH + 8.0;
    let dx = if n > 1 { (plot.2 - plot.0) / (n - 1) as f64 } else { f64::INFINITY };
    let step = (label_w / dx).ceil().max(1.0) as usize;
    let years = series.iter().enumerate().filter(|(i, _)| i % step == 0).map(|(i, p)| (x(i), p.year)).collect();
    let cur = s.currency.as_str();
    let rows = series
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let d = if det_matches { money(det[i].1, unit, cur, lang) } else { String::new() };
            [
                p.year.to_string(),
                money(p.p5, unit, cur, lang),
                money(p.p50, unit, cur, lang),
                money(p.p95, unit, cur, lang),
                d,
            ]
        })
        .collect::<Vec<_>>();
    let points = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            (
                x(i),
                format!(
                    "{}: {} {}–{}, {} {}",
                    r[0],
                    DecisionText::Band.get(lang),
                    r[1],
                    r[3],
                    DecisionText::Median.get(lang).to_lowercase(),
                    r[2]
                ),
            )
        })
        .collect();
    let desc = match rows.last() {
        Some(r) => format!(
            "{} {}: {} {}; {} {}–{} ({} {})",
            DecisionText::Year.get(lang),
            r[0],
            DecisionText::Median.get(lang),
            r[2],
            DecisionText::Band.get(lang),
            r[1],
            r[3],
            crate::words::format::number(Decimal::from(mc.draws), 0, lang),
            lang.pick("dragningar", "draws")
        ),
        None => String::new(),
    };
    Fan {
        width: w,
        height: plot.3 + small + 14.0,
        title,
        desc,
        plot,
        band,
        median,
        deterministic: deterministic_line,
        zero_y: y(0.0),
        ticks: ticks_v.iter().zip(tick_labels).map(|(t, l)| (y(*t), l)).collect(),
        years,
        rows,
        points,
        lang,
        median_outside_band: series.iter().any(|p| p.p50 < p.p5 || p.p50 > p.p95),
        small,
        which,
    }
}

fn points(line: &[(f64, f64)]) -> String {
    let mut out = String::new();
    for (n, (x, y)) in line.iter().enumerate() {
        out.push(if n == 0 { 'M' } else { 'L' });
        push_px(&mut out, *x);
        out.push(' ');
        push_px(&mut out, *y);
    }
    out
}

pub fn markup(f: &Fan) -> String {
    let lang = f.lang;
    let mut m = Markup::default();
    m.open("figure").attr("class", "decision-figure decision-fan").end();
    m.open("figcaption").end().text(f.title).shut("figcaption");
    m.open("svg")
        .attr("xmlns", "http://www.w3.org/2000/svg")
        .attr("class", "decision-chart")
        .attr("role", "group")
        .attr("aria-label", &format!("{}. {}", f.title, f.desc))
        .attr("viewBox", &format!("0 0 {} {}", crate::markup::px(f.width), crate::markup::px(f.height)))
        .num("font-size", f.small)
        .end();
    m.open("title").end().text(f.title).shut("title");
    m.open("desc").end().text(&f.desc).shut("desc");
    for (y, label) in &f.ticks {
        m.open("line").attr("class", "fan-grid").num("x1", f.plot.0).num("y1", *y).num("x2", f.plot.2);
        m.num("y2", *y).close();
        m.open("text").attr("class", "fan-tick").num("x", f.plot.0 - 6.0).num("y", y + f.small * 0.35);
        m.attr("text-anchor", "end").end().text(label).shut("text");
    }
    let mut band = points(&f.band);
    band.push('Z');
    m.open("path").attr("class", "fan-band").attr("d", &band).close();
    m.open("line").attr("class", "fan-zero").num("x1", f.plot.0).num("y1", f.zero_y).num("x2", f.plot.2);
    m.num("y2", f.zero_y).close();
    if !f.deterministic.is_empty() {
        m.open("path").attr("class", "fan-deterministic").attr("d", &points(&f.deterministic)).close();
    }
    m.open("path").attr("class", "fan-median").attr("d", &points(&f.median)).close();
    // A column per year, focusable, named by both ends of the band and the
    // median; focus or hover marks the year and shows them above the plot.
    let column =
        if f.points.len() > 1 { (f.plot.2 - f.plot.0) / (f.points.len() - 1) as f64 } else { f.plot.2 - f.plot.0 };
    for ((x, said), r) in f.points.iter().zip(&f.rows) {
        m.open("g").attr("class", "fan-point").attr("tabindex", "0").attr("role", "img").attr("aria-label", said).end();
        m.open("rect").attr("class", "decision-hit").num("x", x - column / 2.0).num("y", f.plot.1);
        m.num("width", column).num("height", f.plot.3 - f.plot.1).close();
        m.open("line").attr("class", "fan-marker").num("x1", *x).num("y1", f.plot.1).num("x2", *x);
        m.num("y2", f.plot.3).close();
        // The readout, two short lines, lies inside the frame about the year.
        let lines = [
            format!("{}: {} {}", r[0], DecisionText::Median.get(lang), r[2]),
            format!("{}: {}–{}", lang.pick("5–95\u{a0}%", "5–95%"), r[1], r[3]),
        ];
        let longest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as f64;
        let w = (longest * f.small * CHAR_WIDTH + 10.0).min(f.width);
        let left = (x - w / 2.0).clamp(0.0, (f.width - w).max(0.0));
        m.open("rect").attr("class", "decision-readout-box").num("x", left).num("y", f.plot.1).num("width", w);
        m.num("height", 2.0 * f.small * 1.25 + 8.0).close();
        m.open("text").attr("class", "decision-readout").end();
        for (n, line) in lines.iter().enumerate() {
            m.open("tspan").num("x", left + 5.0).num("y", f.plot.1 + 4.0 + f.small * (1.0 + 1.25 * n as f64)).end();
            m.text(line).shut("tspan");
        }
        m.shut("text").shut("g");
    }
    for (x, year) in &f.years {
        m.open("text").attr("class", "fan-year").num("x", *x).num("y", f.plot.3 + f.small + 6.0);
        m.attr("text-anchor", "middle").end().text(&year.to_string()).shut("text");
    }
    m.shut("svg");
    m.open("ul").attr("class", "decision-legend").end();
    for (class, word) in [
        ("fan-band", DecisionText::Band),
        ("fan-median", DecisionText::Median),
        ("fan-deterministic", DecisionText::Deterministic),
    ] {
        m.open("li").end().open("span").attr("class", &format!("swatch {class}")).attr("aria-hidden", "true");
        m.end().shut("span").text(word.get(lang)).shut("li");
    }
    m.shut("ul");
    let table = DecisionText::TableOf.get(lang).replace("{title}", f.title);
    m.open("details").end().open("summary").end().text(&table).shut("summary");
    m.open("div").attr("class", "table-scroll").attr("tabindex", "0").attr("role", "region").attr("aria-label", &table);
    m.end().open("table").attr("class", "decision-table fan-table").end().open("thead").end().open("tr").end();
    for h in [
        DecisionText::Year.get(lang),
        "5 %",
        DecisionText::Median.get(lang),
        "95 %",
        DecisionText::Deterministic.get(lang),
    ] {
        m.open("th").attr("scope", "col").end().text(h).shut("th");
    }
    m.shut("tr").shut("thead").open("tbody").end();
    let series = if f.which == Which::FundClose { Series::FundClose } else { Series::CumulativeOrgNet };
    for r in &f.rows {
        m.open("tr").end().open("th").attr("scope", "row").end().text(&r[0]).shut("th");
        // Each figure opens its explanation (`explain::decision`): a percentile
        // its rule and the run's numbers, the assumed values' figure its trace.
        let year: i32 = r[0].parse().unwrap_or_default();
        let keys = [
            Some(DecisionKey::Percentile { series, p: 5, year }.key()),
            Some(DecisionKey::Percentile { series, p: 50, year }.key()),
            Some(DecisionKey::Percentile { series, p: 95, year }.key()),
            match series {
                Series::FundClose => Some(format!("close:{year}:")),
                Series::CumulativeOrgNet => Some(DecisionKey::Cumulative { year }.key()),
            }
            .filter(|_| !r[4].is_empty()),
        ];
        for (c, key) in r[1..].iter().zip(keys) {
            m.open("td");
            if let Some(key) = key {
                m.attr("data-explain", &key).attr("tabindex", "-1");
            }
            m.end().text(c).shut("td");
        }
        m.shut("tr");
    }
    m.shut("tbody").shut("table").shut("div").shut("details").shut("figure");
    m.into_string()
}
