//! Drawing the parts charts share, from their layouts: the chart itself
//! (its frame, its patterns, or the sentence that says there is nothing to
//! draw), legends, money axes, the years, paragraphs, and the patterns that
//! fill shapes. What nobody focuses is written as escaped markup text
//! ([`Markup`], one raw node per part); see the chart modules for the rest.

use yew::prelude::*;

pub use crate::charts::draw::*;

use super::frame::Frame;
use super::layout::legend::Legend;
use super::layout::{Chart, Contents, Paragraph};
use crate::charts::draw;

/// The chart's `<svg>`: its patterns and `contents` drawn by `draw`, or its note.
pub fn chart<B>(frame: &Frame, kind: &'static str, chart: &Chart<B>, draw: impl FnOnce(&B) -> Html) -> Html {
    let body = match &chart.contents {
        Contents::Note(note) => Err(note),
        Contents::Drawn(body) => Ok(draw(body)),
    };
    svg(frame, kind, chart.height, chart.title, &chart.desc, chart.actor_patterns, body)
}

/// [`chart`] once its contents are drawn (written once for every kind of chart).
fn svg(
    frame: &Frame,
    kind: &'static str,
    height: f64,
    title: &str,
    desc: &str,
    actor_patterns: usize,
    body: Result<Html, &Paragraph>,
) -> Html {
    let body = match body {
        Ok(body) => html! {
            <>
                { patterns(&frame.prefix, actor_patterns) }
                { body }
            </>
        },
        Err(note) => {
            let mut svg = Markup::default();
            paragraph(&mut svg, note, "chart-empty", None, false);
            svg.into_html()
        }
    };
    frame.svg(kind, height, title, desc, body)
}

/// The legend, as a raw node.
pub fn legend(legend: &Legend, prefix: &str) -> Html {
    let mut svg = Markup::default();
    draw::legend(&mut svg, legend, prefix);
    svg.into_html()
}

/// The patterns of a chart, as a raw node.
pub fn patterns(prefix: &str, n_actors: usize) -> Html {
    let mut svg = Markup::default();
    draw::patterns(&mut svg, prefix, n_actors);
    svg.into_html()
}
