//! A labelled drop-down list of `(value, text)` options.

use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SelectFieldProps {
    /// DOM id of the select (the label points at it).
    pub id: AttrValue,
    pub label: AttrValue,
    /// The chosen option's value.
    pub value: AttrValue,
    /// `(value, visible text)` of each option.
    pub options: Vec<(AttrValue, AttrValue)>,
    /// The engine's message for this field, in the user's language.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// Hide the label visually (still read by screen readers).
    #[prop_or_default]
    pub compact: bool,
    pub onchange: Callback<String>,
}

#[component(SelectField)]
pub fn select_field(props: &SelectFieldProps) -> Html {
    let id = props.id.clone();
    let msg_id = format!("{id}-msg");
    let invalid = props.error.is_some();
    let onchange = props.onchange.reform(|e: Event| e.target_unchecked_into::<HtmlSelectElement>().value());
    // A value that is no option (an actor id that no longer exists) is shown as such, not hidden.
    let known = props.options.iter().any(|(v, _)| *v == props.value);
    html! {
        <div class={classes!("field", "field-select", invalid.then_some("invalid"))}>
            <label for={id.clone()} class={classes!(props.compact.then_some("visually-hidden"))}>{ props.label.clone() }</label>
            <select id={id.clone()} aria-invalid={invalid.to_string()} aria-describedby={invalid.then(|| msg_id.clone())}
                data-testid={format!("in-{id}")} {onchange}>
                if !known {
                    <option value={props.value.clone()} selected=true>{ format!("“{}”", props.value) }</option>
                }
                { for props.options.iter().map(|(value, text)| html! {
                    <option value={value.clone()} selected={*value == props.value}>{ text.clone() }</option>
                }) }
            </select>
            if let Some(message) = &props.error {
                <p class="field-error" id={msg_id} role="alert" data-testid={format!("err-{id}")}>
                    <span aria-hidden="true">{ "⚠ " }</span>{ message.clone() }
                </p>
            }
        </div>
    }
}
