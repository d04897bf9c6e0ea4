//! The root component: owns the [`AppState`] reducer, shares the reader's
//! preferences through a context, and lays out the page results-first.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::Scenario;
use crate::ui::components::charts_panel::ChartsPanel;
use crate::ui::components::error_summary::ErrorSummary;
use crate::ui::components::header::Header;
use crate::ui::components::key_figures::KeyFigures;
use crate::ui::components::notice_banner::NoticeBanner;
use crate::ui::components::preset_picker::PresetPicker;
use crate::ui::components::scenario_json::ScenarioJson;
use crate::ui::components::year_tables::YearTables;
use crate::ui::editor::actors::ActorsEditor;
use crate::ui::editor::fund::FundEditor;
use crate::ui::editor::general::GeneralEditor;
use crate::ui::editor::interventions::InterventionsEditor;
use crate::ui::editor::repayment::RepaymentEditor;
use crate::ui::explain;
use crate::ui::i18n::Lang;
use crate::ui::state::{Action, AppState, Notice};
use crate::ui::text::T;
use crate::ui::Prefs;

/// What the app opens on.
#[derive(Debug, Clone, PartialEq, Default)]
pub enum Opening {
    /// The first preset (or the built-in example while there are none).
    #[default]
    FirstPreset,
    /// The preset with this id.
    Preset(String),
    /// This scenario; refused with a notice (opening on the first preset) when it breaks a rule.
    Scenario(Rc<Scenario>),
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub opening: Opening,
    #[prop_or_default]
    pub lang: Lang,
    /// Whether the app owns the whole page (index.html) and may set its title;
    /// false when embedded in someone else's page.
    #[prop_or_default]
    pub owns_page: bool,
}

/// The state the app starts in.
pub fn initial_state(opening: &Opening, lang: Lang) -> AppState {
    match opening {
        Opening::FirstPreset => AppState::opening(lang),
        Opening::Preset(id) => match crate::presets::by_id(id) {
            Some(p) => AppState::new(p.scenario, lang, Some(id.clone()))
                .unwrap_or_else(|e| AppState { notice: Some(Notice::ScenarioRefused(e)), ..AppState::opening(lang) }),
            None => AppState { notice: Some(Notice::UnknownPreset(id.clone())), ..AppState::opening(lang) },
        },
        Opening::Scenario(s) => AppState::new((**s).clone(), lang, None)
            .unwrap_or_else(|e| AppState { notice: Some(Notice::ScenarioRefused(e)), ..AppState::opening(lang) }),
    }
}

#[component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = {
        let opening = props.opening.clone();
        let lang = props.lang;
        use_reducer(move || initial_state(&opening, lang))
    };
    let onaction = {
        let dispatcher = state.dispatcher();
        Callback::from(move |action: Action| dispatcher.dispatch(action))
    };
    let lang = state.lang;
    {
        let owns_page = props.owns_page;
        use_effect_with(lang, move |lang| {
            if owns_page {
                gloo::utils::document().set_title(T::PageTitle.get(*lang));
            }
        });
    }
    let prefs = Prefs { lang, unit: state.unit, currency: state.valid_scenario.currency.clone().into() };
    let scenario = Rc::new(state.scenario.clone());
    let errors = Rc::new(state.errors.clone());
    let valid = state.valid_scenario.clone();
    let outcome = state.outcome.clone();
    let json = AttrValue::from(state.scenario.to_json());
    let generation = state.generation;
    // A preset's scenario, unrenamed, is titled in the reader's language; any other by its own name.
    let title = state
        .preset_id
        .as_deref()
        .and_then(crate::presets::by_id)
        .filter(|p| p.scenario.name == valid.name)
        .map(|p| lang.pick(p.title.sv, p.title.en).to_string())
        .unwrap_or_else(|| valid.name.clone());

    html! {
        <ContextProvider<Prefs> context={prefs}>
            <div class="fundsim" lang={lang.tag()} data-testid="fundsim">
                <a class="skip-link" href="#fundsim-editor">{ T::SkipToEditor.get(lang) }</a>
                <Header onaction={onaction.clone()} />
                <PresetPicker current={state.preset_id.clone().map(AttrValue::from)} onaction={onaction.clone()} />
                <NoticeBanner notice={state.notice.clone()} onaction={onaction.clone()} />
                <div class="layout">
                    <main class="results" aria-labelledby="results-heading">
                        <h2 id="results-heading" class="scenario-title" data-testid="scenario-title">{ title }</h2>
                        <ErrorSummary scenario={scenario.clone()} errors={errors.clone()} />
                        <KeyFigures scenario={valid.clone()} outcome={outcome.clone()} uncertainty={state.uncertainty.clone()} />
                        <a class="text-button to-editor" href="#fundsim-editor" data-testid="to-editor">{ T::ToEditor.get(lang) }</a>
                        <ChartsPanel scenario={valid.clone()} outcome={outcome.clone()} />
                    </main>
                    <aside class="editor" id="fundsim-editor" tabindex="-1" aria-labelledby="editor-heading" key={generation}>
                        <h2 id="editor-heading">{ T::Assumptions.get(lang) }</h2>
                        <FundEditor scenario={scenario.clone()} errors={errors.clone()} onaction={onaction.clone()} />
                        <section class="editor-section" aria-labelledby="ed-repayment">
                            <h3 id="ed-repayment">{ T::SectionRepayment.get(lang) }</h3>
                            <RepaymentEditor path="repayment_default" label={T::DefaultRule.get(lang)}
                                rule={state.scenario.repayment_default.clone()} errors={errors.clone()}
                                sentence={explain::default_rule(state.scenario.repayment_default.as_ref(), lang)}
                                onchange={onaction.reform(Action::DefaultRepaymentChanged)} />
                        </section>
                        <InterventionsEditor scenario={scenario.clone()} outcome={outcome.clone()} errors={errors.clone()} onaction={onaction.clone()} />
                        <ActorsEditor scenario={scenario.clone()} errors={errors.clone()} onaction={onaction.clone()} />
                        <GeneralEditor scenario={scenario.clone()} errors={errors.clone()} onaction={onaction.clone()} />
                    </aside>
                    <div class="details">
                        <YearTables scenario={valid.clone()} outcome={outcome.clone()} />
                        <ScenarioJson json={json} onaction={onaction.clone()} />
                        <p class="privacy">{ T::Privacy.get(lang) }</p>
                    </div>
                </div>
            </div>
        </ContextProvider<Prefs>>
    }
}
