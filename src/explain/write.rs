//! An explanation written as markup (every name escaped by [`Markup`]): the
//! figure's name, its rule, the quantities it is made of with the
//! scenario's numbers, and the result, exact and as the app shows it.

use rust_decimal::Decimal;

use super::term::Term;
use super::{trace, Figure, Part, Quantity, Value};
use crate::markup::Markup;
use crate::model::{Outcome, Scenario};
use crate::words::explain::{figure_title, quantity, rule, Fixed};
use crate::words::format::{money, money_exact, number, percent, Unit};
use crate::words::glossary;
use crate::words::Lang;

/// Rows of a year-by-year list shown before the list is shortened.
const LONG_LIST: usize = 8;

/// The explanation of the figure that `key` names, or `None` when it names none.
pub fn explanation(s: &Scenario, o: &Outcome, key: &str, lang: Lang, unit: Unit) -> Option<String> {
    if let Some(term) = Term::parse(key) {
        return Some(glossary(term, lang));
    }
    if let Some(year) = key.strip_prefix("nets:").and_then(|k| k.strip_suffix(':')) {
        return year_nets(s, o, year, lang, unit);
    }
    let figure = Figure::parse(key, s, o)?;
    let t = trace(s, o, figure)?;
    let w = Writer { s, lang, unit };
    let title = figure_title(s, figure, lang);
    let mut m = Markup::default();
    m.open("div").attr("class", "explain-body").attr("data-figure", key).end();
    m.open("p").attr("class", "explain-title").end().open("strong").end().text(&title).shut("strong").shut("p");
    m.open("p").attr("class", "explain-rule").end().text(&rule(figure, lang)).shut("p");
    if t.parts.is_empty() {
        m.open("p").end().text(Fixed::nothing(lang)).shut("p");
    } else {
        let focus = match (figure, t.result) {
            (Figure::PaybackYear, Value::Year(Some(y))) => Some((y - s.start_year) as usize),
            _ => None,
        };
        w.list(&mut m, &t.parts, focus);
    }
    m.open("p").attr("class", "explain-result").attr("data-testid", "explain-result").end();
    m.text(&format!("= {}", w.value(t.result)));
    if let Value::Money(v) = t.result {
        m.text(&format!(" ({} {})", Fixed::shown_as(lang), money(v, unit, &s.currency, lang)));
    }
    m.shut("p").shut("div");
    Some(m.into_string())
}

/// A year of the actor-years chart (`nets:<year>:`): the explanation of each
/// actor's net that year that is not zero (the column's parts), one after another.
fn year_nets(s: &Scenario, o: &Outcome, year: &str, lang: Lang, unit: Unit) -> Option<String> {
    let y = o.years.iter().position(|c| c.to_string() == year)?;
    let mut all = String::new();
    for (a, actor) in o.actors.iter().enumerate() {
        if actor.rows.get(y).is_some_and(|r| !r.net.is_zero()) {
            let key = Figure::Actor { actor: a, field: super::ActorField::Net, year: y }.key(s);
            all += &explanation(s, o, &key, lang, unit)?;
        }
    }
    Some(if all.is_empty() { explanation(s, o, &format!("org_net:{year}:"), lang, unit)? } else { all })
}

/// Step `n` of the guided tour (`tour:<n>`, from 1) for scenario `s`: its title and text.
/// `sensitivity`: the analysis's sensitivity JSON of this scenario, if delivered (its first item,
/// the widest swing of the organisation's present value, is what step 6 names).
pub fn tour_step(
    s: &Scenario,
    o: &Outcome,
    key: &str,
    sensitivity: Option<&str>,
    lang: Lang,
    unit: Unit,
) -> Option<String> {
    let n: usize = key.strip_prefix("tour:")?.parse().ok()?;
    let top = sensitivity
        .and_then(|j| serde_json::from_str::<crate::report::decision_charts::SensitivityJson>(j).ok())
        .and_then(|j| j.items.into_iter().next())
        .map(|i| crate::words::tour::Deciding {
            intervention: i.intervention,
            parameter: i.parameter,
            low: i.low,
            high: i.high,
            at_low: i.org_npv_low,
            at_high: i.org_npv_high,
        });
    let (title, text) = crate::words::tour::step(n, s, o, top.as_ref(), lang, unit)?;
    let mut m = Markup::default();
    m.open("h2").attr("class", "tour-title").end().text(&title).shut("h2");
    m.open("p").attr("data-testid", "tour-text").end().text(&text).shut("p");
    Some(m.into_string())
}

/// A term of the glossary, then the whole glossary (closed).
pub fn glossary(term: Term, lang: Lang) -> String {
    let mut m = Markup::default();
    m.open("div").attr("class", "explain-body glossary").attr("data-figure", term.key()).end();
    m.open("p").attr("class", "explain-title").end().open("strong").end().text(glossary::heading(lang));
    m.text(": ").text(glossary::name(term, lang)).shut("strong").shut("p");
    m.open("p").attr("data-testid", "glossary-definition").end().text(glossary::definition(term, lang)).shut("p");
    m.open("details").end().open("summary").end().text(glossary::all_terms(lang)).shut("summary").open("dl").end();
    for t in Term::ALL {
        m.open("dt").end().text(glossary::name(t, lang)).shut("dt");
        m.open("dd").end().text(glossary::definition(t, lang)).shut("dd");
    }
    m.shut("dl").shut("details").shut("div");
    m.into_string()
}

/// Writes a trace's values and parts (also for `explain::compare`, `explain::decision` and `explain::contract`).
pub(crate) struct Writer<'a> {
    pub(crate) s: &'a Scenario,
    pub(crate) lang: Lang,
    pub(crate) unit: Unit,
}

/// A number with at most `places` decimals and no trailing zeros.
fn plain(value: Decimal, places: u32, lang: Lang) -> String {
    let v = value.round_dp(places).normalize();
    number(v, v.scale(), lang)
}

impl Writer<'_> {
    pub(crate) fn value(&self, v: Value) -> String {
        match v {
            Value::Money(d) => money_exact(d, &self.s.currency, self.lang),
            Value::Ratio(d) => {
                let p = (d * Decimal::ONE_HUNDRED).round_dp(4).normalize();
                percent(d, p.scale(), self.lang)
            }
            Value::Number(d) => plain(d, 6, self.lang),
            Value::Year(Some(y)) => y.to_string(),
            Value::Year(None) => Fixed::none(self.lang).to_string(),
        }
    }

    /// The parts as a nested list; a long year-by-year list shows its first
    /// years, the years around `focus` and the last, saying how many are left out.
    pub(crate) fn list(&self, m: &mut Markup, parts: &[Part], focus: Option<usize>) {
        let _ = self.unit;
        m.open("ul").attr("class", "explain-parts").end();
        let yearly = parts
            .iter()
            .filter(|p| {
                matches!(p.what, Quantity::Discounted { .. } | Quantity::Cumulative { .. } | Quantity::InYear { .. })
            })
            .count();
        let keep = |i: usize| {
            yearly <= LONG_LIST || i < 4 || i + 1 == parts.len() || focus.is_some_and(|f| i + 2 >= f && i <= f + 1)
        };
        let mut skipped = 0;
        for (i, p) in parts.iter().enumerate() {
            if !keep(i) {
                skipped += 1;
                continue;
            }
            if skipped > 0 {
                m.open("li").attr("class", "explain-gap").end().text(&Fixed::left_out(skipped, self.lang)).shut("li");
                skipped = 0;
            }
            m.open("li").end();
            m.open("span").attr("class", "explain-name").end().text(&quantity(self.s, p.what, self.lang)).shut("span");
            let shown = match (p.what, p.value) {
                (Quantity::NoCap | Quantity::FinancedBy, _) => None,
                (_, v) => Some(self.value(v)),
            };
            if let Some(v) = shown {
                m.text(": ");
                if let (Quantity::Cohort { .. }, Some(f)) = (p.what, p.parts.first()) {
                    // The rule with the numbers filled in: E × avoided cost × (1 − drop-off)^k.
                    let of = |q: Quantity| parts.iter().find(|x| x.what == q).map(|x| self.value(x.value));
                    if let (Some(e), Some(a)) = (of(Quantity::EffectiveSuccesses), of(Quantity::AvoidedCost)) {
                        m.text(&format!("{e} × {a} × {} = ", self.value(f.value)));
                    }
                }
                m.open("span").attr("class", "explain-value").end().text(&v).shut("span");
            }
            if !p.parts.is_empty() {
                self.list(m, &p.parts, None);
            }
            m.shut("li");
        }
        if skipped > 0 {
            m.open("li").attr("class", "explain-gap").end().text(&Fixed::left_out(skipped, self.lang)).shut("li");
        }
        m.shut("ul");
    }
}
