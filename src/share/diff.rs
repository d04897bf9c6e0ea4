//! A scenario as its difference from a preset: the short form of a link
//! (`#v=2&p=<preset>&h=<hash>&d=<difference>`, see [`crate::share::link`]).
//!
//! One edit of a preset changes a few values; carrying only those keeps the
//! link short enough for a QR code read from the back of a hall. The
//! difference is taken between the two scenarios' compact JSON (serde's own
//! output, so every field the scenario format has is covered), as a tree:
//!
//! - a changed value is written by its path: `I0s:0.3` sets
//!   `interventions[0].success_rate` to `"0.3"`;
//! - an object or a list of the same length is compared member by member;
//!   a list that changed length (an intervention added, removed or
//!   duplicated) is replaced whole; a subtree is also replaced whole where
//!   that is shorter than its changes (a list reordered, most fields changed);
//! - a field that the scenario no longer has is removed: `I0r:!d`.
//!
//! Notation (every character but a string's own is allowed in a URL
//! fragment unencoded; [`to_url`] percent-encodes the rest):
//!
//! | value | written | e.g. |
//! |---|---|---|
//! | string of `A–Z a–z 0–9 - . _ ~` | as it is | `0.35`, `savings_share` |
//! | any other string | between `'`, with `!'` for `'` and `!!` for `!` | `'Mitt scenario'` |
//! | integer | `!` and the number | `!2027` |
//! | true, false, null | `!t`, `!f`, `!n` | |
//! | list | `!(` values separated by `,` `)` | `!(12000000,12000000)` |
//! | object | `(` key`:`value separated by `,` `)` | `(l:0.2,h:0.4)` |
//!
//! A path is the keys' one-letter codes ([`KEYS`]) and the lists' indices:
//! `I0Us` is `interventions[0].uncertainty.success_rate`. Changes are
//! separated by `,`. The codes never change meaning: a later scenario
//! format adds codes, and a link names only codes its build knew.
//!
//! Reading is hostile-input safe: nesting is limited ([`MAX_DEPTH`]), a
//! change must name a path the preset has (or a new field of an object that
//! it has), and a value must keep the kind of the one it replaces (a list
//! stays a list); each refusal names the path in the scenario.

use crate::model::ScenarioError;

/// The scenario format's keys and their one-letter codes in a link. Never
/// change a code: links made by earlier builds must keep their meaning; add
/// new keys with letters not used here.
pub const KEYS: &[(&str, u8)] = &[
    ("accounting", b'e'),
    ("actor", b'a'),
    ("actors", b'A'),
    ("allocations", b'L'),
    ("annual_cost", b'c'),
    ("avoided_costs", b'v'),
    ("benefit_years", b'B'),
    ("cap", b'x'),
    ("currency", b'C'),
    ("deadweight", b'w'),
    ("description", b'E'),
    ("discount_rate", b'R'),
    ("drop_off", b'o'),
    ("financed_by", b'b'),
    ("fund", b'F'),
    ("fund_share", b'f'),
    ("high", b'h'),
    ("horizon_years", b'H'),
    ("id", b'i'),
    ("initial_capital", b'K'),
    ("inside", b'N'),
    ("interventions", b'I'),
    ("kind", b'k'),
    ("lag_years", b'g'),
    ("low", b'l'),
    ("name", b'n'),
    ("owner", b'O'),
    ("participants_per_year", b'P'),
    ("per_year", b'p'),
    ("repayment", b'r'),
    ("repayment_default", b'D'),
    ("schema_version", b'V'),
    ("share", b'S'),
    ("start", b't'),
    ("start_after", b'T'),
    ("start_year", b'Y'),
    ("success_rate", b's'),
    ("uncertainty", b'U'),
    ("years", b'y'),
];

/// Deepest nesting read, in the JSON and in a difference (a scenario is 5 deep).
pub const MAX_DEPTH: usize = 16;

/// Most characters of a difference read (a guard against a crafted link;
/// a change of every field of the largest scenario is far below it).
pub const MAX_DIFF_BYTES: usize = 1024 * 1024;

fn code_of(key: &str) -> Option<u8> {
    KEYS.iter().find(|(k, _)| *k == key).map(|(_, c)| *c)
}

fn key_of(code: u8) -> Option<&'static str> {
    KEYS.iter().find(|(_, c)| *c == code).map(|(k, _)| *k)
}

// ---------------------------------------------------------------- refusals
// Every refusal of a difference is made here (kept few and small, so that
// they can become kinds of a structured error later).

/// The difference cannot be read at all.
pub fn damaged(part: &str) -> ScenarioError {
    ScenarioError::new(part, "the link is damaged (it is not complete or was changed)")
}

/// The difference is larger than a link may carry.
pub fn too_large(part: &str) -> ScenarioError {
    ScenarioError::new(part, "the link is too large to open")
}

fn missing(path: &str) -> ScenarioError {
    ScenarioError::new(path, "the link changes a part that the example does not have")
}

fn wrong_kind(path: &str) -> ScenarioError {
    ScenarioError::new(path, "the link's change does not fit the example here")
}

// ---------------------------------------------------------------- the JSON tree

/// A JSON value as serde writes a scenario: objects keep their keys in
/// order, numbers their text, strings are unescaped.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl Json {
    /// Reads JSON text (a scenario's, as serde wrote it); `None` if it is not JSON.
    pub fn parse(text: &str) -> Option<Json> {
        let mut reader = JsonReader { bytes: text.as_bytes(), at: 0 };
        let value = reader.value(0)?;
        reader.space();
        (reader.at == reader.bytes.len()).then_some(value)
    }

    /// The value as compact JSON text.
    pub fn write(&self, out: &mut String) {
        match self {
            Json::Null => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(text) => out.push_str(text),
            Json::Str(s) => write_json_str(s, out),
            Json::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Json::Obj(fields) => {
                out.push('{');
                for (i, (key, value)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    write_json_str(key, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

fn write_json_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
}

struct JsonReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl JsonReader<'_> {
    fn space(&mut self) {
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_whitespace) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let found = self.bytes.get(self.at) == Some(&byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn literal(&mut self, word: &str, value: Json) -> Option<Json> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end) == Some(word.as_bytes())).then(|| {
            self.at = end;
            value
        })
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.space();
        match *self.bytes.get(self.at)? {
            b'{' => {
                self.at += 1;
                let mut fields = Vec::new();
                if self.eat(b'}') {
                    return Some(Json::Obj(fields));
                }
                loop {
                    self.space();
                    let key = self.string()?;
                    if !self.eat(b':') {
                        return None;
                    }
                    fields.push((key, self.value(depth + 1)?));
                    if !self.eat(b',') {
                        return self.eat(b'}').then_some(Json::Obj(fields));
                    }
                }
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                if self.eat(b']') {
                    return Some(Json::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if !self.eat(b',') {
                        return self.eat(b']').then_some(Json::Arr(items));
                    }
                }
            }
            b'"' => self.string().map(Json::Str),
            b't' => self.literal("true", Json::Bool(true)),
            b'f' => self.literal("false", Json::Bool(false)),
            b'n' => self.literal("null", Json::Null),
            b'-' | b'0'..=b'9' => {
                let start = self.at;
                while self.bytes.get(self.at).is_some_and(|b| b.is_ascii_digit() || b"+-.eE".contains(b)) {
                    self.at += 1;
                }
                let text = std::str::from_utf8(&self.bytes[start..self.at]).ok()?;
                Some(Json::Num(text.to_string()))
            }
            _ => None,
        }
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = std::str::from_utf8(self.bytes.get(self.at..self.at + 4)?).ok()?;
        self.at += 4;
        u32::from_str_radix(digits, 16).ok()
    }

    fn string(&mut self) -> Option<String> {
        if self.bytes.get(self.at) != Some(&b'"') {
            return None;
        }
        self.at += 1;
        let mut out = String::new();
        loop {
            let rest = self.bytes.get(self.at..)?;
            let stop = rest.iter().position(|&b| b == b'"' || b == b'\\')?;
            // The text is UTF-8 and stops only at ASCII bytes: a whole run of characters.
            out.push_str(std::str::from_utf8(&rest[..stop]).ok()?);
            self.at += stop + 1;
            if rest[stop] == b'"' {
                return Some(out);
            }
            let escape = *self.bytes.get(self.at)?;
            self.at += 1;
            let c = match escape {
                b'"' => '"',
                b'\\' => '\\',
                b'/' => '/',
                b'b' => '\u{8}',
                b'f' => '\u{c}',
                b'n' => '\n',
                b'r' => '\r',
                b't' => '\t',
                b'u' => {
                    let high = self.hex4()?;
                    if (0xD800..0xDC00).contains(&high) {
                        if self.bytes.get(self.at..self.at + 2) != Some(b"\\u") {
                            return None;
                        }
                        self.at += 2;
                        let low = self.hex4()?;
                        if !(0xDC00..0xE000).contains(&low) {
                            return None;
                        }
                        char::from_u32(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))?
                    } else {
                        char::from_u32(high)?
                    }
                }
                _ => return None,
            };
            out.push(c);
        }
    }
}

// ---------------------------------------------------------------- writing a difference

fn is_bare(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
}

/// `value` in the link's notation; `None` when an object has a key without a code.
fn notation(value: &Json, out: &mut String) -> Option<()> {
    match value {
        Json::Null => out.push_str("!n"),
        Json::Bool(b) => out.push_str(if *b { "!t" } else { "!f" }),
        Json::Num(text) => {
            out.push('!');
            out.push_str(text);
        }
        Json::Str(s) if is_bare(s) => out.push_str(s),
        Json::Str(s) => {
            out.push('\'');
            for c in s.chars() {
                if c == '\'' || c == '!' {
                    out.push('!');
                }
                out.push(c);
            }
            out.push('\'');
        }
        Json::Arr(items) => {
            out.push_str("!(");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                notation(item, out)?;
            }
            out.push(')');
        }
        Json::Obj(fields) => {
            out.push('(');
            for (i, (key, item)) in fields.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push(char::from(code_of(key)?));
                out.push(':');
                notation(item, out)?;
            }
            out.push(')');
        }
    }
    Some(())
}

/// The length of `text` in a URL, percent-encoded as [`to_url`] writes it.
fn url_len(text: &str) -> usize {
    text.chars().map(|c| if url_safe(c) { 1 } else { 3 * c.len_utf8() }).sum()
}

fn url_safe(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-._~!'()*,;:@/?$+".contains(c)
}

/// `text` as it goes into a link's fragment: every character outside the
/// unreserved and a few sub-delimiters percent-encoded (so `&`, `=`, `#`,
/// `%`, spaces and letters beyond ASCII never break or change the link).
pub fn to_url(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if url_safe(c) {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for byte in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        }
    }
    out
}

/// A fragment's value percent-decoded; `None` when an escape is broken or the bytes are not UTF-8.
pub fn from_url(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The changes that turn `old` into `new` at `path`, each `path:value`: the
/// members' changes, or the value replaced whole where that is shorter.
fn changes(path: &str, old: &Json, new: &Json, out: &mut Vec<String>) -> Option<()> {
    if old == new {
        return Some(());
    }
    let mut whole = format!("{path}:");
    notation(new, &mut whole)?;
    let mut members = Vec::new();
    let compared = match (old, new) {
        (Json::Obj(before), Json::Obj(after)) => {
            for (key, value) in after {
                let member = format!("{path}{}", char::from(code_of(key)?));
                match before.iter().find(|(k, _)| k == key) {
                    Some((_, was)) => changes(&member, was, value, &mut members)?,
                    None => {
                        let mut change = format!("{member}:");
                        notation(value, &mut change)?;
                        members.push(change);
                    }
                }
            }
            for (key, _) in before.iter().filter(|(k, _)| !after.iter().any(|(a, _)| a == k)) {
                members.push(format!("{path}{}:!d", char::from(code_of(key)?)));
            }
            true
        }
        // An index right after an index would read as one number: lists of
        // lists (none in a scenario) are replaced whole.
        (Json::Arr(before), Json::Arr(after))
            if before.len() == after.len() && !path.ends_with(|c: char| c.is_ascii_digit()) =>
        {
            for (i, (was, value)) in before.iter().zip(after).enumerate() {
                changes(&format!("{path}{i}"), was, value, &mut members)?;
            }
            true
        }
        _ => false,
    };
    let members_len: usize = members.iter().map(|m| url_len(m) + 1).sum();
    if compared && (path.is_empty() || members_len <= url_len(&whole) + 1) {
        out.extend(members);
    } else if path.is_empty() {
        // The whole scenario is not replaced by a difference.
        return None;
    } else {
        out.push(whole);
    }
    Some(())
}

/// The difference that turns the JSON `old` into `new`, in the link's
/// notation (not yet percent-encoded; empty when they are equal), or `None`
/// when it cannot be written (a key without a code): then the link carries
/// the whole scenario.
pub fn difference(old: &str, new: &str) -> Option<String> {
    let (old, new) = (Json::parse(old)?, Json::parse(new)?);
    let mut out = Vec::new();
    changes("", &old, &new, &mut out)?;
    Some(out.join(","))
}

// ---------------------------------------------------------------- reading a difference

/// A step of a change's path.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Step {
    Key(&'static str),
    Index(usize),
}

/// The scenario path of `steps` as the engine writes it: `interventions[0].success_rate`.
fn path_text(steps: &[Step]) -> String {
    let mut out = String::new();
    for step in steps {
        match step {
            Step::Key(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Step::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

/// One change: a path and its new value (`None`: the field is removed).
struct Change {
    path: Vec<Step>,
    value: Option<Json>,
}

struct DiffReader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl DiffReader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn change(&mut self) -> Option<Change> {
        let mut path = Vec::new();
        while let Some(b) = self.peek() {
            if b.is_ascii_digit() {
                let start = self.at;
                while self.peek().is_some_and(|b| b.is_ascii_digit()) {
                    self.at += 1;
                }
                // At most 6 digits: no list in a scenario comes near a million items.
                let digits = std::str::from_utf8(self.bytes.get(start..self.at)?).ok().filter(|d| d.len() <= 6)?;
                path.push(Step::Index(digits.parse().ok()?));
            } else if b == b':' {
                break;
            } else {
                path.push(Step::Key(key_of(b)?));
                self.at += 1;
            }
        }
        if path.is_empty() || !self.eat(b':') {
            return None;
        }
        let value = if self.bytes.get(self.at..self.at + 2) == Some(b"!d") {
            self.at += 2;
            None
        } else {
            Some(self.value(0)?)
        };
        Some(Change { path, value })
    }

    fn value(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'!' => {
                self.at += 1;
                match self.peek()? {
                    b'n' => self.word(Json::Null),
                    b't' => self.word(Json::Bool(true)),
                    b'f' => self.word(Json::Bool(false)),
                    b'(' => {
                        self.at += 1;
                        let mut items = Vec::new();
                        if self.eat(b')') {
                            return Some(Json::Arr(items));
                        }
                        loop {
                            items.push(self.value(depth + 1)?);
                            if !self.eat(b',') {
                                return self.eat(b')').then_some(Json::Arr(items));
                            }
                        }
                    }
                    _ => self.integer(),
                }
            }
            b'(' => {
                self.at += 1;
                let mut fields: Vec<(String, Json)> = Vec::new();
                if self.eat(b')') {
                    return Some(Json::Obj(fields));
                }
                loop {
                    let key = key_of(self.peek()?)?;
                    self.at += 1;
                    if !self.eat(b':') || fields.iter().any(|(k, _)| k == key) {
                        return None;
                    }
                    fields.push((key.to_string(), self.value(depth + 1)?));
                    if !self.eat(b',') {
                        return self.eat(b')').then_some(Json::Obj(fields));
                    }
                }
            }
            b'\'' => {
                self.at += 1;
                let mut out = Vec::new();
                loop {
                    match *self.bytes.get(self.at)? {
                        b'\'' => {
                            self.at += 1;
                            return String::from_utf8(out).ok().map(Json::Str);
                        }
                        b'!' => {
                            let escaped = *self.bytes.get(self.at + 1).filter(|b| matches!(b, b'!' | b'\''))?;
                            out.push(escaped);
                            self.at += 2;
                        }
                        b => {
                            out.push(b);
                            self.at += 1;
                        }
                    }
                }
            }
            _ => {
                let start = self.at;
                while self.peek().is_some_and(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b)) {
                    self.at += 1;
                }
                let text = std::str::from_utf8(self.bytes.get(start..self.at)?).ok()?;
                (!text.is_empty()).then(|| Json::Str(text.to_string()))
            }
        }
    }

    fn word(&mut self, value: Json) -> Option<Json> {
        self.at += 1;
        Some(value)
    }

    /// `-?(0|[1-9][0-9]*)`, at most 20 digits: a JSON integer as serde writes one.
    fn integer(&mut self) -> Option<Json> {
        let start = self.at;
        self.eat(b'-');
        let digits = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        let count = self.at - digits;
        let leading_zero = count > 1 && self.bytes.get(digits) == Some(&b'0');
        if count == 0 || count > 20 || leading_zero {
            return None;
        }
        std::str::from_utf8(self.bytes.get(start..self.at)?).ok().map(|t| Json::Num(t.to_string()))
    }
}

/// The changes of a difference in the link's notation (percent-decoded);
/// `None` when it cannot be read.
fn read_changes(text: &str) -> Option<Vec<Change>> {
    let mut reader = DiffReader { bytes: text.as_bytes(), at: 0 };
    let mut out = Vec::new();
    if text.is_empty() {
        return Some(out);
    }
    loop {
        out.push(reader.change()?);
        if !reader.eat(b',') {
            return (reader.at == reader.bytes.len()).then_some(out);
        }
    }
}

/// Whether `new` may take the place of `old`: the same kind of value, or
/// either is null (an optional value set or cleared, such as a rule's cap).
fn same_kind(old: &Json, new: &Json) -> bool {
    std::mem::discriminant(old) == std::mem::discriminant(new) || matches!(old, Json::Null) || matches!(new, Json::Null)
}

fn apply_change(root: &mut Json, change: Change) -> Result<(), ScenarioError> {
    let Some((last, parents)) = change.path.split_last() else { return Err(damaged("link.d")) };
    let mut node = root;
    for (n, step) in parents.iter().enumerate() {
        let at = &change.path[..=n];
        node = match (node, step) {
            (Json::Obj(fields), Step::Key(key)) => {
                fields.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v).ok_or_else(|| missing(&path_text(at)))?
            }
            (Json::Arr(items), Step::Index(i)) => items.get_mut(*i).ok_or_else(|| missing(&path_text(at)))?,
            _ => return Err(wrong_kind(&path_text(at))),
        };
    }
    let at = path_text(&change.path);
    match (node, last, change.value) {
        (Json::Obj(fields), Step::Key(key), value) => {
            let slot = fields.iter().position(|(k, _)| k == key);
            match (slot, value) {
                (Some(i), Some(value)) if same_kind(&fields[i].1, &value) => fields[i].1 = value,
                (Some(_), Some(_)) => return Err(wrong_kind(&at)),
                (Some(i), None) => {
                    fields.remove(i);
                }
                (None, Some(value)) => fields.push((key.to_string(), value)),
                (None, None) => return Err(missing(&at)),
            }
        }
        (Json::Arr(items), Step::Index(i), Some(value)) => match items.get_mut(*i) {
            Some(slot) if same_kind(slot, &value) => *slot = value,
            Some(_) => return Err(wrong_kind(&at)),
            None => return Err(missing(&at)),
        },
        _ => return Err(wrong_kind(&at)),
    }
    Ok(())
}

/// The JSON `base` (a preset's compact JSON) with the difference `text`
/// (percent-decoded) applied: the scenario's JSON, to be read and validated
/// by the engine. A refusal names the scenario path the difference could
/// not change (`link.d` when it cannot be read at all).
pub fn apply(base: &str, text: &str) -> Result<String, ScenarioError> {
    if text.len() > MAX_DIFF_BYTES {
        return Err(too_large("link.d"));
    }
    let changes = read_changes(text).ok_or_else(|| damaged("link.d"))?;
    let mut tree = Json::parse(base).ok_or_else(|| damaged("link.p"))?;
    for change in changes {
        apply_change(&mut tree, change)?;
    }
    let mut out = String::new();
    tree.write(&mut out);
    Ok(out)
}

/// A short fingerprint of a preset's compact JSON (FNV-1a, 32 bits, in URL-safe
/// base64: 6 characters), carried by a link so that it notices when the
/// preset it was made from has changed since.
pub fn fingerprint(json: &str) -> String {
    use base64::Engine;
    let mut hash: u32 = 0x811c_9dc5;
    for byte in json.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(hash.to_be_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(json: &str) -> Json {
        Json::parse(json).expect("test JSON")
    }

    #[test]
    fn every_code_is_one_letter_used_once() {
        for (i, (key, code)) in KEYS.iter().enumerate() {
            assert!(code.is_ascii_alphabetic(), "{key}");
            assert!(KEYS[i + 1..].iter().all(|(k, c)| k != key && c != code), "{key} or {}", char::from(*code));
        }
    }

    #[test]
    fn json_reads_and_writes_back_what_serde_writes() {
        let text = r#"{"a":[1,-2,{"b":null}],"c":"x\"\\\n\u0001é😀","d":true,"e":false,"f":[],"g":{}}"#;
        let value = tree(text);
        let mut out = String::new();
        value.write(&mut out);
        assert_eq!(tree(&out), value);
        assert_eq!(out, r#"{"a":[1,-2,{"b":null}],"c":"x\"\\\u000a\u0001é😀","d":true,"e":false,"f":[],"g":{}}"#);
        // Escapes serde does not write are read too: \/ and a surrogate pair.
        assert_eq!(tree(r#""\/\ud83d\ude00""#), Json::Str("/😀".into()));
        for bad in ["", "{", "[1,]", "{\"a\"}", "\"\\ud83d\"", "tru", "[1] 2", "\"\\x\""] {
            assert_eq!(Json::parse(bad), None, "{bad}");
        }
        // Nesting past the limit is refused, not a stack overflow.
        assert_eq!(Json::parse(&"[".repeat(100_000)), None);
    }

    #[test]
    fn a_changed_leaf_is_written_by_its_path() {
        let old = r#"{"interventions":[{"success_rate":"0.2","name":"A"}],"fund":{"allocations":["1","1"]}}"#;
        let new = r#"{"interventions":[{"success_rate":"0.35","name":"A"}],"fund":{"allocations":["1","1"]}}"#;
        assert_eq!(difference(old, new).as_deref(), Some("I0s:0.35"));
        assert_eq!(apply(old, "I0s:0.35").map(|j| tree(&j)), Ok(tree(new)));
        // Both allocations changed: the list whole is shorter than two changes.
        let new =
            r#"{"interventions":[{"success_rate":"0.2","name":"A"}],"fund":{"allocations":["12000000","12000000"]}}"#;
        assert_eq!(difference(old, new).as_deref(), Some("FL:!(12000000,12000000)"));
        // A name with characters outside the bare set is quoted; ! and ' escaped.
        let new = r#"{"interventions":[{"success_rate":"0.2","name":"Bo's & co!"}],"fund":{"allocations":["1","1"]}}"#;
        assert_eq!(difference(old, new).as_deref(), Some("I0n:'Bo!'s & co!!'"));
        assert_eq!(to_url("I0n:'Bo!'s & co!!'"), "I0n:'Bo!'s%20%26%20co!!'");
        assert_eq!(from_url(&to_url("I0n:'Bo!'s & co!!' åäö")).as_deref(), Some("I0n:'Bo!'s & co!!' åäö"));
    }

    #[test]
    fn added_and_removed_fields_and_resized_lists() {
        let old = r#"{"a":[{"id":"x"}],"b":{"cap":null,"share":"1"}}"#;
        // `a` is not a code: the key is refused, so the whole scenario is carried instead.
        assert_eq!(difference(old, r#"{"a":[]}"#), None);
        let old = r#"{"actors":[{"id":"x"}],"repayment_default":{"cap":null,"share":"1"}}"#;
        let new = r#"{"actors":[{"id":"x"},{"id":"x"}],"repayment_default":{"cap":"2"},"fund":{"years":3}}"#;
        let d = difference(old, new).unwrap();
        // The rule whole (`D:(x:2)`) is shorter than its two changes (`Dx:2,DS:!d`).
        assert_eq!(d, "A:!((i:x),(i:x)),D:(x:2),F:(y:!3)");
        assert_eq!(apply(old, "A:!((i:x),(i:x)),Dx:2,DS:!d,F:(y:!3)").map(|j| tree(&j)), Ok(tree(new)));
        assert_eq!(apply(old, &d).map(|j| tree(&j)), Ok(tree(new)));
    }

    #[test]
    fn hostile_differences_are_refused_naming_the_path() {
        let base = r#"{"interventions":[{"success_rate":"0.2","uncertainty":{"success_rate":{"low":"0.1"}}}],"fund":{"allocations":["1"]}}"#;
        let err = |d: &str| apply(base, d).unwrap_err();
        // A path the example does not have.
        assert_eq!(err("I9s:0.3"), missing("interventions[9]"));
        // (A new field of an object the example has is added.)
        assert!(apply(base, "I0Uw:(l:0.1)").is_ok());
        assert_eq!(err("I0Uwl:0.1"), missing("interventions[0].uncertainty.deadweight"));
        assert_eq!(err("FL3:5"), missing("fund.allocations[3]"));
        assert_eq!(err("Fn:!d"), missing("fund.name"));
        // The wrong kind of value, or a path through a value.
        assert_eq!(err("FL:5"), wrong_kind("fund.allocations"));
        assert_eq!(err("I0s:!(1)"), wrong_kind("interventions[0].success_rate"));
        assert_eq!(err("I0sl:1"), wrong_kind("interventions[0].success_rate.low"));
        assert_eq!(err("F0:1"), wrong_kind("fund[0]"));
        assert_eq!(err("FL0:!d"), wrong_kind("fund.allocations[0]"));
        // Not the notation at all: damaged.
        for bad in [
            "I0s",
            ":1",
            "I0s:",
            "Q:1",
            "I0s:'open",
            "I0s:!q",
            "I0s:!007",
            "I0s:!1x",
            "I0s:1,",
            "I1234567s:1",
            "I0s:(s:1,s:2)",
            "I0s:'a!b'",
            "I0s:1)",
        ] {
            assert_eq!(apply(base, bad).unwrap_err(), damaged("link.d"), "{bad}");
        }
        // Deep nesting is refused, not a stack overflow; a huge text is too large.
        assert_eq!(err(&format!("I0s:{}", "!(".repeat(50_000))), damaged("link.d"));
        assert_eq!(err(&"I0s:1,".repeat(MAX_DIFF_BYTES)), too_large("link.d"));
    }

    #[test]
    fn the_fingerprint_is_fnv1a_of_the_text() {
        // FNV-1a 32 of "" is the offset basis 0x811c9dc5; of "a" it is
        // 0xe40c292c (the published test vectors), in base64url of its 4 bytes.
        assert_eq!(fingerprint(""), "gRydxQ");
        assert_eq!(fingerprint("a"), "5AwpLA");
    }
}
