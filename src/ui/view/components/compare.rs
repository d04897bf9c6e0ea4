//! Plan A against plan B: the "Compare with…" control (the scenario as it is
//! now, a preset, a file) and, while comparing, the comparison: the key
//! figures of A and B with their differences, and who pays, who gains per
//! actor, each difference with its sign and unit in words (colour is never
//! the only cue). The tables are only read: written as markup text
//! ([`comparison_tables`], pure and tested natively), one raw node.

use std::rc::Rc;

use rust_decimal::Decimal;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::model::{Outcome, Scenario};
use crate::ui::browser;
use crate::ui::state::compare::Origin;
use crate::ui::state::file::MAX_SCENARIO_BYTES;
use crate::ui::state::{Action, Baseline, Compare};
use crate::ui::view::markup::Markup;
use crate::ui::view::Prefs;
use crate::words::app::{AppText, CompareText};
use crate::words::format::{money, number, percent, Unit};
use crate::words::labels::Label;
use crate::words::Lang;

#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// A: the scenario being edited (its last valid state) and its outcome.
    pub scenario: Rc<Scenario>,
    pub outcome: Rc<Outcome>,
    /// B, when comparing.
    pub baseline: Option<Rc<Baseline>>,
    /// Whether A breaks a rule now (no swapping then).
    pub has_errors: bool,
    pub onaction: Callback<Action>,
}

#[component(ComparePanel)]
pub fn compare_panel(props: &CompareProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let (lang, unit) = (prefs.lang, prefs.unit);
    let onchoose = props.onaction.reform(|e: Event| {
        let select = e.target_unchecked_into::<HtmlSelectElement>();
        let value = select.value();
        // Back to the prompt: the control chooses, it does not show a state.
        select.set_value("");
        match value.as_str() {
            "now" => Compare::CurrentPinned,
            id => Compare::PresetPinned(id.to_string()),
        }
        .into()
    });
    let onfile = {
        let onaction = props.onaction.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let file = input.files().and_then(|files| files.get(0));
            input.set_value("");
            if let Some(file) = file {
                let (name, onaction) = (file.name(), onaction.clone());
                browser::read_file(file, MAX_SCENARIO_BYTES, move |read| {
                    onaction.emit(Compare::FilePinned { name, read }.into());
                });
            }
        })
    };
    let presets = crate::presets::all();
    let control = html! {
        <div class="compare-control" data-testid="compare-control">
            <label for="compare-with">{ CompareText::CompareWith.get(lang) }</label>
            <select id="compare-with" data-testid="compare-with" onchange={onchoose}>
                <option value="" selected=true>{ "—" }</option>
                <option value="now">{ CompareText::PinCurrent.get(lang) }</option>
                <optgroup label={CompareText::PinPreset.get(lang)}>
                    { for presets.iter().map(|p| html! { <option value={p.id}>{ lang.pick(p.title.sv, p.title.en) }</option> }) }
                </optgroup>
            </select>
            <span class="file-button">
                <input type="file" id="compare-file" class="file-input" accept=".json,application/json"
                    data-testid="compare-file" onchange={onfile} />
                <label for="compare-file" class="text-button">{ CompareText::PinFile.get(lang) }</label>
            </span>
        </div>
    };
    let Some(baseline) = &props.baseline else {
        return html! { <section class="compare" aria-label={CompareText::CompareWith.get(lang)}>{ control }</section> };
    };
    let tables = comparison_tables(&props.scenario, &props.outcome, baseline, lang, unit);
    html! {
        <section class="compare comparing" aria-labelledby="compare-heading" data-testid="comparison">
            <h2 id="compare-heading">{ CompareText::Heading.get(lang) }</h2>
            <ul class="compare-names">
                <li data-testid="compare-a"><strong>{ "A: " }</strong>{ &props.scenario.name }</li>
                <li data-testid="compare-b"><strong>{ "B: " }</strong>{ baseline.name() }{ format!(" ({})", origin_text(&baseline.origin, lang)) }</li>
            </ul>
            <div class="compare-actions">
                <button type="button" class="text-button" data-testid="compare-swap" disabled={props.has_errors}
                    onclick={props.onaction.reform(|_| Compare::Swapped.into())}>{ CompareText::Swap.get(lang) }</button>
                <button type="button" class="text-button" data-testid="compare-leave"
                    onclick={props.onaction.reform(|_| Compare::Left.into())}>{ CompareText::Leave.get(lang) }</button>
            </div>
            <div class="compare-tables">{ tables.into_html() }</div>
            { control }
        </section>
    }
}

/// Where B came from, in words.
fn origin_text(origin: &Origin, lang: Lang) -> String {
    match origin {
        Origin::Pinned => CompareText::Pinned.get(lang).to_string(),
        Origin::Preset => CompareText::FromPreset.get(lang).to_string(),
        Origin::Link => CompareText::FromLink.get(lang).to_string(),
        Origin::File(name) => format!("{} {}", CompareText::FromFile.get(lang), crate::model::Echo::new(name)),
    }
}

/// A difference with its sign written out (`+`, or the language's minus),
/// and "no difference" for zero: the sign is read, not only coloured.
pub fn signed(value: Decimal, text: String, lang: Lang) -> String {
    if value.is_zero() {
        format!("0 ({})", CompareText::NoDifference.get(lang))
    } else if value.is_sign_positive() {
        format!("+{text}")
    } else {
        text
    }
}

/// The comparison's two tables as markup text: the key figures of A and B
/// with A − B, and each actor's net over the horizon (who pays, who gains)
/// in A and B with A − B. Actors are matched by id (A's order, then those
/// only B has); one absent from a scenario is "–" there, its difference too.
pub fn comparison_tables(a: &Scenario, ao: &Outcome, b: &Baseline, lang: Lang, unit: Unit) -> Markup {
    let (ka, kb) = (&ao.key_figures, &b.outcome.key_figures);
    let currency = a.currency.as_str();
    let cash = |v: Decimal| money(v, unit, currency, lang);
    let mut m = Markup::default();
    let head = |m: &mut Markup, first: &str| {
        m.open("thead").end().open("tr").end();
        for h in [
            first,
            CompareText::ScenarioA.get(lang),
            CompareText::ScenarioB.get(lang),
            CompareText::Difference.get(lang),
        ] {
            m.open("th").attr("scope", "col").end().text(h).shut("th");
        }
        m.shut("tr").shut("thead").open("tbody").end();
    };
    let row = |m: &mut Markup, testid: &str, name: &str, cells: [String; 3], sign: &str| {
        m.open("tr").attr("data-testid", testid).end();
        m.open("th").attr("scope", "row").end().text(name).shut("th");
        for (i, cell) in cells.iter().enumerate() {
            m.open("td");
            if i == 2 {
                m.attr("class", sign).attr("data-testid", &format!("{testid}-diff"));
            }
            m.end().text(cell).shut("td");
        }
        m.shut("tr");
    };
    let diff_class = |d: Decimal| match (d.is_zero(), d.is_sign_positive()) {
        (true, _) => "diff-none",
        (false, true) => "diff-up",
        (false, false) => "diff-down",
    };
    m.open("table").attr("class", "compare-table").attr("data-testid", "compare-figures").end();
    m.open("caption").end().text(AppText::KeyFigures.get(lang)).shut("caption");
    head(&mut m, CompareText::Figure.get(lang));
    let amounts = [
        ("cmp-total-cost", Label::TotalCost, ka.total_cost, kb.total_cost),
        ("cmp-savings-inside", Label::SavingsInside, ka.savings_inside, kb.savings_inside),
        ("cmp-savings-outside", Label::SavingsOutsideOrganisation, ka.savings_outside, kb.savings_outside),
        ("cmp-org-npv", Label::OrganisationPresentValue, ka.org_npv, kb.org_npv),
        ("cmp-society-npv", Label::SocietyPresentValue, ka.society_npv, kb.society_npv),
    ];
    for (testid, label, va, vb) in amounts {
        let d = va - vb;
        row(&mut m, testid, label.get(lang), [cash(va), cash(vb), signed(d, cash(d), lang)], diff_class(d));
    }
    let year = |y: Option<i32>| y.map_or_else(|| Label::NoPayback.get(lang).to_string(), |y| y.to_string());
    let years = match (ka.payback_year, kb.payback_year) {
        (Some(ya), Some(yb)) => {
            let d = Decimal::from(ya) - Decimal::from(yb);
            let unit = lang.pick(" år", if d.abs() == Decimal::ONE { " year" } else { " years" });
            (signed(d, format!("{}{unit}", number(d, 0, lang)), lang), diff_class(d))
        }
        _ => ("–".to_string(), "diff-none"),
    };
    row(
        &mut m,
        "cmp-payback",
        Label::PaybackYear.get(lang),
        [year(ka.payback_year), year(kb.payback_year), years.0],
        years.1,
    );
    let ratio = |r: Option<Decimal>| r.map_or_else(|| "–".to_string(), |r| percent(r, 0, lang));
    let points = match (ka.revolving_ratio, kb.revolving_ratio) {
        (Some(ra), Some(rb)) => {
            let d = (ra - rb) * Decimal::ONE_HUNDRED;
            let words = lang.pick(" procentenheter", " percentage points");
            (signed(d, format!("{}{words}", number(d, 0, lang)), lang), diff_class(d))
        }
        _ => ("–".to_string(), "diff-none"),
    };
    row(
        &mut m,
        "cmp-revolving",
        Label::RevolvingRatio.get(lang),
        [ratio(ka.revolving_ratio), ratio(kb.revolving_ratio), points.0],
        points.1,
    );
    m.shut("tbody").shut("table");

    // Who pays, who gains: each actor's net over the horizon.
    m.open("table").attr("class", "compare-table").attr("data-testid", "compare-actors").end();
    m.open("caption").end().text(CompareText::ActorNet.get(lang)).shut("caption");
    head(&mut m, Label::Actor.get(lang));
    let mut ids: Vec<&str> = ao.actors.iter().map(|x| x.id.as_str()).collect();
    for x in &b.outcome.actors {
        if !ids.contains(&x.id.as_str()) {
            ids.push(&x.id);
        }
    }
    let net = |o: &Outcome, id: &str| o.actors.iter().find(|x| x.id == id).map(|x| x.net_total);
    for (i, id) in ids.into_iter().enumerate() {
        let name = a.actor(id).or_else(|| b.scenario.actor(id)).map_or(id, |x| x.name.as_str());
        let (na, nb) = (net(ao, id), net(&b.outcome, id));
        let shown = |v: Option<Decimal>| v.map_or_else(|| "–".to_string(), cash);
        let (d, class) = match (na, nb) {
            (Some(na), Some(nb)) => (signed(na - nb, cash(na - nb), lang), diff_class(na - nb)),
            _ => ("–".to_string(), "diff-none"),
        };
        row(&mut m, &format!("cmp-actor-{i}"), name, [shown(na), shown(nb), d], class);
    }
    m.shut("tbody").shut("table");
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::state::compare::Baseline;
    use std::str::FromStr;

    #[test]
    fn differences_carry_their_sign_and_unit_in_words() {
        let d = |s: &str| Decimal::from_str(s).unwrap();
        // 1 250 000 kr in thousands is 1 250 tkr; its sign written: "+1 250 tkr".
        let text = |v: &str, lang| signed(d(v), money(d(v), Unit::Thousand, "SEK", lang), lang);
        assert_eq!(text("1250000", Lang::Sv), "+1\u{a0}250\u{a0}tkr");
        assert_eq!(text("-1250000", Lang::Sv), "\u{2212}1\u{a0}250\u{a0}tkr");
        assert_eq!(text("0", Lang::En), "0 (no difference)");
    }

    #[test]
    fn the_tables_give_a_minus_b_for_every_figure_and_actor() {
        // B: the example; A: the same with the discount rate raised, so that
        // costs and savings (undiscounted) are equal and only present values differ.
        let b_scenario = crate::ui::state::example_scenario();
        let mut a = b_scenario.clone();
        a.discount_rate = Decimal::new(10, 2);
        let (ao, bo) = (crate::model::simulate(&a).unwrap(), crate::model::simulate(&b_scenario).unwrap());
        let b = Baseline::of(Rc::new(b_scenario), None, Origin::Pinned).unwrap();
        let html = comparison_tables(&a, &ao, &b, Lang::En, Unit::One).into_string();
        assert!(html.contains("data-testid=\"cmp-total-cost-diff\">0 (no difference)</td>"), "{html}");
        // A higher rate discounts later savings more: the organisation's present value falls.
        let fall = ao.key_figures.org_npv - bo.key_figures.org_npv;
        assert!(fall < Decimal::ZERO);
        assert!(html.contains(&format!(
            "class=\"diff-down\" data-testid=\"cmp-org-npv-diff\">{}",
            money(fall, Unit::One, "SEK", Lang::En)
        )));
        assert_eq!(
            html.matches("data-testid=\"cmp-actor-").count(),
            2 * ao.actors.len(),
            "a row and a difference per actor"
        );
    }
}
