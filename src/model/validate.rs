//! The contract's rules for a scenario, each refused with the field's path.
//!
//! [`validate`] stops at the first broken rule; [`validate_all`] lists every
//! one, so a form can show each message beside its field.

use std::collections::{HashMap, HashSet};

use rust_decimal::Decimal;

use super::scenario::{Actor, Intervention, Range, RepaymentRule, Scenario, SCHEMA_VERSION};
use super::{excerpt, ScenarioError};

/// Most years a scenario may simulate.
pub const MAX_HORIZON_YEARS: u32 = 60;
/// Most actors in a scenario.
pub const MAX_ACTORS: usize = 50;
/// Most interventions in a scenario.
pub const MAX_INTERVENTIONS: usize = 200;
/// Earliest and latest accepted start year.
pub const START_YEARS: (i32, i32) = (1900, 2200);

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
    fn fail(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.errors.push(ScenarioError::new(path, message));
    }

    // The checks below take the path as a base and a field, and join them
    // only when a rule is broken: a valid scenario allocates no paths.

    fn between(&mut self, base: &str, field: &str, value: Decimal, low: Decimal, high: Decimal) {
        if value < low || value > high {
            self.fail(join(base, field), format!("must be between {low} and {high}"));
        }
    }

    fn fraction(&mut self, base: &str, field: &str, value: Decimal) {
        self.between(base, field, value, Decimal::ZERO, Decimal::ONE);
    }

    fn not_negative(&mut self, base: &str, field: &str, value: Decimal) {
        if value.is_sign_negative() && !value.is_zero() {
            self.fail(join(base, field), "must not be negative");
        }
    }

    fn count_between(&mut self, base: &str, field: &str, value: u32, low: u32, high: u32) {
        if value < low || value > high {
            self.fail(join(base, field), format!("must be between {low} and {high}"));
        }
    }

    fn scenario(&mut self, s: &'a Scenario) {
        for actor in &s.actors {
            self.actors.entry(actor.id.as_str()).or_insert(actor);
        }
        if s.schema_version > SCHEMA_VERSION {
            self.fail(
                "schema_version",
                format!(
                    "made by a newer version of fundsim (scenario format {}; this version reads {SCHEMA_VERSION})",
                    s.schema_version
                ),
            );
        } else if s.schema_version != SCHEMA_VERSION {
            self.fail("schema_version", format!("must be {SCHEMA_VERSION}"));
        }
        if s.currency.trim().is_empty() {
            self.fail("currency", "must not be empty");
        }
        if s.start_year < START_YEARS.0 || s.start_year > START_YEARS.1 {
            self.fail("start_year", format!("must be between {} and {}", START_YEARS.0, START_YEARS.1));
        }
        self.count_between("", "horizon_years", s.horizon_years, 1, MAX_HORIZON_YEARS);
        self.fraction("", "discount_rate", s.discount_rate);

        self.actors(s);
        self.fund(s);
        if let Some(rule) = &s.repayment_default {
            self.repayment_rule("repayment_default", rule);
        }
        self.interventions(s);
    }

    fn actors(&mut self, s: &'a Scenario) {
        if s.actors.is_empty() || s.actors.len() > MAX_ACTORS {
            self.fail("actors", format!("must list between 1 and {MAX_ACTORS} actors"));
        }
        let mut seen = HashSet::new();
        for (a, actor) in s.actors.iter().enumerate() {
            if actor.id.trim().is_empty() {
                self.fail(format!("actors[{a}].id"), "must not be empty");
            } else if !seen.insert(actor.id.as_str()) {
                self.fail(format!("actors[{a}].id"), format!("\"{}\" is used by another actor", excerpt(&actor.id)));
            }
        }
    }

    fn fund(&mut self, s: &'a Scenario) {
        if !self.actors.contains_key(s.fund.financed_by.as_str()) {
            self.fail("fund.financed_by", format!("\"{}\" is not an actor", excerpt(&s.fund.financed_by)));
        }
        self.not_negative("fund", "initial_capital", s.fund.initial_capital);
        for (y, allocation) in s.fund.allocations.iter().enumerate() {
            if allocation.is_sign_negative() && !allocation.is_zero() {
                self.fail(format!("fund.allocations[{y}]"), "must not be negative");
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
            self.fail("interventions", format!("must list at most {MAX_INTERVENTIONS} interventions"));
        }
        let mut seen = HashSet::new();
        for (i, intervention) in s.interventions.iter().enumerate() {
            let path = format!("interventions[{i}]");
            if intervention.id.trim().is_empty() {
                self.fail(format!("{path}.id"), "must not be empty");
            } else if !seen.insert(intervention.id.as_str()) {
                self.fail(
                    format!("{path}.id"),
                    format!("\"{}\" is used by another intervention", excerpt(&intervention.id)),
                );
            }
            self.intervention(s, &path, intervention);
        }
    }

    fn intervention(&mut self, s: &'a Scenario, path: &str, iv: &'a Intervention) {
        let owner = self.actors.get(iv.owner.as_str()).copied();
        if owner.is_none() {
            self.fail(format!("{path}.owner"), format!("\"{}\" is not an actor", excerpt(&iv.owner)));
        }
        if iv.years < 1 {
            self.fail(format!("{path}.years"), "must be at least 1");
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
                self.fail(
                    format!("{path}.avoided_costs[{j}].actor"),
                    format!("\"{}\" is not an actor", excerpt(&avoided.actor)),
                );
            } else if !listed.insert(avoided.actor.as_str()) {
                self.fail(
                    format!("{path}.avoided_costs[{j}].actor"),
                    format!("\"{}\" is listed twice", excerpt(&avoided.actor)),
                );
            }
        }

        if let Some(rule) = &iv.repayment {
            self.repayment_rule(&format!("{path}.repayment"), rule);
        }
        if let (RepaymentRule::Fixed { .. }, Some(owner)) = (s.repayment_rule(iv), owner) {
            if !owner.inside {
                // Only inside actors repay the fund (contract); a fixed rule makes the owner repay.
                let at = if iv.repayment.is_some() { format!("{path}.repayment") } else { format!("{path}.owner") };
                self.fail(at, format!("\"{}\" is outside the organisation and cannot repay the fund in instalments; choose another rule or owner", excerpt(&owner.name)));
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
            self.fail(path, "low and high must lie between 0 and 1, low not above high");
        } else if value < r.low || value > r.high {
            self.fail(path, format!("must contain the intervention's value {value}"));
        }
    }

    /// A factor range: `0 ≤ low ≤ 1 ≤ high`.
    fn factor_range(&mut self, path: &str, range: Option<Range>) {
        let Some(r) = range else { return };
        if r.low < Decimal::ZERO || r.low > Decimal::ONE || r.high < Decimal::ONE {
            self.fail(path, "must have 0 ≤ low ≤ 1 ≤ high");
        }
    }
}
