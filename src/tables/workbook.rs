//! The Excel workbook of a scenario, as plain data: a list of sheets of
//! styled rows of typed cells (pure, tested natively). `tables::xlsx` writes
//! it as an `.xlsx` file; that writer and `rust_xlsxwriter` are compiled only
//! with the `on-demand` feature, into the module the app loads when a user
//! asks for Excel (see `scripts/lib.sh`), never into the app's own module.
//!
//! The sheets: the key figures and every assumption of the scenario; the fund
//! year by year (with the organisation's and society's result); one per actor,
//! year by year. The results are the tables of [`super::results`], the same
//! the CSV file has, laid out on the sheets; the assumptions are tables of
//! their own, as typed.

use crate::model::{Accounting, ActorOutcome, Outcome, RepaymentRule, Scenario, ScenarioError};
use crate::words::labels::Label;
use crate::words::Lang;

use super::results::{
    actor_name, actor_table, fund_table, intervention_totals_table, key_figures_table, results_table,
    savings_by_actor_table,
};
use super::{result_money, text, Table, Value};

/// `"sv"` or `"en"`; anything else is refused with a message naming `lang`.
fn lang_from_tag(tag: &str) -> Result<Lang, ScenarioError> {
    Lang::from_tag(tag)
        .ok_or_else(|| ScenarioError::new("lang", crate::model::Problem::NotALanguage(crate::model::Echo::new(tag))))
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

fn row(style: Style, cells: Vec<Value>) -> Row {
    Row { style, cells }
}

/// A table's rows on a sheet: its header, its rows, its total.
fn table_rows(table: Table) -> Vec<Row> {
    let mut rows = vec![row(Style::Header, table.columns.into_iter().map(Value::Text).collect())];
    rows.extend(table.rows.into_iter().map(|cells| row(Style::Body, cells)));
    rows.extend(table.total.map(|cells| row(Style::Total, cells)));
    rows
}

/// A part of the summary sheet: a blank row, the table's title as a section heading, then the table.
fn section_with(table: Table) -> Vec<Row> {
    let mut rows = vec![row(Style::Body, vec![]), row(Style::Section, vec![text(table.title.clone())])];
    rows.extend(table_rows(table));
    rows
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

/// The headings of a repayment rule's columns, and its cells under them.
const RULE_HEADS: [Label; 5] =
    [Label::RepaymentRule, Label::RuleShare, Label::Instalments, Label::DelayYears, Label::Cap];

fn rule_cells(rule: Option<&RepaymentRule>, lang: Lang) -> Vec<Value> {
    match rule {
        None => vec![text(Label::SameAsDefault.get(lang))],
        Some(RepaymentRule::None) => vec![text(Label::RuleNone.get(lang))],
        Some(RepaymentRule::Fixed { share, years, start_after }) => vec![
            text(Label::RuleFixed.get(lang)),
            Value::Ratio(*share),
            Value::Count(*years),
            Value::Count(*start_after),
            Value::Empty,
        ],
        Some(RepaymentRule::SavingsShare { share, cap, start_after }) => vec![
            text(Label::RuleSavingsShare.get(lang)),
            Value::Ratio(*share),
            Value::Empty,
            Value::Count(*start_after),
            match cap {
                Some(c) => Value::Ratio(*c),
                None => text(Label::NoCap.get(lang)),
            },
        ],
    }
}

/// "Belopp i SEK · Skapad med fundsim 2026-11-23".
fn amounts_and_date(scenario: &Scenario, lang: Lang, date: &str) -> String {
    let (amounts, made) = (Label::AmountsIn.get(lang), Label::MadeWithFundsim.get(lang));
    format!("{amounts} {} · {made} {date}", scenario.currency)
}

/// The note under each sheet's title but the first: scenario, currency and the day it was made.
fn note(scenario: &Scenario, lang: Lang, date: &str) -> String {
    format!("{} · {}", scenario.name, amounts_and_date(scenario, lang, date))
}

/// The scenario's allocations, a row per year from its first.
fn allocations_table(s: &Scenario, lang: Lang) -> Table {
    let mut t = Table::new(Label::Allocations.get(lang), &[Label::Year, Label::Allocation], lang);
    for (i, amount) in s.fund.allocations.iter().enumerate() {
        let year = i32::try_from(i).ok().and_then(|i| s.start_year.checked_add(i));
        t.rows.push(vec![year.map(Value::Year).unwrap_or(Value::Empty), Value::Money(*amount)]);
    }
    t
}

/// The rule for every intervention that has none of its own.
fn default_rule_table(s: &Scenario, lang: Lang) -> Table {
    let mut t = Table::new(Label::RepaymentRuleForAll.get(lang), &RULE_HEADS, lang);
    let default_rule = s.repayment_default.clone().unwrap_or(RepaymentRule::None);
    t.rows.push(rule_cells(Some(&default_rule), lang));
    t
}

fn actors_table(s: &Scenario, lang: Lang) -> Table {
    let mut t = Table::new(Label::Actors.get(lang), &[Label::Name, Label::Id, Label::InsideOrganisation], lang);
    for a in &s.actors {
        let inside = if a.inside { Label::Yes } else { Label::No };
        t.rows.push(vec![text(a.name.clone()), text(a.id.clone()), text(inside.get(lang))]);
    }
    t
}

/// Every intervention's assumptions, with its repayment rule.
fn interventions_table(s: &Scenario, lang: Lang) -> Table {
    let mut heads = vec![
        Label::Intervention,
        Label::Owner,
        Label::FirstYear,
        Label::RunsForYears,
        Label::AnnualCost,
        Label::FundShare,
        Label::Participants,
        Label::SuccessRate,
        Label::Deadweight,
        Label::DropOff,
        Label::TimeToFirstSavingYears,
        Label::SavingsForYears,
    ];
    heads.extend(RULE_HEADS);
    let mut t = Table::new(Label::Interventions.get(lang), &heads, lang);
    for i in &s.interventions {
        let first = i32::try_from(i.start).ok().and_then(|y| s.start_year.checked_add(y));
        let mut cells = vec![
            text(i.name.clone()),
            text(actor_name(s, &i.owner)),
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
        t.rows.push(cells);
    }
    t
}

fn avoided_costs_table(s: &Scenario, lang: Lang) -> Table {
    let heads = [Label::Intervention, Label::Actor, Label::PerYear];
    let mut t = Table::new(Label::AvoidedCostsPerSuccess.get(lang), &heads, lang);
    for i in &s.interventions {
        for c in &i.avoided_costs {
            t.rows.push(vec![text(i.name.clone()), text(actor_name(s, &c.actor)), Value::Money(c.per_year)]);
        }
    }
    t
}

/// The key figures and every assumption.
fn summary_sheet(scenario: &Scenario, outcome: &Outcome, lang: Lang, date: &str) -> Vec<Row> {
    let s = scenario;
    let pair = |label: Label, value: Value| row(Style::Body, vec![text(label.get(lang)), value]);
    let blank = || row(Style::Body, vec![]);
    let section = |label: Label| row(Style::Section, vec![text(label.get(lang))]);

    let mut rows = vec![
        row(Style::Title, vec![text(s.name.clone())]),
        row(Style::Note, vec![text(amounts_and_date(s, lang, date))]),
        blank(),
    ];
    // The key figures as label and value, one a row (the CSV has them side by side).
    let key_figures = key_figures_table(outcome, lang);
    rows.push(row(Style::Section, vec![text(key_figures.title)]));
    let values = key_figures.rows.into_iter().next().unwrap_or_default();
    for (label, value) in key_figures.columns.into_iter().zip(values) {
        rows.push(row(Style::Body, vec![Value::Text(label), value]));
    }
    rows.extend([blank(), section(Label::Scenario), pair(Label::Name, text(s.name.clone()))]);
    if !s.description.is_empty() {
        rows.push(pair(Label::Description, text(s.description.clone())));
    }
    let accounting = match s.fund.accounting {
        Accounting::Appropriation => Label::Appropriation,
        Accounting::EarmarkedEquity => Label::EarmarkedEquity,
    };
    rows.extend([
        pair(Label::Currency, text(s.currency.clone())),
        pair(Label::FirstYear, Value::Year(s.start_year)),
        pair(Label::NumberOfYears, Value::Count(s.horizon_years)),
        pair(Label::DiscountRate, Value::Ratio(s.discount_rate)),
        blank(),
        section(Label::TheFund),
        pair(Label::FinancedBy, text(actor_name(s, &s.fund.financed_by))),
        pair(Label::Accounting, text(accounting.get(lang))),
        pair(Label::InitialCapital, Value::Money(s.fund.initial_capital)),
    ]);
    for table in [
        allocations_table(s, lang),
        default_rule_table(s, lang),
        actors_table(s, lang),
        interventions_table(s, lang),
        avoided_costs_table(s, lang),
        intervention_totals_table(s, outcome, lang),
        savings_by_actor_table(s, outcome, lang),
    ] {
        rows.extend(section_with(table));
    }
    if let Some(table) = super::contracts::contracts_table(s, outcome, lang) {
        rows.extend(section_with(table));
    }
    // The decision figures (issue 12): the sensitivity and the per-intervention break-even.
    for table in super::decision::tables(s, lang) {
        rows.extend(section_with(table));
    }
    rows
}

/// Every fund row of the result, with the organisation's and society's result.
fn fund_sheet(scenario: &Scenario, outcome: &Outcome, lang: Lang, date: &str) -> Vec<Row> {
    let mut rows = vec![
        row(Style::Title, vec![text(Label::FundYearByYear.get(lang))]),
        row(Style::Note, vec![text(note(scenario, lang, date))]),
        row(Style::Body, vec![]),
    ];
    rows.extend(table_rows(fund_table(outcome, lang).beside(&results_table(outcome, lang))));
    rows
}

/// One actor, every row of the result, then its totals.
fn actor_sheet(scenario: &Scenario, a: &ActorOutcome, lang: Lang, date: &str) -> Vec<Row> {
    let table = actor_table(scenario, a, lang);
    let mut rows = vec![
        row(Style::Title, vec![text(table.title.clone())]),
        row(Style::Note, vec![text(note(scenario, lang, date))]),
        row(Style::Body, vec![]),
    ];
    rows.extend(table_rows(table));
    rows.push(row(Style::Body, vec![]));
    rows.push(row(Style::Body, vec![text(Label::Costs.get(lang)), result_money(a.cost_borne)]));
    rows.push(row(Style::Body, vec![text(Label::PresentValue.get(lang)), result_money(a.npv)]));
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
    add(Label::KeyFiguresAndAssumptions.get(lang), "1", summary_sheet(scenario, outcome, lang, date), (2, 0));
    add(Label::FundYearByYear.get(lang), "2", fund_sheet(scenario, outcome, lang, date), (4, 1));
    for (n, a) in outcome.actors.iter().enumerate() {
        let name = scenario.actor(&a.id).map(|x| x.name.as_str()).unwrap_or(a.id.as_str());
        let fallback = format!("{} {}", Label::Actor.get(lang), n + 1);
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
#[path = "workbook_tests.rs"]
mod tests;
