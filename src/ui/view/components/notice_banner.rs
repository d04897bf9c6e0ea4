//! What the page tells: a refused edit explained (an actor still in use, a
//! pasted scenario that breaks a rule), a removal with its Undo, or an
//! autosave that failed with "Save the scenario" beside it.

use yew::prelude::*;

use crate::ui::state::{Action, Compare, Notice, Preference};
use crate::ui::view::notices::notice_text;
use crate::ui::view::Prefs;
use crate::words::app::AppText;

#[derive(Properties, PartialEq)]
pub struct NoticeBannerProps {
    pub notice: Option<Notice>,
    pub onaction: Callback<Action>,
    /// "Save the scenario", offered when the autosave failed.
    #[prop_or_default]
    pub onsave: Option<Callback<(), bool>>,
}

#[component(NoticeBanner)]
pub fn notice_banner(props: &NoticeBannerProps) -> Html {
    let lang = use_context::<Prefs>().unwrap_or_default().lang;
    let button = use_node_ref();
    // The notice's own action: Undo for a removal, Save where the autosave failed.
    let action = match (&props.notice, &props.onsave) {
        (Some(Notice::Removed(removal)), _) => {
            // The removed item's button went with it: once drawn, the focus
            // goes to Undo (unless the reader has put it elsewhere).
            let button = button.clone();
            gloo::timers::callback::Timeout::new(0, move || {
                let document = gloo::utils::document();
                if document.active_element().is_none_or(|e| Some(e) == document.body().map(Into::into)) {
                    if let Some(button) = button.cast::<web_sys::HtmlElement>() {
                        let _ = button.focus();
                    }
                }
            })
            .forget();
            let removal = removal.clone();
            Some((AppText::Undo.get(lang), "notice-undo", props.onaction.reform(move |_: MouseEvent| removal.undo())))
        }
        (Some(Notice::AutosaveFailed | Notice::StoredRefused { aside_key: None, .. }), Some(save)) => {
            let save = save.clone();
            Some((
                AppText::SaveScenario.get(lang),
                "notice-save",
                Callback::from(move |_: MouseEvent| {
                    save.emit(());
                }),
            ))
        }
        (Some(Notice::ComparisonLeft(baseline)), _) => {
            let baseline = baseline.clone();
            Some((
                crate::words::app::CompareText::OpenBaseline.get(lang),
                "notice-open-baseline",
                props.onaction.reform(move |_: MouseEvent| Compare::BaselineOpened(baseline.clone()).into()),
            ))
        }
        _ => None,
    };
    // Said where the reader is, however far down the page: the removal's Undo, the autosave failing.
    let float = matches!(props.notice, Some(Notice::Removed(_) | Notice::AutosaveFailed));
    html! {
        // The live region stays in the page so that screen readers announce a new notice.
        <div class="notice-region" role="status" aria-live="polite">
            if let Some(notice) = &props.notice {
                <div class={classes!("notice", float.then_some("notice-float"))} data-testid="notice">
                    <p><span aria-hidden="true">{ "⚠ " }</span>{ notice_text(notice, lang) }</p>
                    if let Some((label, testid, onclick)) = action {
                        <button type="button" class="text-button" data-testid={testid} ref={button} {onclick}>{ label }</button>
                    }
                    <button type="button" class="text-button" data-testid="notice-dismiss"
                        onclick={props.onaction.reform(|_| Preference::NoticeDismissed.into())}>{ AppText::Dismiss.get(lang) }</button>
                </div>
            }
        </div>
    }
}
