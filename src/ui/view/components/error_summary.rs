//! While the edited scenario breaks a rule: a short list of what to fix, each
//! linked to its field, and the reminder that the results shown are the last valid ones.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::{Scenario, ScenarioError};
use crate::ui::view::components::dom_id;
use crate::ui::view::Prefs;
use crate::words::app::AppText;
use crate::words::fields::field_label;
use crate::words::problems::problem_text;

#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    pub scenario: Rc<Scenario>,
    pub errors: Rc<Vec<ScenarioError>>,
}

/// Opens the collapsed sections around a field and moves the focus to it.
fn go_to(id: String) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        let Some(target) = gloo::utils::document().get_element_by_id(&id) else { return };
        e.prevent_default();
        let mut at = target.parent_element();
        while let Some(element) = at {
            if element.tag_name().eq_ignore_ascii_case("details") {
                let _ = element.set_attribute("open", "");
            }
            at = element.parent_element();
        }
        if let Some(html) = target.dyn_ref::<web_sys::HtmlElement>() {
            let _ = html.focus();
        }
        target.scroll_into_view();
    })
}

#[component(ErrorSummary)]
pub fn error_summary(props: &ErrorSummaryProps) -> Html {
    let lang = use_context::<Prefs>().unwrap_or_default().lang;
    html! {
        <div class="error-summary-region" role="status" aria-live="polite">
            if !props.errors.is_empty() {
                <div class="error-summary" data-testid="error-summary">
                    <p><strong><span aria-hidden="true">{ "⚠ " }</span>{ AppText::StaleResults.get(lang) }</strong></p>
                    <ul>
                        { for props.errors.iter().map(|e| {
                            html! {
                                <li>
                                    <a href={format!("#{}", dom_id(&e.path))} onclick={go_to(dom_id(&e.path))}>
                                        { field_label(&e.path, Some(&props.scenario), lang) }
                                    </a>
                                    { ": " }{ problem_text(e, lang) }
                                </li>
                            }
                        }) }
                    </ul>
                </div>
            }
        </div>
    }
}
