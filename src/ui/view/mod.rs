//! The views: Yew components that render the state and dispatch its actions.
//!
//! - [`app`]: the root component, its layout and the hooks that time its work.
//! - [`components`]: one component per file (fields, header, results, share and keep).
//! - [`editor`]: the scenario editor, one component per part of the scenario.
//! - [`charts`]: the SVG charts.
//! - [`markup`]: escaped markup written as text, for parts nobody focuses.

pub mod analysis;
pub mod app;
pub mod charts;
pub mod components;
pub mod editor;
pub mod markup;
pub mod notices;

use yew::AttrValue;

use crate::words::format::Unit;
use crate::words::Lang;

/// The reader's preferences, shared through a context: language, unit, and
/// the scenario's currency label.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prefs {
    pub lang: Lang,
    pub unit: Unit,
    pub currency: AttrValue,
}

impl Prefs {
    /// The currency's label in whole units (`kr`, `SEK`, `EUR`).
    pub fn currency_label(&self) -> AttrValue {
        AttrValue::from(Unit::One.label(&self.currency, self.lang))
    }
}
