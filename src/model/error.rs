//! The one error a scenario can have: a field path and a sentence.

use std::borrow::Cow;
use std::fmt;

/// Most characters of a user's own text (an id, a key, a value) that a
/// message quotes: a 50 MB key is not echoed whole.
pub const EXCERPT_CHARS: usize = 100;

/// `text` as a message quotes it: whole up to `max` characters, else its
/// first `max` characters and "…".
pub fn excerpt_of(text: &str, max: usize) -> Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => Cow::Borrowed(text),
        Some((at, _)) => Cow::Owned(format!("{}…", &text[..at])),
    }
}

/// `text` as a message quotes it: at most [`EXCERPT_CHARS`] characters.
pub fn excerpt(text: &str) -> Cow<'_, str> {
    excerpt_of(text, EXCERPT_CHARS)
}

/// A refused scenario: which field (by its JSON path, such as
/// `interventions[2].success_rate`) and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioError {
    /// Path of the field in the scenario JSON; empty for the whole document.
    pub path: String,
    /// What is wrong, as a sentence fragment a user can act on.
    pub message: String,
}

impl ScenarioError {
    /// An error at `path`.
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        ScenarioError { path: path.into(), message: message.into() }
    }
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for ScenarioError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_keeps_100_characters_whole() {
        assert_eq!(excerpt("skola"), "skola");
        let hundred = "å".repeat(100); // two bytes each: cut by characters, never inside one
        assert_eq!(excerpt(&hundred), hundred);
        assert_eq!(excerpt(&format!("{hundred}äö")), format!("{hundred}…"));
        assert_eq!(excerpt_of("abc", 0), "…");
        assert_eq!(excerpt_of("", 0), "");
    }
}
