//! The decision charts' tables explained, as markup (every name escaped by
//! [`Markup`]): see [`super::decision`] for what each key explains.

use rust_decimal::Decimal;

use super::decision::{
    assumption, break_even_trace, contract_run_trace, cumulative, on_the_line, percentile_trace, to_ore, to_ratio,
    varied, DecisionKey, End, RunJson, Series, PARAMETERS,
};
use super::write::Writer;
use super::Value;
use crate::markup::Markup;
use crate::model::{Outcome, Scenario};
use crate::words::app::AppText;
use crate::words::decision_charts::{needed_text, parameter_name};
use crate::words::explain::{figure_title, Fixed};
use crate::words::explain_decision::DecisionWords as W;
use crate::words::format::{money, money_bare, number, percent, Unit};
use crate::words::labels::Label;
use crate::words::Lang;

/// The explanation of a decision table's cell `key`, or `None` when it names
/// none; `monte_carlo` the run's JSON the fan charts were drawn from.
pub fn explanation(
    s: &Scenario,
    o: &Outcome,
    key: &str,
    monte_carlo: Option<&str>,
    lang: Lang,
    unit: Unit,
) -> Option<String> {
    let w = Writer { s, lang, unit };
    let cash = |v: Decimal| money(v, unit, &s.currency, lang);
    let shown = |v: Decimal| format!(" ({} {})", Fixed::shown_as(lang), cash(v));
    match DecisionKey::parse(key)? {
        DecisionKey::Sensitivity { society, high, parameter, intervention } => {
            let v = varied(s, society, high, parameter, intervention)?;
            let vw = Writer { s: &v.scenario, lang, unit };
            let name = parameter_name(PARAMETERS[parameter], lang);
            let title = W::VariedTitle
                .get(lang)
                .replace("{figure}", &figure_title(s, v.trace.figure, lang))
                .replace("{parameter}", &name)
                .replace("{intervention}", &s.interventions[v.index].name)
                .replace("{end}", if high { W::High.get(lang) } else { W::Low.get(lang) });
            let rule = W::VariedRule
                .get(lang)
                .replace("{parameter}", &name)
                .replace("{assumed}", &w.value(Value::Ratio(v.assumed)))
                .replace("{value}", &w.value(Value::Ratio(v.value)));
            let mut m = head(key, &title, &rule);
            vw.list(&mut m, &v.trace.parts, None);
            let Value::Money(pv) = v.trace.result else { return None };
            Some(result(m, &format!("= {}{}", w.value(v.trace.result), shown(to_ore(pv)))))
        }
        DecisionKey::BreakEven { intervention } => {
            let t = break_even_trace(s, intervention)?;
            let title = W::BreakEvenTitle.get(lang).replace("{intervention}", &s.interventions[t.index].name);
            let rule = if t.searched { W::BreakEvenSearched } else { W::BreakEvenRule }.get(lang);
            let mut m = head(key, &title, rule);
            m.open("ul").attr("class", "explain-parts").end();
            line(&mut m, W::Assumed.get(lang), &w.value(Value::Ratio(t.assumed)));
            line(&mut m, W::OrgNpv.get(lang), &w.value(Value::Money(t.org_npv)));
            if let Some(u) = t.unit {
                m.open("li").end();
                name_value(&mut m, W::Unit.get(lang), &w.value(Value::Money(u)));
                m.open("ul").attr("class", "explain-parts").end();
                for (y, (saved, factor)) in t.unit_savings.iter().zip(&t.discount).enumerate() {
                    if saved.is_zero() {
                        continue;
                    }
                    let year = (s.start_year + y as i32).to_string();
                    let each = format!(
                        "{} ÷ {} = {}",
                        w.value(Value::Money(*saved)),
                        w.value(Value::Number(*factor)),
                        w.value(Value::Money(crate::model::simulate::div(*saved, *factor)?))
                    );
                    line(&mut m, &W::UnitYear.get(lang).replace("{year}", &year), &each);
                }
                m.shut("ul").shut("li");
            }
            if let Some(q) = t.quotient {
                line(&mut m, W::Quotient.get(lang), &w.value(Value::Number(q)));
            }
            m.shut("ul");
            let Some(r) = t.result else {
                m.open("p").end().text(W::NoUnit.get(lang)).shut("p");
                let none = format!("= {} ({} {})", Fixed::none(lang), Fixed::shown_as(lang), needed_text(None, lang));
                return Some(result(m, &none));
            };
            let check = match t.check {
                Some(c) => Some((W::Check, c)),
                None => on_the_line(&t, r).map(|c| (W::CheckLine, c)),
            };
            if let Some((words, c)) = check {
                let c = to_ore(c);
                // −0,00 is 0,00: the check rounds to the öre.
                let c = if c.is_zero() { Decimal::ZERO } else { c };
                m.open("p").attr("class", "explain-check").attr("data-testid", "explain-check").end();
                m.text(&format!(
                    "{}: {}",
                    words.get(lang).replace("{rate}", &w.value(Value::Ratio(r))),
                    w.value(Value::Money(c))
                ));
                m.shut("p");
            }
            let how = match t.quotient {
                Some(q) => format!("= {} − {} = ", w.value(Value::Ratio(t.assumed)), w.value(Value::Number(q))),
                None => "= ".to_string(),
            };
            let line = format!(
                "{how}{} ({} {})",
                w.value(Value::Ratio(r)),
                Fixed::shown_as(lang),
                needed_text(Some(to_ratio(r)), lang)
            );
            Some(result(m, &line))
        }
        DecisionKey::Percentile { series, p, year } => {
            let run: RunJson = serde_json::from_str(monte_carlo?).ok()?;
            let t = percentile_trace(o, &run, series, p, year)?;
            let which = if series == Series::FundClose { W::FundClose } else { W::CumulativeOrgNet };
            let title = W::PercentileTitle
                .get(lang)
                .replace("{p}", &p.to_string())
                .replace("{series}", which.get(lang))
                .replace("{year}", &year.to_string());
            let mut m = head(key, &title, W::PercentileRule.get(lang));
            m.open("ul").attr("class", "explain-parts").end();
            line(&mut m, W::Draws.get(lang), &number(Decimal::from(t.draws), 0, lang));
            let rank = W::Rank
                .get(lang)
                .replace("{p}", &p.to_string())
                .replace("{n}", &number(Decimal::from(t.draws), 0, lang));
            line(&mut m, &rank, &number(Decimal::from(t.rank), 0, lang));
            line(&mut m, W::Seed.get(lang), &t.seed.to_string());
            if let Some(d) = t.deterministic {
                line(&mut m, W::Deterministic.get(lang), &w.value(Value::Money(d)));
            }
            m.shut("ul");
            m.open("p").attr("class", "explain-note").end().text(W::NotKept.get(lang)).shut("p");
            Some(result(m, &format!("= {}{}", w.value(Value::Money(t.value)), shown(t.value))))
        }
        DecisionKey::ContractRun { loss, contract } => {
            let run: RunJson = serde_json::from_str(monte_carlo?).ok()?;
            let t = contract_run_trace(o, &run, contract)?;
            let name = s.outcome_contracts.iter().find(|c| c.id == contract).map_or(contract, |c| c.name.as_str());
            let (title, rule) = if loss { (W::LossTitle, W::LossRule) } else { (W::PaymentsTitle, W::PaymentsRule) };
            let mut m = head(key, &title.get(lang).replace("{contract}", name), rule.get(lang));
            m.open("ul").attr("class", "explain-parts").end();
            let n = number(Decimal::from(t.draws), 0, lang);
            line(&mut m, W::Draws.get(lang), &n);
            line(&mut m, W::Seed.get(lang), &t.seed.to_string());
            if loss {
                line(&mut m, W::LosingDraws.get(lang), &number(t.losing_draws, 0, lang));
                line(&mut m, W::InvestorNetAssumed.get(lang), &w.value(Value::Money(t.investor_net)));
            } else {
                for (p, rank) in [(5, t.ranks.0), (95, t.ranks.1)] {
                    let label = W::Rank.get(lang).replace("{p}", &p.to_string()).replace("{n}", &n);
                    line(&mut m, &label, &number(Decimal::from(rank), 0, lang));
                }
                line(&mut m, W::PaymentsAssumed.get(lang), &w.value(Value::Money(t.payments_assumed)));
            }
            m.shut("ul");
            m.open("p").attr("class", "explain-note").end().text(W::NotKept.get(lang)).shut("p");
            let result_line = if loss {
                let share = w.value(Value::Ratio(t.loss_share));
                format!("= {share} ({} {})", Fixed::shown_as(lang), percent(t.loss_share, 0, lang))
            } else {
                let bare = |v: Decimal| money_bare(v, unit, lang);
                let (p5, p95) = t.payments;
                format!("= {} – {} ({} {} – {})", cash(p5), cash(p95), Fixed::shown_as(lang), bare(p5), bare(p95))
            };
            Some(result(m, &result_line))
        }
        DecisionKey::Input { end, parameter, intervention } => {
            let a = assumption(s, end, parameter, intervention)?;
            let iv = &s.interventions[a.index].name;
            let name = parameter_name(PARAMETERS[parameter], lang);
            let mut chars = name.chars();
            let name = chars.next().map(|c| c.to_uppercase().chain(chars).collect::<String>()).unwrap_or_default();
            let which = match end {
                End::Assumed => W::InputAssumed,
                End::Low => W::InputLow,
                End::High => W::InputHigh,
            };
            let title = W::InputTitle
                .get(lang)
                .replace("{parameter}", &name)
                .replace("{intervention}", iv)
                .replace("{which}", which.get(lang));
            let rule = if end == End::Assumed { W::InputRule } else { W::InputRangeRule }
                .get(lang)
                .replace("{interventions}", Label::Interventions.get(lang))
                .replace("{uncertainty}", AppText::Uncertainty.get(lang))
                .replace("{intervention}", iv);
            let mut m = head(key, &title, &rule);
            m.open("ul").attr("class", "explain-parts").end();
            line(&mut m, W::AssumedValue.get(lang), &w.value(Value::Ratio(a.assumed)));
            if let Some(r) = a.range {
                line(&mut m, W::RangeLow.get(lang), &w.value(Value::Ratio(r.low)));
                line(&mut m, W::RangeHigh.get(lang), &w.value(Value::Ratio(r.high)));
            }
            m.shut("ul");
            if parameter >= 3 {
                m.open("p").attr("class", "explain-note").end().text(W::InputFactorNote.get(lang)).shut("p");
            }
            let shown_as = format!("{} {}", Fixed::shown_as(lang), percent(a.value, 1, lang));
            Some(result(m, &format!("= {} ({shown_as})", w.value(Value::Ratio(a.value)))))
        }
        DecisionKey::Cumulative { year } => {
            let (parts, sum) = cumulative(o, year)?;
            let title = W::CumulativeTitle.get(lang).replace("{year}", &year.to_string());
            let mut m = head(key, &title, W::CumulativeRule.get(lang));
            w.list(&mut m, &parts, None);
            Some(result(m, &format!("= {}{}", w.value(Value::Money(sum)), shown(sum))))
        }
    }
}

fn head(key: &str, title: &str, rule: &str) -> Markup {
    let mut m = Markup::default();
    m.open("div").attr("class", "explain-body").attr("data-figure", key).end();
    m.open("p").attr("class", "explain-title").end().open("strong").end().text(title).shut("strong").shut("p");
    m.open("p").attr("class", "explain-rule").end().text(rule).shut("p");
    m
}

fn name_value(m: &mut Markup, name: &str, value: &str) {
    m.open("span").attr("class", "explain-name").end().text(name).shut("span").text(": ");
    m.open("span").attr("class", "explain-value").end().text(value).shut("span");
}

fn line(m: &mut Markup, name: &str, value: &str) {
    m.open("li").end();
    name_value(m, name, value);
    m.shut("li");
}

fn result(mut m: Markup, line: &str) -> String {
    m.open("p").attr("class", "explain-result").attr("data-testid", "explain-result").end().text(line);
    m.shut("p").shut("div");
    m.into_string()
}

/// What the tests hold for a scenario's decision tables (the tornado's, the
/// fans' of a run of `draws` draws and the break-even's): in both languages
/// and in kronor and thousands, every cell that opens an explanation opens
/// one whose final figure is the cell's text; a tornado cell's trace is the
/// engine's sensitivity figure to the öre, a break-even the engine's to the
/// last digit with its check zero to the öre, a percentile the run's. The
/// number of cells checked.
pub fn every_decision_cell_explained(s: &Scenario, draws: u32) -> Result<usize, String> {
    use crate::model::decision::{break_even, sensitivity};
    use crate::report::decision_charts::{decision_charts, DecisionInput};
    let o = crate::model::simulate(s).map_err(|e| e.to_string())?;
    let sens = sensitivity(s).map_err(|e| e.to_string())?;
    let be = break_even(s, None).map_err(|e| e.to_string())?;
    let mc = crate::model::montecarlo::monte_carlo(s, 2026, draws).map_err(|e| e.to_string())?.to_json();
    let (sens_json, be_json) = (sens.to_json(), be.to_json());
    let mut checked = 0;
    for lang in [Lang::Sv, Lang::En] {
        for unit in [Unit::One, Unit::Thousand] {
            let html = decision_charts(&DecisionInput {
                scenario: s,
                outcome: &o,
                monte_carlo: Some(&mc),
                break_even: Some(&be_json),
                sensitivity: Some(&sens_json),
                lang,
                unit,
                width: 800.0,
                society: false,
                switch: true,
            });
            for (key, text) in super::compare::explained_cells(&html) {
                let e = if key.starts_with("close:") {
                    super::write::explanation(s, &o, &key, lang, unit)
                } else {
                    explanation(s, &o, &key, Some(&mc), lang, unit)
                };
                let e = e.ok_or(format!("{key} not explained"))?;
                checked += 1;
                let last = super::compare::final_figure(&e).ok_or(format!("{key}: no result line"))?;
                if last != text {
                    return Err(format!("{key}: the explanation ends with {last}, the cell says {text}"));
                }
                match DecisionKey::parse(&key) {
                    Some(DecisionKey::Sensitivity { society, high, parameter, intervention }) => {
                        let v = varied(s, society, high, parameter, intervention).ok_or(format!("{key} not traced"))?;
                        let item = sens
                            .items
                            .iter()
                            .find(|i| i.intervention == intervention && i.parameter == PARAMETERS[parameter])
                            .ok_or(format!("{key}: no such item"))?;
                        let want = match (society, high) {
                            (false, false) => item.org_npv_low,
                            (false, true) => item.org_npv_high,
                            (true, false) => item.society_npv_low,
                            (true, true) => item.society_npv_high,
                        };
                        let Value::Money(got) = v.trace.result else { return Err(format!("{key}: not money")) };
                        if to_ore(got) != to_ore(want) {
                            return Err(format!("{key}: traced {got}, the engine's {want}"));
                        }
                    }
                    Some(DecisionKey::BreakEven { intervention }) => {
                        let t = break_even_trace(s, intervention).ok_or(format!("{key} not traced"))?;
                        let want = be.interventions.get(t.index).and_then(|i| i.success_rate_for_org_npv);
                        if t.result != want {
                            return Err(format!("{key}: traced {:?}, the engine's {want:?}", t.result));
                        }
                        // The closed form is exact; a search (under an outcome contract) finds
                        // the smallest rate with a present value of at least 0, to 10⁻⁹.
                        if let Some(c) = t.check {
                            let off = if t.searched { to_ore(c) < Decimal::ZERO } else { !to_ore(c).is_zero() };
                            if off {
                                return Err(format!("{key}: at the rate needed the present value is {c}"));
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    Ok(checked)
}
