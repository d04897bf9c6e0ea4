//! The year-by-year tables: the fund, the organisation and society, each
//! actor, and each intervention's totals — every row of the result, the
//! accessible alternative to the charts. Their markup is written by the
//! on-demand module ([`crate::report::year_tables`]), loaded when the tables
//! come within a screen of the viewport or the page is printed: they are not
//! part of the first results. Above them: the CSV downloads and the Excel
//! workbook, made by the same module on the click.
//!
//! An actor's table is asked for only while it is open or the page is being
//! printed (`use_printing`): with 50 actors over 60 years the closed tables
//! would otherwise be some 20 000 cells written on every edit.

use std::collections::HashSet;
use std::rc::Rc;

use yew::prelude::*;

use crate::model::{Outcome, Scenario};
use crate::report::year_tables::actor_title;
use crate::ui::browser::{self, analysis, download_blob, excel_workbook};
use crate::ui::export::{csv_file_name, CsvDialect};
use crate::ui::state::keep::file_name;
use crate::ui::view::components::explain::Explainable;
use crate::ui::view::components::print_report::{use_on_demand, use_printing};
use crate::ui::view::markup::raw_html;
use crate::ui::view::Prefs;
use crate::words::app::AppText;
use crate::words::format::{money_bare, money_exact};

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
    let section = use_node_ref();
    // The module that writes the tables, asked for when they come near the
    // screen, or at once for printing.
    let loaded = use_on_demand(printing, section.clone());
    // The actors' tables asked for: the open ones, or all when printing.
    let shown: Vec<String> =
        o.actors.iter().filter(|a| printing || opened.contains(&a.id)).map(|a| a.id.clone()).collect();
    let markup =
        use_memo((s.clone(), lang, unit, shown.clone(), loaded == Some(true)), |(s, lang, unit, shown, ready)| {
            if !*ready {
                return None;
            }
            let ids: Vec<&str> = shown.iter().map(String::as_str).collect();
            analysis::year_tables(&crate::ui::view::json_of(s), *lang, *unit, &ids)
        });
    let part = |index: usize| markup.as_ref().as_ref().and_then(|parts| parts.get(index)).map(|m| raw_html(m.clone()));
    // The Excel workbook and the CSV files: None while idle, Some(true) while
    // the module loads and writes, Some(false) after a failure (the message
    // stays until the next try).
    let xlsx = use_state_eq(|| None::<bool>);
    let csv_failed = use_state_eq(|| false);
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

    let actors = o.actors.iter().enumerate().map(|(index, a)| {
        let title = actor_title(s, &a.id, lang);
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
        let table = shown.iter().position(|id| *id == a.id).and_then(|at| part(3 + at));
        html! {
            <details class="actor-table" key={a.id.clone()} data-testid={format!("actor-table-{}", a.id)} open={is_open} {ontoggle}>
                <summary>
                    <span class={format!("swatch actor-{}", index % 8)} aria-hidden="true"></span>
                    <span class="summary-title">{ &title }</span>
                    <span class="summary-figure" title={money_exact(a.npv, currency, lang)}>
                        { format!("{}: {} {}", AppText::Npv.get(lang), money_bare(a.npv, unit, lang), unit_label) }
                    </span>
                </summary>
                // The table arrives in an element of its own: swapping the
                // details' own children would move its summary and lose the
                // keyboard focus of a reader who has just opened it.
                <div class="actor-table-body">{ table }</div>
            </details>
        }
    });
    let waiting = match loaded {
        Some(false) => {
            html! { <p class="tables-status" role="status" data-testid="tables-status">{ AppText::TablesFailed.get(lang) }</p> }
        }
        _ if markup.is_none() => {
            html! { <p class="tables-status" role="status" data-testid="tables-status">{ AppText::TablesLoading.get(lang) }</p> }
        }
        _ => html! {},
    };

    html! {
        <section class="tables" aria-labelledby="tables-heading" data-testid="year-tables" ref={section}>
            <h2 id="tables-heading">{ AppText::YearByYear.get(lang) }</h2>
            <p class="hint">{ AppText::YearByYearHint.get(lang) }</p>
            <div class="csv-downloads" role="group" aria-label={AppText::DownloadCsv.get(lang)}>
                { for [CsvDialect::SwedishExcel, CsvDialect::Plain].into_iter().map(|dialect| {
                    let (testid, label) = match dialect {
                        CsvDialect::SwedishExcel => ("download-csv", AppText::DownloadCsvSwedish),
                        CsvDialect::Plain => ("download-csv-plain", AppText::DownloadCsvPlain),
                    };
                    // The file is made when asked for, not on every edit.
                    let onclick = {
                        let (s, csv_failed) = (s.clone(), csv_failed.clone());
                        Callback::from(move |_: MouseEvent| {
                            let name = csv_file_name(&s.name, dialect, lang);
                            let (json, csv_failed) = (s.to_json(), csv_failed.clone());
                            wasm_bindgen_futures::spawn_local(async move {
                                let swedish = dialect == CsvDialect::SwedishExcel;
                                let done = match analysis::csv_file(&json, lang, swedish).await {
                                    Some(text) => browser::download(&name, "text/csv;charset=utf-8", &text),
                                    None => false,
                                };
                                csv_failed.set(!done);
                            });
                        })
                    };
                    html! {
                        <button type="button" class="text-button" data-testid={testid} {onclick}>{ label.get(lang) }</button>
                    }
                }) }
                <button type="button" class="text-button" data-testid="download-xlsx" onclick={on_xlsx}
                    aria-disabled={busy.then_some("true")} aria-busy={busy.then_some("true")}>
                    { if busy { AppText::XlsxBusy.get(lang) } else { AppText::DownloadXlsx.get(lang) } }
                </button>
            </div>
            <p class="xlsx-status" role="status" data-testid="xlsx-status">
                { if *xlsx == Some(false) { AppText::XlsxFailed.get(lang) } else if *csv_failed { AppText::CsvFailed.get(lang) } else { "" } }
            </p>
            { waiting }
            <Explainable scenario={s.clone()}>
                { part(0) }
                { part(1) }
                <h3>{ AppText::PerActor.get(lang) }</h3>
                { for actors }
                { part(2) }
            </Explainable>
        </section>
    }
}
