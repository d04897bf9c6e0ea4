//! A refused edit, explained (an actor still in use, a pasted scenario that breaks a rule).

use yew::prelude::*;

use crate::ui::state::{Action, Notice, Preference};
use crate::ui::text::{notice_text, T};
use crate::ui::view::Prefs;

#[derive(Properties, PartialEq)]
pub struct NoticeBannerProps {
    pub notice: Option<Notice>,
    pub onaction: Callback<Action>,
}

#[component(NoticeBanner)]
pub fn notice_banner(props: &NoticeBannerProps) -> Html {
    let lang = use_context::<Prefs>().unwrap_or_default().lang;
    html! {
        // The live region stays in the page so that screen readers announce a new notice.
        <div class="notice-region" role="status" aria-live="polite">
            if let Some(notice) = &props.notice {
                <div class="notice" data-testid="notice">
                    <p><span aria-hidden="true">{ "⚠ " }</span>{ notice_text(notice, lang) }</p>
                    <button type="button" class="text-button" data-testid="notice-dismiss"
                        onclick={props.onaction.reform(|_| Preference::NoticeDismissed.into())}>{ T::Dismiss.get(lang) }</button>
                </div>
            }
        </div>
    }
}
