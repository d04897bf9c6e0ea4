//! A refused field, said to the app's reader in Swedish or English.
//!
//! The engine's [`Problem`] is a value. Swedish is written here, one
//! exhaustive `match`, so a new kind of problem does not compile until it has
//! Swedish words; English is the problem's own `Display` (the API's English,
//! itself an exhaustive `match`) as a sentence, but for fields typed in
//! percent. Numbers are written as the reader writes them ([`super::format`]);
//! a percentage field's bounds in percent ("mellan 0 och 100 %"), as the
//! fields table ([`super::fields`]) says which fields are percentages.

use rust_decimal::Decimal;

use crate::model::error::ArgumentKind;
use crate::model::error::{Expected, Found, Syntax};
use crate::model::{Problem, Scenario, ScenarioError};

use super::fields::{self, FieldKind};
use super::format::number;
use super::Lang;

/// What is wrong with the field, as a sentence for the reader: "Måste vara
/// mellan 0 och 100 %." The field is not named (it is beside its input).
pub fn problem_text(error: &ScenarioError, lang: Lang) -> String {
    let kind = fields::kind(&error.path);
    match lang {
        Lang::Sv => swedish(&error.problem, &error.path, kind),
        Lang::En => english(&error.problem, kind),
    }
}

/// The field named, with its path, and what is wrong with it:
/// "Insats 1 – Ägs av (interventions[0].owner): ”x” är ingen aktör." For
/// the whole document only the problem. `scenario` names interventions and
/// actors when it is known.
pub fn error_text(error: &ScenarioError, scenario: Option<&Scenario>, lang: Lang) -> String {
    let problem = problem_text(error, lang);
    if error.path.is_empty() {
        return problem;
    }
    let label = fields::field_label(&error.path, scenario, lang);
    let path = crate::model::Echo::new(&error.path);
    if label == path.as_str() {
        format!("{label}: {problem}")
    } else {
        format!("{label} ({path}): {problem}")
    }
}

/// A number as the reader writes it, with all its decimals; a calendar year without separators.
fn num(value: Decimal, kind: FieldKind, lang: Lang) -> String {
    if kind == FieldKind::Year {
        return value.normalize().to_string();
    }
    let value = value.normalize();
    number(value, value.scale(), lang)
}

/// A share in percent (×100), without the sign; the share itself when ×100 would overflow.
fn hundredfold(value: Decimal, lang: Lang) -> String {
    let percent = value.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(value);
    num(percent, FieldKind::Number, lang)
}

/// "`a`, `b`, `c`" → "a, b eller c" (at most 20 names, then "…").
fn list(names: &[String], last: &str) -> String {
    let shown: Vec<&str> = names.iter().take(20).map(String::as_str).collect();
    let mut text = match shown.split_last() {
        None => String::new(),
        Some((only, [])) => only.to_string(),
        Some((tail, head)) => format!("{} {last} {tail}", head.join(", ")),
    };
    if names.len() > shown.len() {
        text.push_str(" …");
    }
    text
}

/// The name of the key `field` inside the object at `path`, for a missing or repeated key.
fn child_name(path: &str, field: &str, lang: Lang) -> Option<&'static str> {
    let child = if path.is_empty() { field.to_string() } else { format!("{path}.{field}") };
    fields::field(&child).map(|f| f.name(lang))
}

fn swedish(problem: &Problem, path: &str, kind: FieldKind) -> String {
    let sv = Lang::Sv;
    let pc = kind == FieldKind::Percent;
    match problem {
        Problem::Between { low, high } if pc => {
            format!("Måste vara mellan {} och {}\u{a0}%.", hundredfold(*low, sv), hundredfold(*high, sv))
        }
        Problem::Between { low, high } => format!("Måste vara mellan {} och {}.", num(*low, kind, sv), num(*high, kind, sv)),
        Problem::AtLeast { low } => format!("Måste vara minst {}.", num(*low, kind, sv)),
        Problem::Negative => "Får inte vara negativt.".into(),
        Problem::Empty => "Får inte vara tomt.".into(),
        Problem::TooLong { max } => format!("Får vara högst {} tecken långt.", num((*max).into(), FieldKind::Count, sv)),
        Problem::OnlyVersion { reads } => format!("Måste vara {reads}."),
        Problem::NewerVersion { found, reads } => {
            format!("Gjort med en nyare version av fundsim (scenarioformat {found}; den här versionen läser {reads}).")
        }
        Problem::ActorCount { max } => format!("Det måste finnas mellan 1 och {max} aktörer."),
        Problem::TooManyInterventions { max } => format!("Högst {max} insatser."),
        Problem::NotAnActor(id) => format!("”{id}” är ingen aktör."),
        Problem::UsedByAnotherActor(id) => format!("”{id}” används redan av en annan aktör."),
        Problem::UsedByAnotherIntervention(id) => format!("”{id}” används redan av en annan insats."),
        Problem::ListedTwice(id) => format!("”{id}” står två gånger."),
        Problem::OutsideCannotRepay { name } => format!(
            "{name} står utanför organisationen och kan inte betala tillbaka i avbetalningar. Välj en annan regel eller ägare."
        ),
        Problem::ShareRangeInvalid => {
            "Lägst och högst måste ligga mellan 0 och 100\u{a0}%, och lägst får inte vara större än högst.".into()
        }
        Problem::RangeMissesValue { value } if pc => {
            format!("Måste innehålla insatsens värde {}\u{a0}%.", hundredfold(*value, sv))
        }
        Problem::RangeMissesValue { value } => format!("Måste innehålla insatsens värde {}.", num(*value, kind, sv)),
        Problem::FactorRangeInvalid => "Måste uppfylla 0 ≤ lägst ≤ 1 ≤ högst.".into(),
        Problem::NotAnIntervention(id) => format!("”{id}” är ingen insats."),
        Problem::UsedByAnotherContract(id) => format!("”{id}” används redan av ett annat utfallskontrakt."),
        Problem::AlreadyUnderContract(id) => {
            format!("”{id}” har redan ett annat utfallskontrakt (högst ett per insats).")
        }
        Problem::CoPayerIsPayer(id) => format!("”{id}” är betalaren och kan inte också vara medbetalare."),
        Problem::SharesAboveOne { sum } => format!(
            "Medbetalarnas andelar blir tillsammans {}\u{a0}%, mer än 100\u{a0}%.",
            hundredfold(*sum, sv)
        ),
        Problem::ContractsNeedVersion2 => "Måste vara 2 för ett scenario med utfallskontrakt.".into(),
        Problem::TooLargeToCompute => "Beloppen är för stora att räkna med. Använd mindre belopp.".into(),
        Problem::DrawTooLarge => {
            "Beloppen i en dragning av osäkerheten blir för stora att räkna med. Använd mindre belopp eller snävare intervall."
                .into()
        }
        Problem::WholeNumberFrom { low, high } => format!(
            "Måste vara ett heltal från {} till {}.",
            num((*low).into(), FieldKind::Count, sv),
            num((*high).into(), FieldKind::Count, sv)
        ),
        Problem::YearOfHorizon { first, last } => {
            format!("Måste vara ett år inom scenariots period, {first}–{last}.")
        }
        Problem::TooMuchWork { .. } => {
            "För många dragningar för ett anrop med det här scenariot; välj färre.".into()
        }
        Problem::WrongArgument { wanted, .. } => match wanted {
            ArgumentKind::ScenarioText => "Måste vara scenariot som JSON-text.".into(),
            ArgumentKind::Seed => "Måste vara ett heltal från 0 till 9 007 199 254 740 992.".into(),
            ArgumentKind::Draws => "Måste vara ett heltal från 1 till 100 000.".into(),
            ArgumentKind::Year => "Måste vara ett årtal eller utelämnas.".into(),
            ArgumentKind::Element => "Måste vara ett element på sidan.".into(),
            ArgumentKind::OptionsText => "Måste vara inställningarna som JSON-text eller utelämnas.".into(),
        },
        Problem::NotALanguage(tag) => format!("”{tag}” är inget språk som fundsim talar (sv, en)."),
        Problem::NotAView(key) => format!("”{key}” är ingen vy i fundsim (full, results, compact, present)."),
        Problem::NotAPreset(id) => format!("Det finns inget exempel som heter ”{id}”."),
        Problem::MustBeText => "Måste vara en text.".into(),
        Problem::PresetIdNotText => "Måste vara ett exempels id (en text).".into(),
        Problem::NotAnObject { cause: None, .. } => "Inte ett giltigt JSON-objekt (det måste börja med {).".into(),
        Problem::NotAnObject { cause: Some(cause), .. } => {
            format!("Inte ett giltigt JSON-objekt. {}", swedish(cause, "", FieldKind::Group))
        }
        Problem::LinkNewer { found } => format!("Länken gjordes med en nyare version av fundsim (länkformat {found})."),
        Problem::LinkNoVersion => "Länken saknar en känd formatversion.".into(),
        Problem::LinkDamaged => "Länken är skadad (den är inte komplett eller har ändrats).".into(),
        Problem::LinkNotText => "Länken är skadad (den innehåller inte text).".into(),
        Problem::LinkTooLarge => "Länken är för stor (scenariot i den blir större än 4 MiB uppackat).".into(),
        Problem::LinkChangesTooLarge => "Länken är för stor (den har fler ändringar än fundsim öppnar).".into(),
        Problem::LinkChangesMissingPart => "Länken ändrar en del som exemplet inte har.".into(),
        Problem::LinkChangeMisfits => "Länkens ändring passar inte exemplet här.".into(),
        Problem::LinkPresetChanged => {
            "Exemplet har ändrats sedan länken gjordes, och länkens ändringar passar inte längre.".into()
        }
        Problem::StoredEmpty => "Det sparade värdet är tomt.".into(),
        Problem::NotJson { syntax, line, column } => {
            format!("Texten är inte giltig JSON: {} (rad {line}, kolumn {column}).", syntax_sv(*syntax))
        }
        Problem::EmptyInput { .. } => "Texten är tom: den innehåller ingen JSON.".into(),
        Problem::UnknownField { field, expected } if expected.is_empty() => {
            format!("Fältet ”{field}” finns inte här; här får inga fält stå.")
        }
        Problem::UnknownField { field, expected } => {
            format!("Fältet ”{field}” finns inte här. Fälten som finns: {}.", list(expected, "och"))
        }
        Problem::UnknownVariant { found, expected } if expected.is_empty() => format!("”{found}” är inte tillåtet här."),
        Problem::UnknownVariant { found, expected } => {
            format!("”{found}” är inte tillåtet här. Välj {}.", list(expected, "eller"))
        }
        Problem::MissingField(field) => match child_name(path, field.as_str(), Lang::Sv) {
            Some(name) => format!("Fältet ”{field}” ({name}) saknas."),
            None => format!("Fältet ”{field}” saknas."),
        },
        Problem::DuplicateField(field) => format!("Fältet ”{field}” står två gånger."),
        Problem::WrongValue { found: found @ (Found::Integer(_) | Found::Float(_)), expected: Expected::Decimal } => {
            format!("{} är för stort för att räkna med (högst cirka 7,9 × 10²⁸).", capital(&found_sv(found)))
        }
        Problem::WrongValue { found: found @ Found::Integer(_), expected: Expected::WholeNumber } => {
            format!("Måste vara ett heltal från 0 till 4\u{a0}294\u{a0}967\u{a0}295, inte {}.", found_sv(found))
        }
        Problem::WrongType { found, expected } | Problem::WrongValue { found, expected } => {
            format!("Måste vara {}, inte {}.", expected_sv(expected), found_sv(found))
        }
        Problem::WrongLength { length: 1, expected } => {
            format!("Måste vara {}, inte en lista med ett värde.", expected_sv(expected))
        }
        Problem::WrongLength { length, expected } => {
            format!("Måste vara {}, inte en lista med {length} värden.", expected_sv(expected))
        }
        Problem::Unreadable { line, column } => format!("Kan inte läsas (rad {line}, kolumn {column})."),
    }
}

/// The app's English is the API's (the problem's `Display`, one exhaustive
/// match in the engine) as a sentence, except where the app types a field in
/// percent: there its bounds are in percent too.
fn english(problem: &Problem, kind: FieldKind) -> String {
    let en = Lang::En;
    match problem {
        Problem::Between { low, high } if kind == FieldKind::Percent => {
            format!("Must be between {}% and {}%.", hundredfold(*low, en), hundredfold(*high, en))
        }
        Problem::RangeMissesValue { value } if kind == FieldKind::Percent => {
            format!("Must contain the intervention's value {}%.", hundredfold(*value, en))
        }
        Problem::ShareRangeInvalid => "Low and high must lie between 0% and 100%, low not above high.".into(),
        Problem::SharesAboveOne { sum } => {
            format!("The co-payers' shares add up to {}%, more than 100%.", hundredfold(*sum, en))
        }
        other => format!("{}.", capital(&other.to_string())),
    }
}

/// The text with its first letter in capitals (the sentences here start with ASCII or å/ä/ö-free words).
fn capital(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

fn found_sv(found: &Found) -> String {
    match found {
        Found::Bool(b) => format!("värdet {b}"),
        Found::Integer(n) | Found::Float(n) => format!("talet {n}"),
        Found::Text(text) => format!("texten ”{text}”"),
        Found::Null => "null".into(),
        Found::List => "en lista".into(),
        Found::Object => "ett objekt".into(),
        // The reader's own English name for it says nothing to a Swedish reader.
        Found::Other(_) => "ett värde av ett annat slag".into(),
    }
}

fn expected_sv(expected: &Expected) -> &'static str {
    match expected {
        Expected::WholeNumber => "ett heltal från 0 och uppåt",
        Expected::Integer => "ett heltal",
        Expected::Decimal => "ett tal",
        Expected::Text => "en text",
        Expected::TrueOrFalse => "true eller false",
        Expected::List => "en lista [ … ]",
        Expected::Object(_) | Expected::Fields { .. } => "ett objekt { … }",
        Expected::Rule => "en återbetalningsregel, ett objekt med ”kind”",
        Expected::Other(_) => "ett värde av ett annat slag",
    }
}

fn syntax_sv(syntax: Syntax) -> &'static str {
    match syntax {
        Syntax::EofInList => "texten tar slut inne i en lista (ett ] saknas)",
        Syntax::EofInObject => "texten tar slut inne i ett objekt (ett } saknas)",
        Syntax::EofInString => "texten tar slut inne i en text (ett \" saknas)",
        Syntax::EofInValue => "texten tar slut där ett värde ska stå",
        Syntax::ExpectedColon => "ett : saknas efter ett fältnamn",
        Syntax::ExpectedCommaOrBracket => "ett , eller ] saknas",
        Syntax::ExpectedCommaOrBrace => "ett , eller } saknas",
        Syntax::ExpectedIdent => "ett okänt ord (utan citattecken får bara true, false och null stå)",
        Syntax::ExpectedValue => "ett värde saknas",
        Syntax::ExpectedQuote => "ett \" saknas",
        Syntax::InvalidEscape => "en ogiltig \\-sekvens i en text",
        Syntax::InvalidNumber => "ett ogiltigt tal",
        Syntax::NumberOutOfRange => "ett tal som är för stort",
        Syntax::InvalidUnicode | Syntax::LoneSurrogate | Syntax::HexEscapeEnds => "en ogiltig \\u-sekvens i en text",
        Syntax::ControlCharacter => "ett styrtecken (till exempel en radbrytning) inne i en text",
        // The last two come only from maps with numbers as keys, which a scenario has none of.
        Syntax::KeyMustBeText | Syntax::ExpectedNumericKey | Syntax::KeyNotFinite => {
            "ett fältnamn måste stå inom citattecken"
        }
        Syntax::TrailingComma => "ett kommatecken för mycket före ] eller }",
        Syntax::TrailingCharacters => "det står något efter JSON-dokumentets slut",
        Syntax::TooDeep => "för många nivåer inuti varandra",
    }
}

#[cfg(test)]
mod tests;
