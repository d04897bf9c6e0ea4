//! Refusals as data: every path the engine can name is a field the words
//! layer knows (so it has a kind and a name in both languages), no input
//! makes a refusal panic or grow with the input, and the size limits hold.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use proptest::prelude::*;
use rust_decimal::Decimal;

use fundsim::model::validate::{
    validate_all, MAX_ACTORS, MAX_CURRENCY_CHARS, MAX_DESCRIPTION_CHARS, MAX_ID_CHARS, MAX_INTERVENTIONS,
    MAX_NAME_CHARS,
};
use fundsim::model::{
    simulate, Accounting, Actor, AvoidedCost, Echo, Fund, Intervention, Problem, Range, RepaymentRule, Scenario,
    ScenarioError, Uncertainty,
};
use fundsim::words::fields;
use fundsim::words::problems::{error_text, problem_text};
use fundsim::words::Lang;

fn example() -> Scenario {
    Scenario::from_json(include_str!("data/example.json")).expect("the example reads")
}

// ------------------------------------------------------------------ broken scenarios, generated

/// Decimals that break every rule some of the time: negative, above 1, above 5, huge.
fn wild_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (-3i64..=8).prop_map(|k| Decimal::new(k, 1)),
        (-2i64..=7).prop_map(Decimal::from),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
    ]
}

fn wild_count() -> impl Strategy<Value = u32> {
    prop_oneof![0u32..=3, 58u32..=62, Just(u32::MAX)]
}

/// Ids and references: taken, empty, blank, unknown, too long.
fn wild_id() -> impl Strategy<Value = String> {
    prop_oneof![
        (0usize..4).prop_map(|k| format!("a{k}")),
        Just(String::new()),
        Just("  ".to_string()),
        Just("nobody".to_string()),
        Just("x".repeat(MAX_ID_CHARS + 1)),
    ]
}

fn wild_name() -> impl Strategy<Value = String> {
    prop_oneof![Just("Namn".to_string()), Just("n".repeat(MAX_NAME_CHARS + 1))]
}

fn wild_range() -> impl Strategy<Value = Option<Range>> {
    proptest::option::of((wild_decimal(), wild_decimal()).prop_map(|(low, high)| Range { low, high }))
}

fn wild_rule() -> impl Strategy<Value = RepaymentRule> {
    prop_oneof![
        Just(RepaymentRule::None),
        (wild_decimal(), wild_count(), wild_count()).prop_map(|(share, years, start_after)| RepaymentRule::Fixed {
            share,
            years,
            start_after
        }),
        (wild_decimal(), proptest::option::of(wild_decimal()), wild_count())
            .prop_map(|(share, cap, start_after)| RepaymentRule::SavingsShare { share, cap, start_after }),
    ]
}

fn wild_intervention() -> impl Strategy<Value = Intervention> {
    (
        (wild_id(), wild_name(), wild_id(), wild_count(), wild_count()),
        (wild_decimal(), wild_decimal(), wild_decimal(), wild_decimal(), wild_decimal(), wild_decimal()),
        proptest::collection::vec((wild_id(), wild_decimal()), 0..4),
        proptest::option::of(wild_rule()),
        proptest::option::of((wild_range(), wild_range(), wild_range(), wild_range(), wild_range())),
    )
        .prop_map(|((id, name, owner, start, years), numbers, avoided, repayment, ranges)| {
            let (annual_cost, fund_share, participants_per_year, success_rate, deadweight, drop_off) = numbers;
            Intervention {
                id,
                name,
                owner,
                start,
                years,
                annual_cost,
                fund_share,
                participants_per_year,
                success_rate,
                deadweight,
                lag_years: 1,
                benefit_years: 3,
                drop_off,
                avoided_costs: avoided.into_iter().map(|(actor, per_year)| AvoidedCost { actor, per_year }).collect(),
                repayment,
                uncertainty: ranges.map(|(success_rate, deadweight, drop_off, annual_cost, avoided_costs)| {
                    Uncertainty { success_rate, deadweight, drop_off, annual_cost, avoided_costs }
                }),
            }
        })
}

/// A scenario that breaks any of the contract's rules, many at a time.
fn broken_scenario() -> impl Strategy<Value = Scenario> {
    (
        (0u32..=3, wild_name(), prop_oneof![Just(String::new()), Just("d".repeat(MAX_DESCRIPTION_CHARS + 1))]),
        (prop_oneof![Just("SEK".to_string()), Just(" ".to_string()), Just("kronor".repeat(3))], 1800i32..=2300),
        (wild_count(), wild_decimal(), wild_id(), wild_decimal(), proptest::collection::vec(wild_decimal(), 0..4)),
        proptest::collection::vec((wild_id(), wild_name(), any::<bool>()), 0..5),
        (proptest::option::of(wild_rule()), proptest::collection::vec(wild_intervention(), 0..4)),
    )
        .prop_map(|(head, (currency, start_year), fund, actors, (repayment_default, interventions))| {
            let (schema_version, name, description) = head;
            let (horizon_years, discount_rate, financed_by, initial_capital, allocations) = fund;
            Scenario {
                schema_version,
                name,
                description,
                currency,
                start_year,
                horizon_years,
                discount_rate,
                actors: actors.into_iter().map(|(id, name, inside)| Actor { id, name, inside }).collect(),
                fund: Fund { financed_by, accounting: Accounting::Appropriation, initial_capital, allocations },
                repayment_default,
                interventions,
                outcome_contracts: Vec::new(),
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// Every field the validator names is in the fields table: it has a kind
    /// (percent or not) and a name in Swedish and English.
    #[test]
    fn every_path_the_validator_names_is_in_the_fields_table(s in broken_scenario()) {
        for e in validate_all(&s) {
            prop_assert!(fields::field(&e.path).is_some(), "{} is not in the fields table", e.path);
            prop_assert!(!problem_text(&e, Lang::Sv).is_empty());
        }
    }

    /// Any text at all is read or refused, never a panic, and the refusal
    /// (in the API's English and in the app's words) stays short.
    #[test]
    fn any_text_is_read_or_refused_in_a_short_message(text in ".{0,300}") {
        if let Err(e) = fundsim::model::simulate_json(&text) {
            prop_assert!(e.to_string().chars().count() < 600, "{}", e);
            prop_assert!(error_text(&e, None, Lang::Sv).chars().count() < 900);
        }
    }

    /// A scenario's JSON with a value replaced by any JSON value is read or
    /// refused at a path the fields table knows or at an unknown key; never a panic.
    #[test]
    fn a_wrong_value_anywhere_is_refused_naming_a_known_field(
        at in 0usize..200,
        value in prop_oneof![
            Just("\"soon\"".to_string()), Just("-1".to_string()), Just("2.5".to_string()), Just("null".to_string()),
            Just("true".to_string()), Just("[]".to_string()), Just("{}".to_string()), Just("1e999".to_string()),
            Just("[\"0.1\"]".to_string()),
        ],
    ) {
        // Replace the `at`-th value (after a colon) of the example's compact JSON.
        let json = serde_json::to_string(&serde_json::from_str::<serde_json::Value>(include_str!("data/example.json")).unwrap()).unwrap();
        let colons: Vec<usize> = json.match_indices(':').map(|(i, _)| i).collect();
        let start = colons[at % colons.len()] + 1;
        let rest = &json[start..];
        // The value ends at the next comma or closing bracket at this depth.
        let mut depth = 0i32;
        let mut in_string = false;
        let mut end = rest.len();
        for (i, c) in rest.char_indices() {
            match c {
                '"' => in_string = !in_string,
                '{' | '[' if !in_string => depth += 1,
                '}' | ']' if !in_string && depth == 0 => { end = i; break; }
                '}' | ']' if !in_string => depth -= 1,
                ',' if !in_string && depth == 0 => { end = i; break; }
                _ => {}
            }
        }
        let broken = format!("{}{}{}", &json[..start], value, &rest[end..]);
        if let Err(e) = fundsim::model::simulate_json(&broken) {
            let known = e.path.is_empty() || fields::field(&e.path).is_some();
            prop_assert!(known, "{} ({}) is not in the fields table", e.path, e);
            prop_assert!(!error_text(&e, None, Lang::Sv).is_empty());
        }
    }
}

/// One scenario per rule of the validator, each broken on its own: the
/// kinds of problem it can find are all found, at paths the table knows.
#[test]
fn every_rule_of_the_validator_is_refused_at_a_field_the_table_knows() {
    let base = example();
    type Break = Box<dyn Fn(&mut Scenario)>;
    let breaks: Vec<Break> = vec![
        Box::new(|s| s.schema_version = 0),
        Box::new(|s| s.schema_version = 9),
        Box::new(|s| s.name = "n".repeat(MAX_NAME_CHARS + 1)),
        Box::new(|s| s.description = "d".repeat(MAX_DESCRIPTION_CHARS + 1)),
        Box::new(|s| s.currency = String::new()),
        Box::new(|s| s.currency = "c".repeat(MAX_CURRENCY_CHARS + 1)),
        Box::new(|s| s.start_year = 1899),
        Box::new(|s| s.horizon_years = 0),
        Box::new(|s| s.discount_rate = Decimal::TWO),
        Box::new(|s| s.actors.clear()),
        Box::new(|s| {
            let first = s.actors[0].clone();
            s.actors = vec![first; MAX_ACTORS + 1];
        }),
        Box::new(|s| s.actors[1].id = " ".into()),
        Box::new(|s| s.actors[1].id = "x".repeat(MAX_ID_CHARS + 1)),
        Box::new(|s| s.actors[1].id = s.actors[0].id.clone()),
        Box::new(|s| s.actors[1].name = "n".repeat(MAX_NAME_CHARS + 1)),
        Box::new(|s| s.fund.financed_by = "nobody".into()),
        Box::new(|s| s.fund.initial_capital = Decimal::NEGATIVE_ONE),
        Box::new(|s| s.fund.allocations = vec![Decimal::NEGATIVE_ONE]),
        Box::new(|s| {
            s.repayment_default = Some(RepaymentRule::Fixed { share: Decimal::TEN, years: 0, start_after: 61 })
        }),
        Box::new(|s| {
            s.repayment_default = Some(RepaymentRule::SavingsShare {
                share: Decimal::TWO,
                cap: Some(Decimal::NEGATIVE_ONE),
                start_after: 61,
            })
        }),
        Box::new(|s| {
            let first = s.interventions[0].clone();
            s.interventions = vec![first; MAX_INTERVENTIONS + 1];
        }),
        Box::new(|s| s.interventions[0].id = String::new()),
        Box::new(|s| s.interventions[0].id = "x".repeat(MAX_ID_CHARS + 1)),
        Box::new(|s| {
            let mut second = s.interventions[0].clone();
            second.name = "Andra".into();
            s.interventions.push(second);
        }),
        Box::new(|s| s.interventions[0].name = "n".repeat(MAX_NAME_CHARS + 1)),
        Box::new(|s| s.interventions[0].owner = "nobody".into()),
        Box::new(|s| s.interventions[0].years = 0),
        Box::new(|s| {
            let iv = &mut s.interventions[0];
            iv.annual_cost = Decimal::NEGATIVE_ONE;
            iv.participants_per_year = Decimal::NEGATIVE_ONE;
            iv.fund_share = Decimal::TWO;
            iv.success_rate = Decimal::TWO;
            iv.deadweight = Decimal::TWO;
            iv.drop_off = Decimal::TWO;
        }),
        Box::new(|s| s.interventions[0].avoided_costs[0].actor = "nobody".into()),
        Box::new(|s| {
            let twice = s.interventions[0].avoided_costs[0].clone();
            s.interventions[0].avoided_costs.push(twice);
        }),
        Box::new(|s| {
            let outside = s.actors.iter().find(|a| !a.inside).map(|a| a.id.clone()).unwrap_or_default();
            s.interventions[0].owner = outside;
            s.interventions[0].repayment = Some(RepaymentRule::Fixed { share: Decimal::ONE, years: 1, start_after: 0 });
        }),
        Box::new(|s| {
            let outside = s.actors.iter().find(|a| !a.inside).map(|a| a.id.clone()).unwrap_or_default();
            s.interventions[0].owner = outside;
            s.interventions[0].repayment = None;
            s.repayment_default = Some(RepaymentRule::Fixed { share: Decimal::ONE, years: 1, start_after: 0 });
        }),
        Box::new(|s| {
            let wide = Range { low: Decimal::NEGATIVE_ONE, high: Decimal::TWO };
            let beside = Range { low: Decimal::ZERO, high: Decimal::ZERO };
            s.interventions[0].uncertainty = Some(Uncertainty {
                success_rate: Some(wide),
                deadweight: Some(beside),
                drop_off: Some(wide),
                annual_cost: Some(wide),
                avoided_costs: Some(Range { low: Decimal::ONE, high: Decimal::ZERO }),
            });
        }),
        Box::new(|s| {
            s.interventions[0].repayment = Some(RepaymentRule::Fixed { share: Decimal::ONE, years: 61, start_after: 0 })
        }),
    ];
    let mut kinds = HashSet::new();
    for (n, change) in breaks.iter().enumerate() {
        let mut s = base.clone();
        change(&mut s);
        let errors = validate_all(&s);
        assert!(!errors.is_empty(), "break {n} was accepted");
        for e in errors {
            assert!(fields::field(&e.path).is_some(), "{} is not in the fields table", e.path);
            kinds.insert(std::mem::discriminant(&e.problem));
        }
    }
    // Every kind of problem the validator has (each one constructed in validate.rs).
    let one = Decimal::ONE;
    let echo = Echo::new("x");
    let validator_kinds = [
        Problem::Between { low: one, high: one },
        Problem::AtLeast { low: one },
        Problem::Negative,
        Problem::Empty,
        Problem::TooLong { max: 1 },
        Problem::OnlyVersion { reads: 1 },
        Problem::NewerVersion { found: 2, reads: 1 },
        Problem::ActorCount { max: 1 },
        Problem::TooManyInterventions { max: 1 },
        Problem::NotAnActor(echo.clone()),
        Problem::UsedByAnotherActor(echo.clone()),
        Problem::UsedByAnotherIntervention(echo.clone()),
        Problem::ListedTwice(echo.clone()),
        Problem::OutsideCannotRepay { name: echo },
        Problem::ShareRangeInvalid,
        Problem::RangeMissesValue { value: one },
        Problem::FactorRangeInvalid,
    ];
    for kind in validator_kinds {
        assert!(kinds.contains(&std::mem::discriminant(&kind)), "no break refuses with {kind:?}");
    }
}

// ------------------------------------------------------------------ echo limits

#[test]
fn a_ten_megabyte_unknown_key_is_not_echoed_whole() {
    let key = "k".repeat(10_000_000);
    let json = include_str!("data/example.json").replacen('{', &format!("{{\"{key}\": 1, "), 1);
    let e = fundsim::model::simulate_json(&json).unwrap_err();
    assert!(matches!(&e.problem, Problem::UnknownField { field, .. } if field.as_str().chars().count() == 101));
    // The path and the field, each 100 characters and an ellipsis, and serde's list of fields.
    assert!(e.to_string().len() < 600, "{} bytes", e.to_string().len());
    assert!(error_text(&e, None, Lang::Sv).len() < 900);
}

#[test]
fn ids_names_and_found_values_are_echoed_at_most_100_characters() {
    let long = "Ö".repeat(5_000);
    let mut s = example();
    s.interventions[0].owner = long.clone();
    s.actors[0].name = "namn".into();
    let e = fundsim::model::validate::validate(&s).unwrap_err();
    assert_eq!(e.problem, Problem::NotAnActor(Echo::new(&long)));
    assert_eq!(e.to_string(), format!("interventions[0].owner: \"{}…\" is not an actor", "Ö".repeat(100)));

    let json =
        include_str!("data/example.json").replacen("\"start_year\": 2026", &format!("\"start_year\": \"{long}\""), 1);
    let e = Scenario::from_json(&json).unwrap_err();
    assert_eq!(e.to_string(), format!("start_year: invalid type: string \"{}…\", expected i32", "Ö".repeat(100)));
}

// ------------------------------------------------------------------ size limits

#[test]
fn texts_up_to_their_limits_are_accepted_counted_in_characters() {
    // Two-byte characters: the limits count characters, not bytes.
    let mut s = example();
    s.name = "å".repeat(MAX_NAME_CHARS);
    s.description = "é".repeat(MAX_DESCRIPTION_CHARS);
    s.currency = "€".repeat(MAX_CURRENCY_CHARS);
    s.actors[0].name = "ä".repeat(MAX_NAME_CHARS);
    let id = "ö".repeat(MAX_ID_CHARS);
    let old = std::mem::replace(&mut s.actors[0].id, id.clone());
    if s.fund.financed_by == old {
        s.fund.financed_by = id.clone();
    }
    for iv in &mut s.interventions {
        if iv.owner == old {
            iv.owner = id.clone();
        }
        for a in &mut iv.avoided_costs {
            if a.actor == old {
                a.actor = id.clone();
            }
        }
    }
    s.interventions[0].id = "ü".repeat(MAX_ID_CHARS);
    s.interventions[0].name = "ü".repeat(MAX_NAME_CHARS);
    assert_eq!(validate_all(&s), Vec::<ScenarioError>::new());
    assert!(simulate(&s).is_ok());
}

#[test]
fn a_description_one_character_too_long_is_refused_naming_it() {
    let mut s = example();
    s.description = "é".repeat(MAX_DESCRIPTION_CHARS + 1);
    let e = fundsim::model::validate::validate(&s).unwrap_err();
    assert_eq!(e.to_string(), "description: must be at most 20000 characters long");
    assert_eq!(problem_text(&e, Lang::Sv), "Får vara högst 20\u{a0}000 tecken långt.");
}
