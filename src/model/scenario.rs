//! The scenario: everything a user states about a fund, its actors and its
//! interventions, in the JSON shape of the contract (`shared/spec/model.md`).
//!
//! These types are plain data. Parsing checks only the JSON's shape (with the
//! failing field's path); the rules of the contract are checked by
//! [`crate::model::validate`].

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::error::{read_problem, Echo, Problem, ScenarioError};

/// The newest scenario format this build reads: 2, a scenario with outcome
/// contracts. A scenario without them is still written as version 1.
pub const SCHEMA_VERSION: u32 = 2;

/// A whole scenario: a fund, the actors around it and the interventions it pays for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Version of the scenario format; a larger number was made by a newer fundsim.
    pub schema_version: u32,
    /// Title shown to the user.
    pub name: String,
    /// Free text: the story behind the scenario and its sources.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Currency label of every amount (all amounts in fixed prices).
    pub currency: String,
    /// Calendar year of year index 0.
    pub start_year: i32,
    /// Number of years simulated, 1 to 60.
    pub horizon_years: u32,
    /// Yearly discount rate for present values, 0 to 1 (0.035 = 3.5 %).
    pub discount_rate: Decimal,
    /// Administrations and principals that bear costs or get savings.
    pub actors: Vec<Actor>,
    /// The social investment fund.
    pub fund: Fund,
    /// Repayment rule of every intervention that has none of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repayment_default: Option<RepaymentRule>,
    /// Time-limited projects paid (partly) by the fund.
    #[serde(default)]
    pub interventions: Vec<Intervention>,
    /// Social outcome contracts ("utfallskontrakt"; schema_version 2 only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outcome_contracts: Vec<OutcomeContract>,
}

/// A social outcome contract: an investor pays an intervention's costs, the
/// payer (and co-payers) pay for each outcome achieved, up to a cap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutcomeContract {
    /// Unique, non-empty identifier.
    pub id: String,
    /// Name shown to the user.
    #[serde(default)]
    pub name: String,
    /// The intervention under the contract (at most one contract each).
    pub intervention: String,
    /// The actor that pays what the co-payers do not.
    pub payer: String,
    /// Actors that pay a share of every outcome payment.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_payers: Vec<CoPayer>,
    /// Paid for each outcome, at least 0.
    pub price_per_outcome: Decimal,
    /// Years after a cohort's first year of savings before it is paid, 0 to 60.
    #[serde(default)]
    pub pay_after_years: u32,
    /// Most paid in all, at least 0; `None` for no cap.
    #[serde(default)]
    pub cap: Option<Decimal>,
}

/// An actor that pays a share of a contract's outcome payments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoPayer {
    /// The actor.
    pub actor: String,
    /// Its share of every payment, 0 to 1.
    pub share: Decimal,
}

/// An administration, committee or principal ("förvaltning", "nämnd", "huvudman").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// Unique, non-empty identifier used by the fund and the interventions.
    pub id: String,
    /// Name shown to the user.
    pub name: String,
    /// Part of the organisation that owns the fund; only inside actors repay it.
    pub inside: bool,
}

/// How the fund's spending hits the financing actor's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Accounting {
    /// A yearly appropriation: the allocation is the cost, in the year it is made.
    Appropriation,
    /// Earmarked equity: grants are a cost when spent, repayments come back as income.
    EarmarkedEquity,
}

/// The social investment fund ("social investeringsfond").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fund {
    /// The actor whose budget finances the fund.
    pub financed_by: String,
    /// Appropriation or earmarked equity.
    pub accounting: Accounting,
    /// Balance before the first year, at least 0.
    pub initial_capital: Decimal,
    /// Money put in during year `y` (index); missing years are 0, years past the horizon are ignored.
    #[serde(default)]
    pub allocations: Vec<Decimal>,
}

/// What an intervention pays back into the fund ("återföring").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RepaymentRule {
    /// A grant: nothing is paid back.
    None,
    /// The owner repays `share` × the total grant in `years` equal instalments,
    /// starting `start_after` years after the intervention has ended.
    Fixed {
        /// Multiple of the total grant to repay, 0 to 5 (above 1 models interest).
        share: Decimal,
        /// Number of equal instalments, 1 to 60.
        years: u32,
        /// Years between the intervention's end and the first instalment, 0 to 60.
        #[serde(default)]
        start_after: u32,
    },
    /// Inside actors repay `share` of the savings the intervention gives them,
    /// until `cap` × the total grant is repaid.
    SavingsShare {
        /// Share of each inside actor's savings paid back, 0 to 1.
        share: Decimal,
        /// Multiple of the total grant at which repayment stops; `None` for no cap.
        #[serde(default)]
        cap: Option<Decimal>,
        /// Years after the intervention's start before repayment begins, 0 to 60.
        #[serde(default)]
        start_after: u32,
    },
}

/// A time-limited, preventive project ("insats").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Intervention {
    /// Unique, non-empty identifier.
    pub id: String,
    /// Name shown to the user.
    pub name: String,
    /// The actor that runs the intervention and co-finances what the fund does not pay.
    pub owner: String,
    /// First running year (index).
    pub start: u32,
    /// Number of running years, at least 1.
    pub years: u32,
    /// Cost in each running year, at least 0.
    pub annual_cost: Decimal,
    /// Share of the cost paid by the fund, 0 to 1.
    pub fund_share: Decimal,
    /// Participants entering in each running year (one cohort a year), at least 0.
    pub participants_per_year: Decimal,
    /// Share of participants for whom the intervention works, 0 to 1.
    pub success_rate: Decimal,
    /// Share of successes that would have happened anyway ("dödvikt"), 0 to 1.
    pub deadweight: Decimal,
    /// Years between a cohort's entry and its first year of savings.
    pub lag_years: u32,
    /// Number of years a cohort gives savings.
    pub benefit_years: u32,
    /// Yearly decline of the effect ("avklingning"), 0 to 1.
    pub drop_off: Decimal,
    /// Avoided cost per successful participant and year, per actor.
    #[serde(default)]
    pub avoided_costs: Vec<AvoidedCost>,
    /// This intervention's repayment rule; without it the scenario's default applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub repayment: Option<RepaymentRule>,
    /// Ranges for the Monte Carlo run.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uncertainty: Option<Uncertainty>,
}

/// Cost that one actor no longer has for each successful participant, each year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AvoidedCost {
    /// The actor that saves.
    pub actor: String,
    /// Amount per successful participant and year; negative when the actor's cost rises.
    pub per_year: Decimal,
}

/// A range `low ..= high`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Range {
    /// Lowest value.
    pub low: Decimal,
    /// Highest value.
    pub high: Decimal,
}

/// Uncertainty ranges of an intervention, used only by the Monte Carlo run.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Uncertainty {
    /// Range of the success rate (within 0..1, containing the value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_rate: Option<Range>,
    /// Range of the deadweight (within 0..1, containing the value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadweight: Option<Range>,
    /// Range of the drop-off (within 0..1, containing the value).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub drop_off: Option<Range>,
    /// Factor range multiplying the annual cost (`0 ≤ low ≤ 1 ≤ high`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub annual_cost: Option<Range>,
    /// Factor range multiplying every avoided cost (`0 ≤ low ≤ 1 ≤ high`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub avoided_costs: Option<Range>,
}

impl Intervention {
    /// Whether any of its uncertainty ranges is given (the Monte Carlo run then draws it).
    pub fn is_ranged(&self) -> bool {
        self.uncertainty.as_ref().is_some_and(|u| *u != Default::default())
    }
}

impl Scenario {
    /// The actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    /// The repayment rule that applies to an intervention: its own, else the default, else none.
    pub fn repayment_rule<'a>(&'a self, intervention: &'a Intervention) -> &'a RepaymentRule {
        intervention.repayment.as_ref().or(self.repayment_default.as_ref()).unwrap_or(&RepaymentRule::None)
    }

    /// The outcome contract an intervention is under, if any.
    pub fn contract_of(&self, intervention: &str) -> Option<&OutcomeContract> {
        self.outcome_contracts.iter().find(|c| c.intervention == intervention)
    }

    /// Parses a scenario from JSON, naming the failing field's path on error.
    ///
    /// Only the shape is checked here; use [`crate::model::validate::validate`]
    /// (or [`crate::model::simulate_json`]) for the contract's rules.
    pub fn from_json(json: &str) -> Result<Scenario, ScenarioError> {
        // The version is read first: a newer file may have fields this build does not know.
        // Only that field is read (the rest is skipped), so no general JSON
        // value type is needed here.
        #[derive(Deserialize)]
        struct Version {
            schema_version: Option<serde_json::Number>,
        }
        if let Ok(Version { schema_version: Some(version) }) = serde_json::from_str::<Version>(json) {
            if let Some(found) = version.as_u64() {
                if found > u64::from(SCHEMA_VERSION) {
                    return Err(ScenarioError::new(
                        "schema_version",
                        Problem::NewerVersion { found, reads: SCHEMA_VERSION },
                    ));
                }
            }
        }
        serde_json::from_str(json).map_err(|e| {
            let path = if e.is_syntax() || e.is_eof() { String::new() } else { path_at(json, e.line(), e.column()) };
            ScenarioError::new(list_owner(path), read_problem(&e, json))
        })
    }

    /// The scenario as pretty JSON, decimals as strings.
    pub fn to_json(&self) -> String {
        // Serialising plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// The keys of the scenario that hold lists.
const LISTS: [&str; 6] = ["actors", "allocations", "interventions", "avoided_costs", "outcome_contracts", "co_payers"];

/// A path whose last field holds a list where none belongs (`"annual_cost":
/// ["1"]`, reported inside the list: `annual_cost[0]`) names that field.
fn list_owner(mut path: String) -> String {
    let last = path.rfind('.').map_or(0, |dot| dot + 1);
    if let Some(open) = path[last..].find('[') {
        if !LISTS.contains(&&path[last..last + open]) {
            path.truncate(last + open);
        }
    }
    path
}

/// The JSON path (`interventions[2].start`) of the value being read at a
/// line and column of `json`: where serde_json stopped with an error.
///
/// serde_json reports a wrong value just after reading it, an unknown field
/// just after its name, and a missing field (or a bad tag of a rule) just
/// after the object's closing brace; walking the text up to that point with a
/// stack of open objects and arrays gives the field's path in each case. This
/// replaces a path-tracking deserializer that doubled the parser's code in
/// the download.
fn path_at(json: &str, line: usize, column: usize) -> String {
    enum Frame {
        Object { key: Option<String>, expect_key: bool },
        Array { index: usize },
    }
    let bytes = json.as_bytes();
    // Line and column are 1-based; the column counts bytes.
    let mut end = 0;
    for (n, text) in json.split_inclusive('\n').enumerate() {
        if n + 1 == line {
            end += column.min(text.len());
            break;
        }
        end += text.len();
    }
    let end = end.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    while i < end {
        match bytes[i] {
            b'{' => stack.push(Frame::Object { key: None, expect_key: true }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index }) => *index += 1,
                Some(Frame::Object { expect_key, .. }) => *expect_key = true,
                None => {}
            },
            b'"' => {
                let start = i + 1;
                let mut j = start;
                while j < bytes.len() && bytes[j] != b'"' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                if let Some(Frame::Object { key, expect_key }) = stack.last_mut() {
                    if *expect_key {
                        // A key is echoed: a 10 MB unknown key must not make a 10 MB path.
                        *key = json.get(start..j.min(bytes.len())).map(|k| Echo::new(k).into_string());
                        *expect_key = false;
                    }
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => {}
            Frame::Array { index } => path.push_str(&format!("[{index}]")),
        }
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> serde_json::Value {
        let doc: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/cases/worked_examples.json")).unwrap_or_default();
        doc["cases"][0]["scenario"].clone()
    }

    /// The refused field's path, whether the file is on one line or indented over many.
    fn path_of(mut broken: impl FnMut(&mut serde_json::Value)) -> (String, String) {
        let mut v = example();
        broken(&mut v);
        let compact = Scenario::from_json(&v.to_string()).unwrap_err().path;
        let pretty = Scenario::from_json(&serde_json::to_string_pretty(&v).unwrap()).unwrap_err().path;
        (compact, pretty)
    }

    #[test]
    fn shape_errors_name_the_field_on_one_line_and_indented() {
        let both = |p: &str| (p.to_string(), p.to_string());
        assert_eq!(
            path_of(|v| v["interventions"][0]["start"] = serde_json::json!("x")),
            both("interventions[0].start")
        );
        assert_eq!(path_of(|v| v["fund"]["allocations"][2] = serde_json::json!("ten")), both("fund.allocations[2]"));
        assert_eq!(
            path_of(|v| v["interventions"][0]["avoided_costs"][1]["per_year"] = serde_json::json!(true)),
            both("interventions[0].avoided_costs[1].per_year")
        );
        assert_eq!(
            path_of(|v| {
                v["actors"][3].as_object_mut().unwrap().remove("inside");
            }),
            both("actors[3]")
        );
        assert_eq!(path_of(|v| v["fund"]["colour"] = serde_json::json!("red")), both("fund.colour"));
        assert_eq!(
            path_of(|v| {
                v.as_object_mut().unwrap().remove("currency");
            }),
            both("")
        );
        // A list where a value belongs names the field, not the list's first item.
        assert_eq!(
            path_of(|v| v["interventions"][0]["annual_cost"] = serde_json::json!(["1"])),
            both("interventions[0].annual_cost")
        );
        assert_eq!(
            path_of(|v| v["interventions"][0]["repayment"] = serde_json::json!(["fixed"])),
            both("interventions[0].repayment")
        );
        // Keys with escaped quotes do not confuse the walk.
        assert_eq!(
            path_of(|v| {
                v["description"] = serde_json::json!("a \"quoted\" {text} [x]");
                v["horizon_years"] = serde_json::json!(-1);
            }),
            both("horizon_years")
        );
    }
}
