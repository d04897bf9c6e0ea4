//! Runs the contract's cases, which are data: `tests/cases/*.json`.
//!
//! Each file has a `base` scenario and a list of `cases`. A case names what it
//! checks (`name`), says how its expected figures were derived by hand
//! (`why`), changes the base with `set` (path → value) and `remove` (paths),
//! and then either `expect`s figures of the result JSON (path → the exact
//! JSON value) or an `error` (the field path the message must name, and a
//! part of its text). A case may `call` another function of the API than
//! `simulate` (`break_even`, `sensitivity`, `monte_carlo`), with its
//! arguments `by_year`, `seed` and `draws`. Paths read like `interventions[0].fund_share` or
//! `actors.school.rows[2].repayment` (an array of objects with an `id` is
//! indexed by that id). A reader adds a case without reading this runner.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use serde_json::Value;

#[derive(Debug, Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn parse_path(path: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    for part in path.split('.') {
        let (key, rest) = match part.find('[') {
            Some(at) => (&part[..at], &part[at..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            steps.push(Step::Key(key.to_string()));
        }
        for index in rest.split('[').filter(|s| !s.is_empty()) {
            let n = index.trim_end_matches(']').parse().unwrap_or_else(|_| panic!("bad index in path {path}"));
            steps.push(Step::Index(n));
        }
    }
    steps
}

fn get<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    let mut at = value;
    for step in parse_path(path) {
        at = match (step, at) {
            (Step::Index(i), Value::Array(items)) => items.get(i)?,
            (Step::Key(k), Value::Object(map)) => map.get(&k)?,
            (Step::Key(k), Value::Array(items)) => {
                items.iter().find(|item| item.get("id") == Some(&Value::String(k.clone())))?
            }
            _ => return None,
        };
    }
    Some(at)
}

fn set(value: &mut Value, path: &str, new: Value) {
    let steps = parse_path(path);
    let (last, parents) = steps.split_last().expect("empty path");
    let mut at = value;
    for step in parents {
        at = match step {
            Step::Index(i) => at.get_mut(*i).unwrap_or_else(|| panic!("no index {i} in {path}")),
            Step::Key(k) => {
                if let Value::Array(items) = at {
                    items
                        .iter_mut()
                        .find(|item| item.get("id") == Some(&Value::String(k.clone())))
                        .unwrap_or_else(|| panic!("no id {k} in {path}"))
                } else {
                    at.as_object_mut()
                        .unwrap_or_else(|| panic!("not an object at {k} in {path}"))
                        .entry(k.clone())
                        .or_insert(Value::Object(Default::default()))
                }
            }
        };
    }
    match last {
        Step::Key(k) => {
            at.as_object_mut().unwrap_or_else(|| panic!("not an object before {k} in {path}")).insert(k.clone(), new);
        }
        Step::Index(i) => {
            let items = at.as_array_mut().unwrap_or_else(|| panic!("not an array in {path}"));
            if *i == items.len() {
                items.push(new);
            } else {
                items[*i] = new;
            }
        }
    }
}

fn remove(value: &mut Value, path: &str) {
    let (parent, key) = path.rsplit_once('.').map(|(p, k)| (Some(p), k)).unwrap_or((None, path));
    let target = match parent {
        Some(p) => {
            let mut at = value;
            for step in parse_path(p) {
                at = match step {
                    Step::Index(i) => &mut at[i],
                    Step::Key(k) => &mut at[k.as_str()],
                };
            }
            at
        }
        None => value,
    };
    target.as_object_mut().unwrap_or_else(|| panic!("cannot remove {path}")).remove(key);
}

/// The function a case calls (`call`, default `simulate`), with its arguments.
fn call(case: &Value, json: &str) -> Result<String, fundsim::model::ScenarioError> {
    let by_year = case.get("by_year").and_then(Value::as_i64).map(|y| y as i32);
    match case.get("call").and_then(Value::as_str) {
        None | Some("simulate") => fundsim::model::simulate_json(json),
        Some("break_even") => fundsim::model::decision::break_even_json(json, by_year),
        Some("sensitivity") => fundsim::model::decision::sensitivity_json(json),
        Some("monte_carlo") => {
            let seed = case["seed"].as_u64().expect("a monte_carlo case has a seed");
            let draws = case["draws"].as_u64().expect("a monte_carlo case has draws") as u32;
            fundsim::model::montecarlo::monte_carlo_json(json, seed, draws, by_year)
        }
        Some(other) => panic!("unknown call {other}"),
    }
}

fn check_file(file: &Path) -> Vec<String> {
    let text = fs::read_to_string(file).unwrap();
    let doc: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let mut failures = Vec::new();
    for case in doc["cases"].as_array().expect("cases") {
        let name =
            format!("{} / {}", file.file_name().unwrap().to_string_lossy(), case["name"].as_str().expect("name"));
        assert!(case["why"].is_string() || case["why"].is_array(), "{name}: every case says why (its derivation)");
        let mut scenario = case.get("scenario").cloned().unwrap_or_else(|| doc["base"].clone());
        if let Some(changes) = case.get("set").and_then(Value::as_object) {
            for (path, value) in changes {
                set(&mut scenario, path, value.clone());
            }
        }
        for path in case.get("remove").and_then(Value::as_array).into_iter().flatten() {
            remove(&mut scenario, path.as_str().expect("remove path"));
        }
        let outcome = call(case, &scenario.to_string());
        match (case.get("expect"), case.get("error"), outcome) {
            (Some(expect), None, Ok(result)) => {
                let result: Value = serde_json::from_str(&result).unwrap();
                for (path, wanted) in expect.as_object().expect("expect is an object") {
                    match get(&result, path) {
                        Some(got) if got == wanted => {}
                        got => failures.push(format!("{name}: {path} = {got:?}, expected {wanted}")),
                    }
                }
            }
            (None, Some(error), Err(e)) => {
                let path = error["path"].as_str().expect("error.path");
                if e.path != path {
                    failures.push(format!("{name}: error at `{}` ({}), expected at `{path}`", e.path, e.problem));
                }
                if let Some(part) = error.get("contains").and_then(Value::as_str) {
                    if !e.to_string().contains(part) {
                        failures.push(format!("{name}: message `{e}` lacks `{part}`"));
                    }
                }
                assert!(e.to_string().starts_with(path), "{name}: the message starts with the field path");
            }
            (Some(_), None, Err(e)) => failures.push(format!("{name}: refused: {e}")),
            (None, Some(_), Ok(_)) => failures.push(format!("{name}: accepted, expected an error")),
            _ => panic!("{name}: a case has either `expect` or `error`"),
        }
    }
    failures
}

fn run(file: &str) {
    let failures = check_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases").join(file));
    assert!(failures.is_empty(), "{} failing:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn grants_and_costs() {
    run("grants_and_costs.json");
}

#[test]
fn savings() {
    run("savings.json");
}

#[test]
fn repayment_fixed() {
    run("repayment_fixed.json");
}

#[test]
fn repayment_savings_share() {
    run("repayment_savings_share.json");
}

#[test]
fn fund_and_accounting() {
    run("fund_and_accounting.json");
}

#[test]
fn key_figures() {
    run("key_figures.json");
}

#[test]
fn rounding() {
    run("rounding.json");
}

#[test]
fn worked_examples() {
    run("worked_examples.json");
}

#[test]
fn decision() {
    run("decision.json");
}

#[test]
fn bad_input() {
    run("bad_input.json");
}

/// Every case file in the folder is run by one of the tests above.
#[test]
fn every_case_file_is_run() {
    let source = include_str!("cases.rs");
    for entry in fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases")).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().to_string();
        assert!(source.contains(&format!("run(\"{name}\")")), "{name} is not run");
    }
}

#[test]
fn outcome_contracts() {
    run("outcome_contracts.json");
}
