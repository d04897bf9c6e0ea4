//! The pure fund engine: the contract of `shared/spec/model.md` as plain Rust.
//!
//! It knows nothing of the browser and does no I/O. A [`Scenario`] comes in
//! (from JSON or built in code), [`validate`](validate::validate) checks the
//! contract's rules, [`simulate`] computes an [`Outcome`], and serialising the
//! outcome gives the result JSON. No user input can make it panic: bad input
//! and amounts too large to compute are [`ScenarioError`]s naming the field.

pub mod contract;
pub mod decision;
pub mod error;
pub mod limits;
pub mod montecarlo;
pub mod outcome;
pub mod scenario;
pub mod simulate;
pub mod term;
pub mod validate;
pub mod yearly;

pub use error::{Echo, Problem, ScenarioError};
pub use outcome::{ActorOutcome, ActorYear, ContractOutcome, FundYear, InterventionOutcome, KeyFigures, Outcome};
pub use scenario::{
    Accounting, Actor, AvoidedCost, CoPayer, Fund, Intervention, OutcomeContract, Range, RepaymentRule, Scenario,
    Uncertainty,
};
pub use simulate::{simulate, Simulator};

/// The contract's `simulate`: scenario JSON in, result JSON out.
pub fn simulate_json(scenario_json: &str) -> Result<String, ScenarioError> {
    let scenario = Scenario::from_json(scenario_json)?;
    Ok(simulate(&scenario)?.to_json())
}
