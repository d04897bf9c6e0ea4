//! The list of interventions: each one's editor, and a button to add one.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Outcome, Scenario, ScenarioError};
use crate::ui::state::{Action, InterventionsEdit};
use crate::ui::view::editor::intervention::InterventionEditor;
use crate::ui::view::Prefs;
use crate::words::app::AppText;
use crate::words::rules as explain;

#[derive(Properties, PartialEq)]
pub struct InterventionsEditorProps {
    pub scenario: Rc<Scenario>,
    /// The last valid outcome (for the amounts in the repayment sentences).
    pub outcome: Rc<Outcome>,
    pub errors: Rc<Vec<ScenarioError>>,
    pub onaction: Callback<Action>,
}

#[component(InterventionsEditor)]
pub fn interventions_editor(props: &InterventionsEditorProps) -> Html {
    let lang = use_context::<Prefs>().unwrap_or_default().lang;
    let s = &props.scenario;
    let count = s.interventions.len();
    // Ids shown before: an intervention not among them was just added or duplicated, and opens.
    let seen = use_mut_ref(|| None::<std::collections::HashSet<String>>);
    let first_render = seen.borrow().is_none();
    let fresh: Vec<bool> = {
        let mut seen = seen.borrow_mut();
        let known = seen.get_or_insert_with(Default::default);
        s.interventions
            .iter()
            .map(|iv| !known.contains(&iv.id) && known.insert(iv.id.clone()) && !first_render)
            .collect()
    };
    // Every id and name, one list shared by all editors while it is unchanged.
    let ids =
        use_memo(s.interventions.iter().map(|x| (x.id.clone(), x.name.clone())).collect::<Vec<_>>(), |ids| ids.clone());
    // Each editor's key follows its intervention through moves and id edits.
    let keyring = use_mut_ref(Keyring::default);
    let keys = keyring.borrow_mut().keys_for(&s.interventions.iter().map(|iv| iv.id.as_str()).collect::<Vec<_>>());
    html! {
        <section class="editor-section" aria-labelledby="ed-interventions">
            <h3 id="ed-interventions">{ AppText::SectionInterventions.get(lang) }</h3>
            if count == 0 {
                <p class="hint">{ AppText::NoInterventions.get(lang) }</p>
            }
            <ol class="intervention-list" data-testid="intervention-list">
                { for s.interventions.iter().enumerate().map(|(index, _)| html! {
                    <li key={keys.get(index).copied().unwrap_or_default()}>
                        <InterventionEditor index={index} count={count} scenario={props.scenario.clone()} ids={ids.clone()}
                            errors={props.errors.clone()} onaction={props.onaction.clone()}
                            sentence={explain::intervention_rule(s, &props.outcome, index, lang)}
                            open={count <= 1 || fresh.get(index).copied().unwrap_or(false)} />
                    </li>
                }) }
            </ol>
            <button type="button" class="add-button" data-testid="add-intervention"
                onclick={props.onaction.reform(|_| InterventionsEdit::Added.into())}>
                { AppText::AddIntervention.get(lang) }
            </button>
        </section>
    }
}

/// Stable keys for the intervention editors. An editor is keyed by its
/// intervention, not its place, so that moving one keeps it open and focused;
/// and an id edit keeps the key too (the id in the previous list at the same
/// place that is gone from the new one is taken as renamed).
#[derive(Default)]
struct Keyring {
    last: Vec<(String, u64)>,
    next: u64,
}

impl Keyring {
    fn keys_for(&mut self, ids: &[&str]) -> Vec<u64> {
        let keys: Vec<u64> = ids
            .iter()
            .enumerate()
            .map(|(index, id)| {
                let kept = self.last.iter().find(|(old, _)| old == id).map(|(_, key)| *key);
                let renamed = self.last.get(index).filter(|(old, _)| !ids.contains(&old.as_str())).map(|(_, key)| *key);
                kept.or(renamed).unwrap_or_else(|| {
                    self.next += 1;
                    self.next
                })
            })
            .collect();
        self.last = ids.iter().map(|id| id.to_string()).zip(keys.iter().copied()).collect();
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::Keyring;

    #[test]
    fn keys_follow_interventions_through_moves_renames_additions_and_removals() {
        let mut ring = Keyring::default();
        let first = ring.keys_for(&["a", "b", "c"]);
        assert_eq!(first.len(), 3);
        assert!(first[0] != first[1] && first[1] != first[2] && first[0] != first[2]);
        // Moved: b before a. Each keeps its key.
        assert_eq!(ring.keys_for(&["b", "a", "c"]), vec![first[1], first[0], first[2]]);
        // b's id edited to b2 in place: same key.
        assert_eq!(ring.keys_for(&["b2", "a", "c"]), vec![first[1], first[0], first[2]]);
        // A duplicate of a inserted after it: a new key; the others keep theirs.
        let dup = ring.keys_for(&["b2", "a", "a-2", "c"]);
        assert_eq!((dup[0], dup[1], dup[3]), (first[1], first[0], first[2]));
        assert!(!first.contains(&dup[2]));
        // a removed: the rest keep theirs.
        assert_eq!(ring.keys_for(&["b2", "a-2", "c"]), vec![first[1], dup[2], first[2]]);
    }
}
