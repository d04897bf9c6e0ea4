//! The preset picker: each prepared scenario's title, story and sources,
//! marked as illustrative. Without presets it says that a built-in example is shown.
//! The story and the sources are written by the on-demand module
//! (`report::preset`, loaded as soon as the picker is near the screen): long
//! texts that the first results do not need.

use yew::prelude::*;

use crate::ui::browser::analysis;
use crate::ui::state::{Action, Load};
use crate::ui::view::components::print_report::use_on_demand;
use crate::ui::view::markup::raw_html;
use crate::ui::view::Prefs;
use crate::words::app::AppText;

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
    let section = use_node_ref();
    let loaded = use_on_demand(false, section.clone()) == Some(true);
    let about = use_memo((props.current.clone(), lang, loaded), |(id, lang, loaded)| {
        if *loaded {
            id.as_deref().and_then(|id| analysis::preset_about(id, *lang))
        } else {
            None
        }
    });
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
        <section class="presets" data-testid="presets" aria-labelledby="preset-label" ref={section}>
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
            if current.is_some() {
                <div class="preset-about">
                    <p id="preset-story" class={classes!("preset-story", (!*expanded).then_some("clamped"))} data-testid="preset-story">
                        <span class="badge">{ AppText::Illustrative.get(lang) }</span>{ " " }{ about.as_ref().as_ref().map(|(story, _)| story.clone()).unwrap_or_default() }
                    </p>
                    <div class="preset-actions">
                    <button type="button" class="text-button more-button" aria-expanded={expanded.to_string()} aria-controls="preset-story"
                        onclick={{ let expanded = expanded.clone(); move |_| expanded.set(!*expanded) }}>
                        { if *expanded { AppText::ShowLess.get(lang) } else { AppText::ShowMore.get(lang) } }
                    </button>
                    { about.as_ref().as_ref().map(|(_, sources)| raw_html(sources.clone())).unwrap_or_default() }
                    </div>
                </div>
            }
        </section>
    }
}
