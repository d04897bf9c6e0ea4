//! "Show the scenario as JSON": every assumption in the contract's format, to
//! copy or check (the share bar's "Save scenario" saves it as a file); and a
//! box to load a scenario from JSON.
//!
//! The `<pre data-testid="scenario-json">` holds the scenario as edited
//! while the panel is open, which is also how tests read the current
//! scenario; a closed panel writes no JSON (for a large scenario that is
//! milliseconds on every edit).

use std::rc::Rc;

use web_sys::{HtmlDetailsElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::model::Scenario;
use crate::ui::state::{Action, Load};
use crate::ui::view::Prefs;
use crate::words::app::AppText;

#[derive(Properties, PartialEq)]
pub struct ScenarioJsonProps {
    /// The edited scenario, shown as pretty JSON.
    pub scenario: Rc<Scenario>,
    pub onaction: Callback<Action>,
}

#[component(ScenarioJson)]
pub fn scenario_json(props: &ScenarioJsonProps) -> Html {
    let lang = use_context::<Prefs>().unwrap_or_default().lang;
    let pasted = use_state(String::new);
    let open = use_state_eq(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| open.set(e.target_unchecked_into::<HtmlDetailsElement>().open()))
    };
    // Written only while the panel is open, and once per scenario.
    let json =
        use_memo((props.scenario.clone(), *open), |(scenario, open)| open.then(|| AttrValue::from(scenario.to_json())));
    let oninput = {
        let pasted = pasted.clone();
        Callback::from(move |e: InputEvent| pasted.set(e.target_unchecked_into::<HtmlTextAreaElement>().value()))
    };
    let onload = {
        let pasted = pasted.clone();
        props.onaction.reform(move |_: MouseEvent| Load::ScenarioPasted((*pasted).clone()).into())
    };
    html! {
        <details class="scenario-json" data-testid="scenario-json-panel" {ontoggle}>
            <summary>{ AppText::ShowJson.get(lang) }</summary>
            <p class="hint">{ AppText::JsonHint.get(lang) }</p>
            if let Some(json) = (*json).clone() {
                <pre data-testid="scenario-json" tabindex="0" aria-label={AppText::ShowJson.get(lang)}>{ json }</pre>
            }
            <div class="field field-text">
                <label for="paste-json">{ AppText::PasteJson.get(lang) }</label>
                <textarea id="paste-json" rows="4" spellcheck="false" value={(*pasted).clone()} data-testid="in-paste-json" {oninput} />
            </div>
            <button type="button" class="add-button" data-testid="load-json" disabled={pasted.trim().is_empty()} onclick={onload}>
                { AppText::LoadJson.get(lang) }
            </button>
        </details>
    }
}
