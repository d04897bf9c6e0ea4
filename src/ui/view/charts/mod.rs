//! SVG charts drawn by the app from an outcome (no chart library).
//!
//! - [`FundChart`] (`data-chart="fund"`): the fund year by year.
//! - [`WhoPaysChart`] (`who-pays`): cost borne against savings, per actor.
//! - [`FlowChart`] (`flow`): from those who pay to those who gain.
//! - [`ActorYearChart`] (`actor-years`): net per actor and year, with terms of office.
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
//! text goes through `words::format` with exact decimal rounding. Each chart's
//! drawing is a plain function (`view`) of its props, its [`frame::Frame`]
//! and its [`tooltip::Focus`], so it can be drawn and tested outside a browser.

use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Outcome, Scenario};
use crate::words::format::Unit;
use crate::words::Lang;

pub mod actor_years;
pub mod axis;
pub mod flow;
pub mod frame;
pub mod fund;
pub mod labels;
pub mod legend;
pub mod palette;
pub mod tooltip;
pub mod who_pays;

pub use frame::Frame;
pub use labels::{Labels, Money};
pub use tooltip::Focus;

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
pub fn fund_chart(props: &ChartProps) -> Html {
    use_chart(props, "fund", fund::view)
}

/// Who pays, who gains: per actor, the cost borne against the savings received, and the net.
#[function_component(WhoPaysChart)]
pub fn who_pays_chart(props: &ChartProps) -> Html {
    use_chart(props, "who-pays", who_pays::view)
}

/// A Sankey-style flow from those who pay to those who gain, actors grouped inside / outside.
#[function_component(FlowChart)]
pub fn flow_chart(props: &ChartProps) -> Html {
    use_chart(props, "flow", flow::view)
}

/// Net budget effect per actor and year as diverging stacked bars, with term-of-office boundaries.
#[function_component(ActorYearChart)]
pub fn actor_year_chart(props: &ChartProps) -> Html {
    use_chart(props, "actor-years", actor_years::view)
}

/// A chart component's body: its frame and focus, then its drawing (`view`),
/// computed only once its width is known; before that, an empty `<svg>` to
/// measure (computing the drawing and dropping it cost about 100 ms of a
/// large scenario's first render).
#[hook]
fn use_chart(props: &ChartProps, kind: &'static str, view: fn(&ChartProps, &Frame, &Focus) -> Html) -> Html {
    let frame = frame::use_frame(kind);
    let focus = tooltip::use_focus();
    if frame.is_drawn() {
        view(props, &frame, &focus)
    } else {
        frame.empty(kind)
    }
}

/// The actors inside the organisation first, the scenario's order kept within
/// each group (a partition: a stable sort would add its own code for this).
pub fn inside_first<T>(items: Vec<T>, is_inside: impl Fn(&T) -> bool) -> Vec<T> {
    let (mut inside, outside): (Vec<T>, Vec<T>) = items.into_iter().partition(|x| is_inside(x));
    inside.extend(outside);
    inside
}

#[cfg(test)]
mod tests {
    //! Every chart drawn natively for awkward outcomes: none may panic.

    use super::*;
    use crate::model::{Accounting, Actor, ActorOutcome, ActorYear, Fund, FundYear, KeyFigures};
    use rust_decimal::Decimal;

    fn scenario(actors: usize) -> Scenario {
        Scenario {
            schema_version: 1,
            name: "t".into(),
            description: String::new(),
            currency: "SEK".into(),
            start_year: 2026,
            horizon_years: 1,
            discount_rate: Decimal::ZERO,
            actors: (0..actors)
                .map(|i| Actor { id: format!("a{i}"), name: format!("Aktör {i}"), inside: i % 3 != 2 })
                .collect(),
            fund: Fund {
                financed_by: "a0".into(),
                accounting: Accounting::Appropriation,
                initial_capital: Decimal::ZERO,
                allocations: vec![],
            },
            repayment_default: None,
            interventions: vec![],
        }
    }

    fn outcome(years: usize, actors: usize, value: impl Fn(usize, usize) -> Decimal) -> Outcome {
        let ys: Vec<i32> = (0..years).map(|y| 2026 + y as i32).collect();
        Outcome {
            schema_version: 1,
            years: ys.clone(),
            fund: ys
                .iter()
                .enumerate()
                .map(|(i, &year)| FundYear {
                    year,
                    open: value(i, 0),
                    allocation: value(i, 0).abs(),
                    grants: value(i, 1).abs(),
                    repayments: value(i, 2).abs(),
                    close: value(i, 3),
                })
                .collect(),
            actors: (0..actors)
                .map(|a| ActorOutcome {
                    id: format!("a{a}"),
                    rows: ys
                        .iter()
                        .enumerate()
                        .map(|(i, &year)| ActorYear {
                            year,
                            savings: value(i, a),
                            co_financing: value(i, a + 1),
                            repayment: Decimal::ZERO,
                            fund_cost: Decimal::ZERO,
                            grants_received: Decimal::ZERO,
                            net: value(i, a).saturating_sub(value(i, a + 1)),
                        })
                        .collect(),
                    npv: Decimal::ZERO,
                    cost_borne: value(0, a + 1),
                    savings_total: value(0, a),
                    net_total: value(0, a).saturating_sub(value(0, a + 1)),
                })
                .collect(),
            interventions: vec![],
            org_net: vec![Decimal::ZERO; years],
            society_net: vec![Decimal::ZERO; years],
            key_figures: KeyFigures {
                total_cost: Decimal::ZERO,
                savings_inside: Decimal::ZERO,
                savings_outside: Decimal::ZERO,
                org_npv: Decimal::ZERO,
                society_npv: Decimal::ZERO,
                payback_year: None,
                fund_first_negative_year: None,
                revolving_ratio: None,
            },
        }
    }

    fn draw_all(s: Scenario, o: Outcome) {
        for lang in [Lang::Sv, Lang::En] {
            for unit in Unit::ALL {
                let props = ChartProps { scenario: Rc::new(s.clone()), outcome: Rc::new(o.clone()), lang, unit };
                for frame in [Frame::wide("t"), Frame::compact("t"), Frame::new("t", 340.0), Frame::new("t", 1000.0)] {
                    for focus in [Focus::none(), Focus::at(0), Focus::at(1), Focus::at(999)] {
                        let _ = fund::view(&props, &frame, &focus);
                        let _ = who_pays::view(&props, &frame, &focus);
                        let _ = flow::view(&props, &frame, &focus);
                        let _ = actor_years::view(&props, &frame, &focus);
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
