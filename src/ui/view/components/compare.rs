//! Plan A against plan B: the "Compare with…" control (the scenario as it is
//! now, a preset, a file) and, while comparing, the comparison: the names of
//! A and B, swap and leave, and the tables of the key figures and of who
//! pays, who gains per actor with their differences, written by the
//! on-demand module ([`crate::report::compare_tables`]), loaded once a
//! comparison is shown: none of it is in the first download.

use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};

use yew::prelude::*;

use crate::model::Scenario;
use crate::ui::browser;
use crate::ui::state::file::MAX_SCENARIO_BYTES;
use crate::ui::state::{Action, Baseline, Compare};
use crate::ui::view::markup::{raw_html, Markup};
use crate::words::app::CompareText;
use crate::words::Lang;

/// The comparison's section: the control, and while comparing the
/// comparison (`tables`: the on-demand module's markup, its heading, the
/// names of A and B and their tables; `None` until it is loaded), swap and leave. A plain function, not a component,
/// and markup text with its events read where they bubble to: the first
/// download has almost no room.
pub fn section(
    a: &Rc<Scenario>,
    baseline: Option<&Baseline>,
    tables: Option<String>,
    has_errors: bool,
    lang: Lang,
    onaction: &Callback<Action>,
) -> Html {
    let onchange = {
        let onaction = onaction.clone();
        Callback::from(move |e: Event| {
            let Some(target) = e.target_dyn_into::<web_sys::Element>() else { return };
            if let Some(select) = target.dyn_ref::<HtmlSelectElement>() {
                let value = select.value();
                // Back to the prompt: the control chooses, it does not show a state.
                select.set_value("");
                match value.as_str() {
                    "" => {}
                    "now" => onaction.emit(Compare::CurrentPinned.into()),
                    id => onaction.emit(Compare::PresetPinned(id.to_string()).into()),
                }
            } else if let Some(input) = target.dyn_ref::<HtmlInputElement>() {
                let file = input.files().and_then(|files| files.get(0));
                input.set_value("");
                if let Some(file) = file {
                    let (name, onaction) = (file.name(), onaction.clone());
                    browser::read_file(file, MAX_SCENARIO_BYTES, move |read| {
                        onaction.emit(Compare::FilePinned { name, read }.into());
                    });
                }
            }
        })
    };
    let onclick = {
        let onaction = onaction.clone();
        let both = baseline.map(|b| (a.clone(), b.scenario.clone()));
        Callback::from(move |e: MouseEvent| {
            let what = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| t.closest("[data-compare]").ok().flatten())
                .and_then(|b| b.get_attribute("data-compare"));
            let action = match (what.as_deref(), &both) {
                (Some("swap"), _) => Compare::Swapped,
                (Some("leave"), _) => Compare::Left,
                // Both scenarios in one file, each table saying which it is.
                (Some(kind @ ("csv" | "xlsx")), Some((a, b))) => {
                    let (kind, a, b) = (kind.to_string(), a.clone(), b.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        let name = crate::ui::state::keep::file_name(&format!("{} – {}", a.name, b.name));
                        let name = format!("{}.{kind}", name.trim_end_matches(".json"));
                        if let Some(blob) =
                            browser::analysis::compare_file(&kind, &a.to_json(), &b.to_json(), lang).await
                        {
                            browser::download_blob(&name, &blob);
                        }
                    });
                    return;
                }
                _ => return,
            };
            onaction.emit(action.into());
        })
    };
    let busy = (baseline.is_some() && tables.is_none()).then_some("true");
    let tables = tables.map(raw_html).unwrap_or_default();
    let controls = raw_html(controls(lang, baseline.is_some(), has_errors));
    // The tables (with their heading and the names of A and B) and the
    // controls are nodes of their own: a new outcome redraws the tables, and
    // the focus stays on the button that was pressed.
    html! {
        <section class={classes!("compare", baseline.is_some().then_some("comparing"))}
            aria-label={CompareText::CompareWith.get(lang)} data-testid={baseline.map(|_| "comparison")} {onchange} {onclick}>
            <div class="compare-tables" aria-busy={busy} tabindex={baseline.map(|_| "0")} role={baseline.map(|_| "region")}
                aria-labelledby={baseline.map(|_| "compare-heading")}>{ tables }</div>{ controls }
        </section>
    }
}

/// The "Compare with…" control (the scenario as it is now, a preset, a
/// file), and while comparing, swap (not while A breaks a rule) and leave.
/// One template: the app's own words (no user text but the presets'
/// titles, escaped), written compactly for the first download.
fn controls(lang: Lang, comparing: bool, has_errors: bool) -> String {
    let mut options = Markup::default();
    for p in crate::presets::all() {
        options.open("option").attr("value", p.id).end().text(lang.pick(p.title.sv, p.title.en)).shut("option");
    }
    let word = |w: CompareText| w.get(lang);
    let actions = match comparing {
        true => format!(
            r#"<div class="compare-actions"><button type="button" class="text-button" data-compare="swap" data-testid="compare-swap"{}>{}</button><button type="button" class="text-button" data-compare="leave" data-testid="compare-leave">{}</button><button type="button" class="text-button" data-compare="csv" data-testid="compare-csv">{}</button><button type="button" class="text-button" data-compare="xlsx" data-testid="compare-xlsx">{}</button></div>"#,
            if has_errors { " disabled" } else { "" },
            word(CompareText::Swap),
            word(CompareText::Leave),
            word(CompareText::DownloadCsv),
            word(CompareText::DownloadExcel)
        ),
        false => String::new(),
    };
    format!(
        r#"{actions}<div class="compare-control" data-testid="compare-control"><label for="compare-with">{}</label><select id="compare-with" data-testid="compare-with"><option value="">—</option><option value="now">{}</option><optgroup label="{}">{}</optgroup></select><span class="file-button"><input type="file" id="compare-file" class="file-input" accept=".json,application/json" data-testid="compare-file"/><label for="compare-file" class="text-button">{}</label></span></div>"#,
        word(CompareText::CompareWith),
        word(CompareText::PinCurrent),
        word(CompareText::PinPreset),
        options.as_str(),
        word(CompareText::PinFile)
    )
}
