//! Plan A against plan B: a scenario pinned as the baseline (B) while the
//! other (A, [`AppState::scenario`]) is edited. The baseline lives here, in
//! the one owner of the scenario, with its outcome computed once when it is
//! pinned (it does not change while it is pinned). Pinned from the scenario
//! as it is now, a preset, an opened file, or a link's `b…` part; swapped
//! with A; left, keeping A as edited and offering B back in a notice.

use std::rc::Rc;

use super::{file, keep, AppState, History, Notice};
use crate::model::{simulate, Outcome, Scenario, ScenarioError};

/// The scenario compared against: B.
#[derive(Debug, Clone, PartialEq)]
pub struct Baseline {
    pub scenario: Rc<Scenario>,
    pub outcome: Rc<Outcome>,
    /// The preset it is or came from, if any (for its link and its name).
    pub preset_id: Option<String>,
    /// Where it came from.
    pub origin: Origin,
}

/// Where a baseline came from (said beside its name).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The scenario being edited, as it was when pinned.
    Pinned,
    /// A preset, unchanged.
    Preset,
    /// An opened file, by its name.
    File(String),
    /// A link's baseline.
    Link,
}

impl Origin {
    /// As the on-demand module reads it (`report::compare_tables`): `pinned`,
    /// `preset`, `link`, or `file:` and the file's name.
    pub fn key(&self) -> String {
        match self {
            Origin::Pinned => "pinned".into(),
            Origin::Preset => "preset".into(),
            Origin::Link => "link".into(),
            Origin::File(name) => format!("file:{name}"),
        }
    }
}

impl Baseline {
    /// A valid scenario and where it came from, its outcome computed; else the engine's message.
    pub fn of(scenario: Rc<Scenario>, preset_id: Option<String>, origin: Origin) -> Result<Baseline, ScenarioError> {
        let outcome = Rc::new(simulate(&scenario)?);
        Ok(Baseline { scenario, outcome, preset_id, origin })
    }

    /// Its name as the scenario names itself.
    pub fn name(&self) -> &str {
        &self.scenario.name
    }
}

/// Something done to the comparison.
#[derive(Debug, Clone, PartialEq)]
pub enum Compare {
    /// Pin the scenario being edited, as it is now (its last valid state), as B.
    CurrentPinned,
    /// Pin a preset (by id) as B; an unknown id is refused with a notice.
    PresetPinned(String),
    /// Pin an opened file as B; refused as opening it would be.
    FilePinned { name: String, read: file::FileRead },
    /// A becomes B and B becomes A (refused while A breaks a rule, so that nothing typed is lost).
    Swapped,
    /// Back to one scenario: A as edited; B offered back in a notice.
    Left,
    /// B (offered back) pinned again.
    Repinned(Rc<Baseline>),
    /// B (offered back) opened to edit, in a new history entry (Back returns to A).
    BaselineOpened(Rc<Baseline>),
}

impl AppState {
    /// Applies a comparison action (the reducer calls it; it settles the scenario after).
    pub(super) fn compare(&mut self, action: Compare) {
        match action {
            Compare::CurrentPinned => {
                let baseline = Baseline {
                    scenario: self.valid_scenario.clone(),
                    outcome: self.outcome.clone(),
                    preset_id: keep::preset_of(&self.valid_scenario),
                    origin: Origin::Pinned,
                };
                self.comparison = Some(Rc::new(baseline));
            }
            Compare::PresetPinned(id) => match crate::presets::by_id(&id) {
                Some(preset) => self.pin(Rc::new(preset.scenario), Some(id), Origin::Preset),
                None => self.notice = Some(Notice::UnknownPreset(id)),
            },
            Compare::FilePinned { name, read } => match file::opened(read) {
                Ok(scenario) => {
                    let preset_id = keep::preset_of(&scenario);
                    self.pin(Rc::new(scenario), preset_id, Origin::File(name));
                }
                Err(why) => self.notice = Some(Notice::FileRefused { name: Some(name), why }),
            },
            Compare::Swapped => {
                let Some(baseline) = self.comparison.take() else { return };
                if !self.errors.is_empty() {
                    self.comparison = Some(baseline);
                    return;
                }
                let was = Baseline {
                    scenario: self.scenario.clone(),
                    outcome: self.outcome.clone(),
                    preset_id: self.preset_id.clone(),
                    origin: Origin::Pinned,
                };
                let Baseline { scenario, outcome, preset_id, .. } = (*baseline).clone();
                self.loaded(scenario.clone(), preset_id, History::NewEntry);
                // Its outcome is known: no need to compute it again.
                self.valid_scenario = scenario;
                self.outcome = outcome;
                self.comparison = Some(Rc::new(was));
            }
            Compare::Left => {
                if let Some(baseline) = self.comparison.take() {
                    self.notice = Some(Notice::ComparisonLeft(baseline));
                }
            }
            Compare::Repinned(baseline) => self.comparison = Some(baseline),
            Compare::BaselineOpened(baseline) => {
                let Baseline { scenario, preset_id, .. } = (*baseline).clone();
                self.loaded(scenario, preset_id, History::NewEntry);
            }
        }
    }

    /// Pins a scenario read from a preset or a file; one the engine refuses is said, not pinned.
    fn pin(&mut self, scenario: Rc<Scenario>, preset_id: Option<String>, origin: Origin) {
        match Baseline::of(scenario, preset_id, origin) {
            Ok(baseline) => self.comparison = Some(Rc::new(baseline)),
            Err(e) => self.notice = Some(Notice::ScenarioRefused(e)),
        }
    }

    /// A link's baseline (its `b…` part), read after its main scenario: pinned,
    /// or refused with a notice naming the part (the main scenario stays open);
    /// a link without one ends a comparison (the address is what was shown).
    pub(super) fn link_baseline(&mut self, fragment: &str) {
        self.comparison = match crate::share::link::read_baseline(fragment) {
            None => None,
            Some(Ok((scenario, preset_id))) => match Baseline::of(Rc::new(scenario), preset_id, Origin::Link) {
                Ok(baseline) => Some(Rc::new(baseline)),
                Err(e) => {
                    self.notice.get_or_insert(Notice::BaselineRefused(e));
                    None
                }
            },
            // A notice already said (the autosave set aside, a preset changed) is kept.
            Some(Err(e)) => {
                self.notice.get_or_insert(Notice::BaselineRefused(e));
                None
            }
        };
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixtures::{self, d, start, OWN, OWN_SUCCESS_RATE_1_5};
    use super::super::{Action, GeneralEdit, Load};
    use super::*;
    use crate::ui::state::keep::{share_fragment, LinkPlan};
    use crate::ui::state::view::View;
    use crate::words::Lang;
    use yew::Reducible;

    fn file(name: &str, text: &str) -> Action {
        Compare::FilePinned { name: name.into(), read: file::FileRead::Bytes(text.as_bytes().to_vec()) }.into()
    }

    #[test]
    fn pinning_the_current_scenario_keeps_it_while_the_other_is_edited() {
        let state = start();
        let pinned = state.clone().reduce(Compare::CurrentPinned.into());
        let b = pinned.comparison.clone().expect("a baseline");
        assert_eq!(b.scenario, state.scenario);
        assert!(Rc::ptr_eq(&b.outcome, &state.outcome), "its outcome is the one already computed");
        assert_eq!(b.origin, Origin::Pinned);
        // An edit changes A only.
        let edited = pinned.reduce(GeneralEdit::DiscountRateChanged(d("0.05")).into());
        assert_eq!(edited.scenario.discount_rate, d("0.05"));
        assert_eq!(edited.comparison.as_ref().unwrap().scenario.discount_rate, state.scenario.discount_rate);
        assert_ne!(edited.outcome.key_figures.org_npv, b.outcome.key_figures.org_npv);
        // An edit that breaks a rule pins the last valid scenario, not the broken one.
        let broken = start().reduce(GeneralEdit::HorizonChanged(0).into());
        let pinned = broken.reduce(Compare::CurrentPinned.into());
        assert_eq!(pinned.comparison.as_ref().unwrap().scenario, start().scenario);
    }

    #[test]
    fn a_preset_or_a_file_is_pinned_or_refused_with_a_notice() {
        let Some(first) = crate::presets::all().into_iter().next() else { return };
        let state = start().reduce(Compare::PresetPinned(first.id.to_string()).into());
        let b = state.comparison.clone().expect("pinned");
        assert_eq!(*b.scenario, first.scenario);
        assert_eq!((b.preset_id.as_deref(), &b.origin), (Some(first.id), &Origin::Preset));
        assert_eq!(*b.outcome, simulate(&first.scenario).unwrap());
        assert_eq!(*state.scenario, *start().scenario, "A is untouched");
        let unknown = state.clone().reduce(Compare::PresetPinned("nope".into()).into());
        assert_eq!(unknown.notice, Some(Notice::UnknownPreset("nope".into())));
        assert_eq!(unknown.comparison, state.comparison, "the baseline stays");

        let state = start().reduce(file("own.json", OWN));
        let b = state.comparison.clone().expect("pinned");
        assert_eq!(*b.scenario, fixtures::scenario(OWN));
        assert_eq!(b.origin, Origin::File("own.json".into()));
        let refused = start().reduce(file("bad.json", OWN_SUCCESS_RATE_1_5));
        assert_eq!(refused.comparison, None);
        assert!(matches!(&refused.notice, Some(Notice::FileRefused { name: Some(n), .. }) if n == "bad.json"));
        let too_large =
            start().reduce(Compare::FilePinned { name: "x".into(), read: file::FileRead::TooLarge(9_000_000) }.into());
        assert!(matches!(
            too_large.notice,
            Some(Notice::FileRefused { why: file::FileProblem::TooLarge(9_000_000), .. })
        ));
    }

    #[test]
    fn swapping_exchanges_a_and_b_with_their_outcomes() {
        let state = start().reduce(file("own.json", OWN));
        let (a, b) = (state.scenario.clone(), state.comparison.clone().unwrap());
        let swapped = state.clone().reduce(Compare::Swapped.into());
        assert_eq!(swapped.scenario, b.scenario);
        assert_eq!(swapped.outcome, b.outcome);
        assert_eq!(*swapped.outcome, simulate(&b.scenario).unwrap());
        assert_eq!(swapped.comparison.as_ref().unwrap().scenario, a);
        assert_eq!(swapped.generation, state.generation + 1, "the editor starts afresh");
        let back = swapped.reduce(Compare::Swapped.into());
        assert_eq!(
            (back.scenario.clone(), back.comparison.as_ref().unwrap().scenario.clone()),
            (a, b.scenario.clone())
        );
        // While A breaks a rule, nothing is swapped (what was typed stays).
        let broken = state.reduce(GeneralEdit::HorizonChanged(0).into());
        let refused = broken.clone().reduce(Compare::Swapped.into());
        assert_eq!(
            (refused.scenario.clone(), refused.comparison.clone()),
            (broken.scenario.clone(), broken.comparison.clone())
        );
        // Without a comparison, nothing happens.
        assert_eq!(start().reduce(Compare::Swapped.into()).scenario, start().scenario);
    }

    #[test]
    fn leaving_keeps_a_and_offers_b_back() {
        let state = start().reduce(file("own.json", OWN)).reduce(GeneralEdit::Renamed("Plan A".into()).into());
        let b = state.comparison.clone().unwrap();
        let left = state.clone().reduce(Compare::Left.into());
        assert_eq!(left.comparison, None);
        assert_eq!(left.scenario, state.scenario, "A as edited");
        assert_eq!(left.notice, Some(Notice::ComparisonLeft(b.clone())));
        let again = left.clone().reduce(Compare::Repinned(b.clone()).into());
        assert_eq!(again.comparison, Some(b.clone()));
        let opened = left.reduce(Compare::BaselineOpened(b.clone()).into());
        assert_eq!(opened.scenario, b.scenario);
        assert_eq!(opened.entry, state.entry + 1, "its own history entry: Back returns to A");
    }

    #[test]
    fn a_link_carries_both_and_a_bad_baseline_is_refused_by_name_while_a_opens() {
        let own = fixtures::scenario(OWN);
        let state = start().reduce(file("own.json", OWN)).reduce(GeneralEdit::DiscountRateChanged(d("0.05")).into());
        let plan = LinkPlan::new(&state.scenario, None, Lang::En, View::Full)
            .comparing(state.comparison.as_ref().map(|b| (&*b.scenario, b.preset_id.as_deref())));
        let packed = miniz_oxide::deflate::compress_to_vec(plan.json.as_ref().unwrap().as_bytes(), 9);
        let fragment = plan.fragment(&packed);
        assert!(fragment.contains("&bv=1&bs="), "{fragment}");
        let inflated = Some(miniz_oxide::inflate::decompress_to_vec(&packed).unwrap());
        let followed =
            start().reduce(Load::LinkFollowed { fragment: fragment.clone(), inflated: inflated.clone() }.into());
        assert_eq!(followed.scenario, state.scenario);
        let b = followed.comparison.clone().expect("the baseline");
        assert_eq!((&*b.scenario, &b.origin), (&own, &Origin::Link));
        assert_eq!(followed.notice, None);
        // A damaged baseline: A opens, B is refused naming the link's part.
        let damaged = fragment.replace("&bs=", "&bs=@@");
        let followed = start().reduce(Load::LinkFollowed { fragment: damaged, inflated }.into());
        assert_eq!(followed.scenario, state.scenario);
        assert_eq!(followed.comparison, None);
        assert!(matches!(&followed.notice, Some(Notice::BaselineRefused(e)) if e.path == "link.b"));
        // A link without a baseline ends the comparison (the address is what is shown).
        let one = share_fragment(&own, None, Lang::Sv);
        let inflated = crate::share::link::unpack_fragment(&one)
            .unwrap()
            .packed
            .map(|p| miniz_oxide::inflate::decompress_to_vec(&p).unwrap());
        let state = state.reduce(Load::LinkFollowed { fragment: one, inflated }.into());
        assert_eq!(state.comparison, None);
    }

    #[test]
    fn a_visit_to_a_comparison_link_opens_both_and_a_bad_baseline_only_a() {
        use crate::ui::state::opening::{open_visit, Opening, Visit};
        let Some(gotland) = crate::presets::by_id("gotland") else { return };
        let visit = |fragment| Visit {
            fragment,
            inflated: None,
            stored: None,
            aside_key: "fundsim.scenario.v1.corrupt-1",
            kept: None,
            stored_page: None,
        };
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, Some(visit("preset=jobs&lang=en&bpreset=gotland")));
        assert_eq!(opened.state.preset_id.as_deref(), Some("jobs"));
        let b = opened.state.comparison.expect("the baseline");
        assert_eq!(
            (&*b.scenario, b.preset_id.as_deref(), &b.origin),
            (&gotland.scenario, Some("gotland"), &Origin::Link)
        );
        let opened = open_visit(&Opening::FirstPreset, Lang::Sv, Some(visit("preset=jobs&lang=en&bpreset=nope")));
        assert_eq!(opened.state.preset_id.as_deref(), Some("jobs"), "A opens");
        assert_eq!(opened.state.comparison, None);
        let notice = opened.state.notice.expect("B is refused by name");
        assert!(matches!(&notice, Notice::BaselineRefused(e) if e.path == "link.b"));
        // Said as the app says a refused link: the part named, the id quoted.
        let en = crate::ui::view::notices::notice_text(&notice, Lang::En);
        assert!(en.starts_with("The link's baseline (B) could not be opened."), "{en}");
        assert!(en.contains("The link's baseline (B)") && en.contains("\"nope\""), "{en}");
        let sv = crate::ui::view::notices::notice_text(&notice, Lang::Sv);
        assert!(sv.starts_with("Länkens jämförelsescenario (B) kunde inte öppnas."), "{sv}");
        assert!(sv.contains("nope") && sv.ends_with("Länkens huvudscenario visas."), "{sv}");
    }
}
