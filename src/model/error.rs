//! The one error a scenario can have: a field path and a [`Problem`], a value
//! that carries what is wrong (bounds, the id that was not found, what the
//! reader expected) rather than a sentence.
//!
//! `Display` writes the problem in the English of the contract's API
//! (`interventions[2].success_rate: must be between 0 and 1`); the app says
//! the same value in its reader's language (`crate::words::problems`). Neither
//! is ever parsed back: words are added at the edge.

use std::fmt;

use rust_decimal::Decimal;

/// A refused scenario (or an input around one): which field, by its JSON
/// path such as `interventions[2].success_rate`, and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioError {
    /// Path of the field in the scenario JSON; empty for the whole document.
    pub path: String,
    /// What is wrong.
    pub problem: Problem,
}

impl ScenarioError {
    /// An error at `path`.
    pub fn new(path: impl Into<String>, problem: Problem) -> Self {
        ScenarioError { path: path.into(), problem }
    }

    /// The same problem at `at.path` (or at `at` for the whole document): a
    /// scenario's error as seen from what holds it (`mount`'s `scenario`).
    pub fn within(self, at: &str) -> Self {
        let path = if self.path.is_empty() { at.to_string() } else { format!("{at}.{}", self.path) };
        ScenarioError { path, problem: self.problem }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.problem)
        } else {
            write!(f, "{}: {}", self.path, self.problem)
        }
    }
}

impl std::error::Error for ScenarioError {}

/// Most characters of user input a message repeats.
pub const MAX_ECHO_CHARS: usize = 100;

/// User input repeated in a message (an id, a name, an unknown key, a value
/// that could not be read): at most [`MAX_ECHO_CHARS`] characters, cut on a
/// character boundary and marked with "…", so that a 10 MB key never makes a
/// 10 MB message.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Echo(String);

impl Echo {
    /// `text`, cut to [`MAX_ECHO_CHARS`] characters.
    pub fn new(text: &str) -> Echo {
        match text.char_indices().nth(MAX_ECHO_CHARS) {
            Some((cut, _)) => Echo(format!("{}…", &text[..cut])),
            None => Echo(text.to_string()),
        }
    }

    /// The text as echoed.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The text as echoed, owned.
    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Echo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What is wrong with a field. Each variant carries the values a message
/// needs; `Display` writes the API's English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    // ------------------------------------------------------------ the contract's rules
    /// A number outside `low ..= high` (counts and years as well as shares).
    Between { low: Decimal, high: Decimal },
    /// A whole number below `low` (an intervention's running years).
    AtLeast { low: Decimal },
    /// An amount below zero.
    Negative,
    /// A text with nothing but blanks (ids, the currency).
    Empty,
    /// A text longer than `max` characters (names, ids, description, currency).
    TooLong { max: usize },
    /// A scenario format this version does not read (older than it).
    OnlyVersion { reads: u32 },
    /// A scenario made by a newer fundsim: format `found`, this one reads `reads`.
    NewerVersion { found: u64, reads: u32 },
    /// No actors, or more than `max`.
    ActorCount { max: usize },
    /// More than `max` interventions.
    TooManyInterventions { max: usize },
    /// A reference to an actor id that no actor has.
    NotAnActor(Echo),
    /// An actor id that an earlier actor has already.
    UsedByAnotherActor(Echo),
    /// An intervention id that an earlier intervention has already.
    UsedByAnotherIntervention(Echo),
    /// An actor that appears twice in one intervention's avoided costs.
    ListedTwice(Echo),
    /// A fixed repayment rule whose owner (this actor's name) is outside the organisation.
    OutsideCannotRepay { name: Echo },
    /// A range of a share that leaves 0..1 or has `low` above `high`.
    ShareRangeInvalid,
    /// A range of a share that does not contain the intervention's own value.
    RangeMissesValue { value: Decimal },
    /// A factor range that does not satisfy `0 ≤ low ≤ 1 ≤ high`.
    FactorRangeInvalid,
    /// A reference to an intervention id that no intervention has.
    NotAnIntervention(Echo),
    /// An outcome contract id that an earlier contract has already.
    UsedByAnotherContract(Echo),
    /// An intervention that an earlier outcome contract is on already.
    AlreadyUnderContract(Echo),
    /// A co-payer that is the contract's payer.
    CoPayerIsPayer(Echo),
    /// Co-payers' shares that add up to more than 1 (their sum).
    SharesAboveOne { sum: Decimal },
    /// Outcome contracts in a scenario of format 1.
    ContractsNeedVersion2,
    // ------------------------------------------------------------ calculation
    /// An amount overflowed the decimal range while computing.
    TooLargeToCompute,
    /// An amount of a Monte Carlo draw overflowed the decimal range.
    DrawTooLarge,
    /// Not a whole number in `low ..= high` (the Monte Carlo seed and draws).
    WholeNumberFrom { low: u64, high: u64 },
    /// A calendar year outside the scenario's horizon (`by_year`).
    YearOfHorizon { first: i32, last: i32 },
    /// More draws than one synchronous call may compute for this scenario
    /// (`work` units against at most `max`).
    TooMuchWork { work: u64, max: u64 },
    /// A JavaScript argument of the wrong kind: what was `wanted`, and what
    /// kind of value came (never the value itself).
    WrongArgument { wanted: ArgumentKind, got: String },
    // ------------------------------------------------------------ the API's other inputs
    /// A language tag fundsim does not speak.
    NotALanguage(Echo),
    /// A view name fundsim does not have.
    NotAView(Echo),
    /// A preset id that does not exist.
    NotAPreset(Echo),
    /// An option that must be a string.
    MustBeText,
    /// A preset option that is not a string.
    PresetIdNotText,
    /// `mount`'s options are not a JSON object: they do not start with `{`
    /// (`cause` is `None`) or could not be read (`cause`, at `line`, `column`).
    NotAnObject { cause: Option<Box<Problem>>, line: usize, column: usize },
    // ------------------------------------------------------------ links and storage
    /// A link of a newer link format.
    LinkNewer { found: u32 },
    /// A link without a format version this build knows.
    LinkNoVersion,
    /// A link whose scenario is cut short or changed.
    LinkDamaged,
    /// A link whose scenario does not inflate to text.
    LinkNotText,
    /// A link whose scenario inflates past the most a link may carry (a
    /// crafted link): whole, but too large, which is not "damaged".
    LinkTooLarge,
    /// A link whose changes to a preset (link format 2) are longer, make more
    /// JSON or take more work than a link may (a crafted link): too large.
    LinkChangesTooLarge,
    /// A link's change to a preset at a path (the error's) that the preset
    /// does not have.
    LinkChangesMissingPart,
    /// A link's change of another kind than the value it replaces (a list for
    /// an amount), or one that leads through a value.
    LinkChangeMisfits,
    /// A link's changes that no longer fit its preset, which has changed
    /// since the link was made (the fingerprint differs).
    LinkPresetChanged,
    /// The autosave slot holds nothing but blanks.
    StoredEmpty,
    // ------------------------------------------------------------ the JSON reader
    /// The text is not JSON: what the reader stumbled on, and where.
    NotJson { syntax: Syntax, line: usize, column: usize },
    /// The text is empty (or blanks only); `line` and `column` where it ended.
    EmptyInput { line: usize, column: usize },
    /// A key the object does not have, and the keys it has.
    UnknownField { field: Echo, expected: Vec<String> },
    /// A value of a choice (a repayment rule's `kind`, `accounting`) that is not one of `expected`.
    UnknownVariant { found: Echo, expected: Vec<String> },
    /// A required key is missing.
    MissingField(Echo),
    /// A key given twice in one object.
    DuplicateField(Echo),
    /// A value of the wrong kind (a text where a number belongs).
    WrongType { found: Found, expected: Expected },
    /// A value of the right kind but not allowed (a negative count).
    WrongValue { found: Found, expected: Expected },
    /// A list of the wrong length where an object belongs.
    WrongLength { length: usize, expected: Expected },
    /// Anything else the reader refused, at `line` and `column` (a message of
    /// a kind this build does not know; never expected with today's reader).
    Unreadable { line: usize, column: usize },
}

/// What the JSON reader found where it expected something else.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    Bool(bool),
    /// A whole number, as written.
    Integer(String),
    /// A number with a fraction or exponent, as the reader writes it.
    Float(String),
    /// A string; its text escaped as the reader writes it (`a\"b`), cut to the echo limit.
    Text(Echo),
    Null,
    /// A JSON array.
    List,
    /// A JSON object.
    Object,
    /// Anything else, named as the reader names it.
    Other(Echo),
}

/// What the JSON reader expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expected {
    /// A whole number from 0 (a count, a year index).
    WholeNumber,
    /// A whole number that may be negative (a calendar year).
    Integer,
    /// A decimal number, as a JSON number or string.
    Decimal,
    Text,
    TrueOrFalse,
    /// A JSON array.
    List,
    /// A JSON object of the named type (`Actor`, `Range`).
    Object(String),
    /// A JSON object of the named type with `count` fields, where a list was given.
    Fields {
        name: String,
        count: usize,
    },
    /// A repayment rule (an object with a `kind`).
    Rule,
    /// Anything else, named as the reader names it.
    Other(Echo),
}

/// Why a text is not JSON: serde_json's syntax errors, one for one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    EofInList,
    EofInObject,
    EofInString,
    EofInValue,
    ExpectedColon,
    ExpectedCommaOrBracket,
    ExpectedCommaOrBrace,
    /// A word that is not `true`, `false` or `null`.
    ExpectedIdent,
    ExpectedValue,
    ExpectedQuote,
    InvalidEscape,
    InvalidNumber,
    NumberOutOfRange,
    InvalidUnicode,
    ControlCharacter,
    KeyMustBeText,
    ExpectedNumericKey,
    KeyNotFinite,
    LoneSurrogate,
    TrailingComma,
    TrailingCharacters,
    HexEscapeEnds,
    TooDeep,
}

impl Syntax {
    /// Every syntax error, for reading the reader's message back.
    pub const ALL: [Syntax; 23] = [
        Syntax::EofInList,
        Syntax::EofInObject,
        Syntax::EofInString,
        Syntax::EofInValue,
        Syntax::ExpectedColon,
        Syntax::ExpectedCommaOrBracket,
        Syntax::ExpectedCommaOrBrace,
        Syntax::ExpectedIdent,
        Syntax::ExpectedValue,
        Syntax::ExpectedQuote,
        Syntax::InvalidEscape,
        Syntax::InvalidNumber,
        Syntax::NumberOutOfRange,
        Syntax::InvalidUnicode,
        Syntax::ControlCharacter,
        Syntax::KeyMustBeText,
        Syntax::ExpectedNumericKey,
        Syntax::KeyNotFinite,
        Syntax::LoneSurrogate,
        Syntax::TrailingComma,
        Syntax::TrailingCharacters,
        Syntax::HexEscapeEnds,
        Syntax::TooDeep,
    ];

    /// serde_json's own words for it (the API's English).
    pub fn english(self) -> &'static str {
        match self {
            Syntax::EofInList => "EOF while parsing a list",
            Syntax::EofInObject => "EOF while parsing an object",
            Syntax::EofInString => "EOF while parsing a string",
            Syntax::EofInValue => "EOF while parsing a value",
            Syntax::ExpectedColon => "expected `:`",
            Syntax::ExpectedCommaOrBracket => "expected `,` or `]`",
            Syntax::ExpectedCommaOrBrace => "expected `,` or `}`",
            Syntax::ExpectedIdent => "expected ident",
            Syntax::ExpectedValue => "expected value",
            Syntax::ExpectedQuote => "expected `\"`",
            Syntax::InvalidEscape => "invalid escape",
            Syntax::InvalidNumber => "invalid number",
            Syntax::NumberOutOfRange => "number out of range",
            Syntax::InvalidUnicode => "invalid unicode code point",
            Syntax::ControlCharacter => "control character (\\u0000-\\u001F) found while parsing a string",
            Syntax::KeyMustBeText => "key must be a string",
            Syntax::ExpectedNumericKey => "invalid value: expected key to be a number in quotes",
            Syntax::KeyNotFinite => "float key must be finite (got NaN or +/-inf)",
            Syntax::LoneSurrogate => "lone leading surrogate in hex escape",
            Syntax::TrailingComma => "trailing comma",
            Syntax::TrailingCharacters => "trailing characters",
            Syntax::HexEscapeEnds => "unexpected end of hex escape",
            Syntax::TooDeep => "recursion limit exceeded",
        }
    }
}

/// serde's list of allowed names: "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
fn one_of(f: &mut fmt::Formatter<'_>, names: &[String]) -> fmt::Result {
    match names {
        [] => Ok(()),
        [one] => write!(f, "`{one}`"),
        [a, b] => write!(f, "`{a}` or `{b}`"),
        _ => {
            f.write_str("one of ")?;
            for (i, name) in names.iter().enumerate() {
                if i > 0 {
                    f.write_str(", ")?;
                }
                write!(f, "`{name}`")?;
            }
            Ok(())
        }
    }
}

impl fmt::Display for Found {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Found::Bool(b) => write!(f, "boolean `{b}`"),
            Found::Integer(n) => write!(f, "integer `{n}`"),
            Found::Float(x) => write!(f, "floating point `{x}`"),
            Found::Text(text) => write!(f, "string \"{text}\""),
            Found::Null => f.write_str("null"),
            Found::List => f.write_str("sequence"),
            Found::Object => f.write_str("map"),
            Found::Other(text) => write!(f, "{text}"),
        }
    }
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Expected::WholeNumber => f.write_str("u32"),
            Expected::Integer => f.write_str("i32"),
            Expected::Decimal => f.write_str(DECIMAL_EXPECTED),
            Expected::Text => f.write_str("a string"),
            Expected::TrueOrFalse => f.write_str("a boolean"),
            Expected::List => f.write_str("a sequence"),
            Expected::Object(name) => write!(f, "struct {name}"),
            Expected::Fields { name, count } => write!(f, "struct {name} with {count} elements"),
            Expected::Rule => f.write_str("internally tagged enum RepaymentRule"),
            Expected::Other(text) => write!(f, "{text}"),
        }
    }
}

/// rust_decimal's description of what it reads.
pub(crate) const DECIMAL_EXPECTED: &str = "a Decimal type representing a fixed-point number";

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::Between { low, high } => write!(f, "must be between {low} and {high}"),
            Problem::AtLeast { low } => write!(f, "must be at least {low}"),
            Problem::Negative => f.write_str("must not be negative"),
            Problem::Empty => f.write_str("must not be empty"),
            Problem::TooLong { max } => write!(f, "must be at most {max} characters long"),
            Problem::OnlyVersion { reads } => write!(f, "must be {reads}"),
            Problem::NewerVersion { found, reads } => {
                write!(f, "made by a newer version of fundsim (scenario format {found}; this version reads {reads})")
            }
            Problem::ActorCount { max } => write!(f, "must list between 1 and {max} actors"),
            Problem::TooManyInterventions { max } => write!(f, "must list at most {max} interventions"),
            Problem::NotAnActor(id) => write!(f, "\"{id}\" is not an actor"),
            Problem::UsedByAnotherActor(id) => write!(f, "\"{id}\" is used by another actor"),
            Problem::UsedByAnotherIntervention(id) => write!(f, "\"{id}\" is used by another intervention"),
            Problem::ListedTwice(id) => write!(f, "\"{id}\" is listed twice"),
            Problem::OutsideCannotRepay { name } => write!(
                f,
                "\"{name}\" is outside the organisation and cannot repay the fund in instalments; choose another rule or owner"
            ),
            Problem::ShareRangeInvalid => f.write_str("low and high must lie between 0 and 1, low not above high"),
            Problem::RangeMissesValue { value } => write!(f, "must contain the intervention's value {value}"),
            Problem::FactorRangeInvalid => f.write_str("must have 0 ≤ low ≤ 1 ≤ high"),
            Problem::NotAnIntervention(id) => write!(f, "\"{id}\" is not an intervention"),
            Problem::UsedByAnotherContract(id) => write!(f, "\"{id}\" is used by another outcome contract"),
            Problem::AlreadyUnderContract(id) => {
                write!(f, "\"{id}\" is already under another outcome contract (at most one per intervention)")
            }
            Problem::CoPayerIsPayer(id) => write!(f, "\"{id}\" is the payer and cannot also be a co-payer"),
            Problem::SharesAboveOne { sum } => write!(f, "the co-payers' shares add up to {sum}, more than 1"),
            Problem::ContractsNeedVersion2 => f.write_str("must be 2 for a scenario with outcome contracts"),
            Problem::TooLargeToCompute => f.write_str("amounts too large to compute; use smaller amounts"),
            Problem::DrawTooLarge => f.write_str("amounts too large to compute"),
            Problem::WholeNumberFrom { low, high } => write!(f, "must be a whole number from {low} to {high}"),
            Problem::YearOfHorizon { first, last } => {
                write!(f, "must be a calendar year of the horizon, {first} to {last}")
            }
            Problem::TooMuchWork { work, max } => write!(
                f,
                "too many for one call with this scenario (work {work}, at most {max}: see docs/model-notes.md); ask for fewer draws"
            ),
            Problem::WrongArgument { wanted, got } => write!(f, "must be {} (got {got})", wanted.english()),
            Problem::NotALanguage(tag) => write!(f, "\"{tag}\" is not a language of fundsim (sv, en)"),
            Problem::NotAView(key) => write!(f, "\"{key}\" is not a view of fundsim (full, results, compact, present)"),
            Problem::NotAPreset(id) => write!(f, "\"{id}\" is not a preset"),
            Problem::MustBeText => f.write_str("must be a string"),
            Problem::PresetIdNotText => f.write_str("must be a preset's id (a string)"),
            Problem::NotAnObject { cause: None, .. } => f.write_str("not a valid JSON object (it must start with {)"),
            Problem::NotAnObject { cause: Some(cause), line, column } => {
                // serde_json's own words, as `mount` has always reported them.
                f.write_str("not a valid JSON object (")?;
                match cause.as_ref() {
                    Problem::NotJson { syntax, .. } => f.write_str(syntax.english())?,
                    Problem::EmptyInput { .. } => f.write_str(Syntax::EofInValue.english())?,
                    other => write!(f, "{other}")?,
                }
                if *line > 0 {
                    write!(f, " at line {line} column {column}")?;
                }
                f.write_str(")")
            }
            Problem::LinkNewer { found } => {
                write!(f, "the link was made by a newer version of fundsim (link format {found})")
            }
            Problem::LinkNoVersion => f.write_str("the link has no known format version"),
            Problem::LinkDamaged => f.write_str("the link is damaged (it is not complete or was changed)"),
            Problem::LinkNotText => f.write_str("the link is damaged (it is not text)"),
            Problem::LinkTooLarge => f.write_str("the link is too large (its scenario unpacks to more than 4 MiB)"),
            Problem::LinkChangesTooLarge => f.write_str("the link is too large (it has more changes than fundsim opens)"),
            Problem::LinkChangesMissingPart => f.write_str("the link changes a part that the example does not have"),
            Problem::LinkChangeMisfits => f.write_str("the link's change does not fit the example here"),
            Problem::LinkPresetChanged => {
                f.write_str("the example has changed since the link was made, and the link's changes no longer fit it")
            }
            Problem::StoredEmpty => f.write_str("not valid JSON (the stored value is empty)"),
            Problem::NotJson { syntax, line, column } => {
                write!(f, "not valid JSON ({}, line {line}, column {column})", syntax.english())
            }
            Problem::EmptyInput { line, column } => {
                write!(f, "not valid JSON ({}, line {line}, column {column})", Syntax::EofInValue.english())
            }
            Problem::UnknownField { field, expected } if expected.is_empty() => {
                write!(f, "unknown field `{field}`, there are no fields")
            }
            Problem::UnknownField { field, expected } => {
                write!(f, "unknown field `{field}`, expected ")?;
                one_of(f, expected)
            }
            Problem::UnknownVariant { found, expected } if expected.is_empty() => {
                write!(f, "unknown variant `{found}`, there are no variants")
            }
            Problem::UnknownVariant { found, expected } => {
                write!(f, "unknown variant `{found}`, expected ")?;
                one_of(f, expected)
            }
            Problem::MissingField(field) => write!(f, "missing field `{field}`"),
            Problem::DuplicateField(field) => write!(f, "duplicate field `{field}`"),
            Problem::WrongType { found, expected } => write!(f, "invalid type: {found}, expected {expected}"),
            Problem::WrongValue { found, expected } => write!(f, "invalid value: {found}, expected {expected}"),
            Problem::WrongLength { length, expected } => write!(f, "invalid length {length}, expected {expected}"),
            Problem::Unreadable { line, column } => write!(f, "cannot be read (line {line}, column {column})"),
        }
    }
}

/// A `between` problem for whole numbers.
/// What a JavaScript argument must be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArgumentKind {
    /// The scenario's JSON text.
    ScenarioText,
    /// A whole number from 0 to 2^53 (`seed`).
    Seed,
    /// A whole number from 1 to the most draws (`draws`).
    Draws,
    /// A calendar year, or nothing (`byYear`).
    Year,
    /// An element of the page (`mount`'s `element`).
    Element,
    /// The options as JSON text, or nothing (`mount`'s `options`).
    OptionsText,
}

impl ArgumentKind {
    /// The contract's English.
    pub fn english(self) -> String {
        match self {
            ArgumentKind::ScenarioText => "the scenario as JSON text (a string)".into(),
            ArgumentKind::Seed => "a whole number from 0 to 9007199254740992".into(),
            ArgumentKind::Draws => format!("a whole number from 1 to {}", super::limits::MAX_DRAWS),
            ArgumentKind::Year => "a calendar year (a whole number), or left out".into(),
            ArgumentKind::Element => "an element of the page".into(),
            ArgumentKind::OptionsText => "the options as JSON text (JSON.stringify them), or left out".into(),
        }
    }
}

pub fn between(low: u32, high: u32) -> Problem {
    Problem::Between { low: Decimal::from(low), high: Decimal::from(high) }
}

// ------------------------------------------------------------------ reading serde_json's errors

/// The problem behind a serde_json error. serde_json says what went wrong
/// only in English; its category, line and column are data, and the texts of
/// serde's errors (`unknown field `x`, expected one of …`) have had the same
/// form for years. They are read back here, defensively: anything of an
/// unknown form becomes [`Problem::Unreadable`] with the line and column,
/// never a panic, and user text inside them is cut to the echo limit.
pub fn read_problem(e: &serde_json::Error, json: &str) -> Problem {
    let (line, column) = (e.line(), e.column());
    let text = e.to_string();
    let suffix = format!(" at line {line} column {column}");
    let text = if line > 0 { text.strip_suffix(suffix.as_str()).unwrap_or(&text) } else { text.as_str() };
    if e.is_syntax() || e.is_eof() {
        if json.trim().is_empty() {
            return Problem::EmptyInput { line, column };
        }
        return match Syntax::ALL.into_iter().find(|s| s.english() == text) {
            Some(syntax) => Problem::NotJson { syntax, line, column },
            None => Problem::Unreadable { line, column },
        };
    }
    data_problem(text).unwrap_or(Problem::Unreadable { line, column })
}

/// The names of serde's "expected" list ("`a`", "`a` or `b`", "one of `a`, `b`").
fn names(list: &str) -> Option<Vec<String>> {
    let list = list.strip_prefix("one of ").unwrap_or(list);
    // The names are the texts between backticks (the types' own field names, none holding one).
    let parts: Vec<&str> = list.split('`').collect();
    if parts.len() < 3 || parts.len() % 2 == 0 {
        return None;
    }
    Some(parts.iter().skip(1).step_by(2).take(64).map(|name| Echo::new(name).0).collect())
}

/// An unknown field's or variant's name and the allowed names, from
/// "<head>`name`, expected …" or "<head>`name`, there are no …".
fn named(rest: &str, none: &str) -> Option<(Echo, Vec<String>)> {
    // The user's name may hold anything, the allowed names hold no backtick: split at the last list.
    if let Some(name) = rest.strip_suffix(none) {
        return Some((Echo::new(name.strip_suffix('`')?), Vec::new()));
    }
    let at = rest.rfind("`, expected ")?;
    Some((Echo::new(&rest[..at]), names(&rest[at + "`, expected ".len()..])?))
}

fn data_problem(text: &str) -> Option<Problem> {
    if let Some(rest) = text.strip_prefix("unknown field `") {
        let (field, expected) = named(rest, ", there are no fields")?;
        return Some(Problem::UnknownField { field, expected });
    }
    if let Some(rest) = text.strip_prefix("unknown variant `") {
        let (found, expected) = named(rest, ", there are no variants")?;
        return Some(Problem::UnknownVariant { found, expected });
    }
    if let Some(rest) = text.strip_prefix("missing field `") {
        return Some(Problem::MissingField(Echo::new(rest.strip_suffix('`')?)));
    }
    if let Some(rest) = text.strip_prefix("duplicate field `") {
        return Some(Problem::DuplicateField(Echo::new(rest.strip_suffix('`')?)));
    }
    if let Some(rest) = text.strip_prefix("invalid type: ") {
        let (found, expected) = found_and_expected(rest)?;
        return Some(Problem::WrongType { found, expected });
    }
    if let Some(rest) = text.strip_prefix("invalid value: ") {
        let (found, expected) = found_and_expected(rest)?;
        return Some(Problem::WrongValue { found, expected });
    }
    if let Some(rest) = text.strip_prefix("invalid length ") {
        let (length, expected) = rest.split_once(", expected ")?;
        return Some(Problem::WrongLength { length: length.parse().ok()?, expected: expected_from(expected) });
    }
    None
}

/// "string \"soon\", expected i32" → what was found and what was expected.
fn found_and_expected(rest: &str) -> Option<(Found, Expected)> {
    // What was expected is named by the types (no ", expected " in it); what
    // was found may be a string holding anything: split at the last one.
    let at = rest.rfind(", expected ")?;
    let (found, expected) = (&rest[..at], &rest[at + ", expected ".len()..]);
    let quoted = |head: &str| found.strip_prefix(head).and_then(|v| v.strip_suffix('`'));
    let found = if let Some(text) = found.strip_prefix("string \"").and_then(|t| t.strip_suffix('"')) {
        Found::Text(Echo::new(text))
    } else if let Some(b) = quoted("boolean `") {
        Found::Bool(b == "true")
    } else if let Some(n) = quoted("integer `") {
        Found::Integer(Echo::new(n).0)
    } else if let Some(x) = quoted("floating point `") {
        Found::Float(Echo::new(x).0)
    } else {
        match found {
            "null" => Found::Null,
            "sequence" => Found::List,
            "map" => Found::Object,
            other => Found::Other(Echo::new(other)),
        }
    };
    Some((found, expected_from(expected)))
}

fn expected_from(text: &str) -> Expected {
    match text {
        "u32" => Expected::WholeNumber,
        "i32" => Expected::Integer,
        DECIMAL_EXPECTED => Expected::Decimal,
        "a string" => Expected::Text,
        "a boolean" => Expected::TrueOrFalse,
        "a sequence" => Expected::List,
        "internally tagged enum RepaymentRule" => Expected::Rule,
        other => {
            let fields = other.strip_prefix("struct ").and_then(|s| s.strip_suffix(" elements"));
            if let Some((name, count)) = fields.and_then(|s| s.split_once(" with ")) {
                if let Ok(count) = count.parse() {
                    return Expected::Fields { name: Echo::new(name).0, count };
                }
            }
            match other.strip_prefix("struct ") {
                Some(name) if !name.contains(' ') => Expected::Object(Echo::new(name).0),
                _ => Expected::Other(Echo::new(other)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_echo_keeps_at_most_100_characters_cut_on_a_character() {
        assert_eq!(Echo::new("kort").as_str(), "kort");
        let exactly = "å".repeat(MAX_ECHO_CHARS);
        assert_eq!(Echo::new(&exactly).as_str(), exactly);
        // 101 two-byte characters: the first 100 and an ellipsis (no byte of the 101st).
        let long = "å".repeat(MAX_ECHO_CHARS + 1);
        assert_eq!(Echo::new(&long).as_str(), format!("{}…", "å".repeat(MAX_ECHO_CHARS)));
        let huge = "k".repeat(10_000_000);
        assert_eq!(Echo::new(&huge).as_str().chars().count(), MAX_ECHO_CHARS + 1);
    }

    #[test]
    fn serdes_lists_of_names_are_written_as_serde_writes_them() {
        let field = |expected: &[&str]| {
            Problem::UnknownField { field: Echo::new("x"), expected: expected.iter().map(|s| s.to_string()).collect() }
                .to_string()
        };
        assert_eq!(field(&[]), "unknown field `x`, there are no fields");
        assert_eq!(field(&["a"]), "unknown field `x`, expected `a`");
        assert_eq!(field(&["a", "b"]), "unknown field `x`, expected `a` or `b`");
        assert_eq!(field(&["a", "b", "c"]), "unknown field `x`, expected one of `a`, `b`, `c`");
    }

    #[test]
    fn unknown_texts_become_unreadable_with_their_position() {
        assert_eq!(data_problem("something new"), None);
        assert_eq!(data_problem("unknown field `x, expected"), None);
        assert_eq!(data_problem("invalid length many, expected struct Range with 2 elements"), None);
        // A name holding backticks and ", expected " is still read whole.
        assert_eq!(
            data_problem("unknown field `a`, expected `b`, expected `id` or `name`"),
            Some(Problem::UnknownField {
                field: Echo::new("a`, expected `b"),
                expected: vec!["id".to_string(), "name".to_string()]
            })
        );
    }
}
