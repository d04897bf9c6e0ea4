//! Share and keep: copy the page's link (which carries the whole scenario),
//! show it as a QR code, save the scenario as a file and open one, and go
//! back to the preset. The browser calls are in [`crate::ui::browser`].

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::ui::browser;
use crate::ui::state::file::MAX_SCENARIO_BYTES;
use crate::ui::state::{Action, Autosave, Kept, Load};
use crate::ui::view::components::qr_dialog::QrDialog;
use crate::ui::view::Prefs;
use crate::words::app::{displaced_text, AppText};

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    /// The page's link for the scenario; `None` when the app is embedded in
    /// another page (whose address it does not own).
    pub link: Option<AttrValue>,
    /// "Save the scenario": the last valid scenario as a file; `false` when the browser refused.
    pub onsave: Callback<(), bool>,
    /// Whether the edited scenario has errors (the last valid version is saved).
    pub has_errors: bool,
    /// Whether changes are autosaved in this browser, as the last write went.
    pub autosave: Autosave,
    /// The name of the scenario kept aside that is offered back.
    #[prop_or_default]
    pub displaced: Option<AttrValue>,
    pub onaction: Callback<Action>,
}

/// What happened to the last "Copy link".
#[derive(Debug, Clone, Copy, PartialEq)]
enum Copied {
    Not,
    Yes,
    /// The clipboard was not available: the link is selected in its field instead.
    Fallback,
}

#[component(ShareBar)]
pub fn share_bar(props: &ShareBarProps) -> Html {
    let lang = use_context::<Prefs>().unwrap_or_default().lang;
    let copied = use_state(|| Copied::Not);
    let qr_open = use_state(|| false);
    let save_failed = use_state(|| false);
    let link_ref = use_node_ref();
    let qr_button = use_node_ref();
    {
        // A confirmation is about the link that was copied: a new link clears it.
        let copied = copied.clone();
        use_effect_with(props.link.clone(), move |_| copied.set(Copied::Not));
    }

    let oncopy = {
        let copied = copied.clone();
        let link_ref = link_ref.clone();
        let link = props.link.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(link) = link.clone() else { return };
            let copied = copied.clone();
            let link_ref = link_ref.clone();
            browser::copy_text(link.to_string(), move |ok| {
                if !ok {
                    if let Some(field) = link_ref.cast::<HtmlInputElement>() {
                        let _ = field.focus();
                        field.select();
                    }
                }
                copied.set(if ok { Copied::Yes } else { Copied::Fallback });
            });
        })
    };
    let onsave = {
        let (save, save_failed) = (props.onsave.clone(), save_failed.clone());
        Callback::from(move |_: MouseEvent| save_failed.set(!save.emit(())))
    };
    let onopen = {
        let onaction = props.onaction.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let file = input.files().and_then(|files| files.get(0));
            // Emptied, so that choosing the same file again opens it again.
            input.set_value("");
            if let Some(file) = file {
                let name = file.name();
                let onaction = onaction.clone();
                browser::read_file(file, MAX_SCENARIO_BYTES, move |read| {
                    onaction.emit(Load::FileOpened { name, read }.into());
                });
            }
        })
    };
    let onqr = {
        let qr_open = qr_open.clone();
        Callback::from(move |_: MouseEvent| qr_open.set(true))
    };
    let onqrclose = {
        let (qr_open, qr_button) = (qr_open.clone(), qr_button.clone());
        Callback::from(move |()| {
            qr_open.set(false);
            // Focus returns to the button that opened the dialog.
            if let Some(button) = qr_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        })
    };

    html! {
        <section class="share-bar" data-testid="share-bar" aria-labelledby="share-heading">
            <h2 id="share-heading" class="visually-hidden">{ AppText::ShareAndKeep.get(lang) }</h2>
            <div class="share-actions">
                if props.link.is_some() {
                    <button type="button" class="text-button" data-testid="copy-link" onclick={oncopy}>{ AppText::CopyLink.get(lang) }</button>
                    <button type="button" class="text-button" data-testid="show-qr" ref={qr_button.clone()} onclick={onqr}>{ AppText::ShowQr.get(lang) }</button>
                }
                <button type="button" class="text-button" data-testid="save-scenario" onclick={onsave}>{ AppText::SaveScenario.get(lang) }</button>
                <span class="file-button">
                    <input type="file" id="open-scenario-file" class="file-input" accept=".json,application/json"
                        data-testid="open-file" onchange={onopen} />
                    <label for="open-scenario-file" class="text-button">{ AppText::OpenScenario.get(lang) }</label>
                </span>
                <button type="button" class="text-button" data-testid="reset-preset"
                    onclick={props.onaction.reform(|_| Load::PresetReset.into())}>{ AppText::ResetPreset.get(lang) }</button>
                <button type="button" class="text-button" data-testid="print-report-button"
                    onclick={Callback::from(|_: MouseEvent| print_when_ready())}>{ AppText::PrintReport.get(lang) }</button>
            </div>
            if let Some(link) = props.link.clone() {
                <div class="field field-text share-link">
                    <label for="share-link">{ AppText::LinkField.get(lang) }</label>
                    <input type="text" id="share-link" readonly=true value={link} ref={link_ref}
                        data-testid="share-link" spellcheck="false"
                        onfocus={Callback::from(|e: FocusEvent| e.target_unchecked_into::<HtmlInputElement>().select())} />
                </div>
            }
            <div class="share-status" role="status" aria-live="polite">
                if *copied == Copied::Yes {
                    <p class="share-ok" data-testid="link-copied">{ AppText::LinkCopied.get(lang) }</p>
                }
                if *copied == Copied::Fallback {
                    <p class="share-fallback" data-testid="link-copy-fallback">{ AppText::LinkCopyFallback.get(lang) }</p>
                }
                if *save_failed {
                    <p class="share-fallback" data-testid="save-failed">{ AppText::SaveFailed.get(lang) }</p>
                }
            </div>
            if let Some(name) = props.displaced.clone() {
                <div class="displaced" data-testid="displaced-autosave">
                    <p>{ displaced_text(&name, lang) }</p>
                    <button type="button" class="text-button" data-testid="restore-autosave"
                        onclick={props.onaction.reform(|_| Load::DisplacedRestored.into())}>{ AppText::DisplacedOpen.get(lang) }</button>
                    <button type="button" class="text-button" data-testid="discard-autosave"
                        onclick={props.onaction.reform(|_| Kept::DisplacedDiscarded.into())}>{ AppText::DisplacedDiscard.get(lang) }</button>
                </div>
            }
            if props.has_errors {
                <p class="hint" data-testid="save-last-valid">{ AppText::SaveLastValid.get(lang) }</p>
            }
            if props.autosave == Autosave::On {
                <p class="hint" data-testid="autosave-hint">{ AppText::Autosaved.get(lang) }</p>
            }
            if props.autosave == Autosave::Failed {
                <p class="hint not-saved" data-testid="autosave-failed">{ AppText::NotAutosaved.get(lang) }</p>
            }
            if *qr_open {
                if let Some(link) = props.link.clone() {
                    <QrDialog {link} onclose={onqrclose} />
                }
            }
        </section>
    }
}

/// Prints the page once the module that writes the report and the tables
/// is loaded (printed without them if it cannot be).
fn print_when_ready() {
    wasm_bindgen_futures::spawn_local(async {
        crate::ui::browser::analysis::load().await;
        let _ = gloo::utils::window().print();
    });
}
