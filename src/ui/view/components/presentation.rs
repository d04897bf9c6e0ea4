//! Presentation mode (`view=present`): for a speaker on a stage, read from the
//! back of a hall. The preset's title, the few key figures that matter (who
//! pays, who gains, the payback year against the term of office, the fund at
//! the end), the "who pays, who gains" chart and the fund chart, only the
//! three controls a speaker changes live (yearly allocation, repayment share,
//! expected effect), the QR code of the page's link for the audience, and
//! keys to step through the presets. What each key does is decided in
//! [`crate::ui::state::present`]; every edit goes through the reducer as an [`Action`].

use std::rc::Rc;

use rust_decimal::Decimal;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::model::outcome::money_text;
use crate::model::term::Term;
use crate::model::{Outcome, Scenario, ScenarioError};
use crate::ui::state::present::{command_for, share_control, step, with_share, Command, Focus, ShareControl};
use crate::ui::state::{Action, FundEdit, InterventionEdit, Load, Notice};
use crate::ui::view::charts::{FundChart, WhoPaysChart};
use crate::ui::view::components::analysis_words::AnalysisWords;
use crate::ui::view::components::field_error;
use crate::ui::view::components::notice_banner::NoticeBanner;
use crate::ui::view::components::number_field::NumberField;
use crate::ui::view::components::qr_dialog::{use_qr_code, QrCode, QrDialog};
use crate::ui::view::components::select_field::SelectField;
use crate::ui::view::markup::Markup;
use crate::ui::view::Prefs;
use crate::words::app::{for_years, payback_shown, preset_position, AppText, PresentText};
use crate::words::format::{money_auto, money_exact, Unit};
use crate::words::parse::NumKind;
use crate::words::rules as explain;

#[derive(Properties, PartialEq)]
pub struct PresentationProps {
    /// The scenario as edited (may break a rule while a field is being fixed).
    pub scenario: Rc<Scenario>,
    /// The last valid scenario, the one `outcome` belongs to.
    pub valid: Rc<Scenario>,
    pub outcome: Rc<Outcome>,
    pub errors: Rc<Vec<ScenarioError>>,
    /// The preset the scenario came from.
    pub preset_id: Option<AttrValue>,
    /// The title shown (the preset's, in the reader's language, or the scenario's name).
    pub title: AttrValue,
    /// The page's link (with `view=present`); `None` when embedded in another page.
    pub link: Option<AttrValue>,
    /// Whether the app owns the page: keys are then heard anywhere on it;
    /// embedded, only while the focus is inside the app.
    pub owns_page: bool,
    pub notice: Option<Notice>,
    /// Counts whole-scenario loads: the fields start afresh on each.
    pub generation: u32,
    pub onaction: Callback<Action>,
    /// Leave presentation mode (back to the full app).
    pub onleave: Callback<()>,
    /// The analysis of the valid scenario: the break-even sentence and the chance of paying back.
    #[prop_or_default]
    pub analysis: crate::ui::state::analysis::Analysis,
}

#[component(Presentation)]
pub fn presentation(props: &PresentationProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let lang = prefs.lang;
    let presets = use_memo((), |_| crate::presets::all());
    let current = props.preset_id.as_deref().and_then(|id| presets.iter().position(|p| p.id == id));
    let qr_large = use_state(|| false);
    let root = use_node_ref();
    let qr_button = use_node_ref();

    // What a key does, with the state of this render (the listener below is set up once).
    let on_command = {
        let (presets, qr_large, onaction, onleave) =
            (presets.clone(), qr_large.clone(), props.onaction.clone(), props.onleave.clone());
        Callback::from(move |command: Command| match command {
            Command::ToggleQr => qr_large.set(!*qr_large),
            Command::Leave => onleave.emit(()),
            step_command => {
                if let Some(target) = step(current, presets.len(), step_command).and_then(|i| presets.get(i)) {
                    onaction.emit(Load::PresetLoaded(target.id.to_string()).into());
                }
            }
        })
    };
    let latest = use_mut_ref(Callback::<Command>::noop);
    *latest.borrow_mut() = on_command.clone();
    {
        let (latest, root, owns_page, onleave) = (latest.clone(), root.clone(), props.owns_page, props.onleave.clone());
        use_effect_with((), move |_| {
            let document = gloo::utils::document();
            let keys = gloo::events::EventListener::new(&document, "keydown", move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                // A dialog (the large QR code) has handled it already.
                if event.default_prevented() {
                    return;
                }
                let target = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
                if !owns_page {
                    // Embedded: only keys pressed inside the app, never the host page's.
                    let inside = root.get().zip(target.as_ref()).is_some_and(|(r, t)| r.contains(Some(t)));
                    if !inside {
                        return;
                    }
                }
                let modifier = event.ctrl_key() || event.alt_key() || event.meta_key();
                if let Some(command) = command_for(&event.key(), focus_of(target.as_ref()), modifier) {
                    event.prevent_default();
                    latest.borrow().emit(command);
                }
            });
            // Leaving full screen (Esc, which the browser keeps for itself there) leaves the presentation too.
            let was_fullscreen = std::cell::Cell::new(false);
            let fullscreen = gloo::events::EventListener::new(&document, "fullscreenchange", move |_| {
                if crate::ui::browser::is_fullscreen() {
                    was_fullscreen.set(true);
                } else if was_fullscreen.replace(false) {
                    onleave.emit(());
                }
            });
            move || drop((keys, fullscreen))
        });
    }

    let s = &props.scenario;
    let k = &props.outcome.key_figures;
    let valid = &props.valid;
    let currency = valid.currency.as_str();
    let term = Term::current_for(valid.start_year);
    let fund_end = props.outcome.fund.last().map(|r| r.close).unwrap_or(Decimal::ZERO);
    let end_year = props.outcome.years.last().copied().unwrap_or(valid.start_year);
    // Charts in millions when the amounts are that large: short axis labels.
    let unit = chart_unit(k.total_cost.max(fund_end.abs()));
    // The figures are only read: written as markup text, one raw node.
    let figure = |m: &mut Markup, testid: &str, label: &str, value: Decimal, note: Option<String>, tone: &str| {
        m.open("div").attr("class", &format!("pr-kf {tone}")).attr("data-testid", testid).end();
        m.open("dt").end().text(label).shut("dt").open("dd").end();
        m.open("span").attr("class", "pr-kf-value").attr("title", &money_exact(value, currency, lang));
        m.attr("data-value", &money_text(value)).end().text(&money_auto(value, currency, lang)).shut("span");
        if let Some(note) = note {
            m.open("span").attr("class", "pr-kf-note").end().text(&note).shut("span");
        }
        m.shut("dd").shut("div");
    };
    let figures = {
        let mut m = Markup::default();
        figure(&mut m, "pr-cost", AppText::TotalCost.get(lang), k.total_cost, None, "pay");
        figure(&mut m, "pr-savings-inside", AppText::SavingsInside.get(lang), k.savings_inside, None, "gain");
        figure(
            &mut m,
            "pr-savings-outside",
            AppText::SavingsOutside.get(lang),
            k.savings_outside,
            None,
            "gain-outside",
        );
        let payback = payback_shown(k, term, lang);
        let class = match payback.within {
            Some(true) => "pr-kf payback within",
            Some(false) => "pr-kf payback after",
            None => "pr-kf payback",
        };
        m.open("div").attr("class", class).attr("data-testid", "pr-payback").end();
        m.open("dt").end().text(AppText::PaybackYear.get(lang)).shut("dt").open("dd").end();
        let year = if payback.within.is_some() { k.payback_year.map(|y| y.to_string()) } else { None };
        m.open("span").attr("class", "pr-kf-value").attr("data-value", year.as_deref().unwrap_or("")).end();
        m.text(&payback.value).shut("span");
        m.open("span").attr("class", "pr-kf-note").end();
        if let Some(within) = payback.within {
            m.open("span").attr("aria-hidden", "true").end().text(if within { "✓ " } else { "✗ " }).shut("span");
        }
        m.text(&payback.note).shut("span").shut("dd").shut("div");
        let dry = k.fund_first_negative_year;
        let label = format!("{} ({end_year})", PresentText::FundAtEnd.get(lang));
        let tone = if dry.is_some() { "dry" } else { "fund" };
        figure(&mut m, "pr-fund-end", &label, fund_end, dry.map(|y| AppText::fund_runs_dry_short(y, lang)), tone);
        // An outcome contract's key figure: what the payers pay for outcomes, and the investor's net (issue 15).
        for c in &props.outcome.outcome_contracts {
            use crate::words::contracts::ContractText as T;
            let label = format!("{}: {}", T::Heading.get(lang), T::PaymentsTotal.get(lang));
            let note = format!("{} {}", T::InvestorNet.get(lang), money_auto(c.investor_net, currency, lang));
            figure(&mut m, &format!("pr-contract-{}", c.id), &label, c.payments_total, Some(note), "pay");
        }
        m.into_html()
    };

    // The three live controls.
    let on = &props.onaction;
    let plan_years = s.fund.allocations.len();
    let years_for_amount = if plan_years == 0 { (s.horizon_years as usize).max(1) } else { plan_years };
    let amount = s.fund.allocations.first().copied().unwrap_or(Decimal::ZERO);
    let allocation_error =
        (0..plan_years).find_map(|y| field_error(&props.errors, &format!("fund.allocations[{y}]"), lang));
    let allocation = html! {
        <NumberField key={format!("alloc-{}", props.generation)} id="present-allocation"
            label={AppText::YearlyAllocation.get(lang)} kind={NumKind::Money} value={amount}
            suffix={prefs.currency_label()} hint={AttrValue::from(for_years(years_for_amount, lang))}
            error={allocation_error}
            onchange={on.reform(move |amount| FundEdit::AllocationPlanned { amount, years: years_for_amount }.into())} />
    };
    let rule = s.repayment_default.clone();
    let share_error = field_error(&props.errors, "repayment_default.share", lang);
    let share_field = |label: PresentText, value: Decimal| {
        let rule = rule.clone();
        html! {
            <NumberField key={format!("share-{}", props.generation)} id="present-repayment-share"
                label={label.get(lang)} kind={NumKind::Percent} value={value} suffix={AttrValue::from("%")}
                error={share_error.clone()}
                onchange={on.reform(move |share| FundEdit::DefaultRepaymentChanged(with_share(rule.as_ref(), share)).into())} />
        }
    };
    let repayment = match share_control(rule.as_ref()) {
        ShareControl::OfSavings(share) => share_field(PresentText::ShareOfSavings, share),
        ShareControl::OfGrant(share) => share_field(PresentText::ShareOfGrant, share),
        ShareControl::Grant => html! {
            <p class="pr-rule" data-testid="pr-repayment-rule">{ explain::default_rule(rule.as_ref(), lang) }</p>
        },
    };
    // The expected effect: the chosen intervention's success rate (the first one until another is chosen).
    let chosen = use_state(|| 0usize);
    let index = if *chosen < s.interventions.len() { *chosen } else { 0 };
    let effect = s.interventions.get(index).map(|iv| {
        let options: Vec<(AttrValue, AttrValue)> = s
            .interventions
            .iter()
            .enumerate()
            .map(|(i, iv)| (AttrValue::from(i.to_string()), AttrValue::from(iv.name.clone())))
            .collect();
        let choose = {
            let chosen = chosen.clone();
            Callback::from(move |value: String| chosen.set(value.parse().unwrap_or(0)))
        };
        let error = field_error(&props.errors, &format!("interventions[{index}].success_rate"), lang);
        html! {
            <>
                if s.interventions.len() > 1 {
                    <SelectField id="present-effect-of" label={PresentText::EffectOf.get(lang)}
                        value={AttrValue::from(index.to_string())} {options} onchange={choose} />
                }
                <NumberField key={format!("effect-{}-{index}", props.generation)} id="present-effect"
                    label={PresentText::ExpectedEffect.get(lang)} kind={NumKind::Percent} value={iv.success_rate}
                    suffix={AttrValue::from("%")} {error}
                    onchange={on.reform(move |v| Action::intervention(index, InterventionEdit::ExpectedEffectChanged(v)))} />
            </>
        }
    });

    // Shown once made; the page's link stays reachable from the large dialog.
    let qr_code = use_qr_code(props.link.clone());
    let qr_making = qr_code == QrCode::Making;
    let qr_svg = match qr_code {
        QrCode::Ready(svg) => Some(svg.replacen("role=\"img\"", "aria-hidden=\"true\"", 1)),
        _ => None,
    };
    let onqrclose = {
        let (qr_large, qr_button) = (qr_large.clone(), qr_button.clone());
        Callback::from(move |()| {
            qr_large.set(false);
            if let Some(button) = qr_button.cast::<web_sys::HtmlElement>() {
                let _ = button.focus();
            }
        })
    };
    // The key hints are only read: written as markup text.
    let key = |m: &mut Markup, keys: &[&str], what: PresentText| {
        m.open("li").end();
        for k in keys {
            m.open("kbd").end().text(k).shut("kbd");
        }
        m.text(" ").text(what.get(lang)).shut("li");
    };
    // Keys 1 to 9 open the presets in order (`state::present`).
    let preset_keys = match presets.len().clamp(1, 9) {
        1 => "1".to_string(),
        last => format!("1–{last}"),
    };
    let keys = {
        let mut m = Markup::default();
        key(&mut m, &["→", "Space"], PresentText::KeyNext);
        key(&mut m, &["←"], PresentText::KeyPrevious);
        key(&mut m, &[&preset_keys], PresentText::KeyPreset);
        key(&mut m, &["Q"], PresentText::KeyQr);
        key(&mut m, &["Esc"], PresentText::KeyLeave);
        m.into_html()
    };

    html! {
        <div class="presentation" ref={root} data-testid="presentation">
            <div class="pr-top">
                <div class="pr-top-main">
                    <h1 class="pr-title" data-testid="pr-title">{ props.title.clone() }</h1>
                    <NoticeBanner notice={props.notice.clone()} onaction={props.onaction.clone()} />
                    <section class="pr-figures" aria-labelledby="pr-figures-heading">
                        <h2 id="pr-figures-heading" class="visually-hidden">{ PresentText::Figures.get(lang) }</h2>
                        <dl class="pr-kf-grid">{ figures }</dl>
                        <div class="pr-decision" data-testid="pr-decision">
                            <AnalysisWords scenario={props.valid.clone()} outcome={props.outcome.clone()}
                                analysis={props.analysis.clone()} presentation=true />
                        </div>
                    </section>
                </div>
                if let Some(svg) = qr_svg.clone() {
                    <div class="pr-qr">
                        <button type="button" class="pr-qr-button" ref={qr_button.clone()} data-testid="pr-qr"
                            aria-label={PresentText::QrLarger.get(lang)} aria-haspopup="dialog"
                            onclick={{ let qr_large = qr_large.clone(); move |_| qr_large.set(true) }}>
                            // Our own SVG, drawn from the link: no user text inside.
                            { Html::from_html_unchecked(AttrValue::from(svg)) }
                        </button>
                        <p class="pr-qr-caption">{ AppText::QrTitle.get(lang) }</p>
                    </div>
                } else if qr_making {
                    // Its place is kept while it is made, so the figures do not move.
                    <div class="pr-qr" aria-hidden="true"><div class="pr-qr-placeholder"></div></div>
                }
            </div>
            <div class="pr-body">
                <figure class="pr-chart" data-testid="pr-chart-who-pays">
                    <figcaption><h2>{ AppText::ChartWhoPays.get(lang) }</h2></figcaption>
                    <div class="pr-chart-box">
                        <WhoPaysChart scenario={valid.clone()} outcome={props.outcome.clone()} lang={lang} unit={unit} />
                    </div>
                </figure>
                <figure class="pr-chart" data-testid="pr-chart-fund">
                    <figcaption><h2>{ AppText::ChartFund.get(lang) }</h2></figcaption>
                    <div class="pr-chart-box">
                        <FundChart scenario={valid.clone()} outcome={props.outcome.clone()} lang={lang} unit={unit} />
                    </div>
                </figure>
                <div class="pr-side">
                    <section class="pr-controls" aria-labelledby="pr-controls-heading" data-testid="pr-controls">
                        <h2 id="pr-controls-heading">{ PresentText::Controls.get(lang) }</h2>
                        { allocation }
                        { repayment }
                        { for effect }
                    </section>
                </div>
            </div>
            <footer class="pr-foot">
                <div class="pr-keys" data-testid="pr-keys">
                    <h2 class="visually-hidden">{ PresentText::Keys.get(lang) }</h2>
                    <ul>{ keys }</ul>
                </div>
                <div class="pr-foot-side">
                    if let Some(i) = current {
                        <span class="pr-position" data-testid="pr-position">{ preset_position(i, presets.len(), lang) }</span>
                    }
                    <button type="button" class="text-button pr-leave" data-testid="pr-leave"
                        onclick={props.onleave.reform(|_| ())}>{ PresentText::Leave.get(lang) }</button>
                </div>
            </footer>
            if *qr_large {
                if let Some(link) = props.link.clone() {
                    <QrDialog {link} onclose={onqrclose} />
                }
            }
        </div>
    }
}

/// The unit of the presentation's charts: millions for amounts of a million or more.
fn chart_unit(largest: Decimal) -> Unit {
    if largest >= Decimal::from(1_000_000) {
        Unit::Million
    } else if largest >= Decimal::from(10_000) {
        Unit::Thousand
    } else {
        Unit::One
    }
}

/// Where a key was pressed: in a field (typing), on a control, or elsewhere.
fn focus_of(target: Option<&web_sys::Element>) -> Focus {
    let Some(element) = target else { return Focus::Page };
    match element.tag_name().to_ascii_lowercase().as_str() {
        "input" | "select" | "textarea" => Focus::Field,
        "button" | "a" | "summary" => Focus::Control,
        _ => {
            let editable = element.dyn_ref::<web_sys::HtmlElement>().is_some_and(|e| e.is_content_editable());
            if editable {
                Focus::Field
            } else {
                Focus::Page
            }
        }
    }
}
