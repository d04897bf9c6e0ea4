//! An id field (an actor's or an intervention's key in files, links and the
//! result JSON). Unlike other fields it takes the new id only when the reader
//! leaves the field or presses Enter, and only when it is free: while typing
//! `social2` the draft passes through ids that may be taken, and references
//! must never be moved to another item on the way. A refused draft stays in
//! the field with the reason; the scenario keeps the old id.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::state::id_problem;
use crate::ui::view::notices::id_problem_text;
use crate::ui::view::Prefs;
use crate::words::app::AppText;

#[derive(Properties, PartialEq)]
pub struct IdFieldProps {
    /// DOM id of the input.
    pub dom_id: AttrValue,
    /// The item's current id.
    pub value: AttrValue,
    /// This item's place in `items`.
    pub index: usize,
    /// Every item's id and name, in order (the ids it must differ from).
    pub items: Rc<Vec<(String, String)>>,
    /// Called with the new id (trimmed) once it is taken.
    pub oncommit: Callback<String>,
}

#[component(IdField)]
pub fn id_field(props: &IdFieldProps) -> Html {
    let lang = use_context::<Prefs>().unwrap_or_default().lang;
    // What the reader has typed and not yet committed (None: shows the id).
    let draft = use_state(|| None::<String>);
    {
        // A new scenario or an accepted id replaces an old draft.
        let draft = draft.clone();
        use_effect_with(props.value.clone(), move |_| draft.set(None));
    }
    let text = (*draft).clone().unwrap_or_else(|| props.value.to_string());
    let ids: Vec<&str> = props.items.iter().map(|(id, _)| id.as_str()).collect();
    let problem = id_problem(&ids, props.index, &text);
    let message = problem.map(|p| {
        let holder = match p {
            crate::ui::state::IdProblem::TakenBy(i) => props.items.get(i).map(|(_, name)| name.as_str()).unwrap_or(""),
            crate::ui::state::IdProblem::Empty => "",
        };
        id_problem_text(p, holder, lang)
    });
    let oninput = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| draft.set(Some(e.target_unchecked_into::<HtmlInputElement>().value())))
    };
    let onchange = {
        let (oncommit, value, items, index) =
            (props.oncommit.clone(), props.value.clone(), props.items.clone(), props.index);
        Callback::from(move |e: Event| {
            let typed = e.target_unchecked_into::<HtmlInputElement>().value();
            let typed = typed.trim();
            let ids: Vec<&str> = items.iter().map(|(id, _)| id.as_str()).collect();
            if id_problem(&ids, index, typed).is_none() && typed != value.as_str() {
                oncommit.emit(typed.to_string());
            }
        })
    };
    let msg_id = format!("{}-msg", props.dom_id);
    html! {
        <div class={classes!("field", "field-text", "field-id", message.is_some().then_some("invalid"))}>
            <label for={props.dom_id.clone()}>{ AppText::Id.get(lang) }</label>
            <input id={props.dom_id.clone()} type="text" autocomplete="off" spellcheck="false" value={text}
                aria-invalid={message.is_some().to_string()} aria-describedby={message.is_some().then(|| msg_id.clone())}
                data-testid={format!("in-{}", props.dom_id)} {oninput} {onchange} />
            if let Some(message) = message {
                <p class="field-error" id={msg_id} role="alert" data-testid={format!("err-{}", props.dom_id)}>
                    <span aria-hidden="true">{ "⚠ " }</span>{ message }
                </p>
            }
        </div>
    }
}
