//! What each fuzz target does with its input, and what must hold of the
//! answer. Shared by the fuzz targets (`fuzz/fuzz_targets/*.rs`) and by the
//! native regression test (`tests/fuzz_regressions.rs`), which replays every
//! input the fuzzer once broke (`tests/fuzz-regressions/<target>/`) through
//! the same functions. A broken rule is a panic, which libFuzzer reports as a
//! crash and the regression test as a failure.
//!
//! Beyond "no panic, no hang, bounded memory" (the fuzzer's own limits),
//! every refusal must be short: the house rule is that a message echoes at
//! most ~100 characters of what the user gave, so a message or path longer
//! than [`MAX_MESSAGE_CHARS`] means some input was echoed whole.

#![allow(dead_code)] // each target uses a part

use std::rc::Rc;

use fundsim::charts::layout::scale::nice_ticks;
use fundsim::charts::layout::{actor_years, flow, fund, who_pays, Canvas, ChartInput};
use fundsim::model::montecarlo::monte_carlo;
use fundsim::model::term::Term;
use fundsim::model::validate::{validate, validate_all};
use fundsim::model::{simulate, simulate_json, Outcome, Scenario, ScenarioError};
use fundsim::share::link::{self, MAX_LINK_SCENARIO_BYTES};
use fundsim::tables::csv::CsvDialect;
use fundsim::tables::year_by_year_csv;
use fundsim::ui::state::action::Load;
use fundsim::ui::state::keep;
use fundsim::ui::state::opening::{self, Opening};
use fundsim::ui::state::view::View;
use fundsim::ui::state::{AppState, Notice};
use fundsim::ui::view::notices;
use fundsim::words::app as text;
use fundsim::words::fields::field_label;
use fundsim::words::format::Unit;
use fundsim::words::problems::problem_text;
use fundsim::words::rules as explain;
use fundsim::words::Lang;
use rust_decimal::Decimal;
use yew::Reducible;

/// Longest engine message or path (in characters) that can have echoed at
/// most ~100 characters of input: the longest fixed text (serde's list of an
/// intervention's 16 fields, ~220 characters) plus an excerpt.
pub const MAX_MESSAGE_CHARS: usize = 400;

/// Longest text made of a path and a message (a notice, `mount`'s refusal):
/// both, and the sentence around them.
pub const MAX_NOTICE_CHARS: usize = 1000;

/// Draws of the Monte Carlo run per input: the app runs 400, which would
/// make each input slow; a few draws reach every line of the draw.
const DRAWS: u32 = 3;

fn short(what: &str, text: &str) {
    at_most(MAX_MESSAGE_CHARS, what, text);
}

fn at_most(max: usize, what: &str, text: &str) {
    let n = text.chars().count();
    assert!(n <= max, "{what} is {n} characters long (input echoed whole?): {:.200}…", text);
}

/// An engine refusal: a path and a sentence, both short.
pub fn check_error(e: &ScenarioError) {
    let message = e.problem.to_string();
    short("the message", &message);
    short("the path", &e.path);
    assert!(!message.is_empty(), "an empty message at {:?}", e.path);
    // What the app shows for it, in both languages, beside the field and in the list.
    for lang in [Lang::Sv, Lang::En] {
        short("the shown message", &problem_text(e, lang));
    }
}

/// Scenario JSON, as the JavaScript API (`simulate`, `monteCarlo`), a pasted
/// scenario and the autosave read it: parse, validate, simulate, and for a
/// valid scenario every way it leaves the engine again (result JSON, the
/// scenario JSON, a link) must read back.
pub fn scenario_json(json: &str) {
    let api = simulate_json(json);
    let scenario = match Scenario::from_json(json) {
        Ok(s) => s,
        Err(e) => {
            check_error(&e);
            assert_eq!(api.err(), Some(e), "simulate_json disagrees with from_json");
            return;
        }
    };
    let errors = validate_all(&scenario);
    for e in &errors {
        check_error(e);
    }
    match simulate(&scenario) {
        Ok(outcome) => {
            assert!(errors.is_empty(), "simulated a scenario that breaks a rule: {:?}", errors[0]);
            let result = outcome.to_json();
            assert_eq!(api.as_deref(), Ok(result.as_str()), "simulate_json disagrees with simulate");
            assert!(serde_json::from_str::<serde_json::Value>(&result).is_ok(), "the result JSON does not parse");
            // Saved and opened again, and sent as a link: the same scenario.
            assert_eq!(
                Scenario::from_json(&scenario.to_json()).as_ref(),
                Ok(&scenario),
                "the saved file reads back otherwise"
            );
            let fragment = link::scenario_fragment(&scenario);
            let back = link::read_fragment(&fragment).map(|r| r.scenario);
            assert_eq!(back, Ok(Some(scenario.clone())), "the link reads back otherwise");
            // And as changes to each preset (link format 2): the same scenario, to the last digit.
            let compact = link::link_json(&scenario);
            for preset in fundsim::presets::all() {
                let fragment = link::difference_fragment(preset.id, &compact);
                assert!(fragment.is_some(), "no changes to {} written (a key without a code?)", preset.id);
                let back = link::read_fragment(&fragment.unwrap_or_default());
                let back = back.map(|r| (r.scenario.as_ref().map(link::link_json), r.preset_changed));
                assert_eq!(
                    back,
                    Ok((Some(compact.clone()), false)),
                    "the changes to {} read back otherwise",
                    preset.id
                );
            }
            match monte_carlo(&scenario, 2026, DRAWS) {
                Ok(u) => assert_eq!(u.cumulative_org_net.len(), scenario.horizon_years as usize),
                Err(e) => check_error(&e),
            }
            // What the autosave does with it.
            assert!(matches!(keep::check_stored(Some(json)), keep::Stored::Scenario(_)));
        }
        Err(e) => {
            check_error(&e);
            assert_eq!(api.err(), Some(e.clone()));
            // The first broken rule is the first of the list, when a rule is broken.
            if let Some(first) = errors.first() {
                assert_eq!(&e, first);
            }
            assert_eq!(keep::check_stored(Some(json)), keep::Stored::Corrupt(e));
        }
    }
}

thread_local! {
    /// The app as it opens (the first preset), built once per process.
    static OPENED: Rc<AppState> = Rc::new(AppState::opening(Lang::Sv));
}

/// A notice as the app shows it, in both languages.
fn check_notice(notice: &Notice) {
    for lang in [Lang::Sv, Lang::En] {
        at_most(MAX_NOTICE_CHARS, "the notice", &notices::notice_text(notice, lang));
    }
}

/// The list of things to fix, as the app shows it for a scenario that breaks rules.
fn check_error_list(state: &AppState) {
    for e in &state.errors {
        check_error(e);
        for lang in [Lang::Sv, Lang::En] {
            // A field's name carries the scenario's own names (actors,
            // interventions), which the user typed: only no panic here.
            let _ = field_label(&e.path, Some(&state.scenario), lang);
        }
    }
}

/// An opened file's text, as the app reads it (`Action::FileOpened`:
/// `ui::state::file::read_scenario`, then `Scenario::from_json` and
/// `validate_all`), and the same text pasted into the scenario's JSON field
/// (`Action::ScenarioPasted`).
///
/// The size cap is checked by the browser on the file's size before it is
/// read (`browser::read_file`) and again by `read_scenario`; its unit tests hold it.
pub fn opened_file(json: &str) {
    let opened = OPENED.with(Rc::clone);
    let read = fundsim::ui::state::file::FileRead::Bytes(json.as_bytes().to_vec());
    let after = opened.clone().reduce(Load::FileOpened { name: "scenario.json".into(), read }.into());
    // A byte-order mark (Windows editors write one) is dropped before the JSON is read.
    let text = json.strip_prefix('\u{FEFF}').unwrap_or(json);
    let readable = Scenario::from_json(text).ok().filter(|s| validate_all(s).is_empty());
    match (&after.notice, readable) {
        (Some(notice @ Notice::FileRefused { .. }), None) => {
            check_notice(notice);
            assert_eq!(after.scenario, opened.scenario, "a refused file changed the scenario");
        }
        (None, Some(scenario)) => {
            assert_eq!(*after.scenario, scenario);
            check_error_list(&after);
            match simulate(&scenario) {
                Ok(outcome) => ways_out(&scenario, &outcome),
                // A valid file that the engine cannot compute (amounts too large) is listed as an error.
                Err(_) => assert!(!after.errors.is_empty(), "an uncomputable file shows no error"),
            }
        }
        (notice, readable) => panic!("FileOpened gave {notice:?} for a file that reads as {:?}", readable.is_some()),
    }
    let pasted = opened.reduce(Load::ScenarioPasted(json.to_string()).into());
    if let Some(notice) = &pasted.notice {
        check_notice(notice);
    }
    check_error_list(&pasted);
}

/// What the app makes of an opened scenario without a browser: the key
/// figures' sentences, the repayment rules explained, the charts' scales
/// (every figure they draw, in every unit) and the four charts laid out (on
/// a phone and wide), the CSV files, the workbook's sheets, the printed
/// report's assumptions and the outcome contracts' views, in both
/// languages. Only "no panic" here: these are ways out.
pub fn ways_out(scenario: &Scenario, outcome: &Outcome) {
    let term = Term::current_for(scenario.start_year);
    let mut figures: Vec<Decimal> = outcome.org_net.iter().chain(&outcome.society_net).copied().collect();
    for f in &outcome.fund {
        figures.extend([f.open, f.allocation, f.grants, f.repayments, f.close]);
    }
    for a in &outcome.actors {
        figures.extend([a.npv, a.cost_borne, a.savings_total, a.net_total]);
        for r in &a.rows {
            figures.extend([r.savings, r.co_financing, r.repayment, r.fund_cost]);
        }
    }
    let lo = figures.iter().copied().min().unwrap_or_default();
    let hi = figures.iter().copied().max().unwrap_or_default();
    for lang in [Lang::Sv, Lang::En] {
        let _ = text::headline(&outcome.key_figures, term, scenario.start_year, &scenario.currency, lang);
        let _ = text::payback_note(outcome.key_figures.payback_year, term, lang);
        let _ = explain::default_rule(scenario.repayment_default.as_ref(), lang);
        for i in 0..scenario.interventions.len() {
            let _ = explain::intervention_rule(scenario, outcome, i, lang);
        }
        for unit in [Unit::One, Unit::Thousand, Unit::Million] {
            let _ = nice_ticks(lo, hi, unit, lang, 6);
            let input = ChartInput { scenario, outcome, lang, unit };
            for canvas in [Canvas::new(390.0), Canvas::new(800.0)] {
                let _ = fund::layout(&input, &canvas);
                let _ = who_pays::layout(&input, &canvas);
                let _ = flow::layout(&input, &canvas);
                let _ = actor_years::layout(&input, &canvas);
            }
            let _ = fundsim::words::format::money(hi, unit, &scenario.currency, lang);
        }
        for dialect in [CsvDialect::SwedishExcel, CsvDialect::Plain] {
            let _ = year_by_year_csv(scenario, outcome, lang, dialect);
        }
        let _ = fundsim::tables::workbook::sheets(scenario, outcome, lang, "2026-12-04");
        let _ = fundsim::report::assumptions::print_report(scenario, outcome, lang, "4 december 2026");
        if !scenario.outcome_contracts.is_empty() {
            // The contracts' views (break-even scans, and a run's figures): only where there are contracts.
            let chances = monte_carlo(scenario, 2026, DRAWS).ok().map(|u| u.to_json());
            let _ =
                fundsim::report::contracts::contract_views(scenario, outcome, lang, Unit::Million, chances.as_deref());
        }
    }
}

/// A link's fragment (`location.hash`), as the page reads it: unpacked, its
/// scenario inflated (here by miniz_oxide, with the app's limit; stored
/// blocks as the app reads them), then opened over an empty autosave, and
/// followed from the open app (back and forward).
pub fn link_fragment(fragment: &str) {
    let _ = keep::carries_link(fragment);
    let _ = keep::fragment_lang(fragment);
    let _ = View::in_fragment(fragment);
    let unpacked = link::unpack_fragment(fragment);
    let inflated = match &unpacked {
        Err(e) => {
            check_error(e);
            None
        }
        Ok(link) => link.packed.as_deref().and_then(inflate_as_the_app_does),
    };
    let read = link::read_fragment(fragment);
    match &read {
        Ok(request) => {
            if let Some(s) = &request.scenario {
                assert_eq!(validate(s), Ok(()), "a link opened a scenario that breaks a rule");
            }
        }
        Err(e) => check_error(e),
    }
    // A comparison's baseline (`b…` keys): read apart from the main scenario;
    // a scenario it opens follows every rule, a refusal is short and named.
    match link::read_baseline(fragment) {
        Some(Ok((s, _))) => assert_eq!(validate(&s), Ok(()), "a link's baseline breaks a rule"),
        Some(Err(e)) => check_error(&e),
        None => {}
    }
    opened_link(fragment, inflated.as_deref());
}

/// A link whose scenario the browser inflated to `inflated`, as the app opens it.
pub fn opened_link(fragment: &str, inflated: Option<&[u8]>) {
    let read_scenario = match keep::read_link(fragment, inflated) {
        Ok(request) => match &request.scenario {
            Some(s) => {
                assert_eq!(validate(s), Ok(()), "a link opened a scenario that breaks a rule");
                true
            }
            None => false,
        },
        Err(e) => {
            check_error(&e);
            false
        }
    };
    // A visit to the link opens its scenario; every other visit is the app's
    // opening state (slow to build, and the same as `LinkFollowed` below).
    if read_scenario {
        let visit = opening::Visit {
            fragment,
            inflated,
            stored: None,
            aside_key: "fundsim.scenario.v1.corrupt-1",
            kept: None,
            stored_page: None,
        };
        let opened = opening::open_visit(&Opening::FirstPreset, Lang::Sv, Some(visit));
        if let Some(notice) = &opened.state.notice {
            check_notice(notice);
        }
        check_error_list(&opened.state);
    }
    let followed = OPENED
        .with(Rc::clone)
        .reduce(Load::LinkFollowed { fragment: fragment.to_string(), inflated: inflated.map(<[u8]>::to_vec) }.into());
    if let Some(notice) = &followed.notice {
        check_notice(notice);
    }
    check_error_list(&followed);
}

/// What the app's inflater gives for a link's packed bytes: stored blocks
/// read by the app itself, anything else by the browser, which stops past
/// the limit (modelled here with miniz_oxide: its output past the limit is
/// what the browser hands over, a little more than the limit).
fn inflate_as_the_app_does(packed: &[u8]) -> Option<Vec<u8>> {
    if let Some(plain) = link::stored_inflate(packed) {
        assert!(plain.len() <= packed.len(), "stored blocks inflated to more than they hold");
        return Some(plain);
    }
    match miniz_oxide::inflate::decompress_to_vec_with_limit(packed, MAX_LINK_SCENARIO_BYTES) {
        Ok(plain) => Some(plain),
        Err(e) if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
            let mut past = e.output;
            past.resize(MAX_LINK_SCENARIO_BYTES + 1, b' ');
            Some(past)
        }
        Err(_) => None,
    }
}

/// Bytes as a link's packed scenario (raw DEFLATE, possibly stored blocks),
/// and the same bytes as what the browser inflated a link's scenario to.
pub fn link_bytes(bytes: &[u8]) {
    link_fragment(&link::packed_fragment(bytes));
    opened_link("v=1&s=AA&lang=en", Some(bytes));
}

/// `mount(element, optionsJson)`'s options, read into the app's props.
pub fn mount_options(options: &str) {
    match fundsim::mount_props(Some(options)) {
        Err(refusal) => at_most(MAX_NOTICE_CHARS, "mount's refusal", &refusal.to_string()),
        Ok(props) => match &props.opening {
            Opening::Simulated(s, outcome) => {
                assert_eq!(validate(s), Ok(()), "mount accepted a scenario that breaks a rule");
                assert_eq!(simulate(s).as_ref(), Ok(&**outcome));
            }
            Opening::Preset(id) => assert!(fundsim::presets::by_id(id).is_some(), "mount accepted preset {id:?}"),
            Opening::FirstPreset => {}
            Opening::Scenario(_) => panic!("mount gave an unsimulated scenario"),
        },
    }
}
