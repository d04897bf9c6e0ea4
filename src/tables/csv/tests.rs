//! The CSV writer, checked against lines written out by hand.

use super::*;
use crate::model::{simulate, Scenario};
use crate::tables::results::year_by_year;
use crate::tables::text;
use crate::words::Lang;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

use CsvDialect::{Plain, SwedishExcel};

#[test]
fn text_that_a_spreadsheet_would_read_as_a_formula_is_led_by_an_apostrophe() {
    // Each character that starts a formula (or hides one), in both dialects.
    assert_eq!(text_field("=1+2", SwedishExcel), "'=1+2");
    assert_eq!(text_field("+SUM(A1)", SwedishExcel), "'+SUM(A1)");
    assert_eq!(text_field("-2+3", Plain), "'-2+3");
    assert_eq!(text_field("@SUM(A1)", Plain), "'@SUM(A1)");
    assert_eq!(text_field("\t=1", SwedishExcel), "'\t=1");
    // A carriage return also needs quotes.
    assert_eq!(text_field("\r=1", Plain), "\"'\r=1\"");
    // Neutralised first, then quoted as CSV requires: the apostrophe is inside the quotes.
    assert_eq!(text_field("=HYPERLINK(\"x\";\"y\")", SwedishExcel), "\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\"");
    assert_eq!(text_field("=HYPERLINK(\"x\";\"y\")", Plain), "\"'=HYPERLINK(\"\"x\"\";\"\"y\"\")\"");
    assert_eq!(text_field("-1,5", Plain), "\"'-1,5\"");
    assert_eq!(text_field("-1,5", SwedishExcel), "'-1,5");
    // Only the first character counts; other text is left as it is.
    assert_eq!(text_field("Skola = bra", Plain), "Skola = bra");
    assert_eq!(text_field(" =1", Plain), " =1");
    assert_eq!(text_field("'=1", Plain), "'=1");
    assert_eq!(text_field("", Plain), "");
    assert_eq!(neutralised("Staten"), "Staten");
}

#[test]
fn fields_with_separators_quotes_or_line_breaks_are_quoted() {
    assert_eq!(text_field("a;b", SwedishExcel), "\"a;b\"");
    assert_eq!(text_field("a,b", SwedishExcel), "a,b");
    assert_eq!(text_field("a,b", Plain), "\"a,b\"");
    assert_eq!(text_field("a;b", Plain), "a;b");
    assert_eq!(text_field("say \"hi\"", Plain), "\"say \"\"hi\"\"\"");
    assert_eq!(text_field("two\nlines", SwedishExcel), "\"two\nlines\"");
}

#[test]
fn numbers_are_bare_in_the_dialects_decimal_mark_negative_ones_too() {
    // Money to 2 decimals and ratios to 4, half away from zero, as in the result JSON.
    assert_eq!(field(&Value::Money(d("-1234.5")), SwedishExcel), "-1234,50");
    assert_eq!(field(&Value::Money(d("-1234.5")), Plain), "-1234.50");
    assert_eq!(field(&Value::Money(d("-0.004")), Plain), "0.00");
    assert_eq!(field(&Value::Money(d("1000000")), SwedishExcel), "1000000,00");
    assert_eq!(field(&Value::Ratio(d("-0.12345")), SwedishExcel), "-0,1235");
    assert_eq!(field(&Value::Ratio(d("1")), Plain), "1.0000");
    assert_eq!(field(&Value::Year(2026), SwedishExcel), "2026");
    assert_eq!(field(&Value::Count(12), Plain), "12");
    assert_eq!(field(&Value::Number(d("-2.50")), SwedishExcel), "-2,5");
    assert_eq!(field(&Value::Empty, Plain), "");
    // A name that reads like a negative number is text, so it is neutralised; the number is not.
    assert_eq!(field(&text("-1234,50"), SwedishExcel), "'-1234,50");
}

/// A table written out: title, header, rows, total; a blank line between tables.
#[test]
fn tables_are_written_one_after_the_other() {
    let mut first = Table::new("=Fonden", &[Label::Year, Label::ClosingBalance], Lang::Sv);
    first.rows.push(vec![Value::Year(2026), Value::Money(d("-5.5"))]);
    first.total = Some(vec![text("Summa"), Value::Money(d("-5.5"))]);
    let mut second = Table::new("Aktörer", &[Label::Name, Label::InsideOrganisation], Lang::Sv);
    second.rows.push(vec![text("@Skola; fritids"), Value::Empty]);
    assert_eq!(
        write(&[first.clone(), second.clone()], SwedishExcel),
        "'=Fonden\r\nÅr;Utgående saldo\r\n2026;-5,50\r\nSumma;-5,50\r\n\r\nAktörer\r\nNamn;Inom organisationen\r\n\"'@Skola; fritids\";\r\n"
    );
    assert_eq!(
        write(&[first, second], Plain),
        "'=Fonden\r\nÅr,Utgående saldo\r\n2026,-5.50\r\nSumma,-5.50\r\n\r\nAktörer\r\nNamn,Inom organisationen\r\n'@Skola; fritids,\r\n"
    );
    assert_eq!(write(&[], Plain), "");
}

use crate::words::labels::Label;

/// A scenario small enough to work out by hand (`tests/data/tiny.json`,
/// shared with the workbook tests): the fund gets 1000.5 in 2026 (an
/// appropriation from the school); one intervention owned by the school
/// costs 100.125 in 2026, all paid by the fund; one participant who succeeds
/// saves the state 50.005 a year in 2026 and 2027; no repayment.
fn tiny() -> Scenario {
    Scenario::from_json(include_str!("../../../tests/data/tiny.json")).unwrap()
}

#[test]
fn the_whole_file_for_swedish_excel() {
    let s = tiny();
    let o = simulate(&s).unwrap();
    let csv = write(&year_by_year(&s, &o, Lang::Sv), SwedishExcel);
    // Fund 2026: 0 + 1000.5 − 100.125 = 900.375 → 900.38 (half away from zero);
    // the grant 100.125 → 100.13. The organisation pays the intervention,
    // −100.125 → −100.13; society: 50.005 − 100.125 = −50.12; in 2027 society
    // saves 50.005 → 50.01. The school's fund cost is the allocation 1000.5
    // (an appropriation); the state saves 50.005 a year, 100.01 in all
    // (summed, then rounded). Discount rate 0: present values are the plain
    // sums. Key figures: cost 100.13, nothing saved inside, 100.01 outside,
    // the organisation −100.13, society 100.01 − 100.125 = −0.115 → −0.12;
    // no payback, the fund never negative, nothing repaid of the grants (0).
    // The state has all the savings of the one intervention: a share of 1.
    let expected = [
        "Scenario",
        "Namn;Valuta",
        "Liten;SEK",
        "",
        "Fonden",
        "År;Ingående saldo;Avsättning;Bidrag;Återbetalningar;Utgående saldo",
        "2026;0,00;1000,50;100,13;0,00;900,38",
        "2027;900,38;0,00;0,00;0,00;900,38",
        "",
        "Organisationen och samhället",
        "År;Organisationens resultat;Samhällets resultat",
        "2026;-100,13;-50,12",
        "2027;0,00;50,01",
        "",
        "\"Skola; fritids (inom organisationen)\"",
        "År;Besparingar;Medfinansiering;Återbetalning;Fondens kostnad;Mottagna bidrag;Netto",
        "2026;0,00;0,00;0,00;1000,50;100,13;-1000,50",
        "2027;0,00;0,00;0,00;0,00;0,00;0,00",
        "Summa;0,00;;;;;-1000,50",
        "",
        "Staten, Skatteverket (utanför organisationen)",
        "År;Besparingar;Medfinansiering;Återbetalning;Fondens kostnad;Mottagna bidrag;Netto",
        "2026;50,01;0,00;0,00;0,00;0,00;50,01",
        "2027;50,01;0,00;0,00;0,00;0,00;50,01",
        "Summa;100,01;;;;;100,01",
        "",
        "Aktörerna totalt",
        "Aktör;Inom organisationen;Besparingar;Kostnader;Netto;Nuvärde",
        "\"Skola; fritids\";Ja;0,00;1000,50;-1000,50;-1000,50",
        "Staten, Skatteverket;Nej;100,01;0,00;100,01;100,01",
        "",
        "Insatserna totalt",
        "Insats;Bidrag från fonden;Återbetalt;Kvar att betala",
        "Läsning;100,13;0,00;0,00",
        "",
        "Besparingar per insats och aktör",
        "Insats;Aktör;Besparingar;Andel av besparingarna",
        "Läsning;Staten, Skatteverket;100,01;1,0000",
        "",
        "Nyckeltal",
        "Kostnad för insatserna;Besparingar inom organisationen;Besparingar utanför organisationen;\
         Nuvärde för organisationen;Nuvärde för samhället;Året det betalar sig;Första året fonden är negativ;\
         Fondens återflöde",
        "100,13;0,00;100,01;-100,13;-0,12;Inte inom perioden;Aldrig inom perioden;0,0000",
        // The per-intervention break-even (issue 12): Läsning saves only outside the
        // organisation, so u = 0 and no success rate makes the organisation break even
        // through it (said in words, the rate cell empty). No ranges: no sensitivity table.
        "",
        "Andel som måste lyckas för att organisationen ska gå jämnt ut genom insatsen ensam",
        "Insats;Antaget;Andel som måste lyckas;Innebörd",
        "Läsning;1,0000;;Inga besparingar inom organisationen att räkna på",
    ];
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert_eq!(lines[..lines.len() - 1], expected);
    assert_eq!(lines.last(), Some(&""), "every line ends in CRLF");
    // The file: U+FEFF (the byte-order mark, EF BB BF in UTF-8), then the CSV.
    let file = file(&year_by_year(&s, &o, Lang::Sv), SwedishExcel);
    assert_eq!(&file.as_bytes()[..3], &[0xef, 0xbb, 0xbf]);
    assert_eq!(&file[3..], csv);
}

#[test]
fn the_plain_dialect_in_english() {
    let s = tiny();
    let o = simulate(&s).unwrap();
    let csv = write(&year_by_year(&s, &o, Lang::En), Plain);
    assert!(
        csv.starts_with(
            "Scenario\r\nName,Currency\r\nLiten,SEK\r\n\r\nThe fund\r\n\
             Year,Opening balance,Allocation,Grants,Repayments,Closing balance\r\n\
             2026,0.00,1000.50,100.13,0.00,900.38\r\n2027,900.38,0.00,0.00,0.00,900.38\r\n\r\n"
        ),
        "{csv}"
    );
    assert!(csv.contains("\r\n2026,-100.13,-50.12\r\n2027,0.00,50.01\r\n"), "{csv}");
    // A name holding a comma is quoted; one holding a semicolon is not.
    assert!(csv.contains("\r\nSkola; fritids (inside the organisation)\r\n"), "{csv}");
    assert!(csv.contains("\r\n\"Staten, Skatteverket (outside the organisation)\"\r\n"), "{csv}");
    assert!(csv.contains("\r\nTotal,100.01,,,,,100.01\r\n"), "{csv}");
    assert!(csv.contains("\r\nActors in total\r\nActor,Inside the organisation,Savings,Costs,Net,Present value\r\n"));
    assert!(csv.contains("\r\n\"Staten, Skatteverket\",No,100.01,0.00,100.01,100.01\r\n"), "{csv}");
    assert!(csv.contains("\r\nLäsning,\"Staten, Skatteverket\",100.01,1.0000\r\n"), "{csv}");
    assert!(
        csv.contains("\r\n100.13,0.00,100.01,-100.13,-0.12,Not within the period,Never within the period,0.0000\r\n")
    );
    // Then the per-intervention break-even (no inside savings: in words, as above).
    assert!(csv.ends_with("\r\nLäsning,1.0000,,No savings inside the organisation to work from\r\n"), "{csv}");
    // No byte-order mark in the plain dialect.
    assert_eq!(file(&year_by_year(&s, &o, Lang::En), Plain), csv);
}

/// The tiny scenario with every name beginning like a formula.
#[test]
fn names_beginning_like_formulas_are_neutralised_in_every_table() {
    let mut s = tiny();
    s.name = "=1+2".into();
    s.actors[0].name = "+Skola".into();
    s.actors[1].name = "\tStaten".into();
    s.interventions[0].name = "@Läsning".into();
    let o = simulate(&s).unwrap();
    let sv = write(&year_by_year(&s, &o, Lang::Sv), SwedishExcel);
    assert!(sv.contains("\r\nNamn;Valuta\r\n'=1+2;SEK\r\n"), "{sv}");
    assert!(sv.contains("\r\n'+Skola (inom organisationen)\r\n"), "{sv}");
    assert!(sv.contains("\r\n'\tStaten (utanför organisationen)\r\n"), "{sv}");
    assert!(sv.contains("\r\n'+Skola;Ja;0,00;1000,50;-1000,50;-1000,50\r\n"), "{sv}");
    assert!(sv.contains("\r\n'@Läsning;100,13;0,00;0,00\r\n"), "{sv}");
    assert!(sv.contains("\r\n'@Läsning;'\tStaten;100,01;1,0000\r\n"), "{sv}");
    // Negative amounts stay bare numbers.
    assert!(sv.contains("\r\n2026;-100,13;-50,12\r\n"), "{sv}");
    let plain = write(&year_by_year(&s, &o, Lang::En), Plain);
    assert!(plain.contains("\r\nName,Currency\r\n'=1+2,SEK\r\n"), "{plain}");
    assert!(plain.contains("\r\n'@Läsning,'\tStaten,100.01,1.0000\r\n"), "{plain}");
    assert!(plain.contains("\r\n2026,-100.13,-50.12\r\n"), "{plain}");
    // A carriage return first: neutralised and quoted.
    s.actors[1].name = "\rStaten".into();
    let sv = write(&year_by_year(&s, &o, Lang::Sv), SwedishExcel);
    assert!(sv.contains("\r\n\"'\rStaten (utanför organisationen)\"\r\n"), "{sv}");
}

#[test]
fn every_table_of_every_preset_has_a_heading_for_every_column() {
    for preset in crate::presets::all() {
        let outcome = simulate(&preset.scenario).unwrap();
        for lang in [Lang::Sv, Lang::En] {
            let tables = year_by_year(&preset.scenario, &outcome, lang);
            // The scenario, the fund, the organisation and society, each actor, and four of totals
            // (and the outcome contracts', when there are any; the sensitivity, when any
            // intervention has a range; the break-even, when there are interventions).
            let contracts = usize::from(!outcome.outcome_contracts.is_empty());
            let ranged = usize::from(preset.scenario.interventions.iter().any(crate::model::Intervention::is_ranged));
            let break_even = usize::from(!preset.scenario.interventions.is_empty());
            let decision = ranged + break_even;
            assert_eq!(tables.len(), 3 + outcome.actors.len() + 4 + contracts + decision, "{}", preset.id);
            for t in &tables {
                assert!(t.every_column_labelled(), "{} {lang:?}: {} {:?}", preset.id, t.title, t.columns);
                assert!(!t.title.is_empty());
            }
            // Every line of a table in the file has at most as many fields as its header.
            for dialect in [SwedishExcel, Plain] {
                for t in &tables {
                    let header = write(std::slice::from_ref(t), dialect);
                    let lines: Vec<&str> = header.split("\r\n").collect();
                    let width = lines[1].split(dialect.separator()).count();
                    assert_eq!(width, t.columns.len(), "{} {}", preset.id, t.title);
                }
            }
        }
    }
}
