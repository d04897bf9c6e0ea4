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
use crate::ui::export::{csv_file, csv_file_name, CsvDialect};
use crate::ui::state::keep::file_name;
use crate::ui::text::T;
use crate::ui::view::components::print_report::use_printing;
use crate::ui::view::markup::Markup;
use crate::ui::view::Prefs;
use crate::words::format::{money_bare, money_exact, Unit};
use crate::words::Lang;

#[derive(Properties, PartialEq)]
pub struct YearTablesProps {
    /// The scenario the outcome belongs to.
    pub scenario: Rc<Scenario>,
    pub outcome: Rc<Outcome>,
}

/// What every table shares: the reader's language and unit. The tables are
/// only read, so each is written as markup text ([`Markup`]), one raw node:
/// with 50 actors over 60 years that is thousands of cells.
struct Tables<'a> {
    lang: Lang,
    unit: Unit,
    currency: &'a str,
    unit_label: &'a str,
}

impl Tables<'_> {
    /// A scrollable region with its table, caption (`title (amounts in …)`)
    /// and an open `<tbody>` after [`Table::head`].
    fn start(&self, title: &str, testid: &str) -> Table<'_> {
        let lang = self.lang;
        let mut m = Markup::default();
        m.open("div").attr("class", "table-scroll").attr("tabindex", "0").attr("role", "region");
        m.attr("aria-label", &format!("{}: {}", T::YearByYear.get(lang), title)).end();
        m.open("table").attr("class", "year-table").attr("data-testid", testid).end();
        m.open("caption").end().text(title).open("span").attr("class", "caption-unit").end();
        m.text(&format!(" ({} {})", T::AmountsIn.get(lang), self.unit_label)).shut("span").shut("caption");
        Table { m, tables: self }
    }
}

/// One table being written.
struct Table<'a> {
    m: Markup,
    tables: &'a Tables<'a>,
}

impl Table<'_> {
    /// The header row, then the body opens.
    fn head(&mut self, first: T, labels: &[T]) {
        let lang = self.tables.lang;
        self.m.open("thead").end().open("tr").end();
        self.m.open("th").attr("scope", "col").end().text(first.get(lang)).shut("th");
        for label in labels {
            self.m.open("th").attr("scope", "col").attr("class", "num").end().text(label.get(lang)).shut("th");
        }
        self.m.shut("tr").shut("thead").open("tbody").end();
    }

    /// `<tr key="value"><th scope="row">heading</th>` (the cells follow; then `</tr>`).
    fn row(&mut self, key: &str, value: &str, heading: &str) {
        self.m.open("tr").attr(key, value).end();
        self.m.open("th").attr("scope", "row").end().text(heading).shut("th");
    }

    /// An amount in the chosen unit; its `title` is exact to the öre and
    /// `data-value` the result JSON's string.
    fn cell(&mut self, value: Decimal, field: &str) -> &mut Self {
        let t = self.tables;
        let class = if value.is_sign_negative() && !value.is_zero() { "num neg" } else { "num" };
        self.m.open("td").attr("class", class).attr("title", &money_exact(value, t.currency, t.lang));
        self.m.attr("data-value", &money_text(value)).attr("data-field", field).end();
        self.m.text(&money_bare(value, t.unit, t.lang)).shut("td");
        self
    }

    /// Closes the body, the table and the region.
    fn finish(mut self) -> Html {
        self.m.shut("tbody").shut("table").shut("div");
        self.m.into_html()
    }
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
    let tables = Tables { lang, unit, currency, unit_label: &unit_label };

    let fund = {
        let mut t = tables.start(T::TableFund.get(lang), "table-fund");
        t.head(T::Year, &[T::Open, T::Allocation, T::Grants, T::Repayments, T::Close]);
        for r in &o.fund {
            t.row("data-year", &r.year.to_string(), &r.year.to_string());
            t.cell(r.open, "open").cell(r.allocation, "allocation").cell(r.grants, "grants");
            t.cell(r.repayments, "repayments").cell(r.close, "close");
            t.m.shut("tr");
        }
        t.finish()
    };

    let net = {
        let mut t = tables.start(T::TableNet.get(lang), "table-net");
        t.head(T::Year, &[T::OrgNet, T::SocietyNet]);
        for (y, year) in o.years.iter().enumerate() {
            t.row("data-year", &year.to_string(), &year.to_string());
            t.cell(o.org_net.get(y).copied().unwrap_or_default(), "org_net");
            t.cell(o.society_net.get(y).copied().unwrap_or_default(), "society_net");
            t.m.shut("tr");
        }
        t.finish()
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
        let table = (is_open || printing).then(|| {
            let mut t = tables.start(&title, &format!("table-actor-{}", a.id));
            t.head(T::Year, &[T::Savings, T::CoFinancing, T::Repayment, T::FundCost, T::GrantsReceived, T::Net]);
            for r in &a.rows {
                t.row("data-year", &r.year.to_string(), &r.year.to_string());
                t.cell(r.savings, "savings").cell(r.co_financing, "co_financing").cell(r.repayment, "repayment");
                t.cell(r.fund_cost, "fund_cost").cell(r.grants_received, "grants_received").cell(r.net, "net");
                t.m.shut("tr");
            }
            t.m.shut("tbody").open("tfoot").end().open("tr").end();
            t.m.open("th").attr("scope", "row").end().text(T::Total.get(lang)).shut("th");
            t.cell(a.savings_total, "savings_total");
            t.m.open("td").attr("colspan", "3").attr("class", "num").attr("title", &money_exact(a.cost_borne, currency, lang)).end();
            t.m.text(&format!("{}: {}", T::CostBorne.get(lang), money_bare(a.cost_borne, unit, lang))).shut("td");
            t.m.open("td").end().shut("td");
            t.cell(a.net_total, "net_total");
            t.m.shut("tr").shut("tfoot").shut("table").shut("div");
            t.m.into_html()
        });
        html! {
            <details class="actor-table" key={a.id.clone()} data-testid={format!("actor-table-{}", a.id)} open={is_open} {ontoggle}>
                <summary>
                    <span class={format!("swatch actor-{}", index % 8)} aria-hidden="true"></span>
                    <span class="summary-title">{ &title }</span>
                    <span class="summary-figure" title={money_exact(a.npv, currency, lang)}>
                        { format!("{}: {} {}", T::Npv.get(lang), money_bare(a.npv, unit, lang), unit_label) }
                    </span>
                </summary>
                { table }
            </details>
        }
    });

    let interventions = {
        let mut t = tables.start(T::TableInterventions.get(lang), "table-interventions");
        t.head(T::Intervention, &[T::GrantsTotal, T::RepaidTotal, T::Outstanding]);
        for i in &o.interventions {
            let name = s.interventions.iter().find(|x| x.id == i.id).map(|x| x.name.as_str()).unwrap_or(&i.id);
            t.row("data-id", &i.id, name);
            t.cell(i.grants_total, "grants_total").cell(i.repaid_total, "repaid_total");
            match i.outstanding {
                Some(v) => {
                    t.cell(v, "outstanding");
                }
                None => {
                    t.m.open("td").attr("class", "num").attr("data-value", "").attr("data-field", "outstanding").end();
                    t.m.text(T::NoCap.get(lang)).shut("td");
                }
            }
            t.m.shut("tr");
        }
        t.finish()
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
                            let name = csv_file_name(&s.name, dialect, lang);
                            browser::download(&name, "text/csv;charset=utf-8", &csv_file(&s, &o, lang, dialect));
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
