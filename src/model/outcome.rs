//! The result of a simulation, unrounded, and its JSON form.
//!
//! Every amount is kept exact while the engine adds up; serialising an
//! [`Outcome`] rounds money to 2 decimals and ratios to 4, half away from
//! zero, as strings: the contract's result JSON.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};

/// Everything a scenario leads to, year by year and in total.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Outcome {
    /// Always 1: the version of this result format.
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
}

/// One year of the fund.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActorOutcome {
    pub id: String,
    /// Year by year.
    pub rows: Vec<ActorYear>,
    /// Present value of `net`.
    #[serde(serialize_with = "money")]
    pub npv: Decimal,
    /// "Who pays": co-financing + repayment + fund cost over the horizon.
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
    #[serde(serialize_with = "money")]
    pub net: Decimal,
}

/// One intervention's totals over the horizon.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Serialize)]
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
                JsonObject::new()
                    .raw("year", &r.year.to_string())
                    .figure("savings", &money_text(r.savings))
                    .figure("co_financing", &money_text(r.co_financing))
                    .figure("repayment", &money_text(r.repayment))
                    .figure("fund_cost", &money_text(r.fund_cost))
                    .figure("grants_received", &money_text(r.grants_received))
                    .figure("net", &money_text(r.net))
                    .end()
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
        JsonObject::new()
            .raw("schema_version", &self.schema_version.to_string())
            .raw("years", &json_array(self.years.iter().map(|y| y.to_string())))
            .raw("fund", &fund)
            .raw("actors", &actors)
            .raw("interventions", &interventions)
            .raw("org_net", &money_list(&self.org_net))
            .raw("society_net", &money_list(&self.society_net))
            .raw("key_figures", &key_figures)
            .end()
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
