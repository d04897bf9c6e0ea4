//! The year-by-year tables: the fund, the organisation and society, each
//! actor, and each intervention's totals — every row of the result, the
//! accessible alternative to the charts. Values are in the chosen unit; each
//! cell's `title` has the exact amount rounded to öre and `data-value` the
//! result JSON's string.

use rust_decimal::Decimal;

use crate::markup::Markup;
use crate::model::outcome::money_text;
use crate::model::{Outcome, Scenario};
use crate::words::app::AppText;
use crate::words::format::{money_bare, money_exact, Unit};
use crate::words::Lang;

/// The tables of one outcome, each a scrollable region of markup text.
pub struct YearTables {
    pub fund: String,
    pub net: String,
    pub interventions: String,
    /// The tables of the actors asked for, in the order asked (an id that is
    /// not an actor of the outcome gets an empty text).
    pub actors: Vec<String>,
}

/// The tables of `o` (the outcome of `s`) in `lang` and `unit`, with the
/// tables of the actors `actor_ids` (the app asks only for the open ones,
/// or all of them when printing: 50 actors over 60 years are 20 000 cells).
pub fn year_tables(s: &Scenario, o: &Outcome, lang: Lang, unit: Unit, actor_ids: &[&str]) -> YearTables {
    let currency = s.currency.as_str();
    let unit_label = unit.label(currency, lang);
    let tables = Tables { lang, unit, currency, unit_label: &unit_label };

    let fund = {
        let mut t = tables.start(AppText::TableFund.get(lang), "table-fund");
        t.head(
            AppText::Year,
            &[AppText::Open, AppText::Allocation, AppText::Grants, AppText::Repayments, AppText::Close],
        );
        for r in &o.fund {
            t.row("data-year", &r.year.to_string(), &r.year.to_string());
            t.cell(r.open, "open").cell(r.allocation, "allocation").cell(r.grants, "grants");
            t.cell(r.repayments, "repayments").cell(r.close, "close");
            t.m.shut("tr");
        }
        t.finish()
    };

    let net = {
        let mut t = tables.start(AppText::TableNet.get(lang), "table-net");
        t.head(AppText::Year, &[AppText::OrgNet, AppText::SocietyNet]);
        for (y, year) in o.years.iter().enumerate() {
            t.row("data-year", &year.to_string(), &year.to_string());
            t.cell(o.org_net.get(y).copied().unwrap_or_default(), "org_net");
            t.cell(o.society_net.get(y).copied().unwrap_or_default(), "society_net");
            t.m.shut("tr");
        }
        t.finish()
    };

    let actors = actor_ids
        .iter()
        .map(|id| {
            let Some(a) = o.actors.iter().find(|a| a.id == *id) else {
                return String::new();
            };
            let t = tables.start(&actor_title(s, &a.id, lang), &format!("table-actor-{}", a.id));
            let mut t = t;
            let mut heads: Vec<String> = [
                AppText::Savings,
                AppText::CoFinancing,
                AppText::Repayment,
                AppText::FundCost,
                AppText::GrantsReceived,
            ]
            .iter()
            .map(|l| l.get(lang).to_string())
            .collect();
            // With outcome contracts, the payments for outcomes before the net (issue 15).
            let contracts = a.rows.iter().any(|r| r.outcome_payments.is_some());
            if contracts {
                heads.push(crate::tables::contracts::payments_heading(lang));
            }
            heads.push(AppText::Net.get(lang).to_string());
            t.head_texts(AppText::Year, &heads);
            for r in &a.rows {
                t.row("data-year", &r.year.to_string(), &r.year.to_string());
                t.cell(r.savings, "savings").cell(r.co_financing, "co_financing").cell(r.repayment, "repayment");
                t.cell(r.fund_cost, "fund_cost").cell(r.grants_received, "grants_received");
                if let Some(paid) = r.outcome_payments {
                    t.cell(paid, "outcome_payments");
                }
                t.cell(r.net, "net");
                t.m.shut("tr");
            }
            t.m.shut("tbody").open("tfoot").end().open("tr").end();
            t.m.open("th").attr("scope", "row").end().text(AppText::Total.get(lang)).shut("th");
            t.cell(a.savings_total, "savings_total");
            t.m.open("td").attr("colspan", "3").attr("class", "num");
            t.m.attr("title", &money_exact(a.cost_borne, currency, lang)).end();
            t.m.text(&format!("{}: {}", AppText::CostBorne.get(lang), money_bare(a.cost_borne, unit, lang))).shut("td");
            t.m.open("td").end().shut("td");
            if contracts {
                t.m.open("td").end().shut("td");
            }
            t.cell(a.net_total, "net_total");
            t.m.shut("tr").shut("tfoot").shut("table").shut("div");
            t.m.into_string()
        })
        .collect();

    let interventions = {
        let mut t = tables.start(AppText::TableInterventions.get(lang), "table-interventions");
        t.head(AppText::Intervention, &[AppText::GrantsTotal, AppText::RepaidTotal, AppText::Outstanding]);
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
                    t.m.text(AppText::NoCap.get(lang)).shut("td");
                }
            }
            t.m.shut("tr");
        }
        t.finish()
    };

    YearTables { fund, net, interventions, actors }
}

/// An actor's table title: `name (inside)` / `name (outside)` (the id when the
/// scenario has no such actor).
pub fn actor_title(s: &Scenario, id: &str, lang: Lang) -> String {
    let actor = s.actor(id);
    let name = actor.map_or(id, |x| x.name.as_str());
    let place = if actor.is_some_and(|x| x.inside) { AppText::InsideShort } else { AppText::OutsideShort };
    format!("{name} ({})", place.get(lang))
}

/// What every table shares: the reader's language and unit.
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
        m.attr("aria-label", &format!("{}: {}", AppText::YearByYear.get(lang), title)).end();
        m.open("table").attr("class", "year-table").attr("data-testid", testid).end();
        m.open("caption").end().text(title).open("span").attr("class", "caption-unit").end();
        m.text(&format!(" ({} {})", AppText::AmountsIn.get(lang), self.unit_label)).shut("span").shut("caption");
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
    fn head(&mut self, first: AppText, labels: &[AppText]) {
        let lang = self.tables.lang;
        self.m.open("thead").end().open("tr").end();
        self.m.open("th").attr("scope", "col").end().text(first.get(lang)).shut("th");
        for label in labels {
            self.m.open("th").attr("scope", "col").attr("class", "num").end().text(label.get(lang)).shut("th");
        }
        self.m.shut("tr").shut("thead").open("tbody").end();
    }

    /// The header row from texts, then the body opens.
    fn head_texts(&mut self, first: AppText, labels: &[String]) {
        let lang = self.tables.lang;
        self.m.open("thead").end().open("tr").end();
        self.m.open("th").attr("scope", "col").end().text(first.get(lang)).shut("th");
        for label in labels {
            self.m.open("th").attr("scope", "col").attr("class", "num").end().text(label).shut("th");
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
    fn finish(mut self) -> String {
        self.m.shut("tbody").shut("table").shut("div");
        self.m.into_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::simulate;

    /// The example scenario (tests/data/example.json): its fund table's first
    /// row and the tables' structure; each value below is the result JSON's
    /// own string, and every user text is escaped.
    #[test]
    fn the_tables_carry_every_row_and_escape_names() {
        let mut s = crate::presets::example().expect("the example scenario reads");
        s.actors[0].name = "<b>\"Avd\" & co</b>".to_string();
        let o = simulate(&s).expect("the example is valid");
        let first = s.actors[0].id.clone();
        let t = year_tables(&s, &o, Lang::Sv, Unit::Thousand, &[first.as_str(), "no-such-actor"]);
        // One body row per year in the fund and net tables.
        assert_eq!(t.fund.matches("<tr data-year=").count(), o.fund.len());
        assert_eq!(t.net.matches("<tr data-year=").count(), o.years.len());
        assert_eq!(t.interventions.matches("<tr data-id=").count(), o.interventions.len());
        // The opening balance of the first year is the initial capital.
        let open = format!("data-value=\"{}\" data-field=\"open\"", money_text(s.fund.initial_capital));
        assert!(t.fund.contains(&open), "{}", t.fund);
        // The actor's name is text, never markup.
        assert_eq!(t.actors.len(), 2);
        let inside = crate::words::labels::Label::InsideAfterName.get(Lang::Sv);
        let title = format!("&lt;b&gt;&quot;Avd&quot; &amp; co&lt;/b&gt; ({inside})");
        assert!(s.actors[0].inside && t.actors[0].contains(&title), "{}", t.actors[0]);
        assert!(!t.actors[0].contains("<b>"));
        assert_eq!(t.actors[1], "");
    }
}
