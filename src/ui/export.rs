//! Exports for budget officers: the year-by-year result as CSV in two
//! dialects (for Swedish Excel: semicolons, decimal comma, UTF-8 with a
//! byte-order mark; for everyone else: commas, decimal point), made when a
//! user asks for the file (downloaded as a blob, never leaving the page), and
//! a chart's SVG made standalone.

use rust_decimal::Decimal;

use crate::model::outcome::{money_text, ratio_text};
use crate::model::{Outcome, Scenario};
use crate::ui::text::T;
use crate::words::Lang;

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

    /// The download's file name.
    pub fn file_name(self) -> &'static str {
        match self {
            CsvDialect::SwedishExcel => "fundsim-resultat-excel.csv",
            CsvDialect::Plain => "fundsim-result.csv",
        }
    }
}

/// One CSV field, quoted when it holds the separator, a quote or a line break.
fn field(text: &str, dialect: CsvDialect) -> String {
    if text.contains([dialect.separator(), '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// An amount rounded to öre (as in the result JSON), with the dialect's decimal mark and no grouping.
fn amount(value: Decimal, dialect: CsvDialect) -> String {
    money_text(value).replace('.', &dialect.decimal_mark().to_string())
}

/// A ratio to 4 decimals (as in the result JSON), with the dialect's decimal mark.
fn ratio(value: Decimal, dialect: CsvDialect) -> String {
    ratio_text(value).replace('.', &dialect.decimal_mark().to_string())
}

struct Csv {
    out: String,
    dialect: CsvDialect,
}

impl Csv {
    fn line(&mut self, fields: &[String]) {
        let row: Vec<String> = fields.iter().map(|f| field(f, self.dialect)).collect();
        self.out.push_str(&row.join(&self.dialect.separator().to_string()));
        self.out.push_str("\r\n");
    }

    fn blank(&mut self) {
        self.out.push_str("\r\n");
    }

    fn amount(&self, value: Decimal) -> String {
        amount(value, self.dialect)
    }
}

fn heads(labels: &[T], lang: Lang) -> Vec<String> {
    labels.iter().map(|t| t.get(lang).to_string()).collect()
}

/// Every table of the result as one CSV text, amounts exact to the öre, in
/// the scenario's currency: the fund, the organisation and society, every
/// actor's every row and totals, every intervention's totals and savings per
/// actor, and the key figures. Headings are in `lang`; separator and decimal
/// mark follow `dialect` (the byte-order mark is added by [`csv_file`]).
pub fn result_csv(scenario: &Scenario, outcome: &Outcome, lang: Lang, dialect: CsvDialect) -> String {
    let mut c = Csv { out: String::new(), dialect };
    c.line(&[scenario.name.clone(), scenario.currency.clone()]);
    c.blank();

    c.line(&[T::TableFund.get(lang).to_string()]);
    c.line(&heads(&[T::Year, T::Open, T::Allocation, T::Grants, T::Repayments, T::Close], lang));
    for r in &outcome.fund {
        let values = [r.open, r.allocation, r.grants, r.repayments, r.close];
        let mut row = vec![r.year.to_string()];
        row.extend(values.iter().map(|v| c.amount(*v)));
        c.line(&row);
    }
    c.blank();

    c.line(&[T::TableNet.get(lang).to_string()]);
    c.line(&heads(&[T::Year, T::OrgNet, T::SocietyNet], lang));
    for (y, year) in outcome.years.iter().enumerate() {
        let org = outcome.org_net.get(y).copied().unwrap_or_default();
        let society = outcome.society_net.get(y).copied().unwrap_or_default();
        let row = [year.to_string(), c.amount(org), c.amount(society)];
        c.line(&row);
    }

    for a in &outcome.actors {
        c.blank();
        let actor = scenario.actor(&a.id);
        let name = actor.map(|x| x.name.clone()).unwrap_or_else(|| a.id.clone());
        let place = if actor.is_some_and(|x| x.inside) { T::InsideShort } else { T::OutsideShort };
        c.line(&[format!("{name} ({})", place.get(lang))]);
        c.line(&heads(
            &[T::Year, T::Savings, T::CoFinancing, T::Repayment, T::FundCost, T::GrantsReceived, T::Net],
            lang,
        ));
        for r in &a.rows {
            let values = [r.savings, r.co_financing, r.repayment, r.fund_cost, r.grants_received, r.net];
            let mut row = vec![r.year.to_string()];
            row.extend(values.iter().map(|v| c.amount(*v)));
            c.line(&row);
        }
        let total = [
            T::Total.get(lang).to_string(),
            c.amount(a.savings_total),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            c.amount(a.net_total),
        ];
        c.line(&total);
        let cost = [T::CostBorne.get(lang).to_string(), c.amount(a.cost_borne)];
        c.line(&cost);
        let npv = [T::Npv.get(lang).to_string(), c.amount(a.npv)];
        c.line(&npv);
    }
    c.blank();

    let intervention_name = |id: &str| {
        scenario.interventions.iter().find(|x| x.id == id).map(|x| x.name.clone()).unwrap_or_else(|| id.to_string())
    };
    let actor_name = |id: &str| scenario.actor(id).map(|x| x.name.clone()).unwrap_or_else(|| id.to_string());

    c.line(&[T::TableInterventions.get(lang).to_string()]);
    c.line(&heads(&[T::Intervention, T::GrantsTotal, T::RepaidTotal, T::Outstanding], lang));
    for i in &outcome.interventions {
        let outstanding = i.outstanding.map(|v| c.amount(v)).unwrap_or_else(|| T::NoCap.get(lang).to_string());
        let row = [intervention_name(&i.id), c.amount(i.grants_total), c.amount(i.repaid_total), outstanding];
        c.line(&row);
    }
    c.blank();

    c.line(&[T::CsvSavingsByActor.get(lang).to_string()]);
    c.line(&heads(&[T::Intervention, T::Actor, T::Savings, T::SavingsShare], lang));
    for i in &outcome.interventions {
        for (actor, saved) in &i.savings_by_actor {
            let share = i
                .savings_share_by_actor
                .iter()
                .find(|(a, _)| a == actor)
                .and_then(|(_, s)| *s)
                .map(|s| ratio(s, dialect))
                .unwrap_or_default();
            let row = [intervention_name(&i.id), actor_name(actor), c.amount(*saved), share];
            c.line(&row);
        }
    }
    c.blank();

    let k = &outcome.key_figures;
    let year = |y: Option<i32>| y.map(|y| y.to_string()).unwrap_or_default();
    c.line(&[T::KeyFigures.get(lang).to_string()]);
    let figures = [
        (T::TotalCost, c.amount(k.total_cost)),
        (T::SavingsInside, c.amount(k.savings_inside)),
        (T::SavingsOutside, c.amount(k.savings_outside)),
        (T::OrgNpv, c.amount(k.org_npv)),
        (T::SocietyNpv, c.amount(k.society_npv)),
        (T::PaybackYear, year(k.payback_year)),
        (T::CsvFundFirstNegative, year(k.fund_first_negative_year)),
        (T::RevolvingRatio, k.revolving_ratio.map(|r| ratio(r, dialect)).unwrap_or_default()),
    ];
    for (label, value) in figures {
        c.line(&[label.get(lang).to_string(), value]);
    }
    c.out
}

/// The CSV file's text: [`result_csv`], led by a byte-order mark when the
/// dialect wants one (Swedish Excel reads UTF-8 only with it).
pub fn csv_file(scenario: &Scenario, outcome: &Outcome, lang: Lang, dialect: CsvDialect) -> String {
    let csv = result_csv(scenario, outcome, lang, dialect);
    if dialect.byte_order_mark() {
        format!("\u{feff}{csv}")
    } else {
        csv
    }
}

/// A chart's `<svg>` markup made into a standalone file: the colours written
/// `var(--c-…, #fallback)` (read from the page's style sheet in the app) take
/// their fallback, and the SVG namespace is declared.
pub fn standalone_svg(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len() + 64);
    let mut rest = markup;
    while let Some(at) = rest.find("var(") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 4..];
        // The closing parenthesis of this var(), allowing nested ones in the fallback.
        let mut depth = 1usize;
        let mut close = None;
        for (i, ch) in after.char_indices() {
            match ch {
                '(' => depth += 1,
                ')' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let Some(close) = close else {
            out.push_str(&rest[at..]);
            rest = "";
            break;
        };
        let inner = &after[..close];
        let fallback = inner.split_once(',').map(|(_, f)| f.trim()).unwrap_or("currentColor");
        // A fallback may itself be a var(): resolve it the same way.
        out.push_str(&standalone_svg(fallback));
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    if !out.contains("xmlns=\"http://www.w3.org/2000/svg\"") {
        if let Some(at) = out.find("<svg") {
            out.insert_str(at + 4, " xmlns=\"http://www.w3.org/2000/svg\"");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::simulate;
    use crate::ui::state::example_scenario;

    #[test]
    fn the_csv_has_every_row_with_exact_amounts() {
        let s = example_scenario();
        let o = simulate(&s).unwrap();
        let csv = result_csv(&s, &o, Lang::Sv, CsvDialect::SwedishExcel);
        assert!(csv.contains("Fonden\r\nÅr;Ingående saldo;Avsättning;Bidrag;Återbetalningar;Utgående saldo\r\n2026;0,00;10000000,00;2500000,00;0,00;7500000,00\r\n"));
        // 15 fund rows + 15 net rows + 4 × 15 actor rows, each ending in CRLF.
        assert_eq!(csv.lines().filter(|l| l.starts_with("20")).count(), 15 * 6);
        let en = result_csv(&s, &o, Lang::En, CsvDialect::Plain);
        assert!(en.contains("2026,0.00,10000000.00,2500000.00,0.00,7500000.00"));
        // Every actor has its totals and present value; the key figures close the file.
        assert_eq!(csv.matches("\r\nnuvärde;").count(), o.actors.len());
        assert_eq!(csv.matches("\r\nKostnader;").count(), o.actors.len());
        assert!(csv.contains("\r\nNyckeltal\r\nKostnad för insatserna;"));
        assert!(
            csv.contains("\r\nBesparingar per insats och aktör\r\nInsats;Aktör;Besparingar;Andel av besparingarna\r\n")
        );
    }

    /// A scenario small enough to work out by hand: one intervention costing
    /// 100.125 in 2026, paid by the fund, saving 50.005 a year for the state in
    /// 2026 and 2027 (`tests/data/tiny.json`, shared with the workbook tests).
    fn tiny() -> Scenario {
        Scenario::from_json(include_str!("../../tests/data/tiny.json")).unwrap()
    }

    #[test]
    fn the_swedish_excel_dialect() {
        let s = tiny();
        let o = simulate(&s).unwrap();
        let csv = result_csv(&s, &o, Lang::Sv, CsvDialect::SwedishExcel);
        // 1000.5 − 100.125 = 900.375, rounded half away from zero to öre.
        assert!(
            csv.contains("\r\n2026;0,00;1000,50;100,13;0,00;900,38\r\n2027;900,38;0,00;0,00;0,00;900,38\r\n"),
            "{csv}"
        );
        // The organisation: −100.125; society: 50.005 − 100.125 = −50.12; then 0 and 50.005.
        assert!(csv.contains("\r\n2026;-100,13;-50,12\r\n2027;0,00;50,01\r\n"), "{csv}");
        // A name holding a semicolon is quoted; one holding a comma is not.
        assert!(csv.contains("\r\n\"Skola; fritids (inom organisationen)\"\r\n"), "{csv}");
        assert!(csv.contains("\r\nStaten, Skatteverket (utanför organisationen)\r\n"), "{csv}");
        assert!(csv.contains("\r\n2026;50,01;0,00;0,00;0,00;0,00;50,01\r\n"), "{csv}");
        assert!(csv.contains("\r\nSumma;100,01;;;;;100,01\r\n"), "{csv}");
        assert!(csv.contains("\r\nLäsning;Staten, Skatteverket;100,01;1,0000\r\n"), "{csv}");
        assert!(csv.contains("\r\nKostnad för insatserna;100,13\r\n"), "{csv}");
        // The file: U+FEFF (the byte-order mark, EF BB BF in UTF-8), then the CSV.
        let file = csv_file(&s, &o, Lang::Sv, CsvDialect::SwedishExcel);
        assert_eq!(&file.as_bytes()[..3], &[0xef, 0xbb, 0xbf]);
        assert_eq!(&file[3..], csv);
    }

    #[test]
    fn the_plain_dialect() {
        let s = tiny();
        let o = simulate(&s).unwrap();
        let csv = result_csv(&s, &o, Lang::En, CsvDialect::Plain);
        assert!(
            csv.starts_with(
                "Liten,SEK\r\n\r\nThe fund\r\nYear,Opening balance,Allocation,Grants,Repayments,Closing balance\r\n"
            ),
            "{csv}"
        );
        assert!(
            csv.contains("\r\n2026,0.00,1000.50,100.13,0.00,900.38\r\n2027,900.38,0.00,0.00,0.00,900.38\r\n"),
            "{csv}"
        );
        assert!(csv.contains("\r\n2026,-100.13,-50.12\r\n2027,0.00,50.01\r\n"), "{csv}");
        // A name holding a comma is quoted; one holding a semicolon is not.
        assert!(csv.contains("\r\nSkola; fritids (inside the organisation)\r\n"), "{csv}");
        assert!(csv.contains("\r\n\"Staten, Skatteverket (outside the organisation)\"\r\n"), "{csv}");
        assert!(csv.contains("\r\n2026,50.01,0.00,0.00,0.00,0.00,50.01\r\n"), "{csv}");
        assert!(csv.contains("\r\nLäsning,\"Staten, Skatteverket\",100.01,1.0000\r\n"), "{csv}");
        // No byte-order mark in the plain dialect.
        assert_eq!(csv_file(&s, &o, Lang::En, CsvDialect::Plain), csv);
    }

    #[test]
    fn fields_with_separators_are_quoted() {
        assert_eq!(field("a;b", CsvDialect::SwedishExcel), "\"a;b\"");
        assert_eq!(field("a,b", CsvDialect::SwedishExcel), "a,b");
        assert_eq!(field("a,b", CsvDialect::Plain), "\"a,b\"");
        assert_eq!(field("a;b", CsvDialect::Plain), "a;b");
        assert_eq!(field("say \"hi\"", CsvDialect::Plain), "\"say \"\"hi\"\"\"");
    }

    #[test]
    fn a_standalone_svg_has_its_colours_and_namespace() {
        assert_eq!(
            standalone_svg(
                r##"<svg viewBox="0 0 1 1"><rect style="fill:var(--c-pay, #D55E00);stroke:var(--c-x)" fill="var(--a, var(--b, #fff))"/></svg>"##
            ),
            r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect style="fill:#D55E00;stroke:currentColor" fill="#fff"/></svg>"##
        );
        let done = r#"<svg xmlns="http://www.w3.org/2000/svg"></svg>"#;
        assert_eq!(standalone_svg(done), done);
    }
}
