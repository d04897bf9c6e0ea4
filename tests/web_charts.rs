//! The charts, rendered by Yew in a real browser for a known scenario. The
//! money flow and the net per actor and year are drawn whole as markup by the
//! on-demand module in the app (`components::later_charts`); here the same
//! writers (`fundsim::charts`) draw them in the page, brought to life by the
//! app's `wireChart`, for the width their box gets.
//!
//! Run with `wasm-pack test --headless --chrome` (or `cargo test --target
//! wasm32-unknown-unknown --test ui_charts` with wasm-bindgen-test-runner
//! as the target's runner and CHROMEDRIVER set).
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;

use fundsim::model::{simulate, Outcome, Scenario};
use fundsim::ui::view::charts::{frame, ChartProps, FundChart, WhoPaysChart};
use fundsim::words::format::{money, Unit};
use fundsim::words::Lang;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Four actors, eight years (2026–2033), a fund of 3 000 tkr that pays
/// 2 500 tkr a year for three years: it runs dry in 2027.
const SCENARIO: &str = r#"{
  "schema_version": 1,
  "name": "Testfond",
  "currency": "SEK",
  "start_year": 2026,
  "horizon_years": 8,
  "discount_rate": "0.035",
  "actors": [
    {"id": "central", "name": "Regionstyrelsen", "inside": true},
    {"id": "school", "name": "Utbildningsförvaltningen", "inside": true},
    {"id": "social", "name": "Socialförvaltningen", "inside": true},
    {"id": "state", "name": "Staten", "inside": false}
  ],
  "fund": {"financed_by": "central", "accounting": "appropriation", "initial_capital": "0", "allocations": ["3000000"]},
  "repayment_default": {"kind": "savings_share", "share": "0.5", "cap": "1"},
  "interventions": [{
    "id": "early-reading", "name": "Läsfrämjande", "owner": "school",
    "start": 0, "years": 3, "annual_cost": "2500000", "fund_share": "1",
    "participants_per_year": "60", "success_rate": "0.2", "deadweight": "0.25",
    "lag_years": 1, "benefit_years": 10, "drop_off": "0.1",
    "avoided_costs": [{"actor": "social", "per_year": "90000"}, {"actor": "state", "per_year": "60000"}]
  }]
}"#;

fn known() -> (Rc<Scenario>, Rc<Outcome>) {
    let scenario = Scenario::from_json(SCENARIO).expect("the test scenario parses");
    let outcome = simulate(&scenario).expect("the test scenario simulates");
    (Rc::new(scenario), Rc::new(outcome))
}

#[function_component(Wrapper)]
fn wrapper(props: &ChartProps) -> Html {
    let props = props.clone();
    html! {
        <div>
            <FundChart ..props.clone() />
            <WhoPaysChart ..props.clone() />
            <Drawn chart={props.clone()} kind="flow" />
            <Drawn chart={props} kind="actor-years" />
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct DrawnProps {
    chart: ChartProps,
    kind: &'static str,
}

/// A chart drawn whole as markup (as the on-demand module draws it), for the
/// width its box is measured at, and wired as the app wires it.
#[function_component(Drawn)]
fn drawn(props: &DrawnProps) -> Html {
    let frame = frame::use_frame(props.kind);
    let svg = frame.is_drawn().then(|| {
        let (input, canvas) = (props.chart.input(), frame.canvas());
        match props.kind {
            "flow" => fundsim::charts::flow::svg(&input, &canvas, &frame.prefix),
            _ => fundsim::charts::actor_years::svg(&input, &canvas, &frame.prefix),
        }
    });
    let node = frame.node.clone();
    use_effect(move || {
        if let Some(chart_box) = node.cast::<Element>() {
            fundsim::ui::browser::analysis::wire_chart(&chart_box);
        }
    });
    html! { <div ref={frame.node.clone()}>{ svg.map(fundsim::ui::view::markup::raw_html) }</div> }
}

/// Renders the four charts into a fresh div and lets Yew's scheduler run.
async fn render(lang: Lang, unit: Unit) -> (Element, Rc<Scenario>, Rc<Outcome>) {
    render_in(lang, unit, "width:800px").await
}

/// The same in a div with this style (a width).
async fn render_in(lang: Lang, unit: Unit, style: &str) -> (Element, Rc<Scenario>, Rc<Outcome>) {
    let (scenario, outcome) = known();
    render_outcome(scenario, outcome, lang, unit, style).await
}

async fn render_outcome(
    scenario: Rc<Scenario>,
    outcome: Rc<Outcome>,
    lang: Lang,
    unit: Unit,
    style: &str,
) -> (Element, Rc<Scenario>, Rc<Outcome>) {
    let document = gloo::utils::document();
    let div = document.create_element("div").unwrap();
    div.set_attribute("style", style).unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    let props = ChartProps { scenario: scenario.clone(), outcome: outcome.clone(), lang, unit };
    yew::Renderer::<Wrapper>::with_root_and_props(div.clone(), props).render();
    settle().await;
    (div, scenario, outcome)
}

async fn settle() {
    for _ in 0..3 {
        TimeoutFuture::new(0).await;
    }
}

fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// `root.querySelectorAll(selector).length`, without the NodeList binding.
fn count(root: &Element, selector: &str) -> u32 {
    let f: js_sys::Function = js_sys::Reflect::get(root, &"querySelectorAll".into()).unwrap().unchecked_into();
    let list = f.call1(root, &selector.into()).unwrap();
    js_sys::Reflect::get(&list, &"length".into()).unwrap().as_f64().unwrap() as u32
}

fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

fn chart(root: &Element, kind: &str) -> Element {
    one(root, &format!("svg[data-chart=\"{kind}\"]"))
}

/// role="img", named by a non-empty <title> and described by a <desc>, with a viewBox and width 100 %.
fn assert_accessible_frame(svg: &Element) {
    assert_eq!(svg.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(svg.get_attribute("width").as_deref(), Some("100%"));
    assert!(svg.get_attribute("viewBox").is_some(), "a viewBox scales the chart");
    let title_id = svg.get_attribute("aria-labelledby").expect("aria-labelledby");
    let title = one(svg, &format!("#{title_id}"));
    assert_eq!(title.tag_name(), "title");
    assert!(!text(&title).trim().is_empty());
    let desc_id = svg.get_attribute("aria-describedby").expect("aria-describedby");
    let desc = one(svg, &format!("#{desc_id}"));
    assert_eq!(desc.tag_name(), "desc");
    assert!(!text(&desc).trim().is_empty());
}

fn focus(svg: &Element, selector: &str) -> Element {
    let target = one(svg, selector);
    assert_eq!(target.get_attribute("tabindex").as_deref(), Some("0"), "{selector} is focusable");
    let focus: js_sys::Function = js_sys::Reflect::get(&target, &"focus".into()).unwrap().unchecked_into();
    focus.call0(&target).unwrap();
    target
}

#[wasm_bindgen_test]
async fn every_chart_is_an_image_with_a_name_and_a_description() {
    let (root, _, _) = render(Lang::Sv, Unit::Thousand).await;
    for kind in ["fund", "who-pays", "flow", "actor-years"] {
        assert_accessible_frame(&chart(&root, kind));
    }
    assert_eq!(text(&one(&chart(&root, "fund"), "title")), "Fonden år för år");
}

#[wasm_bindgen_test]
async fn the_fund_chart_has_a_bar_per_year_a_legend_and_marks_the_negative_balance() {
    let (root, _, outcome) = render(Lang::Sv, Unit::Thousand).await;
    let svg = chart(&root, "fund");
    assert_eq!(count(&svg, ".chart-item[data-year]"), 8, "one focusable bar per year");
    assert_eq!(count(&svg, ".chart-item[data-year][tabindex=\"0\"]"), 8);
    let all = text(&svg);
    assert!(all.contains("tkr"), "the unit is shown: {all}");
    for word in ["Avsättning", "Återbetalning", "Bidrag till insatser", "Saldo vid årets slut", "Negativt saldo"] {
        assert!(all.contains(word), "the legend has {word}");
    }
    // The fund pays 2 500 tkr a year from 3 000 tkr: negative from 2027 on.
    assert_eq!(outcome.key_figures.fund_first_negative_year, Some(2027));
    assert!(all.contains("Fonden är tom 2027"));
    assert!(count(&svg, ".chart-item[data-year=\"2027\"][data-negative=\"true\"]") == 1);
    assert!(count(&svg, ".chart-item[data-year=\"2026\"][data-negative]") == 0);
    assert!(count(&svg, ".balance-point.negative") >= 1);
    assert_eq!(count(&svg, ".chart-negative-zone"), 1);
    // Tick labels in tkr: the axis reaches at least the 3 000 tkr allocation.
    assert!(all.contains("3\u{a0}000") || all.contains("4\u{a0}000") || all.contains("5\u{a0}000"), "{all}");
}

#[wasm_bindgen_test]
async fn a_focused_bar_shows_its_value() {
    let (root, scenario, outcome) = render(Lang::Sv, Unit::Thousand).await;
    let svg = chart(&root, "fund");
    assert_eq!(count(&svg, ".chart-tooltip"), 0, "no tooltip before focus");
    let bar = focus(&svg, ".chart-item[data-year=\"2026\"]");
    settle().await;
    if count(&svg, ".chart-tooltip") == 0 {
        // A headless page without window focus may not fire focus events: dispatch one.
        let event = web_sys::FocusEvent::new("focus").unwrap();
        bar.dispatch_event(&event).unwrap();
        settle().await;
    }
    let grants = money(outcome.fund[0].grants, Unit::Thousand, &scenario.currency, Lang::Sv);
    assert_eq!(grants, "2\u{a0}500\u{a0}tkr");
    let label = bar.get_attribute("aria-label").unwrap();
    assert!(label.starts_with("2026:") && label.contains(&grants), "{label}");
    let tip = text(&one(&svg, ".chart-tooltip"));
    assert!(tip.contains("2026") && tip.contains(&grants), "the tooltip shows the value: {tip}");
    assert!(text(&one(&bar, "title")).contains(&grants), "a <title> too");
    // Blur hides it.
    bar.dispatch_event(&web_sys::FocusEvent::new("blur").unwrap()).unwrap();
    settle().await;
    assert_eq!(count(&svg, ".chart-tooltip"), 0);
}

#[wasm_bindgen_test]
async fn who_pays_names_every_actor_grouped_inside_and_outside() {
    let (root, scenario, outcome) = render(Lang::Sv, Unit::Thousand).await;
    let svg = chart(&root, "who-pays");
    let all = text(&svg);
    for a in &scenario.actors {
        assert!(all.contains(&a.name), "{} is named", a.name);
        assert_eq!(count(&svg, &format!(".chart-item[data-actor=\"{}\"][tabindex=\"0\"]", a.id)), 1);
    }
    assert!(all.contains("Inom organisationen") && all.contains("Utanför organisationen"));
    assert!(all.contains("Kostnad (betalar)") && all.contains("Besparing (vinner)") && all.contains("Netto"));
    assert!(all.contains("Belopp i tkr"));
    // The net of social services is shown.
    let school = outcome.actors.iter().find(|a| a.id == "social").unwrap();
    let net = money(school.net_total, Unit::Thousand, "SEK", Lang::Sv);
    assert!(all.contains(&net), "net {net} in {all}");
    assert!(count(&svg, ".bar-cost") >= 1 && count(&svg, ".bar-savings") >= 1);
}

#[wasm_bindgen_test]
async fn the_flow_goes_from_payers_to_gainers_with_a_caption() {
    let (root, _, _) = render(Lang::Sv, Unit::Thousand).await;
    let svg = chart(&root, "flow");
    let all = text(&svg);
    // The region's board pays (the appropriation); social services and the state gain.
    assert!(count(&svg, ".flow-payer[data-actor=\"central\"]") == 1, "{all}");
    assert!(count(&svg, ".flow-gainer[data-actor=\"social\"]") == 1);
    assert!(count(&svg, ".flow-gainer[data-actor=\"state\"]") == 1);
    assert!(count(&svg, ".flow-link") >= 2);
    assert!(all.contains("Betalt totalt") && all.contains("Vinner"));
    assert!(all.contains("proportionell"), "the caption says how the flows are allocated");
    assert!(all.contains("Staten") && all.contains("Socialförvaltningen"));
}

#[wasm_bindgen_test]
async fn actor_years_has_a_bar_per_year_a_legend_and_the_terms_of_office() {
    let (root, scenario, _) = render(Lang::Sv, Unit::Thousand).await;
    let svg = chart(&root, "actor-years");
    assert_eq!(count(&svg, ".chart-item[data-year]"), 8);
    let all = text(&svg);
    for a in &scenario.actors {
        assert!(all.contains(&a.name), "the legend names {}", a.name);
    }
    // 2026 | 2027–2030 | 2031–2033: two dashed boundaries.
    assert_eq!(count(&svg, ".chart-term-boundary"), 2);
    assert!(all.contains("Mandatperiod 2027–2030"), "{all}");
    assert!(all.contains("Ny mandatperiod"));
    assert!(all.contains("tkr"));
    // Drawn as markup: every tooltip is written, and the focused year's is shown.
    let bar = focus(&svg, ".chart-item[data-year=\"2027\"]");
    bar.dispatch_event(&focus_in()).unwrap();
    assert!(text(&one(&svg, ".chart-tooltip:not([display])")).contains("2027"));
}

#[wasm_bindgen_test]
async fn english_and_millions() {
    let (root, _, _) = render(Lang::En, Unit::Million).await;
    let fund = text(&chart(&root, "fund"));
    assert!(fund.contains("MSEK") && fund.contains("Fund runs dry 2027"), "{fund}");
    let who = text(&chart(&root, "who-pays"));
    assert!(who.contains("Inside the organisation") && who.contains("Outside the organisation"));
    assert!(text(&chart(&root, "actor-years")).contains("Term 2027–2030"));
    assert!(text(&chart(&root, "flow")).contains("proportional"));
}

#[wasm_bindgen_test]
async fn charts_lay_themselves_out_for_the_width_they_get() {
    // In a 360 px column (a phone), the viewBox is 360 wide: text keeps its size in pixels.
    let (root, _, _) = render_in(Lang::Sv, Unit::Thousand, "width:360px").await;
    for kind in ["fund", "who-pays", "flow", "actor-years"] {
        let svg = chart(&root, kind);
        let view_box = svg.get_attribute("viewBox").unwrap();
        assert!(view_box.starts_with("0 0 360 "), "{kind}: {view_box}");
        assert!(svg.get_attribute("class").unwrap().contains("chart-compact"));
    }
    // In 800 px, the wide layout.
    let (root, _, _) = render(Lang::Sv, Unit::Thousand).await;
    let view_box = chart(&root, "fund").get_attribute("viewBox").unwrap();
    assert!(view_box.starts_with("0 0 800 "), "{view_box}");
}

/// A `keydown` for `key`, as the browser sends it.
fn key_event(key: &str) -> web_sys::Event {
    let ctor: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &"KeyboardEvent".into()).unwrap().unchecked_into();
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"key".into(), &key.into()).unwrap();
    js_sys::Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    js_sys::Reflect::construct(&ctor, &js_sys::Array::of2(&"keydown".into(), &init)).unwrap().unchecked_into()
}

#[wasm_bindgen_test]
async fn arrow_keys_walk_along_the_bars_and_escape_hides_the_tooltip() {
    let (root, _, _) = render(Lang::En, Unit::Thousand).await;
    let svg = chart(&root, "fund");
    let first = focus(&svg, ".chart-item[data-year=\"2026\"]");
    settle().await;
    first.dispatch_event(&key_event("ArrowRight")).unwrap();
    settle().await;
    let active = gloo::utils::document().active_element().expect("something has focus");
    assert_eq!(active.get_attribute("data-year").as_deref(), Some("2027"));
    // Headless pages may not fire focus events on focus(); the item's own focus event shows the tooltip.
    active.dispatch_event(&web_sys::FocusEvent::new("focus").unwrap()).unwrap();
    settle().await;
    assert!(text(&one(&svg, ".chart-tooltip")).contains("2027"));
    active.dispatch_event(&key_event("Escape")).unwrap();
    settle().await;
    assert_eq!(count(&svg, ".chart-tooltip"), 0, "Escape hides the tooltip");
    // Left from the first bar stays put.
    let first = one(&svg, ".chart-item[data-year=\"2026\"]");
    let _ = focus(&svg, ".chart-item[data-year=\"2026\"]");
    first.dispatch_event(&key_event("ArrowLeft")).unwrap();
    settle().await;
    let active = gloo::utils::document().active_element().unwrap();
    assert_eq!(active.get_attribute("data-year").as_deref(), Some("2026"));
}

#[wasm_bindgen_test]
async fn with_nothing_saved_the_flow_says_so_instead_of_drawing_nothing() {
    // The work costs but saves nothing (a success rate of 0): a cost, no savings, no flow
    // (with no interventions at all the allocation would flow into the fund, kept there).
    let mut scenario = Scenario::from_json(SCENARIO).unwrap();
    scenario.interventions[0].success_rate = Default::default();
    let scenario = Rc::new(scenario);
    let outcome = Rc::new(simulate(&scenario).unwrap());
    let div = gloo::utils::document().create_element("div").unwrap();
    gloo::utils::document().body().unwrap().append_child(&div).unwrap();
    let props = ChartProps { scenario, outcome, lang: Lang::Sv, unit: Unit::Thousand };
    yew::Renderer::<Wrapper>::with_root_and_props(div.clone(), props).render();
    settle().await;
    let svg = chart(&div, "flow");
    assert_accessible_frame(&svg);
    assert_eq!(count(&svg, ".flow-link"), 0);
    assert!(text(&svg).contains("Ingen aktör får någon besparing"), "{}", text(&svg));
    // The other charts still draw, with zeros.
    assert_eq!(count(&chart(&div, "actor-years"), ".chart-item[data-year]"), 8);
}

#[wasm_bindgen_test]
async fn a_chart_lays_itself_out_again_for_a_new_language_unit_or_outcome() {
    // A chart keeps its layout while only the focus changes, so each thing the
    // layout depends on must lay it out again when it changes.
    let (scenario, outcome) = known();
    let div = gloo::utils::document().create_element("div").unwrap();
    div.set_attribute("style", "width:800px").unwrap();
    gloo::utils::document().body().unwrap().append_child(&div).unwrap();
    let props =
        ChartProps { scenario: scenario.clone(), outcome: outcome.clone(), lang: Lang::Sv, unit: Unit::Thousand };
    let mut app = yew::Renderer::<Wrapper>::with_root_and_props(div.clone(), props.clone()).render();
    settle().await;
    assert_eq!(text(&one(&chart(&div, "fund"), "title")), "Fonden år för år");
    // Another language.
    app.update(ChartProps { lang: Lang::En, ..props.clone() });
    settle().await;
    assert_eq!(text(&one(&chart(&div, "fund"), "title")), "The fund year by year");
    // Another unit.
    app.update(ChartProps { lang: Lang::En, unit: Unit::Million, ..props.clone() });
    settle().await;
    assert!(text(&chart(&div, "fund")).contains("MSEK"));
    // Another outcome: nothing saved any more, so no flow.
    let mut without = (*scenario).clone();
    without.interventions[0].success_rate = Default::default();
    let outcome = Rc::new(simulate(&without).unwrap());
    app.update(ChartProps { scenario: Rc::new(without), outcome, lang: Lang::En, unit: Unit::Million });
    settle().await;
    assert_eq!(count(&chart(&div, "flow"), ".flow-link"), 0);
    assert!(text(&chart(&div, "flow")).contains("No actor gets any savings"), "{}", text(&chart(&div, "flow")));
}

#[wasm_bindgen_test]
async fn descriptions_carry_the_figures() {
    let (root, _, outcome) = render(Lang::Sv, Unit::Thousand).await;
    let desc = text(&one(&chart(&root, "who-pays"), "desc"));
    let state = outcome.actors.iter().find(|a| a.id == "state").unwrap();
    assert!(
        desc.contains("Staten") && desc.contains(&money(state.savings_total, Unit::Thousand, "SEK", Lang::Sv)),
        "{desc}"
    );
    let desc = text(&one(&chart(&root, "actor-years"), "desc"));
    assert!(desc.contains("2027–2030:"), "{desc}");
}

/// Twelve actors inside the organisation, each owning one intervention that
/// the fund pays half of (so each owner pays the other half) and that avoids
/// costs for all twelve.
fn twelve_by_twelve() -> (Rc<Scenario>, Rc<Outcome>) {
    let actors: Vec<String> =
        (0..12).map(|k| format!(r#"{{"id": "a{k}", "name": "Förvaltning {k}", "inside": true}}"#)).collect();
    let avoided: Vec<String> = (0..12).map(|k| format!(r#"{{"actor": "a{k}", "per_year": "{}"}}"#, 1000 + k)).collect();
    let interventions: Vec<String> = (0..12)
        .map(|k| {
            format!(
                r#"{{"id": "i{k}", "name": "Insats {k}", "owner": "a{k}", "start": 0, "years": 2,
                "annual_cost": "100000", "fund_share": "0.5", "participants_per_year": "10", "success_rate": "0.5",
                "deadweight": "0", "lag_years": 0, "benefit_years": 5, "drop_off": "0", "avoided_costs": [{}]}}"#,
                avoided.join(",")
            )
        })
        .collect();
    let json = format!(
        r#"{{"schema_version": 1, "name": "Tolv", "currency": "SEK", "start_year": 2026, "horizon_years": 6,
        "discount_rate": "0", "actors": [{}],
        "fund": {{"financed_by": "a0", "accounting": "appropriation", "initial_capital": "0", "allocations": ["1200000"]}},
        "repayment_default": {{"kind": "none"}}, "interventions": [{}]}}"#,
        actors.join(","),
        interventions.join(",")
    );
    let scenario = Scenario::from_json(&json).expect("the twelve-actor scenario parses");
    let outcome = simulate(&scenario).expect("it simulates");
    (Rc::new(scenario), Rc::new(outcome))
}

#[wasm_bindgen_test]
async fn actor_years_draws_one_shape_per_actor_with_a_net() {
    // The known scenario: one shape for each actor whose net is not zero in
    // some year (read from the outcome), none for the others.
    let (root, _, outcome) = render(Lang::Sv, Unit::Thousand).await;
    let svg = chart(&root, "actor-years");
    for a in &outcome.actors {
        let has_net = a.rows.iter().any(|r| !r.net.is_zero());
        assert_eq!(count(&svg, &format!(".bar-net[data-actor=\"{}\"]", a.id)), u32::from(has_net), "{}", a.id);
    }
    // Twelve actors with nets in every year: twelve shapes, not 12 × 6 bars.
    let (scenario, outcome) = twelve_by_twelve();
    let (root, _, _) = render_outcome(scenario, outcome, Lang::Sv, Unit::Thousand, "width:800px").await;
    assert_eq!(count(&chart(&root, "actor-years"), ".bar-net"), 12);
}

#[wasm_bindgen_test]
async fn a_flow_of_many_links_draws_one_shape_per_payer_naming_its_largest_flows() {
    // Twelve payers (each owner pays half of its intervention) and twelve
    // gainers: 144 links, above the 120 drawn one by one, so each payer's
    // twelve links are one shape whose title names the five largest and
    // "… +7" more.
    let (scenario, outcome) = twelve_by_twelve();
    let (root, _, _) = render_outcome(scenario, outcome, Lang::Sv, Unit::Thousand, "width:800px").await;
    let svg = chart(&root, "flow");
    assert_eq!(count(&svg, ".flow-link"), 12);
    for k in 0..12 {
        let shape = one(&svg, &format!(".flow-links-of[data-actor=\"a{k}\"]"));
        let title = text(&one(&shape, "title"));
        assert!(title.starts_with(&format!("Förvaltning {k}")), "{title}");
        assert!(title.ends_with("… +7"), "{title}");
        assert_eq!(title.lines().count(), 6, "{title}");
    }
}

#[derive(Properties, PartialEq)]
struct PanelProps {
    first_frame: bool,
}

#[function_component(Panel)]
fn panel(props: &PanelProps) -> Html {
    let (scenario, outcome) = known();
    html! { <fundsim::ui::view::components::charts_panel::ChartsPanel {scenario} {outcome} first_frame={props.first_frame} /> }
}

async fn render_panel(first_frame: bool) -> Element {
    let document = gloo::utils::document();
    let div = document.create_element("div").unwrap();
    div.set_attribute("style", "width:800px").unwrap();
    document.body().unwrap().append_child(&div).unwrap();
    yew::Renderer::<Panel>::with_root_and_props(div.clone(), PanelProps { first_frame }).render();
    settle().await;
    div
}

#[wasm_bindgen_test]
async fn in_the_first_frame_only_the_fund_chart_is_drawn_and_the_others_keep_their_headings() {
    let first = render_panel(true).await;
    // The fund chart is drawn (one bar group per year: 8 years) …
    assert!(count(&chart(&first, "fund"), "rect[class^=\"bar-\"]") > 0, "the fund chart has its bars");
    // … the three below it wait, announced as busy, with their headings and no download buttons yet.
    assert_eq!(count(&first, "svg[data-chart]"), 1);
    assert_eq!(count(&first, ".chart-waiting[aria-busy=\"true\"]"), 3);
    assert_eq!(count(&first, "figure.chart-figure figcaption h3"), 4);
    assert_eq!(count(&first, ".chart-download"), 2, "only the fund chart's SVG and PNG buttons");

    let after = render_panel(false).await;
    for kind in ["fund", "who-pays"] {
        assert_accessible_frame(&chart(&after, kind));
    }
    // The two below are drawn by the on-demand module, which this test page
    // does not serve: they keep their place, busy, with their buttons.
    assert_eq!(count(&after, ".chart-waiting[aria-busy=\"true\"]"), 2);
    assert_eq!(count(&after, ".chart-download"), 8);
}

#[wasm_bindgen_test]
async fn a_chart_much_taller_than_wide_is_marked_tall_and_a_wide_one_is_not() {
    // Twelve actors in a 400 px column: who pays has a row for each actor,
    // about 12 × 50 = 600 units for a 400-unit width, more than 1.25 × 400 = 500.
    let (scenario, outcome) = twelve_by_twelve();
    let (root, _, _) = render_outcome(scenario, outcome, Lang::Sv, Unit::Thousand, "width:400px").await;
    let who = chart(&root, "who-pays");
    let view_box = who.get_attribute("viewBox").unwrap();
    let size: Vec<f64> = view_box.split(' ').map(|v| v.parse().unwrap()).collect();
    assert!(size[3] > 1.25 * size[2], "the test needs a tall chart: {view_box}");
    assert!(classes(&who).contains(&"chart-tall".to_string()), "{view_box}");
    // The fund chart is wider than tall: held to the screen's height as before.
    let fund = chart(&root, "fund");
    assert!(!classes(&fund).contains(&"chart-tall".to_string()));
    assert!(classes(&fund).contains(&"chart".to_string()));
}

fn classes(el: &Element) -> Vec<String> {
    el.get_attribute("class").unwrap_or_default().split_whitespace().map(str::to_string).collect()
}

/// A `focusin` (bubbling, as the browser sends it when an item gets the focus).
fn focus_in() -> web_sys::Event {
    let ctor: js_sys::Function =
        js_sys::Reflect::get(&js_sys::global(), &"FocusEvent".into()).unwrap().unchecked_into();
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    js_sys::Reflect::construct(&ctor, &js_sys::Array::of2(&"focusin".into(), &init)).unwrap().unchecked_into()
}

#[wasm_bindgen_test]
async fn a_chart_drawn_as_markup_shows_the_focused_items_tooltip_walks_with_arrows_and_hides_on_escape() {
    let (root, _, _) = render(Lang::En, Unit::Thousand).await;
    let svg = chart(&root, "actor-years");
    // Every tooltip is written, hidden: one per year (8).
    assert_eq!(count(&svg, ".chart-tooltip[display=\"none\"]"), 8);
    let first = focus(&svg, ".chart-item[data-year=\"2026\"]");
    first.dispatch_event(&focus_in()).unwrap();
    let shown = one(&svg, ".chart-tooltip:not([display])");
    assert!(text(&shown).contains("2026"), "{}", text(&shown));
    assert!(classes(&first).contains(&"is-focused".to_string()));
    first.dispatch_event(&key_event("ArrowRight")).unwrap();
    let active = gloo::utils::document().active_element().expect("something has focus");
    assert_eq!(active.get_attribute("data-year").as_deref(), Some("2027"));
    active.dispatch_event(&focus_in()).unwrap();
    assert!(text(&one(&svg, ".chart-tooltip:not([display])")).contains("2027"));
    active.dispatch_event(&key_event("Escape")).unwrap();
    assert_eq!(count(&svg, ".chart-tooltip:not([display])"), 0, "Escape hides the tooltip");
    // The flow: focusing the payer brings its links forward (0.6), the others' back (0.12).
    let flow = chart(&root, "flow");
    let payer = focus(&flow, ".flow-payer[data-actor=\"central\"]");
    payer.dispatch_event(&focus_in()).unwrap();
    let item = payer.get_attribute("data-item").unwrap();
    assert!(count(&flow, ".flow-link") >= 2);
    assert_eq!(
        count(&flow, ".flow-link[fill-opacity=\"0.6\"]"),
        count(&flow, &format!(".flow-link[data-items~=\"{item}\"]"))
    );
    assert_eq!(count(&flow, ".flow-link[fill-opacity=\"0.35\"]"), 0);
}
