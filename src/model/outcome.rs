//! The result of a simulation, unrounded, and its JSON form.
//!
//! Every amount is kept exact while the engine adds up; serialising an
//! [`Outcome`] rounds money to 2 decimals and ratios to 4, half away from
//! zero, as strings: the contract's result JSON.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

/// Everything a scenario leads to, year by year and in total.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// The version of this result format: 2 for a scenario with outcome contracts, else 1.
    pub schema_version: u32,
    /// Calendar year of each year index.
    pub years: Vec<i32>,
    /// The fund, year by year.
    pub fund: Vec<FundYear>,
    /// Budget effect per actor, in the scenario's actor order.
    pub actors: Vec<ActorOutcome>,
    /// Totals per intervention, in the scenario's order.
    pub interventions: Vec<InterventionOutcome>,
    /// The organisation's economic result per year: inside savings − intervention costs.
    #[serde(serialize_with = "money_list")]
    pub org_net: Vec<Decimal>,
    /// Society's result per year: all savings − intervention costs.
    #[serde(serialize_with = "money_list")]
    pub society_net: Vec<Decimal>,
    /// The headline figures.
    pub key_figures: KeyFigures,
    /// Per outcome contract, in the scenario's order (none in a version-1 result).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub outcome_contracts: Vec<ContractOutcome>,
}

/// One outcome contract's figures: the payers' payments and the investor's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContractOutcome {
    pub id: String,
    /// The contracted intervention's id (not in the result JSON).
    pub intervention: String,
    /// `Σ_s O_s`: outcomes of every cohort, deadweight included.
    pub outcomes: Decimal,
    /// Calendar year and amount paid, every year of the horizon.
    pub payments: Vec<(i32, Decimal)>,
    /// Paid within the horizon.
    pub payments_total: Decimal,
    /// Due past the horizon.
    pub outstanding: Decimal,
    /// The most the payers could pay (every participant succeeds), at most the cap.
    pub payer_max_exposure: Decimal,
    /// Received − invested, payments past the horizon included.
    pub investor_net: Decimal,
    /// Received / invested; `None` when nothing is invested.
    pub investor_multiple: Option<Decimal>,
    /// The investor's internal rate of return; `None` without a sign change on −0.99..10.
    pub investor_irr: Option<Decimal>,
    /// PV of all payments − PV of the intervention's costs, at the discount rate.
    pub premium: Decimal,
    /// The intervention's costs, paid by the investor (not in the result JSON).
    pub invested: Decimal,
    /// Every payment, within the horizon and past it (not in the result JSON).
    pub received: Decimal,
    /// The investor's cash flow by year index, past the horizon too (not in the result JSON).
    pub cash_flow: Vec<(u64, Decimal)>,
    /// Each paying actor's id and its payments, every year of the horizon (not in the result JSON).
    pub payments_by_actor: Vec<(String, Vec<Decimal>)>,
}

impl ContractOutcome {
    /// The contract's JSON for this contract.
    fn to_json(&self) -> String {
        let optional_ratio =
            |v: Option<Decimal>| v.map_or_else(|| "null".to_string(), |v| format!("\"{}\"", ratio_text(v)));
        let payments = json_array(self.payments.iter().map(|(year, amount)| {
            JsonObject::new().raw("year", &year.to_string()).figure("amount", &money_text(*amount)).end()
        }));
        JsonObject::new()
            .text("id", &self.id)
            .figure("outcomes", &money_text(self.outcomes))
            .raw("payments", &payments)
            .figure("payments_total", &money_text(self.payments_total))
            .figure("outstanding", &money_text(self.outstanding))
            .figure("payer_max_exposure", &money_text(self.payer_max_exposure))
            .figure("investor_net", &money_text(self.investor_net))
            .raw("investor_multiple", &optional_ratio(self.investor_multiple))
            .raw("investor_irr", &optional_ratio(self.investor_irr))
            .figure("premium", &money_text(self.premium))
            .end()
    }
}

#[derive(Serialize)]
struct PaymentEntry {
    year: i32,
    amount: String,
}

/// The same JSON as [`ContractOutcome::to_json`], for `to_json_pretty`.
impl Serialize for ContractOutcome {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let ratio = |v: Option<Decimal>| v.map(ratio_text);
        let payments: Vec<PaymentEntry> = self
            .payments
            .iter()
            .map(|(year, amount)| PaymentEntry { year: *year, amount: money_text(*amount) })
            .collect();
        let mut map = s.serialize_map(Some(10))?;
        map.serialize_entry("id", &self.id)?;
        map.serialize_entry("outcomes", &money_text(self.outcomes))?;
        map.serialize_entry("payments", &payments)?;
        map.serialize_entry("payments_total", &money_text(self.payments_total))?;
        map.serialize_entry("outstanding", &money_text(self.outstanding))?;
        map.serialize_entry("payer_max_exposure", &money_text(self.payer_max_exposure))?;
        map.serialize_entry("investor_net", &money_text(self.investor_net))?;
        map.serialize_entry("investor_multiple", &ratio(self.investor_multiple))?;
        map.serialize_entry("investor_irr", &ratio(self.investor_irr))?;
        map.serialize_entry("premium", &money_text(self.premium))?;
        map.end()
    }
}

/// One year of the fund.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FundYear {
    pub year: i32,
    /// Balance at the start of the year.
    #[serde(serialize_with = "money")]
    pub open: Decimal,
    /// Money put in this year.
    #[serde(serialize_with = "money")]
    pub allocation: Decimal,
    /// Grants paid to interventions this year.
    #[serde(serialize_with = "money")]
    pub grants: Decimal,
    /// Repayments received this year.
    #[serde(serialize_with = "money")]
    pub repayments: Decimal,
    /// Balance at the end of the year; may be negative.
    #[serde(serialize_with = "money")]
    pub close: Decimal,
}

/// One actor's budget effect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorOutcome {
    pub id: String,
    /// Year by year.
    pub rows: Vec<ActorYear>,
    /// Present value of `net`.
    #[serde(serialize_with = "money")]
    pub npv: Decimal,
    /// "Who pays": co-financing + repayment + fund cost + outcome payments over the horizon.
    #[serde(serialize_with = "money")]
    pub cost_borne: Decimal,
    /// "Who gains": savings over the horizon.
    #[serde(serialize_with = "money")]
    pub savings_total: Decimal,
    /// Net over the horizon (savings − cost borne).
    #[serde(serialize_with = "money")]
    pub net_total: Decimal,
}

/// One actor in one year; positive `net` is better for its budget.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ActorYear {
    pub year: i32,
    #[serde(serialize_with = "money")]
    pub savings: Decimal,
    #[serde(serialize_with = "money")]
    pub co_financing: Decimal,
    #[serde(serialize_with = "money")]
    pub repayment: Decimal,
    #[serde(serialize_with = "money")]
    pub fund_cost: Decimal,
    /// Shown, not part of `net`.
    #[serde(serialize_with = "money")]
    pub grants_received: Decimal,
    /// Outcome payments under contracts; `None` in a scenario without them.
    #[serde(serialize_with = "optional_money", skip_serializing_if = "Option::is_none")]
    pub outcome_payments: Option<Decimal>,
    #[serde(serialize_with = "money")]
    pub net: Decimal,
}

/// One intervention's totals over the horizon.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct InterventionOutcome {
    pub id: String,
    #[serde(serialize_with = "money")]
    pub grants_total: Decimal,
    #[serde(serialize_with = "money")]
    pub repaid_total: Decimal,
    /// Still owed at the horizon's end; `None` for a savings share with no cap.
    #[serde(serialize_with = "optional_money")]
    pub outstanding: Option<Decimal>,
    /// Savings per actor listed in `avoided_costs`, in that order.
    #[serde(serialize_with = "money_map")]
    pub savings_by_actor: Vec<(String, Decimal)>,
    /// Each actor's savings as a share of the intervention's positive savings
    /// (a rising cost gives a negative share); `None` when nothing is saved.
    #[serde(serialize_with = "ratio_map")]
    pub savings_share_by_actor: Vec<(String, Option<Decimal>)>,
}

/// The headline figures of a scenario.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct KeyFigures {
    /// All intervention costs within the horizon.
    #[serde(serialize_with = "money")]
    pub total_cost: Decimal,
    /// Savings of actors inside the organisation.
    #[serde(serialize_with = "money")]
    pub savings_inside: Decimal,
    /// Savings of actors outside the organisation.
    #[serde(serialize_with = "money")]
    pub savings_outside: Decimal,
    /// Present value of `org_net`.
    #[serde(serialize_with = "money")]
    pub org_npv: Decimal,
    /// Present value of `society_net`.
    #[serde(serialize_with = "money")]
    pub society_npv: Decimal,
    /// First calendar year from which the organisation's cumulative result stays non-negative.
    pub payback_year: Option<i32>,
    /// First calendar year the fund closes below zero.
    pub fund_first_negative_year: Option<i32>,
    /// Total repayments / total grants.
    #[serde(serialize_with = "optional_ratio")]
    pub revolving_ratio: Option<Decimal>,
}

impl Outcome {
    /// The contract's result JSON: what serialising the outcome gives
    /// (`serde_json::to_string`), written by hand, which is smaller in the
    /// download (a test holds the two equal).
    pub fn to_json(&self) -> String {
        let money_list = |values: &[Decimal]| json_array(values.iter().map(|v| format!("\"{}\"", money_text(*v))));
        let fund = json_array(self.fund.iter().map(|f| {
            JsonObject::new()
                .raw("year", &f.year.to_string())
                .figure("open", &money_text(f.open))
                .figure("allocation", &money_text(f.allocation))
                .figure("grants", &money_text(f.grants))
                .figure("repayments", &money_text(f.repayments))
                .figure("close", &money_text(f.close))
                .end()
        }));
        let actors = json_array(self.actors.iter().map(|a| {
            let rows = json_array(a.rows.iter().map(|r| {
                let mut row = JsonObject::new();
                row.raw("year", &r.year.to_string())
                    .figure("savings", &money_text(r.savings))
                    .figure("co_financing", &money_text(r.co_financing))
                    .figure("repayment", &money_text(r.repayment))
                    .figure("fund_cost", &money_text(r.fund_cost))
                    .figure("grants_received", &money_text(r.grants_received));
                if let Some(paid) = r.outcome_payments {
                    row.figure("outcome_payments", &money_text(paid));
                }
                row.figure("net", &money_text(r.net)).end()
            }));
            JsonObject::new()
                .text("id", &a.id)
                .raw("rows", &rows)
                .figure("npv", &money_text(a.npv))
                .figure("cost_borne", &money_text(a.cost_borne))
                .figure("savings_total", &money_text(a.savings_total))
                .figure("net_total", &money_text(a.net_total))
                .end()
        }));
        let interventions = json_array(self.interventions.iter().map(|i| {
            let mut by_actor = JsonObject::new();
            for (id, v) in &i.savings_by_actor {
                by_actor.keyed_figure(id, &money_text(*v));
            }
            let mut shares = JsonObject::new();
            for (id, v) in &i.savings_share_by_actor {
                match v {
                    Some(v) => shares.keyed_figure(id, &ratio_text(*v)),
                    None => shares.keyed_raw(id, "null"),
                };
            }
            let outstanding = i.outstanding.map_or_else(|| "null".to_string(), |v| format!("\"{}\"", money_text(v)));
            JsonObject::new()
                .text("id", &i.id)
                .figure("grants_total", &money_text(i.grants_total))
                .figure("repaid_total", &money_text(i.repaid_total))
                .raw("outstanding", &outstanding)
                .raw("savings_by_actor", &by_actor.end())
                .raw("savings_share_by_actor", &shares.end())
                .end()
        }));
        let k = &self.key_figures;
        let ratio = k.revolving_ratio.map_or_else(|| "null".to_string(), |v| format!("\"{}\"", ratio_text(v)));
        let key_figures = JsonObject::new()
            .figure("total_cost", &money_text(k.total_cost))
            .figure("savings_inside", &money_text(k.savings_inside))
            .figure("savings_outside", &money_text(k.savings_outside))
            .figure("org_npv", &money_text(k.org_npv))
            .figure("society_npv", &money_text(k.society_npv))
            .raw("payback_year", &number_or_null(k.payback_year))
            .raw("fund_first_negative_year", &number_or_null(k.fund_first_negative_year))
            .raw("revolving_ratio", &ratio)
            .end();
        let mut out = JsonObject::new();
        out.raw("schema_version", &self.schema_version.to_string())
            .raw("years", &json_array(self.years.iter().map(|y| y.to_string())))
            .raw("fund", &fund)
            .raw("actors", &actors)
            .raw("interventions", &interventions)
            .raw("org_net", &money_list(&self.org_net))
            .raw("society_net", &money_list(&self.society_net))
            .raw("key_figures", &key_figures);
        if !self.outcome_contracts.is_empty() {
            out.raw("outcome_contracts", &json_array(self.outcome_contracts.iter().map(ContractOutcome::to_json)));
        }
        out.end()
    }

    /// The same, indented for people.
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// `value` rounded half away from zero to `places` decimals and written with
/// exactly that many, as in `-1234.50`; never `-0.00`.
pub fn fixed(value: Decimal, places: u32) -> String {
    let rounded = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    let digits = rounded.abs().to_string();
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    let mut out = String::with_capacity(digits.len() + places as usize + 2);
    if rounded.is_sign_negative() && !rounded.is_zero() {
        out.push('-');
    }
    out.push_str(whole);
    if places > 0 {
        out.push('.');
        out.push_str(fraction);
        for _ in fraction.len()..places as usize {
            out.push('0');
        }
    }
    out
}

/// Money in the result: 2 decimals.
pub fn money_text(value: Decimal) -> String {
    fixed(value, 2)
}

/// Ratios in the result: 4 decimals.
pub fn ratio_text(value: Decimal) -> String {
    fixed(value, 4)
}

fn money<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&money_text(*value))
}

fn optional_money<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => s.serialize_str(&money_text(*v)),
        None => s.serialize_none(),
    }
}

fn optional_ratio<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(v) => s.serialize_str(&ratio_text(*v)),
        None => s.serialize_none(),
    }
}

fn money_list<S: Serializer>(values: &[Decimal], s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(values.len()))?;
    for v in values {
        seq.serialize_element(&money_text(*v))?;
    }
    seq.end()
}

fn money_map<S: Serializer>(entries: &[(String, Decimal)], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(entries.len()))?;
    for (key, v) in entries {
        map.serialize_entry(key, &money_text(*v))?;
    }
    map.end()
}

fn ratio_map<S: Serializer>(entries: &[(String, Option<Decimal>)], s: S) -> Result<S::Ok, S::Error> {
    let mut map = s.serialize_map(Some(entries.len()))?;
    for (key, v) in entries {
        map.serialize_entry(key, &v.map(ratio_text))?;
    }
    map.end()
}

/// A JSON object written by hand, for results whose shape is fixed: smaller
/// in the download than a derived serialiser. Keys and the texts of figures
/// (digits, a sign, a point) need no escaping; a user's text goes through
/// [`JsonObject::text`], which escapes it.
pub(crate) struct JsonObject {
    out: String,
    first: bool,
}

impl JsonObject {
    pub(crate) fn new() -> JsonObject {
        JsonObject { out: String::from("{"), first: true }
    }

    fn key(&mut self, key: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str("\":");
        &mut self.out
    }

    /// A value written as it is: a number, `null`, or JSON made by another writer.
    pub(crate) fn raw(&mut self, key: &str, json: &str) -> &mut Self {
        self.key(key).push_str(json);
        self
    }

    /// A figure's text (money or a ratio), quoted.
    pub(crate) fn figure(&mut self, key: &str, text: &str) -> &mut Self {
        let out = self.key(key);
        out.push('"');
        out.push_str(text);
        out.push('"');
        self
    }

    /// A figure's text under a user's key (an actor's id), escaped.
    pub(crate) fn keyed_figure(&mut self, key: &str, text: &str) -> &mut Self {
        self.keyed_raw(key, &format!("\"{text}\""))
    }

    /// A value under a user's key, escaped.
    pub(crate) fn keyed_raw(&mut self, key: &str, json: &str) -> &mut Self {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.out.push_str(&serde_json::to_string(key).unwrap_or_default());
        self.out.push(':');
        self.out.push_str(json);
        self
    }

    /// A user's text, escaped.
    pub(crate) fn text(&mut self, key: &str, text: &str) -> &mut Self {
        let escaped = serde_json::to_string(text).unwrap_or_default();
        self.key(key).push_str(&escaped);
        self
    }

    pub(crate) fn end(&mut self) -> String {
        self.out.push('}');
        std::mem::take(&mut self.out)
    }
}

/// `Some(n)` as a number, `None` as `null`.
pub(crate) fn number_or_null(n: Option<i32>) -> String {
    n.map_or_else(|| "null".to_string(), |n| n.to_string())
}

/// A JSON array of JSON texts.
pub(crate) fn json_array(items: impl Iterator<Item = String>) -> String {
    let mut out = String::from("[");
    for (i, item) in items.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&item);
    }
    out.push(']');
    out
}
