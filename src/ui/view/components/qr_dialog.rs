//! The QR code of the page's link, big enough to scan from the back of a
//! hall: a dialog that fills most of the screen, black on white, with the
//! link written below. Escape or "Close" closes it. The code itself is made
//! by the on-demand module ([`use_qr_code`]), so that the QR encoder is not
//! part of the first download.

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use crate::ui::browser;
use crate::ui::view::Prefs;
use crate::words::app::AppText;

/// A link's QR code as it is being made.
#[derive(Clone, PartialEq)]
pub enum QrCode {
    /// The on-demand module is loading or making it.
    Making,
    /// The code as an SVG document.
    Ready(AttrValue),
    /// No code: no link, or a link too long for a QR code.
    TooLong,
    /// The on-demand module could not be loaded (offline, a missing file).
    Failed,
}

/// The QR code of `link`, made by the on-demand module (loaded on the first
/// code); made again when the link changes, and an answer for an older link
/// is dropped.
#[hook]
pub fn use_qr_code(link: Option<AttrValue>) -> QrCode {
    let code = use_state(|| QrCode::Making);
    {
        let code = code.clone();
        use_effect_with(link, move |link| {
            let current = Rc::new(Cell::new(true));
            match link.clone() {
                None => code.set(QrCode::TooLong),
                Some(link) => {
                    code.set(QrCode::Making);
                    let current = current.clone();
                    wasm_bindgen_futures::spawn_local(async move {
                        let made = match browser::qr_svg(&link).await {
                            Ok(Some(svg)) => QrCode::Ready(AttrValue::from(svg)),
                            Ok(None) => QrCode::TooLong,
                            Err(()) => QrCode::Failed,
                        };
                        if current.get() {
                            code.set(made);
                        }
                    });
                }
            }
            move || current.set(false)
        });
    }
    (*code).clone()
}

#[derive(Properties, PartialEq)]
pub struct QrDialogProps {
    /// The full link the code opens.
    pub link: AttrValue,
    pub onclose: Callback<()>,
}

#[component(QrDialog)]
pub fn qr_dialog(props: &QrDialogProps) -> Html {
    let lang = use_context::<Prefs>().unwrap_or_default().lang;
    let code = use_qr_code(Some(props.link.clone()));
    let close_ref = use_node_ref();
    {
        // Focus moves into the dialog when it opens.
        let close_ref = close_ref.clone();
        use_effect_with((), move |_| {
            if let Some(button) = close_ref.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        });
    }
    let onkeydown = {
        let onclose = props.onclose.clone();
        let close_ref = close_ref.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Escape" => {
                e.prevent_default();
                onclose.emit(());
            }
            // Focus stays in the dialog: Tab from the link text (its last stop) returns to the close button.
            "Tab" if !e.shift_key() && !close_ref.get().is_some_and(|b| is_active(&b)) => {
                e.prevent_default();
                if let Some(button) = close_ref.cast::<web_sys::HtmlElement>() {
                    let _ = button.focus();
                }
            }
            "Tab" if e.shift_key() && close_ref.get().is_some_and(|b| is_active(&b)) => e.prevent_default(),
            _ => {}
        })
    };
    html! {
        <div class="qr-overlay" role="dialog" aria-modal="true" aria-labelledby="qr-title" data-testid="qr-dialog" {onkeydown}>
            <div class="qr-sheet">
                <div class="qr-head">
                    <h2 id="qr-title">{ AppText::QrTitle.get(lang) }</h2>
                    <button type="button" class="text-button" ref={close_ref} data-testid="qr-close"
                        onclick={props.onclose.reform(|_| ())}>{ AppText::CloseDialog.get(lang) }</button>
                </div>
                { match code {
                    // Our own SVG, drawn from the link: no user text inside;
                    // named by the dialog's heading.
                    QrCode::Ready(svg) => html! {
                        <div class="qr-code" data-testid="qr-code">
                            { Html::from_html_unchecked(AttrValue::from(
                                svg.replacen("role=\"img\"", "role=\"img\" aria-labelledby=\"qr-title\"", 1))) }
                        </div>
                    },
                    QrCode::Making => html! { <p class="qr-making" data-testid="qr-making" role="status">{ AppText::QrMaking.get(lang) }</p> },
                    QrCode::TooLong => html! { <p class="qr-too-long" data-testid="qr-too-long">{ AppText::QrTooLong.get(lang) }</p> },
                    QrCode::Failed => html! { <p class="qr-too-long" data-testid="qr-failed" role="alert">{ AppText::QrFailed.get(lang) }</p> },
                } }
                <p class="qr-link" data-testid="qr-link" tabindex="0">{ props.link.clone() }</p>
            </div>
        </div>
    }
}

/// Whether `node` has the focus.
fn is_active(node: &web_sys::Node) -> bool {
    gloo::utils::document().active_element().is_some_and(|a| a.is_same_node(Some(node)))
}
