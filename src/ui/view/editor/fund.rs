//! The fund: who finances it, how it is accounted for, its initial capital and allocations.

use std::rc::Rc;

use yew::prelude::*;

use crate::explain::term::Term;
use crate::ui::view::components::explain::term_button;

use crate::model::{Accounting, Outcome, Scenario, ScenarioError};
use crate::tables::reconcile::{add, fund_totals};
use crate::ui::state::{Action, FundEdit};
use crate::ui::view::components::field_error;
use crate::ui::view::components::number_field::NumberField;
use crate::ui::view::components::select_field::SelectField;
use crate::ui::view::editor::allocations::AllocationsEditor;
use crate::ui::view::Prefs;
use crate::words::app::AppText;
use crate::words::format::money_bare;
use crate::words::parse::NumKind;

#[derive(Properties, PartialEq)]
pub struct FundEditorProps {
    pub scenario: Rc<Scenario>,
    /// The last valid outcome: its figures in the sentence on how the totals add up.
    pub outcome: Rc<Outcome>,
    pub errors: Rc<Vec<ScenarioError>>,
    pub onaction: Callback<Action>,
}

#[component(FundEditor)]
pub fn fund_editor(props: &FundEditorProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let lang = prefs.lang;
    let s = &props.scenario;
    let e = |path: &str| field_error(&props.errors, path, lang);
    let on = &props.onaction;
    let actors: Vec<(AttrValue, AttrValue)> =
        s.actors.iter().map(|a| (AttrValue::from(a.id.clone()), AttrValue::from(a.name.clone()))).collect();
    let accounting = |value: Accounting, id: &'static str, label: AppText, explain: AppText| {
        let onchange = on.reform(move |_: Event| FundEdit::AccountingChosen(value).into());
        html! {
            <div class="choice">
                <input type="radio" name="fund-accounting" id={id} checked={s.fund.accounting == value}
                    data-testid={format!("in-{id}")} {onchange} />
                <label for={id}>
                    <span class="choice-title">{ label.get(lang) }</span>
                    <span class="choice-explain">{ explain.get(lang) }</span>
                </label>
            </div>
        }
    };
    // How the totals add up under the chosen accounting, with this outcome's figures.
    let identity = {
        let f = fund_totals(s, &props.outcome);
        let equity = s.fund.accounting == Accounting::EarmarkedEquity;
        let kept = if equity { f.left } else { add(add(f.allocations, f.repayments), -f.grants) };
        let money = |v| format!("{}\u{a0}{}", money_bare(v, prefs.unit, lang), prefs.unit.label(&prefs.currency, lang));
        AppText::accounting_identity(equity, &money(f.allocations), &money(kept), lang)
    };
    html! {
        <section class="editor-section" aria-labelledby="ed-fund">
            <h3 id="ed-fund">{ AppText::SectionFund.get(lang) }{ term_button(Term::Fund, AppText::SectionFund.get(lang), lang) }</h3>
            <SelectField id="fund-financed_by" label={AppText::FinancedBy.get(lang)} value={s.fund.financed_by.clone()}
                options={actors} error={e("fund.financed_by")} onchange={on.reform(|id| FundEdit::FinancerChosen(id).into())} />
            <fieldset class="choices">
                <legend>{ AppText::Accounting.get(lang) }{ term_button(Term::Accounting, AppText::Accounting.get(lang), lang) }</legend>
                { accounting(Accounting::Appropriation, "fund-accounting-appropriation", AppText::Appropriation, AppText::AppropriationExplain) }
                { accounting(Accounting::EarmarkedEquity, "fund-accounting-earmarked", AppText::EarmarkedEquity, AppText::EarmarkedEquityExplain) }
                <p class="hint" data-testid="accounting-identity">{ identity }</p>
            </fieldset>
            <NumberField id="fund-initial_capital" label={AppText::InitialCapital.get(lang)} kind={NumKind::Money}
                value={s.fund.initial_capital} suffix={prefs.currency_label()} error={e("fund.initial_capital")}
                onchange={on.reform(|amount| FundEdit::InitialCapitalChanged(amount).into())} />
            <AllocationsEditor scenario={props.scenario.clone()} errors={props.errors.clone()} onaction={on.clone()} />
        </section>
    }
}
