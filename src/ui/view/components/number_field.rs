//! A labelled number input that keeps the user's text while it is edited.
//!
//! The text is read with [`crate::words::parse`] (`3,5` or `3.5`, spaces between
//! thousands). A text that reads as a number is sent through `onchange` once
//! it is complete: on Enter, when the field is left, or after a short pause in
//! the typing ([`PAUSE_MS`]) — never a half-typed `15` on the way to `150`,
//! which would show figures for a value nobody meant. A text that does not
//! read stays on screen with a message and sends nothing. The engine's
//! message for the field (`error`) is shown below it.

use std::rc::Rc;

use gloo::timers::callback::Timeout;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::view::Prefs;
use crate::words::app::AppText;
use crate::words::parse::{self, NumKind, ParseError};
use crate::words::Lang;

#[derive(Properties, PartialEq)]
pub struct NumberFieldProps {
    /// DOM id of the input (the label points at it).
    pub id: AttrValue,
    /// The visible label.
    pub label: AttrValue,
    /// The current value in the scenario (a share for `Percent`, not a percentage).
    pub value: Decimal,
    pub kind: NumKind,
    /// The engine's message for this field, already in the user's language.
    #[prop_or_default]
    pub error: Option<AttrValue>,
    /// A short help text under the field.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The unit shown after the input (`kr`, `%`, `år`).
    #[prop_or_default]
    pub suffix: Option<AttrValue>,
    /// Called with a typed value that reads as a number (a share for
    /// `Percent`), once it is complete (Enter, leaving the field, or a pause).
    pub onchange: Callback<Decimal>,
    /// Extra class on the wrapper.
    #[prop_or_default]
    pub class: Classes,
    /// Hide the label visually (still read by screen readers), for table cells.
    #[prop_or_default]
    pub compact: bool,
    /// Smallest value accepted here (checked before anything is sent), e.g. the first calendar year.
    #[prop_or_default]
    pub min: Option<Decimal>,
    /// Largest value accepted here (checked before anything is sent): a
    /// larger one is refused with a message, never cut down silently.
    #[prop_or_default]
    pub max: Option<Decimal>,
    /// The glossary's term for this field: a button beside the label opens it.
    #[prop_or_default]
    pub term: Option<crate::explain::term::Term>,
}

/// The pause in typing after which a value that reads as a number is taken.
pub const PAUSE_MS: u32 = 700;

/// The value as written in the input when it is not being edited.
pub fn display_text(value: Decimal, kind: NumKind, lang: Lang) -> String {
    let swedish = lang == Lang::Sv;
    match kind {
        NumKind::Percent => parse::edit_text(value * Decimal::ONE_HUNDRED, swedish),
        NumKind::Year => value.trunc().to_string(),
        NumKind::Money | NumKind::Count | NumKind::Plain => group(&parse::edit_text(value, swedish)),
    }
}

/// Groups the whole part of a plain number with spaces: `1234567,5` → `1 234 567,5`.
fn group(plain: &str) -> String {
    let (sign, rest) = plain.strip_prefix('-').map(|r| ("-", r)).unwrap_or(("", plain));
    let split = rest.find([',', '.']).unwrap_or(rest.len());
    let (whole, fraction) = rest.split_at(split);
    let mut out = String::from(sign);
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out.push_str(fraction);
    out
}

/// Reads the text as this kind of number.
pub fn read(text: &str, kind: NumKind) -> Result<Decimal, ParseError> {
    match kind {
        NumKind::Percent => parse::percent(text),
        NumKind::Count => parse::count(text).map(Decimal::from),
        NumKind::Year => parse::integer(text).map(Decimal::from),
        NumKind::Money | NumKind::Plain => parse::decimal(text),
    }
}

/// A whole number from a value the field has checked.
pub fn as_u32(value: Decimal) -> u32 {
    value.to_u32().unwrap_or(0)
}

/// A calendar year from a value the field has checked.
pub fn as_i32(value: Decimal) -> i32 {
    value.to_i32().unwrap_or(0)
}

#[component(NumberField)]
pub fn number_field(props: &NumberFieldProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let lang = prefs.lang;
    // The user's text while it is edited, and whether it read as a number.
    let draft = use_state(|| None::<String>);
    let local_error = use_state(|| None::<ParseError>);

    // A value that reads, waiting for Enter, the field's end or a pause, and
    // the pause's timer (kept apart: the timer's own call takes the value but
    // leaves the timer alone; the next keystroke replaces it, which cancels it).
    let pending = use_mut_ref(|| None::<Decimal>);
    let timer = use_mut_ref(|| None::<Timeout>);
    let commit: Rc<dyn Fn()> = {
        let pending = pending.clone();
        let onchange = props.onchange.clone();
        Rc::new(move || {
            let taken = pending.borrow_mut().take();
            if let Some(value) = taken {
                onchange.emit(value);
            }
        })
    };

    let oninput = {
        let draft = draft.clone();
        let local_error = local_error.clone();
        let pending = pending.clone();
        let timer = timer.clone();
        let commit = commit.clone();
        let kind = props.kind;
        let min = props.min;
        let max = props.max;
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let text = input.value();
            // A new keystroke replaces what was waiting, and its timer.
            pending.borrow_mut().take();
            timer.borrow_mut().take();
            match read(&text, kind) {
                Ok(value) if min.is_some_and(|m| value < m) => local_error.set(Some(ParseError::TooSmall)),
                Ok(value) if max.is_some_and(|m| value > m) => local_error.set(Some(ParseError::TooLarge)),
                Ok(value) => {
                    local_error.set(None);
                    *pending.borrow_mut() = Some(value);
                    let commit = commit.clone();
                    *timer.borrow_mut() = Some(Timeout::new(PAUSE_MS, move || commit()));
                }
                Err(err) => local_error.set(Some(err)),
            }
            draft.set(Some(text));
        })
    };
    let onkeydown = {
        let commit = commit.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                commit();
            }
        })
    };
    let onblur = {
        let draft = draft.clone();
        let local_error = local_error.clone();
        let commit = commit.clone();
        Callback::from(move |_: FocusEvent| {
            commit();
            // A number is shown tidily again; a text that is not a number stays so it can be fixed.
            if local_error.is_none() {
                draft.set(None);
            }
        })
    };
    let text = (*draft).clone().unwrap_or_else(|| display_text(props.value, props.kind, lang));
    let message: Option<String> = match *local_error {
        Some(err) => Some(AppText::parse_error(err, props.kind, props.min, props.max, lang)),
        None => props.error.as_ref().map(|e| e.to_string()),
    };
    let id = props.id.clone();
    let msg_id = format!("{id}-msg");
    let hint_id = format!("{id}-hint");
    let described = match (&message, &props.hint) {
        (Some(_), Some(_)) => Some(format!("{msg_id} {hint_id}")),
        (Some(_), None) => Some(msg_id.clone()),
        (None, Some(_)) => Some(hint_id.clone()),
        (None, None) => None,
    };
    let inputmode = match props.kind {
        NumKind::Count | NumKind::Year => "numeric",
        _ => "decimal",
    };
    let invalid = message.is_some();
    html! {
        <div class={classes!("field", "field-number", invalid.then_some("invalid"), props.class.clone())}>
            <label for={id.clone()} class={classes!(props.compact.then_some("visually-hidden"))}>{ props.label.clone() }</label>
            { props.term.map(|t| crate::ui::view::components::explain::term_button(t, &props.label, lang)) }
            <div class="input-with-suffix">
                <input
                    id={id.clone()}
                    type="text"
                    inputmode={inputmode}
                    autocomplete="off"
                    spellcheck="false"
                    value={text}
                    aria-invalid={invalid.to_string()}
                    aria-describedby={described}
                    data-testid={format!("in-{id}")}
                    {oninput}
                    {onkeydown}
                    {onblur}
                />
                if let Some(suffix) = &props.suffix {
                    <span class="suffix" aria-hidden="true">{ suffix.clone() }</span>
                }
            </div>
            if let Some(hint) = &props.hint {
                <p class="hint" id={hint_id}>{ hint.clone() }</p>
            }
            if let Some(message) = message {
                <p class="field-error" id={msg_id} role="alert" data-testid={format!("err-{id}")}>
                    <span aria-hidden="true">{ "⚠ " }</span>{ message }
                </p>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn display_text_reads_back_as_the_same_value() {
        for (value, kind) in [
            ("0.035", NumKind::Percent),
            ("12500000", NumKind::Money),
            ("-90000.5", NumKind::Money),
            ("60", NumKind::Count),
        ] {
            let v = Decimal::from_str(value).unwrap();
            for lang in [Lang::Sv, Lang::En] {
                assert_eq!(read(&display_text(v, kind, lang), kind), Ok(v), "{value} {lang:?}");
            }
        }
        assert_eq!(display_text(Decimal::from(12_500_000), NumKind::Money, Lang::Sv), "12 500 000");
        assert_eq!(display_text(Decimal::from_str("0.035").unwrap(), NumKind::Percent, Lang::Sv), "3,5");
    }
}
