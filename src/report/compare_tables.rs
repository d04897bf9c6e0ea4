//! Plan A against plan B, the comparison's tables as markup text: the key
//! figures of A and B with A − B, and each actor's net over the horizon (who
//! pays, who gains) in A and B with A − B. Every difference says its sign
//! and unit in words ("+", "−", "no difference"), so colour is never the
//! only cue. Written by the on-demand module (`compareTables`), like the
//! year-by-year tables: they are not part of the first download.

use rust_decimal::Decimal;

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

    // Year by year: the chart's figures, with A − B.
    m.open("table").attr("class", "compare-table").attr("data-testid", "compare-fund-years").end();
    m.open("caption").end().text(Label::ClosingBalance.get(lang)).shut("caption");
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
            (Some(a), Some(b)) => signed(a - b, cash(a - b), lang),
            _ => "–".to_string(),
        };
        for cell in [a.map_or_else(|| "–".to_string(), cash), b.map_or_else(|| "–".to_string(), cash), d] {
            m.open("td").end().text(&cell).shut("td");
        }
        m.shut("tr");
    }
    m.shut("tbody").shut("table");
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

/// The comparison as markup text: its heading, the names of A and B (and
/// where B came from), and its two tables: the key figures of A and B
/// with A − B, and each actor's net over the horizon (who pays, who gains)
/// in A and B with A − B. Actors are matched by id (A's order, then those
/// only B has); one absent from a scenario is "–" there, its difference too.
pub fn comparison_tables(
    a: &Scenario,
    ao: &Outcome,
    b: &Scenario,
    bo: &Outcome,
    origin: &str,
    lang: Lang,
    unit: Unit,
) -> Markup {
    let (ka, kb) = (&ao.key_figures, &bo.key_figures);
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
    let head = |m: &mut Markup, first: &str| {
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
    let row = |m: &mut Markup, testid: &str, name: &str, cells: [String; 3], sign: &str| {
        m.open("tr").attr("data-testid", testid).end();
        m.open("th").attr("scope", "row").end().text(name).shut("th");
        for (i, cell) in cells.iter().enumerate() {
            m.open("td");
            if i == 2 {
                m.attr("class", sign).attr("data-testid", &format!("{testid}-diff"));
            }
            m.end().text(cell).shut("td");
        }
        m.shut("tr");
    };
    let diff_class = |d: Decimal| match (d.is_zero(), d.is_sign_positive()) {
        (true, _) => "diff-none",
        (false, true) => "diff-up",
        (false, false) => "diff-down",
    };
    m.open("table").attr("class", "compare-table").attr("data-testid", "compare-figures").end();
    m.open("caption").end().text(AppText::KeyFigures.get(lang)).shut("caption");
    head(&mut m, CompareText::Figure.get(lang));
    let amounts = [
        ("cmp-total-cost", Label::TotalCost, ka.total_cost, kb.total_cost),
        ("cmp-savings-inside", Label::SavingsInside, ka.savings_inside, kb.savings_inside),
        ("cmp-savings-outside", Label::SavingsOutsideOrganisation, ka.savings_outside, kb.savings_outside),
        ("cmp-org-npv", Label::OrganisationPresentValue, ka.org_npv, kb.org_npv),
        ("cmp-society-npv", Label::SocietyPresentValue, ka.society_npv, kb.society_npv),
    ];
    for (testid, label, va, vb) in amounts {
        let d = va - vb;
        row(&mut m, testid, label.get(lang), [cash(va), cash(vb), signed(d, cash(d), lang)], diff_class(d));
    }
    let year = |y: Option<i32>| y.map_or_else(|| Label::NoPayback.get(lang).to_string(), |y| y.to_string());
    let years = match (ka.payback_year, kb.payback_year) {
        (Some(ya), Some(yb)) => {
            let d = Decimal::from(ya) - Decimal::from(yb);
            let unit = lang.pick(" år", if d.abs() == Decimal::ONE { " year" } else { " years" });
            (signed(d, format!("{}{unit}", number(d, 0, lang)), lang), diff_class(d))
        }
        _ => ("–".to_string(), "diff-none"),
    };
    row(
        &mut m,
        "cmp-payback",
        Label::PaybackYear.get(lang),
        [year(ka.payback_year), year(kb.payback_year), years.0],
        years.1,
    );
    let ratio = |r: Option<Decimal>| r.map_or_else(|| "–".to_string(), |r| percent(r, 0, lang));
    let points = match (ka.revolving_ratio, kb.revolving_ratio) {
        (Some(ra), Some(rb)) => {
            let d = (ra - rb) * Decimal::ONE_HUNDRED;
            let words = lang.pick(" procentenheter", " percentage points");
            (signed(d, format!("{}{words}", number(d, 0, lang)), lang), diff_class(d))
        }
        _ => ("–".to_string(), "diff-none"),
    };
    row(
        &mut m,
        "cmp-revolving",
        Label::RevolvingRatio.get(lang),
        [ratio(ka.revolving_ratio), ratio(kb.revolving_ratio), points.0],
        points.1,
    );
    m.shut("tbody").shut("table");

    // Who pays, who gains: each actor's net over the horizon.
    m.open("table").attr("class", "compare-table").attr("data-testid", "compare-actors").end();
    m.open("caption").end().text(CompareText::ActorNet.get(lang)).shut("caption");
    head(&mut m, Label::Actor.get(lang));
    let mut ids: Vec<&str> = ao.actors.iter().map(|x| x.id.as_str()).collect();
    for x in &bo.actors {
        if !ids.contains(&x.id.as_str()) {
            ids.push(&x.id);
        }
    }
    let net = |o: &Outcome, id: &str| o.actors.iter().find(|x| x.id == id).map(|x| x.net_total);
    for (i, id) in ids.into_iter().enumerate() {
        let name = a.actor(id).or_else(|| b.actor(id)).map_or(id, |x| x.name.as_str());
        let (na, nb) = (net(ao, id), net(bo, id));
        let shown = |v: Option<Decimal>| v.map_or_else(|| "–".to_string(), cash);
        let (d, class) = match (na, nb) {
            (Some(na), Some(nb)) => (signed(na - nb, cash(na - nb), lang), diff_class(na - nb)),
            _ => ("–".to_string(), "diff-none"),
        };
        row(&mut m, &format!("cmp-actor-{i}"), name, [shown(na), shown(nb), d], class);
    }
    m.shut("tbody").shut("table");
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
        assert!(html.contains("data-testid=\"cmp-total-cost-diff\">0 (no difference)</td>"), "{html}");
        // B's origin: a file by its name, escaped.
        assert!(html.contains(" (from a file &lt;b&gt;.json)</li>"), "{html}");
        // A higher rate discounts later savings more: the organisation's present value falls.
        let fall = ao.key_figures.org_npv - bo.key_figures.org_npv;
        assert!(fall < Decimal::ZERO);
        assert!(html.contains(&format!(
            "class=\"diff-down\" data-testid=\"cmp-org-npv-diff\">{}",
            money(fall, Unit::One, "SEK", Lang::En)
        )));
        assert_eq!(
            html.matches("data-testid=\"cmp-actor-").count(),
            2 * ao.actors.len(),
            "a row and a difference per actor"
        );
    }
}
