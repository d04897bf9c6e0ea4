//! SVG charts drawn by the app from an outcome (no chart library).
//!
//! - [`FundChart`] (`data-chart="fund"`): the fund year by year.
//! - [`WhoPaysChart`] (`who-pays`): cost borne against savings, per actor.
//!
//! The money flow and the net per actor and year, below the first results,
//! are drawn whole by the on-demand module from the same layouts
//! (`crate::charts`, shown by `components::later_charts`).
//!
//! Layout as data, drawing as a view: each chart is first laid out by a pure,
//! Yew-free function ([`layout`]: every position, size and text, each
//! focusable item with its label and tooltip), then drawn from that layout by
//! a thin function of this folder (`fund::view`, …) that writes what nobody
//! focuses as markup text ([`draw`]) and the focusable items, with their
//! listeners, and the tooltip as Yew elements ([`tooltip`]). A chart lays
//! itself out once per outcome, language, unit and width; focusing or
//! hovering an item only draws it again.
//!
//! Every chart is an `<svg role="img">` named by its `<title>` and described
//! by its `<desc>`, scaled by its viewBox (see [`frame`]), coloured from the
//! page's CSS custom properties (`--c-pay`, `--c-gain`, `--c-fund`,
//! `--c-balance`, `--c-actor-0..7`, and optionally `--c-halo`,
//! `--c-tooltip-bg`, `--c-tooltip-fg`, `--c-tooltip-border`) with Okabe–Ito
//! fallbacks, never by colour alone. Each bar, row or node is focusable and
//! shows its value on focus and hover. Nothing animates.
//!
//! Amounts become pixels through `to_f64_lossy` only; every amount shown as
//! text goes through `words::format` with exact decimal rounding.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Outcome, Scenario};
use crate::words::format::Unit;
use crate::words::Lang;

pub mod draw;
pub mod frame;
pub mod fund;
pub use crate::charts::layout;
pub mod tooltip;
pub mod who_pays;

pub use frame::Frame;
pub use layout::{Canvas, Chart, ChartInput};
pub use tooltip::Focus;

/// What every chart needs: the scenario (names, inside/outside, term years), its outcome, and how to show numbers.
#[derive(Properties, PartialEq, Clone)]
pub struct ChartProps {
    pub scenario: Rc<Scenario>,
    pub outcome: Rc<Outcome>,
    pub lang: Lang,
    pub unit: Unit,
}

impl ChartProps {
    /// What a layout is computed from.
    pub fn input(&self) -> ChartInput<'_> {
        ChartInput { scenario: &self.scenario, outcome: &self.outcome, lang: self.lang, unit: self.unit }
    }
}

/// The fund over time: allocations, grants and repayments per year as bars, the closing balance as a line.
#[function_component(FundChart)]
pub fn fund_chart(props: &ChartProps) -> Html {
    use_chart(props, Kind::Fund)
}

/// Who pays, who gains: per actor, the cost borne against the savings received, and the net.
#[function_component(WhoPaysChart)]
pub fn who_pays_chart(props: &ChartProps) -> Html {
    use_chart(props, Kind::WhoPays)
}

/// Which chart a component draws.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Fund,
    WhoPays,
}

impl Kind {
    /// `data-chart`, and the start of its element ids.
    fn name(self) -> &'static str {
        match self {
            Kind::Fund => "fund",
            Kind::WhoPays => "who-pays",
        }
    }
}

/// A chart laid out (one type for both, so that the component's hook is written once).
// One is kept per chart component: boxing the larger one would only add code.
#[allow(clippy::large_enum_variant)]
enum Laid {
    Fund(Chart<layout::fund::FundLayout>),
    WhoPays(Chart<layout::who_pays::WhoPaysLayout>),
}

/// What a chart's layout depends on. The scenario and the outcome are
/// compared by address: the reducer makes a new one for every change, and
/// comparing two large outcomes value by value on every hover would cost
/// more than it saves.
struct LayoutKey {
    props: ChartProps,
    canvas: Canvas,
    drawn: bool,
}

impl PartialEq for LayoutKey {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.props.scenario, &other.props.scenario)
            && Rc::ptr_eq(&self.props.outcome, &other.props.outcome)
            && self.props.lang == other.props.lang
            && self.props.unit == other.props.unit
            && self.canvas == other.canvas
            && self.drawn == other.drawn
    }
}

/// A chart component's body: its frame and focus, its layout — computed
/// only once its width is known (computing a drawing before and dropping it
/// cost about 100 ms of a large scenario's first render), and again only
/// when the outcome, the language, the unit or the width change — and its
/// drawing; before the width is known, an empty `<svg>` to measure.
#[hook]
fn use_chart(props: &ChartProps, kind: Kind) -> Html {
    let frame = frame::use_frame(kind.name());
    let focus = tooltip::use_focus();
    let key = LayoutKey { props: props.clone(), canvas: frame.canvas(), drawn: frame.is_drawn() };
    let laid = use_memo(key, |key| {
        let (input, canvas) = (key.props.input(), &key.canvas);
        key.drawn.then(|| match kind {
            Kind::Fund => Laid::Fund(layout::fund::layout(&input, canvas)),
            Kind::WhoPays => Laid::WhoPays(layout::who_pays::layout(&input, canvas)),
        })
    });
    match laid.as_ref() {
        Some(Laid::Fund(chart)) => fund::view(chart, &frame, &focus),
        Some(Laid::WhoPays(chart)) => who_pays::view(chart, &frame, &focus),
        None => frame.empty(kind.name()),
    }
}

#[cfg(test)]
mod tests {
    //! Every chart laid out and drawn natively for awkward outcomes: none may panic.

    use super::*;
    use layout::checks::{outcome, scenario};
    use rust_decimal::Decimal;

    fn draw_all(s: Scenario, o: Outcome) {
        for lang in [Lang::Sv, Lang::En] {
            for unit in Unit::ALL {
                let input = ChartInput { scenario: &s, outcome: &o, lang, unit };
                for frame in [Frame::wide("t"), Frame::compact("t"), Frame::new("t", 340.0), Frame::new("t", 1000.0)] {
                    let canvas = frame.canvas();
                    let charts = (layout::fund::layout(&input, &canvas), layout::who_pays::layout(&input, &canvas));
                    let _ = crate::charts::flow::svg(&input, &canvas, "t");
                    let _ = crate::charts::actor_years::svg(&input, &canvas, "t");
                    for focus in [Focus::none(), Focus::at(0), Focus::at(1), Focus::at(999)] {
                        let _ = fund::view(&charts.0, &frame, &focus);
                        let _ = who_pays::view(&charts.1, &frame, &focus);
                    }
                }
            }
        }
    }

    #[test]
    fn an_empty_outcome_does_not_panic() {
        draw_all(scenario(0), outcome(0, 0, |_, _| Decimal::ZERO));
        draw_all(scenario(2), outcome(0, 2, |_, _| Decimal::ZERO));
    }

    #[test]
    fn one_year_and_all_zeros_do_not_panic() {
        draw_all(scenario(3), outcome(1, 3, |_, _| Decimal::ZERO));
        draw_all(scenario(3), outcome(1, 3, |_, _| Decimal::from(1_000_000)));
    }

    #[test]
    fn huge_and_negative_amounts_do_not_panic() {
        draw_all(scenario(4), outcome(5, 4, |y, a| if (y + a) % 2 == 0 { Decimal::MAX } else { Decimal::MIN }));
        draw_all(scenario(4), outcome(60, 4, |y, a| Decimal::from((y as i64 - 30) * (a as i64 + 1) * 1_000_003)));
    }

    #[test]
    fn many_actors_and_unknown_ids_do_not_panic() {
        // 20 actors in the outcome, only 5 in the scenario: names fall back to ids.
        draw_all(scenario(5), outcome(15, 20, |y, a| Decimal::from((y * 7 + a * 13) as i64 * 10_000 - 50_000)));
    }

    #[test]
    fn the_fund_chart_finds_the_first_negative_year() {
        let o = outcome(4, 1, |y, i| if i == 3 { Decimal::from(2 - y as i64) } else { Decimal::ONE });
        // Closes 2, 1, 0, −1: the fund runs dry in the fourth year, 2029.
        assert_eq!(fund::first_negative_year(&o.fund), Some(2029));
    }
}
