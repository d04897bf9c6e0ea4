//! What a visit opens on: the props' opening, a link in the address, the
//! autosaved scenario, or the default — and whether a stored value that
//! cannot be read must be set aside. Pure, tested natively; the browser
//! calls live in [`crate::ui::browser`].

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::share::link::unpack_fragment;
    use crate::ui::state::keep::{aside_key, carries_link, page_fragment, share_fragment};
    use crate::ui::state::view::View;
    use crate::ui::state::{example_scenario, fixtures, GeneralEdit, Load};

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
        let text = crate::ui::text::notice_text(&Notice::PresetChanged(p.id.to_string()), Lang::En);
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
        let text = crate::ui::text::notice_text(opened.state.notice.as_ref().unwrap(), Lang::En);
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
        let restored = state.clone().reduce(Load::DisplacedRestored.into());
        assert_eq!(*restored.scenario, saved);
        assert_eq!(restored.displaced, None);
        assert_eq!(restored.entry, state.entry + 1);
        // An edit ends the offer.
        let edited_state = state.reduce(GeneralEdit::DiscountRateChanged(rust_decimal::Decimal::new(4, 2)).into());
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
                    assert_eq!(aside_key, "fundsim.scenario.v1.corrupt-42")
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
