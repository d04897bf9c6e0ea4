//! Every problem, and the malformed scenarios users paste, said in Swedish
//! (without a word of English) and in English.

use rust_decimal::Decimal;

use super::*;
use crate::model::error::ArgumentKind;
use crate::model::error::{Expected, Found, Syntax};
use crate::model::{Echo, Problem, Scenario, ScenarioError};

/// English words a Swedish message must not contain (outside what the
/// reader typed and the JSON keys and values a message lists).
const ENGLISH: &[&str] = &[
    "a",
    "allowed",
    "amounts",
    "an",
    "and",
    "another",
    "are",
    "at",
    "be",
    "between",
    "boolean",
    "by",
    "cannot",
    "characters",
    "choose",
    "column",
    "compute",
    "contain",
    "damaged",
    "empty",
    "ends",
    "eof",
    "expected",
    "field",
    "fields",
    "floating",
    "found",
    "given",
    "here",
    "integer",
    "invalid",
    "is",
    "key",
    "large",
    "least",
    "line",
    "list",
    "long",
    "made",
    "map",
    "missing",
    "most",
    "must",
    "negative",
    "newer",
    "no",
    "not",
    "number",
    "object",
    "of",
    "only",
    "or",
    "organisation",
    "outside",
    "parsing",
    "point",
    "quotes",
    "reads",
    "repay",
    "rule",
    "sequence",
    "smaller",
    "stored",
    "string",
    "struct",
    "the",
    "there",
    "this",
    "to",
    "too",
    "twice",
    "type",
    "unknown",
    "up",
    "use",
    "used",
    "value",
    "values",
    "variant",
    "while",
    "whole",
    "with",
];

/// The English words in `text`, once `allowed` (echoed input, JSON keys) is taken out.
fn english_in(text: &str, allowed: &[&str]) -> Vec<String> {
    let mut text = text.to_string();
    for a in allowed {
        text = text.replace(a, " ");
    }
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .map(|w| w.to_ascii_lowercase())
        .filter(|w| ENGLISH.contains(&w.as_str()))
        .collect()
}

fn d(text: &str) -> Decimal {
    text.parse().unwrap()
}

fn names(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

/// Which variant a problem is: an exhaustive match, so a new variant fails
/// to compile here until it has a sample below.
fn variant(p: &Problem) -> usize {
    match p {
        Problem::Between { .. } => 0,
        Problem::AtLeast { .. } => 1,
        Problem::Negative => 2,
        Problem::Empty => 3,
        Problem::TooLong { .. } => 4,
        Problem::OnlyVersion { .. } => 5,
        Problem::NewerVersion { .. } => 6,
        Problem::ActorCount { .. } => 7,
        Problem::TooManyInterventions { .. } => 8,
        Problem::NotAnActor(_) => 9,
        Problem::UsedByAnotherActor(_) => 10,
        Problem::UsedByAnotherIntervention(_) => 11,
        Problem::ListedTwice(_) => 12,
        Problem::OutsideCannotRepay { .. } => 13,
        Problem::ShareRangeInvalid => 14,
        Problem::RangeMissesValue { .. } => 15,
        Problem::FactorRangeInvalid => 16,
        Problem::TooLargeToCompute => 17,
        Problem::DrawTooLarge => 18,
        Problem::WholeNumberFrom { .. } => 19,
        Problem::NotALanguage(_) => 20,
        Problem::NotAView(_) => 21,
        Problem::NotAPreset(_) => 22,
        Problem::MustBeText => 23,
        Problem::PresetIdNotText => 24,
        Problem::NotAnObject { .. } => 25,
        Problem::LinkNewer { .. } => 26,
        Problem::LinkNoVersion => 27,
        Problem::LinkDamaged => 28,
        Problem::LinkNotText => 29,
        Problem::StoredEmpty => 30,
        Problem::NotJson { .. } => 31,
        Problem::EmptyInput { .. } => 32,
        Problem::UnknownField { .. } => 33,
        Problem::UnknownVariant { .. } => 34,
        Problem::MissingField(_) => 35,
        Problem::DuplicateField(_) => 36,
        Problem::WrongType { .. } => 37,
        Problem::WrongValue { .. } => 38,
        Problem::WrongLength { .. } => 39,
        Problem::Unreadable { .. } => 40,
        Problem::LinkTooLarge => 41,
        Problem::YearOfHorizon { .. } => 42,
        Problem::TooMuchWork { .. } => 43,
        Problem::WrongArgument { .. } => 44,
        Problem::LinkChangesTooLarge => 45,
        Problem::LinkChangesMissingPart => 46,
        Problem::LinkChangeMisfits => 47,
        Problem::LinkPresetChanged => 48,
        Problem::NotAnIntervention(_) => 49,
        Problem::UsedByAnotherContract(_) => 50,
        Problem::AlreadyUnderContract(_) => 51,
        Problem::CoPayerIsPayer(_) => 52,
        Problem::SharesAboveOne { .. } => 53,
        Problem::ContractsNeedVersion2 => 54,
    }
}
const VARIANTS: usize = 55;

/// One refusal of every kind (some kinds several times: each found and
/// expected value, each syntax error), at a path where it can occur, with
/// what the Swedish may contain that is not Swedish (echoes, JSON words),
/// and the Swedish and English the app shows for it (English: "" where it is
/// the API's English as a sentence).
fn samples() -> Vec<(ScenarioError, Vec<&'static str>, &'static str, &'static str)> {
    let e = |path: &str, problem| ScenarioError::new(path, problem);
    let mut all = vec![
        (
            e("interventions[0].success_rate", Problem::Between { low: d("0"), high: d("1") }),
            vec![],
            "Måste vara mellan 0 och 100\u{a0}%.",
            "Must be between 0% and 100%.",
        ),
        (
            e("interventions[0].repayment.share", Problem::Between { low: d("0"), high: d("5") }),
            vec![],
            "Måste vara mellan 0 och 500\u{a0}%.",
            "Must be between 0% and 500%.",
        ),
        (
            e("start_year", Problem::Between { low: d("1900"), high: d("2200") }),
            vec![],
            "Måste vara mellan 1900 och 2200.",
            "",
        ),
        (
            e("draws", Problem::Between { low: d("1"), high: d("10000") }),
            vec![],
            "Måste vara mellan 1 och 10\u{a0}000.",
            "",
        ),
        (e("interventions[0].years", Problem::AtLeast { low: d("1") }), vec![], "Måste vara minst 1.", ""),
        (e("fund.initial_capital", Problem::Negative), vec![], "Får inte vara negativt.", ""),
        (e("currency", Problem::Empty), vec![], "Får inte vara tomt.", ""),
        (
            e("description", Problem::TooLong { max: 20_000 }),
            vec![],
            "Får vara högst 20\u{a0}000 tecken långt.",
            "",
        ),
        (e("schema_version", Problem::OnlyVersion { reads: 1 }), vec![], "Måste vara 1.", ""),
        (
            e("outcome_contracts[0].intervention", Problem::NotAnIntervention(Echo::new("x"))),
            vec!["x"],
            "”x” är ingen insats.",
            "\"x\" is not an intervention.",
        ),
        (
            e("outcome_contracts[1].id", Problem::UsedByAnotherContract(Echo::new("sib"))),
            vec!["sib"],
            "”sib” används redan av ett annat utfallskontrakt.",
            "",
        ),
        (
            e("outcome_contracts[1].intervention", Problem::AlreadyUnderContract(Echo::new("fs"))),
            vec!["fs"],
            "”fs” har redan ett annat utfallskontrakt (högst ett per insats).",
            "",
        ),
        (
            e("outcome_contracts[0].co_payers[0].actor", Problem::CoPayerIsPayer(Echo::new("social"))),
            vec!["social"],
            "”social” är betalaren och kan inte också vara medbetalare.",
            "",
        ),
        (
            e("outcome_contracts[0].co_payers", Problem::SharesAboveOne { sum: d("1.2") }),
            vec![],
            "Medbetalarnas andelar blir tillsammans 120\u{a0}%, mer än 100\u{a0}%.",
            "The co-payers' shares add up to 120%, more than 100%.",
        ),
        (
            e("schema_version", Problem::ContractsNeedVersion2),
            vec![],
            "Måste vara 2 för ett scenario med utfallskontrakt.",
            "Must be 2 for a scenario with outcome contracts.",
        ),
        (
            e("schema_version", Problem::NewerVersion { found: 7, reads: 1 }),
            vec!["fundsim"],
            "Gjort med en nyare version av fundsim (scenarioformat 7; den här versionen läser 1).",
            "",
        ),
        (
            e("actors", Problem::ActorCount { max: 50 }),
            vec![],
            "Det måste finnas mellan 1 och 50 aktörer.",
            "",
        ),
        (e("interventions", Problem::TooManyInterventions { max: 200 }), vec![], "Högst 200 insatser.", ""),
        (
            e("interventions[0].owner", Problem::NotAnActor(Echo::new("Avd \"A\" ”“'"))),
            vec!["Avd \"A\" ”“'"],
            "”Avd \"A\" ”“'” är ingen aktör.",
            "",
        ),
        (
            e("actors[1].id", Problem::UsedByAnotherActor(Echo::new("social"))),
            vec!["social"],
            "”social” används redan av en annan aktör.",
            "",
        ),
        (
            e("interventions[1].id", Problem::UsedByAnotherIntervention(Echo::new("a"))),
            vec!["”a”"],
            "”a” används redan av en annan insats.",
            "",
        ),
        (
            e("interventions[0].avoided_costs[1].actor", Problem::ListedTwice(Echo::new("state"))),
            vec!["state"],
            "”state” står två gånger.",
            "",
        ),
        (
            e("interventions[0].owner", Problem::OutsideCannotRepay { name: Echo::new("Staten") }),
            vec![],
            "Staten står utanför organisationen och kan inte betala tillbaka i avbetalningar. Välj en annan regel eller ägare.",
            "",
        ),
        (
            e("interventions[0].uncertainty.deadweight", Problem::ShareRangeInvalid),
            vec![],
            "Lägst och högst måste ligga mellan 0 och 100\u{a0}%, och lägst får inte vara större än högst.",
            "Low and high must lie between 0% and 100%, low not above high.",
        ),
        (
            e("interventions[0].uncertainty.success_rate", Problem::RangeMissesValue { value: d("0.35") }),
            vec![],
            "Måste innehålla insatsens värde 35\u{a0}%.",
            "Must contain the intervention's value 35%.",
        ),
        (
            e("interventions[0].uncertainty.annual_cost", Problem::FactorRangeInvalid),
            vec![],
            "Måste uppfylla 0 ≤ lägst ≤ 1 ≤ högst.",
            "",
        ),
        (
            e("interventions[0]", Problem::TooLargeToCompute),
            vec![],
            "Beloppen är för stora att räkna med. Använd mindre belopp.",
            "",
        ),
        (
            e("interventions[0].uncertainty", Problem::DrawTooLarge),
            vec![],
            "Beloppen i en dragning av osäkerheten blir för stora att räkna med. Använd mindre belopp eller snävare intervall.",
            "",
        ),
        (
            e("seed", Problem::WholeNumberFrom { low: 0, high: 9_007_199_254_740_992 }),
            vec![],
            "Måste vara ett heltal från 0 till 9\u{a0}007\u{a0}199\u{a0}254\u{a0}740\u{a0}992.",
            "",
        ),
        (
            e("by_year", Problem::YearOfHorizon { first: 2026, last: 2040 }),
            vec![],
            "Måste vara ett år inom scenariots period, 2026–2040.",
            "",
        ),
        (
            e("draws", Problem::TooMuchWork { work: 200_000_000, max: 150_000_000 }),
            vec![],
            "För många dragningar för ett anrop med det här scenariot; välj färre.",
            "",
        ),
        (
            e("scenarioJson", Problem::WrongArgument { wanted: ArgumentKind::ScenarioText, got: "a number".into() }),
            vec!["JSON"],
            "Måste vara scenariot som JSON-text.",
            "",
        ),
        (
            e("lang", Problem::NotALanguage(Echo::new("de"))),
            vec!["fundsim", "sv", "en"],
            "”de” är inget språk som fundsim talar (sv, en).",
            "",
        ),
        (
            e("view", Problem::NotAView(Echo::new("big"))),
            vec!["big", "fundsim", "full", "results", "compact", "present"],
            "”big” är ingen vy i fundsim (full, results, compact, present).",
            "",
        ),
        (
            e("preset", Problem::NotAPreset(Echo::new("nope"))),
            vec!["nope"],
            "Det finns inget exempel som heter ”nope”.",
            "",
        ),
        (e("lang", Problem::MustBeText), vec![], "Måste vara en text.", ""),
        (
            e("preset", Problem::PresetIdNotText),
            vec![],
            "Måste vara ett exempels id (en text).",
            "",
        ),
        (
            e("options", Problem::NotAnObject { cause: None, line: 0, column: 0 }),
            vec![],
            "Inte ett giltigt JSON-objekt (det måste börja med {).",
            "",
        ),
        (
            e(
                "options",
                Problem::NotAnObject {
                    cause: Some(Box::new(Problem::NotJson { syntax: Syntax::EofInObject, line: 1, column: 1 })),
                    line: 1,
                    column: 1,
                },
            ),
            vec![],
            "Inte ett giltigt JSON-objekt. Texten är inte giltig JSON: texten tar slut inne i ett objekt (ett } saknas) (rad 1, kolumn 1).",
            "",
        ),
        (
            e("link.v", Problem::LinkNewer { found: 3 }),
            vec!["fundsim"],
            "Länken gjordes med en nyare version av fundsim (länkformat 3).",
            "",
        ),
        (e("link.v", Problem::LinkNoVersion), vec![], "Länken saknar en känd formatversion.", ""),
        (
            e("link.s", Problem::LinkDamaged),
            vec![],
            "Länken är skadad (den är inte komplett eller har ändrats).",
            "",
        ),
        (
            e("link.s", Problem::LinkNotText),
            vec![],
            "Länken är skadad (den innehåller inte text).",
            "",
        ),
        (
            e("link.s", Problem::LinkTooLarge),
            vec!["MiB"],
            "Länken är för stor (scenariot i den blir större än 4 MiB uppackat).",
            "",
        ),
        (
            e("link.d", Problem::LinkChangesTooLarge),
            vec!["fundsim"],
            "Länken är för stor (den har fler ändringar än fundsim öppnar).",
            "The link is too large (it has more changes than fundsim opens).",
        ),
        (
            e("interventions[9]", Problem::LinkChangesMissingPart),
            vec![],
            "Länken ändrar en del som exemplet inte har.",
            "The link changes a part that the example does not have.",
        ),
        (
            e("fund.allocations", Problem::LinkChangeMisfits),
            vec![],
            "Länkens ändring passar inte exemplet här.",
            "The link's change does not fit the example here.",
        ),
        (
            e("link.p", Problem::LinkPresetChanged),
            vec![],
            "Exemplet har ändrats sedan länken gjordes, och länkens ändringar passar inte längre.",
            "The example has changed since the link was made, and the link's changes no longer fit it.",
        ),
        (e("", Problem::StoredEmpty), vec![], "Det sparade värdet är tomt.", ""),
        (
            e("", Problem::EmptyInput { line: 1, column: 0 }),
            vec![],
            "Texten är tom: den innehåller ingen JSON.",
            "",
        ),
        (
            e(
                "interventions[0].sucess_rate",
                Problem::UnknownField { field: Echo::new("sucess_rate"), expected: names(&["id", "name", "success_rate"]) },
            ),
            vec!["sucess_rate", "success_rate", "id", "name"],
            "Fältet ”sucess_rate” finns inte här. Fälten som finns: id, name och success_rate.",
            "",
        ),
        (
            e("x", Problem::UnknownField { field: Echo::new("x"), expected: vec![] }),
            vec!["”x”"],
            "Fältet ”x” finns inte här; här får inga fält stå.",
            "",
        ),
        (
            e(
                "interventions[0].repayment.kind",
                Problem::UnknownVariant {
                    found: Echo::new("sometimes"),
                    expected: names(&["none", "fixed", "savings_share"]),
                },
            ),
            vec!["sometimes", "none", "fixed", "savings_share"],
            "”sometimes” är inte tillåtet här. Välj none, fixed eller savings_share.",
            "",
        ),
        (
            e("fund.accounting", Problem::UnknownVariant { found: Echo::new("cash"), expected: vec![] }),
            vec!["cash"],
            "”cash” är inte tillåtet här.",
            "",
        ),
        (
            e("", Problem::MissingField(Echo::new("actors"))),
            vec!["actors"],
            "Fältet ”actors” (Aktörer) saknas.",
            "",
        ),
        (
            e("actors[0]", Problem::MissingField(Echo::new("inside"))),
            vec!["inside"],
            "Fältet ”inside” (Inom organisationen) saknas.",
            "",
        ),
        (
            e("fund", Problem::MissingField(Echo::new("colour"))),
            vec!["colour"],
            "Fältet ”colour” saknas.",
            "",
        ),
        (
            e("name", Problem::DuplicateField(Echo::new("name"))),
            vec!["name"],
            "Fältet ”name” står två gånger.",
            "",
        ),
        (
            e("start_year", Problem::WrongType { found: Found::Text(Echo::new("soon")), expected: Expected::Integer }),
            vec!["soon"],
            "Måste vara ett heltal, inte texten ”soon”.",
            "",
        ),
        (
            e("horizon_years", Problem::WrongType { found: Found::Float("2.5".into()), expected: Expected::WholeNumber }),
            vec![],
            "Måste vara ett heltal från 0 och uppåt, inte talet 2.5.",
            "",
        ),
        (
            e("name", Problem::WrongType { found: Found::Bool(true), expected: Expected::Text }),
            vec!["true"],
            "Måste vara en text, inte värdet true.",
            "",
        ),
        (
            e("actors[0].inside", Problem::WrongType { found: Found::Null, expected: Expected::TrueOrFalse }),
            vec!["true", "false", "null"],
            "Måste vara true eller false, inte null.",
            "",
        ),
        (
            e("fund.allocations", Problem::WrongType { found: Found::Object, expected: Expected::List }),
            vec![],
            "Måste vara en lista [ … ], inte ett objekt.",
            "",
        ),
        (
            e("", Problem::WrongType { found: Found::List, expected: Expected::Object("Scenario".into()) }),
            vec![],
            "Måste vara ett objekt { … }, inte en lista.",
            "",
        ),
        (
            e("repayment_default", Problem::WrongType { found: Found::Text(Echo::new("fixed")), expected: Expected::Rule }),
            vec!["fixed", "kind"],
            "Måste vara en återbetalningsregel, ett objekt med ”kind”, inte texten ”fixed”.",
            "",
        ),
        (
            e(
                "discount_rate",
                Problem::WrongType { found: Found::Other(Echo::new("unit value")), expected: Expected::Decimal },
            ),
            vec![],
            "Måste vara ett tal, inte ett värde av ett annat slag.",
            "",
        ),
        (
            e("discount_rate", Problem::WrongValue { found: Found::Text(Echo::new("abc")), expected: Expected::Decimal }),
            vec!["abc"],
            "Måste vara ett tal, inte texten ”abc”.",
            "",
        ),
        (
            e("fund.initial_capital", Problem::WrongValue { found: Found::Float("1e+40".into()), expected: Expected::Decimal }),
            vec!["1e"],
            "Talet 1e+40 är för stort för att räkna med (högst cirka 7,9 × 10²⁸).",
            "",
        ),
        (
            e("interventions[0].start", Problem::WrongValue { found: Found::Integer("-1".into()), expected: Expected::WholeNumber }),
            vec![],
            "Måste vara ett heltal från 0 till 4\u{a0}294\u{a0}967\u{a0}295, inte talet -1.",
            "",
        ),
        (
            e("x", Problem::WrongValue { found: Found::Integer("3".into()), expected: Expected::Other(Echo::new("a day")) }),
            vec![],
            "Måste vara ett värde av ett annat slag, inte talet 3.",
            "",
        ),
        (
            e(
                "interventions[0].uncertainty.success_rate",
                Problem::WrongLength { length: 1, expected: Expected::Fields { name: "Range".into(), count: 2 } },
            ),
            vec![],
            "Måste vara ett objekt { … }, inte en lista med ett värde.",
            "",
        ),
        (
            e("fund", Problem::WrongLength { length: 3, expected: Expected::Fields { name: "Fund".into(), count: 4 } }),
            vec![],
            "Måste vara ett objekt { … }, inte en lista med 3 värden.",
            "",
        ),
        (
            e("", Problem::Unreadable { line: 3, column: 14 }),
            vec![],
            "Kan inte läsas (rad 3, kolumn 14).",
            "",
        ),
    ];
    for syntax in Syntax::ALL {
        let problem = Problem::NotJson { syntax, line: 2, column: 5 };
        // Checked for English words below; the exact wording is the tables in problems.rs.
        all.push((e("", problem), vec!["true", "false", "null"], "", ""));
    }
    all
}

#[test]
fn every_problem_is_said_in_swedish_without_english_and_in_english() {
    let samples = samples();
    let mut seen = [false; VARIANTS];
    for (error, allowed, sv, en) in &samples {
        seen[variant(&error.problem)] = true;
        let swedish = problem_text(error, Lang::Sv);
        let english = problem_text(error, Lang::En);
        if !sv.is_empty() {
            assert_eq!(swedish, *sv, "{error:?}");
        }
        if en.is_empty() {
            let api = error.problem.to_string();
            assert_eq!(english, format!("{}{}.", api[..1].to_ascii_uppercase(), &api[1..]), "{error:?}");
        } else {
            assert_eq!(english, *en, "{error:?}");
        }
        assert_eq!(english_in(&swedish, allowed), Vec::<String>::new(), "English in “{swedish}”");
        assert!(swedish.ends_with('.') && english.ends_with('.'), "{swedish} / {english}");
        assert_ne!(swedish, english, "{error:?} is said the same in both languages");
    }
    let missing: Vec<usize> = (0..VARIANTS).filter(|v| !seen[*v]).collect();
    assert!(missing.is_empty(), "variants without a sample: {missing:?}");
}

// ------------------------------------------------------------------ malformed scenarios

/// The contract's example scenario, changed.
fn example(change: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v: serde_json::Value = serde_json::from_str(include_str!("../../../tests/data/example.json")).unwrap();
    change(&mut v);
    v.to_string()
}

/// What the engine refuses in `json`: reading it, then its rules.
fn refused(json: &str) -> ScenarioError {
    match Scenario::from_json(json) {
        Err(e) => e,
        Ok(s) => crate::model::validate::validate(&s).expect_err("the scenario was accepted"),
    }
}

/// The malformed scenarios users paste, the six that were explained in
/// English in the Swedish app first (`Avd "A" ”“'` as owner and as
/// financer, an unknown repayment kind, a year as text, no actors, text that
/// is not JSON): the path and the API's English (unchanged: serde's own
/// words), what the Swedish app says, naming the field, and the field's
/// name in the English app (which says the API's English after it).
struct Malformed {
    json: String,
    path: &'static str,
    api: String,
    sv: String,
    en: String,
    allowed: &'static [&'static str],
}

fn malformed() -> Vec<Malformed> {
    let quoted = "Avd \"A\" ”“'";
    vec![
        Malformed {
            json: example(|v| v["interventions"][0]["owner"] = quoted.into()),
            path: "interventions[0].owner",
            api: "interventions[0].owner: \"Avd \"A\" ”“'\" is not an actor".into(),
            sv: "Insats 1 – Ägs av (interventions[0].owner): ”Avd \"A\" ”“'” är ingen aktör.".into(),
            en: "Intervention 1 – Owned by".into(),
            allowed: &["Avd \"A\" ”“'"],
        },
        Malformed {
            json: example(|v| v["fund"]["financed_by"] = quoted.into()),
            path: "fund.financed_by",
            api: "fund.financed_by: \"Avd \"A\" ”“'\" is not an actor".into(),
            sv: "Finansieras av (fund.financed_by): ”Avd \"A\" ”“'” är ingen aktör.".into(),
            en: "Financed by".into(),
            allowed: &["Avd \"A\" ”“'"],
        },
        Malformed {
            json: example(|v| v["interventions"][0]["repayment"] = serde_json::json!({"kind": "sometimes"})),
            path: "interventions[0].repayment.kind",
            api: "interventions[0].repayment.kind: unknown variant `sometimes`, expected one of `none`, `fixed`, `savings_share`".into(),
            sv: "Insats 1 – Återbetalningsregel – Typ av regel (interventions[0].repayment.kind): ”sometimes” är inte tillåtet här. Välj none, fixed eller savings_share.".into(),
            en: "Intervention 1 – Repayment rule – Kind of rule".into(),
            allowed: &["sometimes", "none", "fixed", "savings_share"],
        },
        Malformed {
            json: example(|v| v["start_year"] = "soon".into()),
            path: "start_year",
            api: "start_year: invalid type: string \"soon\", expected i32".into(),
            sv: "Första år (start_year): Måste vara ett heltal, inte texten ”soon”.".into(),
            en: "First year".into(),
            allowed: &["soon"],
        },
        Malformed {
            json: example(|v| {
                v.as_object_mut().unwrap().remove("actors");
            }),
            path: "",
            api: "missing field `actors`".into(),
            sv: "Fältet ”actors” (Aktörer) saknas.".into(),
            en: "".into(),
            allowed: &["actors"],
        },
        Malformed {
            json: "not json".into(),
            path: "",
            api: "not valid JSON (expected ident, line 1, column 2)".into(),
            sv: "Texten är inte giltig JSON: ett okänt ord (utan citattecken får bara true, false och null stå) (rad 1, kolumn 2).".into(),
            en: "".into(),
            allowed: &["true", "false", "null"],
        },
        // Nine more kinds of malformed input.
        Malformed {
            json: example(|v| v["interventions"][0]["sucess_rate"] = "0.5".into()),
            path: "interventions[0].sucess_rate",
            api: "interventions[0].sucess_rate: unknown field `sucess_rate`, expected one of `id`, `name`, `owner`, `start`, `years`, `annual_cost`, `fund_share`, `participants_per_year`, `success_rate`, `deadweight`, `lag_years`, `benefit_years`, `drop_off`, `avoided_costs`, `repayment`, `uncertainty`".into(),
            sv: "Insats 1 – sucess_rate (interventions[0].sucess_rate): Fältet ”sucess_rate” finns inte här. Fälten som finns: id, name, owner, start, years, annual_cost, fund_share, participants_per_year, success_rate, deadweight, lag_years, benefit_years, drop_off, avoided_costs, repayment och uncertainty.".into(),
            en: "Intervention 1 – sucess_rate".into(),
            allowed: &["sucess_rate", "participants_per_year", "success_rate", "annual_cost", "fund_share", "lag_years", "benefit_years", "drop_off", "avoided_costs", "id", "name", "owner", "start", "years", "deadweight", "repayment", "uncertainty"],
        },
        {
            // serde_json counts columns in bytes and points at the first character after the
            // document: the "x" two bytes after the compact example's last byte.
            let json = format!("{} x", example(|_| {}));
            let column = json.len();
            Malformed {
                api: format!("not valid JSON (trailing characters, line 1, column {column})"),
                sv: format!("Texten är inte giltig JSON: det står något efter JSON-dokumentets slut (rad 1, kolumn {column})."),
                en: "".into(),
                json,
                path: "",
                allowed: &[],
            }
        },
        Malformed {
            json: "  \n ".into(),
            path: "",
            api: "not valid JSON (EOF while parsing a value, line 2, column 1)".into(),
            sv: "Texten är tom: den innehåller ingen JSON.".into(),
            en: "".into(),
            allowed: &[],
        },
        Malformed {
            // "1e999" takes columns 20 to 24; serde_json stops at its last digit.
            json: "{\"schema_version\": 1e999}".into(),
            path: "",
            api: "not valid JSON (number out of range, line 1, column 24)".into(),
            sv: "Texten är inte giltig JSON: ett tal som är för stort (rad 1, kolumn 24).".into(),
            en: "".into(),
            allowed: &[],
        },
        Malformed {
            // 34 bytes; the text ends inside the string "Cut, at its last character.
            json: "{\"schema_version\": 1, \"name\": \"Cut".into(),
            path: "",
            api: "not valid JSON (EOF while parsing a string, line 1, column 34)".into(),
            sv: "Texten är inte giltig JSON: texten tar slut inne i en text (ett \" saknas) (rad 1, kolumn 34).".into(),
            en: "".into(),
            allowed: &[],
        },
        Malformed {
            json: example(|v| v["interventions"][0]["start"] = (-1).into()),
            path: "interventions[0].start",
            api: "interventions[0].start: invalid value: integer `-1`, expected u32".into(),
            sv: "Insats 1 – Första år (interventions[0].start): Måste vara ett heltal från 0 till 4\u{a0}294\u{a0}967\u{a0}295, inte talet -1.".into(),
            en: "Intervention 1 – First year".into(),
            allowed: &[],
        },
        Malformed {
            json: example(|_| {}).replacen("\"currency\":\"SEK\"", "\"currency\":\"SEK\",\"currency\":\"EUR\"", 1),
            path: "currency",
            api: "currency: duplicate field `currency`".into(),
            sv: "Valuta (currency): Fältet ”currency” står två gånger.".into(),
            en: "Currency".into(),
            allowed: &["currency"],
        },
        Malformed {
            json: example(|v| v["interventions"][0]["success_rate"] = "1.5".into()),
            path: "interventions[0].success_rate",
            api: "interventions[0].success_rate: must be between 0 and 1".into(),
            sv: "Insats 1 – Andel som lyckas (interventions[0].success_rate): Måste vara mellan 0 och 100\u{a0}%.".into(),
            // Typed in percent in the app: its bounds are in percent in English too.
            en: "Intervention 1 – Success rate (interventions[0].success_rate): Must be between 0% and 100%.".into(),
            allowed: &[],
        },
        Malformed {
            json: example(|v| v["interventions"][0]["uncertainty"] = serde_json::json!({"success_rate": ["0.1"]})),
            path: "interventions[0].uncertainty.success_rate",
            api: "interventions[0].uncertainty.success_rate: invalid length 1, expected struct Range with 2 elements".into(),
            sv: "Insats 1 – Osäkerhet – Andel som lyckas (interventions[0].uncertainty.success_rate): Måste vara ett objekt { … }, inte en lista med ett värde.".into(),
            en: "Intervention 1 – Uncertainty – Success rate".into(),
            allowed: &[],
        },
    ]
}

#[test]
fn fifteen_malformed_scenarios_are_explained_in_swedish_and_in_english() {
    let cases = malformed();
    assert_eq!(cases.len(), 15);
    for case in cases {
        let e = refused(&case.json);
        assert_eq!(e.path, case.path, "{}", case.api);
        // The API's English is exactly what it was before errors became values.
        assert_eq!(e.to_string(), case.api);
        let sv = error_text(&e, None, Lang::Sv);
        assert_eq!(sv, case.sv);
        assert_eq!(english_in(&sv, case.allowed), Vec::<String>::new(), "English in “{sv}”");
        let api = case.api.strip_prefix(&format!("{}: ", e.path)).unwrap_or(&case.api);
        let sentence = format!("{}{}.", api[..1].to_ascii_uppercase(), &api[1..]);
        let en = match e.path.as_str() {
            _ if case.en.ends_with('.') => case.en.clone(),
            "" => sentence,
            path => format!("{} ({path}): {sentence}", case.en),
        };
        assert_eq!(error_text(&e, None, Lang::En), en);
    }
}

#[test]
fn a_links_parts_are_named_in_both_languages() {
    // Each part of a link (format 1: `v`, `s`; format 2: `p`, `h`, `d`) has a
    // name beside its path, as the app's notice shows a refused link.
    let cases = [
        (
            "link.p",
            Problem::LinkPresetChanged,
            "Länken – Länkens exempel (link.p): Exemplet har ändrats",
            "The link – The link's example (link.p): The example has changed",
        ),
        (
            "link.h",
            Problem::LinkDamaged,
            "Länken – Länkens fingeravtryck av exemplet (link.h): Länken är skadad",
            "The link – The link's fingerprint of the example (link.h): The link is damaged",
        ),
        (
            "link.d",
            Problem::LinkChangesTooLarge,
            "Länken – Länkens ändringar (link.d): Länken är för stor",
            "The link – The link's changes (link.d): The link is too large",
        ),
    ];
    for (path, problem, sv, en) in cases {
        let e = ScenarioError::new(path, problem);
        let (said_sv, said_en) = (error_text(&e, None, Lang::Sv), error_text(&e, None, Lang::En));
        assert!(said_sv.starts_with(sv), "{said_sv}");
        assert!(said_en.starts_with(en), "{said_en}");
        assert_eq!(english_in(&said_sv, &[]), Vec::<String>::new(), "English in “{said_sv}”");
    }
}
