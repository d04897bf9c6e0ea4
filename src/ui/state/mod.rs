//! The one place that owns the scenario being edited.
//!
//! [`AppState`] is plain data: the scenario as the user has edited it (which
//! may break a rule), the engine's messages for it, and the outcome of the
//! last scenario that was valid. Components send an [`Action`] named for what
//! happened ([`action`]); [`AppState::reduce`] applies it (a load here, an
//! edit in `edit.rs`), validates with the engine once and recomputes the
//! outcome only when the scenario is valid, so the last valid results stay on
//! screen while a field is being fixed. `ids.rs` checks and makes the ids of
//! actors and interventions.
//!
//! Every level of [`Action`] is matched without a wildcard, here and in
//! `edit.rs`: an action added to any of them does not compile until it is handled.

pub mod action;
pub mod analysis;
pub mod compare;
mod edit;
pub mod file;
mod ids;
pub mod keep;
pub mod opening;
pub mod present;
pub mod view;

#[cfg(test)]
mod fixtures;

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::Reducible;

pub use action::{
    Action, ActorsEdit, Edit, FundEdit, GeneralEdit, InterventionEdit, InterventionsEdit, Kept, Load, Preference,
    UncertainParam,
};
pub use action::{ContractChange, ContractEdit};
pub use compare::{Baseline, Compare};
pub use ids::{id_problem, IdProblem};

use crate::model::validate::{validate_all, validated};
use crate::model::{
    simulate, Accounting, Actor, Fund, Intervention, Outcome, OutcomeContract, Scenario, ScenarioError, Simulator,
};
use crate::words::format::Unit;
use crate::words::Lang;

/// Everything the app shows.
#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    /// The scenario as edited; may break a rule of the contract.
    pub scenario: Rc<Scenario>,
    /// The engine's messages for `scenario`, each with its field's path; empty when valid.
    pub errors: Vec<ScenarioError>,
    /// The last valid scenario, the one `outcome` belongs to.
    pub valid_scenario: Rc<Scenario>,
    /// The outcome of `valid_scenario`.
    pub outcome: Rc<Outcome>,
    /// The language shown.
    pub lang: Lang,
    /// The unit money is shown in.
    pub unit: Unit,
    /// The preset the scenario came from, if any.
    pub preset_id: Option<String>,
    /// A message about an edit that was refused (shown until dismissed or the next edit).
    pub notice: Option<Notice>,
    /// Counts whole-scenario loads, so that the editor starts afresh (no stale drafts) on each.
    pub generation: u32,
    /// Counts loads that become their own entry in the browser's history (a
    /// preset, a file, a pasted scenario, a reset); following a link back or
    /// forward through the history does not.
    pub entry: u32,
    /// The scenario kept aside in this browser (the autosave a link was
    /// opened over, kept under a key of its own), offered back until it is
    /// opened or discarded.
    pub displaced: Option<Rc<Scenario>>,
    /// Whether the autosave works, as its last write went.
    pub autosave: Autosave,
    /// The engine, remembering the interventions' flows between edits (an
    /// edit of the fund recomputes only the fund and the totals).
    pub simulator: Simulator,
    /// Plan A against plan B: the scenario pinned as the baseline (B), if comparing (`compare.rs`).
    pub comparison: Option<Rc<Baseline>>,
}

/// Whether the scenario is autosaved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Autosave {
    /// Not by this app (embedded in another page).
    #[default]
    Off,
    On,
    /// The last write failed, or storage is off or blocked: the page says so.
    Failed,
}

/// What was removed, and where, to put it back.
#[derive(Debug, Clone, PartialEq)]
pub enum Removal {
    /// With its outcome contract and the contract's place, if it was under one.
    Intervention {
        index: usize,
        intervention: Box<Intervention>,
        contract: Option<(usize, Box<OutcomeContract>)>,
    },
    Actor {
        index: usize,
        actor: Actor,
    },
}

impl Removal {
    /// The edit that puts it back.
    pub fn undo(&self) -> Action {
        match self.clone() {
            Removal::Intervention { index, intervention, contract } => {
                InterventionsEdit::Restored { index, intervention, contract }.into()
            }
            Removal::Actor { index, actor } => ActorsEdit::Restored { index, actor }.into(),
        }
    }
}

/// What the page tells: an edit refused, and why; a removal to undo; a load refused.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    /// An actor could not be removed because the scenario still uses it.
    ActorInUse { actor: String, uses: Vec<ActorUse> },
    /// The last actor cannot be removed.
    LastActor,
    /// A pasted scenario could not be read; the engine's message.
    ScenarioRefused(ScenarioError),
    /// A preset id that does not exist.
    UnknownPreset(String),
    /// The link in the address could not be read; the default is shown instead.
    LinkRefused(ScenarioError),
    /// The link's changes were made to an earlier version of this preset (by
    /// its id): they are shown on today's, whose figures may differ.
    PresetChanged(String),
    /// The autosaved scenario could not be read; it was moved aside to
    /// `aside_key`, or (`None`) could not be, and stays where it is.
    StoredRefused { error: ScenarioError, aside_key: Option<String> },
    /// A scenario file (by name; `None`: pasted text) was not opened, and why.
    FileRefused { name: Option<String>, why: file::FileProblem },
    /// An intervention or actor was removed: it can be put back.
    Removed(Removal),
    /// The autosave could not be written (storage full or turned off).
    AutosaveFailed,
    /// A comparison was left: its baseline, offered back (open it, or compare again).
    ComparisonLeft(Rc<Baseline>),
    /// The link's baseline (`b…`) could not be opened; its main scenario did.
    BaselineRefused(ScenarioError),
}

/// Where an actor is used.
#[derive(Debug, Clone, PartialEq)]
pub enum ActorUse {
    /// It finances the fund.
    FinancesFund,
    /// It owns this intervention (by name).
    Owns(String),
    /// It has avoided costs in this intervention (by name).
    AvoidedCosts(String),
    /// It pays for the outcomes of this intervention's contract (by name).
    PaysOutcomes(String),
}

/// Whether a load becomes its own entry in the browser's history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum History {
    /// A preset, a file, a pasted scenario, a reset: Back returns to what was before.
    NewEntry,
    /// Following a link back or forward: the history already has its entry.
    SameEntry,
}

impl AppState {
    /// A state showing `scenario`, which must be valid; else the engine's first message.
    pub fn new(scenario: Scenario, lang: Lang, preset_id: Option<String>) -> Result<AppState, ScenarioError> {
        let outcome = simulate(&scenario)?;
        Ok(AppState { preset_id, ..AppState::simulated(Rc::new(scenario), Rc::new(outcome), lang) })
    }

    /// A state showing `scenario` with `outcome`, its outcome already computed.
    pub fn simulated(scenario: Rc<Scenario>, outcome: Rc<Outcome>, lang: Lang) -> AppState {
        AppState {
            valid_scenario: scenario.clone(),
            scenario,
            errors: Vec::new(),
            outcome,
            lang,
            unit: Unit::default(),
            preset_id: None,
            notice: None,
            generation: 0,
            entry: 0,
            displaced: None,
            autosave: Autosave::Off,
            simulator: Simulator::default(),
            comparison: None,
        }
    }

    /// The app's opening state: the first preset, else the built-in example.
    pub fn opening(lang: Lang) -> AppState {
        for preset in crate::presets::all() {
            if let Ok(state) = AppState::new(preset.scenario, lang, Some(preset.id.to_string())) {
                return state;
            }
        }
        AppState::built_in(lang)
    }

    /// The built-in example (the contract's example scenario), which is always valid.
    pub fn built_in(lang: Lang) -> AppState {
        let scenario = Rc::new(example_scenario());
        let outcome = simulate(&scenario).unwrap_or_else(|_| empty_outcome(&scenario));
        AppState::simulated(scenario, Rc::new(outcome), lang)
    }

    /// The engine's message for the field at `path`, if any.
    pub fn error_at(&self, path: &str) -> Option<&ScenarioError> {
        self.errors.iter().find(|e| e.path == path)
    }

    /// Where the actor with this id is used.
    pub fn actor_uses(&self, id: &str) -> Vec<ActorUse> {
        edit::actor_uses(&self.scenario, id)
    }

    /// Validates the edited scenario once and recomputes the outcome when it is valid.
    fn revalidate(&mut self) {
        self.errors = match validated(&self.scenario) {
            Ok(valid) => match self.simulator.simulate_valid(valid) {
                Ok(outcome) => {
                    self.outcome = Rc::new(outcome);
                    self.valid_scenario = self.scenario.clone();
                    Vec::new()
                }
                Err(e) => vec![e],
            },
            Err(errors) => errors,
        };
    }

    /// A whole scenario replaces the one being edited: the editor starts
    /// afresh (a new generation), and `history` says whether it is an entry
    /// of its own in the browser's history.
    fn loaded(&mut self, scenario: Rc<Scenario>, preset_id: Option<String>, history: History) {
        self.scenario = scenario;
        self.preset_id = preset_id;
        self.generation = self.generation.wrapping_add(1);
        match history {
            History::NewEntry => self.entry = self.entry.wrapping_add(1),
            History::SameEntry => {}
        }
    }

    fn load(&mut self, load: Load) {
        match load {
            Load::PresetLoaded(id) => match crate::presets::by_id(&id) {
                Some(preset) => self.loaded(Rc::new(preset.scenario), Some(id), History::NewEntry),
                None => self.notice = Some(Notice::UnknownPreset(id)),
            },
            Load::PresetReset => {
                let id = self
                    .preset_id
                    .clone()
                    .filter(|id| crate::presets::by_id(id).is_some())
                    .or_else(|| crate::presets::all().first().map(|p| p.id.to_string()));
                match id {
                    Some(id) => self.load(Load::PresetLoaded(id)),
                    None => self.loaded(Rc::new(example_scenario()), None, History::NewEntry),
                }
            }
            Load::FileOpened { name, read } => match file::opened(read) {
                Ok(scenario) => {
                    let preset_id = keep::preset_of(&scenario);
                    self.loaded(Rc::new(scenario), preset_id, History::NewEntry);
                }
                Err(why) => self.notice = Some(Notice::FileRefused { name: Some(name), why }),
            },
            Load::DisplacedRestored => {
                if let Some(scenario) = self.displaced.take() {
                    let preset_id = keep::preset_of(&scenario);
                    self.loaded(scenario, preset_id, History::NewEntry);
                }
            }
            Load::LinkFollowed { fragment, inflated } => match keep::read_link(&fragment, inflated.as_deref()) {
                Ok(request) => {
                    if let Some(lang) = keep::link_lang(&request) {
                        self.lang = lang;
                    }
                    if let Some(scenario) = request.scenario {
                        let preset_id = keep::known_preset(request.preset.as_deref());
                        if request.preset_changed {
                            self.notice = preset_id.clone().map(Notice::PresetChanged);
                        }
                        self.loaded(Rc::new(scenario), preset_id, History::SameEntry);
                    } else if let Some(id) = request.preset {
                        match crate::presets::by_id(&id) {
                            Some(preset) => self.loaded(Rc::new(preset.scenario), Some(id), History::SameEntry),
                            None => self.notice = Some(Notice::UnknownPreset(id)),
                        }
                    }
                    self.link_baseline(&fragment);
                }
                Err(e) => self.notice = Some(Notice::LinkRefused(e)),
            },
            Load::ScenarioLoaded(scenario) => match validate_all(&scenario).into_iter().next() {
                Some(first) => self.notice = Some(Notice::ScenarioRefused(first)),
                None => self.loaded(Rc::from(scenario), None, History::NewEntry),
            },
            // Read as an opened file is (the size checked before parsing), without a name.
            Load::ScenarioPasted(json) => match file::read_scenario(json.as_bytes()) {
                Ok(scenario) => self.loaded(Rc::new(scenario), None, History::NewEntry),
                Err(file::FileProblem::Scenario(e)) => self.notice = Some(Notice::ScenarioRefused(e)),
                Err(why) => self.notice = Some(Notice::FileRefused { name: None, why }),
            },
        }
    }

    fn prefer(&mut self, preference: Preference) {
        match preference {
            Preference::LanguageSwitched => {
                self.lang = match self.lang {
                    Lang::Sv => Lang::En,
                    Lang::En => Lang::Sv,
                }
            }
            Preference::LanguageChosen(lang) => self.lang = lang,
            Preference::UnitChosen(unit) => self.unit = unit,
            Preference::NoticeDismissed => self.notice = None,
        }
    }

    /// After a load or an edit: when the scenario changed, its messages and outcome follow.
    fn settle(&mut self, before: &Rc<Scenario>) {
        if self.scenario != *before {
            self.revalidate();
        }
    }

    /// News of the autosave; `false` when it changes nothing.
    fn keep(&mut self, kept: Kept) -> bool {
        match kept {
            Kept::Saved(ok) => {
                let now = if ok { Autosave::On } else { Autosave::Failed };
                // Told once, when saving stops working; said no more once it works again.
                if now == self.autosave || self.autosave == Autosave::Off {
                    return false;
                }
                self.autosave = now;
                if !ok {
                    self.notice = Some(Notice::AutosaveFailed);
                } else if self.notice == Some(Notice::AutosaveFailed) {
                    self.notice = None;
                }
            }
            Kept::DisplacedDiscarded => return self.displaced.take().is_some(),
        }
        true
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Kept(kept) => {
                // An autosave that went as the last one changes nothing: no redraw.
                if !next.keep(kept) {
                    return self;
                }
            }
            Action::Preference(preference) => next.prefer(preference),
            Action::Load(load) => {
                next.notice = None;
                next.load(load);
                next.settle(&self.scenario);
            }
            Action::Compare(compare) => {
                next.notice = None;
                next.compare(compare);
                next.settle(&self.scenario);
            }
            Action::Edit(change) => {
                // A failing autosave is still said after an edit (until dismissed, or saving works again).
                let failing = next.notice.take().filter(|n| *n == Notice::AutosaveFailed);
                next.notice = edit::apply(&mut next.scenario, change, next.lang).or(failing);
                next.settle(&self.scenario);
            }
        }
        Rc::new(next)
    }
}

/// The contract's example scenario ([`crate::presets::example`]); a
/// minimal valid scenario in its place should that file ever not read.
pub fn example_scenario() -> Scenario {
    crate::presets::example().unwrap_or_else(minimal_scenario)
}

/// One actor, an empty fund, no interventions: valid whatever else changes.
/// Written in code, not read from a file: it is what stands in when a file
/// does not read.
fn minimal_scenario() -> Scenario {
    Scenario {
        schema_version: 1,
        name: "fundsim".into(),
        description: String::new(),
        currency: "SEK".into(),
        start_year: 2026,
        horizon_years: 10,
        discount_rate: Decimal::new(35, 3),
        actors: vec![Actor { id: "central".into(), name: "Central".into(), inside: true }],
        fund: Fund {
            financed_by: "central".into(),
            accounting: Accounting::Appropriation,
            initial_capital: Decimal::ZERO,
            allocations: Vec::new(),
        },
        repayment_default: None,
        interventions: Vec::new(),
        outcome_contracts: Vec::new(),
    }
}

/// An outcome with every figure zero: never shown in practice (the example is valid),
/// but it keeps the app standing without a panic if the engine ever refused it.
fn empty_outcome(s: &Scenario) -> Outcome {
    use crate::model::KeyFigures;
    Outcome {
        schema_version: 1,
        years: Vec::new(),
        fund: Vec::new(),
        actors: Vec::new(),
        interventions: Vec::new(),
        org_net: Vec::new(),
        society_net: Vec::new(),
        key_figures: KeyFigures {
            total_cost: Decimal::ZERO,
            savings_inside: Decimal::ZERO,
            savings_outside: Decimal::ZERO,
            org_npv: Decimal::ZERO,
            society_npv: Decimal::ZERO,
            payback_year: Some(s.start_year),
            fund_first_negative_year: None,
            revolving_ratio: None,
        },
        outcome_contracts: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::fixtures::{self, d, start, OWN, OWN_DISCOUNT_RATE_2, OWN_SUCCESS_RATE_1_5};
    use super::*;
    use crate::model::{Range, RepaymentRule};

    /// The example after `actions`, each given by its innermost part.
    fn after<A: Into<Action>>(actions: Vec<A>) -> Rc<AppState> {
        actions.into_iter().fold(start(), |state, action| state.reduce(action.into()))
    }

    #[test]
    fn the_built_in_example_is_valid() {
        let state = start();
        assert!(state.errors.is_empty());
        assert_eq!(state.outcome.years.len(), 15);
        assert_eq!(state.valid_scenario, state.scenario);
    }

    #[test]
    fn opening_falls_back_to_the_example_without_presets() {
        let state = AppState::opening(Lang::En);
        assert!(state.errors.is_empty());
        assert_eq!(state.lang, Lang::En);
        if crate::presets::all().is_empty() {
            assert_eq!(*state.scenario, example_scenario());
        } else {
            assert!(state.preset_id.is_some());
        }
    }

    #[test]
    fn allocation_changed_sets_one_year_and_recomputes() {
        let before = start();
        let state = before.clone().reduce(FundEdit::AllocationChanged { year: 5, amount: d("2000000") }.into());
        assert_eq!(state.scenario.fund.allocations.len(), 6);
        assert_eq!(state.scenario.fund.allocations[4], Decimal::ZERO);
        assert_eq!(state.scenario.fund.allocations[5], d("2000000"));
        assert_eq!(state.outcome.fund[5].allocation, d("2000000"));
        assert_ne!(state.outcome, before.outcome);
        // A year past the horizon is ignored.
        let state = state.reduce(FundEdit::AllocationChanged { year: 40, amount: d("1") }.into());
        assert_eq!(state.scenario.fund.allocations.len(), 6);
    }

    /// Every place in a scenario that names an actor, as (where, id).
    fn actor_references(s: &Scenario) -> Vec<(String, String)> {
        let mut refs = vec![("fund.financed_by".to_string(), s.fund.financed_by.clone())];
        for (i, iv) in s.interventions.iter().enumerate() {
            refs.push((format!("interventions[{i}].owner"), iv.owner.clone()));
            for (r, row) in iv.avoided_costs.iter().enumerate() {
                refs.push((format!("interventions[{i}].avoided_costs[{r}].actor"), row.actor.clone()));
            }
        }
        refs
    }

    #[test]
    fn renaming_an_actor_id_moves_every_reference_and_keeps_the_results() {
        let before = start();
        for index in 0..before.scenario.actors.len() {
            let old = before.scenario.actors[index].id.clone();
            let state = before.clone().reduce(ActorsEdit::IdChanged { index, id: format!("  renamed-{old} ") }.into());
            let new = format!("renamed-{old}");
            assert_eq!(state.scenario.actors[index].id, new, "surrounding spaces are dropped");
            // Each reference that named the old id now names the new one; the rest are unchanged.
            let expected: Vec<(String, String)> = actor_references(&before.scenario)
                .into_iter()
                .map(|(at, id)| (at, if id == old { new.clone() } else { id }))
                .collect();
            assert_eq!(actor_references(&state.scenario), expected);
            assert!(state.errors.is_empty(), "{:?}", state.errors);
            // Only the name of the key changed: the actor's figures are the same.
            let figures = |st: &AppState, id: &str| {
                st.outcome.actors.iter().find(|a| a.id == id).map(|a| (a.npv, a.rows.clone()))
            };
            assert_eq!(figures(&state, &new), figures(&before, &old));
            assert_eq!(state.outcome.key_figures, before.outcome.key_figures);
        }
    }

    #[test]
    fn an_empty_or_taken_actor_id_is_refused_and_the_scenario_stays() {
        let before = start();
        let ids: Vec<&str> = before.scenario.actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(id_problem(&ids, 1, "   "), Some(IdProblem::Empty));
        assert_eq!(id_problem(&ids, 1, ids[0]), Some(IdProblem::TakenBy(0)));
        assert_eq!(id_problem(&ids, 0, ids[0]), None, "an item keeps its own id");
        for id in ["", "  ", ids[0]] {
            let state = before.clone().reduce(ActorsEdit::IdChanged { index: 1, id: id.to_string() }.into());
            assert_eq!(state.scenario, before.scenario, "{id:?} is refused");
        }
    }

    #[test]
    fn an_intervention_id_changes_and_a_taken_one_is_refused() {
        let state = after(vec![InterventionsEdit::Added]);
        let first = state.scenario.interventions[0].id.clone();
        let renamed = state.clone().reduce(InterventionsEdit::IdChanged { index: 1, id: "new-id".into() }.into());
        assert_eq!(renamed.scenario.interventions[1].id, "new-id");
        assert!(renamed.outcome.interventions.iter().any(|i| i.id == "new-id"));
        let refused = state.clone().reduce(InterventionsEdit::IdChanged { index: 1, id: first }.into());
        assert_eq!(refused.scenario, state.scenario);
    }

    #[test]
    fn allocation_planned_replaces_every_year() {
        let state = after(vec![FundEdit::AllocationPlanned { amount: d("5000000"), years: 4 }]);
        assert_eq!(state.scenario.fund.allocations, vec![d("5000000"); 4]);
        assert_eq!(state.outcome.fund[3].allocation, d("5000000"));
        assert_eq!(state.outcome.fund[4].allocation, Decimal::ZERO);
    }

    #[test]
    fn invalid_edit_keeps_the_last_valid_outcome_and_names_the_field() {
        let valid = after(vec![GeneralEdit::DiscountRateChanged(d("0.05"))]);
        let state = valid.clone().reduce(Action::intervention(0, InterventionEdit::SuccessRateChanged(d("1.5"))));
        assert_eq!(state.scenario.interventions[0].success_rate, d("1.5"));
        assert_eq!(state.outcome, valid.outcome);
        assert_eq!(state.valid_scenario, valid.valid_scenario);
        let error = state.error_at("interventions[0].success_rate").expect("message at the field");
        assert_eq!(error.problem, crate::model::Problem::Between { low: Decimal::ZERO, high: Decimal::ONE });
        // Fixing it recomputes and clears the message.
        let fixed = state.reduce(Action::intervention(0, InterventionEdit::SuccessRateChanged(d("0.3"))));
        assert!(fixed.errors.is_empty());
        assert_eq!(fixed.valid_scenario.interventions[0].success_rate, d("0.3"));
    }

    #[test]
    fn removing_an_actor_in_use_is_refused_naming_where() {
        let before = start();
        let state = before.clone().reduce(ActorsEdit::Removed("school".into()).into());
        assert_eq!(state.scenario, before.scenario);
        match &state.notice {
            Some(Notice::ActorInUse { actor, uses }) => {
                assert_eq!(actor, "Utbildningsförvaltningen");
                assert_eq!(uses, &vec![ActorUse::Owns("Läsfrämjande i förskoleklass".into())]);
            }
            other => panic!("expected a notice, got {other:?}"),
        }
        let state = before.reduce(ActorsEdit::Removed("central".into()).into());
        assert_eq!(
            state.notice,
            Some(Notice::ActorInUse { actor: "Regionstyrelsen".into(), uses: vec![ActorUse::FinancesFund] })
        );
    }

    #[test]
    fn actors_are_added_renamed_marked_and_removed() {
        let state = after(vec![
            ActorsEdit::Added,
            ActorsEdit::Renamed { index: 4, name: "Regionen".into() },
            ActorsEdit::InsideChanged { index: 4, inside: false },
        ]);
        let added = &state.scenario.actors[4];
        assert_eq!((added.name.as_str(), added.inside), ("Regionen", false));
        assert!(state.errors.is_empty());
        assert_eq!(state.outcome.actors.len(), 5);
        let id = added.id.clone();
        let state = state.reduce(ActorsEdit::Removed(id).into());
        assert_eq!(state.scenario.actors.len(), 4);
        assert!(matches!(state.notice, Some(Notice::Removed(Removal::Actor { index: 4, .. }))));
    }

    #[test]
    fn interventions_are_added_duplicated_moved_and_removed() {
        let state = after(vec![InterventionsEdit::Added]);
        assert_eq!(state.scenario.interventions.len(), 2);
        assert!(state.errors.is_empty(), "{:?}", state.errors);
        let state = state.reduce(InterventionsEdit::Duplicated(0).into());
        assert_eq!(state.scenario.interventions.len(), 3);
        assert_eq!(state.scenario.interventions[1].annual_cost, state.scenario.interventions[0].annual_cost);
        assert_ne!(state.scenario.interventions[1].id, state.scenario.interventions[0].id);
        assert!(state.errors.is_empty(), "{:?}", state.errors);
        let first = state.scenario.interventions[0].id.clone();
        let state = state.reduce(InterventionsEdit::Moved { from: 0, to: 2 }.into());
        assert_eq!(state.scenario.interventions[2].id, first);
        let state = state.reduce(InterventionsEdit::Removed(2).into());
        assert_eq!(state.scenario.interventions.len(), 2);
        assert!(state.scenario.interventions.iter().all(|i| i.id != first));
        assert_eq!(state.outcome.interventions.len(), 2);
    }

    #[test]
    fn avoided_costs_rows_are_edited() {
        let edit = |edit| Action::intervention(0, edit);
        let state = after(vec![
            edit(InterventionEdit::AvoidedCostAdded),
            edit(InterventionEdit::AvoidedCostAmountChanged { row: 2, per_year: d("5000") }),
        ]);
        let rows = &state.scenario.interventions[0].avoided_costs;
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[2].actor, "central");
        assert!(state.errors.is_empty());
        let state = state.reduce(edit(InterventionEdit::AvoidedCostActorChanged { row: 2, actor: "social".into() }));
        assert!(state.error_at("interventions[0].avoided_costs[2].actor").is_some());
        let state = state.reduce(edit(InterventionEdit::AvoidedCostRemoved(2)));
        assert!(state.errors.is_empty());
    }

    #[test]
    fn repayment_rules_and_uncertainty_change() {
        let rule = RepaymentRule::SavingsShare { share: d("1"), cap: None, start_after: 0 };
        let state = after(vec![
            FundEdit::DefaultRepaymentChanged(Some(RepaymentRule::None)).into(),
            Action::intervention(0, InterventionEdit::RepaymentChanged(Some(rule.clone()))),
        ]);
        assert_eq!(state.scenario.interventions[0].repayment, Some(rule));
        assert_eq!(state.outcome.interventions[0].outstanding, None);
        let state = state.reduce(Action::intervention(
            0,
            InterventionEdit::UncertaintyChanged { param: UncertainParam::SuccessRate, range: None },
        ));
        assert_eq!(state.scenario.interventions[0].uncertainty, None);
    }

    #[test]
    fn language_and_unit_do_not_touch_the_scenario() {
        let before = start();
        let state = before
            .clone()
            .reduce(Preference::LanguageSwitched.into())
            .reduce(Preference::UnitChosen(Unit::Million).into());
        assert_eq!(state.lang, Lang::En);
        assert_eq!(state.unit, Unit::Million);
        assert_eq!(state.scenario, before.scenario);
        assert!(Rc::ptr_eq(&state.outcome, &before.outcome));
    }

    #[test]
    fn general_settings_change() {
        let state = after(vec![
            Action::from(GeneralEdit::HorizonChanged(20)),
            GeneralEdit::StartYearChanged(2027).into(),
            GeneralEdit::CurrencyChanged("EUR".into()).into(),
            FundEdit::AccountingChosen(Accounting::EarmarkedEquity).into(),
            FundEdit::InitialCapitalChanged(d("1000000")).into(),
            FundEdit::FinancerChosen("social".into()).into(),
        ]);
        assert_eq!(state.outcome.years.first(), Some(&2027));
        assert_eq!(state.outcome.years.len(), 20);
        assert_eq!(state.outcome.fund[0].open, d("1000000"));
        assert!(state.errors.is_empty());
        let state = state.reduce(GeneralEdit::HorizonChanged(0).into());
        assert!(state.error_at("horizon_years").is_some());
        assert_eq!(state.outcome.years.len(), 20);
    }

    #[test]
    fn a_refused_scenario_leaves_the_state_as_it_was() {
        let before = start();
        let broken = fixtures::scenario(OWN_DISCOUNT_RATE_2);
        let state = before.clone().reduce(Load::ScenarioLoaded(Box::new(broken)).into());
        assert_eq!(state.scenario, before.scenario);
        assert!(matches!(&state.notice, Some(Notice::ScenarioRefused(e)) if e.path == "discount_rate"));
    }

    #[test]
    fn pasted_json_is_loaded_or_refused_with_the_engine_message() {
        let state = start().reduce(Load::ScenarioPasted(OWN.to_string()).into());
        assert_eq!(*state.scenario, fixtures::scenario(OWN));
        assert_eq!(state.generation, 1);
        let state = state.reduce(Load::ScenarioPasted("{ not json".into()).into());
        assert_eq!(*state.scenario, fixtures::scenario(OWN));
        assert!(matches!(&state.notice, Some(Notice::ScenarioRefused(e)) if e.to_string().contains("not valid JSON")));
        // JSON that reads but breaks a rule is refused naming the field.
        let state = state.reduce(Load::ScenarioPasted(OWN_DISCOUNT_RATE_2.to_string()).into());
        assert_eq!(*state.scenario, fixtures::scenario(OWN));
        assert!(matches!(&state.notice, Some(Notice::ScenarioRefused(e)) if e.path == "discount_rate"));
    }

    /// A file of this text, as the browser reads it.
    fn file(name: &str, text: &str) -> Action {
        Load::FileOpened { name: name.into(), read: file::FileRead::Bytes(text.as_bytes().to_vec()) }.into()
    }

    #[test]
    fn a_file_is_opened_or_refused_with_the_engine_message() {
        let state = start().reduce(file("a.json", OWN));
        assert_eq!(*state.scenario, fixtures::scenario(OWN));
        assert_eq!((state.generation, state.entry), (1, 1));
        assert_eq!(state.notice, None);
        // A file that breaks a rule is refused naming the field; the scenario stays.
        let refused = state.clone().reduce(file("b.json", OWN_SUCCESS_RATE_1_5));
        assert_eq!(refused.scenario, state.scenario);
        assert_eq!(refused.outcome, state.outcome);
        assert_eq!(refused.entry, 1);
        match &refused.notice {
            Some(Notice::FileRefused { name, why: file::FileProblem::Scenario(error) }) => {
                assert_eq!(name.as_deref(), Some("b.json"));
                assert_eq!(error.path, "interventions[0].success_rate");
            }
            other => panic!("expected a file notice, got {other:?}"),
        }
        let unreadable = state.clone().reduce(file("c.json", ""));
        assert!(matches!(&unreadable.notice, Some(Notice::FileRefused { .. })));
        assert_eq!(unreadable.scenario, state.scenario);
    }

    #[test]
    fn a_file_too_large_or_of_another_kind_is_refused_saying_so_in_the_readers_language() {
        let refused = |read: file::FileRead, lang: Lang| {
            let state = AppState { lang, ..AppState::opening(lang) };
            let state = Rc::new(state).reduce(Load::FileOpened { name: "x".into(), read }.into());
            assert_eq!(state.entry, 0, "nothing opened");
            crate::ui::view::notices::notice_text(state.notice.as_ref().expect("a notice"), lang)
        };
        // 12 345 678 bytes is 12.3 MB (rounded up: 12.345678 → 12.4), over the 5 MB limit.
        assert_eq!(
            refused(file::FileRead::TooLarge(12_345_678), Lang::Sv),
            "Filen ”x” kunde inte öppnas. Den är 12,4 MB; högst 5 MB läses. Scenariot är oförändrat."
        );
        assert_eq!(
            refused(file::FileRead::TooLarge(5_000_001), Lang::En),
            "The file “x” could not be opened. It is 5.1 MB; at most 5 MB is read. The scenario is unchanged."
        );
        let xlsx =
            file::FileRead::Bytes(b"PK\x03\x04\x14\0\x06\0 [Content_Types].xml PK\x03\x04 xl/workbook.xml".to_vec());
        assert_eq!(
            refused(xlsx.clone(), Lang::Sv),
            "Filen ”x” kunde inte öppnas. Det är inget scenario för fundsim (JSON som börjar med {); det ser ut som en Excel-arbetsbok. Scenariot är oförändrat."
        );
        assert!(refused(xlsx, Lang::En)
            .contains("This is not a fundsim scenario (JSON beginning with {); it looks like an Excel workbook."));
        let latin1 = file::FileRead::Bytes(b"{\"name\": \"V\xE4xj\xF6\"}".to_vec());
        assert!(refused(latin1, Lang::Sv).contains("Den är inte text i UTF-8"));
        assert!(refused(file::FileRead::Failed, Lang::Sv).contains("Webbläsaren kunde inte läsa den."));
    }

    #[test]
    fn pasted_text_over_the_limit_is_refused_before_it_is_read() {
        // A valid scenario with 5 000 001 bytes of spaces after it: refused by its size alone.
        let padded = format!("{OWN}{}", " ".repeat(file::MAX_SCENARIO_BYTES + 1 - OWN.len()));
        let state = start().reduce(Load::ScenarioPasted(padded).into());
        assert_eq!(*state.scenario, example_scenario());
        assert_eq!(state.notice, Some(Notice::FileRefused { name: None, why: file::FileProblem::TooLarge(5_000_001) }));
        let text = crate::ui::view::notices::notice_text(state.notice.as_ref().unwrap(), Lang::Sv);
        assert_eq!(text, "Scenariot kunde inte läsas in. Den är 5,1 MB; högst 5 MB läses.");
    }

    #[test]
    fn a_removed_intervention_is_put_back_at_its_place_by_the_notices_undo() {
        let state = after(vec![InterventionsEdit::Added, InterventionsEdit::Added]);
        let before = state.scenario.clone();
        let removed = state.reduce(InterventionsEdit::Removed(1).into());
        assert_eq!(removed.scenario.interventions.len(), 2);
        let Some(Notice::Removed(removal)) = removed.notice.clone() else { panic!("{:?}", removed.notice) };
        assert_eq!(
            crate::ui::view::notices::notice_text(removed.notice.as_ref().unwrap(), Lang::Sv),
            format!("Insatsen ”{}” togs bort.", before.interventions[1].name)
        );
        let undone = removed.clone().reduce(removal.undo());
        assert_eq!(undone.scenario, before, "back at its place, the same in every field");
        assert_eq!(undone.outcome.interventions.len(), 3);
        assert_eq!(undone.notice, None);
        // Put back once: a second undo finds its id taken and changes nothing.
        let twice = undone.clone().reduce(removal.undo());
        assert_eq!(twice.scenario, before);
        // Another edit ends the offer (the notice goes), so a later undo cannot land in a changed list.
        let edited = removed.reduce(GeneralEdit::DiscountRateChanged(d("0.05")).into());
        assert_eq!(edited.notice, None);
    }

    #[test]
    fn a_removed_actor_is_put_back_at_its_place() {
        let state = after(vec![ActorsEdit::Added, ActorsEdit::Renamed { index: 4, name: "Regionen".into() }]);
        let before = state.scenario.clone();
        let id = before.actors[4].id.clone();
        let removed = state.reduce(ActorsEdit::Removed(id).into());
        assert_eq!(removed.scenario.actors.len(), 4);
        let text = crate::ui::view::notices::notice_text(removed.notice.as_ref().unwrap(), Lang::En);
        assert_eq!(text, "The actor “Regionen” was removed.");
        let Some(Notice::Removed(removal)) = removed.notice.clone() else { panic!() };
        assert_eq!(removed.reduce(removal.undo()).scenario, before);
        // A refused removal offers nothing to undo.
        let refused = start().reduce(ActorsEdit::Removed("school".into()).into());
        assert!(matches!(refused.notice, Some(Notice::ActorInUse { .. })));
    }

    #[test]
    fn a_failing_autosave_is_told_once_and_untold_when_it_works_again() {
        let on = Rc::new(AppState { autosave: Autosave::On, ..AppState::built_in(Lang::Sv) });
        let failed = on.clone().reduce(Kept::Saved(false).into());
        assert_eq!((failed.autosave, &failed.notice), (Autosave::Failed, &Some(Notice::AutosaveFailed)));
        assert!(crate::ui::view::notices::notice_text(&Notice::AutosaveFailed, Lang::Sv)
            .contains("spara scenariot som fil"));
        // An edit does not hide it: saving still fails (a removal's notice, with its Undo, comes first).
        let edited = failed.clone().reduce(GeneralEdit::DiscountRateChanged(d("0.05")).into());
        assert_eq!(edited.notice, Some(Notice::AutosaveFailed));
        let removed = edited.reduce(InterventionsEdit::Removed(0).into());
        assert!(matches!(removed.notice, Some(Notice::Removed(_))));
        // Failing again changes nothing (no new notice, no redraw: the same state).
        let dismissed = failed.reduce(Preference::NoticeDismissed.into());
        let again = dismissed.clone().reduce(Kept::Saved(false).into());
        assert!(Rc::ptr_eq(&again, &dismissed));
        assert_eq!(again.notice, None);
        // Working again: the status says so, and a failure notice still shown goes.
        let worked = on.clone().reduce(Kept::Saved(false).into()).reduce(Kept::Saved(true).into());
        assert_eq!((worked.autosave, &worked.notice), (Autosave::On, &None));
        // An app that does not autosave (embedded) hears nothing.
        let off = start();
        assert!(Rc::ptr_eq(&off.clone().reduce(Kept::Saved(false).into()), &off));
    }

    /// Following `fragment`, its scenario inflated as the browser would (here by miniz_oxide).
    fn followed(fragment: &str) -> Load {
        let inflated = crate::share::link::unpack_fragment(fragment)
            .ok()
            .and_then(|link| link.packed)
            .and_then(|packed| miniz_oxide::inflate::decompress_to_vec(&packed).ok());
        Load::LinkFollowed { fragment: fragment.to_string(), inflated }
    }

    #[test]
    fn following_a_link_loads_it_without_a_new_history_entry() {
        let other = fixtures::scenario(OWN);
        let fragment = crate::ui::state::keep::share_fragment(&other, None, Lang::En);
        let state = start().reduce(followed(&fragment).into());
        assert_eq!(*state.scenario, other);
        assert_eq!(*state.valid_scenario, other);
        assert_eq!(state.lang, Lang::En);
        assert_eq!((state.generation, state.entry), (1, 0));
        // A damaged link keeps the scenario and says why.
        let damaged = state.clone().reduce(followed("v=1&s=garbage").into());
        assert_eq!(*damaged.scenario, other);
        assert!(matches!(&damaged.notice, Some(Notice::LinkRefused(e)) if e.path == "link.s"));
    }

    #[test]
    fn presets_files_and_resets_count_history_entries() {
        let Some(first) = crate::presets::all().into_iter().next() else { return };
        let state = start().reduce(Load::PresetLoaded(first.id.to_string()).into());
        assert_eq!(state.entry, 1);
        let state = state.reduce(GeneralEdit::DiscountRateChanged(d("0.05")).into());
        assert_eq!(state.entry, 1, "an edit is not an entry of its own");
        let state = state.reduce(Load::PresetReset.into());
        assert_eq!(*state.scenario, first.scenario);
        assert_eq!(state.preset_id.as_deref(), Some(first.id));
        assert_eq!(state.entry, 2);
        // From a scenario of its own, reset opens the first preset.
        let state = start().reduce(Load::PresetReset.into());
        assert_eq!(*state.scenario, first.scenario);
    }

    #[test]
    fn the_expected_effect_moves_a_range_that_no_longer_contains_it() {
        let edit = |v: &str| Action::intervention(0, InterventionEdit::ExpectedEffectChanged(d(v)));
        // The example: success rate 0.2 with the range 0.1..0.3 (0.1 below, 0.1 above).
        let state = after(vec![edit("0.5")]);
        assert!(state.errors.is_empty(), "{:?}", state.errors);
        let iv = &state.valid_scenario.interventions[0];
        assert_eq!(iv.success_rate, d("0.5"));
        let range = iv.uncertainty.as_ref().and_then(|u| u.success_rate);
        assert_eq!(range, Some(Range { low: d("0.4"), high: d("0.6") }));
        // Inside the range: the range stays.
        let state = after(vec![edit("0.25")]);
        let range = state.valid_scenario.interventions[0].uncertainty.as_ref().and_then(|u| u.success_rate);
        assert_eq!(range, Some(Range { low: d("0.1"), high: d("0.3") }));
        // Near the ends it is cut at 0 and 1: 0.95 → 0.85..1 (not 1.05).
        let state = after(vec![edit("0.95")]);
        let range = state.valid_scenario.interventions[0].uncertainty.as_ref().and_then(|u| u.success_rate);
        assert_eq!(range, Some(Range { low: d("0.85"), high: d("1") }));
        // Out of 0..1 it is refused like any success rate, naming the field; the range is untouched.
        let state = after(vec![edit("1.5")]);
        assert!(state.error_at("interventions[0].success_rate").is_some());
        assert_eq!(state.valid_scenario.interventions[0].success_rate, d("0.2"));
        let range = state.scenario.interventions[0].uncertainty.as_ref().and_then(|u| u.success_rate);
        assert_eq!(range, Some(Range { low: d("0.1"), high: d("0.3") }));
    }

    #[test]
    fn an_unknown_preset_is_refused() {
        let state = start().reduce(Load::PresetLoaded("no-such-preset".into()).into());
        assert_eq!(state.notice, Some(Notice::UnknownPreset("no-such-preset".into())));
        assert_eq!(*state.scenario, example_scenario());
    }
}
