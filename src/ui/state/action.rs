//! What can happen in the app, named for what happened, nested by what it
//! touches: a whole scenario [`Load`]ed, a [`Preference`] of the reader, an
//! [`Edit`] of the scenario (its general settings, fund, actors or
//! interventions), or news of the work [`Kept`] in this browser. The reducer matches every level without a wildcard, so a
//! new action does not compile until it is handled.
//!
//! Components build an action from its innermost part with `.into()`:
//! `FundEdit::InitialCapitalChanged(amount).into()`.

use rust_decimal::Decimal;

use super::file::FileRead;
use crate::model::{Accounting, Actor, Intervention, Range, RepaymentRule, Scenario};
use crate::words::format::Unit;
use crate::words::Lang;

/// Something that happened in the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// A whole scenario was asked for; it replaces the one being edited, or is
    /// refused with a notice.
    Load(Load),
    /// How the reader sees the app changed; the scenario stays as it is.
    Preference(Preference),
    /// The scenario being edited changed.
    Edit(Edit),
    /// The autosave, as it went.
    Kept(Kept),
}

/// A whole scenario was asked for.
#[derive(Debug, Clone, PartialEq)]
pub enum Load {
    /// A preset was chosen (by its id); an unknown id is refused with a notice.
    PresetLoaded(String),
    /// A whole scenario was loaded; refused with a notice when it breaks a rule.
    ScenarioLoaded(Box<Scenario>),
    /// Scenario JSON was pasted; refused with the engine's message when it cannot be read or breaks a rule.
    ScenarioPasted(String),
    /// A scenario file was opened (its name and what the browser read of
    /// it); refused when it is too large, not a scenario file, or the engine refuses it.
    FileOpened { name: String, read: FileRead },
    /// The browser went back or forward to this URL fragment (`preset=…`, `v=2&p=…`, `v=1&s=…`).
    LinkFollowed {
        fragment: String,
        /// Its scenario inflated by the browser (`None`: none, or damaged).
        inflated: Option<Vec<u8>>,
    },
    /// Back to the preset the scenario came from, unchanged (else the first preset).
    PresetReset,
    /// Open the scenario offered back (`AppState::displaced`).
    DisplacedRestored,
}

/// What happened to the work kept in this browser.
#[derive(Debug, Clone, PartialEq)]
pub enum Kept {
    /// A write of the autosave failed (`false`: storage full or turned off), or worked again.
    Saved(bool),
    /// The scenario offered back was discarded.
    DisplacedDiscarded,
}

/// How the reader sees the app: none of these touches the scenario.
#[derive(Debug, Clone, PartialEq)]
pub enum Preference {
    /// Swedish to English or back.
    LanguageSwitched,
    LanguageChosen(Lang),
    UnitChosen(Unit),
    NoticeDismissed,
}

/// An edit of the scenario, by the part of it edited.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    General(GeneralEdit),
    Fund(FundEdit),
    Actors(ActorsEdit),
    Interventions(InterventionsEdit),
    /// An intervention put under an outcome contract, changed or taken out (issue 15).
    Contract(ContractEdit),
}

/// An edit of the scenario's general settings.
#[derive(Debug, Clone, PartialEq)]
pub enum GeneralEdit {
    Renamed(String),
    DescriptionChanged(String),
    CurrencyChanged(String),
    StartYearChanged(i32),
    HorizonChanged(u32),
    DiscountRateChanged(Decimal),
}

/// An edit of the fund, or of the default rule by which it is repaid.
#[derive(Debug, Clone, PartialEq)]
pub enum FundEdit {
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
}

/// An edit of the actors.
#[derive(Debug, Clone, PartialEq)]
pub enum ActorsEdit {
    Added,
    Renamed {
        index: usize,
        name: String,
    },
    InsideChanged {
        index: usize,
        inside: bool,
    },
    /// Remove the actor with this id; refused with a notice when it is in use.
    Removed(String),
    /// A removed actor put back at its place (undo); ignored when its id is taken.
    Restored {
        index: usize,
        actor: Actor,
    },
    /// The actor's id changed; every reference to it (the fund's financer,
    /// owners, avoided-cost rows) follows. Ignored when
    /// [`id_problem`](super::id_problem) has one.
    IdChanged {
        index: usize,
        id: String,
    },
}

/// An edit of the list of interventions, or of one of them.
#[derive(Debug, Clone, PartialEq)]
pub enum InterventionsEdit {
    Added,
    Duplicated(usize),
    Removed(usize),
    /// A removed intervention put back at its place (undo); ignored when its id is taken.
    Restored {
        index: usize,
        intervention: Box<Intervention>,
    },
    Moved {
        from: usize,
        to: usize,
    },
    /// The intervention's id changed. Ignored when [`id_problem`](super::id_problem) has one.
    IdChanged {
        index: usize,
        id: String,
    },
    /// One field of the intervention at `index` changed.
    Edited {
        index: usize,
        edit: InterventionEdit,
    },
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
        match self {
            UncertainParam::SuccessRate | UncertainParam::Deadweight | UncertainParam::DropOff => true,
            UncertainParam::AnnualCost | UncertainParam::AvoidedCosts => false,
        }
    }
}

impl From<Load> for Action {
    fn from(load: Load) -> Action {
        Action::Load(load)
    }
}

impl From<Preference> for Action {
    fn from(preference: Preference) -> Action {
        Action::Preference(preference)
    }
}

impl From<Kept> for Action {
    fn from(kept: Kept) -> Action {
        Action::Kept(kept)
    }
}

impl From<Edit> for Action {
    fn from(edit: Edit) -> Action {
        Action::Edit(edit)
    }
}

impl From<GeneralEdit> for Action {
    fn from(edit: GeneralEdit) -> Action {
        Action::Edit(Edit::General(edit))
    }
}

impl From<FundEdit> for Action {
    fn from(edit: FundEdit) -> Action {
        Action::Edit(Edit::Fund(edit))
    }
}

impl From<ActorsEdit> for Action {
    fn from(edit: ActorsEdit) -> Action {
        Action::Edit(Edit::Actors(edit))
    }
}

impl From<InterventionsEdit> for Action {
    fn from(edit: InterventionsEdit) -> Action {
        Action::Edit(Edit::Interventions(edit))
    }
}

impl Action {
    /// One field of the intervention at `index` changed.
    pub fn intervention(index: usize, edit: InterventionEdit) -> Action {
        InterventionsEdit::Edited { index, edit }.into()
    }
}

// ------------------------------------------------------------ outcome contracts (issue 15)

/// An edit of the outcome contract of the intervention at `index`.
#[derive(Debug, Clone, PartialEq)]
pub enum ContractEdit {
    /// Put under a new contract: paid by its owner, a price that covers its
    /// cost per expected outcome, paid 2 years after the lag, no cap.
    Contracted(usize),
    /// The contract taken out: the intervention goes back to the fund.
    Uncontracted(usize),
    /// One field of its contract changed.
    Changed { index: usize, change: ContractChange },
}

/// A change to one field of a contract.
#[derive(Debug, Clone, PartialEq)]
pub enum ContractChange {
    PayerChosen(String),
    PriceChanged(Decimal),
    DelayChanged(u32),
    /// `None`: no cap.
    CapChanged(Option<Decimal>),
    /// A co-payer row added (the first actor that is neither the payer nor listed), at 20 %.
    CoPayerAdded,
    CoPayerChosen {
        row: usize,
        actor: String,
    },
    CoPayerShareChanged {
        row: usize,
        share: Decimal,
    },
    CoPayerRemoved(usize),
}

impl From<ContractEdit> for Action {
    fn from(edit: ContractEdit) -> Action {
        Action::Edit(Edit::Contract(edit))
    }
}
