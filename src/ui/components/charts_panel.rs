//! The four charts, each in a figure with a heading; the year-by-year tables
//! below them are their accessible alternative.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Outcome, Scenario};
use crate::ui::charts::{ActorYearChart, FlowChart, FundChart, WhoPaysChart};
use crate::ui::text::T;
use crate::ui::Prefs;

#[derive(Properties, PartialEq)]
pub struct ChartsPanelProps {
    /// The scenario the outcome belongs to.
    pub scenario: Rc<Scenario>,
    pub outcome: Rc<Outcome>,
}

#[component(ChartsPanel)]
pub fn charts_panel(props: &ChartsPanelProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let (lang, unit) = (prefs.lang, prefs.unit);
    let figure = |testid: &'static str, title: T, caption: T, chart: Html| {
        html! {
            <figure class="chart-figure" data-testid={testid}>
                <figcaption>
                    <h3>{ title.get(lang) }</h3>
                    <p class="hint">{ caption.get(lang) }</p>
                </figcaption>
                <div class="chart-box">{ chart }</div>
            </figure>
        }
    };
    let s = props.scenario.clone();
    let o = props.outcome.clone();
    html! {
        <section class="charts" aria-labelledby="charts-heading">
            <h2 id="charts-heading" class="visually-hidden">{ T::Charts.get(lang) }</h2>
            { figure("chart-fund", T::ChartFund, T::ChartFundCaption,
                html! { <FundChart scenario={s.clone()} outcome={o.clone()} lang={lang} unit={unit} /> }) }
            { figure("chart-who-pays", T::ChartWhoPays, T::ChartWhoPaysCaption,
                html! { <WhoPaysChart scenario={s.clone()} outcome={o.clone()} lang={lang} unit={unit} /> }) }
            { figure("chart-actor-years", T::ChartActorYears, T::ChartActorYearsCaption,
                html! { <ActorYearChart scenario={s.clone()} outcome={o.clone()} lang={lang} unit={unit} /> }) }
            { figure("chart-flow", T::ChartFlow, T::ChartFlowCaption,
                html! { <FlowChart scenario={s} outcome={o} lang={lang} unit={unit} /> }) }
        </section>
    }
}
