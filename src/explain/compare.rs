//! Plan A against plan B explained (`report::compare_tables`): a cell of A
//! or B is that figure's own explanation in its scenario (`cmp:a:<key>`,
//! `cmp:b:<key>`, `<key>` a figure's key as [`Figure::key`] writes it); a
//! difference (`cmp:d:<key>`) is A's figure − B's figure, each traced in its
//! own scenario (its derivation one click away, in a `<details>`), ending in
//! the difference as the table writes it.

use rust_decimal::Decimal;

use super::write::{explanation as figure_explanation, Writer};
use super::{trace, Figure, Trace, Value};
use crate::markup::Markup;
use crate::model::simulate::sub;
use crate::model::{Outcome, Scenario};
use crate::report::compare_tables::difference_cell;
use crate::words::explain::Fixed;
use crate::words::explain_decision::CompareWords;
use crate::words::format::{money, Unit};
use crate::words::Lang;

/// Which cell of a comparison's row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    A,
    B,
    Difference,
}

/// The side and the figure's key a comparison's key names (`cmp:<a|b|d>:<key>`).
pub fn parse(key: &str) -> Option<(Side, &str)> {
    let (side, inner) = key.strip_prefix("cmp:")?.split_once(':')?;
    let side = match side {
        "a" => Side::A,
        "b" => Side::B,
        "d" => Side::Difference,
        _ => return None,
    };
    Some((side, inner))
}

/// A − B of one figure: both traces and the difference.
#[derive(Debug, Clone, PartialEq)]
pub struct Difference {
    pub a: Trace,
    pub b: Trace,
    /// Money and ratios as they are; years as a number of years.
    pub result: Value,
}

/// `a − b` of two figures of a kind; `None` when either has none.
pub fn minus(a: Value, b: Value) -> Option<Value> {
    Some(match (a, b) {
        (Value::Money(x), Value::Money(y)) => Value::Money(sub(x, y)?),
        (Value::Ratio(x), Value::Ratio(y)) => Value::Ratio(sub(x, y)?),
        (Value::Year(Some(x)), Value::Year(Some(y))) => Value::Number(Decimal::from(x) - Decimal::from(y)),
        _ => return None,
    })
}

/// The difference of the figure `key` names, traced in A and in B.
pub fn difference(a: &Scenario, ao: &Outcome, b: &Scenario, bo: &Outcome, key: &str) -> Option<Difference> {
    let ta = trace(a, ao, Figure::parse(key, a, ao)?)?;
    let tb = trace(b, bo, Figure::parse(key, b, bo)?)?;
    let result = minus(ta.result, tb.result)?;
    Some(Difference { a: ta, b: tb, result })
}

/// The explanation of a comparison's cell, or `None` when the key names none.
pub fn explanation(
    a: &Scenario,
    ao: &Outcome,
    b: &Scenario,
    bo: &Outcome,
    key: &str,
    lang: Lang,
    unit: Unit,
) -> Option<String> {
    let (side, inner) = parse(key)?;
    let letter = |side: Side| if side == Side::A { (a, ao, "A") } else { (b, bo, "B") };
    if side != Side::Difference {
        let (s, o, l) = letter(side);
        let mut m = Markup::default();
        m.open("p").attr("class", "explain-side").end().text(&format!("{l}: {}", s.name)).shut("p");
        let mut own = figure_explanation(s, o, inner, lang, unit)?;
        if Figure::parse(inner, s, o) == Some(Figure::PaybackYear) && o.key_figures.payback_year.is_none() {
            // The table says "not within the horizon" for none.
            let none = format!("= {}</p>", Fixed::none(lang));
            let said = crate::words::labels::Label::NoPayback.get(lang);
            own = own.replace(&none, &format!("= {} ({} {said})</p>", Fixed::none(lang), Fixed::shown_as(lang)));
        }
        return Some(m.into_string() + &own);
    }
    let d = difference(a, ao, b, bo, inner)?;
    let cash = |v: Decimal| money(v, unit, &a.currency, lang);
    let (shown, _) = difference_cell(d.a.result, d.b.result, &cash, lang)?;
    let w = Writer { s: a, lang, unit };
    let mut m = Markup::default();
    m.open("div").attr("class", "explain-body").attr("data-figure", key).end();
    m.open("p").attr("class", "explain-title").end().open("strong").end();
    m.text(&format!("A − B: {}", crate::words::explain::figure_title(a, d.a.figure, lang)));
    m.shut("strong").shut("p");
    m.open("p").attr("class", "explain-rule").end().text(CompareWords::Rule.get(lang)).shut("p");
    m.open("ul").attr("class", "explain-parts").end();
    let mut out = m.into_string();
    for side in [Side::A, Side::B] {
        let (s, o, l) = letter(side);
        let t = if side == Side::A { &d.a } else { &d.b };
        let mut m = Markup::default();
        m.open("li").end().open("span").attr("class", "explain-name").end();
        m.text(&format!("{l}: {}", s.name)).shut("span").text(": ");
        m.open("span").attr("class", "explain-value").end().text(&Writer { s, lang, unit }.value(t.result));
        m.shut("span");
        let how = CompareWords::HowSide.get(lang).replace("{l}", l);
        m.open("details").end().open("summary").end().text(&how).shut("summary");
        out += m.as_str();
        // Its own derivation, one step away; its result line is not the panel's
        // (escaped text cannot hold this attribute: its quotes are escaped).
        out += &figure_explanation(s, o, inner, lang, unit)?
            .replace("data-testid=\"explain-result\"", "data-testid=\"explain-side-result\"");
        out += "</details></li>";
    }
    let mut m = Markup::default();
    m.shut("ul");
    m.open("p").attr("class", "explain-result").attr("data-testid", "explain-result").end();
    m.text(&format!("= {} − {} = {}", w.value(d.a.result), w.value(d.b.result), w.value(d.result)));
    if let Value::Number(n) = d.result {
        m.text(if n.abs() == Decimal::ONE { CompareWords::Year } else { CompareWords::Years }.get(lang));
    }
    m.text(&format!(" ({} {shown})", Fixed::shown_as(lang)));
    m.shut("p").shut("div");
    Some(out + m.as_str())
}

/// The cells of a table's markup that open an explanation: each key
/// (unescaped) with the cell's text as written (escaped, as the
/// explanation's result line is).
pub fn explained_cells(markup: &str) -> Vec<(String, String)> {
    let mut cells = Vec::new();
    let mut rest = markup;
    while let Some(at) = rest.find("<td") {
        rest = &rest[at..];
        let Some(end) = rest.find('>') else { break };
        let tag = &rest[..end];
        let text_end = rest[end..].find('<').map_or(rest.len(), |t| end + t);
        if let Some(k) = tag.find("data-explain=\"") {
            let key = &tag[k + 14..];
            let key = &key[..key.find('"').unwrap_or(key.len())];
            let key = key.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            cells.push((key, rest[end + 1..text_end].to_string()));
        }
        rest = &rest[end..];
    }
    cells
}

/// The figure an explanation ends with as the app shows it: what its result
/// line says the figure is shown as, else the figure itself (a year).
pub fn final_figure(explanation: &str) -> Option<String> {
    let from = explanation.rfind("data-testid=\"explain-result\">")?;
    let line = &explanation[from + 29..];
    let line = &line[..line.find("</p>")?];
    for shown in [" (visas som ", " (shown as "] {
        if let Some(at) = line.find(shown) {
            return Some(line[at + shown.len()..line.len().checked_sub(1)?].to_string());
        }
    }
    Some(line.rsplit("= ").next()?.to_string())
}

/// What the tests hold for two scenarios compared: every cell of the
/// comparison's tables that opens an explanation, in both languages and in
/// kronor and thousands, opens one whose final figure is the cell's text,
/// and whose result is the figure itself (a difference: A's − B's) to the last digit.
pub fn every_comparison_cell_explained(a: &Scenario, b: &Scenario) -> Result<(), String> {
    let ao = crate::model::simulate(a).map_err(|e| e.to_string())?;
    let bo = crate::model::simulate(b).map_err(|e| e.to_string())?;
    let value = |s: &Scenario, o: &Outcome, key: &str| -> Result<Value, String> {
        let f = Figure::parse(key, s, o).ok_or(format!("{key} names no figure"))?;
        super::shown(o, f).ok_or(format!("{key} not shown"))
    };
    for lang in [Lang::Sv, Lang::En] {
        for unit in [Unit::One, Unit::Thousand] {
            let html =
                crate::report::compare_tables::comparison_tables(a, &ao, b, &bo, "pinned", lang, unit).into_string();
            let cells = explained_cells(&html);
            if cells.is_empty() {
                return Err("no cell opens an explanation".into());
            }
            for (key, text) in cells {
                let e = explanation(a, &ao, b, &bo, &key, lang, unit).ok_or(format!("{key} not explained"))?;
                let last = final_figure(&e).ok_or(format!("{key}: no result line"))?;
                let (side, inner) = parse(&key).ok_or(format!("{key} is no comparison's key"))?;
                // A share is written exactly in its explanation, to whole percent in the table.
                let share = inner == "revolving_ratio::" && side != Side::Difference;
                if !share && last != text {
                    return Err(format!("{key}: the explanation ends with {last}, the cell says {text}"));
                }
                let (explained, want) = match side {
                    Side::Difference => {
                        let d = difference(a, &ao, b, &bo, inner).ok_or(format!("{key} not traced"))?;
                        (d.result, minus(value(a, &ao, inner)?, value(b, &bo, inner)?))
                    }
                    Side::A | Side::B => {
                        let (s, o) = if side == Side::A { (a, &ao) } else { (b, &bo) };
                        let f = Figure::parse(inner, s, o).ok_or(format!("{key} names no figure"))?;
                        (trace(s, o, f).ok_or(format!("{key} not traced"))?.result, Some(value(s, o, inner)?))
                    }
                };
                if Some(explained) != want {
                    return Err(format!("{key}: explained {explained:?}, shown {want:?}"));
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "compare_tests.rs"]
mod tests;
