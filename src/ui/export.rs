//! Exports for budget officers: the year-by-year result as CSV that Excel
//! opens as it is (semicolons, the reader's decimal separator, UTF-8 with a
//! byte-order mark), and `data:` links so that a download never leaves the page.

use rust_decimal::Decimal;

use crate::model::outcome::money_text;
use crate::model::{Outcome, Scenario};
use crate::ui::i18n::Lang;
use crate::ui::text::T;

/// One CSV field, quoted when it holds a separator, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// An amount rounded to öre, with the reader's decimal separator and no grouping.
fn amount(value: Decimal, lang: Lang) -> String {
    let text = money_text(value);
    match lang {
        Lang::Sv => text.replace('.', ","),
        Lang::En => text,
    }
}

fn line(out: &mut String, fields: &[String]) {
    let row: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&row.join(";"));
    out.push_str("\r\n");
}

fn heads(labels: &[T], lang: Lang) -> Vec<String> {
    labels.iter().map(|t| t.get(lang).to_string()).collect()
}

/// Every table of the result as one CSV text, amounts exact to the öre, in the scenario's currency.
pub fn result_csv(scenario: &Scenario, outcome: &Outcome, lang: Lang) -> String {
    let mut out = String::new();
    line(&mut out, &[scenario.name.clone(), scenario.currency.clone()]);
    out.push_str("\r\n");

    line(&mut out, &[T::TableFund.get(lang).to_string()]);
    line(&mut out, &heads(&[T::Year, T::Open, T::Allocation, T::Grants, T::Repayments, T::Close], lang));
    for r in &outcome.fund {
        let values = [r.open, r.allocation, r.grants, r.repayments, r.close];
        let mut row = vec![r.year.to_string()];
        row.extend(values.iter().map(|v| amount(*v, lang)));
        line(&mut out, &row);
    }
    out.push_str("\r\n");

    line(&mut out, &[T::TableNet.get(lang).to_string()]);
    line(&mut out, &heads(&[T::Year, T::OrgNet, T::SocietyNet], lang));
    for (y, year) in outcome.years.iter().enumerate() {
        let org = outcome.org_net.get(y).copied().unwrap_or_default();
        let society = outcome.society_net.get(y).copied().unwrap_or_default();
        line(&mut out, &[year.to_string(), amount(org, lang), amount(society, lang)]);
    }

    for a in &outcome.actors {
        out.push_str("\r\n");
        let actor = scenario.actor(&a.id);
        let name = actor.map(|x| x.name.clone()).unwrap_or_else(|| a.id.clone());
        let place = if actor.is_some_and(|x| x.inside) { T::InsideShort } else { T::OutsideShort };
        line(
            &mut out,
            &[format!("{name} ({})", place.get(lang)), format!("{}: {}", T::Npv.get(lang), amount(a.npv, lang))],
        );
        line(
            &mut out,
            &heads(&[T::Year, T::Savings, T::CoFinancing, T::Repayment, T::FundCost, T::GrantsReceived, T::Net], lang),
        );
        for r in &a.rows {
            let values = [r.savings, r.co_financing, r.repayment, r.fund_cost, r.grants_received, r.net];
            let mut row = vec![r.year.to_string()];
            row.extend(values.iter().map(|v| amount(*v, lang)));
            line(&mut out, &row);
        }
    }
    out.push_str("\r\n");

    line(&mut out, &[T::TableInterventions.get(lang).to_string()]);
    line(&mut out, &heads(&[T::Intervention, T::GrantsTotal, T::RepaidTotal, T::Outstanding], lang));
    for i in &outcome.interventions {
        let name = scenario
            .interventions
            .iter()
            .find(|x| x.id == i.id)
            .map(|x| x.name.clone())
            .unwrap_or_else(|| i.id.clone());
        let outstanding = i.outstanding.map(|v| amount(v, lang)).unwrap_or_else(|| T::NoCap.get(lang).to_string());
        line(&mut out, &[name, amount(i.grants_total, lang), amount(i.repaid_total, lang), outstanding]);
    }
    out
}

/// A `data:` link holding `text` (percent-encoded), for a download that never leaves the page.
pub fn data_url(mime: &str, text: &str, byte_order_mark: bool) -> String {
    let mut out = format!("data:{mime};charset=utf-8,");
    if byte_order_mark {
        out.push_str("%EF%BB%BF");
    }
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
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
        let csv = result_csv(&s, &o, Lang::Sv);
        assert!(csv.contains("Fonden\r\nÅr;Ingående saldo;Avsättning;Bidrag;Återbetalningar;Utgående saldo\r\n2026;0,00;10000000,00;2500000,00;0,00;7500000,00\r\n"));
        // 15 fund rows + 15 net rows + 4 × 15 actor rows + 1 intervention row, each ending in CRLF.
        assert_eq!(csv.lines().filter(|l| l.starts_with("20")).count(), 15 * 6);
        let en = result_csv(&s, &o, Lang::En);
        assert!(en.contains("2026;0.00;10000000.00;2500000.00;0.00;7500000.00"));
    }

    #[test]
    fn fields_with_separators_are_quoted() {
        assert_eq!(field("a;b"), "\"a;b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(data_url("text/csv", "a b", true), "data:text/csv;charset=utf-8,%EF%BB%BFa%20b");
    }
}
