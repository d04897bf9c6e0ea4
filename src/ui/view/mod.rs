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
pub mod paint;

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
    /// The app's number on the page (`browser::analysis::new_app`): what the
    /// loader keeps of its analysis is its own when several apps share a page.
    pub app: u32,
}

impl Prefs {
    /// The currency's label in whole units (`kr`, `SEK`, `EUR`).
    pub fn currency_label(&self) -> AttrValue {
        AttrValue::from(Unit::One.label(&self.currency, self.lang))
    }
}

/// A scenario and its JSON.
type Written = (std::rc::Rc<crate::model::Scenario>, std::rc::Rc<str>);

thread_local! {
    /// The JSON of the last two scenarios written, by address (see [`json_of`]).
    static JSON: std::cell::RefCell<[Option<Written>; 2]> = const { std::cell::RefCell::new([None, None]) };
}

/// The scenario's JSON, written once per scenario: after an edit the charts
/// below the first results, the decision charts, the explanations, the year
/// tables and the analysis all hand the same scenario to JavaScript, and a
/// large one took milliseconds to write each time (issue 12). The reducer
/// makes a new scenario for every change, so its address names its
/// contents; two are kept, the one being edited and the one that has
/// rested (the decision charts').
pub fn json_of(scenario: &std::rc::Rc<crate::model::Scenario>) -> std::rc::Rc<str> {
    JSON.with_borrow_mut(|kept| {
        if let Some((_, json)) = kept.iter().flatten().find(|(s, _)| std::rc::Rc::ptr_eq(s, scenario)) {
            return json.clone();
        }
        let json: std::rc::Rc<str> = scenario.to_json().into();
        kept.swap(0, 1);
        kept[0] = Some((scenario.clone(), json.clone()));
        json
    })
}
