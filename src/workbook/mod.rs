//! The Excel workbook of a scenario, as plain data: a list of sheets of
//! typed cells (pure, tested natively). [`xlsx`] writes it as an `.xlsx`
//! file; that writer and `rust_xlsxwriter` are compiled only with the
//! `workbook` feature, into the module the app loads when a user asks for
//! Excel (see `scripts/lib.sh`), never into the app's own module.
//!
//! The sheets: the key figures and every assumption of the scenario; the fund
//! year by year (with the organisation's and society's result); one per actor,
//! year by year. Results are the result JSON's numbers (money rounded half
//! away from zero to 2 decimals, ratios to 4); assumptions are as typed.

pub mod labels;
#[cfg(feature = "on-demand")]
pub mod xlsx;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::{Accounting, Echo, Outcome, Problem, RepaymentRule, Scenario, ScenarioError};
use labels::L;

pub use crate::words::Lang;

/// `"sv"` or `"en"`; anything else is refused with a message naming `lang`.
fn lang_from_tag(tag: &str) -> Result<Lang, ScenarioError> {
    Lang::from_tag(tag).ok_or_else(|| ScenarioError::new("lang", Problem::NotALanguage(Echo::new(tag))))
}

/// One cell's value; its type decides its number format.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    Text(String),
    /// An amount of money: thousands separators, 2 decimals.
    Money(Decimal),
    /// A share or rate, shown in percent with 2 decimals (0.035 is 3.50 %).
    Ratio(Decimal),
    /// A calendar year (no thousands separator).
    Year(i32),
    /// A whole count (years, instalments).
    Count(u32),
    /// Any other number (participants, multiples), as typed.
    Number(Decimal),
}

/// How a row looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// The sheet's title (large, bold).
    Title,
    /// A line under the title (currency, date).
    Note,
    /// The heading of a part of the sheet (bold).
    Section,
    /// The column headings of a table (bold, wrapped, a line under them).
    Header,
    /// Ordinary figures.
    Body,
    /// A total (bold, a line above it).
    Total,
}

/// One row of a sheet, from column A.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub style: Style,
    pub cells: Vec<Value>,
}

/// One worksheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    /// A valid, unique Excel sheet name.
    pub name: String,
    pub rows: Vec<Row>,
    /// Rows and columns kept in view when scrolling (above and left of the split).
    pub freeze: (u32, u16),
    /// Column widths in Excel's character units.
    pub widths: Vec<f64>,
}

/// Money of the result, as the result JSON has it: rounded half away from zero to 2 decimals.
pub fn result_money(value: Decimal) -> Value {
    Value::Money(value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

/// A ratio of the result, as the result JSON has it: rounded half away from zero to 4 decimals.
pub fn result_ratio(value: Decimal) -> Value {
    Value::Ratio(value.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero))
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

fn row(style: Style, cells: Vec<Value>) -> Row {
    Row { style, cells }
}

fn labels(items: &[L], lang: Lang) -> Vec<Value> {
    items.iter().map(|l| text(l.get(lang))).collect()
}

/// The longest a sheet name may be, in UTF-16 units (as Excel counts).
const SHEET_NAME_MAX: usize = 31;

/// `raw` made a valid Excel sheet name that none of `taken` has (Excel
/// compares names without case): the characters `[]:*?/\` become `-`, a
/// leading or trailing apostrophe is dropped, at most 31 characters, `fallback`
/// when nothing is left, and ` (2)`, ` (3)` … added to a name already taken.
pub fn sheet_name(raw: &str, taken: &[String], fallback: &str) -> String {
    let cleaned: String =
        raw.chars().map(|c| if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') { '-' } else { c }).collect();
    let cleaned = cleaned.trim().trim_matches('\'').trim();
    let base = if cleaned.is_empty() { fallback.to_string() } else { cleaned.to_string() };
    let is_taken = |name: &str| {
        let lower = name.to_lowercase();
        // "History" is reserved by Excel.
        lower == "history" || taken.iter().any(|t| t.to_lowercase() == lower)
    };
    let fit = |name: &str, room: usize| {
        let mut out = String::new();
        let mut units = 0;
        for c in name.chars() {
            units += c.len_utf16();
            if units > room {
                break;
            }
            out.push(c);
        }
        // Cutting may leave an apostrophe or a space at the end.
        out.trim_end().trim_end_matches('\'').to_string()
    };
    let first = fit(&base, SHEET_NAME_MAX);
    if !first.is_empty() && !is_taken(&first) {
        return first;
    }
    // Sheets are at most 2 + the number of actors, so this ends.
    let mut n = 2usize;
    loop {
        let suffix = format!(" ({n})");
        let name = format!("{}{suffix}", fit(&base, SHEET_NAME_MAX - suffix.len()));
        if !is_taken(&name) {
            return name;
        }
        n += 1;
    }
}

/// Column widths from the cells' lengths (headers count at most 18
/// characters: they wrap), between 8 and 50; titles and notes do not count.
fn widths(rows: &[Row]) -> Vec<f64> {
    let mut out: Vec<f64> = Vec::new();
    for r in rows {
        if matches!(r.style, Style::Title | Style::Note | Style::Section) {
            continue;
        }
        for (c, v) in r.cells.iter().enumerate() {
            let mut len = shown_length(v);
            if r.style == Style::Header {
                len = len.min(18);
            }
            if out.len() <= c {
                out.resize(c + 1, 8.0);
            }
            let w = (len as f64 + 2.0).clamp(8.0, 50.0);
            if w > out[c] {
                out[c] = w;
            }
        }
    }
    out
}

/// About how many characters a value takes in its number format.
fn shown_length(v: &Value) -> usize {
    match v {
        Value::Empty => 0,
        Value::Text(s) => s.chars().count(),
        Value::Money(d) => {
            let whole = d.trunc().abs().to_string().len();
            whole + (whole - 1) / 3 + 3 + usize::from(d.is_sign_negative())
        }
        Value::Ratio(_) => 8,
        Value::Year(_) => 4,
        Value::Count(n) => n.to_string().len(),
        Value::Number(d) => d.normalize().to_string().len(),
    }
}

fn rule_cells(rule: Option<&RepaymentRule>, lang: Lang) -> Vec<Value> {
    match rule {
        None => vec![text(L::SameAsDefault.get(lang))],
        Some(RepaymentRule::None) => vec![text(L::RuleNone.get(lang))],
        Some(RepaymentRule::Fixed { share, years, start_after }) => vec![
            text(L::RuleFixed.get(lang)),
            Value::Ratio(*share),
            Value::Count(*years),
            Value::Count(*start_after),
            Value::Empty,
        ],
        Some(RepaymentRule::SavingsShare { share, cap, start_after }) => vec![
            text(L::RuleSavingsShare.get(lang)),
            Value::Ratio(*share),
            Value::Empty,
            Value::Count(*start_after),
            match cap {
                Some(c) => Value::Ratio(*c),
                None => text(L::NoCap.get(lang)),
            },
        ],
    }
}

/// The note under each sheet's title: scenario, currency and the day it was made.
fn note(scenario: &Scenario, lang: Lang, date: &str) -> String {
    format!("{} · {} {} · {} {date}", scenario.name, L::AmountsIn.get(lang), scenario.currency, L::Created.get(lang))
}

/// The key figures and every assumption.
fn summary_sheet(scenario: &Scenario, outcome: &Outcome, lang: Lang, date: &str) -> Vec<Row> {
    let s = scenario;
    let k = &outcome.key_figures;
    let actor_name = |id: &str| s.actor(id).map(|a| a.name.clone()).unwrap_or_else(|| id.to_string());
    let intervention_name = |id: &str| {
        s.interventions.iter().find(|i| i.id == id).map(|i| i.name.clone()).unwrap_or_else(|| id.to_string())
    };
    let pair = |label: L, value: Value| row(Style::Body, vec![text(label.get(lang)), value]);
    let blank = || row(Style::Body, vec![]);
    let section = |label: L| row(Style::Section, vec![text(label.get(lang))]);

    let mut rows = vec![
        row(Style::Title, vec![text(s.name.clone())]),
        row(
            Style::Note,
            vec![text(format!("{} {} · {} {date}", L::AmountsIn.get(lang), s.currency, L::Created.get(lang)))],
        ),
        blank(),
        section(L::KeyFigures),
        pair(L::TotalCost, result_money(k.total_cost)),
        pair(L::SavingsInside, result_money(k.savings_inside)),
        pair(L::SavingsOutside, result_money(k.savings_outside)),
        pair(L::OrgNpv, result_money(k.org_npv)),
        pair(L::SocietyNpv, result_money(k.society_npv)),
        pair(L::PaybackYear, k.payback_year.map(Value::Year).unwrap_or_else(|| text(L::NoPayback.get(lang)))),
        pair(
            L::FundFirstNegative,
            k.fund_first_negative_year.map(Value::Year).unwrap_or_else(|| text(L::NeverNegative.get(lang))),
        ),
        pair(L::RevolvingRatio, k.revolving_ratio.map(result_ratio).unwrap_or_else(|| text(L::NoGrants.get(lang)))),
        blank(),
        section(L::General),
        pair(L::Name, text(s.name.clone())),
    ];
    if !s.description.is_empty() {
        rows.push(pair(L::Description, text(s.description.clone())));
    }
    rows.extend([
        pair(L::Currency, text(s.currency.clone())),
        pair(L::StartYear, Value::Year(s.start_year)),
        pair(L::Horizon, Value::Count(s.horizon_years)),
        pair(L::DiscountRate, Value::Ratio(s.discount_rate)),
        blank(),
        section(L::TheFund),
        pair(L::FinancedBy, text(actor_name(&s.fund.financed_by))),
        pair(
            L::Accounting,
            text(match s.fund.accounting {
                Accounting::Appropriation => L::Appropriation.get(lang),
                Accounting::EarmarkedEquity => L::EarmarkedEquity.get(lang),
            }),
        ),
        pair(L::InitialCapital, Value::Money(s.fund.initial_capital)),
        blank(),
        section(L::Allocations),
        row(Style::Header, labels(&[L::Year, L::Allocation], lang)),
    ]);
    for (i, amount) in s.fund.allocations.iter().enumerate() {
        let year = i32::try_from(i).ok().and_then(|i| s.start_year.checked_add(i));
        rows.push(row(Style::Body, vec![year.map(Value::Year).unwrap_or(Value::Empty), Value::Money(*amount)]));
    }

    let rule_heads = [L::Rule, L::RuleShare, L::Instalments, L::StartAfter, L::Cap];
    rows.extend([blank(), section(L::DefaultRule), row(Style::Header, labels(&rule_heads, lang))]);
    let default_rule = s.repayment_default.clone().unwrap_or(RepaymentRule::None);
    rows.push(row(Style::Body, rule_cells(Some(&default_rule), lang)));

    rows.extend([blank(), section(L::Actors), row(Style::Header, labels(&[L::Name, L::Id, L::Inside], lang))]);
    for a in &s.actors {
        let inside = if a.inside { L::Yes } else { L::No };
        rows.push(row(Style::Body, vec![text(a.name.clone()), text(a.id.clone()), text(inside.get(lang))]));
    }

    let mut heads = vec![
        L::Intervention,
        L::Owner,
        L::FirstYear,
        L::RunningYears,
        L::AnnualCost,
        L::FundShare,
        L::Participants,
        L::SuccessRate,
        L::Deadweight,
        L::DropOff,
        L::LagYears,
        L::BenefitYears,
    ];
    heads.extend(rule_heads);
    rows.extend([blank(), section(L::Interventions), row(Style::Header, labels(&heads, lang))]);
    for i in &s.interventions {
        let first = i32::try_from(i.start).ok().and_then(|y| s.start_year.checked_add(y));
        let mut cells = vec![
            text(i.name.clone()),
            text(actor_name(&i.owner)),
            first.map(Value::Year).unwrap_or(Value::Empty),
            Value::Count(i.years),
            Value::Money(i.annual_cost),
            Value::Ratio(i.fund_share),
            Value::Number(i.participants_per_year),
            Value::Ratio(i.success_rate),
            Value::Ratio(i.deadweight),
            Value::Ratio(i.drop_off),
            Value::Count(i.lag_years),
            Value::Count(i.benefit_years),
        ];
        cells.extend(rule_cells(i.repayment.as_ref(), lang));
        rows.push(row(Style::Body, cells));
    }

    rows.extend([
        blank(),
        section(L::AvoidedCosts),
        row(Style::Header, labels(&[L::Intervention, L::Actor, L::PerYear], lang)),
    ]);
    for i in &s.interventions {
        for c in &i.avoided_costs {
            rows.push(row(
                Style::Body,
                vec![text(i.name.clone()), text(actor_name(&c.actor)), Value::Money(c.per_year)],
            ));
        }
    }

    rows.extend([
        blank(),
        section(L::InterventionTotals),
        row(Style::Header, labels(&[L::Intervention, L::GrantsTotal, L::RepaidTotal, L::Outstanding], lang)),
    ]);
    for i in &outcome.interventions {
        rows.push(row(
            Style::Body,
            vec![
                text(intervention_name(&i.id)),
                result_money(i.grants_total),
                result_money(i.repaid_total),
                i.outstanding.map(result_money).unwrap_or_else(|| text(L::NoCap.get(lang))),
            ],
        ));
    }

    rows.extend([
        blank(),
        section(L::SavingsByActor),
        row(Style::Header, labels(&[L::Intervention, L::Actor, L::Savings, L::SavingsShareOfTotal], lang)),
    ]);
    for i in &outcome.interventions {
        for (actor, saved) in &i.savings_by_actor {
            let share = i.savings_share_by_actor.iter().find(|(a, _)| a == actor).and_then(|(_, s)| *s);
            rows.push(row(
                Style::Body,
                vec![
                    text(intervention_name(&i.id)),
                    text(actor_name(actor)),
                    result_money(*saved),
                    share.map(result_ratio).unwrap_or(Value::Empty),
                ],
            ));
        }
    }
    rows
}

/// Every fund row of the result, with the organisation's and society's result.
fn fund_sheet(scenario: &Scenario, outcome: &Outcome, lang: Lang, date: &str) -> Vec<Row> {
    let mut rows = vec![
        row(Style::Title, vec![text(L::FundYearByYear.get(lang))]),
        row(Style::Note, vec![text(note(scenario, lang, date))]),
        row(Style::Body, vec![]),
        row(
            Style::Header,
            labels(
                &[L::Year, L::Open, L::Allocation, L::Grants, L::Repayments, L::Close, L::OrgNet, L::SocietyNet],
                lang,
            ),
        ),
    ];
    for (y, r) in outcome.fund.iter().enumerate() {
        let org = outcome.org_net.get(y).copied().unwrap_or_default();
        let society = outcome.society_net.get(y).copied().unwrap_or_default();
        rows.push(row(
            Style::Body,
            vec![
                Value::Year(r.year),
                result_money(r.open),
                result_money(r.allocation),
                result_money(r.grants),
                result_money(r.repayments),
                result_money(r.close),
                result_money(org),
                result_money(society),
            ],
        ));
    }
    rows
}

/// One actor, every row of the result, then its totals.
fn actor_sheet(scenario: &Scenario, a: &crate::model::ActorOutcome, lang: Lang, date: &str) -> Vec<Row> {
    let actor = scenario.actor(&a.id);
    let name = actor.map(|x| x.name.clone()).unwrap_or_else(|| a.id.clone());
    let place = if actor.is_some_and(|x| x.inside) { L::InsideShort } else { L::OutsideShort };
    let mut rows = vec![
        row(Style::Title, vec![text(format!("{name} ({})", place.get(lang)))]),
        row(Style::Note, vec![text(note(scenario, lang, date))]),
        row(Style::Body, vec![]),
        row(
            Style::Header,
            labels(&[L::Year, L::Savings, L::CoFinancing, L::Repayment, L::FundCost, L::GrantsReceived, L::Net], lang),
        ),
    ];
    for r in &a.rows {
        rows.push(row(
            Style::Body,
            vec![
                Value::Year(r.year),
                result_money(r.savings),
                result_money(r.co_financing),
                result_money(r.repayment),
                result_money(r.fund_cost),
                result_money(r.grants_received),
                result_money(r.net),
            ],
        ));
    }
    let mut total = vec![text(L::Total.get(lang)), result_money(a.savings_total)];
    total.extend([Value::Empty, Value::Empty, Value::Empty, Value::Empty]);
    total.push(result_money(a.net_total));
    rows.push(row(Style::Total, total));
    rows.push(row(Style::Body, vec![]));
    rows.push(row(Style::Body, vec![text(L::CostBorne.get(lang)), result_money(a.cost_borne)]));
    rows.push(row(Style::Body, vec![text(L::Npv.get(lang)), result_money(a.npv)]));
    rows
}

/// The workbook of a scenario and its outcome: the key figures and
/// assumptions, the fund, then one sheet per actor in the scenario's order.
/// `date` (such as `2026-11-23`) is written under each title.
pub fn sheets(scenario: &Scenario, outcome: &Outcome, lang: Lang, date: &str) -> Vec<Sheet> {
    let mut names: Vec<String> = Vec::new();
    let mut out = Vec::new();
    let mut add = |raw: &str, fallback: &str, rows: Vec<Row>, freeze: (u32, u16)| {
        let name = sheet_name(raw, &names, fallback);
        names.push(name.clone());
        let widths = widths(&rows);
        out.push(Sheet { name, rows, freeze, widths });
    };
    add(L::SheetSummary.get(lang), "1", summary_sheet(scenario, outcome, lang, date), (2, 0));
    add(L::SheetFund.get(lang), "2", fund_sheet(scenario, outcome, lang, date), (4, 1));
    for (n, a) in outcome.actors.iter().enumerate() {
        let name = scenario.actor(&a.id).map(|x| x.name.as_str()).unwrap_or(a.id.as_str());
        let fallback = format!("{} {}", L::ActorFallback.get(lang), n + 1);
        add(name, &fallback, actor_sheet(scenario, a, lang, date), (4, 1));
    }
    out
}

/// The workbook's sheets from scenario JSON: parsed, checked and simulated,
/// or the error naming the refused field.
pub fn sheets_from_json(scenario_json: &str, lang: &str, date: &str) -> Result<Vec<Sheet>, ScenarioError> {
    let lang = lang_from_tag(lang)?;
    let scenario = Scenario::from_json(scenario_json)?;
    let outcome = crate::model::simulate(&scenario)?;
    Ok(sheets(&scenario, &outcome, lang, date))
}

#[cfg(test)]
mod tests;
