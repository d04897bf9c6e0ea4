//! The one place that owns the scenario being edited.
//!
//! [`AppState`] is plain data: the scenario as the user has edited it (which
//! may break a rule), the engine's messages for it, and the outcome of the
//! last scenario that was valid. Components send an [`Action`] named for what
//! happened; [`AppState::reduce`] applies it, validates with the engine and
//! recomputes the outcome only when the scenario is valid, so the last valid
//! results stay on screen while a field is being fixed.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::Reducible;

use crate::model::montecarlo::{monte_carlo, Uncertainty};
use crate::model::validate::validate_all;
use crate::model::{
    simulate, Accounting, Actor, AvoidedCost, Fund, Intervention, Outcome, Range, RepaymentRule, Scenario,
    ScenarioError, Simulator,
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
    /// The autosaved scenario that a link in the address was opened over,
    /// offered back until the scenario is changed (then the autosave follows the change).
    pub displaced: Option<Rc<Scenario>>,
    /// The engine, remembering the interventions' flows between edits (an
    /// edit of the fund recomputes only the fund and the totals).
    pub simulator: Simulator,
}

/// An edit that was refused, and why.
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
    /// The autosaved scenario could not be read; it was moved aside to `aside_key`.
    StoredRefused { error: ScenarioError, aside_key: String },
    /// A scenario file could not be opened; the engine's message.
    FileRefused { name: String, error: ScenarioError },
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
}

/// Which uncertainty range of an intervention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UncertainParam {
    SuccessRate,
    Deadweight,
    DropOff,
    AnnualCost,
    AvoidedCosts,
}

impl UncertainParam {
    pub const ALL: [UncertainParam; 5] = [
        UncertainParam::SuccessRate,
        UncertainParam::Deadweight,
        UncertainParam::DropOff,
        UncertainParam::AnnualCost,
        UncertainParam::AvoidedCosts,
    ];

    /// The field's name in the scenario JSON.
    pub fn key(self) -> &'static str {
        match self {
            UncertainParam::SuccessRate => "success_rate",
            UncertainParam::Deadweight => "deadweight",
            UncertainParam::DropOff => "drop_off",
            UncertainParam::AnnualCost => "annual_cost",
            UncertainParam::AvoidedCosts => "avoided_costs",
        }
    }

    /// Whether the range is of a share (0..1) rather than a factor.
    pub fn is_share(self) -> bool {
        matches!(self, UncertainParam::SuccessRate | UncertainParam::Deadweight | UncertainParam::DropOff)
    }
}

/// A change to one field of one intervention.
#[derive(Debug, Clone, PartialEq)]
pub enum InterventionEdit {
    Renamed(String),
    OwnerChanged(String),
    StartChanged(u32),
    YearsChanged(u32),
    AnnualCostChanged(Decimal),
    FundShareChanged(Decimal),
    ParticipantsChanged(Decimal),
    SuccessRateChanged(Decimal),
    /// The expected effect (the success rate) changed from presentation mode:
    /// like [`InterventionEdit::SuccessRateChanged`], and a success-rate
    /// uncertainty range that no longer contains the value moves with it
    /// (keeping its distances below and above, within 0..1), so that a live
    /// "what if it works for 40 %?" is not refused on stage.
    ExpectedEffectChanged(Decimal),
    DeadweightChanged(Decimal),
    LagChanged(u32),
    BenefitYearsChanged(u32),
    DropOffChanged(Decimal),
    /// A row was added to the avoided-costs table (for the first actor not yet listed).
    AvoidedCostAdded,
    AvoidedCostActorChanged {
        row: usize,
        actor: String,
    },
    AvoidedCostAmountChanged {
        row: usize,
        per_year: Decimal,
    },
    AvoidedCostRemoved(usize),
    /// Its own repayment rule; `None` = follow the scenario's default.
    RepaymentChanged(Option<RepaymentRule>),
    UncertaintyChanged {
        param: UncertainParam,
        range: Option<Range>,
    },
}

/// Something that happened in the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    PresetLoaded(String),
    /// A whole scenario was loaded; refused with a notice when it breaks a rule.
    ScenarioLoaded(Box<Scenario>),
    /// Scenario JSON was pasted; refused with the engine's message when it cannot be read or breaks a rule.
    ScenarioPasted(String),
    /// A scenario file was opened (its name and text); refused with the engine's message.
    FileOpened {
        name: String,
        json: String,
    },
    /// The browser went back or forward to this URL fragment (`v=1&s=…`, `preset=…`).
    LinkFollowed {
        fragment: String,
        /// Its scenario inflated by the browser (`None`: none, or damaged).
        inflated: Option<Vec<u8>>,
    },
    /// Back to the preset the scenario came from, unchanged (else the first preset).
    PresetReset,
    /// Open the autosaved scenario that a link was opened over.
    DisplacedRestored,
    LanguageSwitched,
    LanguageChosen(Lang),
    UnitChosen(Unit),
    NoticeDismissed,

    Renamed(String),
    DescriptionChanged(String),
    CurrencyChanged(String),
    StartYearChanged(i32),
    HorizonChanged(u32),
    DiscountRateChanged(Decimal),

    FinancerChosen(String),
    AccountingChosen(Accounting),
    InitialCapitalChanged(Decimal),
    /// One year's allocation (year index) changed.
    AllocationChanged {
        year: usize,
        amount: Decimal,
    },
    /// "`amount` a year for `years` years": replaces every allocation.
    AllocationPlanned {
        amount: Decimal,
        years: usize,
    },
    /// The scenario's default repayment rule changed (`None` = no default: a grant).
    DefaultRepaymentChanged(Option<RepaymentRule>),

    ActorAdded,
    ActorRenamed {
        index: usize,
        name: String,
    },
    ActorInsideChanged {
        index: usize,
        inside: bool,
    },
    /// Remove the actor with this id; refused with a notice when it is in use.
    ActorRemoved(String),
    /// The actor's id changed; every reference to it (the fund's financer,
    /// owners, avoided-cost rows) follows. Ignored when [`id_problem`] has one.
    ActorIdChanged {
        index: usize,
        id: String,
    },
    /// The intervention's id changed. Ignored when [`id_problem`] has one.
    InterventionIdChanged {
        index: usize,
        id: String,
    },

    InterventionAdded,
    InterventionDuplicated(usize),
    InterventionRemoved(usize),
    InterventionMoved {
        from: usize,
        to: usize,
    },
    InterventionEdited {
        index: usize,
        edit: InterventionEdit,
    },
}

/// Draws of the Monte Carlo run behind the uncertainty figures: enough for
/// stable 5th and 95th percentiles, few enough to rerun on every keystroke.
pub const UNCERTAINTY_DRAWS: u32 = 400;
/// Its seed: the same scenario always shows the same figures.
pub const UNCERTAINTY_SEED: u64 = 2026;

/// The Monte Carlo run of a valid scenario, or `None` when it has no ranges
/// (or the run fails). The app runs it after an edit has rested (`app.rs`),
/// not in the reducer, so typing redraws the deterministic results at once.
pub fn uncertainty_of(scenario: &Scenario) -> Option<Rc<Uncertainty>> {
    let ranged =
        scenario.interventions.iter().any(|iv| iv.uncertainty.as_ref().is_some_and(|u| *u != Default::default()));
    if !ranged {
        return None;
    }
    monte_carlo(scenario, UNCERTAINTY_SEED, UNCERTAINTY_DRAWS).ok().map(Rc::new)
}

/// Most allocation years the "X a year for N years" shortcut writes.
const MAX_PLAN_YEARS: usize = crate::model::validate::MAX_HORIZON_YEARS as usize;

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
            simulator: Simulator::default(),
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
        AppState {
            valid_scenario: scenario.clone(),
            scenario,
            errors: Vec::new(),
            outcome: Rc::new(outcome),
            lang,
            unit: Unit::default(),
            preset_id: None,
            notice: None,
            generation: 0,
            entry: 0,
            displaced: None,
            simulator: Simulator::default(),
        }
    }

    /// The engine's message for the field at `path`, if any.
    pub fn error_at(&self, path: &str) -> Option<&ScenarioError> {
        self.errors.iter().find(|e| e.path == path)
    }

    /// Where the actor with this id is used.
    pub fn actor_uses(&self, id: &str) -> Vec<ActorUse> {
        let s = &self.scenario;
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

    /// Validates the edited scenario and recomputes the outcome when it is valid.
    fn revalidate(&mut self) {
        let mut errors = validate_all(&self.scenario);
        if errors.is_empty() {
            match self.simulator.simulate(&self.scenario) {
                Ok(outcome) => {
                    self.outcome = Rc::new(outcome);
                    self.valid_scenario = self.scenario.clone();
                }
                Err(e) => errors.push(e),
            }
        }
        self.errors = errors;
    }

    fn apply(&mut self, action: Action) {
        match action {
            Action::PresetLoaded(id) => match crate::presets::by_id(&id) {
                Some(preset) => {
                    self.scenario = Rc::new(preset.scenario);
                    self.preset_id = Some(id);
                    self.generation = self.generation.wrapping_add(1);
                    self.entry = self.entry.wrapping_add(1);
                }
                None => self.notice = Some(Notice::UnknownPreset(id)),
            },
            Action::PresetReset => {
                let id = self
                    .preset_id
                    .clone()
                    .filter(|id| crate::presets::by_id(id).is_some())
                    .or_else(|| crate::presets::all().first().map(|p| p.id.to_string()));
                match id {
                    Some(id) => self.apply(Action::PresetLoaded(id)),
                    None => {
                        self.scenario = Rc::new(example_scenario());
                        self.preset_id = None;
                        self.generation = self.generation.wrapping_add(1);
                        self.entry = self.entry.wrapping_add(1);
                    }
                }
            }
            Action::FileOpened { name, json } => {
                match Scenario::from_json(&json).and_then(|s| validate_all(&s).into_iter().next().map_or(Ok(s), Err)) {
                    Ok(scenario) => {
                        self.preset_id = crate::ui::keep::preset_of(&scenario);
                        self.scenario = Rc::new(scenario);
                        self.generation = self.generation.wrapping_add(1);
                        self.entry = self.entry.wrapping_add(1);
                    }
                    Err(error) => self.notice = Some(Notice::FileRefused { name, error }),
                }
            }
            Action::DisplacedRestored => {
                if let Some(scenario) = self.displaced.take() {
                    self.preset_id = crate::ui::keep::preset_of(&scenario);
                    self.scenario = scenario;
                    self.generation = self.generation.wrapping_add(1);
                    self.entry = self.entry.wrapping_add(1);
                }
            }
            Action::LinkFollowed { fragment, inflated } => {
                match crate::ui::keep::read_link(&fragment, inflated.as_deref()) {
                    Ok(request) => {
                        if let Some(lang) = crate::ui::keep::link_lang(&request) {
                            self.lang = lang;
                        }
                        if let Some(scenario) = request.scenario {
                            self.scenario = Rc::new(scenario);
                            self.preset_id = crate::ui::keep::known_preset(request.preset.as_deref());
                            self.generation = self.generation.wrapping_add(1);
                        } else if let Some(id) = request.preset {
                            match crate::presets::by_id(&id) {
                                Some(preset) => {
                                    self.scenario = Rc::new(preset.scenario);
                                    self.preset_id = Some(id);
                                    self.generation = self.generation.wrapping_add(1);
                                }
                                None => self.notice = Some(Notice::UnknownPreset(id)),
                            }
                        }
                    }
                    Err(e) => self.notice = Some(Notice::LinkRefused(e)),
                }
            }
            Action::ScenarioLoaded(scenario) => {
                let errors = validate_all(&scenario);
                match errors.into_iter().next() {
                    Some(first) => self.notice = Some(Notice::ScenarioRefused(first)),
                    None => {
                        self.scenario = Rc::from(scenario);
                        self.preset_id = None;
                        self.generation = self.generation.wrapping_add(1);
                        self.entry = self.entry.wrapping_add(1);
                    }
                }
            }
            Action::ScenarioPasted(json) => match Scenario::from_json(&json) {
                Ok(scenario) => self.apply(Action::ScenarioLoaded(Box::new(scenario))),
                Err(e) => self.notice = Some(Notice::ScenarioRefused(e)),
            },
            Action::LanguageSwitched => {
                self.lang = match self.lang {
                    Lang::Sv => Lang::En,
                    Lang::En => Lang::Sv,
                }
            }
            Action::LanguageChosen(lang) => self.lang = lang,
            Action::UnitChosen(unit) => self.unit = unit,
            Action::NoticeDismissed => self.notice = None,
            Action::ActorRemoved(id) => {
                let uses = self.actor_uses(&id);
                if let Some(index) = self.scenario.actors.iter().position(|a| a.id == id) {
                    if !uses.is_empty() {
                        let actor = self.scenario.actors[index].name.clone();
                        self.notice = Some(Notice::ActorInUse { actor, uses });
                    } else if self.scenario.actors.len() == 1 {
                        self.notice = Some(Notice::LastActor);
                    } else {
                        Rc::make_mut(&mut self.scenario).actors.remove(index);
                    }
                }
            }
            edit => self.edit(edit),
        }
    }

    /// An edit of the scenario itself; its copy is made here (the last valid
    /// scenario may share it), and only for an edit.
    fn edit(&mut self, action: Action) {
        let lang = self.lang;
        let s = Rc::make_mut(&mut self.scenario);
        match action {
            Action::Renamed(name) => s.name = name,
            Action::DescriptionChanged(text) => s.description = text,
            Action::CurrencyChanged(currency) => s.currency = currency,
            Action::StartYearChanged(year) => s.start_year = year,
            Action::HorizonChanged(years) => s.horizon_years = years,
            Action::DiscountRateChanged(rate) => s.discount_rate = rate,

            Action::FinancerChosen(id) => s.fund.financed_by = id,
            Action::AccountingChosen(accounting) => s.fund.accounting = accounting,
            Action::InitialCapitalChanged(amount) => s.fund.initial_capital = amount,
            Action::AllocationChanged { year, amount } => {
                // Only years within the horizon can be edited; earlier missing years are 0.
                if year < s.horizon_years as usize {
                    if s.fund.allocations.len() <= year {
                        s.fund.allocations.resize(year + 1, Decimal::ZERO);
                    }
                    s.fund.allocations[year] = amount;
                }
            }
            Action::AllocationPlanned { amount, years } => {
                s.fund.allocations = vec![amount; years.min(MAX_PLAN_YEARS)];
            }
            Action::DefaultRepaymentChanged(rule) => s.repayment_default = rule,

            Action::ActorAdded => {
                let id = fresh_id(s.actors.iter().map(|a| a.id.as_str()), "actor");
                let number = s.actors.len() + 1;
                let name = match lang {
                    Lang::Sv => format!("Ny aktör {number}"),
                    Lang::En => format!("New actor {number}"),
                };
                s.actors.push(Actor { id, name, inside: true });
            }
            Action::ActorRenamed { index, name } => {
                if let Some(actor) = s.actors.get_mut(index) {
                    actor.name = name;
                }
            }
            Action::ActorInsideChanged { index, inside } => {
                if let Some(actor) = s.actors.get_mut(index) {
                    actor.inside = inside;
                }
            }
            Action::ActorIdChanged { index, id } => {
                let id = id.trim().to_string();
                let ids: Vec<&str> = s.actors.iter().map(|a| a.id.as_str()).collect();
                if id_problem(&ids, index, &id).is_none() {
                    if let Some(actor) = s.actors.get_mut(index) {
                        let old = std::mem::replace(&mut actor.id, id.clone());
                        rename_actor_references(s, &old, &id);
                    }
                }
            }
            Action::InterventionIdChanged { index, id } => {
                let id = id.trim().to_string();
                let ids: Vec<&str> = s.interventions.iter().map(|i| i.id.as_str()).collect();
                if id_problem(&ids, index, &id).is_none() {
                    if let Some(iv) = s.interventions.get_mut(index) {
                        iv.id = id;
                    }
                }
            }
            Action::InterventionAdded => {
                let intervention = new_intervention(s, lang);
                s.interventions.push(intervention);
            }
            Action::InterventionDuplicated(index) => {
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
            Action::InterventionRemoved(index) => {
                if index < s.interventions.len() {
                    s.interventions.remove(index);
                }
            }
            Action::InterventionMoved { from, to } => {
                if from < s.interventions.len() && to < s.interventions.len() && from != to {
                    let moved = s.interventions.remove(from);
                    s.interventions.insert(to, moved);
                }
            }
            Action::InterventionEdited { index, edit } => {
                let actors: Vec<String> = s.actors.iter().map(|a| a.id.clone()).collect();
                if let Some(iv) = s.interventions.get_mut(index) {
                    edit_intervention(iv, edit, &actors);
                }
            }
            // Loads, language, unit and notices are applied by `apply`.
            _ => {}
        }
    }
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        let changes_scenario = !matches!(
            action,
            Action::LanguageSwitched | Action::LanguageChosen(_) | Action::UnitChosen(_) | Action::NoticeDismissed
        );
        if changes_scenario {
            next.notice = None;
        }
        next.apply(action);
        if changes_scenario && next.scenario != self.scenario {
            next.revalidate();
            // The autosave now follows this scenario: the displaced one is no longer offered.
            next.displaced = None;
        }
        Rc::new(next)
    }
}

/// Why `new` cannot be the id of item `index` among `ids` (actors' or
/// interventions'): empty, or held by another item (its index). Surrounding
/// spaces are not part of an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdProblem {
    Empty,
    TakenBy(usize),
}

/// The check behind [`Action::ActorIdChanged`] and
/// [`Action::InterventionIdChanged`]; the id field shows it at the field.
pub fn id_problem(ids: &[&str], index: usize, new: &str) -> Option<IdProblem> {
    let new = new.trim();
    if new.is_empty() {
        return Some(IdProblem::Empty);
    }
    ids.iter().enumerate().find(|(i, id)| *i != index && **id == new).map(|(i, _)| IdProblem::TakenBy(i))
}

/// Points every reference to actor `old` at `new`: the fund's financer,
/// intervention owners and avoided-cost rows.
fn rename_actor_references(s: &mut Scenario, old: &str, new: &str) {
    if s.fund.financed_by == old {
        s.fund.financed_by = new.to_string();
    }
    for iv in &mut s.interventions {
        if iv.owner == old {
            iv.owner = new.to_string();
        }
        for row in iv.avoided_costs.iter_mut().filter(|r| r.actor == old) {
            row.actor = new.to_string();
        }
    }
}

fn edit_intervention(iv: &mut Intervention, edit: InterventionEdit, actors: &[String]) {
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

/// `base`, or `base-2`, `base-3`, … : the first not among `taken`.
fn fresh_id<'a>(taken: impl Iterator<Item = &'a str> + Clone, base: &str) -> String {
    let base = base.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-');
    let base = if base.is_empty() { "id" } else { base };
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken.clone().any(|t| t == candidate))
        .unwrap_or_else(|| base.to_string())
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

/// The contract's example scenario: the app's fallback while no presets are available.
pub fn example_scenario() -> Scenario {
    let actor = |id: &str, name: &str, inside| Actor { id: id.into(), name: name.into(), inside };
    let d = |units: i64, scale: u32| Decimal::new(units, scale);
    Scenario {
        schema_version: crate::model::scenario::SCHEMA_VERSION,
        name: "Tidiga insatser för barn och unga".into(),
        description: String::new(),
        currency: "SEK".into(),
        start_year: 2026,
        horizon_years: 15,
        discount_rate: d(35, 3),
        actors: vec![
            actor("central", "Regionstyrelsen", true),
            actor("school", "Utbildningsförvaltningen", true),
            actor("social", "Socialförvaltningen", true),
            actor("state", "Staten", false),
        ],
        fund: Fund {
            financed_by: "central".into(),
            accounting: Accounting::Appropriation,
            initial_capital: Decimal::ZERO,
            allocations: vec![Decimal::from(10_000_000); 3],
        },
        repayment_default: Some(RepaymentRule::SavingsShare {
            share: d(5, 1),
            cap: Some(Decimal::ONE),
            start_after: 0,
        }),
        interventions: vec![Intervention {
            id: "early-reading".into(),
            name: "Läsfrämjande i förskoleklass".into(),
            owner: "school".into(),
            start: 0,
            years: 3,
            annual_cost: Decimal::from(2_500_000),
            fund_share: Decimal::ONE,
            participants_per_year: Decimal::from(60),
            success_rate: d(2, 1),
            deadweight: d(25, 2),
            lag_years: 2,
            benefit_years: 10,
            drop_off: d(1, 1),
            avoided_costs: vec![
                AvoidedCost { actor: "social".into(), per_year: Decimal::from(90_000) },
                AvoidedCost { actor: "state".into(), per_year: Decimal::from(60_000) },
            ],
            repayment: Some(RepaymentRule::Fixed { share: Decimal::ONE, years: 5, start_after: 0 }),
            uncertainty: Some(crate::model::Uncertainty {
                success_rate: Some(Range { low: d(1, 1), high: d(3, 1) }),
                ..Default::default()
            }),
        }],
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn start() -> Rc<AppState> {
        Rc::new(AppState::built_in(Lang::Sv))
    }

    fn after(actions: Vec<Action>) -> Rc<AppState> {
        actions.into_iter().fold(start(), |state, action| state.reduce(action))
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
        let state = before.clone().reduce(Action::AllocationChanged { year: 5, amount: d("2000000") });
        assert_eq!(state.scenario.fund.allocations.len(), 6);
        assert_eq!(state.scenario.fund.allocations[4], Decimal::ZERO);
        assert_eq!(state.scenario.fund.allocations[5], d("2000000"));
        assert_eq!(state.outcome.fund[5].allocation, d("2000000"));
        assert_ne!(state.outcome, before.outcome);
        // A year past the horizon is ignored.
        let state = state.reduce(Action::AllocationChanged { year: 40, amount: d("1") });
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
            let state = before.clone().reduce(Action::ActorIdChanged { index, id: format!("  renamed-{old} ") });
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
            let state = before.clone().reduce(Action::ActorIdChanged { index: 1, id: id.to_string() });
            assert_eq!(state.scenario, before.scenario, "{id:?} is refused");
        }
    }

    #[test]
    fn an_intervention_id_changes_and_a_taken_one_is_refused() {
        let state = after(vec![Action::InterventionAdded]);
        let first = state.scenario.interventions[0].id.clone();
        let renamed = state.clone().reduce(Action::InterventionIdChanged { index: 1, id: "new-id".into() });
        assert_eq!(renamed.scenario.interventions[1].id, "new-id");
        assert!(renamed.outcome.interventions.iter().any(|i| i.id == "new-id"));
        let refused = state.clone().reduce(Action::InterventionIdChanged { index: 1, id: first });
        assert_eq!(refused.scenario, state.scenario);
    }

    #[test]
    fn allocation_planned_replaces_every_year() {
        let state = after(vec![Action::AllocationPlanned { amount: d("5000000"), years: 4 }]);
        assert_eq!(state.scenario.fund.allocations, vec![d("5000000"); 4]);
        assert_eq!(state.outcome.fund[3].allocation, d("5000000"));
        assert_eq!(state.outcome.fund[4].allocation, Decimal::ZERO);
    }

    #[test]
    fn invalid_edit_keeps_the_last_valid_outcome_and_names_the_field() {
        let valid = after(vec![Action::DiscountRateChanged(d("0.05"))]);
        let state = valid
            .clone()
            .reduce(Action::InterventionEdited { index: 0, edit: InterventionEdit::SuccessRateChanged(d("1.5")) });
        assert_eq!(state.scenario.interventions[0].success_rate, d("1.5"));
        assert_eq!(state.outcome, valid.outcome);
        assert_eq!(state.valid_scenario, valid.valid_scenario);
        let error = state.error_at("interventions[0].success_rate").expect("message at the field");
        assert_eq!(error.problem, crate::model::Problem::Between { low: Decimal::ZERO, high: Decimal::ONE });
        // Fixing it recomputes and clears the message.
        let fixed =
            state.reduce(Action::InterventionEdited { index: 0, edit: InterventionEdit::SuccessRateChanged(d("0.3")) });
        assert!(fixed.errors.is_empty());
        assert_eq!(fixed.valid_scenario.interventions[0].success_rate, d("0.3"));
    }

    #[test]
    fn removing_an_actor_in_use_is_refused_naming_where() {
        let before = start();
        let state = before.clone().reduce(Action::ActorRemoved("school".into()));
        assert_eq!(state.scenario, before.scenario);
        match &state.notice {
            Some(Notice::ActorInUse { actor, uses }) => {
                assert_eq!(actor, "Utbildningsförvaltningen");
                assert_eq!(uses, &vec![ActorUse::Owns("Läsfrämjande i förskoleklass".into())]);
            }
            other => panic!("expected a notice, got {other:?}"),
        }
        let state = before.reduce(Action::ActorRemoved("central".into()));
        assert_eq!(
            state.notice,
            Some(Notice::ActorInUse { actor: "Regionstyrelsen".into(), uses: vec![ActorUse::FinancesFund] })
        );
    }

    #[test]
    fn actors_are_added_renamed_marked_and_removed() {
        let state = after(vec![
            Action::ActorAdded,
            Action::ActorRenamed { index: 4, name: "Regionen".into() },
            Action::ActorInsideChanged { index: 4, inside: false },
        ]);
        let added = &state.scenario.actors[4];
        assert_eq!((added.name.as_str(), added.inside), ("Regionen", false));
        assert!(state.errors.is_empty());
        assert_eq!(state.outcome.actors.len(), 5);
        let id = added.id.clone();
        let state = state.reduce(Action::ActorRemoved(id));
        assert_eq!(state.scenario.actors.len(), 4);
        assert_eq!(state.notice, None);
    }

    #[test]
    fn interventions_are_added_duplicated_moved_and_removed() {
        let state = after(vec![Action::InterventionAdded]);
        assert_eq!(state.scenario.interventions.len(), 2);
        assert!(state.errors.is_empty(), "{:?}", state.errors);
        let state = state.reduce(Action::InterventionDuplicated(0));
        assert_eq!(state.scenario.interventions.len(), 3);
        assert_eq!(state.scenario.interventions[1].annual_cost, state.scenario.interventions[0].annual_cost);
        assert_ne!(state.scenario.interventions[1].id, state.scenario.interventions[0].id);
        assert!(state.errors.is_empty(), "{:?}", state.errors);
        let first = state.scenario.interventions[0].id.clone();
        let state = state.reduce(Action::InterventionMoved { from: 0, to: 2 });
        assert_eq!(state.scenario.interventions[2].id, first);
        let state = state.reduce(Action::InterventionRemoved(2));
        assert_eq!(state.scenario.interventions.len(), 2);
        assert!(state.scenario.interventions.iter().all(|i| i.id != first));
        assert_eq!(state.outcome.interventions.len(), 2);
    }

    #[test]
    fn avoided_costs_rows_are_edited() {
        let edit = |edit| Action::InterventionEdited { index: 0, edit };
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
            Action::DefaultRepaymentChanged(Some(RepaymentRule::None)),
            Action::InterventionEdited { index: 0, edit: InterventionEdit::RepaymentChanged(Some(rule.clone())) },
        ]);
        assert_eq!(state.scenario.interventions[0].repayment, Some(rule));
        assert_eq!(state.outcome.interventions[0].outstanding, None);
        let state = state.reduce(Action::InterventionEdited {
            index: 0,
            edit: InterventionEdit::UncertaintyChanged { param: UncertainParam::SuccessRate, range: None },
        });
        assert_eq!(state.scenario.interventions[0].uncertainty, None);
    }

    #[test]
    fn language_and_unit_do_not_touch_the_scenario() {
        let before = start();
        let state = before.clone().reduce(Action::LanguageSwitched).reduce(Action::UnitChosen(Unit::Million));
        assert_eq!(state.lang, Lang::En);
        assert_eq!(state.unit, Unit::Million);
        assert_eq!(state.scenario, before.scenario);
        assert!(Rc::ptr_eq(&state.outcome, &before.outcome));
    }

    #[test]
    fn general_settings_change() {
        let state = after(vec![
            Action::HorizonChanged(20),
            Action::StartYearChanged(2027),
            Action::CurrencyChanged("EUR".into()),
            Action::AccountingChosen(Accounting::EarmarkedEquity),
            Action::InitialCapitalChanged(d("1000000")),
            Action::FinancerChosen("social".into()),
        ]);
        assert_eq!(state.outcome.years.first(), Some(&2027));
        assert_eq!(state.outcome.years.len(), 20);
        assert_eq!(state.outcome.fund[0].open, d("1000000"));
        assert!(state.errors.is_empty());
        let state = state.reduce(Action::HorizonChanged(0));
        assert!(state.error_at("horizon_years").is_some());
        assert_eq!(state.outcome.years.len(), 20);
    }

    #[test]
    fn a_refused_scenario_leaves_the_state_as_it_was() {
        let before = start();
        let mut broken = example_scenario();
        broken.discount_rate = d("2");
        let state = before.clone().reduce(Action::ScenarioLoaded(Box::new(broken)));
        assert_eq!(state.scenario, before.scenario);
        assert!(matches!(&state.notice, Some(Notice::ScenarioRefused(e)) if e.path == "discount_rate"));
    }

    #[test]
    fn pasted_json_is_loaded_or_refused_with_the_engine_message() {
        let mut other = example_scenario();
        other.name = "Annat".into();
        let state = start().reduce(Action::ScenarioPasted(other.to_json()));
        assert_eq!(state.scenario.name, "Annat");
        assert_eq!(state.generation, 1);
        let state = state.reduce(Action::ScenarioPasted("{ not json".into()));
        assert_eq!(state.scenario.name, "Annat");
        assert!(matches!(&state.notice, Some(Notice::ScenarioRefused(e)) if e.to_string().contains("not valid JSON")));
    }

    #[test]
    fn uncertainty_follows_the_ranges() {
        let state = start();
        let u = uncertainty_of(&state.valid_scenario).expect("the example has a success-rate range");
        assert_eq!(u.draws, UNCERTAINTY_DRAWS);
        assert!(u.org_npv.p5 <= u.org_npv.p50 && u.org_npv.p50 <= u.org_npv.p95);
        let state = state.reduce(Action::InterventionEdited {
            index: 0,
            edit: InterventionEdit::UncertaintyChanged { param: UncertainParam::SuccessRate, range: None },
        });
        assert_eq!(uncertainty_of(&state.valid_scenario), None);
    }

    #[test]
    fn a_file_is_opened_or_refused_with_the_engine_message() {
        let mut other = example_scenario();
        other.name = "Från fil".into();
        let state = start().reduce(Action::FileOpened { name: "a.json".into(), json: other.to_json() });
        assert_eq!(state.scenario.name, "Från fil");
        assert_eq!((state.generation, state.entry), (1, 1));
        assert_eq!(state.notice, None);
        // A file that breaks a rule is refused naming the field; the scenario stays.
        let mut broken = other.clone();
        broken.interventions[0].success_rate = d("1.5");
        let refused = state.clone().reduce(Action::FileOpened { name: "b.json".into(), json: broken.to_json() });
        assert_eq!(refused.scenario, state.scenario);
        assert_eq!(refused.outcome, state.outcome);
        assert_eq!(refused.entry, 1);
        match &refused.notice {
            Some(Notice::FileRefused { name, error }) => {
                assert_eq!(name, "b.json");
                assert_eq!(error.path, "interventions[0].success_rate");
            }
            other => panic!("expected a file notice, got {other:?}"),
        }
        let unreadable = state.clone().reduce(Action::FileOpened { name: "c.json".into(), json: String::new() });
        assert!(matches!(&unreadable.notice, Some(Notice::FileRefused { .. })));
        assert_eq!(unreadable.scenario, state.scenario);
    }

    /// Following `fragment`, its scenario inflated as the browser would (here by miniz_oxide).
    fn followed(fragment: &str) -> Action {
        let inflated = crate::share::link::unpack_fragment(fragment)
            .ok()
            .and_then(|link| link.packed)
            .and_then(|packed| miniz_oxide::inflate::decompress_to_vec(&packed).ok());
        Action::LinkFollowed { fragment: fragment.to_string(), inflated }
    }

    #[test]
    fn following_a_link_loads_it_without_a_new_history_entry() {
        let mut other = example_scenario();
        other.discount_rate = d("0.05");
        let fragment = crate::ui::keep::share_fragment(&other, None, Lang::En);
        let state = start().reduce(followed(&fragment));
        assert_eq!(*state.scenario, other);
        assert_eq!(*state.valid_scenario, other);
        assert_eq!(state.lang, Lang::En);
        assert_eq!((state.generation, state.entry), (1, 0));
        // A damaged link keeps the scenario and says why.
        let damaged = state.clone().reduce(followed("v=1&s=garbage"));
        assert_eq!(*damaged.scenario, other);
        assert!(matches!(&damaged.notice, Some(Notice::LinkRefused(e)) if e.path == "link.s"));
    }

    #[test]
    fn presets_files_and_resets_count_history_entries() {
        let Some(first) = crate::presets::all().into_iter().next() else { return };
        let state = start().reduce(Action::PresetLoaded(first.id.to_string()));
        assert_eq!(state.entry, 1);
        let state = state.reduce(Action::DiscountRateChanged(d("0.05")));
        assert_eq!(state.entry, 1, "an edit is not an entry of its own");
        let state = state.reduce(Action::PresetReset);
        assert_eq!(*state.scenario, first.scenario);
        assert_eq!(state.preset_id.as_deref(), Some(first.id));
        assert_eq!(state.entry, 2);
        // From a scenario of its own, reset opens the first preset.
        let state = start().reduce(Action::PresetReset);
        assert_eq!(*state.scenario, first.scenario);
    }

    #[test]
    fn the_expected_effect_moves_a_range_that_no_longer_contains_it() {
        let edit =
            |v: &str| Action::InterventionEdited { index: 0, edit: InterventionEdit::ExpectedEffectChanged(d(v)) };
        // The example: success rate 0.2 with the range 0.1..0.3 (0.1 below, 0.1 above).
        let state = after(vec![edit("0.5")]);
        assert!(state.errors.is_empty(), "{:?}", state.errors);
        let iv = &state.valid_scenario.interventions[0];
        assert_eq!(iv.success_rate, d("0.5"));
        let range = iv.uncertainty.as_ref().and_then(|u| u.success_rate.clone());
        assert_eq!(range, Some(Range { low: d("0.4"), high: d("0.6") }));
        // Inside the range: the range stays.
        let state = after(vec![edit("0.25")]);
        let range = state.valid_scenario.interventions[0].uncertainty.as_ref().and_then(|u| u.success_rate.clone());
        assert_eq!(range, Some(Range { low: d("0.1"), high: d("0.3") }));
        // Near the ends it is cut at 0 and 1: 0.95 → 0.85..1 (not 1.05).
        let state = after(vec![edit("0.95")]);
        let range = state.valid_scenario.interventions[0].uncertainty.as_ref().and_then(|u| u.success_rate.clone());
        assert_eq!(range, Some(Range { low: d("0.85"), high: d("1") }));
        // Out of 0..1 it is refused like any success rate, naming the field; the range is untouched.
        let state = after(vec![edit("1.5")]);
        assert!(state.error_at("interventions[0].success_rate").is_some());
        assert_eq!(state.valid_scenario.interventions[0].success_rate, d("0.2"));
        let range = state.scenario.interventions[0].uncertainty.as_ref().and_then(|u| u.success_rate.clone());
        assert_eq!(range, Some(Range { low: d("0.1"), high: d("0.3") }));
    }

    #[test]
    fn an_unknown_preset_is_refused() {
        let state = start().reduce(Action::PresetLoaded("no-such-preset".into()));
        assert_eq!(state.notice, Some(Notice::UnknownPreset("no-such-preset".into())));
        assert_eq!(*state.scenario, example_scenario());
    }
}
