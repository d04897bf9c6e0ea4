//! The root component: owns the [`AppState`] reducer, shares the reader's
//! preferences through a context, and lays out the page results-first.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::Scenario;
use crate::ui::browser::{self, PageSync};
use crate::ui::state::keep;
use crate::ui::state::opening::{self, initial_state, Opening, Visit};
use crate::ui::state::view::View;
use crate::ui::state::{Action, AppState, Autosave, FundEdit, Kept, Load, Notice};
use crate::ui::view::components::charts_panel::ChartsPanel;
use crate::ui::view::components::error_summary::ErrorSummary;
use crate::ui::view::components::explain::Explainable;
use crate::ui::view::components::header::Header;
use crate::ui::view::components::key_figures::KeyFigures;
use crate::ui::view::components::notice_banner::NoticeBanner;
use crate::ui::view::components::preset_picker::PresetPicker;
use crate::ui::view::components::print_report::use_on_demand;
use crate::ui::view::components::scenario_json::ScenarioJson;
use crate::ui::view::components::share_bar::ShareBar;
use crate::ui::view::components::tour::Tour;
use crate::ui::view::components::year_tables::YearTables;
use crate::ui::view::editor::actors::ActorsEditor;
use crate::ui::view::editor::fund::FundEditor;
use crate::ui::view::editor::general::GeneralEditor;
use crate::ui::view::editor::interventions::InterventionsEditor;
use crate::ui::view::editor::repayment::RepaymentEditor;
use crate::ui::view::paint::{use_after_paint, use_painted, FOLLOW_WAIT_MS};
use crate::ui::view::Prefs;
use crate::words::app::AppText;
use crate::words::rules as explain;
use crate::words::Lang;

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    #[prop_or_default]
    pub opening: Opening,
    #[prop_or_default]
    pub lang: Lang,
    /// Whether the app owns the whole page (index.html) and may set its title,
    /// read and write its address (the scenario's link) and autosave to its
    /// local storage; false when embedded in someone else's page.
    #[prop_or_default]
    pub owns_page: bool,
    /// How much of the app to show.
    #[prop_or_default]
    pub view: View,
    /// The deflated scenario of the address's link (`v=1&s=`), inflated by
    /// the browser before the app was mounted
    /// (`browser::inflate_fragment`, asynchronous; see `lib.rs`). `None`
    /// when the link carries none (or it is damaged).
    #[prop_or_default]
    pub inflated_link: Option<Rc<Vec<u8>>>,
}

#[component(App)]
pub fn app(props: &AppProps) -> Html {
    let owns_page = props.owns_page;
    // Keeps the address and the autosave in step (only when the app owns the page).
    let sync = use_memo((), |_| PageSync::default());
    let state = {
        let opening = props.opening.clone();
        let lang = props.lang;
        let sync = sync.clone();
        let inflated = props.inflated_link.clone();
        use_reducer(move || match owns_page {
            true => open_page(&opening, lang, inflated.as_deref().map(Vec::as_slice), &sync),
            false => initial_state(&opening, lang),
        })
    };
    // One callback for the app's life: a new one on every render would make
    // every component's props differ, and redraw the whole page on each edit.
    let onaction = {
        let dispatcher = state.dispatcher();
        let failed = state.autosave == Autosave::Failed;
        let sync = sync.clone();
        (*use_memo((), move |_| {
            // The autosave's failures (and its recovery) are told to the reducer, which shows them.
            let told = dispatcher.clone();
            sync.on_saved(failed, move |ok| told.dispatch(Kept::Saved(ok).into()));
            Callback::from(move |action: Action| {
                // The scenario offered back, opened or discarded: its kept copy goes.
                match &action {
                    Action::Load(Load::DisplacedRestored) => sync.offer_taken(true),
                    Action::Kept(Kept::DisplacedDiscarded) => sync.offer_taken(false),
                    _ => {}
                }
                dispatcher.dispatch(action)
            })
        }))
        .clone()
    };
    // The view shown: the one the app was opened with, until the speaker
    // enters or leaves presentation mode.
    let view = use_state_eq(|| props.view);
    // The decision figures and the Monte Carlo run, off the main thread.
    // This app's number on the page: its analysis and decision charts are its own.
    let app = *use_state(browser::analysis::new_app);
    let analysis = crate::ui::view::analysis::use_analysis(app, state.valid_scenario.clone());
    // The print-only report (every assumption) follows the scenario once an
    // edit has rested: it is never seen while typing, and redrawing it on
    // every keystroke would double the work of a large scenario.
    let report = use_rested((state.valid_scenario.clone(), state.outcome.clone()), REPORT_DELAY_MS);
    let lang = state.lang;
    // The decision charts (issue 12), below the key figures' sentences.
    let decision_charts = crate::ui::view::components::decision_charts::use_decision_charts(
        app,
        &report.0,
        analysis.sensitivity_json.is_some(),
        lang,
        state.unit,
    );
    // The editor, the year tables and the charts below the fund chart are
    // drawn once the first results have been painted: they are below them
    // (on a phone, far below), and a large scenario's first results come
    // sooner without them.
    let painted = use_painted();
    // The year tables follow an edit one frame after the results: an edit's
    // first frame carries only the charts and figures a reader is watching.
    let tables = use_after_paint(state.valid_scenario.clone(), state.outcome.clone());
    // The page's link for the last valid scenario (a preset by its id when
    // unchanged) and the view; `None` while the browser deflates a new one.
    let fragment = use_page_fragment(
        owns_page,
        state.valid_scenario.clone(),
        state.preset_id.clone(),
        lang,
        *view,
        state.comparison.clone(),
    );
    // Plan A against plan B: its tables from the on-demand module, loaded once comparing.
    let compare_ready = use_on_demand(state.comparison.is_some(), NodeRef::default()) == Some(true);
    let compare_section = {
        let b = state.comparison.as_deref();
        let tables = b.filter(|_| compare_ready).and_then(|b| {
            let (a, b_json) = (state.valid_scenario.to_json(), b.scenario.to_json());
            browser::analysis::compare_tables(&a, &b_json, &b.origin.key(), lang, state.unit)
        });
        crate::ui::view::components::compare::section(
            &state.valid_scenario,
            b,
            tables,
            !state.errors.is_empty(),
            lang,
            &onaction,
        )
    };
    // The history entry and the scenario last autosaved (or opened).
    let autosaved = use_mut_ref(|| None::<(u32, Rc<Scenario>)>);
    {
        // The autosave follows the scenario itself, not its link, which the
        // browser deflates asynchronously: an edit made just before leaving
        // the page is pending at once and written on `pagehide`.
        let sync = sync.clone();
        let seen = autosaved.clone();
        use_effect_with((state.valid_scenario.clone(), state.entry), move |(scenario, entry)| {
            if owns_page {
                let previous = seen.borrow_mut().replace((*entry, scenario.clone()));
                match previous {
                    // Opening: nothing new to autosave.
                    None => {}
                    // A whole new scenario is kept at once.
                    Some((previous, _)) if previous != *entry => {
                        sync.save_now(&scenario.to_json(), false);
                    }
                    // Edits after a pause (and only when the scenario changed);
                    // its JSON is written then.
                    Some((_, saved)) if saved != *scenario => sync.later(None, Some(scenario.clone())),
                    Some(_) => {}
                }
            }
        });
    }
    {
        // The address: edits are written after a pause, in place; a new
        // scenario gets its own history entry.
        let sync = sync.clone();
        // The history entry the address was last written for.
        let seen = use_mut_ref(|| None::<u32>);
        use_effect_with((fragment.current.clone(), state.entry), move |(fragment, entry)| {
            // Written once the link of what is shown is ready.
            if let (true, Some(fragment)) = (owns_page, fragment) {
                match seen.borrow_mut().replace(*entry) {
                    // Opening: the address names what is shown.
                    None => sync.replace_now((**fragment).clone()),
                    Some(previous) if previous != *entry => sync.push((**fragment).clone()),
                    Some(_) => sync.later(Some((**fragment).clone()), None),
                }
            }
        });
    }
    {
        // Back and forward (and a link typed into the address) open that link's scenario.
        let sync = sync.clone();
        let dispatcher = state.dispatcher();
        // The reducer's state as it is now (a handle reads the latest state, drawn or not).
        let now = state.clone();
        let set_view = view.setter();
        use_effect_with((), move |_| {
            let listeners = owns_page.then(|| {
                let window = gloo::utils::window();
                let follow = {
                    let sync = sync.clone();
                    move |_: &web_sys::Event| {
                        let fragment = browser::location_fragment();
                        let shown = sync.shown();
                        if fragment == shown {
                            return;
                        }
                        if keep::carries_link(&fragment) {
                            set_view.set(View::in_fragment(&fragment));
                            sync.followed(fragment.clone());
                            // The link's scenario is inflated by the browser, then opened.
                            let dispatcher = dispatcher.clone();
                            wasm_bindgen_futures::spawn_local(async move {
                                let inflated = browser::inflate_fragment(&fragment).await;
                                dispatcher.dispatch(Load::LinkFollowed { fragment, inflated }.into());
                            });
                        } else if !shown.is_empty() {
                            // An in-page anchor (#fundsim-editor): the browser has moved
                            // there; the address goes on naming the scenario.
                            sync.replace_now(shown);
                        }
                    }
                };
                // Leaving or hiding the page writes what is pending, at once:
                // a number typed but not yet taken is taken (the field is
                // left), and its edit is autosaved without the pause.
                // `beforeunload` comes first where `pagehide` is late or missing.
                let leaving = move |event: &web_sys::Event| {
                    let document = gloo::utils::document();
                    let hidden = match event.type_().as_str() {
                        "pagehide" | "beforeunload" => true,
                        "pageshow" => false,
                        _ => document.hidden(),
                    };
                    sync.leaving(hidden);
                    if hidden {
                        // The field's blur takes its value: the reducer has it at once; the
                        // page may be gone before it is drawn, so it is autosaved from here.
                        if let Some(field) = document.active_element() {
                            let _ = field.unchecked_into::<web_sys::HtmlElement>().blur();
                        }
                        let latest = (now.entry, now.valid_scenario.clone());
                        let mut seen = autosaved.borrow_mut();
                        if seen.as_ref().is_some_and(|(_, saved)| *saved != latest.1) {
                            sync.save_now(&latest.1.to_json(), true);
                            *seen = Some(latest);
                        }
                    }
                };
                let listen = |target: &web_sys::EventTarget, event| {
                    gloo::events::EventListener::new(target, event, leaving.clone())
                };
                [
                    gloo::events::EventListener::new(&window, "popstate", follow.clone()),
                    gloo::events::EventListener::new(&window, "hashchange", follow),
                    listen(&window, "pagehide"),
                    listen(&window, "beforeunload"),
                    listen(&window, "pageshow"),
                    listen(&gloo::utils::document(), "visibilitychange"),
                ]
            });
            move || drop(listeners)
        });
    }
    {
        use_effect_with(lang, move |lang| {
            if owns_page {
                gloo::utils::document().set_title(AppText::PageTitle.get(*lang));
            }
        });
    }
    let prefs = Prefs { lang, unit: state.unit, currency: state.valid_scenario.currency.clone().into(), app };
    let scenario = state.scenario.clone();
    let errors = Rc::new(state.errors.clone());
    let valid = state.valid_scenario.clone();
    let outcome = state.outcome.clone();
    let generation = state.generation;
    // A preset's scenario, unrenamed, is titled in the reader's language; any other by its own name.
    let title = state
        .preset_id
        .as_deref()
        .and_then(crate::presets::by_id)
        .filter(|p| p.scenario.name == valid.name)
        .map(|p| lang.pick(p.title.sv, p.title.en).to_string())
        .unwrap_or_else(|| valid.name.clone());

    let link = fragment.last.as_ref().map(|f| AttrValue::from(browser::page_link(f)));
    // "Save the scenario": the last valid scenario as a file; `false` when the browser refused.
    let save = {
        let valid = valid.clone();
        Callback::from(move |()| browser::download(&keep::file_name(&valid.name), "application/json", &valid.to_json()))
    };
    if *view == View::Present {
        let leave = {
            let view = view.clone();
            Callback::from(move |()| {
                if owns_page {
                    browser::exit_fullscreen();
                }
                view.set(View::Full);
            })
        };
        return html! {
            <ContextProvider<Prefs> context={prefs}>
                <div class={classes!("fundsim", View::Present.class())} lang={lang.tag()} data-testid="fundsim">
                    <crate::ui::view::components::presentation::Presentation scenario={scenario} valid={valid}
                        outcome={outcome} errors={errors} preset_id={state.preset_id.clone().map(AttrValue::from)}
                        title={AttrValue::from(title)} link={link} owns_page={owns_page} notice={state.notice.clone()}
                        generation={generation} onaction={onaction} onleave={leave}
                        analysis={(*analysis).clone()} />
                </div>
            </ContextProvider<Prefs>>
        };
    }
    let present = {
        let view = view.clone();
        Callback::from(move |_: MouseEvent| {
            // Full screen needs this click's user gesture; a refusal is ignored.
            if owns_page {
                browser::request_fullscreen();
            }
            view.set(View::Present);
        })
    };

    html! {
        <ContextProvider<Prefs> context={prefs}>
            <div class={classes!("fundsim", view.class())} lang={lang.tag()} data-testid="fundsim">
                <a class="skip-link" href="#fundsim-editor">{ AppText::SkipToEditor.get(lang) }</a>
                <Header onaction={onaction.clone()} />
                <PresetPicker current={state.preset_id.clone().map(AttrValue::from)} onaction={onaction.clone()} />
                <NoticeBanner notice={state.notice.clone()} onaction={onaction.clone()} onsave={save.clone()} />
                <div class="layout">
                    <main class="results" aria-labelledby="results-heading">
                        <div class="title-row">
                            <h2 id="results-heading" class="scenario-title" data-testid="scenario-title">{ title }</h2>
                            <button type="button" class="text-button present-button" data-testid="enter-present" onclick={present}>
                                <span class="present-icon" aria-hidden="true">{ "▶" }</span>{ crate::words::app::PresentText::Enter.get(lang) }
                            </button>
                        </div>
                        <crate::ui::view::components::print_report::PrintReport scenario={report.0.clone()} outcome={report.1.clone()} />
                        <ErrorSummary scenario={scenario.clone()} errors={errors.clone()} />
                        <KeyFigures scenario={valid.clone()} outcome={outcome.clone()} analysis={(*analysis).clone()} />
                        <ShareBar link={link} onsave={save}
                            has_errors={!state.errors.is_empty()} autosave={state.autosave}
                            displaced={state.displaced.as_ref().map(|s| AttrValue::from(s.name.clone()))} onaction={onaction.clone()} />
                        <a class="text-button to-editor" href="#fundsim-editor" data-testid="to-editor">{ AppText::ToEditor.get(lang) }</a>
                        <ChartsPanel scenario={valid.clone()} outcome={outcome.clone()} first_frame={!*painted} />
                        // What decides it and how sure it is, under the charts of who pays and when.
                        { decision_charts }
                        <crate::ui::view::components::contracts_panel::ContractsPanel scenario={valid.clone()} outcome={outcome.clone()} monte_carlo={analysis.monte_carlo_json.clone()} />
                        { compare_section }
                        <Tour scenario={valid.clone()} />
                    </main>
                    <aside class="editor" id="fundsim-editor" tabindex="-1" aria-labelledby="editor-heading" key={generation}>
                        <h2 id="editor-heading">{ AppText::Assumptions.get(lang) }</h2>
                        if *painted {
                        <Explainable scenario={valid.clone()}>
                        <FundEditor scenario={scenario.clone()} outcome={outcome.clone()} errors={errors.clone()} onaction={onaction.clone()} />
                        <section class="editor-section" aria-labelledby="ed-repayment">
                            <h3 id="ed-repayment">{ AppText::SectionRepayment.get(lang) }</h3>
                            <RepaymentEditor path="repayment_default" label={AppText::DefaultRule.get(lang)}
                                rule={state.scenario.repayment_default.clone()} errors={errors.clone()}
                                sentence={explain::default_rule(state.scenario.repayment_default.as_ref(), lang)}
                                onchange={onaction.reform(|rule| FundEdit::DefaultRepaymentChanged(rule).into())} />
                        </section>
                        <InterventionsEditor scenario={scenario.clone()} outcome={outcome.clone()} errors={errors.clone()} onaction={onaction.clone()} />
                        <ActorsEditor scenario={scenario.clone()} errors={errors.clone()} onaction={onaction.clone()} />
                        <GeneralEditor scenario={scenario.clone()} errors={errors.clone()} onaction={onaction.clone()} />
                        </Explainable>
                        }
                    </aside>
                    <div class="details">
                        if *painted {
                            <YearTables scenario={tables.0} outcome={tables.1} />
                            <ScenarioJson scenario={scenario.clone()} onaction={onaction.clone()} />
                        }
                        <p class="privacy">{ AppText::Privacy.get(lang) }</p>
                    </div>
                </div>
            </div>
        </ContextProvider<Prefs>>
    }
}

/// The state an app that owns the page opens on (`opening::open_visit`): a
/// link in the address, else the autosaved scenario, else the opening; with
/// the storage's part done here — a corrupt value moved aside, the autosave
/// a link was opened over kept aside, redundant copies removed — and saving
/// blocked wherever a stored value must not be overwritten.
fn open_page(opening: &Opening, lang: Lang, inflated: Option<&[u8]>, sync: &PageSync) -> AppState {
    let fragment = browser::location_fragment();
    let stored = browser::storage_get(keep::STORAGE_KEY);
    let stored_page = browser::storage_get(opening::PAGE_KEY);
    let kept = browser::storage_get(opening::KEPT_KEY);
    let aside_key = keep::aside_key(browser::now_ms());
    let visit = Visit {
        fragment: &fragment,
        inflated,
        stored: stored.as_deref(),
        aside_key: &aside_key,
        kept: kept.as_deref(),
        stored_page: stored_page.as_deref(),
    };
    let opened = opening::open_visit(opening, lang, Some(visit));
    if opened.forget {
        browser::storage_remove(opening::KEPT_KEY);
    }
    let kept_aside =
        !opened.keep_as || stored.as_ref().is_some_and(|value| browser::storage_set(opening::KEPT_KEY, value));
    let moved = !opened.set_aside || browser::storage_move(keep::STORAGE_KEY, &aside_key);
    let blocked = opened.keep_stored || !moved || !kept_aside;
    if blocked {
        // A stored value that stays where it is must not be overwritten.
        sync.block_saving();
    }
    let mut state = if moved { opened.state } else { opened.not_set_aside() };
    sync.offer(state.displaced.clone());
    state.autosave = if blocked || !browser::storage_works() { Autosave::Failed } else { Autosave::On };
    if !kept_aside {
        state.notice.get_or_insert(Notice::AutosaveFailed);
    }
    state
}

/// How long the scenario must stay unchanged before the print-only report follows it.
const REPORT_DELAY_MS: u32 = 250;

/// The page's link fragment: `current` is the link of this scenario, preset
/// and language, once ready (the scenario is deflated by the browser,
/// asynchronously); `last` is the newest one made, for the share bar to show
/// meanwhile. Both are `None` for an app that does not own the page.
struct PageFragment {
    current: Option<Rc<String>>,
    last: Option<Rc<String>>,
}

#[hook]
fn use_page_fragment(
    owns_page: bool,
    scenario: Rc<Scenario>,
    preset: Option<String>,
    lang: Lang,
    view: View,
    // Plan A against plan B: the baseline, carried after the rest (`b…`).
    baseline: Option<Rc<crate::ui::state::Baseline>>,
) -> PageFragment {
    // The newest link made, with what it was made for.
    let made = use_state(|| None::<(Rc<Scenario>, Option<String>, Lang, View, Option<usize>, Rc<String>)>);
    let baseline_at = baseline.as_ref().map(|b| Rc::as_ptr(b) as usize);
    {
        let made = made.clone();
        let (scenario, preset) = (scenario.clone(), preset.clone());
        use_effect_with((Rc::as_ptr(&scenario) as usize, preset.clone(), lang, view, baseline_at), move |_| {
            // A newer scenario makes this result stale: it is then dropped.
            let live = Rc::new(std::cell::Cell::new(true));
            // The link is made after the frame that shows the edit: its JSON
            // and the deflating are not part of a keystroke's redraw, and
            // while typing only the last scenario's link is made.
            let pending = owns_page.then(|| {
                let alive = live.clone();
                browser::after_paint_or_wait(FOLLOW_WAIT_MS, move || {
                    let plan = keep::LinkPlan::new(&scenario, preset.as_deref(), lang, view)
                        .comparing(baseline.as_ref().map(|b| (&*b.scenario, b.preset_id.as_deref())));
                    wasm_bindgen_futures::spawn_local(async move {
                        // Deflated even when the preset's changes will be shorter:
                        // which is shorter is known only then.
                        let packed = match &plan.json {
                            Some(json) => browser::deflate_raw(json.as_bytes()).await,
                            None => Vec::new(),
                        };
                        if alive.get() {
                            made.set(Some((
                                scenario,
                                preset,
                                lang,
                                view,
                                baseline_at,
                                Rc::new(plan.fragment(&packed)),
                            )));
                        }
                    });
                })
            });
            move || {
                live.set(false);
                drop(pending);
            }
        });
    }
    let last = (*made).as_ref().map(|(_, _, _, _, _, fragment)| fragment.clone());
    let current = (*made)
        .as_ref()
        .filter(|(s, p, l, v, b, _)| {
            Rc::ptr_eq(s, &scenario) && *p == preset && *l == lang && *v == view && *b == baseline_at
        })
        .map(|(_, _, _, _, _, fragment)| fragment.clone());
    PageFragment { current, last }
}

/// `value` once it has stayed the same for `delay_ms`; the first value at once.
#[hook]
fn use_rested<T: Clone + PartialEq + 'static>(value: T, delay_ms: u32) -> T {
    let rested = {
        let first = value.clone();
        use_state_eq(move || first)
    };
    {
        let rested = rested.clone();
        use_effect_with(value, move |value| {
            let value = value.clone();
            let settle = gloo::timers::callback::Timeout::new(delay_ms, move || rested.set(value));
            // A newer value cancels the pending one.
            move || drop(settle)
        });
    }
    (*rested).clone()
}
