//! The workbook's sheets, checked against figures worked out by hand.

use super::*;
use crate::tables::result_ratio;
#[cfg(feature = "on-demand")]
use crate::tables::xlsx;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn m(s: &str) -> Value {
    Value::Money(d(s))
}

fn t(s: &str) -> Value {
    Value::Text(s.to_string())
}

/// A scenario small enough to work out by hand (`tests/data/tiny.json`,
/// shared with the CSV tests): the fund gets 1000.5 in
/// 2026 (an appropriation from the school); one intervention owned by the
/// school costs 100.125 in 2026, all paid by the fund; one participant who
/// succeeds saves the state 50.005 a year in 2026 and 2027; no repayment.
const TINY: &str = include_str!("../../tests/data/tiny.json");

fn tiny(lang: &str) -> Vec<Sheet> {
    sheets_from_json(TINY, lang, "2026-11-23").unwrap()
}

/// The value to the right of the first row whose first cell is `label`.
fn beside<'a>(sheet: &'a Sheet, label: &str) -> &'a Value {
    let row =
        sheet.rows.iter().find(|r| r.cells.first() == Some(&t(label))).unwrap_or_else(|| panic!("no row {label}"));
    &row.cells[1]
}

/// The body rows right under the header whose first cell is `head`, in a section titled `section`.
fn table<'a>(sheet: &'a Sheet, section: &str) -> Vec<&'a Row> {
    let at = sheet.rows.iter().position(|r| r.style == Style::Section && r.cells[0] == t(section)).unwrap();
    assert_eq!(sheet.rows[at + 1].style, Style::Header);
    sheet.rows[at + 2..].iter().take_while(|r| r.style == Style::Body && !r.cells.is_empty()).collect()
}

#[test]
fn one_sheet_for_the_summary_one_for_the_fund_and_one_per_actor() {
    let names: Vec<String> = tiny("sv").into_iter().map(|s| s.name).collect();
    assert_eq!(names, ["Nyckeltal och antaganden", "Fonden år för år", "Skola; fritids", "Staten, Skatteverket"]);
    let names: Vec<String> = tiny("en").into_iter().map(|s| s.name).collect();
    assert_eq!(
        names,
        ["Key figures and assumptions", "The fund year by year", "Skola; fritids", "Staten, Skatteverket"]
    );
}

#[test]
fn the_fund_sheet_has_every_year_rounded_as_the_result_json() {
    let sheets = tiny("sv");
    let fund = &sheets[1];
    assert_eq!(fund.rows[0].cells, [t("Fonden år för år")]);
    assert_eq!(fund.rows[1].cells, [t("Liten · Belopp i SEK · Skapad med fundsim 2026-11-23")]);
    assert_eq!(fund.rows[3].style, Style::Header);
    assert_eq!(
        fund.rows[3].cells,
        [
            "År",
            "Ingående saldo",
            "Avsättning",
            "Bidrag",
            "Återbetalningar",
            "Utgående saldo",
            "Organisationens resultat",
            "Samhällets resultat"
        ]
        .map(t)
    );
    // 2026: 0 + 1000.5 − 100.125 = 900.375 → 900.38 (half away from zero); the
    // grant 100.125 → 100.13. The organisation: −100.125 → −100.13; society:
    // 50.005 − 100.125 = −50.12. 2027: the balance stays; society saves 50.005 → 50.01.
    assert_eq!(
        fund.rows[4].cells,
        [Value::Year(2026), m("0"), m("1000.5"), m("100.13"), m("0"), m("900.38"), m("-100.13"), m("-50.12")]
    );
    assert_eq!(
        fund.rows[5].cells,
        [Value::Year(2027), m("900.38"), m("0"), m("0"), m("0"), m("900.38"), m("0"), m("50.01")]
    );
    assert_eq!(fund.rows.len(), 6, "a title, a note, a blank row, the header and two years");
    // The header row and the year column stay in view.
    assert_eq!(fund.freeze, (4, 1));
}

#[test]
fn an_actor_sheet_has_every_year_and_the_totals() {
    let sheets = tiny("en");
    let school = &sheets[2];
    assert_eq!(school.rows[0].cells, [t("Skola; fritids (inside the organisation)")]);
    assert_eq!(
        school.rows[3].cells,
        ["Year", "Savings", "Co-financing", "Repayment", "Fund cost", "Grants received", "Net"].map(t)
    );
    // The school finances the fund by appropriation: the allocation 1000.5 is its
    // cost in 2026; the fund pays the whole intervention, so no co-financing;
    // the grant 100.125 is shown as received (→ 100.13) but is not in net.
    assert_eq!(
        school.rows[4].cells,
        [Value::Year(2026), m("0"), m("0"), m("0"), m("1000.5"), m("100.13"), m("-1000.5")]
    );
    assert_eq!(school.rows[5].cells, [Value::Year(2027), m("0"), m("0"), m("0"), m("0"), m("0"), m("0")]);
    assert_eq!(school.rows[6].style, Style::Total);
    assert_eq!(
        school.rows[6].cells,
        [t("Total"), m("0"), Value::Empty, Value::Empty, Value::Empty, Value::Empty, m("-1000.5")]
    );
    assert_eq!(beside(school, "Costs"), &m("1000.5"));
    // Discount rate 0: the present value is the plain sum.
    assert_eq!(beside(school, "Present value"), &m("-1000.5"));

    let state = &sheets[3];
    assert_eq!(state.rows[0].cells, [t("Staten, Skatteverket (outside the organisation)")]);
    // 50.005 a year → 50.01 each year; the total is summed before rounding: 100.01.
    assert_eq!(state.rows[4].cells, [Value::Year(2026), m("50.01"), m("0"), m("0"), m("0"), m("0"), m("50.01")]);
    assert_eq!(state.rows[5].cells, [Value::Year(2027), m("50.01"), m("0"), m("0"), m("0"), m("0"), m("50.01")]);
    assert_eq!(state.rows[6].cells[1], m("100.01"));
    assert_eq!(beside(state, "Costs"), &m("0"));
    assert_eq!(beside(state, "Present value"), &m("100.01"));
}

#[test]
fn the_summary_has_the_key_figures_and_every_assumption() {
    let sheets = tiny("sv");
    let s = &sheets[0];
    assert_eq!(s.rows[0].cells, [t("Liten")]);
    // Cost 100.125 → 100.13; nothing saved inside; 100.01 outside; the
    // organisation −100.125 → −100.13; society 100.01 − 100.125 = −0.115 → −0.12.
    assert_eq!(beside(s, "Kostnad för insatserna"), &m("100.13"));
    assert_eq!(beside(s, "Besparingar inom organisationen"), &m("0"));
    assert_eq!(beside(s, "Besparingar utanför organisationen"), &m("100.01"));
    assert_eq!(beside(s, "Nuvärde för organisationen"), &m("-100.13"));
    assert_eq!(beside(s, "Nuvärde för samhället"), &m("-0.12"));
    // The organisation never gets back to zero; the fund never goes below it; nothing is repaid.
    assert_eq!(beside(s, "Året det betalar sig"), &t("Inte inom perioden"));
    assert_eq!(beside(s, "Första året fonden är negativ"), &t("Aldrig inom perioden"));
    assert_eq!(beside(s, "Fondens återflöde"), &Value::Ratio(d("0")));
    // The assumptions, as typed.
    assert_eq!(beside(s, "Valuta"), &t("SEK"));
    assert_eq!(beside(s, "Första år"), &Value::Year(2026));
    assert_eq!(beside(s, "Antal år"), &Value::Count(2));
    assert_eq!(beside(s, "Diskonteringsränta"), &Value::Ratio(d("0")));
    assert_eq!(beside(s, "Finansieras av"), &t("Skola; fritids"));
    assert_eq!(beside(s, "Redovisning"), &t("Anslag"));
    assert_eq!(beside(s, "Startkapital"), &m("0"));
    let allocations = table(s, "Avsättningar");
    assert_eq!(allocations.len(), 1);
    assert_eq!(allocations[0].cells, [Value::Year(2026), m("1000.5")]);
    let rule = table(s, "Återbetalning, regel för alla insatser");
    assert_eq!(rule[0].cells, [t("Ingen – ett bidrag")]);
    let actors = table(s, "Aktörer");
    assert_eq!(actors[0].cells, [t("Skola; fritids"), t("school"), t("Ja")]);
    assert_eq!(actors[1].cells, [t("Staten, Skatteverket"), t("state"), t("Nej")]);
    let interventions = table(s, "Insatser");
    assert_eq!(
        interventions[0].cells,
        [
            t("Läsning"),
            t("Skola; fritids"),
            Value::Year(2026),
            Value::Count(1),
            m("100.125"),
            Value::Ratio(d("1")),
            Value::Number(d("1")),
            Value::Ratio(d("1")),
            Value::Ratio(d("0")),
            Value::Ratio(d("0")),
            Value::Count(0),
            Value::Count(2),
            t("Ingen – ett bidrag"),
        ]
    );
    let avoided = table(s, "Undvikna kostnader per lyckad deltagare och år");
    assert_eq!(avoided[0].cells, [t("Läsning"), t("Staten, Skatteverket"), m("50.005")]);
    let totals = table(s, "Insatserna totalt");
    assert_eq!(totals[0].cells[..3], [t("Läsning"), m("100.13"), m("0")]);
    let by_actor = table(s, "Besparingar per insats och aktör");
    // The state has all of the savings: a share of 1.
    assert_eq!(by_actor[0].cells, [t("Läsning"), t("Staten, Skatteverket"), m("100.01"), Value::Ratio(d("1"))]);
}

#[test]
fn repayment_rules_are_written_out() {
    let mut v: serde_json::Value = serde_json::from_str(TINY).unwrap();
    v["repayment_default"] = serde_json::json!({"kind": "fixed", "share": "0.5", "years": 3, "start_after": 1});
    v["interventions"][0]["repayment"] =
        serde_json::json!({"kind": "savings_share", "share": "0.25", "start_after": 2});
    let sheets = sheets_from_json(&v.to_string(), "en", "2026-11-23").unwrap();
    let s = &sheets[0];
    let rule = table(s, "Repayment, rule for every intervention");
    assert_eq!(
        rule[0].cells,
        [t("Fixed instalments"), Value::Ratio(d("0.5")), Value::Count(3), Value::Count(1), Value::Empty]
    );
    let interventions = table(s, "Interventions");
    assert_eq!(
        interventions[0].cells[12..],
        [t("Share of savings"), Value::Ratio(d("0.25")), Value::Empty, Value::Count(2), t("no cap")]
    );
}

#[test]
fn result_values_are_rounded_half_away_from_zero() {
    assert_eq!(result_money(d("2.345")), m("2.35"));
    assert_eq!(result_money(d("-2.345")), m("-2.35"));
    assert_eq!(result_money(d("2.3449")), m("2.34"));
    assert_eq!(result_ratio(d("0.12345")), Value::Ratio(d("0.1235")));
    assert_eq!(result_ratio(d("-0.12345")), Value::Ratio(d("-0.1235")));
}

#[test]
fn sheet_names_are_valid_for_excel_and_unique() {
    let none: Vec<String> = vec![];
    // The characters Excel refuses become dashes.
    assert_eq!(sheet_name("Vård/omsorg [VO]: * ? \\", &none, "x"), "Vård-omsorg -VO-- - - -");
    // 31 characters at most.
    let long = "Barn- och utbildningsförvaltningen i Gotlands kommun";
    assert_eq!(sheet_name(long, &none, "x"), "Barn- och utbildningsförvaltnin");
    assert_eq!(sheet_name(long, &none, "x").chars().count(), 31);
    // A character outside the basic plane counts twice, as in Excel: 15 × 2 + 1.
    let emoji = "😀".repeat(20);
    assert_eq!(sheet_name(&emoji, &none, "x"), "😀".repeat(15));
    // Leading and trailing apostrophes go; nothing left gives the fallback.
    assert_eq!(sheet_name("'Staten'", &none, "x"), "Staten");
    assert_eq!(sheet_name("  ''  ", &none, "Aktör 3"), "Aktör 3");
    // A name taken (in any case) gets a number, still within 31 characters.
    let taken = vec!["Staten".to_string(), "staten (2)".to_string()];
    assert_eq!(sheet_name("STATEN", &taken, "x"), "STATEN (3)");
    let taken = vec![long.chars().take(31).collect::<String>()];
    assert_eq!(sheet_name(long, &taken, "x"), "Barn- och utbildningsförval (2)");
    assert_eq!(sheet_name("History", &none, "x"), "History (2)");
}

#[test]
fn actors_with_the_same_name_get_different_sheets() {
    let mut v: serde_json::Value = serde_json::from_str(TINY).unwrap();
    v["actors"][1]["name"] = serde_json::json!("Skola; fritids");
    let names: Vec<String> =
        sheets_from_json(&v.to_string(), "sv", "2026-11-23").unwrap().into_iter().map(|s| s.name).collect();
    assert_eq!(names[2..], ["Skola; fritids", "Skola; fritids (2)"]);
    // An actor named like the summary sheet does not take its name.
    v["actors"][0]["name"] = serde_json::json!("fonden år för år");
    let names: Vec<String> =
        sheets_from_json(&v.to_string(), "sv", "2026-11-23").unwrap().into_iter().map(|s| s.name).collect();
    assert_eq!(names[2], "fonden år för år (2)");
}

#[test]
fn bad_input_is_refused_naming_the_field() {
    let e = sheets_from_json(TINY, "de", "2026-11-23").unwrap_err();
    assert_eq!(e.to_string(), "lang: \"de\" is not a language of fundsim (sv, en)");
    let mut v: serde_json::Value = serde_json::from_str(TINY).unwrap();
    v["interventions"][0]["success_rate"] = serde_json::json!("1.5");
    let e = sheets_from_json(&v.to_string(), "sv", "2026-11-23").unwrap_err();
    assert_eq!(e.path, "interventions[0].success_rate");
    let e = sheets_from_json("{", "sv", "2026-11-23").unwrap_err();
    assert!(e.to_string().contains("not valid JSON"), "{e}");
}

#[test]
fn columns_are_wide_enough_for_their_figures() {
    let sheets = tiny("sv");
    let fund = &sheets[1];
    // The year column: the minimum width; the money columns fit their header
    // (at most 18 characters before it wraps) and "1,000.50" (8 characters).
    assert_eq!(fund.widths[0], 8.0);
    assert_eq!(fund.widths[1], "Ingående saldo".len() as f64 - 1.0 + 2.0); // 14 characters ("å" is 2 bytes)
    assert_eq!(fund.widths[6], 20.0, "18 characters of a wrapping header + 2");
    // The summary's label column fits its longest label (section headings do not count).
    let summary = &sheets[0];
    assert_eq!(summary.widths[0], "Besparingar utanför organisationen".chars().count() as f64 + 2.0);
    // A large amount: 12 digits, 3 separators, the decimals and a sign.
    assert_eq!(shown_length(&m("-123456789012.5")), 12 + 3 + 3 + 1);
}

#[test]
fn every_preset_in_both_languages() {
    for preset in crate::presets::all() {
        let outcome = crate::model::simulate(&preset.scenario).unwrap();
        for lang in [Lang::Sv, Lang::En] {
            let sheets = sheets(&preset.scenario, &outcome, lang, "2026-11-23");
            assert_eq!(sheets.len(), 2 + preset.scenario.actors.len(), "{}", preset.id);
            // Every fund year and every actor year is there.
            let years = preset.scenario.horizon_years as usize;
            assert_eq!(
                sheets[1].rows.iter().filter(|r| matches!(r.cells.first(), Some(Value::Year(_)))).count(),
                years
            );
            for sheet in &sheets[2..] {
                let rows = sheet.rows.iter().filter(|r| matches!(r.cells.first(), Some(Value::Year(_)))).count();
                assert_eq!(rows, years, "{} {}", preset.id, sheet.name);
            }
            let mut names: Vec<String> = sheets.iter().map(|s| s.name.to_lowercase()).collect();
            names.sort();
            names.dedup();
            assert_eq!(names.len(), sheets.len(), "unique names in {}", preset.id);
        }
    }
}

#[cfg(feature = "on-demand")]
#[test]
fn every_preset_writes_an_xlsx_file() {
    for preset in crate::presets::all() {
        for lang in ["sv", "en"] {
            let sheets = sheets_from_json(&preset.scenario.to_json(), lang, "2026-11-23").unwrap();
            let bytes = xlsx::write(&sheets, &preset.scenario.name).unwrap();
            // An .xlsx file is a zip archive.
            assert_eq!(&bytes[..4], b"PK\x03\x04", "{}", preset.id);
            assert!(bytes.len() > 5_000, "{}: {} bytes", preset.id, bytes.len());
        }
    }
}

#[cfg(feature = "on-demand")]
#[test]
fn the_writer_refuses_an_invalid_sheet_name_instead_of_panicking() {
    let sheet = Sheet { name: "a/b".into(), rows: vec![], freeze: (0, 0), widths: vec![] };
    assert!(xlsx::write(&[sheet], "x").is_err());
}

/// The contract preset (derived in `tests/presets.rs`: 7 outcomes a cohort
/// in 2026–2028, each cohort paid 7 × 550 000 = 3 850 000 two years on, in
/// 2028–2030) with the state as a co-payer of 20 %: the summary sheet states
/// the terms, and Socialförvaltningen's sheet has its part of each payment,
/// 3 850 000 × (1 − 0.2) = 3 080 000, in 2028.
#[test]
fn the_workbook_states_the_contract_terms_and_each_payers_payments() {
    let mut s = crate::presets::by_id("contract").map(|p| p.scenario).expect("the contract preset");
    s.outcome_contracts[0].co_payers = vec![crate::model::CoPayer { actor: "staten".into(), share: d("0.2") }];
    let o = crate::model::simulate(&s).expect("it simulates");
    let book = sheets(&s, &o, Lang::Sv, "2026-12-04");
    let rows = table(&book[0], "Utfallskontrakt");
    assert_eq!(rows.len(), 1);
    let c = &rows[0].cells;
    assert_eq!(c[2], t("Socialförvaltningen"));
    assert_eq!(c[3], t("Staten (SiS) 20,0\u{a0}%"));
    assert_eq!((&c[4], &c[5], &c[6]), (&m("550000"), &Value::Count(2), &m("12000000")));
    // 21 outcomes, 3 × 3 850 000 = 11 550 000 paid, the cap 12 000 000 the most the payers could pay.
    assert_eq!((&c[7], &c[8], &c[10]), (&m("21"), &m("11550000"), &m("12000000")));
    let social = book.iter().find(|sheet| sheet.name == "Socialförvaltningen").expect("the payer's sheet");
    let header = social.rows.iter().find(|r| r.style == Style::Header).expect("a header");
    let col = header.cells.iter().position(|v| *v == t("Betalningar för utfall")).expect("the payments column");
    let y2028 = social.rows.iter().find(|r| r.cells.first() == Some(&Value::Year(2028))).expect("2028");
    assert_eq!(y2028.cells[col], m("3080000"));
    let state = book.iter().find(|sheet| sheet.name == "Staten (SiS)").expect("the co-payer's sheet");
    let y2028 = state.rows.iter().find(|r| r.cells.first() == Some(&Value::Year(2028))).expect("2028");
    // 3 850 000 × 0.2 = 770 000.
    assert_eq!(y2028.cells[col], m("770000"));
}
