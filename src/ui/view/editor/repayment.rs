//! A repayment rule ("återföring") with its parameters and a sentence that
//! says what it means with the current numbers. Used for the scenario's
//! default rule and for each intervention's own rule.

use rust_decimal::Decimal;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::model::{RepaymentRule, ScenarioError};
use crate::ui::view::components::number_field::{as_u32, NumberField};
use crate::ui::view::components::select_field::SelectField;
use crate::ui::view::components::{dom_id, field_error};
use crate::ui::view::Prefs;
use crate::words::app::AppText;
use crate::words::parse::NumKind;

#[derive(Properties, PartialEq)]
pub struct RepaymentEditorProps {
    /// Path of the rule in the scenario (`repayment_default`, `interventions[0].repayment`).
    pub path: AttrValue,
    pub label: AttrValue,
    /// The rule; `None` means "the default" when `inherits`, else "none".
    pub rule: Option<RepaymentRule>,
    /// Whether "follow the scenario's default" is a choice (an intervention's own rule).
    #[prop_or_default]
    pub inherits: bool,
    /// What the rule means, with the current numbers.
    pub sentence: AttrValue,
    pub errors: std::rc::Rc<Vec<ScenarioError>>,
    pub onchange: Callback<Option<RepaymentRule>>,
}

const INHERIT: &str = "default";
const NONE: &str = "none";
const FIXED: &str = "fixed";
const SAVINGS: &str = "savings_share";

fn kind_of(rule: Option<&RepaymentRule>, inherits: bool) -> &'static str {
    match rule {
        None if inherits => INHERIT,
        None | Some(RepaymentRule::None) => NONE,
        Some(RepaymentRule::Fixed { .. }) => FIXED,
        Some(RepaymentRule::SavingsShare { .. }) => SAVINGS,
    }
}

/// A fresh rule of a kind, with the common defaults (100 % in 5 instalments; 50 % of savings up to the grant).
fn rule_of_kind(kind: &str) -> Option<RepaymentRule> {
    match kind {
        NONE => Some(RepaymentRule::None),
        FIXED => Some(RepaymentRule::Fixed { share: Decimal::ONE, years: 5, start_after: 0 }),
        SAVINGS => {
            Some(RepaymentRule::SavingsShare { share: Decimal::new(5, 1), cap: Some(Decimal::ONE), start_after: 0 })
        }
        _ => None,
    }
}

#[component(RepaymentEditor)]
pub fn repayment_editor(props: &RepaymentEditorProps) -> Html {
    let lang = use_context::<Prefs>().unwrap_or_default().lang;
    let path = props.path.to_string();
    let id = dom_id(&path);
    let e = |field: &str| field_error(&props.errors, &format!("{path}.{field}"), lang);
    let rule_error = field_error(&props.errors, &path, lang);
    let inherits = props.inherits;
    let kind = kind_of(props.rule.as_ref(), inherits);
    let mut options = Vec::new();
    if inherits {
        options.push((AttrValue::from(INHERIT), AttrValue::from(AppText::RuleDefault.get(lang))));
    }
    options.push((NONE.into(), AppText::RuleNone.get(lang).into()));
    options.push((FIXED.into(), AppText::RuleFixed.get(lang).into()));
    options.push((SAVINGS.into(), AppText::RuleSavingsShare.get(lang).into()));
    let onkind = props.onchange.reform(|kind: String| rule_of_kind(&kind));

    let params = match props.rule.clone() {
        Some(RepaymentRule::Fixed { share, years, start_after }) => {
            let set = |f: fn(Decimal, Decimal, u32, u32) -> RepaymentRule| {
                props.onchange.reform(move |v: Decimal| Some(f(v, share, years, start_after)))
            };
            html! {
                <div class="field-row">
                    <NumberField id={format!("{id}-share")} label={AppText::FixedShare.get(lang)} kind={NumKind::Percent} value={share}
                        suffix="%" error={e("share")}
                        onchange={set(|v, _, years, start_after| RepaymentRule::Fixed { share: v, years, start_after })} />
                    <NumberField id={format!("{id}-years")} label={AppText::Instalments.get(lang)} kind={NumKind::Count}
                        value={Decimal::from(years)} error={e("years")}
                        onchange={set(|v, share, _, start_after| RepaymentRule::Fixed { share, years: as_u32(v), start_after })} />
                    <NumberField id={format!("{id}-start_after")} label={AppText::FixedStartAfter.get(lang)} kind={NumKind::Count}
                        value={Decimal::from(start_after)} suffix={AppText::YearsUnit.get(lang)} error={e("start_after")}
                        onchange={set(|v, share, years, _| RepaymentRule::Fixed { share, years, start_after: as_u32(v) })} />
                </div>
            }
        }
        Some(RepaymentRule::SavingsShare { share, cap, start_after }) => {
            let onshare =
                props.onchange.reform(move |v| Some(RepaymentRule::SavingsShare { share: v, cap, start_after }));
            let oncap =
                props.onchange.reform(move |v| Some(RepaymentRule::SavingsShare { share, cap: Some(v), start_after }));
            let onstart = props
                .onchange
                .reform(move |v| Some(RepaymentRule::SavingsShare { share, cap, start_after: as_u32(v) }));
            let oncapped = props.onchange.reform(move |e: Event| {
                let capped = e.target_unchecked_into::<HtmlInputElement>().checked();
                Some(RepaymentRule::SavingsShare { share, cap: capped.then_some(Decimal::ONE), start_after })
            });
            let cap_id = format!("{id}-capped");
            html! {
                <>
                <div class="field-row">
                    <NumberField id={format!("{id}-share")} label={AppText::SavingsShare.get(lang)} kind={NumKind::Percent} value={share}
                        suffix="%" error={e("share")} onchange={onshare} />
                    <NumberField id={format!("{id}-start_after")} label={AppText::SavingsStartAfter.get(lang)} kind={NumKind::Count}
                        value={Decimal::from(start_after)} suffix={AppText::YearsUnit.get(lang)} error={e("start_after")}
                        onchange={onstart} />
                </div>
                <div class="checkbox">
                    <input type="checkbox" id={cap_id.clone()} checked={cap.is_some()} data-testid={format!("in-{cap_id}")}
                        onchange={oncapped} />
                    <label for={cap_id}>{ AppText::HasCap.get(lang) }</label>
                </div>
                if let Some(cap) = cap {
                    <NumberField id={format!("{id}-cap")} label={AppText::Cap.get(lang)} kind={NumKind::Percent} value={cap}
                        suffix="%" error={e("cap")} onchange={oncap} />
                }
                </>
            }
        }
        _ => html! {},
    };

    html! {
        <div class="repayment" id={id.clone()} tabindex="-1" data-testid={format!("repayment-{id}")}>
            <SelectField id={format!("{id}-kind")} label={props.label.clone()} value={kind} options={options}
                error={rule_error} onchange={onkind} />
            { params }
            <p class="sentence" aria-live="polite" data-testid={format!("sentence-{id}")}>{ props.sentence.clone() }</p>
        </div>
    }
}
