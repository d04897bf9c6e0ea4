//! A labelled text input (or text area) that sends every keystroke.

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    /// DOM id of the input (the label points at it).
    pub id: AttrValue,
    pub label: AttrValue,
    pub value: AttrValue,
    /// The engine's message for this field, in the user's language.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// A text area of a few lines instead of one line.
    #[prop_or_default]
    pub multiline: bool,
    /// Hide the label visually (still read by screen readers).
    #[prop_or_default]
    pub compact: bool,
    pub oninput: Callback<String>,
}

#[component(TextField)]
pub fn text_field(props: &TextFieldProps) -> Html {
    let id = props.id.clone();
    let msg_id = format!("{id}-msg");
    let invalid = props.error.is_some();
    let described = invalid.then(|| msg_id.clone());
    let input = if props.multiline {
        let oninput = props.oninput.reform(|e: InputEvent| e.target_unchecked_into::<HtmlTextAreaElement>().value());
        html! {
            <textarea id={id.clone()} rows="3" value={props.value.clone()} aria-invalid={invalid.to_string()}
                aria-describedby={described} data-testid={format!("in-{id}")} {oninput} />
        }
    } else {
        let oninput = props.oninput.reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
        html! {
            <input id={id.clone()} type="text" autocomplete="off" value={props.value.clone()} aria-invalid={invalid.to_string()}
                aria-describedby={described} data-testid={format!("in-{id}")} {oninput} />
        }
    };
    html! {
        <div class={classes!("field", "field-text", invalid.then_some("invalid"))}>
            <label for={id.clone()} class={classes!(props.compact.then_some("visually-hidden"))}>{ props.label.clone() }</label>
            { input }
            if let Some(message) = &props.error {
                <p class="field-error" id={msg_id} role="alert" data-testid={format!("err-{id}")}>
                    <span aria-hidden="true">{ "⚠ " }</span>{ message.clone() }
                </p>
            }
        </div>
    }
}
