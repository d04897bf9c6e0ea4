//! The year-by-year tables: the fund, the organisation and society, each
//! actor, and each intervention's totals — every row of the result, the
//! accessible alternative to the charts. Values are in the chosen unit; each
//! cell's `title` has the exact amount rounded to öre and `data-value` the
//! result JSON's string. Above them: the CSV downloads (made on the click)
//! and the Excel workbook, made by a module loaded only on the first click.
//!
//! An actor's table is drawn only while it is open or the page is being
//! printed (`use_printing`): with 50 actors over 60 years the closed tables
//! would otherwise be some 20 000 cells redrawn on every edit.

use std::collections::HashSet;
use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::model::outcome::money_text;
use crate::model::{Outcome, Scenario};
use crate::ui::browser::{self, download_blob, excel_workbook};
use crate::ui::components::print_report::use_printing;
use crate::ui::export::{csv_file, CsvDialect};
use crate::ui::format::{money_bare, money_exact};
use crate::ui::keep::file_name;
use crate::ui::text::T;
use crate::ui::Prefs;

#[derive(Properties, PartialEq)]
pub struct YearTablesProps {
    /// The scenario the outcome belongs to.
    pub scenario: Rc<Scenario>,
    pub outcome: Rc<Outcome>,
}

#[component(YearTables)]
pub fn year_tables(props: &YearTablesProps) -> Html {
    let prefs = use_context::<Prefs>().unwrap_or_default();
    let (lang, unit) = (prefs.lang, prefs.unit);
    let printing = use_printing();
    // The actors whose tables the reader has opened.
    let opened = use_state(HashSet::<String>::new);
    let s = &props.scenario;
    let o = &props.outcome;
    // The Excel workbook: None while idle, Some(true) while its module loads
    // and writes, Some(false) after a failure (the message stays until the next try).
    let xlsx = use_state_eq(|| None::<bool>);
    let on_xlsx = {
        let xlsx = xlsx.clone();
        let scenario = s.clone();
        Callback::from(move |_: MouseEvent| {
            if *xlsx == Some(true) {
                return;
            }
            xlsx.set(Some(true));
            let xlsx = xlsx.clone();
            let json = scenario.to_json();
            let file = format!("{}.xlsx", file_name(&scenario.name).trim_end_matches(".json"));
            wasm_bindgen_futures::spawn_local(async move {
                let done = match excel_workbook(&json, lang.tag()).await {
                    Some(blob) => download_blob(&file, &blob),
                    None => false,
                };
                xlsx.set(if done { None } else { Some(false) });
            });
        })
    };
    let busy = *xlsx == Some(true);
    let currency = s.currency.as_str();
    let unit_label = unit.label(currency, lang);
    let cell = |value: Decimal, field: &'static str| {
        html! {
            <td class={classes!("num", (value.is_sign_negative() && !value.is_zero()).then_some("neg"))}
                title={money_exact(value, currency, lang)} data-value={money_text(value)} data-field={field}>
                { money_bare(value, unit, lang) }
            </td>
        }
    };
    let head = |labels: &[T]| {
        html! {
            <thead><tr>
                <th scope="col">{ T::Year.get(lang) }</th>
                { for labels.iter().map(|l| html! { <th scope="col" class="num">{ l.get(lang) }</th> }) }
            </tr></thead>
        }
    };
    let caption = |title: String| {
        html! { <caption>{ title }<span class="caption-unit">{ format!(" ({} {})", T::AmountsIn.get(lang), unit_label) }</span></caption> }
    };

    let fund = html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={format!("{}: {}", T::YearByYear.get(lang), T::TableFund.get(lang))}>
            <table class="year-table" data-testid="table-fund">
                { caption(T::TableFund.get(lang).to_string()) }
                { head(&[T::Open, T::Allocation, T::Grants, T::Repayments, T::Close]) }
                <tbody>
                    { for o.fund.iter().map(|r| html! {
                        <tr data-year={r.year.to_string()}>
                            <th scope="row">{ r.year }</th>
                            { cell(r.open, "open") }{ cell(r.allocation, "allocation") }{ cell(r.grants, "grants") }
                            { cell(r.repayments, "repayments") }{ cell(r.close, "close") }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    };

    let net = html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={format!("{}: {}", T::YearByYear.get(lang), T::TableNet.get(lang))}>
            <table class="year-table" data-testid="table-net">
                { caption(T::TableNet.get(lang).to_string()) }
                { head(&[T::OrgNet, T::SocietyNet]) }
                <tbody>
                    { for o.years.iter().enumerate().map(|(y, year)| html! {
                        <tr data-year={year.to_string()}>
                            <th scope="row">{ *year }</th>
                            { cell(o.org_net.get(y).copied().unwrap_or_default(), "org_net") }
                            { cell(o.society_net.get(y).copied().unwrap_or_default(), "society_net") }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    };

    let actors = o.actors.iter().enumerate().map(|(index, a)| {
        let actor = s.actor(&a.id);
        let name = actor.map(|x| x.name.clone()).unwrap_or_else(|| a.id.clone());
        let place = if actor.is_some_and(|x| x.inside) { T::InsideShort } else { T::OutsideShort };
        let title = format!("{name} ({})", place.get(lang));
        let is_open = opened.contains(&a.id);
        let ontoggle = {
            let (opened, id) = (opened.clone(), a.id.clone());
            Callback::from(move |e: Event| {
                let now_open = e.target_dyn_into::<web_sys::HtmlDetailsElement>().is_some_and(|d| d.open());
                let mut next = (*opened).clone();
                if now_open { next.insert(id.clone()); } else { next.remove(&id); }
                opened.set(next);
            })
        };
        let table = (is_open || printing).then(|| html! {
                <div class="table-scroll" tabindex="0" role="region" aria-label={format!("{}: {}", T::YearByYear.get(lang), title)}>
                    <table class="year-table" data-testid={format!("table-actor-{}", a.id)}>
                        { caption(title.clone()) }
                        { head(&[T::Savings, T::CoFinancing, T::Repayment, T::FundCost, T::GrantsReceived, T::Net]) }
                        <tbody>
                            { for a.rows.iter().map(|r| html! {
                                <tr data-year={r.year.to_string()}>
                                    <th scope="row">{ r.year }</th>
                                    { cell(r.savings, "savings") }{ cell(r.co_financing, "co_financing") }{ cell(r.repayment, "repayment") }
                                    { cell(r.fund_cost, "fund_cost") }{ cell(r.grants_received, "grants_received") }{ cell(r.net, "net") }
                                </tr>
                            }) }
                        </tbody>
                        <tfoot>
                            <tr>
                                <th scope="row">{ T::Total.get(lang) }</th>
                                { cell(a.savings_total, "savings_total") }
                                <td colspan="3" class="num" title={money_exact(a.cost_borne, currency, lang)}>
                                    { format!("{}: {}", T::CostBorne.get(lang), money_bare(a.cost_borne, unit, lang)) }
                                </td>
                                <td></td>
                                { cell(a.net_total, "net_total") }
                            </tr>
                        </tfoot>
                    </table>
                </div>
        });
        html! {
            <details class="actor-table" key={a.id.clone()} data-testid={format!("actor-table-{}", a.id)} open={is_open} {ontoggle}>
                <summary>
                    <span class={format!("swatch actor-{}", index % 8)} aria-hidden="true"></span>
                    { &title }
                    <span class="summary-figure" title={money_exact(a.npv, currency, lang)}>
                        { format!("{}: {} {}", T::Npv.get(lang), money_bare(a.npv, unit, lang), unit_label) }
                    </span>
                </summary>
                { table }
            </details>
        }
    });

    let interventions = html! {
        <div class="table-scroll" tabindex="0" role="region" aria-label={format!("{}: {}", T::YearByYear.get(lang), T::TableInterventions.get(lang))}>
            <table class="year-table" data-testid="table-interventions">
                { caption(T::TableInterventions.get(lang).to_string()) }
                <thead><tr>
                    <th scope="col">{ T::Intervention.get(lang) }</th>
                    <th scope="col" class="num">{ T::GrantsTotal.get(lang) }</th>
                    <th scope="col" class="num">{ T::RepaidTotal.get(lang) }</th>
                    <th scope="col" class="num">{ T::Outstanding.get(lang) }</th>
                </tr></thead>
                <tbody>
                    { for o.interventions.iter().map(|i| {
                        let name = s.interventions.iter().find(|x| x.id == i.id).map(|x| x.name.clone()).unwrap_or_else(|| i.id.clone());
                        html! {
                            <tr data-id={i.id.clone()}>
                                <th scope="row">{ name }</th>
                                { cell(i.grants_total, "grants_total") }
                                { cell(i.repaid_total, "repaid_total") }
                                { match i.outstanding {
                                    Some(v) => cell(v, "outstanding"),
                                    None => html! { <td class="num" data-value="" data-field="outstanding">{ T::NoCap.get(lang) }</td> },
                                } }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    };

    html! {
        <section class="tables" aria-labelledby="tables-heading" data-testid="year-tables">
            <h2 id="tables-heading">{ T::YearByYear.get(lang) }</h2>
            <p class="hint">{ T::YearByYearHint.get(lang) }</p>
            <div class="csv-downloads" role="group" aria-label={T::DownloadCsv.get(lang)}>
                { for [CsvDialect::SwedishExcel, CsvDialect::Plain].into_iter().map(|dialect| {
                    let (testid, label) = match dialect {
                        CsvDialect::SwedishExcel => ("download-csv", T::DownloadCsvSwedish),
                        CsvDialect::Plain => ("download-csv-plain", T::DownloadCsvPlain),
                    };
                    // The file is made when asked for, not on every edit.
                    let onclick = {
                        let (s, o) = (s.clone(), o.clone());
                        Callback::from(move |_: MouseEvent| {
                            browser::download(dialect.file_name(), "text/csv;charset=utf-8", &csv_file(&s, &o, lang, dialect));
                        })
                    };
                    html! {
                        <button type="button" class="text-button" data-testid={testid} {onclick}>{ label.get(lang) }</button>
                    }
                }) }
                <button type="button" class="text-button" data-testid="download-xlsx" onclick={on_xlsx}
                    aria-disabled={busy.then_some("true")} aria-busy={busy.then_some("true")}>
                    { if busy { T::XlsxBusy.get(lang) } else { T::DownloadXlsx.get(lang) } }
                </button>
            </div>
            <p class="xlsx-status" role="status" data-testid="xlsx-status">
                { if *xlsx == Some(false) { T::XlsxFailed.get(lang) } else { "" } }
            </p>
            { fund }
            { net }
            <h3>{ T::PerActor.get(lang) }</h3>
            { for actors }
            { interventions }
        </section>
    }
}
