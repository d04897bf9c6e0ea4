//! Share and keep, the decisions: what the page's link says, what a visit
//! opens on (a link, the autosaved scenario, or the default), and what a
//! saved file is called. Pure functions, tested natively; the browser calls
//! themselves (history, storage, clipboard, downloads) live in
//! [`crate::ui::browser`].
//!
//! Rules:
//! - A link in the URL fragment wins: `#preset=<id>`, `#v=2&p=<id>&h=…&d=…`
//!   (a preset and what was changed in it) or `#v=1&s=…` (a whole scenario),
//!   with an optional `lang=sv|en`. A link that cannot be read opens the
//!   default (the first preset) with a message naming the problem; a `v=2`
//!   link whose preset has changed since opens with a notice saying so.
//! - Without a link, the scenario autosaved under [`STORAGE_KEY`] is restored.
//!   A stored value that cannot be read or breaks a rule is never overwritten
//!   silently: the caller moves it aside to [`aside_key`] and the app opens
//!   on the default with a message that says where it was put.
//! - A link opened over a different autosaved scenario keeps the autosave
//!   aside and offers it back (`AppState::displaced`) until it is opened or
//!   discarded (see [`crate::ui::state::opening`]).
//! - The page's own link names a preset when the scenario is that preset
//!   unchanged (short links, big QR modules); else it carries the preset's
//!   changes or the whole scenario, whichever is shorter ([`LinkPlan`]).

use crate::model::{Scenario, ScenarioError};
use crate::share::link::{
    baseline_part, difference_fragment, link_json, packed_fragment, stored_deflate, unpack_fragment, LinkRequest,
};
use crate::ui::state::view::View;
use crate::words::Lang;

/// Where the scenario being edited is autosaved (the contract's scenario JSON).
pub const STORAGE_KEY: &str = "fundsim.scenario.v1";

/// Where a stored value that could not be read is moved aside.
pub fn aside_key(timestamp_ms: u64) -> String {
    format!("{STORAGE_KEY}.corrupt-{timestamp_ms}")
}

/// The page's link for a scenario, before it is deflated: the preset's id
/// when it is that preset unchanged; else the shorter of the preset's
/// changes (`v=2&p=…&d=…`) and the whole scenario (`v=1&s=…`, naming the
/// preset it came from so that the picker still names it); always the
/// language; and `view=<view>` when the app shows a view other than the
/// full one, so that a link copied from a results-only page or from
/// presentation mode opens that view again (a link without `view=` opens
/// the full app). The app deflates [`LinkPlan::json`] in the browser (async)
/// and then writes [`LinkPlan::fragment`].
#[derive(Debug, Clone, PartialEq)]
pub struct LinkPlan {
    /// The scenario JSON to deflate; `None` for an unchanged preset.
    pub json: Option<String>,
    /// The scenario as changes to the preset it came from (`v=2&p=…&d=…`);
    /// `None` when it came from none (or for an unchanged preset).
    difference: Option<String>,
    /// The preset the scenario came from, if any.
    preset: Option<&'static str>,
    /// What follows the scenario: `lang=…`, then `&view=…`, then a comparison's baseline (`&b…`).
    tail: String,
}

impl LinkPlan {
    pub fn new(scenario: &Scenario, preset_id: Option<&str>, lang: Lang, view: View) -> LinkPlan {
        let preset = preset_id.and_then(crate::presets::by_id);
        let mut tail = format!("lang={}", lang.tag());
        if view != View::Full {
            tail.push_str("&view=");
            tail.push_str(view.key());
        }
        let json = link_json(scenario);
        let (json, difference) = match &preset {
            // Unchanged to the last digit: the JSON, since `Decimal` equality
            // ignores the scale (0.5 == 0.50) and a link keeps it.
            Some(p) if link_json(&p.scenario) == json => (None, None),
            Some(p) => (Some(json.clone()), difference_fragment(p.id, &json)),
            None => (Some(json), None),
        };
        LinkPlan { json, difference, preset: preset.map(|p| p.id), tail }
    }

    /// The plan carrying a comparison's baseline too, after the rest
    /// (`&bpreset=…`, `&bv=2&bp=…`, `&bv=1&bs=…`: [`baseline_part`]), in
    /// the shorter of its forms; its whole form deflated as stored blocks,
    /// here and at once (the browser deflates only the main scenario).
    pub fn comparing(mut self, baseline: Option<(&Scenario, Option<&str>)>) -> LinkPlan {
        if let Some((scenario, preset_id)) = baseline {
            let plan = LinkPlan::new(scenario, preset_id, Lang::Sv, View::Full);
            let packed = plan.json.as_ref().map(|json| stored_deflate(json.as_bytes()));
            let part = baseline_part(&plan.fragment(packed.as_deref().unwrap_or_default()));
            if !part.is_empty() {
                self.tail.push('&');
                self.tail.push_str(&part);
            }
        }
        self
    }

    /// The fragment (without `#`), given the deflated [`LinkPlan::json`]
    /// (ignored when the plan has none): the shorter form, the preset's
    /// changes on a tie.
    pub fn fragment(&self, packed: &[u8]) -> String {
        let tail = &self.tail;
        let whole = match (&self.json, self.preset) {
            (None, Some(id)) => return format!("preset={id}&{tail}"),
            (None, None) => return tail.clone(),
            (Some(_), Some(id)) => format!("{}&preset={id}&{tail}", packed_fragment(packed)),
            (Some(_), None) => format!("{}&{tail}", packed_fragment(packed)),
        };
        match &self.difference {
            Some(difference) if difference.len() + 1 + tail.len() <= whole.len() => format!("{difference}&{tail}"),
            _ => whole,
        }
    }
}

/// The fragment (without `#`) of the page's own link (the address kept in
/// step, "Copy link", the QR code), deflated here with miniz_oxide (tests and
/// native callers; the app deflates in the browser, see [`LinkPlan`]).
pub fn page_fragment(scenario: &Scenario, preset_id: Option<&str>, lang: Lang, view: View) -> String {
    let plan = LinkPlan::new(scenario, preset_id, lang, view);
    let packed = plan.json.as_ref().map(|json| miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9));
    plan.fragment(packed.as_deref().unwrap_or_default())
}

/// [`page_fragment`] for the full view: the link to share a scenario.
pub fn share_fragment(scenario: &Scenario, preset_id: Option<&str>, lang: Lang) -> String {
    page_fragment(scenario, preset_id, lang, View::Full)
}

/// Whether a fragment asks for a scenario (a link's scenario, a preset, or a
/// link that cannot be read), as opposed to an in-page anchor such as `#fundsim-editor`.
pub fn carries_link(fragment: &str) -> bool {
    match unpack_fragment(fragment) {
        Ok(link) => link.packed.is_some() || link.request.preset.is_some(),
        Err(_) => true,
    }
}

/// Reads a link whose scenario the browser has inflated already: `inflated`
/// is its packed scenario inflated (`None` when it has none, or it could not
/// be inflated: a damaged link; longer than the limit when the browser
/// stopped past it: too large).
pub fn read_link(fragment: &str, inflated: Option<&[u8]>) -> Result<LinkRequest, ScenarioError> {
    unpack_fragment(fragment)?.finish(inflated.map(<[u8]>::to_vec))
}

/// The language a link asks for, if it names one this app speaks.
pub fn link_lang(request: &LinkRequest) -> Option<Lang> {
    match request.lang.as_deref() {
        Some("sv") => Some(Lang::Sv),
        Some("en") => Some(Lang::En),
        _ => None,
    }
}

/// The language a fragment asks for, read on its own (also from a link that cannot be read otherwise).
pub fn fragment_lang(fragment: &str) -> Option<Lang> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment.split('&').rev().find_map(|pair| match pair {
        "lang=sv" => Some(Lang::Sv),
        "lang=en" => Some(Lang::En),
        _ => None,
    })
}

/// A preset id that exists, if the link named one.
pub fn known_preset(id: Option<&str>) -> Option<String> {
    id.filter(|id| crate::presets::by_id(id).is_some()).map(str::to_string)
}

/// What the autosave slot holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Stored {
    /// Nothing (first visit, or storage unavailable).
    Nothing,
    /// A scenario that follows every rule.
    Scenario(Box<Scenario>),
    /// Something that cannot be read or breaks a rule: the engine's message.
    Corrupt(ScenarioError),
}

/// Reads the autosave slot's value with the engine.
pub fn check_stored(value: Option<&str>) -> Stored {
    let Some(value) = value else { return Stored::Nothing };
    if value.trim().is_empty() {
        return Stored::Corrupt(ScenarioError::new("", crate::model::Problem::StoredEmpty));
    }
    match Scenario::from_json(value).and_then(|s| crate::model::simulate(&s).map(|_| s)) {
        Ok(scenario) => Stored::Scenario(Box::new(scenario)),
        Err(e) => Stored::Corrupt(e),
    }
}

/// The preset this scenario is, unchanged, if any.
pub fn preset_of(scenario: &Scenario) -> Option<String> {
    crate::presets::all().into_iter().find(|p| p.scenario == *scenario).map(|p| p.id.to_string())
}

/// A file name for a scenario: its name without characters that file systems
/// refuse, and `.json`; `fundsim-scenario.json` when nothing is left.
pub fn file_name(name: &str) -> String {
    let cleaned: String =
        name.chars().map(|c| if c.is_control() || "/\\:*?\"<>|".contains(c) { ' ' } else { c }).collect();
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let mut stem = words.join(" ");
    stem = stem.trim_matches('.').trim().to_string();
    if stem.chars().count() > 80 {
        stem = stem.chars().take(80).collect::<String>().trim().to_string();
    }
    if stem.is_empty() {
        stem = "fundsim-scenario".into();
    }
    format!("{stem}.json")
}

/// Whether a link's fragment asks for the guided tour: `tour=1` among its
/// `&`-separated parts. Anything else (another value, a malformed part) is
/// no tour and no error.
pub fn tour_requested(fragment: &str) -> bool {
    fragment.strip_prefix('#').unwrap_or(fragment).split('&').any(|part| part == "tour=1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tour_1_asks_for_the_tour() {
        assert!(tour_requested("#preset=placements&tour=1"));
        assert!(tour_requested("tour=1&lang=en"));
        for no in ["", "#", "#preset=placements", "#tour=0", "#tour=yes", "#tour=1x", "#tour", "#xtour=1", "#tour==1"] {
            assert!(!tour_requested(no), "{no}");
        }
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(file_name("Tidiga insatser för barn"), "Tidiga insatser för barn.json");
        assert_eq!(file_name("a/b: c?"), "a b c.json");
        assert_eq!(file_name("  "), "fundsim-scenario.json");
        assert_eq!(file_name("..."), "fundsim-scenario.json");
        assert!(file_name(&"x".repeat(300)).len() <= 85);
    }
}
