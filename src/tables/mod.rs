//! The tables a user downloads, as plain data, and their two writers (one
//! frame, several writers, as in Polars or Arrow).
//!
//! - The model: a [`Table`] is a title, a heading for every column, and rows
//!   of typed cells ([`Value`]: text, money, ratio, year, …); the writers
//!   decide how each type looks.
//! - [`results`]: a scenario and its outcome as tables (the fund, the
//!   organisation and society, each actor, the interventions, the key
//!   figures); [`results::year_by_year`] is the CSV file's list of them.
//! - [`workbook`]: the Excel workbook, sheets that lay out the same tables
//!   (and the scenario's assumptions) as rows with a style.
//! - Writers: [`csv`] (both dialects the app offers; in the app's module) and
//!   `xlsx` (with `rust_xlsxwriter`, compiled only with the feature
//!   `on-demand` into the module the app loads when a user asks for Excel,
//!   never into the app's own module).
//!
//! Everything here is pure and tested natively. Results are the result
//! JSON's numbers (money rounded half away from zero to 2 decimals, ratios
//! to 4); assumptions are as typed. Words come from [`crate::words::labels`].

pub mod compare;
pub mod contracts;
pub mod csv;
pub mod decision;
pub mod reconcile;
pub mod results;
pub mod workbook;
#[cfg(feature = "on-demand")]
pub mod xlsx;

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::{Outcome, Scenario};
use crate::words::labels::Label;
use crate::words::Lang;

/// The year-by-year CSV file's text: every table of the result
/// ([`results::year_by_year`]) in the dialect, headings in `lang`, led by a
/// byte-order mark for Swedish Excel.
pub fn year_by_year_csv(scenario: &Scenario, outcome: &Outcome, lang: Lang, dialect: csv::CsvDialect) -> String {
    csv::file(&results::year_by_year(scenario, outcome, lang), dialect)
}

/// One cell's value; its type decides how a writer shows it.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Empty,
    /// Text, such as a name: never read as a number or a formula by a writer.
    Text(String),
    /// An amount of money: thousands separators and 2 decimals in Excel, 2 decimals in CSV.
    Money(Decimal),
    /// A share or rate: in percent with 2 decimals in Excel (0.035 is 3.50 %), 4 decimals in CSV.
    Ratio(Decimal),
    /// A calendar year (no thousands separator).
    Year(i32),
    /// A whole count (years, instalments).
    Count(u32),
    /// Any other number (participants, multiples), as typed.
    Number(Decimal),
}

/// Text in a cell.
pub fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

/// Money of the result, as the result JSON has it: rounded half away from zero to 2 decimals.
pub fn result_money(value: Decimal) -> Value {
    Value::Money(value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
}

/// A ratio of the result, as the result JSON has it: rounded half away from zero to 4 decimals.
pub fn result_ratio(value: Decimal) -> Value {
    Value::Ratio(value.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero))
}

/// A table of a download: its title, a heading for every column, its rows,
/// and perhaps a total row. No cell stands outside a labelled column:
/// [`Table::every_column_labelled`] says so, and the tests hold every table
/// of both downloads to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// What the table shows ("Fonden", "Skola (inom organisationen)").
    pub title: String,
    /// The column headings, one per column.
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
    /// A row of totals under the rows, led by its label.
    pub total: Option<Vec<Value>>,
}

impl Table {
    /// An empty table with these column headings, in `lang`.
    pub fn new(title: impl Into<String>, columns: &[Label], lang: Lang) -> Table {
        Table {
            title: title.into(),
            columns: columns.iter().map(|l| l.get(lang).to_string()).collect(),
            rows: Vec::new(),
            total: None,
        }
    }

    /// An empty table with these headings, already in the reader's language.
    pub fn with_headings(title: &str, columns: &[&str]) -> Table {
        Table {
            title: title.to_string(),
            columns: columns.iter().map(|c| c.to_string()).collect(),
            rows: Vec::new(),
            total: None,
        }
    }

    /// Whether every column has a heading and no row (nor the total) has a
    /// cell beyond the last heading: no figure without a name.
    pub fn every_column_labelled(&self) -> bool {
        let width = self.columns.len();
        width > 0
            && self.columns.iter().all(|c| !c.trim().is_empty())
            && self.rows.iter().chain(self.total.as_ref()).all(|r| r.len() <= width)
    }

    /// This table with `other`'s columns after its own, joined on the first
    /// column (both lead with the year, say): each row gets the cells of
    /// `other`'s row with the same first cell (empty cells where there is none).
    pub fn beside(mut self, other: &Table) -> Table {
        let added = other.columns.len().saturating_sub(1);
        self.columns.extend(other.columns.iter().skip(1).cloned());
        for row in &mut self.rows {
            match other.rows.iter().find(|o| !o.is_empty() && o.first() == row.first()) {
                Some(o) => row.extend(o.iter().skip(1).cloned()),
                None => row.extend(std::iter::repeat_n(Value::Empty, added)),
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(title: &str, heads: &[Label], rows: Vec<Vec<Value>>) -> Table {
        let mut t = Table::new(title, heads, Lang::En);
        t.rows = rows;
        t
    }

    #[test]
    fn a_table_has_a_heading_for_every_cell() {
        let mut t = years("T", &[Label::Year, Label::Savings], vec![vec![Value::Year(2026), text("a")]]);
        assert!(t.every_column_labelled());
        assert_eq!(t.columns, ["Year", "Savings"]);
        // A cell beyond the headings, in a row or in the total, has no name.
        t.total = Some(vec![text("Total"), Value::Empty, Value::Count(1)]);
        assert!(!t.every_column_labelled());
        t.total = None;
        t.rows.push(vec![Value::Year(2027), Value::Empty, Value::Empty]);
        assert!(!t.every_column_labelled());
        // A blank heading is no heading; nor is a table without columns.
        let mut blank = years("T", &[Label::Year], vec![]);
        blank.columns[0] = "  ".into();
        assert!(!blank.every_column_labelled());
        assert!(!years("T", &[], vec![]).every_column_labelled());
    }

    #[test]
    fn tables_beside_each_other_are_joined_on_the_first_column() {
        let money = |s: &str| Value::Money(s.parse().unwrap());
        let fund = years(
            "Fund",
            &[Label::Year, Label::OpeningBalance],
            vec![vec![Value::Year(2026), money("1")], vec![Value::Year(2027), money("2")]],
        );
        // The other table's years in another order, one missing.
        let results = years(
            "Results",
            &[Label::Year, Label::OrganisationResult, Label::SocietyResult],
            vec![vec![Value::Year(2027), money("-5"), money("6")]],
        );
        let joined = fund.beside(&results);
        assert_eq!(joined.title, "Fund");
        assert_eq!(joined.columns, ["Year", "Opening balance", "Organisation's result", "Society's result"]);
        assert_eq!(joined.rows[0], [Value::Year(2026), money("1"), Value::Empty, Value::Empty]);
        assert_eq!(joined.rows[1], [Value::Year(2027), money("2"), money("-5"), money("6")]);
        assert!(joined.every_column_labelled());
    }
}

#[cfg(test)]
mod csv_file_tests {
    use super::*;
    use crate::model::simulate;
    use csv::CsvDialect;

    #[test]
    fn the_csv_file_is_the_tables_in_the_dialect() {
        let s = Scenario::from_json(include_str!("../../tests/data/tiny.json")).unwrap();
        let o = simulate(&s).unwrap();
        let sv = year_by_year_csv(&s, &o, Lang::Sv, CsvDialect::SwedishExcel);
        // The byte-order mark U+FEFF, then the first table: its title, its header, its row.
        assert!(sv.starts_with("\u{feff}Scenario\r\nNamn;Valuta\r\nLiten;SEK\r\n\r\nFonden\r\n"), "{sv}");
        let en = year_by_year_csv(&s, &o, Lang::En, CsvDialect::Plain);
        assert!(en.starts_with("Scenario\r\nName,Currency\r\nLiten,SEK\r\n\r\nThe fund\r\n"), "{en}");
    }
}
