//! Strategies (proptest) for the parts of valid scenarios, shared by
//! `tests/properties.rs` and the charts' laws
//! (`src/ui/view/charts/layout/properties.rs`), which include this file as a
//! module (`#[path]`) with the crate's `model` in scope; `scenario.rs` beside
//! it puts the parts together.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::model::{AvoidedCost, Intervention, RepaymentRule};

/// A decimal `units / 10^scale`.
pub fn dec(units: i64, scale: u32) -> Decimal {
    Decimal::new(units, scale)
}

pub fn fraction() -> impl Strategy<Value = Decimal> {
    (0i64..=100).prop_map(|k| dec(k, 2))
}

pub fn money(max_units: i64) -> impl Strategy<Value = Decimal> {
    (0i64..=max_units).prop_map(|k| dec(k, 2))
}

pub fn rule() -> impl Strategy<Value = RepaymentRule> {
    prop_oneof![
        Just(RepaymentRule::None),
        ((0i64..=500), 1u32..=10, 0u32..=5).prop_map(|(s, years, start_after)| RepaymentRule::Fixed {
            share: dec(s, 2),
            years,
            start_after
        }),
        (fraction(), proptest::option::of(0i64..=300), 0u32..=5).prop_map(|(share, cap, start_after)| {
            RepaymentRule::SavingsShare { share, cap: cap.map(|c| dec(c, 2)), start_after }
        }),
    ]
}

pub fn intervention(actors: usize, index: usize) -> impl Strategy<Value = Intervention> {
    (
        (0..actors, 0u32..25, 1u32..10, money(1_000_000_000), fraction(), (0i64..200).prop_map(Decimal::from)),
        (fraction(), fraction(), 0u32..5, 0u32..15, fraction()),
        proptest::collection::vec((-100_000_000i64..1_000_000_000).prop_map(|k| dec(k, 2)), actors),
        proptest::collection::vec(any::<bool>(), actors),
        proptest::option::of(rule()),
    )
        .prop_map(
            move |(
                (owner, start, years, annual_cost, fund_share, participants_per_year),
                (success_rate, deadweight, lag_years, benefit_years, drop_off),
                amounts,
                listed,
                repayment,
            )| Intervention {
                id: format!("i{index}"),
                name: format!("Intervention {index}"),
                owner: format!("a{owner}"),
                start,
                years,
                annual_cost,
                fund_share,
                participants_per_year,
                success_rate,
                deadweight,
                lag_years,
                benefit_years,
                drop_off,
                avoided_costs: amounts
                    .into_iter()
                    .zip(listed)
                    .enumerate()
                    .filter(|(_, (_, l))| *l)
                    .map(|(a, (per_year, _))| AvoidedCost { actor: format!("a{a}"), per_year })
                    .collect(),
                repayment,
                uncertainty: None,
            },
        )
}
