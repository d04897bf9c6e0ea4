//! What a visit opens on: the props' opening, a link in the address, the
//! autosaved scenario, or the default — whether a stored value that cannot
//! be read must be set aside, and which scenarios kept aside are offered
//! back. Pure, tested natively; the browser calls live in [`crate::ui::browser`].
//!
//! A link opened over a different autosaved scenario keeps that scenario
//! aside under a key of its own ([`KEPT_KEY`]) before anything is
//! autosaved over it, and offers it back on every visit until it is opened
//! or discarded.

use std::rc::Rc;

use crate::model::{Outcome, Scenario, ScenarioError};
use crate::ui::state::keep::{check_stored, fragment_lang, known_preset, link_lang, preset_of, read_link, Stored};
use crate::ui::state::{AppState, Notice};
use crate::words::Lang;

/// What the app opens on.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Opening {
    /// The first preset (or the built-in example while there are none).
    #[default]
    FirstPreset,
    /// The preset with this id.
    Preset(String),
    /// This scenario; refused with a notice (opening on the first preset) when it breaks a rule.
    Scenario(Rc<Scenario>),
    /// This scenario with its outcome, already computed (by `mount`, which
    /// refuses a bad scenario before the app exists): not computed twice.
    Simulated(Rc<Scenario>, Rc<Outcome>),
}

/// The state the app starts in.
pub fn initial_state(opening: &Opening, lang: Lang) -> AppState {
    match opening {
        Opening::FirstPreset => AppState::opening(lang),
        Opening::Preset(id) => match crate::presets::by_id(id) {
            Some(p) => AppState::new(p.scenario, lang, Some(id.clone()))
                .unwrap_or_else(|e| AppState { notice: Some(Notice::ScenarioRefused(e)), ..AppState::opening(lang) }),
            None => AppState { notice: Some(Notice::UnknownPreset(id.clone())), ..AppState::opening(lang) },
        },
        Opening::Simulated(s, outcome) => AppState::simulated(s.clone(), outcome.clone(), lang),
        Opening::Scenario(s) => AppState::new((**s).clone(), lang, None)
            .unwrap_or_else(|e| AppState { notice: Some(Notice::ScenarioRefused(e)), ..AppState::opening(lang) }),
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
    /// The value under [`KEPT_KEY`], if any.
    pub kept: Option<&'a str>,
    /// The address's fragment when the autosave was last written ([`PAGE_KEY`]).
    pub stored_page: Option<&'a str>,
}

/// Where the address's fragment is kept when the autosave is written (empty
/// for a new scenario, whose address is not written yet). The autosave
/// written under the address a visit opens differs from that address's
/// link only when the page was left (reloaded) before the address caught up
/// with an edit: then the edit is opened.
pub const PAGE_KEY: &str = "fundsim.scenario.v1.page";

/// Where the autosave a link was opened over is kept aside (its text as it was).
pub const KEPT_KEY: &str = "fundsim.scenario.v1.kept";

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
    /// Copy the autosave's value to [`KEPT_KEY`] before anything is autosaved
    /// (a link was opened over it); if that fails, it must not be overwritten.
    pub keep_as: bool,
    /// Remove the value under [`KEPT_KEY`]: the autosave, shown, holds it too.
    pub forget: bool,
    /// Whether a link was opened (the autosave is not what is shown).
    linked: bool,
}

impl Opened {
    fn new(state: AppState) -> Opened {
        Opened { state, set_aside: false, keep_stored: false, keep_as: false, forget: false, linked: false }
    }

    /// The state once a corrupt stored value could not be moved aside (the
    /// storage is full): it stays where it is, and the notice says so.
    pub fn not_set_aside(mut self) -> AppState {
        if let Some(Notice::StoredRefused { aside_key, .. }) = &mut self.state.notice {
            *aside_key = None;
        }
        self.state
    }
}

/// A link's state, with what the autosave slot holds: a valid, different
/// scenario is offered back; a corrupt value is set aside and reported (or,
/// when the link already has a message, kept as it is).
fn over_stored(mut state: AppState, visit: Visit<'_>) -> Opened {
    let linked = |opened| Opened { linked: true, ..opened };
    match check_stored(visit.stored) {
        Stored::Corrupt(error) if state.notice.is_none() => {
            state.notice = Some(Notice::StoredRefused { error, aside_key: Some(visit.aside_key.to_string()) });
            linked(Opened { set_aside: true, ..Opened::new(state) })
        }
        Stored::Corrupt(_) => linked(Opened { keep_stored: true, ..Opened::new(state) }),
        // A valid autosave is kept aside (see `offer_kept`).
        Stored::Nothing | Stored::Scenario(_) => linked(Opened::new(state)),
    }
}

/// The scenario kept aside is offered back unless it is what is shown. A
/// link opened over a valid autosaved scenario (not shown) keeps it aside and
/// offers it; when another is kept aside already, the autosave stays where it
/// is and is not overwritten (saving is off, and the page says so). The kept
/// value is the autosave's text as it was, so the two are compared as text.
fn offer_kept(opened: &mut Opened, visit: Visit<'_>) {
    let shown = opened.state.scenario.clone();
    let read = |value: &str| Scenario::from_json(value).ok().filter(|s| *s != *shown).map(Rc::new);
    let same = visit.kept.is_some() && visit.kept == visit.stored;
    let saved = visit.stored.filter(|_| opened.linked && !opened.set_aside && !opened.keep_stored && !same);
    if let Some(saved) = saved.and_then(read) {
        if visit.kept.is_none() {
            opened.keep_as = true;
            opened.state.displaced = Some(saved);
            return;
        }
        opened.keep_stored = true;
    }
    // Shown from the autosave, the kept copy of it is forgotten; one that does not read is left alone.
    opened.forget = same && !opened.linked;
    opened.state.displaced = visit.kept.filter(|_| !opened.forget).and_then(read);
}

/// The state a visit opens on. Without a visit (an embedded app, which does
/// not read the host page's URL or storage) it is the props' opening.
pub fn open_visit<'a>(opening: &Opening, lang: Lang, visit: Option<Visit<'a>>) -> Opened {
    let Some(visit) = visit else { return Opened::new(initial_state(opening, lang)) };
    let mut opened = open_link_or_stored(opening, lang, visit);
    let linked = opened.linked;
    let bare = |f: &'a str| f.strip_prefix('#').unwrap_or(f);
    if opened.linked && visit.stored_page.map(bare) == Some(bare(visit.fragment)) {
        // This page reloaded after an edit that was autosaved but not yet in
        // the address: the edit is opened, as the scenario the link came to be.
        if let Stored::Scenario(saved) = check_stored(visit.stored) {
            let (lang, preset) = (opened.state.lang, opened.state.preset_id.clone());
            if let (true, Ok(state)) = (*saved != *opened.state.scenario, AppState::new(*saved, lang, preset)) {
                opened = Opened::new(state);
            }
        }
    }
    offer_kept(&mut opened, visit);
    // A comparison's baseline in the link (`b…`), read after its main scenario
    // opened (also when an edit the address had not caught up with took its place).
    if linked && !matches!(opened.state.notice, Some(Notice::LinkRefused(_))) {
        opened.state.link_baseline(visit.fragment);
    }
    opened
}

fn open_link_or_stored(opening: &Opening, lang: Lang, visit: Visit<'_>) -> Opened {
    let plain = |lang| Opened::new(initial_state(opening, lang));
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
                let changed = request.preset_changed.then(|| preset.clone()).flatten();
                let state = match AppState::new(scenario, lang, preset) {
                    Ok(state) => AppState { notice: changed.map(Notice::PresetChanged), ..state },
                    Err(e) => {
                        AppState { notice: Some(Notice::LinkRefused(e)), ..initial_state(&Opening::FirstPreset, lang) }
                    }
                };
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
                Ok(state) => Opened::new(state),
                Err(e) => corrupt(e, visit, lang),
            }
        }
        Stored::Corrupt(e) => corrupt(e, visit, lang),
    }
}

fn corrupt(error: ScenarioError, visit: Visit<'_>, lang: Lang) -> Opened {
    let notice = Notice::StoredRefused { error, aside_key: Some(visit.aside_key.to_string()) };
    let state = AppState { notice: Some(notice), ..initial_state(&Opening::FirstPreset, lang) };
    Opened { set_aside: true, ..Opened::new(state) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::link::unpack_fragment;
    use crate::ui::state::keep::{aside_key, carries_link, page_fragment, share_fragment};
    use crate::ui::state::view::View;
    use crate::ui::state::{example_scenario, fixtures, GeneralEdit, Kept, Load};

    /// A visit to `fragment`, its scenario inflated as the browser would
    /// (here by miniz_oxide; leaked: a few bytes per test).
    fn visit<'a>(fragment: &'a str, stored: Option<&'a str>) -> Option<Visit<'a>> {
        let inflated = inflate(fragment).map(|bytes| &*Box::leak(bytes.into_boxed_slice()));
        let aside_key = "fundsim.scenario.v1.corrupt-42";
        Some(Visit { fragment, inflated, stored, aside_key, kept: None, stored_page: None })
    }

    fn inflate(fragment: &str) -> Option<Vec<u8>> {
        let packed = unpack_fragment(fragment).ok()?.packed?;
        miniz_oxide::inflate::decompress_to_vec(&packed).ok()
    }

    #[test]
    fn a_link_the_browser_could_not_inflate_is_refused_as_damaged() {
        let fragment = share_fragment(&edited(), None, Lang::Sv);
        let visit = Some(Visit { fragment: &fragment, inflated: None, ..visit("", None).unwrap() });
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit);
        assert!(matches!(&opened.state.notice, Some(Notice::LinkRefused(e)) if e.path == "link.s"));
        assert_eq!(opened.state.scenario, AppState::opening(Lang::Sv).scenario);
    }

    /// A scenario of one's own (`tests/data/own.json`).
    fn edited() -> Scenario {
        fixtures::scenario(fixtures::OWN)
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
        // Changed, it carries the change (the discount rate, `R`) and names the preset.
        let mut changed = p.scenario.clone();
        changed.discount_rate = rust_decimal::Decimal::new(5, 2);
        let fragment = share_fragment(&changed, Some(p.id), Lang::Sv);
        let fingerprint = crate::share::diff::fingerprint(&crate::share::link::link_json(&p.scenario));
        assert_eq!(fragment, format!("v=2&p={}&h={fingerprint}&d=R:0.05&lang=sv", p.id));
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit(&fragment, None));
        assert_eq!(*opened.state.scenario, changed);
        assert_eq!(opened.state.preset_id.as_deref(), Some(p.id));
        assert_eq!(opened.state.notice, None);
        // The same scenario carried whole (as builds before format 2 linked it) opens the same.
        let old = format!("{}&preset={}&lang=sv", crate::share::link::scenario_fragment(&changed), p.id);
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit(&old, None));
        assert_eq!(*opened.state.scenario, changed);
        assert_eq!(opened.state.preset_id.as_deref(), Some(p.id));
    }

    #[test]
    fn a_link_to_a_preset_that_has_changed_since_says_so() {
        let Some(p) = crate::presets::all().into_iter().next() else { return };
        let mut changed = p.scenario.clone();
        changed.discount_rate = rust_decimal::Decimal::new(5, 2);
        let fragment = share_fragment(&changed, Some(p.id), Lang::Sv);
        // A fingerprint that is not today's preset's: as if the preset had changed since.
        let h = fragment.split('&').find(|part| part.starts_with("h=")).unwrap_or_default();
        let older = fragment.replace(h, "h=AAAAAA");
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit(&older, None));
        assert_eq!(*opened.state.scenario, changed, "the changes are shown on today's preset");
        assert_eq!(opened.state.notice, Some(Notice::PresetChanged(p.id.to_string())));
        let text = crate::ui::view::notices::notice_text(&Notice::PresetChanged(p.id.to_string()), Lang::En);
        assert!(text.contains(p.title.en) && text.contains("has changed since the link was made"), "{text}");
        // Changes that no longer fit it: refused, saying that the example changed.
        let misfit = format!("v=2&p={}&h=AAAAAA&d=I999s:0.3&lang=en", p.id);
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit(&misfit, None));
        match &opened.state.notice {
            Some(Notice::LinkRefused(e)) => {
                assert_eq!(*e, crate::model::ScenarioError::new("link.p", crate::model::Problem::LinkPresetChanged))
            }
            other => panic!("expected a link notice, got {other:?}"),
        }
        assert_eq!(opened.state.scenario, AppState::opening(Lang::En).scenario);
        // A preset that does not exist: said so (its name cut to the echo limit, 100 characters), the default shown.
        let unknown = format!("v=2&p={}&h=AAAAAA&d=R:0.05", "x".repeat(300));
        let opened = open_visit(&Opening::FirstPreset, Lang::En, visit(&unknown, None));
        assert!(matches!(&opened.state.notice, Some(Notice::UnknownPreset(id)) if id.len() == 300));
        let text = crate::ui::view::notices::notice_text(opened.state.notice.as_ref().unwrap(), Lang::En);
        assert!(text.starts_with("There is no example called") && text.chars().count() < 140, "{text}");
        assert_eq!(opened.state.scenario, AppState::opening(Lang::En).scenario);
        // Followed through the history (back/forward), the same notice.
        use yew::Reducible;
        let state = std::rc::Rc::new(AppState::opening(Lang::Sv));
        let inflated = inflate(&older);
        let followed = state.reduce(Load::LinkFollowed { fragment: older.clone(), inflated }.into());
        assert_eq!(*followed.scenario, changed);
        assert_eq!(followed.notice, Some(Notice::PresetChanged(p.id.to_string())));
    }

    #[test]
    fn a_link_over_a_different_autosave_keeps_it_aside_and_offers_it_back_until_discarded() {
        use yew::Reducible;
        let saved = edited();
        let stored = saved.to_json();
        let link = share_fragment(&example_scenario(), None, Lang::Sv);
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit(&link, Some(&stored)));
        assert_eq!(*opened.state.scenario, example_scenario());
        // Copied under a key of its own before anything is autosaved over it, and offered.
        assert!(opened.keep_as && !opened.forget && !opened.set_aside && !opened.keep_stored);
        assert_eq!(opened.state.displaced.as_deref(), Some(&saved));
        // An edit does not end the offer (the autosave follows the edit; the kept copy stays).
        let state = std::rc::Rc::new(opened.state.clone());
        let edited_state =
            state.clone().reduce(GeneralEdit::DiscountRateChanged(rust_decimal::Decimal::new(4, 2)).into());
        assert_eq!(edited_state.displaced, state.displaced);
        // Opening it brings it back as a new history entry.
        let restored = edited_state.clone().reduce(Load::DisplacedRestored.into());
        assert_eq!(*restored.scenario, saved);
        assert_eq!(restored.displaced, None);
        assert_eq!(restored.entry, state.entry + 1);
        // Discarding it ends the offer, and leaves the scenario alone.
        let discarded = edited_state.clone().reduce(Kept::DisplacedDiscarded.into());
        assert_eq!((&discarded.displaced, &discarded.scenario), (&None, &edited_state.scenario));
        // The same scenario is not kept aside, nor offered.
        let link = share_fragment(&saved, None, Lang::Sv);
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit(&link, Some(&stored)));
        assert_eq!((opened.keep_as, opened.state.displaced), (false, None));
    }

    #[test]
    fn the_scenario_kept_aside_is_offered_on_later_visits_and_never_overwritten() {
        let own = edited().to_json();
        let example = example_scenario().to_json();
        let with = |fragment: &str, stored: Option<&str>, kept: &str| {
            let base = visit(fragment, stored).unwrap();
            open_visit(&Opening::FirstPreset, Lang::Sv, Some(Visit { kept: Some(kept), ..base }))
        };
        // A visit without a link, on the example autosaved: my own scenario kept aside is offered.
        let opened = with("", Some(&example), &own);
        assert_eq!(*opened.state.scenario, example_scenario());
        assert_eq!(opened.state.displaced.as_deref(), Some(&edited()));
        assert!(!opened.forget && !opened.keep_as);
        // What the autosave holds and shows is not offered, and its copy is forgotten.
        let opened = with("", Some(&own), &own);
        assert!(opened.forget && opened.state.displaced.is_none());
        // A kept value that does not read is left alone, and not offered.
        let opened = with("", Some(&example), "{ broken");
        assert!(!opened.forget && opened.state.displaced.is_none());
        // A link over an autosave that is kept already: not copied again; offered.
        let link = share_fragment(&fixtures::scenario(fixtures::OWN_SUCCESS_RATE_1_5), None, Lang::Sv);
        let opened = with(&link, Some(&own), &own);
        assert!(!opened.keep_as && !opened.keep_stored && !opened.forget);
        assert_eq!(opened.state.displaced.as_deref(), Some(&edited()));
        // A link over a different autosave while another is kept: the kept one is offered, and
        // the autosave stays where it is, never overwritten (saving is off for this visit).
        let link = share_fragment(&fixtures::scenario(fixtures::OWN_SUCCESS_RATE_1_5), None, Lang::Sv);
        let opened = with(&link, Some(&example), &own);
        assert!(!opened.keep_as && opened.keep_stored);
        assert_eq!(opened.state.displaced.as_deref(), Some(&edited()));
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
        assert!(opened.keep_as, "kept aside");
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
        // Nor is an anchor named like a part of link format 2; with a version it is a link.
        assert!(!carries_link("#p") && !carries_link("#d") && carries_link("#v=2&p=jobs&h=x"));
    }

    #[test]
    fn a_corrupt_autosave_is_set_aside_and_reported() {
        for bad in ["{ not json", "", "{\"schema_version\": 1}"] {
            let opened = open_visit(&Opening::FirstPreset, Lang::En, visit("", Some(bad)));
            assert!(opened.set_aside, "{bad:?}");
            assert_eq!(opened.state.scenario, AppState::opening(Lang::En).scenario);
            match &opened.state.notice {
                Some(Notice::StoredRefused { aside_key, .. }) => {
                    assert_eq!(aside_key.as_deref(), Some("fundsim.scenario.v1.corrupt-42"))
                }
                other => panic!("expected a storage notice, got {other:?}"),
            }
        }
        // A value that reads but breaks a rule is corrupt too, and names the field.
        match check_stored(Some(fixtures::OWN_DISCOUNT_RATE_2)) {
            Stored::Corrupt(e) => assert_eq!(e.path, "discount_rate"),
            other => panic!("expected corrupt, got {other:?}"),
        }
        assert_eq!(check_stored(None), Stored::Nothing);
        assert_eq!(aside_key(42), "fundsim.scenario.v1.corrupt-42");
    }

    #[test]
    fn a_corrupt_autosave_that_could_not_be_moved_is_reported_as_staying() {
        use crate::ui::view::notices::notice_text;
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, visit("", Some("{ not json")));
        let moved = notice_text(opened.state.notice.as_ref().unwrap(), Lang::Sv);
        assert!(moved.contains("lagts undan") && moved.contains("corrupt-42"), "{moved}");
        // The storage was full: nothing was moved, and the notice does not claim it was.
        let state = opened.not_set_aside();
        for lang in [Lang::Sv, Lang::En] {
            let text = notice_text(state.notice.as_ref().unwrap(), lang);
            assert!(
                !text.contains("corrupt-42")
                    && !text.contains("inget går förlorat")
                    && !text.contains("nothing is lost")
            );
            let says = lang.pick("kunde inte läggas undan", "could not be set aside");
            assert!(
                text.contains(says) && text.contains(lang.pick("sparas inte automatiskt", "not saved automatically"))
            );
        }
    }

    #[test]
    fn a_reload_opens_the_edit_autosaved_under_the_same_address() {
        // The address shows the preset's link; an edit of it was autosaved under that address
        // (the page reloaded before the edited scenario's link was written).
        let Some(p) = crate::presets::all().into_iter().next() else { return };
        let fragment = share_fragment(&p.scenario, Some(p.id), Lang::En);
        let mut edit = p.scenario.clone();
        edit.discount_rate = rust_decimal::Decimal::new(7, 2);
        let stored = edit.to_json();
        let reload = |page: &str| {
            let base = visit(&fragment, Some(&stored)).unwrap();
            open_visit(&Opening::FirstPreset, Lang::Sv, Some(Visit { stored_page: Some(page), ..base }))
        };
        let opened = reload(&fragment);
        assert_eq!(*opened.state.scenario, edit);
        assert_eq!((opened.state.lang, opened.state.preset_id.as_deref()), (Lang::En, Some(p.id)));
        assert!(!opened.keep_as && opened.state.displaced.is_none());
        // Autosaved under another address (another tab, or a new scenario whose address came
        // later): the link wins and the autosave is kept aside.
        for opened in [reload("preset=other&lang=sv"), reload("")] {
            assert_eq!(opened.state.scenario, std::rc::Rc::new(p.scenario.clone()));
            assert!(opened.keep_as);
        }
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
}
