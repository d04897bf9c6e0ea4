//! Applying an [`Edit`] to the scenario being edited. Each part of the
//! scenario has its function, each matching its edits without a wildcard.
//!
//! The scenario is copied here (`Rc::make_mut`: the last valid scenario may
//! share it), and only for an edit: a refused removal of an actor copies
//! nothing.

use std::rc::Rc;

use rust_decimal::Decimal;

use super::action::{
    ActorsEdit, ContractChange, ContractEdit, Edit, FundEdit, GeneralEdit, InterventionEdit, InterventionsEdit,
    UncertainParam,
};
use super::ids::{fresh_id, id_problem, rename_actor_references};
use super::{ActorUse, Notice, Removal};
use crate::model::{Actor, AvoidedCost, Intervention, Range, Scenario};
use crate::words::Lang;

/// Most allocation years the "X a year for N years" shortcut writes.
const MAX_PLAN_YEARS: usize = crate::model::validate::MAX_HORIZON_YEARS as usize;

/// Applies `edit` to `scenario`; `lang` names what it adds. An edit that is
/// refused leaves the scenario as it was and says why; a removal says what
/// was removed, so that it can be put back (the notice's Undo).
pub(super) fn apply(scenario: &mut Rc<Scenario>, edit: Edit, lang: Lang) -> Option<Notice> {
    match edit {
        Edit::General(edit) => general(Rc::make_mut(scenario), edit),
        Edit::Fund(edit) => fund(Rc::make_mut(scenario), edit),
        Edit::Actors(edit) => return actors(scenario, edit, lang),
        Edit::Interventions(edit) => return interventions(Rc::make_mut(scenario), edit, lang),
        Edit::Contract(edit) => contract(Rc::make_mut(scenario), edit, lang),
    }
    None
}

fn general(s: &mut Scenario, edit: GeneralEdit) {
    match edit {
        GeneralEdit::Renamed(name) => s.name = name,
        GeneralEdit::DescriptionChanged(text) => s.description = text,
        GeneralEdit::CurrencyChanged(currency) => s.currency = currency,
        GeneralEdit::StartYearChanged(year) => s.start_year = year,
        GeneralEdit::HorizonChanged(years) => s.horizon_years = years,
        GeneralEdit::DiscountRateChanged(rate) => s.discount_rate = rate,
    }
}

fn fund(s: &mut Scenario, edit: FundEdit) {
    match edit {
        FundEdit::FinancerChosen(id) => s.fund.financed_by = id,
        FundEdit::AccountingChosen(accounting) => s.fund.accounting = accounting,
        FundEdit::InitialCapitalChanged(amount) => s.fund.initial_capital = amount,
        FundEdit::AllocationChanged { year, amount } => {
            // Only years within the horizon can be edited; earlier missing years are 0.
            if year < s.horizon_years as usize {
                if s.fund.allocations.len() <= year {
                    s.fund.allocations.resize(year + 1, Decimal::ZERO);
                }
                s.fund.allocations[year] = amount;
            }
        }
        FundEdit::AllocationPlanned { amount, years } => {
            s.fund.allocations = vec![amount; years.min(MAX_PLAN_YEARS)];
        }
        FundEdit::DefaultRepaymentChanged(rule) => s.repayment_default = rule,
    }
}

fn actors(scenario: &mut Rc<Scenario>, edit: ActorsEdit, lang: Lang) -> Option<Notice> {
    match edit {
        ActorsEdit::Removed(id) => {
            let index = scenario.actors.iter().position(|a| a.id == id)?;
            let uses = actor_uses(scenario, &id);
            if !uses.is_empty() {
                return Some(Notice::ActorInUse { actor: scenario.actors[index].name.clone(), uses });
            }
            if scenario.actors.len() == 1 {
                return Some(Notice::LastActor);
            }
            let actor = Rc::make_mut(scenario).actors.remove(index);
            return Some(Notice::Removed(Removal::Actor { index, actor }));
        }
        ActorsEdit::Restored { index, actor } => {
            if !scenario.actors.iter().any(|a| a.id == actor.id) {
                let actors = &mut Rc::make_mut(scenario).actors;
                actors.insert(index.min(actors.len()), actor);
            }
        }
        ActorsEdit::Added => {
            let s = Rc::make_mut(scenario);
            let id = fresh_id(s.actors.iter().map(|a| a.id.as_str()), "actor");
            let number = s.actors.len() + 1;
            let name = match lang {
                Lang::Sv => format!("Ny aktör {number}"),
                Lang::En => format!("New actor {number}"),
            };
            s.actors.push(Actor { id, name, inside: true });
        }
        ActorsEdit::Renamed { index, name } => {
            if let Some(actor) = Rc::make_mut(scenario).actors.get_mut(index) {
                actor.name = name;
            }
        }
        ActorsEdit::InsideChanged { index, inside } => {
            if let Some(actor) = Rc::make_mut(scenario).actors.get_mut(index) {
                actor.inside = inside;
            }
        }
        ActorsEdit::IdChanged { index, id } => {
            let s = Rc::make_mut(scenario);
            let id = id.trim().to_string();
            let ids: Vec<&str> = s.actors.iter().map(|a| a.id.as_str()).collect();
            if id_problem(&ids, index, &id).is_none() {
                if let Some(actor) = s.actors.get_mut(index) {
                    let old = std::mem::replace(&mut actor.id, id.clone());
                    rename_actor_references(s, &old, &id);
                }
            }
        }
    }
    None
}

/// Where the actor with this id is used in `s`.
pub(super) fn actor_uses(s: &Scenario, id: &str) -> Vec<ActorUse> {
    let mut uses = Vec::new();
    if s.fund.financed_by == id {
        uses.push(ActorUse::FinancesFund);
    }
    for iv in &s.interventions {
        if iv.owner == id {
            uses.push(ActorUse::Owns(iv.name.clone()));
        }
        if iv.avoided_costs.iter().any(|a| a.actor == id) {
            uses.push(ActorUse::AvoidedCosts(iv.name.clone()));
        }
        let pays = s.contract_of(&iv.id).is_some_and(|c| c.payer == id || c.co_payers.iter().any(|p| p.actor == id));
        if pays {
            uses.push(ActorUse::PaysOutcomes(iv.name.clone()));
        }
    }
    uses
}

fn interventions(s: &mut Scenario, edit: InterventionsEdit, lang: Lang) -> Option<Notice> {
    match edit {
        InterventionsEdit::Added => {
            let intervention = new_intervention(s, lang);
            s.interventions.push(intervention);
        }
        InterventionsEdit::Duplicated(index) => {
            if let Some(original) = s.interventions.get(index) {
                let mut copy = original.clone();
                copy.id = fresh_id(s.interventions.iter().map(|i| i.id.as_str()), &original.id);
                copy.name = match lang {
                    Lang::Sv => format!("{} (kopia)", original.name),
                    Lang::En => format!("{} (copy)", original.name),
                };
                s.interventions.insert(index + 1, copy);
            }
        }
        InterventionsEdit::Removed(index) => {
            if index < s.interventions.len() {
                let intervention = Box::new(s.interventions.remove(index));
                // Its outcome contract goes with it (Undo brings the intervention back to the fund).
                let id = intervention.id.clone();
                remove_contract(s, &id);
                return Some(Notice::Removed(Removal::Intervention { index, intervention }));
            }
        }
        InterventionsEdit::Restored { index, intervention } => {
            if !s.interventions.iter().any(|i| i.id == intervention.id) {
                s.interventions.insert(index.min(s.interventions.len()), *intervention);
            }
        }
        InterventionsEdit::Moved { from, to } => {
            if from < s.interventions.len() && to < s.interventions.len() && from != to {
                let moved = s.interventions.remove(from);
                s.interventions.insert(to, moved);
            }
        }
        InterventionsEdit::IdChanged { index, id } => {
            let id = id.trim().to_string();
            let ids: Vec<&str> = s.interventions.iter().map(|i| i.id.as_str()).collect();
            if id_problem(&ids, index, &id).is_none() {
                if let Some(iv) = s.interventions.get_mut(index) {
                    let old = std::mem::replace(&mut iv.id, id.clone());
                    for c in s.outcome_contracts.iter_mut().filter(|c| c.intervention == old) {
                        c.intervention = id.clone();
                    }
                }
            }
        }
        InterventionsEdit::Edited { index, edit } => {
            let actors: Vec<String> = s.actors.iter().map(|a| a.id.clone()).collect();
            if let Some(iv) = s.interventions.get_mut(index) {
                intervention(iv, edit, &actors);
            }
        }
    }
    None
}

/// One field of one intervention; `actors` are the scenario's actor ids.
fn intervention(iv: &mut Intervention, edit: InterventionEdit, actors: &[String]) {
    match edit {
        InterventionEdit::Renamed(name) => iv.name = name,
        InterventionEdit::OwnerChanged(owner) => iv.owner = owner,
        InterventionEdit::StartChanged(start) => iv.start = start,
        InterventionEdit::YearsChanged(years) => iv.years = years,
        InterventionEdit::AnnualCostChanged(v) => iv.annual_cost = v,
        InterventionEdit::FundShareChanged(v) => iv.fund_share = v,
        InterventionEdit::ParticipantsChanged(v) => iv.participants_per_year = v,
        InterventionEdit::SuccessRateChanged(v) => iv.success_rate = v,
        InterventionEdit::ExpectedEffectChanged(v) => {
            let old = std::mem::replace(&mut iv.success_rate, v);
            if let Some(range) = iv.uncertainty.as_mut().and_then(|u| u.success_rate.as_mut()) {
                follow_range(range, old, v);
            }
        }
        InterventionEdit::DeadweightChanged(v) => iv.deadweight = v,
        InterventionEdit::LagChanged(v) => iv.lag_years = v,
        InterventionEdit::BenefitYearsChanged(v) => iv.benefit_years = v,
        InterventionEdit::DropOffChanged(v) => iv.drop_off = v,
        InterventionEdit::AvoidedCostAdded => {
            let unused = actors.iter().find(|id| !iv.avoided_costs.iter().any(|a| &a.actor == *id));
            if let Some(actor) = unused {
                iv.avoided_costs.push(AvoidedCost { actor: actor.clone(), per_year: Decimal::ZERO });
            }
        }
        InterventionEdit::AvoidedCostActorChanged { row, actor } => {
            if let Some(a) = iv.avoided_costs.get_mut(row) {
                a.actor = actor;
            }
        }
        InterventionEdit::AvoidedCostAmountChanged { row, per_year } => {
            if let Some(a) = iv.avoided_costs.get_mut(row) {
                a.per_year = per_year;
            }
        }
        InterventionEdit::AvoidedCostRemoved(row) => {
            if row < iv.avoided_costs.len() {
                iv.avoided_costs.remove(row);
            }
        }
        InterventionEdit::RepaymentChanged(rule) => iv.repayment = rule,
        InterventionEdit::UncertaintyChanged { param, range } => {
            let u = iv.uncertainty.get_or_insert_with(Default::default);
            let slot = match param {
                UncertainParam::SuccessRate => &mut u.success_rate,
                UncertainParam::Deadweight => &mut u.deadweight,
                UncertainParam::DropOff => &mut u.drop_off,
                UncertainParam::AnnualCost => &mut u.annual_cost,
                UncertainParam::AvoidedCosts => &mut u.avoided_costs,
            };
            *slot = range;
            if *u == Default::default() {
                iv.uncertainty = None;
            }
        }
    }
}

/// Moves a valid range around `old` so that it contains `new`, keeping its
/// distances below and above the value, cut at 0 and 1. A range that already
/// contains `new`, or anything outside 0..1 (a rule the engine then names),
/// is left as it is; every value is then within 0..1, so nothing can overflow.
#[inline(never)]
fn follow_range(range: &mut Range, old: Decimal, new: Decimal) {
    let unit = Decimal::ZERO..=Decimal::ONE;
    let valid =
        [old, new, range.low, range.high].iter().all(|x| unit.contains(x)) && range.low <= old && old <= range.high;
    if valid && (new < range.low || new > range.high) {
        let (below, above) = (old - range.low, range.high - old);
        range.low = (new - below).max(Decimal::ZERO);
        range.high = (new + above).min(Decimal::ONE);
    }
}

/// A new intervention with modest, valid figures, owned by the first inside actor.
fn new_intervention(s: &Scenario, lang: Lang) -> Intervention {
    let owner = s.actors.iter().find(|a| a.inside).or(s.actors.first()).map(|a| a.id.clone()).unwrap_or_default();
    let saver = s.actors.iter().find(|a| a.id != owner && a.inside).or(s.actors.first()).map(|a| a.id.clone());
    let number = s.interventions.len() + 1;
    Intervention {
        id: fresh_id(s.interventions.iter().map(|i| i.id.as_str()), "insats"),
        name: match lang {
            Lang::Sv => format!("Ny insats {number}"),
            Lang::En => format!("New intervention {number}"),
        },
        owner,
        start: 0,
        years: 3,
        annual_cost: Decimal::from(1_000_000),
        fund_share: Decimal::ONE,
        participants_per_year: Decimal::from(20),
        success_rate: Decimal::new(2, 1),
        deadweight: Decimal::new(25, 2),
        lag_years: 1,
        benefit_years: 5,
        drop_off: Decimal::new(1, 1),
        avoided_costs: saver
            .map(|actor| vec![AvoidedCost { actor, per_year: Decimal::from(100_000) }])
            .unwrap_or_default(),
        repayment: None,
        uncertainty: None,
    }
}

// ------------------------------------------------------------ outcome contracts (issue 15)

/// Takes out the contract of intervention `id`; a scenario left without
/// contracts is written as version 1 again.
fn remove_contract(s: &mut Scenario, id: &str) {
    s.outcome_contracts.retain(|c| c.intervention != id);
    if s.outcome_contracts.is_empty() && s.schema_version == 2 {
        s.schema_version = 1;
    }
}

/// A price per outcome that covers the intervention's cost per expected
/// outcome (annual cost / (participants × success rate)), to the krona; 0
/// when nothing is expected.
fn covering_price(iv: &Intervention) -> Decimal {
    let outcomes = iv.participants_per_year.checked_mul(iv.success_rate).unwrap_or_default();
    if outcomes <= Decimal::ZERO {
        return Decimal::ZERO;
    }
    iv.annual_cost.checked_div(outcomes).map(|p| p.round_dp(0)).unwrap_or_default()
}

fn contract(s: &mut Scenario, edit: ContractEdit, lang: Lang) {
    match edit {
        ContractEdit::Contracted(index) => {
            let Some(iv) = s.interventions.get(index) else { return };
            if s.contract_of(&iv.id).is_some() {
                return;
            }
            let contract = crate::model::OutcomeContract {
                id: fresh_id(s.outcome_contracts.iter().map(|c| c.id.as_str()), "kontrakt"),
                name: match lang {
                    Lang::Sv => format!("Utfallskontrakt: {}", iv.name),
                    Lang::En => format!("Outcome contract: {}", iv.name),
                }
                .chars()
                .take(crate::model::validate::MAX_NAME_CHARS)
                .collect(),
                intervention: iv.id.clone(),
                payer: iv.owner.clone(),
                co_payers: Vec::new(),
                price_per_outcome: covering_price(iv),
                pay_after_years: 2,
                cap: None,
            };
            s.outcome_contracts.push(contract);
            s.schema_version = 2;
        }
        ContractEdit::Uncontracted(index) => {
            if let Some(id) = s.interventions.get(index).map(|iv| iv.id.clone()) {
                remove_contract(s, &id);
            }
        }
        ContractEdit::Changed { index, change } => {
            let Some(id) = s.interventions.get(index).map(|iv| iv.id.clone()) else { return };
            let actors: Vec<String> = s.actors.iter().map(|a| a.id.clone()).collect();
            let Some(c) = s.outcome_contracts.iter_mut().find(|c| c.intervention == id) else { return };
            match change {
                ContractChange::PayerChosen(actor) => c.payer = actor,
                ContractChange::PriceChanged(price) => c.price_per_outcome = price,
                ContractChange::DelayChanged(years) => c.pay_after_years = years,
                ContractChange::CapChanged(cap) => c.cap = cap,
                ContractChange::CoPayerAdded => {
                    let free = actors.iter().find(|a| **a != c.payer && !c.co_payers.iter().any(|p| &p.actor == *a));
                    if let Some(actor) = free {
                        c.co_payers.push(crate::model::CoPayer { actor: actor.clone(), share: Decimal::new(2, 1) });
                    }
                }
                ContractChange::CoPayerChosen { row, actor } => {
                    if let Some(p) = c.co_payers.get_mut(row) {
                        p.actor = actor;
                    }
                }
                ContractChange::CoPayerShareChanged { row, share } => {
                    if let Some(p) = c.co_payers.get_mut(row) {
                        p.share = share;
                    }
                }
                ContractChange::CoPayerRemoved(row) => {
                    if row < c.co_payers.len() {
                        c.co_payers.remove(row);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod contract_tests {
    use super::*;

    fn placements() -> Rc<Scenario> {
        Rc::new(crate::presets::by_id("placements").map(|p| p.scenario).expect("the placements preset"))
    }

    #[test]
    fn an_intervention_goes_under_a_contract_and_back_to_the_fund() {
        let mut s = placements();
        let before = s.clone();
        apply(&mut s, ContractEdit::Contracted(0).into_edit(), Lang::Sv);
        assert_eq!(s.schema_version, 2);
        let c = &s.outcome_contracts[0];
        assert_eq!((c.intervention.as_str(), c.payer.as_str()), ("familjestod", "social"));
        // 3 000 000 / (30 × 0.25) = 400 000 per expected outcome.
        assert_eq!(c.price_per_outcome, Decimal::from(400_000));
        assert!(crate::model::validate::validate(&s).is_ok());
        // A second click does not add a second contract.
        apply(&mut s, ContractEdit::Contracted(0).into_edit(), Lang::Sv);
        assert_eq!(s.outcome_contracts.len(), 1);
        let change = |change| ContractEdit::Changed { index: 0, change }.into_edit();
        apply(&mut s, change(ContractChange::CapChanged(Some(Decimal::from(5)))), Lang::Sv);
        apply(&mut s, change(ContractChange::CoPayerAdded), Lang::Sv);
        assert_eq!(s.outcome_contracts[0].co_payers[0].actor, "kommunstyrelsen");
        apply(&mut s, change(ContractChange::CoPayerShareChanged { row: 0, share: Decimal::TWO }), Lang::Sv);
        let errors = crate::model::validate::validate_all(&s);
        assert_eq!(errors[0].path, "outcome_contracts[0].co_payers[0].share");
        apply(&mut s, ContractEdit::Uncontracted(0).into_edit(), Lang::Sv);
        assert_eq!(*s, *before, "taking the contract out gives the fund's scenario back, as version 1");
    }

    #[test]
    fn references_follow_renames_and_removals() {
        let mut s = placements();
        apply(&mut s, ContractEdit::Contracted(0).into_edit(), Lang::En);
        apply(&mut s, InterventionsEdit::IdChanged { index: 0, id: "fs".into() }.into_edit(), Lang::En);
        assert_eq!(s.outcome_contracts[0].intervention, "fs");
        let social = s.actors.iter().position(|a| a.id == "social").unwrap_or(0);
        apply(&mut s, ActorsEdit::IdChanged { index: social, id: "soc".into() }.into_edit(), Lang::En);
        assert_eq!(s.outcome_contracts[0].payer, "soc");
        assert!(actor_uses(&s, "soc").iter().any(|u| matches!(u, ActorUse::PaysOutcomes(_))));
        apply(&mut s, InterventionsEdit::Removed(0).into_edit(), Lang::En);
        assert!(s.outcome_contracts.is_empty() && s.schema_version == 1);
        assert!(crate::model::validate::validate(&s).is_ok());
    }

    trait IntoEdit {
        fn into_edit(self) -> Edit;
    }
    impl<T: Into<super::super::Action>> IntoEdit for T {
        fn into_edit(self) -> Edit {
            match self.into() {
                super::super::Action::Edit(edit) => edit,
                other => panic!("not an edit: {other:?}"),
            }
        }
    }
}
