//! A scenario's outcome as the tables of its downloads: each a title, a
//! heading for every column and typed cells. The CSV file is the list
//! [`year_by_year`] makes; the Excel workbook lays the same tables out on its
//! sheets ([`super::workbook`]). Money and ratios are rounded as the result
//! JSON has them ([`result_money`], [`result_ratio`]).

use crate::model::{ActorOutcome, Outcome, Scenario};
use crate::words::labels::Label;
use crate::words::Lang;

use super::{result_money, result_ratio, text, Table, Value};

/// An actor's name, or its id when the scenario has no such actor.
pub fn actor_name(scenario: &Scenario, id: &str) -> String {
    scenario.actor(id).map(|a| a.name.clone()).unwrap_or_else(|| id.to_string())
}

/// An intervention's name, or its id when the scenario has no such intervention.
pub fn intervention_name(scenario: &Scenario, id: &str) -> String {
    scenario.interventions.iter().find(|i| i.id == id).map(|i| i.name.clone()).unwrap_or_else(|| id.to_string())
}

/// The scenario's name and currency (the CSV file's first table).
pub fn scenario_table(scenario: &Scenario, lang: Lang) -> Table {
    let mut t = Table::new(Label::Scenario.get(lang), &[Label::Name, Label::Currency], lang);
    t.rows.push(vec![text(scenario.name.clone()), text(scenario.currency.clone())]);
    t
}

/// The fund, year by year: opening balance, allocation, grants, repayments, closing balance.
pub fn fund_table(outcome: &Outcome, lang: Lang) -> Table {
    let heads = [
        Label::Year,
        Label::OpeningBalance,
        Label::Allocation,
        Label::Grants,
        Label::Repayments,
        Label::ClosingBalance,
    ];
    let mut t = Table::new(Label::TheFund.get(lang), &heads, lang);
    for r in &outcome.fund {
        t.rows.push(vec![
            Value::Year(r.year),
            result_money(r.open),
            result_money(r.allocation),
            result_money(r.grants),
            result_money(r.repayments),
            result_money(r.close),
        ]);
    }
    t
}

/// The organisation's and society's result, year by year.
pub fn results_table(outcome: &Outcome, lang: Lang) -> Table {
    let heads = [Label::Year, Label::OrganisationResult, Label::SocietyResult];
    let mut t = Table::new(Label::OrganisationAndSociety.get(lang), &heads, lang);
    for (y, year) in outcome.years.iter().enumerate() {
        let org = outcome.org_net.get(y).copied().unwrap_or_default();
        let society = outcome.society_net.get(y).copied().unwrap_or_default();
        t.rows.push(vec![Value::Year(*year), result_money(org), result_money(society)]);
    }
    t
}

/// "Name (inside the organisation)": the title of an actor's table and sheet.
pub fn actor_title(scenario: &Scenario, id: &str, lang: Lang) -> String {
    let inside = scenario.actor(id).is_some_and(|a| a.inside);
    let place = if inside { Label::InsideAfterName } else { Label::OutsideAfterName };
    format!("{} ({})", actor_name(scenario, id), place.get(lang))
}

/// One actor year by year, and its total savings and net under their columns.
pub fn actor_table(scenario: &Scenario, actor: &ActorOutcome, lang: Lang) -> Table {
    let heads = [
        Label::Year,
        Label::Savings,
        Label::CoFinancing,
        Label::Repayment,
        Label::FundCost,
        Label::GrantsReceived,
        Label::Net,
    ];
    let mut t = Table::new(actor_title(scenario, &actor.id, lang), &heads, lang);
    // With outcome contracts, the payments for outcomes before the net (issue 15).
    let contracts = actor.rows.iter().any(|r| r.outcome_payments.is_some());
    if contracts {
        t.columns.insert(6, super::contracts::payments_heading(lang));
    }
    for r in &actor.rows {
        let mut cells = vec![
            Value::Year(r.year),
            result_money(r.savings),
            result_money(r.co_financing),
            result_money(r.repayment),
            result_money(r.fund_cost),
            result_money(r.grants_received),
            result_money(r.net),
        ];
        if let Some(paid) = r.outcome_payments {
            cells.insert(6, result_money(paid));
        }
        t.rows.push(cells);
    }
    let mut total = vec![text(Label::Total.get(lang)), result_money(actor.savings_total)];
    total.extend([Value::Empty, Value::Empty, Value::Empty, Value::Empty]);
    if contracts {
        total.push(Value::Empty);
    }
    total.push(result_money(actor.net_total));
    t.total = Some(total);
    t
}

/// Every actor's totals over the period, one row each: where it stands, its
/// savings, its costs, its net and its present value.
pub fn actor_totals_table(scenario: &Scenario, outcome: &Outcome, lang: Lang) -> Table {
    let heads =
        [Label::Actor, Label::InsideOrganisation, Label::Savings, Label::Costs, Label::Net, Label::PresentValue];
    let mut t = Table::new(Label::ActorTotals.get(lang), &heads, lang);
    for a in &outcome.actors {
        let inside = if scenario.actor(&a.id).is_some_and(|x| x.inside) { Label::Yes } else { Label::No };
        t.rows.push(vec![
            text(actor_name(scenario, &a.id)),
            text(inside.get(lang)),
            result_money(a.savings_total),
            result_money(a.cost_borne),
            result_money(a.net_total),
            result_money(a.npv),
        ]);
    }
    t
}

/// Each intervention's grants, repayments and what is still owed ("no cap" when nothing is owed by rule).
pub fn intervention_totals_table(scenario: &Scenario, outcome: &Outcome, lang: Lang) -> Table {
    let heads = [Label::Intervention, Label::GrantsTotal, Label::RepaidTotal, Label::Outstanding];
    let mut t = Table::new(Label::InterventionTotals.get(lang), &heads, lang);
    for i in &outcome.interventions {
        t.rows.push(vec![
            text(intervention_name(scenario, &i.id)),
            result_money(i.grants_total),
            result_money(i.repaid_total),
            i.outstanding.map(result_money).unwrap_or_else(|| text(Label::NoCap.get(lang))),
        ]);
    }
    t
}

/// Each intervention's savings per actor, with the actor's share of them.
pub fn savings_by_actor_table(scenario: &Scenario, outcome: &Outcome, lang: Lang) -> Table {
    let heads = [Label::Intervention, Label::Actor, Label::Savings, Label::ShareOfSavings];
    let mut t = Table::new(Label::SavingsByActor.get(lang), &heads, lang);
    for i in &outcome.interventions {
        for (actor, saved) in &i.savings_by_actor {
            let share = i.savings_share_by_actor.iter().find(|(a, _)| a == actor).and_then(|(_, s)| *s);
            t.rows.push(vec![
                text(intervention_name(scenario, &i.id)),
                text(actor_name(scenario, actor)),
                result_money(*saved),
                share.map(result_ratio).unwrap_or(Value::Empty),
            ]);
        }
    }
    t
}

/// The key figures: one row, each figure under its own name; a figure that
/// does not exist (no payback year, …) is said in words.
pub fn key_figures_table(outcome: &Outcome, lang: Lang) -> Table {
    let k = &outcome.key_figures;
    let heads = [
        Label::TotalCost,
        Label::SavingsInside,
        Label::SavingsOutsideOrganisation,
        Label::OrganisationPresentValue,
        Label::SocietyPresentValue,
        Label::PaybackYear,
        Label::FundFirstNegative,
        Label::RevolvingRatio,
    ];
    let mut t = Table::new(Label::KeyFigures.get(lang), &heads, lang);
    let year_or = |year: Option<i32>, none: Label| year.map(Value::Year).unwrap_or_else(|| text(none.get(lang)));
    t.rows.push(vec![
        result_money(k.total_cost),
        result_money(k.savings_inside),
        result_money(k.savings_outside),
        result_money(k.org_npv),
        result_money(k.society_npv),
        year_or(k.payback_year, Label::NoPayback),
        year_or(k.fund_first_negative_year, Label::NeverNegative),
        k.revolving_ratio.map(result_ratio).unwrap_or_else(|| text(Label::NoGrants.get(lang))),
    ]);
    t
}

/// The tables of the year-by-year CSV file, in the order the page shows
/// them: the scenario, the fund, the organisation and society, each actor,
/// the actors' and the interventions' totals, the savings per intervention
/// and actor, and the key figures.
pub fn year_by_year(scenario: &Scenario, outcome: &Outcome, lang: Lang) -> Vec<Table> {
    let mut tables = vec![scenario_table(scenario, lang), fund_table(outcome, lang), results_table(outcome, lang)];
    tables.extend(outcome.actors.iter().map(|a| actor_table(scenario, a, lang)));
    tables.extend([
        actor_totals_table(scenario, outcome, lang),
        intervention_totals_table(scenario, outcome, lang),
        savings_by_actor_table(scenario, outcome, lang),
        key_figures_table(outcome, lang),
    ]);
    tables.extend(super::contracts::contracts_table(scenario, outcome, lang));
    // The decision figures (issue 12): the sensitivity and the per-intervention break-even.
    tables.extend(super::decision::tables(scenario, lang));
    tables
}
