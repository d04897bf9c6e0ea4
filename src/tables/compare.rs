//! Plan A against plan B in the downloads: the CSV file and the Excel
//! workbook of a comparison carry both scenarios, each table's title and
//! each sheet led by which it is: "A: <name>" and "B (jämförelse): <name>"
//! (the sheets "A …" and "B …"). The names are the user's text: they go into
//! titles as text, which the writers keep from being read as a formula.

use crate::model::{Outcome, Scenario};
use crate::tables::csv::{self, CsvDialect};
use crate::tables::results::year_by_year;
use crate::tables::workbook::{sheet_name, sheets, Sheet};
use crate::tables::Value;
use crate::words::Lang;

/// Which scenario a title belongs to: `A: <name>` or `B (jämförelse): <name>`.
pub fn which(a: bool, name: &str, lang: Lang) -> String {
    let letter = match (a, lang) {
        (true, _) => "A",
        (false, Lang::Sv) => "B (jämförelse)",
        (false, Lang::En) => "B (baseline)",
    };
    format!("{letter}: {name}")
}

/// The CSV file of a comparison: A's tables, then B's, each title led by which it is.
pub fn comparison_csv(a: (&Scenario, &Outcome), b: (&Scenario, &Outcome), lang: Lang, dialect: CsvDialect) -> String {
    let mut tables = Vec::new();
    for (is_a, (s, o)) in [(true, a), (false, b)] {
        let lead = which(is_a, &s.name, lang);
        tables.extend(year_by_year(s, o, lang).into_iter().map(|mut t| {
            t.title = format!("{lead} – {}", t.title);
            t
        }));
    }
    csv::file(&tables, dialect)
}

/// The workbook of a comparison: A's sheets, then B's, named "A …" and
/// "B …" (valid and unique for Excel), each sheet's title led by which it is.
pub fn comparison_sheets(a: (&Scenario, &Outcome), b: (&Scenario, &Outcome), lang: Lang, date: &str) -> Vec<Sheet> {
    let mut names: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (is_a, (s, o)) in [(true, a), (false, b)] {
        let letter = if is_a { "A" } else { "B" };
        for (n, mut sheet) in sheets(s, o, lang, date).into_iter().enumerate() {
            sheet.name = sheet_name(&format!("{letter} {}", sheet.name), &names, &format!("{letter} {}", n + 1));
            names.push(sheet.name.clone());
            if let Some(Value::Text(title)) = sheet.rows.first_mut().and_then(|r| r.cells.first_mut()) {
                if title == &s.name {
                    *title = which(is_a, &s.name, lang);
                }
            }
            out.push(sheet);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair() -> (Scenario, Outcome, Scenario, Outcome) {
        let b = crate::presets::example().unwrap();
        let mut a = b.clone();
        a.name = "=HYPERLINK(\"x\")".into();
        let (ao, bo) = (crate::model::simulate(&a).unwrap(), crate::model::simulate(&b).unwrap());
        (a, ao, b, bo)
    }

    #[test]
    fn the_csv_says_which_is_which_and_keeps_names_from_formulas() {
        let (a, ao, b, bo) = pair();
        let text = comparison_csv((&a, &ao), (&b, &bo), Lang::Sv, CsvDialect::SwedishExcel);
        let one = csv::file(&year_by_year(&b, &bo, Lang::Sv), CsvDialect::SwedishExcel);
        // Every table twice: A's and B's (the BOM once).
        // (A title with a quote in it is quoted; the first line follows the byte-order mark.)
        let titles = |t: &str| {
            t.lines()
                .map(|l| l.trim_start_matches(['\u{feff}', '"']))
                .filter(|l| l.starts_with("A: ") || l.starts_with("B (jämförelse): "))
                .count()
        };
        assert_eq!(titles(&text), 2 * year_by_year(&b, &bo, Lang::Sv).len());
        assert!(text.len() > 2 * (one.len() - 3) - 10);
        assert!(text.contains(&format!("B (jämförelse): {} – ", b.name)), "{text:.300}");
        // A's name is a formula: in a title it follows "A: ", so it is never a cell's beginning.
        assert!(text.lines().all(|l| !l.starts_with('=') && !l.contains(";=")));
        let en = comparison_csv((&a, &ao), (&b, &bo), Lang::En, CsvDialect::Plain);
        assert!(en.contains(&format!("B (baseline): {} – ", b.name)));
    }

    #[test]
    fn the_workbook_has_both_with_valid_unique_sheet_names() {
        let (a, ao, b, bo) = pair();
        let both = comparison_sheets((&a, &ao), (&b, &bo), Lang::En, "2026-12-04");
        let one = sheets(&b, &bo, Lang::En, "2026-12-04");
        assert_eq!(both.len(), 2 * one.len());
        assert!(both[..one.len()].iter().all(|s| s.name.starts_with("A ")));
        assert!(both[one.len()..].iter().all(|s| s.name.starts_with("B ")));
        let mut names: Vec<String> = both.iter().map(|s| s.name.to_lowercase()).collect();
        assert!(names.iter().all(|n| n.chars().count() <= 31));
        names.sort();
        names.dedup();
        assert_eq!(names.len(), both.len(), "unique");
        assert_eq!(both[0].rows[0].cells[0], Value::Text(format!("A: {}", a.name)));
        assert_eq!(both[one.len()].rows[0].cells[0], Value::Text(format!("B (baseline): {}", b.name)));
    }
}
