//! The top bar: the app's title and question, the language switch and the unit switch.

use yew::prelude::*;

use crate::ui::state::{Action, Preference};
use crate::ui::view::markup::Markup;
use crate::ui::view::Prefs;
use crate::words::app::AppText;
use crate::words::format::Unit;
use crate::words::Lang;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub onaction: Callback<Action>,
}

#[component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let lang = prefs.lang;
    let other = match lang {
        Lang::Sv => Lang::En,
        Lang::En => Lang::Sv,
    };
    html! {
        <header class="app-header">
            { titles(lang) }
            <div class="switches">
                <fieldset class="segmented" data-testid="unit-switch">
                    <legend class="visually-hidden">{ AppText::UnitSwitch.get(lang) }</legend>
                    { for Unit::ALL.into_iter().map(|unit| {
                        let id = format!("unit-{}", unit.key());
                        html! {
                            <>
                                <input type="radio" name="fundsim-unit" id={id.clone()} checked={prefs.unit == unit}
                                    data-testid={id.clone()} onchange={props.onaction.reform(move |_| Preference::UnitChosen(unit).into())} />
                                <label for={id}>{ unit.label(&prefs.currency, lang) }</label>
                            </>
                        }
                    }) }
                </fieldset>
                <button type="button" class="lang-switch" lang={other.tag()} data-testid="lang-switch"
                    onclick={props.onaction.reform(|_| Preference::LanguageSwitched.into())}>
                    { AppText::OtherLanguage.get(lang) }
                </button>
            </div>
        </header>
    }
}

/// The app's title and question (only read: written as markup text).
fn titles(lang: Lang) -> Html {
    let mut m = Markup::default();
    m.open("div").attr("class", "titles").end();
    m.open("h1").end().text(AppText::AppTitle.get(lang)).shut("h1");
    m.open("p").attr("class", "question").end().text(AppText::AppQuestion.get(lang)).shut("p");
    m.shut("div");
    m.into_html()
}
