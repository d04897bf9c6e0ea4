//! The benchmarks' scenarios, shared by the criterion benches (`mod` by path).
//! `tests/e2e/bench/stress.mjs` builds the same ones for the browser: keep
//! the two in step, value for value.
#![allow(dead_code)]

/// 50 actors (every other one inside), 200 interventions over a 60-year
/// horizon, each with an avoided cost for all 50 actors and one of the three
/// repayment rules: the largest scenario the contract allows in every dimension.
pub fn stress_json() -> String {
    let actors: Vec<_> = (0..50)
        .map(|a| serde_json::json!({"id": format!("a{a}"), "name": format!("Actor {a}"), "inside": a % 2 == 0}))
        .collect();
    let interventions: Vec<_> = (0..200)
        .map(|i| {
            let owner = (i * 2) % 50; // always an inside actor
            let repayment = match i % 3 {
                0 => serde_json::json!({"kind": "none"}),
                1 => serde_json::json!({"kind": "fixed", "share": "1", "years": 5, "start_after": 1}),
                _ => serde_json::json!({"kind": "savings_share", "share": "0.5", "cap": "1.2", "start_after": 0}),
            };
            let avoided: Vec<_> = (0..50)
                .map(|a| serde_json::json!({"actor": format!("a{a}"), "per_year": format!("{}", 1000 + 37 * a)}))
                .collect();
            serde_json::json!({
                "id": format!("i{i}"), "name": format!("Intervention {i}"), "owner": format!("a{owner}"),
                "start": i % 10, "years": 1 + i % 5, "annual_cost": format!("{}", 1_000_000 + 1_000 * i), "fund_share": "0.7",
                "participants_per_year": "50", "success_rate": "0.3", "deadweight": "0.2", "lag_years": i % 3,
                "benefit_years": 60, "drop_off": "0.05", "avoided_costs": avoided, "repayment": repayment
            })
        })
        .collect();
    serde_json::json!({
        "schema_version": 1, "name": "Stress", "currency": "SEK", "start_year": 2026, "horizon_years": 60,
        "discount_rate": "0.035", "actors": actors,
        "fund": {"financed_by": "a0", "accounting": "appropriation", "initial_capital": "0", "allocations": vec!["100000000"; 60]},
        "interventions": interventions
    })
    .to_string()
}

/// `interventions` × `actors` × `years`, every intervention with a range on
/// every parameter: the Monte Carlo benchmark's scenario (40 × 12 × 30; at
/// 200 × 50 × 60 the stress scenario's size). Actors alternate inside and
/// outside; each intervention lists an avoided cost for every actor, the last
/// one negative (a transfer); repayment rules rotate through none, fixed and
/// savings share; drop-off, lag and start vary with the index.
pub fn ranged_json(interventions: usize, actors: usize, years: usize) -> String {
    let actor_list: Vec<_> = (0..actors)
        .map(|a| serde_json::json!({"id": format!("a{a}"), "name": format!("Actor {a}"), "inside": a % 2 == 0}))
        .collect();
    let list: Vec<_> = (0..interventions)
        .map(|i| {
            let owner = (i * 2) % actors;
            let repayment = match i % 3 {
                0 => serde_json::json!({"kind": "none"}),
                1 => serde_json::json!({"kind": "fixed", "share": "1", "years": 5, "start_after": 1}),
                _ => serde_json::json!({"kind": "savings_share", "share": "0.5", "cap": "1.2", "start_after": 0}),
            };
            let avoided: Vec<_> = (0..actors)
                .map(|a| {
                    let amount = if a == actors - 1 && actors > 1 {
                        -(500 + 11 * i as i64)
                    } else {
                        1000 + 37 * a as i64 + 13 * i as i64
                    };
                    serde_json::json!({"actor": format!("a{a}"), "per_year": format!("{amount}")})
                })
                .collect();
            serde_json::json!({
                "id": format!("i{i}"), "name": format!("Intervention {i}"), "owner": format!("a{owner}"),
                "start": i % years.min(10), "years": 1 + i % 5, "annual_cost": format!("{}", 1_000_000 + 1_000 * i),
                "fund_share": "0.7", "participants_per_year": format!("{}", 40 + (i % 7) * 5), "success_rate": "0.3",
                "deadweight": "0.2", "lag_years": i % 3, "benefit_years": years, "drop_off": format!("0.0{}", 1 + i % 9),
                "avoided_costs": avoided, "repayment": repayment,
                "uncertainty": {
                    "success_rate": {"low": "0.15", "high": "0.4"},
                    "deadweight": {"low": "0.1", "high": "0.35"},
                    "drop_off": {"low": "0", "high": "0.2"},
                    "annual_cost": {"low": "0.8", "high": "1.3"},
                    "avoided_costs": {"low": "0.6", "high": "1.25"}
                }
            })
        })
        .collect();
    serde_json::json!({
        "schema_version": 1, "name": format!("Ranged {interventions} × {actors} × {years}"), "currency": "SEK",
        "start_year": 2026, "horizon_years": years, "discount_rate": "0.035", "actors": actor_list,
        "fund": {"financed_by": "a0", "accounting": "appropriation", "initial_capital": "0",
                 "allocations": vec![format!("{}", 1_000_000 * interventions); years]},
        "interventions": list
    })
    .to_string()
}
