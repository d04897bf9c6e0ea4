//! The fields of a scenario (and of the API's other inputs) by their JSON
//! path: what kind of value each holds and its name in Swedish and English.
//!
//! Messages take both from here: a share's bounds are written in percent
//! because the table says the field is a percentage, not because of the
//! path's last word, and a field is named as the editor labels it.

use crate::model::{Echo, Scenario};

use super::Lang;

/// What a field holds, which decides how a message writes its numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldKind {
    /// A share or rate, typed in percent (0.035 is 3.5 %).
    Percent,
    /// An amount of money.
    Money,
    /// A factor multiplying an amount (an uncertainty range of a cost).
    Factor,
    /// A whole number: years, instalments, a format version.
    Count,
    /// A calendar year (written without a thousands separator).
    Year,
    /// Any other number (participants).
    Number,
    /// Free text.
    Text,
    /// An identifier.
    Id,
    /// One of a set (an actor, a kind of rule).
    Choice,
    /// Yes or no.
    Flag,
    /// A list.
    List,
    /// An object holding other fields.
    Group,
}

/// One field: its path with every index written `[]`, its kind, its names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    pub pattern: &'static str,
    pub kind: FieldKind,
    pub sv: &'static str,
    pub en: &'static str,
}

impl Field {
    /// The field's name in `lang`.
    pub fn name(&self, lang: Lang) -> &'static str {
        lang.pick(self.sv, self.en)
    }
}

const fn f(pattern: &'static str, kind: FieldKind, sv: &'static str, en: &'static str) -> Field {
    Field { pattern, kind, sv, en }
}

use FieldKind::*;

/// Every field a message can name. The names are the editor's labels
/// (`words::app::AppText`; a test keeps the two the same).
pub const FIELDS: &[Field] = &[
    f("schema_version", Count, "Formatversion", "Format version"),
    f("name", Text, "Namn", "Name"),
    f("description", Text, "Beskrivning", "Description"),
    f("currency", Text, "Valuta", "Currency"),
    f("start_year", Year, "Första år", "First year"),
    f("horizon_years", Count, "Antal år", "Number of years"),
    f("discount_rate", Percent, "Diskonteringsränta", "Discount rate"),
    f("actors", List, "Aktörer", "Actors"),
    f("actors[]", Group, "Aktör", "Actor"),
    f("actors[].id", Id, "Id", "Id"),
    f("actors[].name", Text, "Namn", "Name"),
    f("actors[].inside", Flag, "Inom organisationen", "Inside the organisation"),
    f("fund", Group, "Fonden", "The fund"),
    f("fund.financed_by", Choice, "Finansieras av", "Financed by"),
    f("fund.accounting", Choice, "Redovisning", "Accounting"),
    f("fund.initial_capital", Money, "Startkapital", "Initial capital"),
    f("fund.allocations", List, "Avsättningar", "Allocations"),
    f("fund.allocations[]", Money, "Avsättning", "Allocation"),
    f("repayment_default", Group, "Regel för alla insatser", "Rule for every intervention"),
    f("repayment_default.kind", Choice, "Typ av regel", "Kind of rule"),
    f("repayment_default.share", Percent, "Andel att betala tillbaka", "Share to repay"),
    f("repayment_default.years", Count, "Antal årliga avbetalningar", "Number of yearly instalments"),
    f("repayment_default.start_after", Count, "Uppskov", "Delay"),
    f("repayment_default.cap", Percent, "Tak, andel av bidraget", "Cap, share of the grant"),
    f("interventions", List, "Insatser", "Interventions"),
    f("interventions[]", Group, "Insats", "Intervention"),
    f("interventions[].id", Id, "Id", "Id"),
    f("interventions[].name", Text, "Namn", "Name"),
    f("interventions[].owner", Choice, "Ägs av", "Owned by"),
    f("interventions[].start", Count, "Första år", "First year"),
    f("interventions[].years", Count, "Pågår", "Runs for"),
    f("interventions[].annual_cost", Money, "Kostnad per år", "Cost a year"),
    f("interventions[].fund_share", Percent, "Fonden betalar", "The fund pays"),
    f("interventions[].participants_per_year", Number, "Deltagare per år", "Participants a year"),
    f("interventions[].success_rate", Percent, "Andel som lyckas", "Success rate"),
    f("interventions[].deadweight", Percent, "Dödvikt", "Deadweight"),
    f("interventions[].lag_years", Count, "Tid till första besparing", "Time to first saving"),
    f("interventions[].benefit_years", Count, "Besparingar i", "Savings for"),
    f("interventions[].drop_off", Percent, "Avklingning per år", "Drop-off a year"),
    f("interventions[].avoided_costs", List, "Undvikna kostnader", "Avoided costs"),
    f("interventions[].avoided_costs[]", Group, "Undvikna kostnader", "Avoided costs"),
    f("interventions[].avoided_costs[].actor", Choice, "Aktör", "Actor"),
    f("interventions[].avoided_costs[].per_year", Money, "Per år", "A year"),
    f("interventions[].repayment", Group, "Återbetalningsregel", "Repayment rule"),
    f("interventions[].repayment.kind", Choice, "Typ av regel", "Kind of rule"),
    f("interventions[].repayment.share", Percent, "Andel att betala tillbaka", "Share to repay"),
    f("interventions[].repayment.years", Count, "Antal årliga avbetalningar", "Number of yearly instalments"),
    f("interventions[].repayment.start_after", Count, "Uppskov", "Delay"),
    f("interventions[].repayment.cap", Percent, "Tak, andel av bidraget", "Cap, share of the grant"),
    f("interventions[].uncertainty", Group, "Osäkerhet", "Uncertainty"),
    f("interventions[].uncertainty.success_rate", Percent, "Andel som lyckas", "Success rate"),
    f("interventions[].uncertainty.deadweight", Percent, "Dödvikt", "Deadweight"),
    f("interventions[].uncertainty.drop_off", Percent, "Avklingning per år", "Drop-off a year"),
    f("interventions[].uncertainty.annual_cost", Factor, "Kostnad, faktor", "Cost, factor"),
    f("interventions[].uncertainty.avoided_costs", Factor, "Undvikna kostnader, faktor", "Avoided costs, factor"),
    f("outcome_contracts", List, "Utfallskontrakt", "Outcome contracts"),
    f("outcome_contracts[]", Group, "Utfallskontrakt", "Outcome contract"),
    f("outcome_contracts[].id", Id, "Id", "Id"),
    f("outcome_contracts[].name", Text, "Namn", "Name"),
    f("outcome_contracts[].intervention", Choice, "Insats", "Intervention"),
    f("outcome_contracts[].payer", Choice, "Betalare", "Payer"),
    f("outcome_contracts[].co_payers", List, "Medbetalare", "Co-payers"),
    f("outcome_contracts[].co_payers[]", Group, "Medbetalare", "Co-payer"),
    f("outcome_contracts[].co_payers[].actor", Choice, "Medbetalare", "Co-payer"),
    f("outcome_contracts[].co_payers[].share", Percent, "Andel", "Share"),
    f("outcome_contracts[].price_per_outcome", Money, "Pris per utfall", "Price per outcome"),
    f("outcome_contracts[].pay_after_years", Count, "Betalas efter", "Paid after"),
    f("outcome_contracts[].cap", Money, "Tak för betalningarna", "Cap on the payments"),
    // The API's other inputs (monteCarlo, workbook, mount) and a link's parts.
    f("draws", Count, "Antal dragningar", "Number of draws"),
    f("seed", Count, "Startvärde för slumpen", "Seed"),
    f("lang", Text, "Språk", "Language"),
    f("view", Choice, "Vy", "View"),
    f("preset", Id, "Exempel", "Preset"),
    f("options", Group, "Inställningar", "Options"),
    f("link", Group, "Länken", "The link"),
    f("link.s", Text, "Länkens scenario", "The link's scenario"),
    f("link.v", Count, "Länkens formatversion", "The link's format version"),
    f("link.p", Id, "Länkens exempel", "The link's example"),
    f("link.h", Text, "Länkens fingeravtryck av exemplet", "The link's fingerprint of the example"),
    f("link.d", Text, "Länkens ändringar", "The link's changes"),
];

/// The lowest and highest value of a range (`…uncertainty.success_rate.low`).
const RANGE_ENDS: [Field; 2] = [f("low", Number, "lägst", "low"), f("high", Number, "högst", "high")];

/// `path` with every index written `[]`: `interventions[2].owner` → `interventions[].owner`.
pub fn pattern(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_index = false;
    for c in path.chars() {
        match c {
            '[' => {
                in_index = true;
                out.push('[');
            }
            ']' => {
                in_index = false;
                out.push(']');
            }
            _ if in_index => {}
            c => out.push(c),
        }
    }
    out
}

/// The field at `path`, if the table knows it. A range's `low` or `high`
/// is a field of the range's own kind.
pub fn field(path: &str) -> Option<Field> {
    let pattern = pattern(path);
    if let Some(found) = FIELDS.iter().find(|f| f.pattern == pattern) {
        return Some(*found);
    }
    let (range, end) = pattern.rsplit_once('.')?;
    let end = RANGE_ENDS.iter().find(|f| f.pattern == end)?;
    let range = FIELDS.iter().find(|f| f.pattern == range && range.contains(".uncertainty."))?;
    Some(Field { kind: range.kind, ..*end })
}

/// What the field at `path` holds; `Text` for a field the table does not
/// know (a misspelt key: nothing to convert).
pub fn kind(path: &str) -> FieldKind {
    field(path).map_or(Text, |f| f.kind)
}

/// Whether the field at `path` is typed in percent.
pub fn is_percent(path: &str) -> bool {
    kind(path) == Percent
}

/// A field's name for a reader, from its path: "Insats 1 (Läsfrämjande) –
/// Andel som lyckas". With the scenario, interventions and actors are named
/// and allocations get their calendar year; without it (a pasted text that
/// could not be read) they are numbered. A key the table does not know is
/// shown as it is (at most 100 characters).
pub fn field_label(path: &str, scenario: Option<&Scenario>, lang: Lang) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut prefix = String::new();
    let segments: Vec<&str> = path.split('.').filter(|s| !s.is_empty()).collect();
    for (n, segment) in segments.iter().enumerate() {
        let (key, index) = match segment.split_once('[') {
            Some((key, rest)) => (key, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (*segment, None),
        };
        if !prefix.is_empty() {
            prefix.push('.');
        }
        prefix.push_str(key);
        let named = |pattern: &str| field(pattern).map(|f| f.name(lang).to_string());
        let Some(i) = index else {
            // The fund's fields read as themselves ("Startkapital"), as in the editor.
            if key == "fund" && n + 1 < segments.len() {
                continue;
            }
            parts.push(named(&prefix).unwrap_or_else(|| Echo::new(key).into_string()));
            continue;
        };
        prefix.push_str("[]");
        // A list the table does not know (a misspelt key holding one) is shown as written.
        let Some(item) = named(&prefix) else {
            parts.push(format!("{}[{i}]", Echo::new(key)));
            continue;
        };
        let name = |name: Option<&str>| match name.filter(|n| !n.is_empty()) {
            Some(name) => format!("{item} {} ({})", i + 1, Echo::new(name)),
            None => format!("{item} {}", i + 1),
        };
        parts.push(match (prefix.as_str(), scenario) {
            ("interventions[]", s) => name(s.and_then(|s| s.interventions.get(i)).map(|iv| iv.name.as_str())),
            ("actors[]", s) => name(s.and_then(|s| s.actors.get(i)).map(|a| a.name.as_str())),
            ("fund.allocations[]", Some(s)) => format!("{item} {}", i64::from(s.start_year) + i as i64),
            ("fund.allocations[]", None) => match lang {
                Lang::Sv => format!("{item}, år {}", i + 1),
                Lang::En => format!("{item}, year {}", i + 1),
            },
            _ => format!("{item} {}", i + 1),
        });
    }
    if parts.is_empty() {
        lang.pick("Scenariot", "The scenario").to_string()
    } else {
        parts.join(" – ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterns_drop_the_indices() {
        assert_eq!(pattern("interventions[12].avoided_costs[0].actor"), "interventions[].avoided_costs[].actor");
        assert_eq!(pattern("discount_rate"), "discount_rate");
    }

    #[test]
    fn percent_fields_come_from_the_table() {
        // The same cases as the rule on the path's last word that this replaces.
        assert!(is_percent("interventions[0].success_rate"));
        assert!(is_percent("repayment_default.share"));
        assert!(is_percent("interventions[3].repayment.cap"));
        assert!(is_percent("discount_rate"));
        assert!(is_percent("interventions[0].uncertainty.drop_off"));
        assert!(!is_percent("interventions[0].annual_cost"));
        assert!(!is_percent("interventions[0].uncertainty.annual_cost"));
        // A range's ends are of the range's kind.
        assert!(is_percent("interventions[0].uncertainty.success_rate.low"));
        assert_eq!(kind("interventions[0].uncertainty.annual_cost.high"), Factor);
        // A key the table does not know is nothing to convert.
        assert_eq!(kind("fund.colour"), Text);
        assert_eq!(kind("interventions[0].low"), Text);
    }

    #[test]
    fn every_pattern_is_listed_once() {
        for (n, a) in FIELDS.iter().enumerate() {
            assert!(FIELDS[n + 1..].iter().all(|b| b.pattern != a.pattern), "{} twice", a.pattern);
            assert!(!a.sv.is_empty() && !a.en.is_empty(), "{}", a.pattern);
        }
    }

    #[test]
    fn labels_with_the_scenario_name_interventions_and_date_allocations() {
        // The contract's example: intervention 1 is "Läsfrämjande i förskoleklass", the start year 2026.
        let s = Scenario::from_json(include_str!("../../tests/data/example.json")).unwrap();
        assert_eq!(
            field_label("interventions[0].success_rate", Some(&s), Lang::Sv),
            "Insats 1 (Läsfrämjande i förskoleklass) – Andel som lyckas"
        );
        assert_eq!(field_label("fund.allocations[2]", Some(&s), Lang::En), "Allocation 2028");
        assert_eq!(field_label("actors[3].id", Some(&s), Lang::En), "Actor 4 (Staten) – Id");
        // Past the lists' ends (a pasted scenario's error) the index still names the item.
        assert_eq!(field_label("interventions[9].owner", Some(&s), Lang::Sv), "Insats 10 – Ägs av");
    }

    #[test]
    fn labels_without_a_scenario_number_what_they_cannot_name() {
        assert_eq!(field_label("interventions[0].owner", None, Lang::Sv), "Insats 1 – Ägs av");
        assert_eq!(field_label("fund.allocations[2]", None, Lang::En), "Allocation, year 3");
        assert_eq!(field_label("fund.initial_capital", None, Lang::Sv), "Startkapital");
        assert_eq!(field_label("fund", None, Lang::Sv), "Fonden");
        assert_eq!(field_label("", None, Lang::Sv), "Scenariot");
        assert_eq!(field_label("actors", None, Lang::En), "Actors");
        assert_eq!(
            field_label("interventions[1].avoided_costs[0].per_year", None, Lang::Sv),
            "Insats 2 – Undvikna kostnader 1 – Per år"
        );
        // An unknown key is shown as written, cut to 100 characters.
        let long = "k".repeat(300);
        assert_eq!(field_label(&format!("fund.{long}"), None, Lang::Sv), format!("{}…", "k".repeat(100)));
        assert_eq!(field_label("[1]", None, Lang::Sv), "[1]");
        assert_eq!(field_label("discount_rate[0]", None, Lang::Sv), "discount_rate[0]");
    }
}
