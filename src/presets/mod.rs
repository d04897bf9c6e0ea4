//! Prepared, illustrative scenarios built from the sourced facts in
//! `shared/spec/domain.md`, each with its story and its sources.
//!
//! STUB: the presets helper replaces this file's body; the API below stays.

use crate::model::Scenario;

/// A text in both of the app's languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub sv: &'static str,
    pub en: &'static str,
}

/// A prepared scenario with the story a trainer tells about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Preset {
    /// Stable key, used in URLs (`#preset=gotland`).
    pub id: &'static str,
    /// Short title for menus.
    pub title: Text,
    /// A few sentences: the situation, the question, and that the figures are illustrative.
    pub story: Text,
    /// Where the figures come from (one entry per source).
    pub sources: &'static [&'static str],
    /// The scenario itself.
    pub scenario: Scenario,
}

/// Every preset, the app's opening scenario first.
pub fn all() -> Vec<Preset> {
    Vec::new()
}

/// The preset with this id.
pub fn by_id(id: &str) -> Option<Preset> {
    all().into_iter().find(|p| p.id == id)
}
