//! The actors: add, rename, mark inside or outside the organisation, remove.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::{Scenario, ScenarioError};
use crate::ui::state::{Action, ActorsEdit};
use crate::ui::view::components::field_error;
use crate::ui::view::components::id_field::IdField;
use crate::ui::view::components::text_field::TextField;
use crate::ui::view::Prefs;
use crate::words::app::AppText;

#[derive(Properties)]
pub struct ActorsEditorProps {
    pub scenario: Rc<Scenario>,
    pub errors: Rc<Vec<ScenarioError>>,
    pub onaction: Callback<Action>,
}

/// Drawn again only when the actors changed: an edit elsewhere (the
/// allocation, an intervention) leaves their rows alone (issue 12).
impl PartialEq for ActorsEditorProps {
    fn eq(&self, other: &Self) -> bool {
        (Rc::ptr_eq(&self.scenario, &other.scenario) || self.scenario.actors == other.scenario.actors)
            && self.errors == other.errors
            && self.onaction == other.onaction
    }
}

#[component(ActorsEditor)]
pub fn actors_editor(props: &ActorsEditorProps) -> Html {
    let lang = use_context::<Prefs>().unwrap_or_default().lang;
    let on = &props.onaction;
    let list_error = field_error(&props.errors, "actors", lang);
    let items: Rc<Vec<(String, String)>> =
        Rc::new(props.scenario.actors.iter().map(|a| (a.id.clone(), a.name.clone())).collect());
    html! {
        <section class="editor-section" aria-labelledby="ed-actors">
            <h3 id="ed-actors">{ AppText::SectionActors.get(lang) }</h3>
            <p class="hint">{ AppText::ActorsHint.get(lang) }</p>
            <ul class="actor-list" data-testid="actor-list">
                { for props.scenario.actors.iter().enumerate().map(|(index, actor)| {
                    let id = actor.id.clone();
                    let inside_id = format!("actors-{index}-inside");
                    let oninside = on.reform(move |e: Event| ActorsEdit::InsideChanged {
                        index,
                        inside: e.target_unchecked_into::<HtmlInputElement>().checked(),
                    }
                    .into());
                    let onremove = on.reform(move |_: MouseEvent| ActorsEdit::Removed(id.clone()).into());
                    let remove_label = format!("{} {}", AppText::Remove.get(lang), actor.name);
                    html! {
                        // Keyed by place, not id: a row keeps its focus while its id is edited.
                        <li key={index} class="actor-row" data-testid={format!("actor-{}", actor.id)}>
                            <span class={format!("swatch actor-{}", index % 8)} aria-hidden="true"></span>
                            <TextField id={format!("actors-{index}-name")} label={format!("{} {}", AppText::ActorName.get(lang), index + 1)}
                                compact=true value={actor.name.clone()}
                                error={field_error(&props.errors, &format!("actors[{index}].name"), lang)
                                    .or_else(|| field_error(&props.errors, &format!("actors[{index}].id"), lang))}
                                oninput={on.reform(move |name| ActorsEdit::Renamed { index, name }.into())} />
                            <IdField dom_id={format!("actors-{index}-id")} value={actor.id.clone()} {index} items={items.clone()}
                                oncommit={on.reform(move |id| ActorsEdit::IdChanged { index, id }.into())} />
                            <div class="checkbox">
                                <input type="checkbox" id={inside_id.clone()} checked={actor.inside}
                                    data-testid={format!("in-{inside_id}")} onchange={oninside} />
                                <label for={inside_id}>{ AppText::Inside.get(lang) }</label>
                            </div>
                            <button type="button" class="icon-button" aria-label={remove_label.clone()} title={remove_label}
                                data-testid={format!("remove-actor-{}", actor.id)} onclick={onremove}>
                                <span aria-hidden="true">{ "✕" }</span>
                            </button>
                        </li>
                    }
                }) }
            </ul>
            if let Some(message) = list_error {
                <p class="field-error" role="alert"><span aria-hidden="true">{ "⚠ " }</span>{ message }</p>
            }
            <button type="button" class="add-button" data-testid="add-actor" onclick={on.reform(|_| ActorsEdit::Added.into())}>
                { AppText::AddActor.get(lang) }
            </button>
        </section>
    }
}
