//! The outcome contracts in the downloads (issue 15): one table of every
//! contract's terms and figures (the CSV file and the workbook's summary
//! sheet), beside the actors' `outcome_payments` column (`results.rs`).

use crate::model::{Outcome, Scenario};
use crate::words::contracts::{ContractText as C, ViewText as T};
use crate::words::Lang;

use super::results::{actor_name, intervention_name};
use super::{result_money, result_ratio, text, Table, Value};

/// The heading of the actors' outcome-payments column.
pub fn payments_heading(lang: Lang) -> String {
    lang.pick("Betalningar för utfall", "Outcome payments").to_string()
}

/// One row per contract: its intervention, payer, price, delay, cap, and
/// the result's figures (outcomes, payments, outstanding, exposure, the
/// investor's net, multiple and IRR, the premium). `None` without contracts.
pub fn contracts_table(s: &Scenario, o: &Outcome, lang: Lang) -> Option<Table> {
    if o.outcome_contracts.is_empty() {
        return None;
    }
    let columns = [
        lang.pick("Kontrakt", "Contract"),
        lang.pick("Insats", "Intervention"),
        C::Payer.get(lang),
        C::CoPayers.get(lang),
        C::Price.get(lang),
        lang.pick("Betalas efter (år)", "Paid after (years)"),
        C::Cap.get(lang),
        T::Outcomes.get(lang),
        C::PaymentsTotal.get(lang),
        T::Outstanding.get(lang),
        T::MaxExposure.get(lang),
        C::InvestorNet.get(lang),
        T::Multiple.get(lang),
        T::Irr.get(lang),
        T::Premium.get(lang),
    ];
    let mut t = Table::with_headings(C::Heading.get(lang), &columns);
    for (terms, c) in s.outcome_contracts.iter().zip(&o.outcome_contracts) {
        let co = terms
            .co_payers
            .iter()
            .map(|p| format!("{} {}", actor_name(s, &p.actor), crate::words::format::percent(p.share, 1, lang)))
            .collect::<Vec<_>>()
            .join(", ");
        let none = || text("–");
        t.rows.push(vec![
            text(if terms.name.is_empty() { terms.id.clone() } else { terms.name.clone() }),
            text(intervention_name(s, &terms.intervention)),
            text(actor_name(s, &terms.payer)),
            text(co),
            result_money(terms.price_per_outcome),
            Value::Count(terms.pay_after_years),
            terms.cap.map(result_money).unwrap_or_else(|| text(lang.pick("inget tak", "no cap"))),
            result_money(c.outcomes),
            result_money(c.payments_total),
            result_money(c.outstanding),
            result_money(c.payer_max_exposure),
            result_money(c.investor_net),
            c.investor_multiple.map(result_ratio).unwrap_or_else(none),
            c.investor_irr.map(result_ratio).unwrap_or_else(none),
            result_money(c.premium),
        ]);
    }
    Some(t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::simulate;
    use crate::tables::csv::{write, CsvDialect};

    #[test]
    fn the_csv_file_has_the_contracts_and_the_outcome_payments() {
        let mut s = crate::presets::by_id("contract").map(|p| p.scenario).expect("the contract preset");
        s.outcome_contracts[0].name = "=HYPERLINK(\"x\")".into();
        let o = simulate(&s).expect("it simulates");
        let tables = crate::tables::results::year_by_year(&s, &o, Lang::En);
        assert!(tables.iter().all(Table::every_column_labelled));
        let csv = write(&tables, CsvDialect::Plain);
        assert!(csv.contains("Outcome payments"), "{csv}");
        // 3 850 000 paid in 2028 (tests/presets.rs), and the investor's net 1 650 000.
        assert!(csv.contains("3850000.00") && csv.contains("1650000.00"));
        // A name that a spreadsheet would read as a formula is led by an apostrophe.
        assert!(csv.contains("'=HYPERLINK"));
        assert!(!csv.contains(",=HYPERLINK"));
    }
}
