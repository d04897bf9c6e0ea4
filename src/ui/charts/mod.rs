//! SVG charts drawn by the app from an outcome.
//!
//! STUB: the charts helper replaces these components' bodies; the names and props stay.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Outcome, Scenario};
use crate::ui::format::Unit;
use crate::ui::i18n::Lang;

/// What every chart needs: the scenario (names, inside/outside, term years), its outcome, and how to show numbers.
#[derive(Properties, PartialEq, Clone)]
pub struct ChartProps {
    pub scenario: Rc<Scenario>,
    pub outcome: Rc<Outcome>,
    pub lang: Lang,
    pub unit: Unit,
}

/// The fund over time: allocations, grants and repayments per year as bars, the closing balance as a line.
#[function_component(FundChart)]
pub fn fund_chart(_props: &ChartProps) -> Html {
    html! { <svg class="chart" data-chart="fund"></svg> }
}

/// Who pays, who gains: per actor, the cost borne against the savings received, and the net.
#[function_component(WhoPaysChart)]
pub fn who_pays_chart(_props: &ChartProps) -> Html {
    html! { <svg class="chart" data-chart="who-pays"></svg> }
}

/// A Sankey-style flow from those who pay to those who gain, actors grouped inside / outside.
#[function_component(FlowChart)]
pub fn flow_chart(_props: &ChartProps) -> Html {
    html! { <svg class="chart" data-chart="flow"></svg> }
}

/// Net budget effect per actor and year as diverging stacked bars, with term-of-office boundaries.
#[function_component(ActorYearChart)]
pub fn actor_year_chart(_props: &ChartProps) -> Html {
    html! { <svg class="chart" data-chart="actor-years"></svg> }
}
