//! Share and keep, the decisions: what the page's link says, what a visit
//! opens on (a link, the autosaved scenario, or the default), and what a
//! saved file is called. Pure functions, tested natively; the browser calls
//! themselves (history, storage, clipboard, downloads) live in
//! [`crate::ui::browser`].
//!
//! Rules:
//! - A link in the URL fragment wins: `#v=1&s=…` (a whole scenario) or
//!   `#preset=<id>`, with an optional `lang=sv|en`. A link that cannot be read
//!   opens the default (the first preset) with a message naming the problem.
//! - Without a link, the scenario autosaved under [`STORAGE_KEY`] is restored.
//!   A stored value that cannot be read or breaks a rule is never overwritten
//!   silently: the caller moves it aside to [`aside_key`] and the app opens
//!   on the default with a message that says where it was put.
//! - A link opened over a different autosaved scenario leaves the autosave
//!   alone and offers it back (`AppState::displaced`) until the scenario is changed.
//! - The page's own link names a preset when the scenario is that preset
//!   unchanged (short links, big QR modules); else it carries the scenario.

use crate::model::{Scenario, ScenarioError};
use crate::share::link::{link_json, packed_fragment, unpack_fragment, LinkRequest};
use crate::ui::app::{initial_state, Opening, View};
use crate::ui::state::{AppState, Notice};
use crate::words::Lang;

/// Where the scenario being edited is autosaved (the contract's scenario JSON).
pub const STORAGE_KEY: &str = "fundsim.scenario.v1";

/// Where a stored value that could not be read is moved aside.
pub fn aside_key(timestamp_ms: u64) -> String {
    format!("{STORAGE_KEY}.corrupt-{timestamp_ms}")
}

/// The page's link for a scenario, before its scenario is deflated: the
/// preset's id when it is that preset unchanged, else the whole scenario (and
/// the preset it came from, so that the picker still names it); always the
/// language; and `view=<view>` when the app shows a view other than the full
/// one, so that a link copied from a results-only page or from presentation
/// mode opens that view again (a link without `view=` opens the full app).
/// The app deflates [`LinkPlan::json`] in the browser (async) and then writes
/// [`LinkPlan::fragment`].
#[derive(Debug, Clone, PartialEq)]
pub struct LinkPlan {
    /// The scenario JSON to deflate; `None` for an unchanged preset.
    pub json: Option<String>,
    /// What follows the scenario: `preset=…&lang=…` or `lang=…`, then `&view=…`.
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
        match &preset {
            Some(p) if p.scenario == *scenario => LinkPlan { json: None, tail: format!("preset={}&{tail}", p.id) },
            Some(p) => LinkPlan { json: Some(link_json(scenario)), tail: format!("preset={}&{tail}", p.id) },
            None => LinkPlan { json: Some(link_json(scenario)), tail },
        }
    }

    /// The fragment (without `#`), given the deflated [`LinkPlan::json`]
    /// (ignored when the plan has no JSON).
    pub fn fragment(&self, packed: &[u8]) -> String {
        match &self.json {
            Some(_) => format!("{}&{}", packed_fragment(packed), self.tail),
            None => self.tail.clone(),
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
/// be inflated: a damaged link).
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

/// The page a visit finds: its URL fragment and the autosave slot's value.
#[derive(Debug, Clone, Copy)]
pub struct Visit<'a> {
    /// `location.hash`, with or without `#`.
    pub fragment: &'a str,
    /// The fragment's scenario, inflated by the browser (see [`read_link`]).
    pub inflated: Option<&'a [u8]>,
    /// The value under [`STORAGE_KEY`], if any.
    pub stored: Option<&'a str>,
    /// Where a corrupt stored value would be moved ([`aside_key`]).
    pub aside_key: &'a str,
}

/// What a visit opens on, and whether the stored value must be moved aside.
#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub state: AppState,
    /// Move the value under [`STORAGE_KEY`] to the visit's `aside_key` (and report it once).
    pub set_aside: bool,
    /// A corrupt stored value that cannot be reported now (another message is
    /// shown): it stays where it is, to be reported on a later visit, and this
    /// session must not autosave over it.
    pub keep_stored: bool,
}

/// A link's state, with what the autosave slot holds: a valid, different
/// scenario is offered back; a corrupt value is set aside and reported (or,
/// when the link already has a message, kept as it is).
fn over_stored(mut state: AppState, visit: Visit<'_>) -> Opened {
    let opened = |state| Opened { state, set_aside: false, keep_stored: false };
    match check_stored(visit.stored) {
        Stored::Nothing => opened(state),
        Stored::Scenario(saved) => {
            if *saved != *state.scenario {
                state.displaced = Some(std::rc::Rc::new(*saved));
            }
            opened(state)
        }
        Stored::Corrupt(error) if state.notice.is_none() => {
            state.notice = Some(Notice::StoredRefused { error, aside_key: visit.aside_key.to_string() });
            Opened { state, set_aside: true, keep_stored: false }
        }
        Stored::Corrupt(_) => Opened { state, set_aside: false, keep_stored: true },
    }
}

/// The state a visit opens on. Without a visit (an embedded app, which does
/// not read the host page's URL or storage) it is the props' opening.
pub fn open_visit(opening: &Opening, lang: Lang, visit: Option<Visit<'_>>) -> Opened {
    let plain = |lang| Opened { state: initial_state(opening, lang), set_aside: false, keep_stored: false };
    let Some(visit) = visit else { return plain(lang) };
    let mut lang = lang;
    match read_link(visit.fragment, visit.inflated) {
        Err(e) => {
            let lang = fragment_lang(visit.fragment).unwrap_or(lang);
            let state = AppState { notice: Some(Notice::LinkRefused(e)), ..initial_state(&Opening::FirstPreset, lang) };
            return over_stored(state, visit);
        }
        Ok(request) => {
            lang = link_lang(&request).unwrap_or(lang);
            if let Some(scenario) = request.scenario {
                let preset = known_preset(request.preset.as_deref());
                let state = AppState::new(scenario, lang, preset).unwrap_or_else(|e| AppState {
                    notice: Some(Notice::LinkRefused(e)),
                    ..initial_state(&Opening::FirstPreset, lang)
                });
                return over_stored(state, visit);
            }
            if let Some(id) = request.preset {
                return over_stored(initial_state(&Opening::Preset(id), lang), visit);
            }
        }
    }
    match check_stored(visit.stored) {
        Stored::Nothing => plain(lang),
        Stored::Scenario(scenario) => {
            let preset = preset_of(&scenario);
            match AppState::new(*scenario, lang, preset) {
                Ok(state) => Opened { state, set_aside: false, keep_stored: false },
                Err(e) => corrupt(e, visit, lang),
            }
        }
        Stored::Corrupt(e) => corrupt(e, visit, lang),
    }
}

fn corrupt(error: ScenarioError, visit: Visit<'_>, lang: Lang) -> Opened {
    let notice = Notice::StoredRefused { error, aside_key: visit.aside_key.to_string() };
    Opened {
        state: AppState { notice: Some(notice), ..initial_state(&Opening::FirstPreset, lang) },
        set_aside: true,
        keep_stored: false,
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::state::example_scenario;

    /// A visit to `fragment`, its scenario inflated as the browser would
    /// (here by miniz_oxide; leaked: a few bytes per test).
    fn visit<'a>(fragment: &'a str, stored: Option<&'a str>) -> Option<Visit<'a>> {
        let inflated = inflate(fragment).map(|bytes| &*Box::leak(bytes.into_boxed_slice()));
        Some(Visit { fragment, inflated, stored, aside_key: "fundsim.scenario.v1.corrupt-42" })
    }

    fn inflate(fragment: &str) -> Option<Vec<u8>> {
        let packed = unpack_fragment(fragment).ok()?.packed?;
        miniz_oxide::inflate::decompress_to_vec(&packed).ok()
    }

    #[test]
    fn a_link_the_browser_could_not_inflate_is_refused_as_damaged() {
        let fragment = share_fragment(&edited(), None, Lang::Sv);
        let visit = Some(Visit { fragment: &fragment, inflated: None, stored: None, aside_key: "k" });
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit);
        assert!(matches!(&opened.state.notice, Some(Notice::LinkRefused(e)) if e.path == "link.s"));
        assert_eq!(opened.state.scenario, AppState::opening(Lang::Sv).scenario);
    }

    fn edited() -> Scenario {
        let mut s = example_scenario();
        s.name = "Eget".into();
        s.fund.allocations = vec![rust_decimal::Decimal::from(7_000_000); 4];
        s
    }

    #[test]
    fn a_link_opens_its_scenario_and_language() {
        let s = edited();
        let fragment = share_fragment(&s, None, Lang::En);
        assert!(fragment.starts_with("v=1&s=") && fragment.ends_with("&lang=en"));
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit(&format!("#{fragment}"), None));
        assert_eq!(*opened.state.scenario, s);
        assert_eq!(opened.state.lang, Lang::En);
        assert_eq!(opened.state.notice, None);
        assert!(!opened.set_aside);
    }

    #[test]
    fn an_unchanged_preset_is_linked_by_its_id() {
        let Some(p) = crate::presets::all().into_iter().next() else { return };
        let fragment = share_fragment(&p.scenario, Some(p.id), Lang::Sv);
        assert_eq!(fragment, format!("preset={}&lang=sv", p.id));
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit(&fragment, None));
        assert_eq!(*opened.state.scenario, p.scenario);
        assert_eq!(opened.state.preset_id.as_deref(), Some(p.id));
        // Changed, it carries the scenario and still names the preset it came from.
        let mut changed = p.scenario.clone();
        changed.discount_rate = rust_decimal::Decimal::new(5, 2);
        let fragment = share_fragment(&changed, Some(p.id), Lang::Sv);
        assert!(fragment.contains(&format!("&preset={}", p.id)) && fragment.starts_with("v=1&s="));
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit(&fragment, None));
        assert_eq!(*opened.state.scenario, changed);
        assert_eq!(opened.state.preset_id.as_deref(), Some(p.id));
    }

    #[test]
    fn a_link_over_a_different_autosave_offers_it_back() {
        let saved = edited();
        let stored = saved.to_json();
        let link = share_fragment(&example_scenario(), None, Lang::Sv);
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit(&link, Some(&stored)));
        assert_eq!(*opened.state.scenario, example_scenario());
        assert_eq!(opened.state.displaced.as_deref(), Some(&saved));
        assert!(!opened.set_aside);
        // Opening it brings it back as a new history entry.
        let state = std::rc::Rc::new(opened.state.clone());
        use yew::Reducible;
        let restored = state.clone().reduce(crate::ui::state::Action::DisplacedRestored);
        assert_eq!(*restored.scenario, saved);
        assert_eq!(restored.displaced, None);
        assert_eq!(restored.entry, state.entry + 1);
        // An edit ends the offer.
        let edited_state =
            state.reduce(crate::ui::state::Action::DiscountRateChanged(rust_decimal::Decimal::new(4, 2)));
        assert_eq!(edited_state.displaced, None);
        // The same scenario is not offered.
        let link = share_fragment(&saved, None, Lang::Sv);
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit(&link, Some(&stored)));
        assert_eq!(opened.state.displaced, None);
    }

    #[test]
    fn a_damaged_link_opens_the_default_naming_the_problem() {
        let stored = edited().to_json();
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit("#v=1&s=garbage", Some(&stored)));
        assert_eq!(opened.state.scenario, AppState::opening(Lang::Sv).scenario);
        match &opened.state.notice {
            Some(Notice::LinkRefused(e)) => assert_eq!(e.path, "link.s"),
            other => panic!("expected a link notice, got {other:?}"),
        }
        assert!(!opened.set_aside, "the stored work is left alone");
        assert_eq!(opened.state.displaced.as_deref(), Some(&edited()), "and offered back");
        // Its language is still heard.
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit("#v=1&s=garbage&lang=en", None));
        assert_eq!(opened.state.lang, Lang::En);
    }

    #[test]
    fn without_a_link_the_autosave_is_restored() {
        let stored = edited().to_json();
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit("", Some(&stored)));
        assert_eq!(*opened.state.scenario, edited());
        assert_eq!(opened.state.notice, None);
        // An in-page anchor is not a link.
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit("#fundsim-editor", Some(&stored)));
        assert_eq!(*opened.state.scenario, edited());
        assert!(!carries_link("#fundsim-editor") && carries_link("#v=1&s=x") && carries_link("preset=jobs"));
    }

    #[test]
    fn a_corrupt_autosave_is_set_aside_and_reported() {
        for bad in ["{ not json", "", "{\"schema_version\": 1}"] {
            let opened = open_visit(&Opening::FirstPreset, Lang::En, visit("", Some(bad)));
            assert!(opened.set_aside, "{bad:?}");
            assert_eq!(opened.state.scenario, AppState::opening(Lang::En).scenario);
            match &opened.state.notice {
                Some(Notice::StoredRefused { aside_key, .. }) => {
                    assert_eq!(aside_key, "fundsim.scenario.v1.corrupt-42")
                }
                other => panic!("expected a storage notice, got {other:?}"),
            }
        }
        // A value that reads but breaks a rule is corrupt too, and names the field.
        let mut broken = edited();
        broken.discount_rate = rust_decimal::Decimal::from(3);
        let json = broken.to_json();
        match check_stored(Some(&json)) {
            Stored::Corrupt(e) => assert_eq!(e.path, "discount_rate"),
            other => panic!("expected corrupt, got {other:?}"),
        }
        assert_eq!(check_stored(None), Stored::Nothing);
        assert_eq!(aside_key(42), "fundsim.scenario.v1.corrupt-42");
    }

    #[test]
    fn a_link_over_a_corrupt_autosave_sets_it_aside_or_keeps_it() {
        let link = share_fragment(&edited(), None, Lang::Sv);
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit(&link, Some("{ broken")));
        assert_eq!(*opened.state.scenario, edited());
        assert!(opened.set_aside && !opened.keep_stored);
        assert!(matches!(opened.state.notice, Some(Notice::StoredRefused { .. })));
        // With a damaged link its message wins; the corrupt value stays for a later visit.
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit("#v=1&s=garbage", Some("{ broken")));
        assert!(!opened.set_aside && opened.keep_stored);
        assert!(matches!(opened.state.notice, Some(Notice::LinkRefused(_))));
    }

    #[test]
    fn an_embedded_app_reads_neither_link_nor_storage() {
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, None);
        assert_eq!(opened.state.scenario, AppState::opening(Lang::Sv).scenario);
        assert!(!opened.set_aside);
    }

    #[test]
    fn the_page_link_carries_a_view_other_than_full() {
        let s = edited();
        // Full: the plain share link (old links, without view=, open the full app).
        let full = page_fragment(&s, None, Lang::Sv, View::Full);
        assert_eq!(full, share_fragment(&s, None, Lang::Sv));
        assert!(!full.contains("view="));
        assert_eq!(View::in_fragment(&full), View::Full);
        for (view, key) in [(View::Results, "results"), (View::Compact, "compact"), (View::Present, "present")] {
            let fragment = page_fragment(&s, None, Lang::En, view);
            assert!(fragment.ends_with(&format!("&lang=en&view={key}")), "{fragment}");
            // The link opens the same view, scenario and language.
            assert_eq!(View::in_fragment(&format!("#{fragment}")), view);
            let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit(&fragment, None));
            assert_eq!(*opened.state.scenario, s);
            assert_eq!(opened.state.lang, Lang::En);
            assert_eq!(opened.state.notice, None);
        }
        // An unchanged preset keeps its short link, with the view.
        if let Some(p) = crate::presets::all().into_iter().next() {
            assert_eq!(
                page_fragment(&p.scenario, Some(p.id), Lang::Sv, View::Present),
                format!("preset={}&lang=sv&view=present", p.id)
            );
        }
        // An unknown view in a link opens the full app.
        assert_eq!(View::in_fragment("#preset=jobs&view=slides"), View::Full);
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
