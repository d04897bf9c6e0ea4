//! Every word the charts show, in Swedish and English ([`ChartWords`]), and
//! how they write amounts ([`MoneyFormat`]: exact [`Decimal`] rounding through
//! [`super::format`]). Yew-free: the charts' layouts (`charts::layout`)
//! build every text from here, and are tested natively.

use rust_decimal::Decimal;

use super::format::{money, Unit};
use super::Lang;

/// How a chart writes amounts: the unit, the currency and the language.
#[derive(Debug, Clone, PartialEq)]
pub struct MoneyFormat {
    pub unit: Unit,
    pub currency: String,
    pub lang: Lang,
}

impl MoneyFormat {
    pub fn new(unit: Unit, currency: &str, lang: Lang) -> MoneyFormat {
        MoneyFormat { unit, currency: currency.to_string(), lang }
    }

    /// `1 234 tkr`, `−2 500 tkr`.
    pub fn text(&self, value: Decimal) -> String {
        money(value, self.unit, &self.currency, self.lang)
    }

    /// With an explicit sign: `+1 234 tkr`, `−2 500 tkr`, `0 tkr`.
    pub fn signed(&self, value: Decimal) -> String {
        let text = self.text(value);
        let shown_zero = text.trim_start_matches(['0', ',', '.']).starts_with('\u{a0}');
        if value > Decimal::ZERO && !shown_zero {
            format!("+{text}")
        } else {
            text
        }
    }

    /// The unit's name on an axis: `tkr`, `kSEK`.
    pub fn unit_label(&self) -> String {
        self.unit.label(&self.currency, self.lang)
    }
}

/// The words of the charts in one language: titles, legends, descriptions, tooltips.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChartWords {
    pub lang: Lang,
}

impl ChartWords {
    pub fn new(lang: Lang) -> ChartWords {
        ChartWords { lang }
    }

    fn pick(&self, sv: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(sv, en)
    }

    // Shared.
    pub fn no_years(&self) -> &'static str {
        self.pick("Det finns inga år att visa.", "There are no years to show.")
    }
    pub fn no_actors(&self) -> &'static str {
        self.pick("Det finns inga aktörer att visa.", "There are no actors to show.")
    }
    pub fn inside(&self) -> &'static str {
        self.pick("Inom organisationen", "Inside the organisation")
    }
    pub fn outside(&self) -> &'static str {
        self.pick("Utanför organisationen", "Outside the organisation")
    }
    pub fn inside_short(&self) -> &'static str {
        self.pick("Inom", "Inside")
    }
    pub fn outside_short(&self) -> &'static str {
        self.pick("Utanför", "Outside")
    }
    pub fn amounts_in(&self, unit: &str) -> String {
        match self.lang {
            Lang::Sv => format!("Belopp i {unit}"),
            Lang::En => format!("Amounts in {unit}"),
        }
    }

    // Fund chart.
    pub fn fund_title(&self) -> &'static str {
        self.pick("Fonden år för år", "The fund year by year")
    }
    pub fn opening(&self) -> &'static str {
        self.pick("Ingående saldo", "Opening balance")
    }
    pub fn allocation(&self) -> &'static str {
        self.pick("Avsättning", "Allocation")
    }
    pub fn repayments(&self) -> &'static str {
        self.pick("Återbetalning", "Repayments")
    }
    pub fn grants(&self) -> &'static str {
        self.pick("Bidrag till insatser", "Grants to interventions")
    }
    pub fn grants_short(&self) -> &'static str {
        self.pick("Bidrag", "Grants")
    }
    pub fn balance(&self) -> &'static str {
        self.pick("Saldo vid årets slut", "Balance at year end")
    }
    pub fn balance_short(&self) -> &'static str {
        self.pick("Saldo", "Balance")
    }
    pub fn negative_balance(&self) -> &'static str {
        self.pick("Negativt saldo", "Negative balance")
    }
    pub fn money_in(&self) -> &'static str {
        self.pick("in", "in")
    }
    pub fn money_out(&self) -> &'static str {
        self.pick("ut", "out")
    }
    pub fn runs_dry(&self, year: i32) -> String {
        match self.lang {
            Lang::Sv => format!("Fonden är tom {year}"),
            Lang::En => format!("Fund runs dry {year}"),
        }
    }
    pub fn fund_desc(
        &self,
        first: (i32, &str),
        last: (i32, &str),
        dry: Option<i32>,
        grants: &str,
        repaid: &str,
    ) -> String {
        let dry = match (self.lang, dry) {
            (Lang::Sv, Some(y)) => format!(" Fonden är tom från {y}: saldot blir negativt."),
            (Lang::En, Some(y)) => format!(" The fund runs dry in {y}: the balance turns negative."),
            (Lang::Sv, None) => " Saldot är aldrig negativt.".to_string(),
            (Lang::En, None) => " The balance never turns negative.".to_string(),
        };
        match self.lang {
            Lang::Sv => format!(
                "Staplar per år: pengar in (avsättning och återbetalning) och ut (bidrag, streckade); linjen är saldot vid årets slut. Saldot går från {} år {} till {} år {}. Bidrag totalt {grants}, återbetalt {repaid}.{dry}",
                first.1, first.0, last.1, last.0
            ),
            Lang::En => format!(
                "Bars per year: money in (allocation and repayments) and out (grants, hatched); the line is the balance at year end. The balance goes from {} in {} to {} in {}. Grants in total {grants}, repaid {repaid}.{dry}",
                first.1, first.0, last.1, last.0
            ),
        }
    }

    // Who pays chart.
    pub fn who_pays_title(&self) -> &'static str {
        self.pick("Vem betalar, vem vinner", "Who pays, who gains")
    }
    pub fn cost_borne(&self) -> &'static str {
        self.pick("Kostnad (betalar)", "Cost (pays)")
    }
    pub fn savings(&self) -> &'static str {
        self.pick("Besparing (vinner)", "Savings (gains)")
    }
    pub fn cost_word(&self) -> &'static str {
        self.pick("kostnad", "cost")
    }
    pub fn savings_word(&self) -> &'static str {
        self.pick("besparing", "savings")
    }
    pub fn net(&self) -> &'static str {
        self.pick("Netto", "Net")
    }
    pub fn pays_arrow(&self) -> &'static str {
        self.pick("← betalar", "← pays")
    }
    pub fn gains_arrow(&self) -> &'static str {
        self.pick("vinner →", "gains →")
    }
    pub fn who_pays_desc(&self) -> &'static str {
        self.pick(
            "Per aktör över hela perioden: kostnaden aktören bär (medfinansiering, återbetalning, fondens kostnad och betalningar för utfall) åt vänster, streckad, besparingen åt höger, och nettot markerat med ett värde.",
            "Per actor over the whole period: the cost the actor bears (co-financing, repayment, the fund's cost and payments for outcomes) to the left, hatched, the savings to the right, and the net marked with its value.",
        )
    }

    /// The fund as a node of the flow: money allocated and repaid but not paid out, or grants paid from its capital.
    pub fn fund_kept(&self) -> &'static str {
        self.pick("Fonden (kvar)", "The fund (kept)")
    }
    pub fn fund_drawn(&self) -> &'static str {
        self.pick("Fonden (ur kapitalet)", "The fund (from its capital)")
    }
    /// The fund's own row in who pays, who gains, and its group heading.
    pub fn fund_row(&self) -> &'static str {
        self.pick("Fonden", "The fund")
    }
    pub fn left_in_fund(&self) -> &'static str {
        self.pick("Kvar i fonden", "Left in the fund")
    }
    pub fn fund_received(&self) -> &'static str {
        self.pick(
            "Fick (startkapital, avsättningar, återbetalningar)",
            "Received (initial capital, allocations, repayments)",
        )
    }
    pub fn fund_paid_out(&self) -> &'static str {
        self.pick("Betalade ut (bidrag)", "Paid out (grants)")
    }

    /// The checked sum under who pays, who gains: `inside (+ fund) (− outside co-financing) = organisation ✓`,
    /// amounts already written; `fund` is None under earmarked equity (the allocation is equity).
    pub fn reconcile_line(
        &self,
        inside: &str,
        fund: Option<&str>,
        outside: Option<&str>,
        org: &str,
        holds: bool,
    ) -> String {
        let mut s =
            format!("{} {inside}", self.pick("Aktörerna inom organisationen", "The actors inside the organisation"));
        if let Some(fund) = fund {
            s += &format!(" + {} {fund}", self.pick("fonden", "the fund"));
        }
        if let Some(outside) = outside {
            s += &format!(
                " − {} {outside}",
                self.pick("medfinansiering av ägare utanför", "co-financing by outside owners")
            );
        }
        let check = if holds {
            self.pick("✓ stämmer", "✓ adds up")
        } else {
            self.pick("✗ stämmer inte", "✗ does not add up")
        };
        s += &format!(
            " {} {} {org} {check}",
            if holds { "=" } else { "≠" },
            self.pick("organisationens resultat", "the organisation's result")
        );
        if fund.is_none() {
            s += self.pick(
                " (öronmärkt eget kapital: avsättningen till fonden är eget kapital, inte en kostnad, så fonden läggs inte till).",
                " (earmarked equity: the allocation to the fund is equity, not a cost, so the fund is not added).",
            );
        } else {
            s += ".";
        }
        s
    }

    /// What the flow's "Pays" total is made of: the interventions' cost, what the fund kept, costs that rise.
    /// `cost` is `None` when every intervention is under an outcome contract (its work costs the payers nothing).
    pub fn flow_total_line(
        &self,
        paid: &str,
        cost: Option<&str>,
        payments: Option<&str>,
        kept: Option<&str>,
        back: Option<&str>,
        rising: Option<&str>,
    ) -> String {
        let cost_label = match payments {
            None => self.pick("insatsernas kostnad", "the interventions' cost"),
            Some(_) => self.pick(
                "kostnaden för insatserna utanför utfallskontrakt",
                "the cost of the interventions not under outcome contracts",
            ),
        };
        let parts = [
            (cost_label, cost),
            (self.pick("utfallsbetalningar", "outcome payments"), payments),
            (self.pick("kvar i fonden (avsatt men inte utbetalt)", "kept in the fund (allocated, not paid out)"), kept),
            (self.pick("pengar som går tillbaka till någon", "money paid back to someone"), back),
            (self.pick("kostnader som ökar för någon", "costs that rise for someone"), rising),
        ];
        let named: Vec<String> = parts.iter().filter_map(|(label, v)| v.map(|v| format!("{label} {v}"))).collect();
        format!("{} {paid} = {}.", self.pick("Betalt totalt", "Paid in total"), named.join(" + "))
    }

    // Flow chart.
    pub fn flow_title(&self) -> &'static str {
        self.pick("Flödet från dem som betalar till dem som vinner", "The flow from those who pay to those who gain")
    }
    pub fn payers(&self) -> &'static str {
        self.pick("Betalt totalt", "Paid in total")
    }
    pub fn gainers(&self) -> &'static str {
        self.pick("Vinner", "Gains")
    }
    pub fn flow_caption(&self) -> &'static str {
        self.pick(
            "Flödena är en enkel, proportionell fördelning: varje betalares andel av kostnaden gånger varje mottagares andel av besparingen. De visar inte vem som betalar vem.",
            "The flows are a simple, proportional allocation: each payer's share of the cost times each gainer's share of the savings. They do not show who pays whom.",
        )
    }
    pub fn flow_nothing(&self, cost: bool, savings: bool) -> &'static str {
        match (cost, savings) {
            (false, false) => self.pick(
                "Inga kostnader och inga besparingar: inget flöde att visa.",
                "No costs and no savings: no flow to show.",
            ),
            (true, false) => self.pick(
                "Ingen aktör får någon besparing: inget flöde att visa.",
                "No actor gets any savings: no flow to show.",
            ),
            _ => self.pick(
                "Ingen aktör bär någon kostnad: inget flöde att visa.",
                "No actor bears any cost: no flow to show.",
            ),
        }
    }
    pub fn flow_link(&self, from: &str, to: &str, cost: &str, savings: &str) -> String {
        match self.lang {
            Lang::Sv => format!("{from} → {to}: {cost} av kostnaden, {savings} av besparingen"),
            Lang::En => format!("{from} → {to}: {cost} of the cost, {savings} of the savings"),
        }
    }
    pub fn flow_desc(&self, cost: &str, savings: &str) -> String {
        match self.lang {
            Lang::Sv => format!(
                "Till vänster de som betalar, totalt {cost}; till höger de som vinner, totalt {savings}; grupperade inom och utanför organisationen."
            ),
            Lang::En => format!(
                "On the left those who pay, {cost} in total; on the right those who gain, {savings} in total; grouped inside and outside the organisation."
            ),
        }
    }
    pub fn share_of_cost(&self, share: &str) -> String {
        match self.lang {
            Lang::Sv => format!("{share} av kostnaden"),
            Lang::En => format!("{share} of the cost"),
        }
    }
    pub fn share_of_savings(&self, share: &str) -> String {
        match self.lang {
            Lang::Sv => format!("{share} av besparingen"),
            Lang::En => format!("{share} of the savings"),
        }
    }
    pub fn pays_amount(&self) -> &'static str {
        self.pick("betalar", "pays")
    }
    pub fn gains_amount(&self) -> &'static str {
        self.pick("vinner", "gains")
    }

    // Actor-year chart.
    pub fn actor_years_title(&self) -> &'static str {
        self.pick("Budgeteffekt per aktör och år", "Budget effect per actor and year")
    }
    pub fn actor_years_desc(&self) -> &'static str {
        self.pick(
            "Nettot per aktör och år som staplar: positiva netton staplas uppåt, negativa nedåt, en färg och ett mönster per aktör. Streckade linjer markerar mandatperiodernas gränser.",
            "The net per actor and year as bars: positive nets stacked up, negative down, one colour and pattern per actor. Dashed lines mark the boundaries of the terms of office.",
        )
    }
    pub fn inside_net_per_term(&self) -> &'static str {
        self.pick(
            "Nettot för aktörerna inom organisationen per mandatperiod (inom horisonten):",
            "The net of the actors inside the organisation per term of office (within the horizon):",
        )
    }
    pub fn term(&self, from: i32, to: i32) -> String {
        match self.lang {
            Lang::Sv => format!("Mandatperiod {from}–{to}"),
            Lang::En => format!("Term {from}–{to}"),
        }
    }
    pub fn term_boundary(&self) -> &'static str {
        self.pick("Ny mandatperiod", "New term of office")
    }
    pub fn total(&self) -> &'static str {
        self.pick("Summa", "Total")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn signed_money_has_a_plus_only_above_shown_zero() {
        let money = MoneyFormat::new(Unit::Thousand, "SEK", Lang::Sv);
        assert_eq!(money.signed(Decimal::from_str("1234000").unwrap()), "+1\u{a0}234\u{a0}tkr");
        assert_eq!(money.signed(Decimal::from_str("-2500000").unwrap()), "\u{2212}2\u{a0}500\u{a0}tkr");
        // 400 kr rounds to 0 tkr: no sign at all.
        assert_eq!(money.signed(Decimal::from_str("400").unwrap()), "0\u{a0}tkr");
        let money = MoneyFormat::new(Unit::Million, "SEK", Lang::En);
        assert_eq!(money.signed(Decimal::from_str("20000").unwrap()), "0.0\u{a0}MSEK");
        assert_eq!(money.signed(Decimal::from_str("7500000").unwrap()), "+7.5\u{a0}MSEK");
    }
}
