//! Plan A against plan B, the comparison's tables as markup text: the key
//! figures of A and B with A − B, and each actor's net over the horizon (who
//! pays, who gains) in A and B with A − B. Every difference says its sign
//! and unit in words ("+", "−", "no difference"), so colour is never the
//! only cue. Written by the on-demand module (`compareTables`), like the
//! year-by-year tables: they are not part of the first download.

use rust_decimal::Decimal;

use crate::explain::{Figure, Value};
use crate::markup::Markup;
use crate::model::{Outcome, Scenario};
use crate::words::app::{AppText, CompareTableText as CompareText};
use crate::words::format::{money, number, percent, to_f64_lossy, Unit};
use crate::words::labels::Label;
use crate::words::Lang;

/// A difference with its sign written out (`+`, or the language's minus),
/// and "no difference" for zero: the sign is read, not only coloured.
pub fn signed(value: Decimal, text: String, lang: Lang) -> String {
    if value.is_zero() {
        format!("0 ({})", CompareText::NoDifference.get(lang))
    } else if value.is_sign_positive() {
        format!("+{text}")
    } else {
        text
    }
}

/// The fund's closing balance of A and B on one chart (A solid, B dashed:
/// the line's pattern, not its colour, tells them apart; the legend says
/// which), and year by year in a table with A − B, the chart's accessible
/// alternative.
fn fund_balance(m: &mut Markup, ao: &Outcome, bo: &Outcome, cash: &dyn Fn(Decimal) -> String, lang: Lang) {
    let mut years: Vec<i32> = ao.fund.iter().chain(&bo.fund).map(|f| f.year).collect();
    years.sort_unstable();
    years.dedup();
    let (Some(&first), Some(&last)) = (years.first(), years.last()) else { return };
    let close = |o: &Outcome, year: i32| o.fund.iter().find(|f| f.year == year).map(|f| f.close);
    let all = ao.fund.iter().chain(&bo.fund).map(|f| f.close);
    let (lo, hi) = all.fold((Decimal::ZERO, Decimal::ZERO), |(lo, hi), v| (lo.min(v), hi.max(v)));
    // Pixels: a 640 × 220 drawing scaled to the width it is given.
    let (w, h, left, right, top, bottom) = (640.0, 220.0, 110.0, 12.0, 14.0, 30.0);
    let span = to_f64_lossy(hi - lo).max(1.0);
    let x = |year: i32| left + (w - left - right) * f64::from(year - first) / f64::from((last - first).max(1));
    let y = |v: Decimal| top + (h - top - bottom) * to_f64_lossy(hi - v) / span;
    let path = |o: &Outcome| {
        let mut d = String::new();
        for f in &o.fund {
            d.push_str(&format!("{}{:.1} {:.1}", if d.is_empty() { "M" } else { " L" }, x(f.year), y(f.close)));
        }
        d
    };
    let last_of =
        |o: &Outcome| o.fund.last().map_or_else(|| "–".to_string(), |f| format!("{} {}", f.year, cash(f.close)));
    let desc = match lang {
        Lang::Sv => format!("Utgående saldo sista året: A {}, B {}.", last_of(ao), last_of(bo)),
        Lang::En => format!("Closing balance in the last year: A {}, B {}.", last_of(ao), last_of(bo)),
    };
    m.open("figure").attr("class", "compare-fund").attr("data-testid", "compare-fund").end();
    m.open("svg").attr("viewBox", &format!("0 0 {w} {h}")).attr("role", "img");
    m.attr("aria-labelledby", "cmp-fund-title cmp-fund-desc").attr("class", "compare-fund-chart").end();
    m.open("title").attr("id", "cmp-fund-title").end().text(CompareText::FundHeading.get(lang)).shut("title");
    m.open("desc").attr("id", "cmp-fund-desc").end().text(&desc).shut("desc");
    // Zero, and the axis' ends, labelled.
    let mut ends = vec![hi, Decimal::ZERO, lo];
    ends.dedup();
    for v in ends {
        let vy = y(v);
        m.open("line").num("x1", left).num("x2", w - right).num("y1", vy).num("y2", vy);
        m.attr("stroke", "currentColor").attr("stroke-opacity", if v.is_zero() { "0.6" } else { "0.2" }).close();
        m.open("text")
            .num("x", left - 6.0)
            .num("y", vy + 4.0)
            .attr("text-anchor", "end")
            .attr("font-size", "16")
            .attr("fill", "currentColor")
            .end();
        m.text(&cash(v)).shut("text");
    }
    // The first year from its point on, the last up to its point: both inside the drawing.
    for (year, anchor) in [(first, "start"), (last, "end")] {
        m.open("text")
            .num("x", x(year))
            .num("y", h - 8.0)
            .attr("text-anchor", anchor)
            .attr("font-size", "16")
            .attr("fill", "currentColor")
            .end();
        m.text(&year.to_string()).shut("text");
    }
    for (o, dash, testid) in [(ao, None, "cmp-fund-a"), (bo, Some("7 5"), "cmp-fund-b")] {
        m.open("path").attr("d", &path(o)).attr("fill", "none").attr("class", "chart-stroke-balance");
        m.attr("stroke-width", if dash.is_some() { "2" } else { "3" }).attr("data-testid", testid);
        if let Some(dash) = dash {
            m.attr("stroke-dasharray", dash);
        }
        m.close();
    }
    m.shut("svg");
    m.open("figcaption").end().open("ul").attr("class", "compare-legend").end();
    for (dash, words) in [(None, CompareText::LegendA), (Some("7 5"), CompareText::LegendB)] {
        m.open("li").end().open("svg").attr("width", "32").attr("height", "10").attr("aria-hidden", "true").end();
        m.open("line").attr("x1", "0").attr("x2", "32").attr("y1", "5").attr("y2", "5");
        m.attr("class", "chart-stroke-balance").attr("stroke-width", "3");
        if let Some(dash) = dash {
            m.attr("stroke-dasharray", dash);
        }
        m.close().shut("svg").text(words.get(lang)).shut("li");
    }
    m.shut("ul").shut("figcaption").shut("figure");

    // Year by year: the chart's figures, with A − B, each cell opening its explanation.
    let caption = Label::ClosingBalance.get(lang);
    m.open("div").attr("class", "table-scroll").attr("tabindex", "0").attr("role", "region");
    m.attr("aria-label", caption).end();
    m.open("table").attr("class", "compare-table").attr("data-testid", "compare-fund-years").end();
    m.open("caption").end().text(caption).shut("caption");
    m.open("thead").end().open("tr").end();
    for h in [Label::Year.get(lang), "A", "B", CompareText::Difference.get(lang)] {
        m.open("th").attr("scope", "col").end().text(h).shut("th");
    }
    m.shut("tr").shut("thead").open("tbody").end();
    for year in years {
        let (a, b) = (close(ao, year), close(bo, year));
        m.open("tr").attr("data-testid", &format!("cmp-fund-{year}")).end();
        m.open("th").attr("scope", "row").end().text(&year.to_string()).shut("th");
        let d = match (a, b) {
            (Some(a), Some(b)) => Some(signed(a - b, cash(a - b), lang)),
            _ => None,
        };
        for (side, cell) in [("a", a.map(cash)), ("b", b.map(cash)), ("d", d)] {
            m.open("td");
            if cell.is_some() {
                m.attr("data-explain", &format!("cmp:{side}:close:{year}:")).attr("tabindex", "-1");
            }
            m.end().text(cell.as_deref().unwrap_or("–")).shut("td");
        }
        m.shut("tr");
    }
    m.shut("tbody").shut("table").shut("div");
}

/// Where B came from, in words, from its key (`Origin::key`); a file by its name.
fn origin_text(origin: &str, lang: Lang) -> String {
    match origin.split_once(':') {
        Some(("file", name)) => format!("{} {}", CompareText::FromFile.get(lang), crate::model::Echo::new(name)),
        _ => match origin {
            "preset" => CompareText::FromPreset,
            "link" => CompareText::FromLink,
            _ => CompareText::Pinned,
        }
        .get(lang)
        .to_string(),
    }
}

/// A difference's class: its sign (also said in words, never by colour alone).
fn diff_class(d: Decimal) -> &'static str {
    match (d.is_zero(), d.is_sign_positive()) {
        (true, _) => "diff-none",
        (false, true) => "diff-up",
        (false, false) => "diff-down",
    }
}

/// A − B of a figure as the table writes it, with its class: money signed in
/// the unit (`cash`), years, or percentage points; `None` when either side
/// has no figure (no payback year, no grants). The explanation of a
/// difference (`explain::compare`) ends with this same text.
pub fn difference_cell(
    a: Value,
    b: Value,
    cash: &dyn Fn(Decimal) -> String,
    lang: Lang,
) -> Option<(String, &'static str)> {
    Some(match (a, b) {
        (Value::Money(a), Value::Money(b)) => {
            let d = a - b;
            (signed(d, cash(d), lang), diff_class(d))
        }
        (Value::Year(Some(ya)), Value::Year(Some(yb))) => {
            let d = Decimal::from(ya) - Decimal::from(yb);
            let unit = lang.pick(" år", if d.abs() == Decimal::ONE { " year" } else { " years" });
            (signed(d, format!("{}{unit}", number(d, 0, lang)), lang), diff_class(d))
        }
        (Value::Ratio(ra), Value::Ratio(rb)) => {
            let d = (ra - rb) * Decimal::ONE_HUNDRED;
            let words = lang.pick(" procentenheter", " percentage points");
            (signed(d, format!("{}{words}", number(d, 0, lang)), lang), diff_class(d))
        }
        _ => return None,
    })
}

/// A cell's text and, when it has a figure, the key of its explanation (`cmp:a:…`, `explain::compare`).
type Cell = (String, Option<String>);

/// The comparison as markup text: its heading, the names of A and B (and
/// where B came from), and its two tables: the key figures of A and B
/// with A − B, and each actor's net over the horizon (who pays, who gains)
/// in A and B with A − B. Actors are matched by id (A's order, then those
/// only B has); one absent from a scenario is "–" there, its difference too.
/// Each cell with a figure opens its explanation (`data-explain`); each
/// table is a region of its own that the keyboard enters (as the year tables).
pub fn comparison_tables(
    a: &Scenario,
    ao: &Outcome,
    b: &Scenario,
    bo: &Outcome,
    origin: &str,
    lang: Lang,
    unit: Unit,
) -> Markup {
    let currency = a.currency.as_str();
    let cash = |v: Decimal| money(v, unit, currency, lang);
    let mut m = Markup::default();
    m.open("h2").attr("id", "compare-heading").end().text(CompareText::Heading.get(lang)).shut("h2");
    m.open("ul").attr("class", "compare-names").end();
    let origin = origin_text(origin, lang);
    for (testid, letter, name, origin) in
        [("compare-a", "A: ", &a.name, None), ("compare-b", "B: ", &b.name, Some(origin))]
    {
        m.open("li").attr("data-testid", testid).end().open("strong").end().text(letter).shut("strong");
        m.text(name);
        if let Some(origin) = origin {
            m.text(&format!(" ({origin})"));
        }
        m.shut("li");
    }
    m.shut("ul");
    let head = |m: &mut Markup, caption: &str, testid: &str, first: &str| {
        m.open("div").attr("class", "table-scroll").attr("tabindex", "0").attr("role", "region");
        m.attr("aria-label", caption).end();
        m.open("table").attr("class", "compare-table").attr("data-testid", testid).end();
        m.open("caption").end().text(caption).shut("caption");
        m.open("thead").end().open("tr").end();
        for h in [
            first,
            CompareText::ScenarioA.get(lang),
            CompareText::ScenarioB.get(lang),
            CompareText::Difference.get(lang),
        ] {
            m.open("th").attr("scope", "col").end().text(h).shut("th");
        }
        m.shut("tr").shut("thead").open("tbody").end();
    };
    let row = |m: &mut Markup, testid: &str, name: &str, cells: [Cell; 3], sign: &str| {
        m.open("tr").attr("data-testid", testid).end();
        m.open("th").attr("scope", "row").end().text(name).shut("th");
        for (i, (text, key)) in cells.iter().enumerate() {
            m.open("td");
            if i == 2 {
                m.attr("class", sign).attr("data-testid", &format!("{testid}-diff"));
            }
            if let Some(key) = key {
                m.attr("data-explain", key).attr("tabindex", "-1");
            }
            m.end().text(text).shut("td");
        }
        m.shut("tr");
    };
    // A figure's three cells: A, B (each the figure's own explanation in its
    // scenario) and A − B, each with its key when it has a figure.
    let cells = |key: String| -> ([Cell; 3], &'static str) {
        let text = |s: &Scenario, o: &Outcome| -> Option<String> {
            let f = Figure::parse(&key, s, o)?;
            Some(match crate::explain::shown(o, f)? {
                Value::Money(v) => cash(v),
                Value::Year(Some(y)) => y.to_string(),
                Value::Year(None) if f == Figure::PaybackYear => Label::NoPayback.get(lang).to_string(),
                // No grants: no share comes back.
                Value::Year(None) => return None,
                Value::Ratio(r) => percent(r, 0, lang),
                Value::Number(n) => number(n, 0, lang),
            })
        };
        let side = |s, o, letter: &str| -> Cell {
            match text(s, o) {
                Some(t) => (t, Some(format!("cmp:{letter}:{key}"))),
                None => ("–".to_string(), None),
            }
        };
        let shown = |s: &Scenario, o: &Outcome| Figure::parse(&key, s, o).and_then(|f| crate::explain::shown(o, f));
        let (d, class) = match (shown(a, ao), shown(b, bo)) {
            (Some(va), Some(vb)) => match difference_cell(va, vb, &cash, lang) {
                Some((text, class)) => ((text, Some(format!("cmp:d:{key}"))), class),
                None => (("–".to_string(), None), "diff-none"),
            },
            _ => (("–".to_string(), None), "diff-none"),
        };
        ([side(a, ao, "a"), side(b, bo, "b"), d], class)
    };
    head(&mut m, AppText::KeyFigures.get(lang), "compare-figures", CompareText::Figure.get(lang));
    let figures = [
        ("cmp-total-cost", Label::TotalCost, Figure::TotalCost),
        ("cmp-savings-inside", Label::SavingsInside, Figure::SavingsInside),
        ("cmp-savings-outside", Label::SavingsOutsideOrganisation, Figure::SavingsOutside),
        ("cmp-org-npv", Label::OrganisationPresentValue, Figure::OrgNpv),
        ("cmp-society-npv", Label::SocietyPresentValue, Figure::SocietyNpv),
        ("cmp-payback", Label::PaybackYear, Figure::PaybackYear),
        ("cmp-revolving", Label::RevolvingRatio, Figure::RevolvingRatio),
    ];
    for (testid, label, figure) in figures {
        let (c, class) = cells(figure.key(a));
        row(&mut m, testid, label.get(lang), c, class);
    }
    m.shut("tbody").shut("table").shut("div");

    // Who pays, who gains: each actor's net over the horizon.
    head(&mut m, CompareText::ActorNet.get(lang), "compare-actors", Label::Actor.get(lang));
    let mut ids: Vec<&str> = ao.actors.iter().map(|x| x.id.as_str()).collect();
    for x in &bo.actors {
        if !ids.contains(&x.id.as_str()) {
            ids.push(&x.id);
        }
    }
    for (i, id) in ids.into_iter().enumerate() {
        let name = a.actor(id).or_else(|| b.actor(id)).map_or(id, |x| x.name.as_str());
        let (c, class) = cells(format!("net_total::{id}"));
        row(&mut m, &format!("cmp-actor-{i}"), name, c, class);
    }
    m.shut("tbody").shut("table").shut("div");
    fund_balance(&mut m, ao, bo, &cash, lang);
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn differences_carry_their_sign_and_unit_in_words() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        // 1 250 000 kr in thousands is 1 250 tkr; its sign written: "+1 250 tkr".
        let text = |v: &str, lang| signed(d(v), money(d(v), Unit::Thousand, "SEK", lang), lang);
        assert_eq!(text("1250000", Lang::Sv), "+1\u{a0}250\u{a0}tkr");
        assert_eq!(text("-1250000", Lang::Sv), "\u{2212}1\u{a0}250\u{a0}tkr");
        assert_eq!(text("0", Lang::En), "0 (no difference)");
    }

    #[test]
    fn the_tables_give_a_minus_b_for_every_figure_and_actor() {
        // B: the example; A: the same with the discount rate raised, so that
        // costs and savings (undiscounted) are equal and only present values differ.
        let b_scenario = crate::presets::example().unwrap();
        let mut a = b_scenario.clone();
        a.discount_rate = Decimal::new(10, 2);
        let (ao, bo) = (crate::model::simulate(&a).unwrap(), crate::model::simulate(&b_scenario).unwrap());
        let html = comparison_tables(&a, &ao, &b_scenario, &bo, "file:<b>.json", Lang::En, Unit::One).into_string();
        assert!(
            html.contains(
                "data-testid=\"cmp-total-cost-diff\" data-explain=\"cmp:d:total_cost::\" tabindex=\"-1\">0 (no difference)</td>"
            ),
            "{html}"
        );
        // B's origin: a file by its name, escaped.
        assert!(html.contains(" (from a file &lt;b&gt;.json)</li>"), "{html}");
        // A higher rate discounts later savings more: the organisation's present value falls.
        let fall = ao.key_figures.org_npv - bo.key_figures.org_npv;
        assert!(fall < Decimal::ZERO);
        assert!(html.contains(&format!(
            "class=\"diff-down\" data-testid=\"cmp-org-npv-diff\" data-explain=\"cmp:d:org_npv::\" tabindex=\"-1\">{}",
            money(fall, Unit::One, "SEK", Lang::En)
        )));
        assert_eq!(
            html.matches("data-testid=\"cmp-actor-").count(),
            2 * ao.actors.len(),
            "a row and a difference per actor"
        );
    }
}
