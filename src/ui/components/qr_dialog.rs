//! The QR code of the page's link, big enough to scan from the back of a
//! hall: a dialog that fills most of the screen, black on white, with the
//! link written below. Escape or "Close" closes it.

use yew::prelude::*;

use crate::ui::text::T;
use crate::ui::Prefs;

#[derive(Properties, PartialEq)]
pub struct QrDialogProps {
    /// The full link the code opens.
    pub link: AttrValue,
    pub onclose: Callback<()>,
}

#[component(QrDialog)]
pub fn qr_dialog(props: &QrDialogProps) -> Html {
    let lang = use_context::<Prefs>().unwrap_or_default().lang;
    // Named by the dialog's heading.
    let svg = use_memo(props.link.clone(), |link| {
        crate::share::qr::svg(link)
            .map(|svg| svg.replacen("role=\"img\"", "role=\"img\" aria-labelledby=\"qr-title\"", 1))
    });
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
                    <h2 id="qr-title">{ T::QrTitle.get(lang) }</h2>
                    <button type="button" class="text-button" ref={close_ref} data-testid="qr-close"
                        onclick={props.onclose.reform(|_| ())}>{ T::CloseDialog.get(lang) }</button>
                </div>
                if let Some(svg) = (*svg).clone() {
                    // Our own SVG, drawn from the link: no user text inside.
                    <div class="qr-code" data-testid="qr-code">
                        { Html::from_html_unchecked(AttrValue::from(svg)) }
                    </div>
                } else {
                    <p class="qr-too-long" data-testid="qr-too-long">{ T::QrTooLong.get(lang) }</p>
                }
                <p class="qr-link" data-testid="qr-link" tabindex="0">{ props.link.clone() }</p>
            </div>
        </div>
    }
}

/// Whether `node` has the focus.
fn is_active(node: &web_sys::Node) -> bool {
    gloo::utils::document().active_element().is_some_and(|a| a.is_same_node(Some(node)))
}
