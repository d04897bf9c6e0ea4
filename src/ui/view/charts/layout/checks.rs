//! What the charts' tests share: small scenarios and outcomes made by hand,
//! and the laws every layout keeps, checked on any layout (`check_*`): every
//! number finite, every shape inside the viewBox, labels on an axis apart,
//! focus order = reading order.

use rust_decimal::Decimal;

use crate::model::{Accounting, Actor, ActorOutcome, ActorYear, Fund, FundYear, KeyFigures, Outcome, Scenario};

/// A scenario of `actors` actors ("Aktör 0", …), every third one outside.
pub fn scenario(actors: usize) -> Scenario {
    Scenario {
        schema_version: 1,
        name: "t".into(),
        description: String::new(),
        currency: "SEK".into(),
        start_year: 2026,
        horizon_years: 1,
        discount_rate: Decimal::ZERO,
        actors: (0..actors)
            .map(|i| Actor { id: format!("a{i}"), name: format!("Aktör {i}"), inside: i % 3 != 2 })
            .collect(),
        fund: Fund {
            financed_by: "a0".into(),
            accounting: Accounting::Appropriation,
            initial_capital: Decimal::ZERO,
            allocations: vec![],
        },
        repayment_default: None,
        interventions: vec![],
    }
}

/// An outcome of `years` years from 2026 and `actors` actors whose figures are
/// `value(year index, k)`: the fund's open, allocation, grants, repayments and
/// close are k = 0, 0, 1, 2, 3; an actor a's savings k = a, co-financing k = a + 1.
pub fn outcome(years: usize, actors: usize, value: impl Fn(usize, usize) -> Decimal) -> Outcome {
    let ys: Vec<i32> = (0..years).map(|y| 2026 + y as i32).collect();
    Outcome {
        schema_version: 1,
        years: ys.clone(),
        fund: ys
            .iter()
            .enumerate()
            .map(|(i, &year)| FundYear {
                year,
                open: value(i, 0),
                allocation: value(i, 0).abs(),
                grants: value(i, 1).abs(),
                repayments: value(i, 2).abs(),
                close: value(i, 3),
            })
            .collect(),
        actors: (0..actors)
            .map(|a| ActorOutcome {
                id: format!("a{a}"),
                rows: ys
                    .iter()
                    .enumerate()
                    .map(|(i, &year)| ActorYear {
                        year,
                        savings: value(i, a),
                        co_financing: value(i, a + 1),
                        repayment: Decimal::ZERO,
                        fund_cost: Decimal::ZERO,
                        grants_received: Decimal::ZERO,
                        net: value(i, a).saturating_sub(value(i, a + 1)),
                    })
                    .collect(),
                npv: Decimal::ZERO,
                cost_borne: value(0, a + 1),
                savings_total: value(0, a),
                net_total: value(0, a).saturating_sub(value(0, a + 1)),
            })
            .collect(),
        interventions: vec![],
        org_net: vec![Decimal::ZERO; years],
        society_net: vec![Decimal::ZERO; years],
        key_figures: KeyFigures {
            total_cost: Decimal::ZERO,
            savings_inside: Decimal::ZERO,
            savings_outside: Decimal::ZERO,
            org_npv: Decimal::ZERO,
            society_npv: Decimal::ZERO,
            payback_year: None,
            fund_first_negative_year: None,
            revolving_ratio: None,
        },
    }
}
