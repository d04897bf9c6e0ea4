//! The decision figures' words (tornado, fan charts, per-intervention
//! break-even), Swedish and English.

use rust_decimal::Decimal;

use super::format::percent;
use super::Lang;

/// A word of the decision figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionText {
    TornadoOrg,
    TornadoSociety,
    TornadoNote,
    TornadoNone,
    AndMore,
    Base,
    Low,
    High,
    NpvLow,
    NpvHigh,
    Intervention,
    Parameter,
    FanFund,
    FanCumulative,
    Band,
    Median,
    Deterministic,
    Year,
    BreakEvenTitle,
    BreakEvenNote,
    SuccessRate,
    Assumed,
    CannotAlone,
    EvenIfNothing,
    NoInsideSavings,
    Unreadable,
    SensitivityTitle,
    OrgNpvLow,
    OrgNpvHigh,
    SocietyNpvLow,
    SocietyNpvHigh,
    Meaning,
    PrintHeading,
    LegendLow,
    LegendHigh,
    TableOf,
    SwitchOrg,
    SwitchSociety,
}

impl DecisionText {
    pub fn get(self, lang: Lang) -> &'static str {
        use DecisionText::*;
        let (sv, en) = match self {
            TornadoOrg => ("Vad påverkar organisationens nuvärde mest", "What moves the organisation's present value most"),
            TornadoSociety => ("Vad påverkar samhällets nuvärde mest", "What moves society's present value most"),
            TornadoNote => (
                "Varje stapel: nuvärdet med ett antagande satt till intervallets låga och höga värde, allt annat som i scenariot.",
                "Each bar: the present value with one assumption at its range's low and high value, everything else as in the scenario.",
            ),
            TornadoNone => ("Inga intervall angivna: ange osäkerhet för en insats för att se vad som påverkar mest.", "No ranges given: give an intervention's uncertainty to see what matters most."),
            AndMore => ("och {n} till (i CSV- och Excel-filerna)", "and {n} more (in the CSV and Excel files)"),
            Base => ("Bas", "Base"),
            Low => ("Lågt", "Low"),
            High => ("Högt", "High"),
            NpvLow => ("Nuvärde vid lågt", "Present value at low"),
            NpvHigh => ("Nuvärde vid högt", "Present value at high"),
            Intervention => ("Insats", "Intervention"),
            Parameter => ("Antagande", "Assumption"),
            FanFund => ("Fondens saldo: osäkerhet", "Fund balance: uncertainty"),
            FanCumulative => ("Organisationens ackumulerade resultat: osäkerhet", "The organisation's cumulative result: uncertainty"),
            Band => ("5–95\u{a0}% av utfallen", "5–95% of outcomes"),
            Median => ("Median", "Median"),
            Deterministic => ("Med antagna värden", "With the assumed values"),
            Year => ("År", "Year"),
            BreakEvenTitle => ("Andel som måste lyckas för att organisationen ska gå jämnt ut genom insatsen ensam", "The success rate at which the organisation breaks even through this intervention alone"),
            BreakEvenNote => ("Allt annat som i scenariot.", "Everything else as in the scenario."),
            SuccessRate => ("Andel som måste lyckas", "Success rate needed"),
            Assumed => ("Antaget", "Assumed"),
            CannotAlone => ("Kräver över 100 %: går inte jämnt ut genom denna insats ensam", "Needs over 100%: cannot break even through this intervention alone"),
            EvenIfNothing => ("Går jämnt ut även om insatsen inte gör något", "Breaks even even if the intervention does nothing"),
            NoInsideSavings => ("Inga besparingar inom organisationen att räkna på", "No savings inside the organisation to work from"),
            Unreadable => ("Beslutsunderlaget kunde inte läsas.", "The decision figures could not be read."),
            SensitivityTitle => ("Känslighet: ett antagande i taget satt till intervallets låga och höga värde", "Sensitivity: one assumption at a time at its range's low and high value"),
            OrgNpvLow => ("Organisationens nuvärde vid lågt", "Organisation's present value at low"),
            OrgNpvHigh => ("Organisationens nuvärde vid högt", "Organisation's present value at high"),
            SocietyNpvLow => ("Samhällets nuvärde vid lågt", "Society's present value at low"),
            SocietyNpvHigh => ("Samhällets nuvärde vid högt", "Society's present value at high"),
            Meaning => ("Innebörd", "Meaning"),
            PrintHeading => ("Vad som avgör det", "What decides it"),
            LegendLow => ("Antagandet lågt", "Assumption low"),
            LegendHigh => ("Antagandet högt", "Assumption high"),
            TableOf => ("Tabell: {title}", "Table: {title}"),
            SwitchOrg => ("Organisationen", "The organisation"),
            SwitchSociety => ("Samhället", "Society"),
        };
        lang.pick(sv, en)
    }
}

/// A sensitivity parameter's name (the contract's names; another is shown as given).
pub fn parameter_name(name: &str, lang: Lang) -> String {
    let (sv, en) = match name {
        "success_rate" => ("andel som lyckas", "success rate"),
        "deadweight" => ("dödvikt", "deadweight"),
        "drop_off" => ("avklingning", "drop-off"),
        "annual_cost" => ("årlig kostnad (andel av antagen)", "annual cost (share of assumed)"),
        "avoided_costs" => ("undvikna kostnader (andel av antagna)", "avoided costs (share of assumed)"),
        other => return other.chars().take(40).collect(),
    };
    lang.pick(sv, en).to_string()
}

/// A parameter's name on a tornado bar, where room is short: the factor ranges
/// without "(share of assumed)" (the table and the bar's values say it).
pub fn parameter_short(name: &str, lang: Lang) -> String {
    match name {
        "annual_cost" => lang.pick("årlig kostnad", "annual cost").to_string(),
        "avoided_costs" => lang.pick("undvikna kostnader", "avoided costs").to_string(),
        other => parameter_name(other, lang),
    }
}

/// What the needed rate means: a rate, or one of the words.
pub fn needed_text(rate: Option<Decimal>, lang: Lang) -> String {
    match rate {
        None => DecisionText::NoInsideSavings.get(lang).to_string(),
        Some(r) if r > Decimal::ONE => DecisionText::CannotAlone.get(lang).to_string(),
        Some(r) if r < Decimal::ZERO => DecisionText::EvenIfNothing.get(lang).to_string(),
        Some(r) => percent(r, 1, lang),
    }
}
