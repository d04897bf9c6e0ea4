//! The preset picker: each prepared scenario's title, story and sources,
//! marked as illustrative. Without presets it says that a built-in example is shown.

use yew::prelude::*;

use crate::ui::state::{Action, Load};
use crate::ui::view::markup::Markup;
use crate::ui::view::Prefs;
use crate::words::app::AppText;
use crate::words::Lang;

#[derive(Properties, PartialEq)]
pub struct PresetPickerProps {
    /// The preset the scenario came from (none after loading a pasted scenario).
    pub current: Option<AttrValue>,
    pub onaction: Callback<Action>,
}

#[component(PresetPicker)]
pub fn preset_picker(props: &PresetPickerProps) -> Html {
    let lang = use_context::<Prefs>().unwrap_or_default().lang;
    let presets = use_memo((), |_| crate::presets::all());
    // The story is cut to a few lines until the reader asks for all of it.
    let expanded = use_state(|| false);
    // The `selected` attribute does not move a selection the user has made: the
    // select's value is set whenever the current preset changes (back and forward, a link, a file).
    let select_ref = use_node_ref();
    {
        let select_ref = select_ref.clone();
        use_effect_with(props.current.clone(), move |current| {
            if let Some(select) = select_ref.cast::<web_sys::HtmlSelectElement>() {
                select.set_value(current.as_deref().unwrap_or(""));
            }
        });
    }
    if presets.is_empty() {
        return html! {
            <section class="presets" data-testid="presets">
                <p class="preset-story" data-testid="preset-story">
                    <span class="badge">{ AppText::Illustrative.get(lang) }</span>{ " " }{ AppText::BuiltInExample.get(lang) }
                </p>
            </section>
        };
    }
    let current = props.current.as_deref().and_then(|id| presets.iter().find(|p| p.id == id));
    let onchange = props
        .onaction
        .reform(|e: Event| Load::PresetLoaded(e.target_unchecked_into::<web_sys::HtmlSelectElement>().value()).into());
    html! {
        <section class="presets" data-testid="presets" aria-labelledby="preset-label">
            <div class="field field-select">
                <label id="preset-label" for="preset-select">{ AppText::ChoosePreset.get(lang) }</label>
                <select id="preset-select" data-testid="preset-select" ref={select_ref} {onchange}>
                    if current.is_none() {
                        <option value="" selected=true disabled=true>{ AppText::OwnScenario.get(lang) }</option>
                    }
                    { for presets.iter().map(|p| html! {
                        <option value={p.id} selected={current.is_some_and(|c| c.id == p.id)}>{ lang.pick(p.title.sv, p.title.en) }</option>
                    }) }
                </select>
            </div>
            if let Some(p) = current {
                <div class="preset-about">
                    <p id="preset-story" class={classes!("preset-story", (!*expanded).then_some("clamped"))} data-testid="preset-story">
                        <span class="badge">{ AppText::Illustrative.get(lang) }</span>{ " " }{ lang.pick(p.story.sv, p.story.en) }
                    </p>
                    <div class="preset-actions">
                    <button type="button" class="text-button more-button" aria-expanded={expanded.to_string()} aria-controls="preset-story"
                        onclick={{ let expanded = expanded.clone(); move |_| expanded.set(!*expanded) }}>
                        { if *expanded { AppText::ShowLess.get(lang) } else { AppText::ShowMore.get(lang) } }
                    </button>
                    if !p.sources.is_empty() {
                        { sources(p.sources, lang) }
                    }
                    </div>
                </div>
            }
        </section>
    }
}

/// The preset's sources, folded (only read: written as markup text).
fn sources(sources: &[&str], lang: Lang) -> Html {
    let mut m = Markup::default();
    m.open("details").attr("class", "sources").attr("data-testid", "preset-sources").end();
    m.open("summary").end().text(AppText::Sources.get(lang)).shut("summary").open("ul").end();
    for source in sources {
        m.open("li").end();
        // Only the presets' own sources have an address (crate::presets::source_link): a new tab, no referrer.
        match crate::presets::source_link(source) {
            Some(url) => {
                m.open("a").attr("href", url).attr("target", "_blank").attr("rel", "noopener noreferrer").end();
                m.text(source).shut("a");
            }
            None => {
                m.text(source);
            }
        }
        m.shut("li");
    }
    m.shut("ul").shut("details");
    m.into_html()
}
