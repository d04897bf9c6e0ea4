//! The contract's rules for a scenario, each refused with the field's path.
//!
//! [`validate`] stops at the first broken rule; [`validate_all`] lists every
//! one, so a form can show each message beside its field.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use super::error::{between, Echo, Problem};
use super::scenario::{Actor, Intervention, OutcomeContract, Range, RepaymentRule, Scenario, SCHEMA_VERSION};
use super::ScenarioError;

/// Most years a scenario may simulate.
pub const MAX_HORIZON_YEARS: u32 = 60;
/// Most actors in a scenario.
pub const MAX_ACTORS: usize = 50;
/// Most interventions in a scenario.
pub const MAX_INTERVENTIONS: usize = 200;
/// Earliest and latest accepted start year.
pub const START_YEARS: (i32, i32) = (1900, 2200);
/// Longest ids of actors and interventions, in characters.
pub const MAX_ID_CHARS: usize = 100;
/// Longest names (the scenario's, actors', interventions'), in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest description, in characters.
pub const MAX_DESCRIPTION_CHARS: usize = 20_000;
/// Longest currency label, in characters.
pub const MAX_CURRENCY_CHARS: usize = 12;

/// Checks every rule of the contract and returns the first broken one.
pub fn validate(scenario: &Scenario) -> Result<(), ScenarioError> {
    match validate_all(scenario).into_iter().next() {
        Some(error) => Err(error),
        None => Ok(()),
    }
}

/// Checks every rule of the contract and returns all broken ones, in field order.
pub fn validate_all(scenario: &Scenario) -> Vec<ScenarioError> {
    let mut check = Checker::default();
    check.scenario(scenario);
    check.errors
}

/// A scenario that keeps every rule of the contract. Only [`validated`] makes
/// one, and it borrows the scenario, which therefore cannot change while the
/// `Valid` is held: whoever takes one need not check the rules again
/// ([`Simulator::simulate_valid`](super::Simulator::simulate_valid)).
#[derive(Debug, Clone, Copy)]
pub struct Valid<'a> {
    scenario: &'a Scenario,
}

impl<'a> Valid<'a> {
    /// The scenario that was checked.
    pub fn scenario(self) -> &'a Scenario {
        self.scenario
    }
}

/// Checks every rule of the contract once: the scenario as [`Valid`], or
/// every broken rule in field order (never an empty list).
pub fn validated(scenario: &Scenario) -> Result<Valid<'_>, Vec<ScenarioError>> {
    let errors = validate_all(scenario);
    if errors.is_empty() {
        Ok(Valid { scenario })
    } else {
        Err(errors)
    }
}

/// Whether `text` has more than `max` characters (counted only as far as needed).
fn too_long(text: &str, max: usize) -> bool {
    text.len() > max && text.chars().nth(max).is_some()
}

fn join(base: &str, field: &str) -> String {
    if base.is_empty() {
        field.to_string()
    } else {
        format!("{base}.{field}")
    }
}

#[derive(Default)]
struct Checker<'a> {
    errors: Vec<ScenarioError>,
    /// Actors by id, for the many look-ups of avoided costs.
    actors: HashMap<&'a str, &'a Actor>,
}

impl<'a> Checker<'a> {
    fn fail(&mut self, path: impl Into<String>, problem: Problem) {
        self.errors.push(ScenarioError::new(path, problem));
    }

    // The checks below take the path as a base and a field, and join them
    // only when a rule is broken: a valid scenario allocates no paths.

    fn between(&mut self, base: &str, field: &str, value: Decimal, low: Decimal, high: Decimal) {
        if value < low || value > high {
            self.fail(join(base, field), Problem::Between { low, high });
        }
    }

    fn fraction(&mut self, base: &str, field: &str, value: Decimal) {
        self.between(base, field, value, Decimal::ZERO, Decimal::ONE);
    }

    fn not_negative(&mut self, base: &str, field: &str, value: Decimal) {
        if value.is_sign_negative() && !value.is_zero() {
            self.fail(join(base, field), Problem::Negative);
        }
    }

    fn count_between(&mut self, base: &str, field: &str, value: u32, low: u32, high: u32) {
        if value < low || value > high {
            self.fail(join(base, field), between(low, high));
        }
    }

    /// A text of at most `max` characters.
    fn not_longer(&mut self, base: &str, field: &str, text: &str, max: usize) {
        if too_long(text, max) {
            self.fail(join(base, field), Problem::TooLong { max });
        }
    }

    /// A non-empty id of at most [`MAX_ID_CHARS`] characters at `path`
    /// (made only when it is not one); true when it is one.
    fn id(&mut self, path: impl FnOnce() -> String, text: &str) -> bool {
        let problem = if text.trim().is_empty() {
            Problem::Empty
        } else if too_long(text, MAX_ID_CHARS) {
            Problem::TooLong { max: MAX_ID_CHARS }
        } else {
            return true;
        };
        self.fail(path(), problem);
        false
    }

    fn scenario(&mut self, s: &'a Scenario) {
        for actor in &s.actors {
            self.actors.entry(actor.id.as_str()).or_insert(actor);
        }
        if s.schema_version > SCHEMA_VERSION {
            self.fail(
                "schema_version",
                Problem::NewerVersion { found: u64::from(s.schema_version), reads: SCHEMA_VERSION },
            );
        } else if s.schema_version == 0 {
            self.fail("schema_version", Problem::OnlyVersion { reads: 1 });
        } else if s.schema_version < 2 && !s.outcome_contracts.is_empty() {
            self.fail("schema_version", Problem::ContractsNeedVersion2);
        }
        self.not_longer("", "name", &s.name, MAX_NAME_CHARS);
        self.not_longer("", "description", &s.description, MAX_DESCRIPTION_CHARS);
        if s.currency.trim().is_empty() {
            self.fail("currency", Problem::Empty);
        }
        self.not_longer("", "currency", &s.currency, MAX_CURRENCY_CHARS);
        if s.start_year < START_YEARS.0 || s.start_year > START_YEARS.1 {
            self.fail(
                "start_year",
                Problem::Between { low: Decimal::from(START_YEARS.0), high: Decimal::from(START_YEARS.1) },
            );
        }
        self.count_between("", "horizon_years", s.horizon_years, 1, MAX_HORIZON_YEARS);
        self.fraction("", "discount_rate", s.discount_rate);

        self.actors(s);
        self.fund(s);
        if let Some(rule) = &s.repayment_default {
            self.repayment_rule("repayment_default", rule);
        }
        self.interventions(s);
        self.outcome_contracts(s);
    }

    fn outcome_contracts(&mut self, s: &'a Scenario) {
        if s.outcome_contracts.len() > MAX_INTERVENTIONS {
            self.fail("outcome_contracts", Problem::TooManyInterventions { max: MAX_INTERVENTIONS });
        }
        let mut ids = HashSet::new();
        let mut contracted = HashSet::new();
        for (c, contract) in s.outcome_contracts.iter().enumerate() {
            let path = format!("outcome_contracts[{c}]");
            if self.id(|| format!("{path}.id"), &contract.id) && !ids.insert(contract.id.as_str()) {
                self.fail(format!("{path}.id"), Problem::UsedByAnotherContract(Echo::new(&contract.id)));
            }
            self.not_longer(&path, "name", &contract.name, MAX_NAME_CHARS);
            self.outcome_contract(s, &path, contract, &mut contracted);
        }
    }

    fn outcome_contract(
        &mut self,
        s: &'a Scenario,
        path: &str,
        c: &'a OutcomeContract,
        contracted: &mut HashSet<&'a str>,
    ) {
        let echo = Echo::new;
        if !s.interventions.iter().any(|iv| iv.id == c.intervention) {
            self.fail(format!("{path}.intervention"), Problem::NotAnIntervention(echo(&c.intervention)));
        } else if !contracted.insert(c.intervention.as_str()) {
            self.fail(format!("{path}.intervention"), Problem::AlreadyUnderContract(echo(&c.intervention)));
        }
        if !self.actors.contains_key(c.payer.as_str()) {
            self.fail(format!("{path}.payer"), Problem::NotAnActor(echo(&c.payer)));
        }
        let mut listed = HashSet::new();
        let mut sum = Decimal::ZERO;
        for (j, co) in c.co_payers.iter().enumerate() {
            let at = || format!("{path}.co_payers[{j}].actor");
            if !self.actors.contains_key(co.actor.as_str()) {
                self.fail(at(), Problem::NotAnActor(echo(&co.actor)));
            } else if co.actor == c.payer {
                self.fail(at(), Problem::CoPayerIsPayer(echo(&co.actor)));
            } else if !listed.insert(co.actor.as_str()) {
                self.fail(at(), Problem::ListedTwice(echo(&co.actor)));
            }
            self.fraction(&format!("{path}.co_payers[{j}]"), "share", co.share);
            sum = sum.checked_add(co.share).unwrap_or(Decimal::MAX);
        }
        if sum > Decimal::ONE && c.co_payers.iter().all(|co| co.share >= Decimal::ZERO && co.share <= Decimal::ONE) {
            self.fail(format!("{path}.co_payers"), Problem::SharesAboveOne { sum });
        }
        self.not_negative(path, "price_per_outcome", c.price_per_outcome);
        self.count_between(path, "pay_after_years", c.pay_after_years, 0, 60);
        if let Some(cap) = c.cap {
            self.not_negative(path, "cap", cap);
        }
    }

    fn actors(&mut self, s: &'a Scenario) {
        if s.actors.is_empty() || s.actors.len() > MAX_ACTORS {
            self.fail("actors", Problem::ActorCount { max: MAX_ACTORS });
        }
        let mut seen = HashSet::new();
        for (a, actor) in s.actors.iter().enumerate() {
            if self.id(|| format!("actors[{a}].id"), &actor.id) && !seen.insert(actor.id.as_str()) {
                self.fail(format!("actors[{a}].id"), Problem::UsedByAnotherActor(Echo::new(&actor.id)));
            }
            if too_long(&actor.name, MAX_NAME_CHARS) {
                self.fail(format!("actors[{a}].name"), Problem::TooLong { max: MAX_NAME_CHARS });
            }
        }
    }

    fn fund(&mut self, s: &'a Scenario) {
        if !self.actors.contains_key(s.fund.financed_by.as_str()) {
            self.fail("fund.financed_by", Problem::NotAnActor(Echo::new(&s.fund.financed_by)));
        }
        self.not_negative("fund", "initial_capital", s.fund.initial_capital);
        for (y, allocation) in s.fund.allocations.iter().enumerate() {
            if allocation.is_sign_negative() && !allocation.is_zero() {
                self.fail(format!("fund.allocations[{y}]"), Problem::Negative);
            }
        }
    }

    fn repayment_rule(&mut self, path: &str, rule: &RepaymentRule) {
        match rule {
            RepaymentRule::None => {}
            RepaymentRule::Fixed { share, years, start_after } => {
                self.between(path, "share", *share, Decimal::ZERO, Decimal::from(5));
                self.count_between(path, "years", *years, 1, 60);
                self.count_between(path, "start_after", *start_after, 0, 60);
            }
            RepaymentRule::SavingsShare { share, cap, start_after } => {
                self.fraction(path, "share", *share);
                if let Some(cap) = cap {
                    self.not_negative(path, "cap", *cap);
                }
                self.count_between(path, "start_after", *start_after, 0, 60);
            }
        }
    }

    fn interventions(&mut self, s: &'a Scenario) {
        if s.interventions.len() > MAX_INTERVENTIONS {
            self.fail("interventions", Problem::TooManyInterventions { max: MAX_INTERVENTIONS });
        }
        let mut seen = HashSet::new();
        for (i, intervention) in s.interventions.iter().enumerate() {
            let path = format!("interventions[{i}]");
            if self.id(|| format!("{path}.id"), &intervention.id) && !seen.insert(intervention.id.as_str()) {
                self.fail(format!("{path}.id"), Problem::UsedByAnotherIntervention(Echo::new(&intervention.id)));
            }
            self.not_longer(&path, "name", &intervention.name, MAX_NAME_CHARS);
            self.intervention(s, &path, intervention);
        }
    }

    fn intervention(&mut self, s: &'a Scenario, path: &str, iv: &'a Intervention) {
        let owner = self.actors.get(iv.owner.as_str()).copied();
        if owner.is_none() {
            self.fail(format!("{path}.owner"), Problem::NotAnActor(Echo::new(&iv.owner)));
        }
        if iv.years < 1 {
            self.fail(format!("{path}.years"), Problem::AtLeast { low: Decimal::ONE });
        }
        self.not_negative(path, "annual_cost", iv.annual_cost);
        self.fraction(path, "fund_share", iv.fund_share);
        self.not_negative(path, "participants_per_year", iv.participants_per_year);
        self.fraction(path, "success_rate", iv.success_rate);
        self.fraction(path, "deadweight", iv.deadweight);
        self.fraction(path, "drop_off", iv.drop_off);

        let mut listed = HashSet::new();
        for (j, avoided) in iv.avoided_costs.iter().enumerate() {
            if !self.actors.contains_key(avoided.actor.as_str()) {
                self.fail(format!("{path}.avoided_costs[{j}].actor"), Problem::NotAnActor(Echo::new(&avoided.actor)));
            } else if !listed.insert(avoided.actor.as_str()) {
                self.fail(format!("{path}.avoided_costs[{j}].actor"), Problem::ListedTwice(Echo::new(&avoided.actor)));
            }
        }

        if let Some(rule) = &iv.repayment {
            self.repayment_rule(&format!("{path}.repayment"), rule);
        }
        if let (RepaymentRule::Fixed { .. }, Some(owner)) = (s.repayment_rule(iv), owner) {
            if !owner.inside {
                // Only inside actors repay the fund (contract); a fixed rule makes the owner repay.
                let at = if iv.repayment.is_some() { format!("{path}.repayment") } else { format!("{path}.owner") };
                self.fail(at, Problem::OutsideCannotRepay { name: Echo::new(&owner.name) });
            }
        }

        if let Some(u) = &iv.uncertainty {
            let at = format!("{path}.uncertainty");
            self.value_range(&format!("{at}.success_rate"), u.success_rate, iv.success_rate);
            self.value_range(&format!("{at}.deadweight"), u.deadweight, iv.deadweight);
            self.value_range(&format!("{at}.drop_off"), u.drop_off, iv.drop_off);
            self.factor_range(&format!("{at}.annual_cost"), u.annual_cost);
            self.factor_range(&format!("{at}.avoided_costs"), u.avoided_costs);
        }
    }

    /// A range of a share: within 0..1 and containing the intervention's value.
    fn value_range(&mut self, path: &str, range: Option<Range>, value: Decimal) {
        let Some(r) = range else { return };
        if r.low < Decimal::ZERO || r.high > Decimal::ONE || r.low > r.high {
            self.fail(path, Problem::ShareRangeInvalid);
        } else if value < r.low || value > r.high {
            self.fail(path, Problem::RangeMissesValue { value });
        }
    }

    /// A factor range: `0 ≤ low ≤ 1 ≤ high`.
    fn factor_range(&mut self, path: &str, range: Option<Range>) {
        let Some(r) = range else { return };
        if r.low < Decimal::ZERO || r.low > Decimal::ONE || r.high < Decimal::ONE {
            self.fail(path, Problem::FactorRangeInvalid);
        }
    }
}
