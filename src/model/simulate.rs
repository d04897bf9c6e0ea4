//! The deterministic calculation of the contract, from a valid scenario to an
//! [`Outcome`].
//!
//! Each quantity of the contract has its own function (`cohort_profile`,
//! `repay_fixed`, `repay_savings_share`, …). Every loop runs over the horizon
//! (at most 60 years) or over validated lists, never over a number the user
//! typed, and all arithmetic on money is checked: an amount too large to
//! compute is an error naming the intervention, never a panic.

use rust_decimal::Decimal;

use super::contract::{contract_flows, present_value_at, ContractFlows};
use super::outcome::{ActorOutcome, ActorYear, ContractOutcome, FundYear, InterventionOutcome, KeyFigures, Outcome};
use super::scenario::{Accounting, Intervention, OutcomeContract, RepaymentRule, Scenario};
use super::validate::{validate, Valid};
use super::{Problem, ScenarioError};

/// Runs the contract's calculation on a scenario, after validating it.
pub fn simulate(scenario: &Scenario) -> Result<Outcome, ScenarioError> {
    validate(scenario)?;
    Simulation::new(scenario).run()
}

/// `None` from checked arithmetic: some amount does not fit in a decimal.
pub(crate) type Checked<T> = Option<T>;

// Decimal arithmetic, checked, each in one place: rust_decimal's operations
// are large, and inlined at every call they would weigh down the download.
#[inline(never)]
pub(crate) fn add(a: Decimal, b: Decimal) -> Checked<Decimal> {
    a.checked_add(b)
}
#[inline(never)]
pub(crate) fn sub(a: Decimal, b: Decimal) -> Checked<Decimal> {
    a.checked_sub(b)
}
#[inline(never)]
pub(crate) fn mul(a: Decimal, b: Decimal) -> Checked<Decimal> {
    a.checked_mul(b)
}
#[inline(never)]
pub(crate) fn div(a: Decimal, b: Decimal) -> Checked<Decimal> {
    a.checked_div(b)
}
fn add_into(target: &mut Decimal, amount: Decimal) -> Checked<()> {
    *target = add(*target, amount)?;
    Some(())
}

fn too_large(path: impl Into<String>) -> ScenarioError {
    ScenarioError::new(path, Problem::TooLargeToCompute)
}

/// Year-indexed flows of one actor, summed over interventions.
#[derive(Clone)]
struct ActorFlows {
    savings: Vec<Decimal>,
    co_financing: Vec<Decimal>,
    repayment: Vec<Decimal>,
    grants_received: Vec<Decimal>,
    /// Outcome payments under contracts (all zero without contracts).
    outcome_payments: Vec<Decimal>,
}

impl ActorFlows {
    fn zero(years: usize) -> Self {
        let z = vec![Decimal::ZERO; years];
        ActorFlows {
            savings: z.clone(),
            co_financing: z.clone(),
            repayment: z.clone(),
            grants_received: z.clone(),
            outcome_payments: z,
        }
    }
}

/// What all the interventions give, year by year: every figure of a
/// simulation that the fund, the discount rate and the start year do not
/// change.
#[derive(Clone)]
struct Flows {
    /// Per actor, in the scenario's order.
    actors: Vec<ActorFlows>,
    /// Intervention costs per year (all interventions).
    costs: Vec<Decimal>,
    /// Costs per year of the interventions not under an outcome contract
    /// (the organisation's; an investor pays the others).
    org_costs: Vec<Decimal>,
    /// Per outcome contract, in the scenario's order.
    contracts: Vec<ContractFlows>,
    /// Grants paid by the fund per year.
    grants: Vec<Decimal>,
    /// Repayments received by the fund per year.
    repayments: Vec<Decimal>,
    interventions: Vec<InterventionOutcome>,
}

struct Simulation<'a> {
    scenario: &'a Scenario,
    /// Index of each actor id in the scenario's list.
    actor_indices: std::collections::HashMap<&'a str, usize>,
    years: usize,
    flows: Flows,
}

/// Simulates one scenario after another, as an editor does, and reuses the
/// interventions' flows while the interventions, the actors, the default
/// repayment rule and the horizon are unchanged: an edit of the fund (its
/// allocations, capital, accounting or financer), the discount rate or the
/// start year then recomputes only the fund and the totals. The outcome is
/// always the one [`simulate`] gives for the same scenario.
#[derive(Clone, Default)]
pub struct Simulator {
    last: Option<std::rc::Rc<Remembered>>,
}

/// The interventions' flows and everything they were computed from.
struct Remembered {
    horizon_years: u32,
    actors: Vec<super::scenario::Actor>,
    interventions: Vec<Intervention>,
    repayment_default: Option<RepaymentRule>,
    outcome_contracts: Vec<OutcomeContract>,
    flows: Flows,
}

impl Remembered {
    fn serves(&self, s: &Scenario) -> bool {
        self.horizon_years == s.horizon_years
            && self.repayment_default == s.repayment_default
            && self.actors == s.actors
            && self.interventions == s.interventions
            && self.outcome_contracts == s.outcome_contracts
    }
}

impl Simulator {
    /// [`simulate`], reusing the previous scenario's intervention flows where they still hold.
    pub fn simulate(&mut self, scenario: &Scenario) -> Result<Outcome, ScenarioError> {
        validate(scenario)?;
        self.run(scenario)
    }

    /// [`Simulator::simulate`] for a scenario already validated, which is not
    /// checked again (an editor has just listed its broken rules, or none).
    pub fn simulate_valid(&mut self, scenario: Valid<'_>) -> Result<Outcome, ScenarioError> {
        self.run(scenario.scenario())
    }

    /// The calculation of a scenario that keeps every rule.
    fn run(&mut self, scenario: &Scenario) -> Result<Outcome, ScenarioError> {
        let remembered = match self.last.as_ref().filter(|last| last.serves(scenario)) {
            Some(last) => last.clone(),
            None => {
                let remembered = std::rc::Rc::new(Remembered {
                    horizon_years: scenario.horizon_years,
                    actors: scenario.actors.clone(),
                    interventions: scenario.interventions.clone(),
                    repayment_default: scenario.repayment_default.clone(),
                    outcome_contracts: scenario.outcome_contracts.clone(),
                    flows: Simulation::new(scenario).flows()?,
                });
                self.last = Some(remembered.clone());
                remembered
            }
        };
        let flows = &remembered.flows;
        totals(scenario, flows, flows.interventions.clone()).ok_or_else(|| too_large("interventions"))
    }
}

impl std::fmt::Debug for Simulator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Simulator")
    }
}

/// A simulator is a memo, not part of what it simulates: any two are alike.
impl PartialEq for Simulator {
    fn eq(&self, _: &Simulator) -> bool {
        true
    }
}

/// What one intervention gives, before it is added to the totals.
struct InterventionFlows {
    running: std::ops::Range<usize>,
    grant: Decimal,
    co_financing: Decimal,
    total_grant: Decimal,
    /// Effective successes per year: each actor saves its avoided cost times this.
    profile: Vec<Decimal>,
    /// The years in which `profile` is not zero.
    benefit: std::ops::Range<usize>,
    /// Σ of `profile` over the horizon.
    profile_total: Decimal,
    /// Avoided cost per success-year of each listed actor (index into the scenario's actors).
    avoided: Vec<(usize, Decimal)>,
    /// Repayments per paying actor and year.
    repayments: Vec<(usize, Vec<Decimal>)>,
    outstanding: Option<Decimal>,
}

impl<'a> Simulation<'a> {
    fn new(scenario: &'a Scenario) -> Self {
        let years = scenario.horizon_years as usize;
        let zero = vec![Decimal::ZERO; years];
        Simulation {
            scenario,
            actor_indices: scenario.actors.iter().enumerate().map(|(a, actor)| (actor.id.as_str(), a)).collect(),
            years,
            flows: Flows {
                actors: vec![ActorFlows::zero(years); scenario.actors.len()],
                costs: zero.clone(),
                org_costs: zero.clone(),
                contracts: Vec::with_capacity(scenario.outcome_contracts.len()),
                grants: zero.clone(),
                repayments: zero,
                interventions: Vec::with_capacity(scenario.interventions.len()),
            },
        }
    }

    fn actor_index(&self, id: &str) -> usize {
        // Validation guarantees that every referenced actor exists.
        self.actor_indices.get(id).copied().unwrap_or(0)
    }

    fn run(self) -> Result<Outcome, ScenarioError> {
        let scenario = self.scenario;
        let mut flows = self.flows()?;
        let interventions = std::mem::take(&mut flows.interventions);
        totals(scenario, &flows, interventions).ok_or_else(|| too_large("interventions"))
    }

    /// Every intervention's flows, added up.
    fn flows(mut self) -> Result<Flows, ScenarioError> {
        for (i, intervention) in self.scenario.interventions.iter().enumerate() {
            let path = format!("interventions[{i}]");
            let flows = self.intervention_flows(intervention).ok_or_else(|| too_large(&path))?;
            self.add_intervention(intervention, flows).ok_or_else(|| too_large(&path))?;
        }
        for (c, contract) in self.scenario.outcome_contracts.iter().enumerate() {
            self.add_contract(contract).ok_or_else(|| too_large(format!("outcome_contracts[{c}]")))?;
        }
        Ok(self.flows)
    }

    /// An outcome contract's payments, added to its payers' rows.
    fn add_contract(&mut self, contract: &OutcomeContract) -> Checked<()> {
        // Validation guarantees that the intervention exists.
        let iv = self.scenario.interventions.iter().find(|iv| iv.id == contract.intervention)?;
        let running = running_years(iv, self.years);
        let co_payers: Vec<(usize, Decimal)> =
            contract.co_payers.iter().map(|c| (self.actor_index(&c.actor), c.share)).collect();
        let payer = self.actor_index(&contract.payer);
        let flows = contract_flows(iv, contract, &running, self.years, payer, &co_payers)?;
        for (a, row) in &flows.by_actor {
            for (y, amount) in row.iter().enumerate() {
                add_into(&mut self.flows.actors[*a].outcome_payments[y], *amount)?;
            }
        }
        self.flows.contracts.push(flows);
        Some(())
    }

    /// The contract's per-intervention quantities: grant, co-financing,
    /// savings per actor and year, and repayments.
    fn intervention_flows(&self, iv: &Intervention) -> Checked<InterventionFlows> {
        let running = running_years(iv, self.years);
        // Under an outcome contract the investor pays the costs: no grant, no
        // co-financing, no repayment.
        let contracted = self.scenario.contract_of(&iv.id).is_some();
        let grant = if contracted { Decimal::ZERO } else { mul(iv.annual_cost, iv.fund_share)? };
        let co_financing = if contracted { Decimal::ZERO } else { sub(iv.annual_cost, grant)? };
        let total_grant = mul(grant, Decimal::from(running.len()))?;

        let profile = cohort_profile(iv, &running, self.years)?;
        let first = profile.iter().position(|p| !p.is_zero()).unwrap_or(0);
        let benefit = first..profile.iter().rposition(|p| !p.is_zero()).map_or(first, |last| last + 1);
        let profile_total = sum(&profile)?;
        let avoided: Vec<(usize, Decimal)> =
            iv.avoided_costs.iter().map(|a| (self.actor_index(&a.actor), a.per_year)).collect();

        let rule = if contracted { &RepaymentRule::None } else { self.scenario.repayment_rule(iv) };
        let (repayments, outstanding) = match rule {
            RepaymentRule::None => (Vec::new(), Some(Decimal::ZERO)),
            RepaymentRule::Fixed { share, years, start_after } => {
                let due = mul(*share, total_grant)?;
                let first = u64::from(iv.start) + u64::from(iv.years) + u64::from(*start_after);
                let (row, outstanding) = repay_fixed(due, *years, first, self.years)?;
                (vec![(self.actor_index(&iv.owner), row)], Some(outstanding))
            }
            RepaymentRule::SavingsShare { share, cap, start_after } => {
                let limit = match cap {
                    Some(c) => Some(mul(*c, total_grant)?),
                    None => None,
                };
                let first = u64::from(iv.start) + u64::from(*start_after);
                // S_i,a,y of every inside actor: only they repay.
                let mut inside = Vec::new();
                for (a, per_year) in avoided.iter().filter(|(a, _)| self.scenario.actors[*a].inside) {
                    let row = profile.iter().map(|unit| mul(*unit, *per_year)).collect::<Checked<Vec<_>>>()?;
                    inside.push((*a, row));
                }
                let inside: Vec<&(usize, Vec<Decimal>)> = inside.iter().collect();
                let (rows, repaid) = repay_savings_share(&inside, *share, limit, first, self.years)?;
                let outstanding = match limit {
                    Some(l) => Some(sub(l, repaid)?.max(Decimal::ZERO)),
                    None => None,
                };
                (rows, outstanding)
            }
        };

        Some(InterventionFlows {
            running,
            grant,
            co_financing,
            total_grant,
            profile,
            benefit,
            profile_total,
            avoided,
            repayments,
            outstanding,
        })
    }

    fn add_intervention(&mut self, iv: &Intervention, flows: InterventionFlows) -> Checked<()> {
        let owner = self.actor_index(&iv.owner);
        let contracted = self.scenario.contract_of(&iv.id).is_some();
        for y in flows.running.clone() {
            add_into(&mut self.flows.costs[y], iv.annual_cost)?;
            if !contracted {
                add_into(&mut self.flows.org_costs[y], iv.annual_cost)?;
            }
            add_into(&mut self.flows.grants[y], flows.grant)?;
            add_into(&mut self.flows.actors[owner].co_financing[y], flows.co_financing)?;
            add_into(&mut self.flows.actors[owner].grants_received[y], flows.grant)?;
        }

        // S_i,a,y = avoided cost × profile, added straight into the actor's
        // savings; its total over the horizon is avoided cost × Σ profile.
        let mut by_actor = Vec::with_capacity(flows.avoided.len());
        let mut positive_total = Decimal::ZERO;
        for (a, per_year) in &flows.avoided {
            let savings = &mut self.flows.actors[*a].savings;
            for y in flows.benefit.clone() {
                add_into(&mut savings[y], mul(flows.profile[y], *per_year)?)?;
            }
            let total = mul(flows.profile_total, *per_year)?;
            if total > Decimal::ZERO {
                add_into(&mut positive_total, total)?;
            }
            by_actor.push((self.scenario.actors[*a].id.clone(), total));
        }
        let shares = by_actor
            .iter()
            .map(|(id, total)| {
                (id.clone(), if positive_total.is_zero() { None } else { total.checked_div(positive_total) })
            })
            .collect();

        let mut repaid = Decimal::ZERO;
        for (a, row) in &flows.repayments {
            for (y, amount) in row.iter().enumerate() {
                add_into(&mut self.flows.actors[*a].repayment[y], *amount)?;
                add_into(&mut self.flows.repayments[y], *amount)?;
                add_into(&mut repaid, *amount)?;
            }
        }

        self.flows.interventions.push(InterventionOutcome {
            id: iv.id.clone(),
            grants_total: flows.total_grant,
            repaid_total: repaid,
            outstanding: flows.outstanding,
            savings_by_actor: by_actor,
            savings_share_by_actor: shares,
        });
        Some(())
    }
}

/// The outcome of `s` from its interventions' `flows`: the fund year by year,
/// each actor's rows and totals, present values and key figures.
/// `interventions` are the flows' per-intervention totals, taken or cloned.
fn totals(s: &Scenario, flows: &Flows, interventions: Vec<InterventionOutcome>) -> Checked<Outcome> {
    let years_count = s.horizon_years as usize;
    let years: Vec<i32> = (0..years_count).map(|y| s.start_year + y as i32).collect();
    let allocation = |y: usize| s.fund.allocations.get(y).copied().unwrap_or(Decimal::ZERO);

    let mut fund = Vec::with_capacity(years_count);
    let mut open = s.fund.initial_capital;
    for (y, &year) in years.iter().enumerate() {
        let close = sub(add(add(open, allocation(y))?, flows.repayments[y])?, flows.grants[y])?;
        fund.push(FundYear {
            year,
            open,
            allocation: allocation(y),
            grants: flows.grants[y],
            repayments: flows.repayments[y],
            close,
        });
        open = close;
    }

    let discount = discount_factors(s.discount_rate, years_count)?;
    let financer = s.actors.iter().position(|a| a.id == s.fund.financed_by);
    let mut actors = Vec::with_capacity(s.actors.len());
    let mut inside_savings = vec![Decimal::ZERO; years_count];
    let mut inside_payments = vec![Decimal::ZERO; years_count];
    let with_contracts = !s.outcome_contracts.is_empty();
    let mut all_savings = vec![Decimal::ZERO; years_count];
    for (a, (actor, own)) in s.actors.iter().zip(&flows.actors).enumerate() {
        let mut rows = Vec::with_capacity(years_count);
        let (mut cost_borne, mut savings_total, mut net_total) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
        let mut net_row = Vec::with_capacity(years_count);
        for y in 0..years_count {
            let fund_cost = if Some(a) == financer {
                match s.fund.accounting {
                    Accounting::Appropriation => allocation(y),
                    Accounting::EarmarkedEquity => sub(flows.grants[y], flows.repayments[y])?,
                }
            } else {
                Decimal::ZERO
            };
            let cost = add(add(add(own.co_financing[y], own.repayment[y])?, fund_cost)?, own.outcome_payments[y])?;
            let net = sub(own.savings[y], cost)?;
            add_into(&mut cost_borne, cost)?;
            add_into(&mut savings_total, own.savings[y])?;
            add_into(&mut net_total, net)?;
            add_into(&mut all_savings[y], own.savings[y])?;
            if actor.inside {
                add_into(&mut inside_savings[y], own.savings[y])?;
                add_into(&mut inside_payments[y], own.outcome_payments[y])?;
            }
            net_row.push(net);
            rows.push(ActorYear {
                year: years[y],
                savings: own.savings[y],
                co_financing: own.co_financing[y],
                repayment: own.repayment[y],
                fund_cost,
                grants_received: own.grants_received[y],
                outcome_payments: if with_contracts { Some(own.outcome_payments[y]) } else { None },
                net,
            });
        }
        actors.push(ActorOutcome {
            id: actor.id.clone(),
            rows,
            npv: present_value(&net_row, &discount)?,
            cost_borne,
            savings_total,
            net_total,
        });
    }

    // The organisation pays for the interventions outside contracts and for outcomes.
    let org_net = (0..years_count)
        .map(|y| sub(sub(inside_savings[y], flows.org_costs[y])?, inside_payments[y]))
        .collect::<Checked<Vec<_>>>()?;
    let society_net = all_savings.iter().zip(&flows.costs).map(|(s, c)| sub(*s, *c)).collect::<Checked<Vec<_>>>()?;
    let total_grants = sum(&flows.grants)?;
    let total_repayments = sum(&flows.repayments)?;
    let savings_inside = sum(&inside_savings)?;

    let key_figures = KeyFigures {
        total_cost: sum(&flows.costs)?,
        savings_inside,
        savings_outside: sub(sum(&all_savings)?, savings_inside)?,
        org_npv: present_value(&org_net, &discount)?,
        society_npv: present_value(&society_net, &discount)?,
        payback_year: payback_year(&org_net, s.start_year)?,
        fund_first_negative_year: fund.iter().find(|f| f.close < Decimal::ZERO).map(|f| f.year),
        revolving_ratio: if total_grants.is_zero() { None } else { Some(total_repayments.checked_div(total_grants)?) },
    };

    let mut outcome_contracts = Vec::with_capacity(flows.contracts.len());
    for (contract, c) in s.outcome_contracts.iter().zip(&flows.contracts) {
        outcome_contracts.push(ContractOutcome {
            id: contract.id.clone(),
            intervention: contract.intervention.clone(),
            outcomes: c.outcomes,
            payments: years.iter().copied().zip(c.payments.iter().copied()).collect(),
            payments_total: sum(&c.payments)?,
            outstanding: c.outstanding,
            payer_max_exposure: c.payer_max_exposure,
            investor_net: sub(c.received, c.invested)?,
            investor_multiple: if c.invested.is_zero() { None } else { Some(div(c.received, c.invested)?) },
            investor_irr: c.irr,
            // PV of the payments − PV of the costs: the PV of the investor's cash flow.
            premium: present_value_at(&c.cash_flow, s.discount_rate)?,
            invested: c.invested,
            received: c.received,
            cash_flow: c.cash_flow.clone(),
            payments_by_actor: c.by_actor.iter().map(|(a, row)| (s.actors[*a].id.clone(), row.clone())).collect(),
        });
    }

    Some(Outcome {
        schema_version: if with_contracts { 2 } else { 1 },
        years,
        fund,
        actors,
        interventions,
        org_net,
        society_net,
        key_figures,
        outcome_contracts,
    })
}

/// The intervention's running years within the horizon: `start ≤ y < start + years`, `y < Y`.
pub fn running_years(iv: &Intervention, horizon: usize) -> std::ops::Range<usize> {
    let start = (iv.start as usize).min(horizon);
    let end = (u64::from(iv.start) + u64::from(iv.years)).min(horizon as u64) as usize;
    start..end.max(start)
}

/// Decimal places of the savings profile (effective successes per year).
///
/// Powers of `1 − drop_off` fill all 28 digits of a decimal; multiplying such
/// numbers by every actor's avoided cost takes the slow path of 192-bit
/// arithmetic. Rounded to 16 places (a ten-quadrillionth of a participant)
/// the products stay exact and fast; the largest effect on any total is far
/// below an öre (for 200 interventions × 60 years at 1 000 000 kr per
/// success-year: under 10⁻⁶ kr).
pub const PROFILE_DECIMALS: u32 = 16;

/// Savings per unit of avoided cost, year by year: `Σ_s E × (1 − drop_off)^k`
/// over the cohorts `s` with `k = y − s − lag` in `0 ..= benefit_years − 1`.
///
/// Computed once per intervention and multiplied by each actor's avoided cost.
pub fn cohort_profile(iv: &Intervention, running: &std::ops::Range<usize>, horizon: usize) -> Checked<Vec<Decimal>> {
    let shape = ProfileShape::new(iv.drop_off, iv.lag_years, iv.benefit_years, running, horizon)?;
    let mut profile = vec![Decimal::ZERO; horizon];
    shape.apply(effective_successes(iv.participants_per_year, iv.success_rate, iv.deadweight)?, &mut profile)?;
    Some(profile)
}

/// Effective successes per cohort: `E = participants_per_year × success_rate × (1 − deadweight)`.
pub fn effective_successes(participants: Decimal, success_rate: Decimal, deadweight: Decimal) -> Checked<Decimal> {
    mul(mul(participants, success_rate)?, Decimal::ONE - deadweight)
}

/// What a savings profile is made of besides the effective successes: for
/// each year in which some cohort gives savings, `Σ (1 − drop_off)^k` over
/// those cohorts. The profile is `E ×` this, year by year, rounded to
/// [`PROFILE_DECIMALS`]; keeping it apart lets a Monte Carlo draw that
/// changes only `E` reuse it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProfileShape {
    /// The years in which some cohort is in its benefit years (a contiguous run).
    pub years: std::ops::Range<usize>,
    /// `Σ (1 − drop_off)^k` over the active cohorts, for each of `years` in order.
    pub sums: Vec<Decimal>,
}

impl ProfileShape {
    /// The shape of an intervention running in `running`, with these parameters.
    pub fn new(
        drop_off: Decimal,
        lag_years: u32,
        benefit_years: u32,
        running: &std::ops::Range<usize>,
        horizon: usize,
    ) -> Checked<ProfileShape> {
        let mut shape = ProfileShape { years: 0..0, sums: Vec::new() };
        shape.recompute(drop_off, lag_years, benefit_years, running, horizon, &mut Vec::new())?;
        Some(shape)
    }

    /// [`ProfileShape::new`] into `self`, reusing its memory and `prefix` (scratch).
    pub fn recompute(
        &mut self,
        drop_off: Decimal,
        lag_years: u32,
        benefit_years: u32,
        running: &std::ops::Range<usize>,
        horizon: usize,
        prefix: &mut Vec<Decimal>,
    ) -> Checked<()> {
        self.sums.clear();
        self.years = 0..0;
        // k never exceeds horizon − 1, so only that many powers are needed.
        let powers_needed = (benefit_years as usize).min(horizon);
        if running.is_empty() || powers_needed == 0 {
            return Some(());
        }
        // prefix[n] = Σ_{k<n} (1 − drop_off)^k: the cohorts active in year y
        // have consecutive k, so each year's sum is one difference of prefix sums.
        let remaining = Decimal::ONE - drop_off;
        prefix.clear();
        prefix.push(Decimal::ZERO);
        let mut factor = Decimal::ONE;
        for n in 0..powers_needed {
            prefix.push(add(prefix[n], factor)?);
            if n + 1 < powers_needed {
                factor = mul(factor, remaining)?;
            }
        }
        let lag = lag_years as i64;
        let benefit = powers_needed as i64;
        let (first_cohort, last_cohort) = (running.start as i64, running.end as i64 - 1);
        // Cohort s is in its benefit years when 0 ≤ y − s − lag < benefit.
        let first_year = (first_cohort + lag).min(horizon as i64) as usize;
        let end_year = (last_cohort + lag + benefit).min(horizon as i64) as usize;
        self.years = first_year..end_year.max(first_year);
        for y in self.years.clone() {
            let newest = last_cohort.min(y as i64 - lag);
            let oldest = first_cohort.max(y as i64 - lag - benefit + 1);
            let (k_low, k_high) = ((y as i64 - lag - newest) as usize, (y as i64 - lag - oldest) as usize);
            self.sums.push(sub(prefix[k_high + 1], prefix[k_low])?);
        }
        Some(())
    }

    /// Writes the profile `E × shape` (rounded to [`PROFILE_DECIMALS`]) into
    /// `profile` (one slot per year of the horizon) for the shape's years;
    /// other slots are left as they are.
    pub fn apply(&self, effective: Decimal, profile: &mut [Decimal]) -> Checked<()> {
        for (slot, sum) in profile[self.years.clone()].iter_mut().zip(&self.sums) {
            *slot = mul(effective, *sum)?.round_dp(PROFILE_DECIMALS);
        }
        Some(())
    }
}

/// A fixed repayment: `due` in `instalments` equal parts in the years
/// `first .. first + instalments − 1`. Returns what is paid each year within
/// the horizon and what falls past it (outstanding). The last instalment takes
/// the remainder of the division so that the parts add up to `due` exactly.
pub fn repay_fixed(due: Decimal, instalments: u32, first: u64, horizon: usize) -> Checked<(Vec<Decimal>, Decimal)> {
    let mut paid = vec![Decimal::ZERO; horizon];
    let instalment = due.checked_div(Decimal::from(instalments))?;
    let mut outstanding = Decimal::ZERO;
    let mut scheduled = Decimal::ZERO;
    for j in 0..instalments {
        let amount = if j + 1 == instalments { sub(due, scheduled)? } else { instalment };
        scheduled = add(scheduled, amount)?;
        let year = first + u64::from(j);
        if year < horizon as u64 {
            paid[year as usize] = add(paid[year as usize], amount)?;
        } else {
            outstanding = add(outstanding, amount)?;
        }
    }
    Some((paid, outstanding))
}

/// Year-by-year amounts of several actors (index into the scenario's actors).
pub type ActorRows = Vec<(usize, Vec<Decimal>)>;

/// A savings-share repayment: from year `first`, each inside actor repays
/// `share × max(savings, 0)`; with a `limit` the year's repayments are scaled
/// down so that the total repaid reaches the limit exactly. Returns each
/// paying actor's row and the total repaid.
pub fn repay_savings_share(
    inside: &[&(usize, Vec<Decimal>)],
    share: Decimal,
    limit: Option<Decimal>,
    first: u64,
    horizon: usize,
) -> Checked<(ActorRows, Decimal)> {
    let mut rows: Vec<(usize, Vec<Decimal>)> = inside.iter().map(|(a, _)| (*a, vec![Decimal::ZERO; horizon])).collect();
    let mut repaid = Decimal::ZERO;
    let mut owed = vec![Decimal::ZERO; inside.len()];
    for y in (first.min(horizon as u64) as usize)..horizon {
        let mut year_total = Decimal::ZERO;
        for (slot, (_, savings)) in owed.iter_mut().zip(inside) {
            *slot = mul(share, savings[y].max(Decimal::ZERO))?;
            year_total = add(year_total, *slot)?;
        }
        if year_total.is_zero() {
            continue;
        }
        if let Some(limit) = limit {
            let room = sub(limit, repaid)?;
            if room <= Decimal::ZERO {
                break;
            }
            if year_total > room {
                // Scale every actor's part by room / year_total; the last paying
                // actor takes the remainder so the parts add up to `room` exactly.
                let last = owed.iter().rposition(|r| !r.is_zero()).unwrap_or(0);
                let mut scaled_sum = Decimal::ZERO;
                for (idx, slot) in owed.iter_mut().enumerate() {
                    *slot = if idx == last {
                        sub(room, scaled_sum)?.max(Decimal::ZERO)
                    } else {
                        mul(*slot, room)?.checked_div(year_total)?
                    };
                    scaled_sum = add(scaled_sum, *slot)?;
                }
                year_total = room;
            }
        }
        for ((_, row), amount) in rows.iter_mut().zip(&owed) {
            row[y] = *amount;
        }
        repaid = add(repaid, year_total)?;
    }
    Some((rows, repaid))
}

/// `(1 + rate)^y` for each year index.
pub(crate) fn discount_factors(rate: Decimal, years: usize) -> Checked<Vec<Decimal>> {
    let base = add(Decimal::ONE, rate)?;
    let mut factors = Vec::with_capacity(years);
    let mut factor = Decimal::ONE;
    for _ in 0..years {
        factors.push(factor);
        factor = mul(factor, base)?;
    }
    Some(factors)
}

/// `Σ_y value_y / (1 + rate)^y`.
pub(crate) fn present_value(values: &[Decimal], factors: &[Decimal]) -> Checked<Decimal> {
    let mut total = Decimal::ZERO;
    for (v, f) in values.iter().zip(factors) {
        total = add(total, div(*v, *f)?)?;
    }
    Some(total)
}

fn sum(values: &[Decimal]) -> Checked<Decimal> {
    values.iter().try_fold(Decimal::ZERO, |acc, v| add(acc, *v))
}

/// The calendar year after the last year whose cumulative result is negative;
/// `None` if the last year is still negative; the start year if none is.
pub fn payback_year(org_net: &[Decimal], start_year: i32) -> Checked<Option<i32>> {
    let mut cumulative = Decimal::ZERO;
    let mut last_negative = None;
    for (y, net) in org_net.iter().enumerate() {
        cumulative = add(cumulative, *net)?;
        if cumulative < Decimal::ZERO {
            last_negative = Some(y);
        }
    }
    Some(match last_negative {
        None => Some(start_year),
        Some(y) if y + 1 == org_net.len() => None,
        Some(y) => Some(start_year + y as i32 + 1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Scenario {
        let cases: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/cases/worked_examples.json")).unwrap_or_default();
        serde_json::from_value(cases["cases"][0]["scenario"].clone()).expect("the contract's example scenario")
    }

    fn remembered(simulator: &Simulator) -> *const Remembered {
        simulator.last.as_ref().map_or(std::ptr::null(), std::rc::Rc::as_ptr)
    }

    #[test]
    fn the_simulator_reuses_the_flows_for_a_fund_edit_and_recomputes_them_for_an_intervention_edit() {
        let mut s = example();
        let mut simulator = Simulator::default();
        assert_eq!(simulator.simulate(&s), simulate(&s));
        let first = remembered(&simulator);
        assert!(!first.is_null());

        // The allocations, the discount rate and the start year leave the flows as they were.
        s.fund.allocations = s.fund.allocations.iter().map(|a| *a + Decimal::ONE).collect();
        s.discount_rate += Decimal::new(1, 2);
        s.start_year += 1;
        assert_eq!(simulator.simulate(&s), simulate(&s));
        assert_eq!(remembered(&simulator), first, "a fund edit computes the flows again");

        // A success rate changes the savings: the flows are computed again.
        s.interventions[0].success_rate /= Decimal::TWO;
        assert_eq!(simulator.simulate(&s), simulate(&s));
        assert_ne!(remembered(&simulator), first, "an intervention edit reuses stale flows");
    }

    #[test]
    fn a_refused_scenario_is_refused_by_the_simulator_too() {
        let mut s = example();
        let mut simulator = Simulator::default();
        assert!(simulator.simulate(&s).is_ok());
        s.discount_rate = Decimal::NEGATIVE_ONE * Decimal::TWO;
        assert_eq!(simulator.simulate(&s).map_err(|e| e.path), simulate(&s).map_err(|e| e.path));
        assert!(simulator.simulate(&s).is_err());
    }

    #[test]
    fn a_validated_scenario_is_simulated_without_a_second_check_and_alike() {
        let mut s = example();
        let mut simulator = Simulator::default();
        let valid = super::super::validate::validated(&s).expect("the example keeps every rule");
        assert_eq!(simulator.simulate_valid(valid), simulate(&s));
        // Two rules broken: both are listed, in field order, and there is no `Valid` to simulate.
        s.horizon_years = 0;
        s.discount_rate = Decimal::TWO;
        let refused = super::super::validate::validated(&s)
            .map(|_| ())
            .map_err(|errors| errors.into_iter().map(|e| e.path).collect::<Vec<_>>());
        assert_eq!(refused, Err(vec!["horizon_years".to_string(), "discount_rate".to_string()]));
    }
}
