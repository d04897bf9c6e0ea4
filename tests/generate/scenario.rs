//! A valid scenario put together from its parts, shared by
//! `tests/properties.rs` and the charts' tests (`src/ui/view/charts/layout/checks.rs`),
//! which include this file as a module (`#[path]`) with the crate's `model`
//! in scope.

use rust_decimal::Decimal;

use super::model::{Accounting, Actor, Fund, Intervention, RepaymentRule, Scenario};

/// A valid scenario from what a generator drew: its years and discount rate,
/// its actors (inside or not, and a name; ids `a0`, `a1`, …), its fund
/// (financed by actor `financer`, earmarked or not, its capital and yearly
/// allocations), its default rule and its interventions. Only inside owners
/// can repay in instalments: an outside owner's intervention gets a grant instead.
pub fn valid_scenario(
    (start_year, horizon_years, discount_rate): (i32, u32, Decimal),
    actors: Vec<(bool, String)>,
    (financer, earmarked, initial_capital, allocations): (usize, bool, Decimal, Vec<Decimal>),
    repayment_default: Option<RepaymentRule>,
    interventions: Vec<Intervention>,
) -> Scenario {
    let mut s = Scenario {
        schema_version: 1,
        name: "generated".into(),
        description: String::new(),
        currency: "SEK".into(),
        start_year,
        horizon_years,
        discount_rate,
        actors: actors
            .into_iter()
            .enumerate()
            .map(|(a, (inside, name))| Actor { id: format!("a{a}"), name, inside })
            .collect(),
        fund: Fund {
            financed_by: format!("a{financer}"),
            accounting: if earmarked { Accounting::EarmarkedEquity } else { Accounting::Appropriation },
            initial_capital,
            allocations,
        },
        repayment_default,
        interventions,
        outcome_contracts: Vec::new(),
    };
    for i in 0..s.interventions.len() {
        let owner_inside = s.actor(&s.interventions[i].owner).is_some_and(|a| a.inside);
        if !owner_inside && matches!(s.repayment_rule(&s.interventions[i]), RepaymentRule::Fixed { .. }) {
            s.interventions[i].repayment = Some(RepaymentRule::None);
        }
    }
    s
}
