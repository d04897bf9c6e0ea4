//! A scenario as its difference from a preset: the short form of a link
//! (`#v=2&p=<preset>&h=<fingerprint>&d=<difference>`, see [`crate::share::link`]).
//!
//! One edit of a preset changes a few values; carrying only those keeps the
//! link short enough for a QR code read from the back of a hall. The
//! difference is taken between the two scenarios' compact JSON (serde's own
//! output, so every field of the scenario format is covered):
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
//! | string of `A–Z a–z 0–9 - . _ ~` (not empty) | as it is | `0.35`, `savings_share` |
//! | any other string | `*` and its JSON text (escapes kept) in URL-safe base64 | `*TWl0dCBzY2VuYXJpbw` |
//! | integer | `!` and the number | `!2027` |
//! | true, false, null | `!t`, `!f`, `!n` | |
//! | list | `!(` items separated by `,` `)`; in a list a change replaces, `@k` is the replaced list's item `k` | `!(12000000,12000000)`, `!(@0,@2)` |
//! | object | `(` key`:`value separated by `,` `)` | `(l:0.2,h:0.4)` |
//!
//! A path is the keys' one-letter codes ([`KEYS`]) and the lists' indices:
//! `I0Us` is `interventions[0].uncertainty.success_rate`. The codes never
//! change meaning: a later scenario format adds codes.
//!
//! The work is done on the JSON text itself (slices of serde's compact
//! output, compared as text: serde writes equal values alike), with no tree
//! of values: that keeps the code small, which the app's first download needs.
//!
//! Reading is safe for hostile input: nesting is limited ([`MAX_DEPTH`]),
//! the text's length too ([`MAX_DIFF_BYTES`]), and the JSON it makes and
//! the work it takes ([`MAX_JSON_BYTES`]); the whole text is read before
//! any change is made; a change must name a path the preset has (or a new
//! field of an object it has) and keep the kind of the value it replaces (a
//! list stays a list); each refusal names the path in the scenario. The
//! engine then reads and validates the result like any scenario.

use crate::model::{Problem, ScenarioError};
use crate::share::base64url;

/// A part of the link (`link.s`, `link.d`, `link.p`, `link.h`) cut short or
/// changed. (Here, beside the changes' reader, which the link's reader calls:
/// the arrow runs one way, link → diff.)
pub(crate) fn damaged(part: &str) -> ScenarioError {
    ScenarioError::new(part, Problem::LinkDamaged)
}

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
    ("co_payers", b'M'),
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
    ("intervention", b'j'),
    ("interventions", b'I'),
    ("kind", b'k'),
    ("lag_years", b'g'),
    ("low", b'l'),
    ("name", b'n'),
    ("outcome_contracts", b'W'),
    ("owner", b'O'),
    ("pay_after_years", b'G'),
    ("participants_per_year", b'P'),
    ("payer", b'm'),
    ("per_year", b'p'),
    ("price_per_outcome", b'q'),
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

/// Most bytes of JSON a difference may make (as a link's whole scenario may
/// inflate to): references copy items, and must not copy without end.
pub const MAX_JSON_BYTES: usize = 4 * 1024 * 1024;

/// Most bytes of JSON read while applying a difference (each change reads
/// the containers on its path and writes the document anew): many changes
/// on a document made large must not keep the page busy for long.
const MAX_WORK_BYTES: usize = 64 * 1024 * 1024;

fn code_of(key: &str) -> Option<u8> {
    KEYS.iter().find(|(k, _)| *k == key).map(|(_, c)| *c)
}

fn key_of(code: u8) -> Option<&'static str> {
    KEYS.iter().find(|(_, c)| *c == code).map(|(k, _)| *k)
}

// ---------------------------------------------------------------- refusals

/// The changes are longer, make more JSON or take more work than a link may.
fn too_large() -> ScenarioError {
    ScenarioError::new("link.d", Problem::LinkChangesTooLarge)
}

/// A change that reads but cannot be made (`problem`), at the scenario path `steps`.
fn refused(problem: Problem, steps: &[Step]) -> ScenarioError {
    ScenarioError::new(path_text(steps), problem)
}

// ---------------------------------------------------------------- JSON text

/// The end of the JSON value that starts at `start` in `b` (compact JSON, as
/// serde writes it); `None` when it is cut short. A loop, not recursion.
fn value_end(b: &[u8], start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = start;
    loop {
        let c = *b.get(i)?;
        i += 1;
        match c {
            b'"' => loop {
                match *b.get(i)? {
                    b'\\' => i += 2,
                    b'"' => {
                        i += 1;
                        break;
                    }
                    _ => i += 1,
                }
            },
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.checked_sub(1)?,
            b',' | b':' if depth > 0 => {}
            // A number or a word, up to the next delimiter.
            _ => {
                while b.get(i).is_some_and(|c| !b",:]}".contains(c)) {
                    i += 1;
                }
            }
        }
        if depth == 0 {
            return Some(i);
        }
    }
}

/// The members of the object or list `s`: each key's text (empty for a
/// list's items) and value's text, as slices of `s`.
fn members(s: &str) -> Option<Vec<(&str, &str)>> {
    let b = s.as_bytes();
    let object = b.first() == Some(&b'{');
    let mut out = Vec::new();
    let mut i = 1;
    if b.get(i).is_some_and(|c| b"]}".contains(c)) {
        return Some(out);
    }
    loop {
        let mut key = "";
        if object {
            let end = value_end(b, i)?;
            key = s.get(i + 1..end - 1)?;
            i = end + 1;
        }
        let end = value_end(b, i)?;
        out.push((key, s.get(i..end)?));
        if b.get(end) != Some(&b',') {
            return Some(out);
        }
        i = end + 1;
    }
}

/// Where `inner`, a slice of `outer`, starts in it.
fn offset(outer: &str, inner: &str) -> usize {
    inner.as_ptr() as usize - outer.as_ptr() as usize
}

/// The kind of a JSON value by its first byte (true and false are one kind).
fn kind(json: &str) -> u8 {
    match json.as_bytes().first() {
        Some(b'f') => b't',
        Some(b'-' | b'0'..=b'9') => b'0',
        Some(&c) => c,
        None => 0,
    }
}

fn is_bare(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"-._~".contains(&b)
}

/// Whether `text` may stand between a JSON string's quotes as it is: no
/// quote, no control character, and every backslash starting an escape.
fn json_string_body(text: &[u8]) -> bool {
    let mut i = 0;
    while let Some(&b) = text.get(i) {
        i += 1;
        match b {
            b'"' | 0..=0x1f => return false,
            b'\\' if !text.get(i).is_some_and(|e| b"\"\\/bfnrtu".contains(e)) => return false,
            b'\\' => i += 1,
            _ => {}
        }
    }
    true
}

// ---------------------------------------------------------------- writing a difference

/// The JSON value `json` in the link's notation; `None` when an object has
/// a key without a code.
fn notation(json: &str, out: &mut String) -> Option<()> {
    let b = json.as_bytes();
    // Whether each open container is an object, and whether a key comes next.
    let mut objects = Vec::new();
    let mut key_next = false;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let end = match c {
            b'{' | b'[' => {
                out.push_str(if c == b'{' { "(" } else { "!(" });
                objects.push(c == b'{');
                key_next = c == b'{';
                i + 1
            }
            b'}' | b']' | b',' => {
                out.push(if c == b',' { ',' } else { ')' });
                if c != b',' {
                    objects.pop();
                }
                key_next = c == b',' && objects.last() == Some(&true);
                i + 1
            }
            _ => value_end(b, i)?,
        };
        let text = json.get(i..end)?;
        match c {
            b'"' if key_next => {
                out.push(char::from(code_of(text.get(1..text.len() - 1)?)?));
                out.push(':');
                key_next = false;
                i = end + 1;
                continue;
            }
            b'"' => {
                let body = text.get(1..text.len() - 1)?;
                if !body.is_empty() && body.bytes().all(is_bare) {
                    out.push_str(body);
                } else {
                    out.push('*');
                    out.push_str(&base64url::encode(body.as_bytes()));
                }
            }
            b't' | b'f' | b'n' => {
                out.push('!');
                out.push(char::from(c));
            }
            b'{' | b'[' | b'}' | b']' | b',' => {}
            _ => {
                out.push('!');
                out.push_str(text);
            }
        }
        i = end;
    }
    Some(())
}

fn joined_len(changes: &[String]) -> usize {
    changes.iter().map(|c| c.len() + 1).sum()
}

/// `path:` and `json` in the notation.
fn replacement(path: &str, json: &str) -> Option<String> {
    let mut text = format!("{path}:");
    notation(json, &mut text)?;
    Some(text)
}

/// The list `after` replacing `before` whole at `path`: each item the
/// preset's list has as a reference to it (`@k`); a new item as the item at
/// its place (or the last) followed by its own changes, where that is
/// shorter than writing it out.
fn replaced_list(path: &str, before: &[(&str, &str)], after: &[(&str, &str)]) -> Option<Vec<String>> {
    let mut out = vec![format!("{path}:!(")];
    for (i, (_, item)) in after.iter().enumerate() {
        if i > 0 {
            out[0].push(',');
        }
        let near = before.len().checked_sub(1).map(|last| i.min(last));
        let base = before.iter().position(|(_, b)| b == item).or(near);
        let mut own = Vec::new();
        if let Some(k) = base {
            changes(&format!("{path}{i}"), before[k].1, item, &mut own)?;
        }
        let mut written = String::new();
        notation(item, &mut written)?;
        match base {
            Some(k) if joined_len(&own) < written.len() => {
                out[0].push_str(&format!("@{k}"));
                out.append(&mut own);
            }
            _ => out[0].push_str(&written),
        }
    }
    out[0].push(')');
    Some(out)
}

/// The changes that turn the JSON `old` into `new` at `path`, each
/// `path:value`: the members' changes, or the value replaced whole where
/// that is shorter.
fn changes(path: &str, old: &str, new: &str, out: &mut Vec<String>) -> Option<()> {
    if old == new {
        return Some(());
    }
    let mut by_member = Vec::new();
    let mut whole = None;
    // An index right after an index would read as one number: lists of
    // lists (none in a scenario) are only replaced as values.
    let nested = !path.as_bytes().last().is_some_and(u8::is_ascii_digit);
    match (kind(old), kind(new)) {
        (b'{', b'{') => {
            let (before, after) = (members(old)?, members(new)?);
            for (key, value) in &after {
                let member = format!("{path}{}", char::from(code_of(key)?));
                match before.iter().find(|(k, _)| k == key) {
                    Some((_, was)) => changes(&member, was, value, &mut by_member)?,
                    None => by_member.push(replacement(&member, value)?),
                }
            }
            for (key, _) in &before {
                if !after.iter().any(|(k, _)| k == key) {
                    by_member.push(format!("{path}{}:!d", char::from(code_of(key)?)));
                }
            }
        }
        (b'[', b'[') if nested => {
            let (before, after) = (members(old)?, members(new)?);
            if before.len() == after.len() {
                for (i, ((_, was), (_, value))) in before.iter().zip(&after).enumerate() {
                    changes(&format!("{path}{i}"), was, value, &mut by_member)?;
                }
            }
            whole = Some(replaced_list(path, &before, &after)?);
        }
        _ => {}
    }
    let whole = match whole {
        Some(whole) => whole,
        None => vec![replacement(path, new)?],
    };
    if path.is_empty() {
        // The root is always an object (a scenario): compared member by member.
        (kind(new) == b'{').then_some(())?;
        out.append(&mut by_member);
    } else if !by_member.is_empty() && joined_len(&by_member) <= joined_len(&whole) {
        out.append(&mut by_member);
    } else {
        out.extend(whole);
    }
    Some(())
}

/// The difference that turns the JSON `old` into `new` (both serde's
/// compact output) in the link's notation (empty when they are equal);
/// `None` when it cannot be written (a key without a code): then a link
/// carries the whole scenario.
pub fn difference(old: &str, new: &str) -> Option<String> {
    let mut out = Vec::new();
    changes("", old, new, &mut out)?;
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

/// Reads the link's notation, writing JSON.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// A reference `@k` named an item the replaced list does not have.
    missing_item: bool,
    /// The JSON written grew past [`MAX_JSON_BYTES`].
    too_large: bool,
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

    /// The characters from here that satisfy `allowed`.
    fn run(&mut self, allowed: fn(u8) -> bool) -> &[u8] {
        let start = self.at;
        while self.peek().is_some_and(allowed) {
            self.at += 1;
        }
        &self.bytes[start..self.at]
    }

    /// A list index: at most 6 digits (no list in a scenario comes near a million items).
    fn index(&mut self) -> Option<usize> {
        let digits = self.run(|b| b.is_ascii_digit());
        if digits.is_empty() || digits.len() > 6 {
            return None;
        }
        Some(digits.iter().fold(0, |n, d| n * 10 + usize::from(d - b'0')))
    }

    /// A change's path, up to and with its `:`.
    fn path(&mut self) -> Option<Vec<Step>> {
        let mut path = Vec::new();
        while !self.eat(b':') {
            if self.peek()?.is_ascii_digit() {
                path.push(Step::Index(self.index()?));
            } else {
                path.push(Step::Key(key_of(self.peek()?)?));
                self.at += 1;
            }
        }
        (!path.is_empty()).then_some(path)
    }

    /// One value in the notation, written to `out` as JSON. `items`: the
    /// items of the list this value replaces, for references `@k` (only in
    /// the change's own list; `None` in a check that resolves none).
    fn value(&mut self, out: &mut String, depth: usize, items: Option<&[(&str, &str)]>) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        let first = self.peek()?;
        self.at += 1;
        match first {
            b'!' if self.eat(b'(') => {
                out.push('[');
                if !self.eat(b')') {
                    loop {
                        if depth == 0 && self.eat(b'@') {
                            let k = self.index()?;
                            match items {
                                Some(items) => match items.get(k) {
                                    Some((_, item)) => out.push_str(item),
                                    None => {
                                        self.missing_item = true;
                                        return None;
                                    }
                                },
                                None => out.push_str("null"),
                            }
                        } else {
                            self.value(out, depth + 1, None)?;
                        }
                        if !self.eat(b',') {
                            break;
                        }
                        out.push(',');
                    }
                    self.eat(b')').then_some(())?;
                }
                out.push(']');
            }
            b'!' => {
                let word = match self.peek()? {
                    b'n' => "null",
                    b't' => "true",
                    b'f' => "false",
                    _ => {
                        // `-?(0|[1-9][0-9]*)`, at most 20 digits: an integer as serde writes one.
                        let start = self.at;
                        self.eat(b'-');
                        let digits = self.run(|b| b.is_ascii_digit());
                        let ok = matches!(digits.len(), 1..=20) && (digits.len() == 1 || digits[0] != b'0');
                        ok.then_some(())?;
                        out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).ok()?);
                        return Some(());
                    }
                };
                self.at += 1;
                out.push_str(word);
            }
            b'(' => {
                out.push('{');
                let mut seen = Vec::new();
                if !self.eat(b')') {
                    loop {
                        let code = self.peek()?;
                        let key = key_of(code)?;
                        self.at += 1;
                        if seen.contains(&code) || !self.eat(b':') {
                            return None;
                        }
                        seen.push(code);
                        out.push('"');
                        out.push_str(key);
                        out.push_str("\":");
                        self.value(out, depth + 1, None)?;
                        if !self.eat(b',') {
                            break;
                        }
                        out.push(',');
                    }
                    self.eat(b')').then_some(())?;
                }
                out.push('}');
            }
            _ => {
                let text = if first == b'*' {
                    base64url::decode(self.run(is_bare))?
                } else {
                    self.at -= 1;
                    self.run(is_bare).to_vec()
                };
                let text = String::from_utf8(text).ok()?;
                let ok = json_string_body(text.as_bytes()) && (first == b'*' || !text.is_empty());
                ok.then_some(())?;
                out.push('"');
                out.push_str(&text);
                out.push('"');
            }
        }
        Some(())
    }

    /// After a path: `!d` (the field removed: `None`), or the value as JSON.
    fn new_value(&mut self, items: Option<&[(&str, &str)]>) -> Option<Option<String>> {
        if self.bytes.get(self.at..self.at + 2) == Some(b"!d") {
            self.at += 2;
            return Some(None);
        }
        let mut json = String::new();
        self.value(&mut json, 0, items)?;
        Some(Some(json))
    }

    /// Past the separator before the next change; `false` at the end.
    fn next(&mut self) -> Option<bool> {
        if self.at == self.bytes.len() {
            return Some(false);
        }
        (self.at == 0 || self.eat(b',')).then_some(true)
    }
}

/// `doc` with its bytes `from..to` replaced by `new` (at ASCII delimiters of the JSON).
fn splice(doc: &str, from: usize, to: usize, new: &str) -> String {
    let mut out = String::with_capacity(doc.len() + new.len());
    out.push_str(doc.get(..from).unwrap_or_default());
    out.push_str(new);
    out.push_str(doc.get(to..).unwrap_or_default());
    out
}

/// Applies one change (`path`, the reader at its value) to the JSON `doc`,
/// counting the bytes it reads in `work`.
fn apply_change(doc: &mut String, path: &[Step], reader: &mut Reader, work: &mut usize) -> Result<(), ScenarioError> {
    let fail = |problem, n: usize| refused(problem, &path[..=n]);
    let damaged = || damaged("link.d");
    // The value the path has led to so far: its place in `doc`.
    let (mut start, mut end) = (0, doc.len());
    for (n, step) in path.iter().enumerate() {
        let container = doc.get(start..end).ok_or_else(damaged)?;
        *work += container.len() + doc.len();
        if *work > MAX_WORK_BYTES || doc.len() > MAX_JSON_BYTES || reader.too_large {
            return Err(too_large());
        }
        let expected = if matches!(step, Step::Key(_)) { b'{' } else { b'[' };
        if kind(container) != expected {
            return Err(fail(Problem::LinkChangeMisfits, n));
        }
        let list = members(container).ok_or_else(damaged)?;
        let found = match step {
            Step::Key(key) => list.iter().find(|(k, _)| k == key),
            Step::Index(i) => list.get(*i),
        };
        let Some(&(_, value)) = found else {
            // Only a field an object does not have yet may be added.
            let Step::Key(key) = step else { return Err(fail(Problem::LinkChangesMissingPart, n)) };
            let new = match (n + 1 == path.len(), reader.new_value(Some(&[]))) {
                (true, Some(Some(new))) => new,
                (true, None) if reader.too_large => return Err(too_large()),
                (true, None) if !reader.missing_item => return Err(damaged()),
                _ => return Err(fail(Problem::LinkChangesMissingPart, n)),
            };
            let comma = if list.is_empty() { "" } else { "," };
            let close = end.saturating_sub(1);
            *doc = splice(doc, close, close, &format!("{comma}\"{key}\":{new}"));
            return Ok(());
        };
        let at = start + offset(container, value);
        (start, end) = (at, at + value.len());
        if n + 1 < path.len() {
            continue;
        }
        let old = doc.get(start..end).ok_or_else(damaged)?;
        let items = if kind(old) == b'[' { members(old) } else { None };
        match reader.new_value(Some(items.as_deref().unwrap_or_default())) {
            Some(Some(new)) if kind(&new) == kind(old) || new == "null" || old == "null" => {
                *doc = splice(doc, start, end, &new);
            }
            Some(Some(_)) => return Err(fail(Problem::LinkChangeMisfits, n)),
            // Removed: the field with its key and one comma.
            Some(None) => {
                let Step::Key(key) = step else { return Err(fail(Problem::LinkChangeMisfits, n)) };
                // `"key":` before the value (saturating: never a panic, whatever the JSON).
                let key_start = start.saturating_sub(key.len() + 3);
                let (from, to) = if doc.as_bytes().get(end) == Some(&b',') {
                    (key_start, end + 1)
                } else if list.len() > 1 {
                    (key_start.saturating_sub(1), end)
                } else {
                    (key_start, end)
                };
                *doc = splice(doc, from, to, "");
            }
            None if reader.too_large => return Err(too_large()),
            None if reader.missing_item => return Err(fail(Problem::LinkChangesMissingPart, n)),
            None => return Err(damaged()),
        }
    }
    Ok(())
}

/// The JSON `base` (a preset's compact JSON) with the difference `text`
/// applied: the scenario's JSON, which the engine then reads and validates.
/// A refusal names the scenario path a change could not make (`link.d` when
/// the text cannot be read at all).
pub fn apply(base: &str, text: &str) -> Result<String, ScenarioError> {
    if text.len() > MAX_DIFF_BYTES {
        return Err(too_large());
    }
    // The whole text is read first: a text that cannot be read is damaged,
    // whatever its first changes would do.
    let mut check = Reader { bytes: text.as_bytes(), at: 0, missing_item: false, too_large: false };
    while check.next().ok_or_else(|| damaged("link.d"))? {
        check.path().and_then(|_| check.new_value(None)).ok_or_else(|| damaged("link.d"))?;
    }
    let mut doc = base.to_string();
    let mut reader = Reader { bytes: text.as_bytes(), at: 0, missing_item: false, too_large: false };
    let mut work = 0;
    while reader.next() == Some(true) {
        let path = reader.path().ok_or_else(|| damaged("link.d"))?;
        apply_change(&mut doc, &path, &mut reader, &mut work)?;
    }
    if doc.len() > MAX_JSON_BYTES {
        return Err(too_large());
    }
    Ok(doc)
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
    base64url::encode(&hash.to_be_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// JSON read as a value (the order of an object's keys does not matter to it).
    fn tree(json: &str) -> serde_json::Value {
        serde_json::from_str(json).expect("test JSON")
    }

    /// `text` as the notation writes a string that is not bare.
    fn b64(text: &str) -> String {
        format!("*{}", base64url::encode(text.as_bytes()))
    }

    #[test]
    fn every_code_is_one_letter_used_once() {
        for (i, (key, code)) in KEYS.iter().enumerate() {
            assert!(code.is_ascii_alphabetic(), "{key}");
            assert!(KEYS[i + 1..].iter().all(|(k, c)| k != key && c != code), "{key} or {}", char::from(*code));
        }
    }

    #[test]
    fn json_values_are_measured_on_the_text() {
        let text = r#"{"a":[1,-2,{"b":null}],"c":"x\"\\\n\u0001é😀,]}","d":true,"e":false,"f":[],"g":{}}"#;
        assert_eq!(value_end(text.as_bytes(), 0), Some(text.len()));
        let list = members(text).unwrap();
        let keys: Vec<&str> = list.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, ["a", "c", "d", "e", "f", "g"]);
        assert_eq!(list[0].1, r#"[1,-2,{"b":null}]"#);
        assert_eq!(list[1].1, r#""x\"\\\n\u0001é😀,]}""#);
        assert_eq!(members("[]"), Some(vec![]));
        assert_eq!(members("{}"), Some(vec![]));
        // Cut short or unbalanced: no end (and never a panic).
        for bad in ["", "[", "\"abc", "\"ab\\", "]", "[1,{\"a\":[}"] {
            assert_eq!(value_end(bad.as_bytes(), 0), None, "{bad}");
        }
        assert_eq!(value_end("[".repeat(100_000).as_bytes(), 0), None);
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
        assert_eq!(
            apply(old, "I:!(@3)").unwrap_err(),
            refused(Problem::LinkChangesMissingPart, &[Step::Key("interventions")])
        );
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
        assert_eq!(
            err("I9s:0.3"),
            refused(Problem::LinkChangesMissingPart, &[Step::Key("interventions"), Step::Index(9)])
        );
        assert_eq!(err("I9s:0.3").path, "interventions[9]");
        assert!(apply(base, "I0Uw:(l:0.1)").is_ok());
        assert_eq!(err("I0Uwl:0.1").path, "interventions[0].uncertainty.deadweight");
        assert_eq!(err("FL3:5").path, "fund.allocations[3]");
        assert_eq!(err("Fn:!d").path, "fund.name");
        assert_eq!(err("Fn:!d").problem, Problem::LinkChangesMissingPart);
        // The wrong kind of value, or a path through a value.
        let wrong = |d: &str| {
            let e = err(d);
            assert_eq!(e.problem, Problem::LinkChangeMisfits, "{d}");
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
            let d = format!("I0s:*{}", base64url::encode(text));
            assert_eq!(apply(base, &d).unwrap_err(), damaged("link.d"), "{d}");
        }
        // Deep nesting is refused, not a stack overflow; a huge text is too large.
        assert_eq!(err(&format!("I0s:{}", "!(".repeat(50_000))), damaged("link.d"));
        assert_eq!(err(&format!("I0s:{}", "(s:".repeat(50_000))), damaged("link.d"));
        assert_eq!(err(&"I0s:1,".repeat(MAX_DIFF_BYTES)), too_large());
        // References copy items: copies of an item made large stop at the limit.
        let start = std::time::Instant::now();
        let copies = format!("I0n:{},I:!({})", b64(&"x".repeat(300_000)), ["@0"; 20].join(","));
        assert_eq!(err(&copies), too_large());
        // Many changes on a document made large: stopped, and soon.
        let many = format!("I0n:{},{}", b64(&"x".repeat(400_000)), "FL0:1,".repeat(60_000));
        assert!(many.len() < MAX_DIFF_BYTES);
        assert_eq!(err(many.trim_end_matches(',')), too_large());
        assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
    }

    #[test]
    fn the_fingerprint_is_fnv1a_of_the_text() {
        // FNV-1a 32 of "" is the offset basis 0x811c9dc5; of "a" it is
        // 0xe40c292c (the published test vectors), in base64url of its 4 bytes.
        assert_eq!(fingerprint(""), "gRydxQ");
        assert_eq!(fingerprint("a"), "5AwpLA");
    }
}
