//! The scenario's general settings: name, description, years, discount rate, currency.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::explain::term::Term;

use crate::model::{Scenario, ScenarioError};
use crate::ui::state::{Action, GeneralEdit};
use crate::ui::view::components::field_error;
use crate::ui::view::components::number_field::{as_i32, as_u32, NumberField};
use crate::ui::view::components::text_field::TextField;
use crate::ui::view::Prefs;
use crate::words::app::AppText;
use crate::words::parse::NumKind;

#[derive(Properties)]
pub struct GeneralEditorProps {
    pub scenario: Rc<Scenario>,
    pub errors: Rc<Vec<ScenarioError>>,
    pub onaction: Callback<Action>,
}

/// Drawn again only when what it shows changed: an edit elsewhere (the
/// allocation, an intervention) leaves its fields alone (issue 12).
impl PartialEq for GeneralEditorProps {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (&self.scenario, &other.scenario);
        (Rc::ptr_eq(a, b)
            || (a.name == b.name
                && a.description == b.description
                && a.start_year == b.start_year
                && a.horizon_years == b.horizon_years
                && a.discount_rate == b.discount_rate
                && a.currency == b.currency))
            && self.errors == other.errors
            && self.onaction == other.onaction
    }
}

#[component(GeneralEditor)]
pub fn general_editor(props: &GeneralEditorProps) -> Html {
    let lang = use_context::<Prefs>().unwrap_or_default().lang;
    let s = &props.scenario;
    let e = |path: &str| field_error(&props.errors, path, lang);
    let on = &props.onaction;
    html! {
        <section class="editor-section" aria-labelledby="ed-general">
            <h3 id="ed-general">{ AppText::SectionScenario.get(lang) }</h3>
            <TextField id="name" label={AppText::ScenarioName.get(lang)} value={s.name.clone()} error={e("name")}
                oninput={on.reform(|name| GeneralEdit::Renamed(name).into())} />
            <TextField id="description" label={AppText::Description.get(lang)} value={s.description.clone()} multiline=true
                error={e("description")} oninput={on.reform(|text| GeneralEdit::DescriptionChanged(text).into())} />
            <div class="field-row">
                <NumberField id="start_year" label={AppText::StartYear.get(lang)} kind={NumKind::Year} value={Decimal::from(s.start_year)}
                    error={e("start_year")} onchange={on.reform(|v| GeneralEdit::StartYearChanged(as_i32(v)).into())} />
                <NumberField id="horizon_years" label={AppText::Horizon.get(lang)} kind={NumKind::Count} value={Decimal::from(s.horizon_years)}
                    suffix={AppText::YearsUnit.get(lang)} error={e("horizon_years")}
                    onchange={on.reform(|v| GeneralEdit::HorizonChanged(as_u32(v)).into())} />
            </div>
            <div class="field-row">
                <NumberField id="discount_rate" label={AppText::DiscountRate.get(lang)} kind={NumKind::Percent} value={s.discount_rate}
                    suffix="%" hint={AppText::DiscountRateHint.get(lang)} error={e("discount_rate")} term={Term::DiscountRate}
                    onchange={on.reform(|rate| GeneralEdit::DiscountRateChanged(rate).into())} />
                <TextField id="currency" label={AppText::Currency.get(lang)} value={s.currency.clone()} error={e("currency")}
                    oninput={on.reform(|currency| GeneralEdit::CurrencyChanged(currency).into())} />
            </div>
        </section>
    }
}
