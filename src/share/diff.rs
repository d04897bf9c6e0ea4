//! A scenario as its difference from a preset: the short form of a link
//! (`#v=2&p=<preset>&h=<fingerprint>&d=<difference>`, see [`crate::share::link`]).
//!
//! One edit of a preset changes a few values; carrying only those keeps the
//! link short enough for a QR code read from the back of a hall. The
//! difference is taken between the two scenarios' compact JSON (serde's own
//! output, so every field of the scenario format is covered), as a tree:
//!
//! - a changed value is written by its path: `I0s:0.3` sets
//!   `interventions[0].success_rate` to `"0.3"`;
//! - an object, or a list of the same length, is compared member by member;
//!   a value is replaced whole where that is shorter than its changes;
//! - a list that changed length or order is replaced whole, each item that
//!   the preset's list has written as a reference to it (`@2`: its third
//!   item): removing, duplicating or reordering interventions is
//!   `I:!(@0,@2,@2)`; an item that is new is written out, or as the item at
//!   its place with the changes after it where that is shorter;
//! - a field the scenario no longer has is removed: `I0r:!d`.
//!
//! Notation (only characters a URL fragment carries unencoded, so the text
//! is never percent-encoded; changes are separated by `,`):
//!
//! | value | written | e.g. |
//! |---|---|---|
//! | string of `A–Z a–z 0–9 - . _ ~` | as it is | `0.35`, `savings_share` |
//! | any other string | `*` and its JSON text (escapes kept) in URL-safe base64 | `*TWl0dCBzY2VuYXJpbw` |
//! | integer | `!` and the number | `!2027` |
//! | true, false, null | `!t`, `!f`, `!n` | |
//! | list | `!(` items separated by `,` `)` | `!(12000000,12000000)` |
//! | object | `(` key`:`value separated by `,` `)` | `(l:0.2,h:0.4)` |
//!
//! A path is the keys' one-letter codes ([`KEYS`]) and the lists' indices:
//! `I0Us` is `interventions[0].uncertainty.success_rate`. The codes never
//! change meaning: a later scenario format adds codes.
//!
//! Reading is safe for hostile input: nesting is limited ([`MAX_DEPTH`]),
//! the text's length too ([`MAX_DIFF_BYTES`]); a change must name a path the
//! preset has (or a new field of an object it has) and keep the kind of the
//! value it replaces (a list stays a list); each refusal names the path in
//! the scenario. The engine then reads and validates the result like any
//! scenario.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

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

/// Deepest nesting read, in JSON and in a difference (a scenario is 5 deep).
pub const MAX_DEPTH: usize = 16;

/// Most bytes of a difference read (a guard against a crafted link; changing
/// every field of the largest scenario the engine accepts takes far less).
pub const MAX_DIFF_BYTES: usize = 1024 * 1024;

fn code_of(key: &str) -> Option<u8> {
    KEYS.iter().find(|(k, _)| *k == key).map(|(_, c)| *c)
}

fn key_of(code: u8) -> Option<&'static str> {
    KEYS.iter().find(|(_, c)| *c == code).map(|(k, _)| *k)
}

// ---------------------------------------------------------------- refusals
// Every refusal of a difference is made here (few and small, so that they
// can become kinds of a structured error later).

/// The difference (or another part of the link) cannot be read at all.
pub fn damaged(part: &str) -> ScenarioError {
    ScenarioError::new(part, "the link is damaged (it is not complete or was changed)")
}

/// The link is larger than a link may be.
pub fn too_large(part: &str) -> ScenarioError {
    ScenarioError::new(part, "the link is too large to open")
}

/// What is wrong with a change that reads: where it leads.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Problem {
    /// The path is not in the preset.
    Missing,
    /// The value is not of the kind it replaces, or the path leads through a value.
    WrongKind,
}

fn refused(problem: Problem, steps: &[Step]) -> ScenarioError {
    let message = match problem {
        Problem::Missing => "the link changes a part that the example does not have",
        Problem::WrongKind => "the link's change does not fit the example here",
    };
    ScenarioError::new(path_text(steps), message)
}

// ---------------------------------------------------------------- the JSON tree

/// A JSON value as serde writes a scenario: objects keep their keys in
/// order; numbers keep their text, strings their JSON text (escapes kept:
/// serde escapes the same text the same way, so equal strings compare equal).
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
    /// In a difference only: the item of the replaced list at this index.
    Ref(usize),
}

impl Json {
    /// Reads JSON text (a scenario's, as serde wrote it); `None` if it is not such JSON.
    pub fn parse(text: &str) -> Option<Json> {
        let mut reader = Reader { bytes: text.as_bytes(), at: 0 };
        let value = reader.json(0)?;
        (reader.at == reader.bytes.len()).then_some(value)
    }

    /// The value as compact JSON text.
    pub fn write(&self, out: &mut String) {
        let list = |out: &mut String, open, close, items: &mut dyn Iterator<Item = (Option<&str>, &Json)>| {
            out.push(open);
            for (i, (key, item)) in items.enumerate() {
                if i > 0 {
                    out.push(',');
                }
                if let Some(key) = key {
                    out.push('"');
                    out.push_str(key);
                    out.push_str("\":");
                }
                item.write(out);
            }
            out.push(close);
        };
        match self {
            // A reference is resolved before a tree is written; never seen here.
            Json::Null | Json::Ref(_) => out.push_str("null"),
            Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Json::Num(text) => out.push_str(text),
            Json::Str(text) => {
                out.push('"');
                out.push_str(text);
                out.push('"');
            }
            Json::Arr(items) => list(out, '[', ']', &mut items.iter().map(|v| (None, v))),
            Json::Obj(fields) => list(out, '{', '}', &mut fields.iter().map(|(k, v)| (Some(k.as_str()), v))),
        }
    }
}

/// Whether `text` may stand between a JSON string's quotes as it is: no
/// quote, no control character, and every backslash starting an escape.
fn json_string_body(text: &str) -> bool {
    let mut bytes = text.bytes();
    while let Some(b) = bytes.next() {
        let ok = match b {
            b'"' | 0..=0x1f => false,
            b'\\' => bytes.next().is_some_and(|e| b"\"\\/bfnrtu".contains(&e)),
            _ => true,
        };
        if !ok {
            return false;
        }
    }
    true
}

/// Reads both JSON (serde's compact output) and the link's notation: the
/// same cursor, two grammars.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    /// The text from `start` to here.
    fn since(&self, start: usize) -> Option<String> {
        std::str::from_utf8(self.bytes.get(start..self.at)?).ok().map(str::to_string)
    }

    /// Items up to `close`, separated by commas, each read by `item`.
    fn items<T>(&mut self, close: u8, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let mut out = Vec::new();
        if self.eat(close) {
            return Some(out);
        }
        loop {
            out.push(item(self)?);
            if !self.eat(b',') {
                return self.eat(close).then_some(out);
            }
        }
    }

    /// A JSON value (compact: serde writes no spaces).
    fn json(&mut self, depth: usize) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        let start = self.at;
        self.at += 1;
        match self.bytes.get(start)? {
            b'{' => self
                .items(b'}', |r| {
                    let Json::Str(key) = r.json(depth + 1)? else { return None };
                    (r.eat(b':')).then_some(())?;
                    Some((key, r.json(depth + 1)?))
                })
                .map(Json::Obj),
            b'[' => self.items(b']', |r| r.json(depth + 1)).map(Json::Arr),
            b'"' => {
                while self.peek()? != b'"' {
                    self.at += if self.peek()? == b'\\' { 2 } else { 1 };
                }
                self.at += 1;
                let text = self.since(start + 1)?;
                Some(Json::Str(text[..text.len() - 1].to_string()))
            }
            b'-' | b'0'..=b'9' => {
                while self.peek().is_some_and(|b| b.is_ascii_digit() || b"+-.eE".contains(&b)) {
                    self.at += 1;
                }
                self.since(start).map(Json::Num)
            }
            _ => {
                while self.peek().is_some_and(|b| b.is_ascii_lowercase()) {
                    self.at += 1;
                }
                match self.bytes.get(start..self.at)? {
                    b"true" => Some(Json::Bool(true)),
                    b"false" => Some(Json::Bool(false)),
                    b"null" => Some(Json::Null),
                    _ => None,
                }
            }
        }
    }

    fn bare(&mut self) -> Option<String> {
        let start = self.at;
        while self.peek().is_some_and(is_bare) {
            self.at += 1;
        }
        self.since(start)
    }

    /// A value in the link's notation; `refs`: an item of the change's own list, which may be `@k`.
    fn value(&mut self, depth: usize, refs: bool) -> Option<Json> {
        if depth > MAX_DEPTH {
            return None;
        }
        if self.eat(b'!') {
            if self.eat(b'(') {
                return self.items(b')', |r| r.value(depth + 1, depth == 0)).map(Json::Arr);
            }
            let word = match self.peek()? {
                b'n' => Json::Null,
                b't' => Json::Bool(true),
                b'f' => Json::Bool(false),
                _ => return self.integer(),
            };
            self.at += 1;
            return Some(word);
        }
        if self.eat(b'(') {
            let mut seen = Vec::new();
            return self
                .items(b')', |r| {
                    let key = key_of(r.peek()?)?;
                    r.at += 1;
                    if seen.contains(&key) || !r.eat(b':') {
                        return None;
                    }
                    seen.push(key);
                    Some((key.to_string(), r.value(depth + 1, false)?))
                })
                .map(Json::Obj);
        }
        if self.eat(b'*') {
            let text = String::from_utf8(URL_SAFE_NO_PAD.decode(self.bare()?).ok()?).ok()?;
            return json_string_body(&text).then_some(Json::Str(text));
        }
        if refs && self.eat(b'@') {
            return self.index().map(Json::Ref);
        }
        let text = self.bare()?;
        (!text.is_empty()).then_some(Json::Str(text))
    }

    /// A list index: at most 6 digits (no list in a scenario comes near a million items).
    fn index(&mut self) -> Option<usize> {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        self.since(start).filter(|d| d.len() <= 6)?.parse().ok()
    }

    /// `-?(0|[1-9][0-9]*)`, at most 20 digits: a JSON integer as serde writes one.
    fn integer(&mut self) -> Option<Json> {
        let start = self.at;
        self.eat(b'-');
        let digits = self.index_like()?;
        (digits <= 20).then_some(())?;
        self.since(start).map(Json::Num)
    }

    /// Digits without a leading zero (but `0`); their count.
    fn index_like(&mut self) -> Option<usize> {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        let count = self.at - start;
        (count == 1 || (count > 1 && self.bytes.get(start) != Some(&b'0'))).then_some(count)
    }

    /// One change: its path, `:`, and its value (`None`: `!d`, the field removed).
    fn change(&mut self) -> Option<(Vec<Step>, Option<Json>)> {
        let mut path = Vec::new();
        while !self.eat(b':') {
            let b = self.peek()?;
            if b.is_ascii_digit() {
                path.push(Step::Index(self.index()?));
            } else {
                path.push(Step::Key(key_of(b)?));
                self.at += 1;
            }
        }
        if self.bytes.get(self.at..self.at + 2) == Some(b"!d") {
            self.at += 2;
            return (!path.is_empty()).then_some((path, None));
        }
        let value = self.value(0, false)?;
        (!path.is_empty()).then_some((path, Some(value)))
    }
}

// ---------------------------------------------------------------- writing a difference

fn is_bare(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~".contains(&b)
}

/// `value` in the link's notation; `None` when an object has a key without a code.
fn notation(value: &Json, out: &mut String) -> Option<()> {
    let items = |out: &mut String, open: &str, list: &mut dyn Iterator<Item = (Option<&str>, &Json)>| {
        out.push_str(open);
        for (i, (key, item)) in list.enumerate() {
            if i > 0 {
                out.push(',');
            }
            if let Some(key) = key {
                out.push(char::from(code_of(key)?));
                out.push(':');
            }
            notation(item, out)?;
        }
        out.push(')');
        Some(())
    };
    match value {
        Json::Null => out.push_str("!n"),
        Json::Ref(k) => out.push_str(&format!("@{k}")),
        Json::Bool(b) => out.push_str(if *b { "!t" } else { "!f" }),
        Json::Num(text) => {
            out.push('!');
            out.push_str(text);
        }
        Json::Str(text) if !text.is_empty() && text.bytes().all(is_bare) => out.push_str(text),
        Json::Str(text) => {
            out.push('*');
            out.push_str(&URL_SAFE_NO_PAD.encode(text));
        }
        Json::Arr(list) => items(out, "!(", &mut list.iter().map(|v| (None, v)))?,
        Json::Obj(fields) => items(out, "(", &mut fields.iter().map(|(k, v)| (Some(k.as_str()), v)))?,
    }
    Some(())
}

fn joined_len(changes: &[String]) -> usize {
    changes.iter().map(|c| c.len() + 1).sum()
}

/// `list` replaced whole at `path`: each item the preset's list `before`
/// has as a reference to it; a new item as the item at its place (or the
/// last) followed by its own changes, where that is shorter than writing it out.
fn replaced_list(path: &str, before: &[Json], list: &[Json]) -> Option<Vec<String>> {
    let mut items = Vec::new();
    let mut after = Vec::new();
    for (i, item) in list.iter().enumerate() {
        let near = before.len().checked_sub(1).map(|last| i.min(last));
        let base = before.iter().position(|b| b == item).or(near);
        let mut own = Vec::new();
        if let Some(k) = base {
            changes(&format!("{path}{i}"), &before[k], item, &mut own)?;
        }
        let mut written = String::new();
        notation(item, &mut written)?;
        match base {
            Some(k) if joined_len(&own) < written.len() => {
                items.push(Json::Ref(k));
                after.extend(own);
            }
            _ => items.push(item.clone()),
        }
    }
    let mut text = format!("{path}:");
    notation(&Json::Arr(items), &mut text)?;
    Some(std::iter::once(text).chain(after).collect())
}

/// The changes that turn `old` into `new` at `path`, each `path:value`: the
/// members' changes, or the value replaced whole where that is shorter.
fn changes(path: &str, old: &Json, new: &Json, out: &mut Vec<String>) -> Option<()> {
    if old == new {
        return Some(());
    }
    let mut members = Vec::new();
    let mut whole = None;
    match (old, new) {
        (Json::Obj(before), Json::Obj(after)) => {
            for (key, value) in after {
                let member = format!("{path}{}", char::from(code_of(key)?));
                match before.iter().find(|(k, _)| k == key) {
                    Some((_, was)) => changes(&member, was, value, &mut members)?,
                    None => {
                        let mut text = format!("{member}:");
                        notation(value, &mut text)?;
                        members.push(text);
                    }
                }
            }
            for (key, _) in before.iter().filter(|(k, _)| !after.iter().any(|(a, _)| a == k)) {
                members.push(format!("{path}{}:!d", char::from(code_of(key)?)));
            }
        }
        // An index right after an index would read as one number: lists of
        // lists (none in a scenario) are only replaced as values.
        (Json::Arr(before), Json::Arr(after)) if !path.ends_with(|c: char| c.is_ascii_digit()) => {
            if before.len() == after.len() {
                for (i, (was, value)) in before.iter().zip(after).enumerate() {
                    changes(&format!("{path}{i}"), was, value, &mut members)?;
                }
            }
            whole = Some(replaced_list(path, before, after)?);
        }
        _ => {}
    }
    let whole = match whole {
        Some(whole) => whole,
        None => {
            let mut text = format!("{path}:");
            notation(new, &mut text)?;
            vec![text]
        }
    };
    if path.is_empty() {
        // The root is always an object (a scenario): compared member by member.
        matches!(new, Json::Obj(_)).then_some(())?;
        out.extend(members);
    } else if !members.is_empty() && joined_len(&members) <= joined_len(&whole) {
        out.extend(members);
    } else {
        out.extend(whole);
    }
    Some(())
}

/// The difference that turns the JSON `old` into `new` in the link's
/// notation (empty when they are equal); `None` when it cannot be written (a
/// key without a code): then a link carries the whole scenario.
pub fn difference(old: &str, new: &str) -> Option<String> {
    let (old, new) = (Json::parse(old)?, Json::parse(new)?);
    let mut out = Vec::new();
    changes("", &old, &new, &mut out)?;
    Some(out.join(","))
}

// ---------------------------------------------------------------- applying a difference

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

/// `value` in place of `slot`: of the same kind (or either is null: an
/// optional value set or cleared, such as a rule's cap), references to the
/// items of the list it replaces resolved.
fn put(slot: &mut Json, value: Json) -> Result<(), Problem> {
    let same_kind = std::mem::discriminant(&*slot) == std::mem::discriminant(&value)
        || matches!(slot, Json::Null)
        || matches!(value, Json::Null);
    if !same_kind {
        return Err(Problem::WrongKind);
    }
    *slot = match (value, &*slot) {
        (Json::Arr(items), old) => {
            let old: &[Json] = if let Json::Arr(old) = old { old } else { &[] };
            let resolve = |item| match item {
                Json::Ref(k) => old.get(k).cloned().ok_or(Problem::Missing),
                item => Ok(item),
            };
            Json::Arr(items.into_iter().map(resolve).collect::<Result<_, _>>()?)
        }
        (value, _) => value,
    };
    Ok(())
}

/// Follows `step` from `node`, and at the last step sets (or removes) the value.
fn step_into(node: &mut Json, step: Step, last: Option<Option<Json>>) -> Result<Option<&mut Json>, Problem> {
    let (slot, fields) = match (node, step) {
        (Json::Obj(fields), Step::Key(key)) => match fields.iter().position(|(k, _)| k == key) {
            Some(i) => (Some(i), fields),
            None => match last {
                // A field the object does not have yet.
                Some(Some(value)) => {
                    fields.push((key.to_string(), Json::Null));
                    let end = fields.len() - 1;
                    put(&mut fields[end].1, value)?;
                    return Ok(None);
                }
                _ => return Err(Problem::Missing),
            },
        },
        (Json::Arr(items), Step::Index(i)) => {
            let item = items.get_mut(i).ok_or(Problem::Missing)?;
            return match last {
                None => Ok(Some(item)),
                Some(Some(value)) => put(item, value).map(|_| None),
                // An item is not removed by itself: its list is replaced.
                Some(None) => Err(Problem::WrongKind),
            };
        }
        _ => return Err(Problem::WrongKind),
    };
    let i = slot.unwrap_or_default();
    match last {
        None => Ok(fields.get_mut(i).map(|(_, v)| v)),
        Some(Some(value)) => put(&mut fields[i].1, value).map(|_| None),
        Some(None) => {
            fields.remove(i);
            Ok(None)
        }
    }
}

/// The JSON `base` (a preset's compact JSON) with the difference `text`
/// applied: the scenario's JSON, which the engine then reads and validates.
/// A refusal names the scenario path a change could not make (`link.d` when
/// the text cannot be read at all).
pub fn apply(base: &str, text: &str) -> Result<String, ScenarioError> {
    if text.len() > MAX_DIFF_BYTES {
        return Err(too_large("link.d"));
    }
    // Read whole first: a text that cannot be read is damaged, wherever.
    let mut reader = Reader { bytes: text.as_bytes(), at: 0 };
    let mut changes = Vec::new();
    while reader.at < text.len() {
        if reader.at > 0 && !reader.eat(b',') {
            return Err(damaged("link.d"));
        }
        changes.push(reader.change().ok_or_else(|| damaged("link.d"))?);
    }
    let mut tree = Json::parse(base).ok_or_else(|| damaged("link.p"))?;
    for (path, value) in changes {
        let mut value = Some(value);
        let mut node = &mut tree;
        for (n, step) in path.iter().enumerate() {
            let last = if n + 1 == path.len() { value.take() } else { None };
            match step_into(node, *step, last) {
                Ok(Some(next)) => node = next,
                Ok(None) => break,
                Err(problem) => return Err(refused(problem, &path[..=n])),
            }
        }
    }
    let mut out = String::new();
    tree.write(&mut out);
    Ok(out)
}

/// A short fingerprint of a preset's compact JSON (FNV-1a, 32 bits, in URL-safe
/// base64: 6 characters), carried by a link so that it notices when the
/// preset it was made from has changed since.
pub fn fingerprint(json: &str) -> String {
    let mut hash: u32 = 0x811c_9dc5;
    for byte in json.bytes() {
        hash ^= u32::from(byte);
        hash = hash.wrapping_mul(0x0100_0193);
    }
    URL_SAFE_NO_PAD.encode(hash.to_be_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(json: &str) -> Json {
        Json::parse(json).expect("test JSON")
    }

    /// `text` as the notation writes a string that is not bare.
    fn b64(text: &str) -> String {
        format!("*{}", URL_SAFE_NO_PAD.encode(text))
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
        let mut out = String::new();
        tree(text).write(&mut out);
        assert_eq!(out, text);
        // Strings keep their escapes as serde wrote them.
        assert_eq!(tree(r#""a\"b""#), Json::Str(r#"a\"b"#.into()));
        for bad in ["", "{", "[1,]", "{\"a\"}", "{\"a\":1,}", "tru", "nul", "[1]2", "\"abc", "\"ab\\", "{1:2}"] {
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
        // A name with characters outside the bare set: its JSON text in base64.
        let new = r#"{"interventions":[{"success_rate":"0.2","name":"Bo's \"bästa\" & co!"}],"fund":{"allocations":["1","1"]}}"#;
        let d = difference(old, new).unwrap();
        assert_eq!(d, format!("I0n:{}", b64(r#"Bo's \"bästa\" & co!"#)));
        assert!(d.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~!*():,@".contains(&b)), "{d}");
        assert_eq!(apply(old, &d).map(|j| tree(&j)), Ok(tree(new)));
    }

    #[test]
    fn lists_that_change_length_or_order_refer_to_the_presets_items() {
        let old = r#"{"interventions":[{"id":"a","years":1},{"id":"b","years":2},{"id":"c","years":3}]}"#;
        let cases = [
            // Removed, duplicated, reordered: references only.
            (r#"{"interventions":[{"id":"a","years":1},{"id":"c","years":3}]}"#, "I:!(@0,@2)"),
            (
                r#"{"interventions":[{"id":"a","years":1},{"id":"b","years":2},{"id":"b","years":2},{"id":"c","years":3}]}"#,
                "I:!(@0,@1,@1,@2)",
            ),
            (r#"{"interventions":[{"id":"c","years":3},{"id":"b","years":2},{"id":"a","years":1}]}"#, "I:!(@2,@1,@0)"),
            // A copy with a new id: the item at its place and its change.
            (
                r#"{"interventions":[{"id":"a","years":1},{"id":"b","years":2},{"id":"c","years":3},{"id":"c-2","years":3}]}"#,
                "I:!(@0,@1,@2,@2),I3i:c-2",
            ),
            // A new item unlike any: written out.
            (r#"{"interventions":[{"id":"x","years":9,"name":"new"}]}"#, "I:!((i:x,y:!9,n:new))"),
        ];
        for (new, expected) in cases {
            assert_eq!(difference(old, new).as_deref(), Some(expected), "{new}");
            assert_eq!(apply(old, expected).map(|j| tree(&j)), Ok(tree(new)), "{expected}");
        }
        // A reference to an item the list does not have, or outside a replaced list.
        assert_eq!(apply(old, "I:!(@3)").unwrap_err(), refused(Problem::Missing, &[Step::Key("interventions")]));
        assert_eq!(apply(old, "F:!(@0)").unwrap_err().path, "fund");
        assert_eq!(apply(old, "I0i:@0").unwrap_err(), damaged("link.d"));
        assert_eq!(apply(old, "I:!(!(@0))").unwrap_err(), damaged("link.d"));
    }

    #[test]
    fn added_and_removed_fields() {
        let old = r#"{"a":[{"id":"x"}]}"#;
        // `a` is not a code: no difference, so the whole scenario is carried instead.
        assert_eq!(difference(old, r#"{"a":[]}"#), None);
        let old =
            r#"{"repayment_default":{"kind":"savings_share","share":"1","cap":null},"interventions":[{"id":"x"}]}"#;
        let new = r#"{"repayment_default":{"kind":"savings_share","share":"1","cap":"2"},"interventions":[{"id":"x","repayment":{"kind":"none"}}],"fund":{"years":3}}"#;
        let d = difference(old, new).unwrap();
        assert_eq!(d, "Dx:2,I0r:(k:none),F:(y:!3)");
        assert_eq!(apply(old, &d).map(|j| tree(&j)), Ok(tree(new)));
        // And back: removed fields, a cap cleared to null.
        let d = difference(new, old).unwrap();
        assert_eq!(d, "Dx:!n,I0r:!d,F:!d");
        assert_eq!(apply(new, &d).map(|j| tree(&j)), Ok(tree(old)));
    }

    #[test]
    fn hostile_differences_are_refused_naming_the_path() {
        let base = r#"{"interventions":[{"success_rate":"0.2","uncertainty":{"success_rate":{"low":"0.1"}}}],"fund":{"allocations":["1"]}}"#;
        let err = |d: &str| apply(base, d).unwrap_err();
        // A path the example does not have (a new field of an object it has is added).
        assert_eq!(err("I9s:0.3"), refused(Problem::Missing, &[Step::Key("interventions"), Step::Index(9)]));
        assert_eq!(err("I9s:0.3").path, "interventions[9]");
        assert!(apply(base, "I0Uw:(l:0.1)").is_ok());
        assert_eq!(err("I0Uwl:0.1").path, "interventions[0].uncertainty.deadweight");
        assert_eq!(err("FL3:5").path, "fund.allocations[3]");
        assert_eq!(err("Fn:!d").path, "fund.name");
        assert_eq!(err("Fn:!d").message, "the link changes a part that the example does not have");
        // The wrong kind of value, or a path through a value.
        let wrong = |d: &str| {
            let e = err(d);
            assert_eq!(e.message, "the link's change does not fit the example here", "{d}");
            e.path
        };
        assert_eq!(wrong("FL:5"), "fund.allocations");
        assert_eq!(wrong("I0s:!(1)"), "interventions[0].success_rate");
        assert_eq!(wrong("I0s:!t"), "interventions[0].success_rate");
        assert_eq!(wrong("I0sl:1"), "interventions[0].success_rate.low");
        assert_eq!(wrong("F0:1"), "fund[0]");
        assert_eq!(wrong("FL0:!d"), "fund.allocations[0]");
        // Not the notation at all: damaged.
        for bad in [
            "I0s",
            ":1",
            "I0s:",
            "Q:1",
            "I0s:!q",
            "I0s:!007",
            "I0s:!1x",
            "I0s:1,",
            "I1234567s:1",
            "I0s:(s:1,s:2)",
            "I0s:1)",
            "I0s:*!!!",
            "I0s:a b",
            "I0s:'x'",
            "I0s:!-",
            ",I0s:1",
            "I0s:1,,I0s:2",
        ] {
            assert_eq!(apply(base, bad).unwrap_err(), damaged("link.d"), "{bad}");
        }
        // A string whose JSON text would end the string early, or is not UTF-8: damaged.
        for text in [&b"x\",\"currency\":\"EUR"[..], b"a\\", b"\x01", b"\xff"] {
            let d = format!("I0s:*{}", URL_SAFE_NO_PAD.encode(text));
            assert_eq!(apply(base, &d).unwrap_err(), damaged("link.d"), "{d}");
        }
        // Deep nesting is refused, not a stack overflow; a huge text is too large.
        assert_eq!(err(&format!("I0s:{}", "!(".repeat(50_000))), damaged("link.d"));
        assert_eq!(err(&format!("I0s:{}", "(s:".repeat(50_000))), damaged("link.d"));
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
