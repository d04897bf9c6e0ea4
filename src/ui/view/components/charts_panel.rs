//! The four charts, each in a figure with a heading; the year-by-year tables
//! below them are their accessible alternative. Each figure offers its chart
//! as an SVG or a PNG file, made in the page.
//!
//! In the app's first frame only the fund chart is drawn: the other three,
//! below it, follow once that frame is painted (their headings are there at
//! once), so that a large scenario's first results come sooner.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Outcome, Scenario};
use crate::ui::browser;
use crate::ui::view::charts::layout::{who_pays, ChartInput};
use crate::ui::view::charts::{FundChart, WhoPaysChart};
use crate::ui::view::components::explain::Explainable;
use crate::ui::view::components::later_charts::{ActorYearChart, FlowChart};
use crate::ui::view::Prefs;
use crate::words::app::{download_chart_label, AppText};

#[derive(Properties, PartialEq)]
pub struct ChartsPanelProps {
    /// The scenario the outcome belongs to.
    pub scenario: Rc<Scenario>,
    pub outcome: Rc<Outcome>,
    /// True while the app draws its first frame: the charts after the fund
    /// chart wait (`aria-busy`) until it is painted.
    #[prop_or_default]
    pub first_frame: bool,
}

#[component(ChartsPanel)]
pub fn charts_panel(props: &ChartsPanelProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let (lang, unit) = (prefs.lang, prefs.unit);
    // The checked sum under who pays, who gains, and what the flow's total is made of: text, read by everyone.
    let input = ChartInput { scenario: &props.scenario, outcome: &props.outcome, lang, unit };
    // (The flow's total line comes with the flow, from the on-demand module: `charts::flow::svg_with_total`.)
    let reconcile = who_pays::reconcile_line(&input);
    let figure = |testid: &'static str, title: AppText, caption: AppText, chart: Option<Html>, note: Option<String>| {
        // Each download serialises the `<svg>` in this figure as it is drawn now.
        let download = |format: &'static str, button: AppText| {
            let file_name = format!("fundsim-{testid}.{format}");
            let onclick = Callback::from(move |e: MouseEvent| {
                let svg = e
                    .target_dyn_into::<web_sys::Element>()
                    .and_then(|t| t.closest("figure").ok().flatten())
                    .and_then(|f| f.query_selector(".chart-box svg").ok().flatten());
                if let Some(svg) = svg {
                    if format == "svg" {
                        browser::download_chart_svg(&svg, &file_name);
                    } else {
                        browser::download_chart_png(&svg, &file_name, 2.0);
                    }
                }
            });
            html! {
                <button type="button" class="text-button chart-download" data-testid={format!("{testid}-download-{format}")}
                    aria-label={download_chart_label(button, title, lang)} {onclick}>
                    { button.get(lang) }
                </button>
            }
        };
        html! {
            <figure class="chart-figure" data-testid={testid}>
                <figcaption>
                    <h3>{ title.get(lang) }</h3>
                    <p class="hint">{ caption.get(lang) }</p>
                </figcaption>
                if let Some(chart) = chart {
                    <div class="chart-box">{ chart }</div>
                    if let Some(note) = note {
                        <p class="chart-sum" data-testid={format!("{testid}-sum")}>{ note }</p>
                    }
                    <div class="chart-downloads">
                        { download("svg", AppText::DownloadSvg) }
                        { download("png", AppText::DownloadPng) }
                    </div>
                } else {
                    <div class="chart-box chart-waiting" aria-busy="true"></div>
                }
            </figure>
        }
    };
    let s = props.scenario.clone();
    let o = props.outcome.clone();
    let later = |chart: Html| (!props.first_frame).then_some(chart);
    html! {
        <section class="charts" aria-labelledby="charts-heading">
            <h2 id="charts-heading" class="visually-hidden">{ AppText::Charts.get(lang) }</h2>
            // Every chart's items open "How is this calculated?".
            <Explainable scenario={s.clone()}>
            { figure("chart-fund", AppText::ChartFund, AppText::ChartFundCaption,
                Some(html! { <FundChart scenario={s.clone()} outcome={o.clone()} lang={lang} unit={unit} /> }), None) }
            { figure("chart-who-pays", AppText::ChartWhoPays, AppText::ChartWhoPaysCaption,
                later(html! { <WhoPaysChart scenario={s.clone()} outcome={o.clone()} lang={lang} unit={unit} /> }), Some(reconcile)) }
            { figure("chart-actor-years", AppText::ChartActorYears, AppText::ChartActorYearsCaption,
                later(html! { <ActorYearChart scenario={s.clone()} outcome={o.clone()} lang={lang} unit={unit} /> }), None) }
            { figure("chart-flow", AppText::ChartFlow, AppText::ChartFlowCaption,
                later(html! { <FlowChart scenario={s.clone()} outcome={o} lang={lang} unit={unit} /> }), None) }
            </Explainable>
        </section>
    }
}
