//! The Yew app: it edits one scenario and draws its outcome.
//!
//! - [`state`]: the scenario being edited, the `Action`s and the reducer.
//! - [`app`]: the root component and its layout.
//! - [`components`] and [`editor`]: one component per file.
//! - [`text`]: every visible string in Swedish and English; [`format`] and
//!   [`parse`]: numbers out and in; [`explain`]: sentences about repayment
//!   rules; [`term`]: terms of office.
//! - [`keep`]: share and keep, the decisions (the page's link, what a visit
//!   opens on, file names); [`browser`]: the browser calls behind them
//!   (URL fragment and history, local storage, clipboard, downloads, files).
//! - [`present`]: presentation mode, the decisions (keys, steps through the
//!   presets, the repayment share shown); drawn by `components::presentation`.

pub mod app;
pub mod browser;
pub mod charts;
pub mod components;
pub mod editor;
pub mod explain;
pub mod export;
pub mod keep;
pub mod markup;
pub mod present;
pub mod state;
pub mod term;
pub mod text;

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
