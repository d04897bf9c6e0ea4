//! Writes [`Table`]s as CSV, in the two dialects the app offers: one that
//! Swedish Excel opens as it is (semicolons, decimal comma, UTF-8 with a
//! byte-order mark) and one for every other program (commas, decimal point,
//! no byte-order mark). Lines end in CRLF (RFC 4180).
//!
//! Each table is its title, its header, its rows and its total, one line
//! each; a blank line separates the tables. Money has 2 decimals and ratios
//! 4, with the dialect's decimal mark and no grouping, and is never quoted:
//! `-1234,50` stays a number in Swedish Excel. Text is quoted when it holds
//! the separator, a quote or a line break; text a spreadsheet would read as
//! a formula is led by an apostrophe (see [`neutralised`]).

use std::borrow::Cow;

use crate::model::outcome::{money_text, ratio_text};

use super::{Table, Value};

/// The two CSV dialects offered: one that Swedish Excel opens as it is, and
/// one for every other program (and English-language Excel).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvDialect {
    /// Semicolons, decimal comma, UTF-8 with a byte-order mark.
    SwedishExcel,
    /// Commas, decimal point, UTF-8 (no byte-order mark).
    Plain,
}

impl CsvDialect {
    /// The field separator.
    pub fn separator(self) -> char {
        match self {
            CsvDialect::SwedishExcel => ';',
            CsvDialect::Plain => ',',
        }
    }

    /// The decimal mark of amounts.
    pub fn decimal_mark(self) -> char {
        match self {
            CsvDialect::SwedishExcel => ',',
            CsvDialect::Plain => '.',
        }
    }

    /// Whether the file starts with a UTF-8 byte-order mark (how Excel knows it is UTF-8).
    pub fn byte_order_mark(self) -> bool {
        matches!(self, CsvDialect::SwedishExcel)
    }
}

/// The characters that make a spreadsheet read a cell beginning with them
/// as a formula (`=`, and `+`, `-`, `@` which Excel and LibreOffice take as
/// its start) or that hide one behind them (a tab, a carriage return).
pub const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// Text that a spreadsheet would read as a formula, led by an apostrophe
/// (which spreadsheets take as "this is text"); any other text as it is.
/// Names come from shared links and files: `=HYPERLINK(…)` must stay a name.
pub fn neutralised(text: &str) -> Cow<'_, str> {
    if text.starts_with(FORMULA_STARTS) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// One text field: neutralised, then quoted when it holds the separator, a
/// quote or a line break (a quote inside is doubled).
pub fn text_field(text: &str, dialect: CsvDialect) -> String {
    let text = neutralised(text);
    if text.contains([dialect.separator(), '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.into_owned()
    }
}

/// A number's text (digits, a sign and `.`) with the dialect's decimal mark.
fn number(text: String, dialect: CsvDialect) -> String {
    match dialect.decimal_mark() {
        '.' => text,
        mark => text.replace('.', &mark.to_string()),
    }
}

/// One cell as a field. Numbers are written bare (they hold neither the
/// separator nor a quote in either dialect); only text is neutralised.
pub fn field(value: &Value, dialect: CsvDialect) -> String {
    match value {
        Value::Empty => String::new(),
        Value::Text(s) => text_field(s, dialect),
        Value::Money(d) => number(money_text(*d), dialect),
        Value::Ratio(d) => number(ratio_text(*d), dialect),
        Value::Year(y) => y.to_string(),
        Value::Count(n) => n.to_string(),
        Value::Number(d) => number(d.normalize().to_string(), dialect),
    }
}

fn line(out: &mut String, cells: impl Iterator<Item = String>, dialect: CsvDialect) {
    let mut first = true;
    for cell in cells {
        if !first {
            out.push(dialect.separator());
        }
        out.push_str(&cell);
        first = false;
    }
    out.push_str("\r\n");
}

/// The tables as CSV text (without a byte-order mark).
pub fn write(tables: &[Table], dialect: CsvDialect) -> String {
    let mut out = String::new();
    for (n, table) in tables.iter().enumerate() {
        if n > 0 {
            out.push_str("\r\n");
        }
        line(&mut out, std::iter::once(text_field(&table.title, dialect)), dialect);
        line(&mut out, table.columns.iter().map(|c| text_field(c, dialect)), dialect);
        for row in table.rows.iter().chain(table.total.as_ref()) {
            line(&mut out, row.iter().map(|v| field(v, dialect)), dialect);
        }
    }
    out
}

/// The CSV file's text: [`write()`], led by a byte-order mark when the dialect
/// wants one (Swedish Excel reads UTF-8 only with it).
pub fn file(tables: &[Table], dialect: CsvDialect) -> String {
    let csv = write(tables, dialect);
    if dialect.byte_order_mark() {
        format!("\u{feff}{csv}")
    } else {
        csv
    }
}

#[cfg(test)]
mod tests;
