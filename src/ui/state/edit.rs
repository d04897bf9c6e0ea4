//! Applying an [`Edit`] to the scenario being edited. Each part of the
//! scenario has its function, each matching its edits without a wildcard.
//!
//! The scenario is copied here (`Rc::make_mut`: the last valid scenario may
//! share it), and only for an edit: a refused removal of an actor copies
//! nothing.

use std::rc::Rc;

use rust_decimal::Decimal;

use super::action::{ActorsEdit, Edit, FundEdit, GeneralEdit, InterventionEdit, InterventionsEdit, UncertainParam};
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
                    iv.id = id;
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
