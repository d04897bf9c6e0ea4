//! The per-intervention break-even: the success rate at which the
//! organisation breaks even through one intervention alone, in words where
//! the number is not a rate one can reach (> 100 %, < 0, or none).

use super::{intervention_name, BreakEvenJson};
use crate::explain::decision::{DecisionKey, End};
use crate::markup::Markup;
use crate::model::Scenario;
pub use crate::words::decision_charts::needed_text;
use crate::words::decision_charts::DecisionText;
use crate::words::format::percent;
use crate::words::Lang;

/// Rows: intervention, needed rate (or words), assumed rate.
pub fn rows(s: &Scenario, be: &BreakEvenJson, lang: Lang) -> Vec<[String; 3]> {
    be.interventions
        .iter()
        .map(|i| {
            let assumed = s
                .interventions
                .iter()
                .find(|x| x.id == i.id)
                .map(|x| percent(x.success_rate, 1, lang))
                .unwrap_or_default();
            [intervention_name(s, &i.id), needed_text(i.success_rate_for_org_npv, lang), assumed]
        })
        .collect()
}

pub fn markup(s: &Scenario, be: &BreakEvenJson, lang: Lang) -> String {
    let mut m = Markup::default();
    let title = DecisionText::BreakEvenTitle.get(lang);
    m.open("figure").attr("class", "decision-figure decision-break-even").end();
    m.open("figcaption").end().text(title).shut("figcaption");
    m.open("div")
        .attr("class", "table-scroll")
        .attr("tabindex", "0")
        .attr("role", "region")
        .attr("aria-label", title)
        .end();
    m.open("table").attr("class", "decision-table break-even-table").end().open("thead").end().open("tr").end();
    for h in [DecisionText::Intervention, DecisionText::SuccessRate, DecisionText::Assumed] {
        m.open("th").attr("scope", "col").end().text(h.get(lang)).shut("th");
    }
    m.shut("tr").shut("thead").open("tbody").end();
    for (r, i) in rows(s, be, lang).into_iter().zip(&be.interventions) {
        m.open("tr").end().open("th").attr("scope", "row").end().text(&r[0]).shut("th");
        // The rate needed opens its derivation (`explain::decision`).
        let key = DecisionKey::BreakEven { intervention: &i.id }.key();
        m.open("td").attr("data-explain", &key).attr("tabindex", "-1").end().text(&r[1]).shut("td");
        // The rate assumed is an input: its explanation says where it is set.
        let assumed = DecisionKey::Input { end: End::Assumed, parameter: 0, intervention: &i.id }.key();
        m.open("td");
        if !r[2].is_empty() {
            m.attr("data-explain", &assumed).attr("tabindex", "-1");
        }
        m.end().text(&r[2]).shut("td").shut("tr");
    }
    m.shut("tbody").shut("table").shut("div");
    m.open("p").attr("class", "decision-note").end().text(DecisionText::BreakEvenNote.get(lang)).shut("p");
    m.shut("figure");
    m.into_string()
}
