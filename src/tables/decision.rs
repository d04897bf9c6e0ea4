//! The decision figures in the downloads (issue 12): the sensitivity (one
//! row per intervention and ranged assumption, the tornado's rows) and the
//! per-intervention break-even, computed here from the scenario
//! (`model::decision`), in the CSV file and the workbook's summary sheet.

use rust_decimal::Decimal;

use crate::model::decision::{break_even, sensitivity};
use crate::model::Scenario;
use crate::words::decision_charts::{needed_text, parameter_name, DecisionText as D};
use crate::words::Lang;

use super::results::intervention_name;
use super::{result_money, result_ratio, text, Table, Value};

/// The sensitivity: intervention, assumption, its low and high value, and
/// the organisation's and society's present value at each. `None` when no
/// intervention has a range (or the scenario cannot be analysed).
pub fn sensitivity_table(s: &Scenario, lang: Lang) -> Option<Table> {
    let sens = sensitivity(s).ok().filter(|x| !x.items.is_empty())?;
    let mut t = Table::with_headings(
        D::SensitivityTitle.get(lang),
        &[
            D::Intervention.get(lang),
            D::Parameter.get(lang),
            D::Low.get(lang),
            D::High.get(lang),
            D::OrgNpvLow.get(lang),
            D::OrgNpvHigh.get(lang),
            D::SocietyNpvLow.get(lang),
            D::SocietyNpvHigh.get(lang),
        ],
    );
    for i in &sens.items {
        t.rows.push(vec![
            text(intervention_name(s, &i.intervention)),
            text(parameter_name(i.parameter, lang)),
            result_ratio(i.low),
            result_ratio(i.high),
            result_money(i.org_npv_low),
            result_money(i.org_npv_high),
            result_money(i.society_npv_low),
            result_money(i.society_npv_high),
        ]);
    }
    Some(t)
}

/// The per-intervention break-even: intervention, assumed success rate, the
/// success rate at which the organisation breaks even through it alone, and
/// what that means where it is no rate one can reach. `None` without
/// interventions.
pub fn break_even_table(s: &Scenario, lang: Lang) -> Option<Table> {
    let be = break_even(s, None).ok().filter(|b| !b.interventions.is_empty())?;
    let mut t = Table::with_headings(
        D::BreakEvenTitle.get(lang),
        &[D::Intervention.get(lang), D::Assumed.get(lang), D::SuccessRate.get(lang), D::Meaning.get(lang)],
    );
    for i in &be.interventions {
        let assumed = s.interventions.iter().find(|x| x.id == i.id).map(|x| Value::Ratio(x.success_rate));
        let reachable = i.success_rate_for_org_npv.is_some_and(|r| (Decimal::ZERO..=Decimal::ONE).contains(&r));
        t.rows.push(vec![
            text(intervention_name(s, &i.id)),
            assumed.unwrap_or(Value::Empty),
            i.success_rate_for_org_npv.map(result_ratio).unwrap_or(Value::Empty),
            if reachable { Value::Empty } else { text(needed_text(i.success_rate_for_org_npv, lang)) },
        ]);
    }
    Some(t)
}

/// Both tables, those there are.
pub fn tables(s: &Scenario, lang: Lang) -> Vec<Table> {
    sensitivity_table(s, lang).into_iter().chain(break_even_table(s, lang)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::csv::{write, CsvDialect};

    /// One intervention worked by hand (tests/e2e/decision.spec.ts's): discount
    /// rate 0, cost 100 000 in the first year, 10 participants × success r,
    /// savings 6 000 inside and 3 000 outside per success for 5 years, so
    /// org_npv = 300 000 r − C and society_npv = 450 000 r − C (C the cost).
    fn hand_worked(name: &str) -> Scenario {
        let json = serde_json::json!({
            "schema_version": 1, "name": "Handräknat", "currency": "SEK", "start_year": 2027,
            "horizon_years": 6, "discount_rate": "0",
            "actors": [{"id": "social", "name": "Socialförvaltningen", "inside": true},
                       {"id": "state", "name": "Staten", "inside": false}],
            "fund": {"financed_by": "social", "accounting": "appropriation", "initial_capital": "0",
                     "allocations": ["100000"]},
            "interventions": [{"id": "home", "name": name, "owner": "social", "start": 0, "years": 1,
                "annual_cost": "100000", "fund_share": "1", "participants_per_year": "10",
                "success_rate": "0.5", "deadweight": "0", "lag_years": 0, "benefit_years": 5, "drop_off": "0",
                "avoided_costs": [{"actor": "social", "per_year": "6000"}, {"actor": "state", "per_year": "3000"}],
                "repayment": {"kind": "none"},
                "uncertainty": {"success_rate": {"low": "0.3", "high": "0.7"},
                                "annual_cost": {"low": "0.8", "high": "1.2"}}}]
        });
        Scenario::from_json(&json.to_string()).expect("the hand-worked scenario reads")
    }

    fn money(s: &str) -> Value {
        Value::Money(s.parse().unwrap())
    }

    #[test]
    fn the_sensitivity_rows_worked_by_hand() {
        let t = sensitivity_table(&hand_worked("Familjestöd"), Lang::En).expect("two ranged assumptions");
        assert!(t.every_column_labelled());
        assert_eq!(t.columns.len(), 8);
        // Success rate 0.3 / 0.7 (C = 100 000): org 90 000 − 100 000 = −10 000 and
        // 210 000 − 100 000 = 110 000 (swing 120 000); society 135 000 − 100 000 =
        // 35 000 and 315 000 − 100 000 = 215 000.
        assert_eq!(
            t.rows[0],
            [
                text("Familjestöd"),
                text("success rate"),
                Value::Ratio("0.3".parse().unwrap()),
                Value::Ratio("0.7".parse().unwrap()),
                money("-10000"),
                money("110000"),
                money("35000"),
                money("215000")
            ]
        );
        // Annual cost × 0.8 / × 1.2 (r = 0.5): org 150 000 − 80 000 = 70 000 and
        // 150 000 − 120 000 = 30 000 (swing 40 000, so second); society
        // 225 000 − 80 000 = 145 000 and 105 000.
        assert_eq!(t.rows[1][1], text("annual cost (share of assumed)"));
        assert_eq!(t.rows[1][4..], [money("70000"), money("30000"), money("145000"), money("105000")]);
    }

    #[test]
    fn the_break_even_rows_worked_by_hand() {
        let s = hand_worked("Familjestöd");
        let t = break_even_table(&s, Lang::Sv).expect("one intervention");
        assert!(t.every_column_labelled());
        // u = 300 000 (inside savings at r = 1), org_npv = 50 000: 0.5 − 50 000 / 300 000 = 0.3333.
        assert_eq!(
            t.rows[0],
            [
                text("Familjestöd"),
                Value::Ratio("0.5".parse().unwrap()),
                Value::Ratio("0.3333".parse().unwrap()),
                Value::Empty
            ]
        );
        // Inside savings 600 a year a success instead: u = 10 × 600 × 5 = 30 000, org_npv =
        // 0.5 × 30 000 − 100 000 = −85 000, so r = 0.5 + 85 000 / 30 000 = 3.3333: over 100 %, said in words.
        let mut low = s.clone();
        low.interventions[0].avoided_costs[0].per_year = "600".parse().unwrap();
        let t = break_even_table(&low, Lang::Sv).expect("one intervention");
        assert_eq!(t.rows[0][2], Value::Ratio("3.3333".parse().unwrap()));
        assert_eq!(t.rows[0][3], text(D::CannotAlone.get(Lang::Sv)));
    }

    #[test]
    fn no_ranges_no_sensitivity_table_and_names_stay_text() {
        let mut s = hand_worked("=HYPERLINK(\"http://x\")");
        let csv = write(&tables(&s, Lang::En), CsvDialect::Plain);
        assert!(csv.contains("'=HYPERLINK") && !csv.contains(",=HYPERLINK"), "{csv}");
        s.interventions[0].uncertainty = None;
        assert!(sensitivity_table(&s, Lang::En).is_none());
        assert_eq!(tables(&s, Lang::En).len(), 1);
    }
}
