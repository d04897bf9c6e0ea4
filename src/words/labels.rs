//! The names of what fundsim assumes and computes, and of the tables that
//! show them, in Swedish and English: the headings, titles and fixed cell
//! texts of the downloads (the CSV files and the Excel workbook), and the
//! same names where the app says them (its year tables, its fields, its key
//! figures: `words::app::AppText` takes those from here). One place for each name,
//! so the app and its files never call one figure two things.
//!
//! Yew-free: the on-demand module, built without the app, writes the
//! workbook with these words.

use super::Lang;

/// A name of a figure, an assumption or a table, or a fixed text in a table's cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    // The downloads themselves.
    /// The workbook's first sheet.
    KeyFiguresAndAssumptions,
    /// The page section with the year tables; in lower case, a CSV file's name.
    YearByYear,
    /// The CSV dialect for Swedish Excel, in its file's name.
    SwedishExcel,
    /// Under a sheet's title: "Skapad med fundsim 2026-11-23".
    MadeWithFundsim,
    /// Under a sheet's title: "Belopp i SEK" (the app's captions say it in lower case, after a title).
    AmountsIn,
    /// A sheet's name when an actor's name leaves nothing usable.
    Actor,
    // Key figures.
    KeyFigures,
    TotalCost,
    SavingsInside,
    /// The workbook's and the CSV's wording (the app's key figure says "e.g. the state").
    SavingsOutsideOrganisation,
    OrganisationPresentValue,
    SocietyPresentValue,
    PaybackYear,
    NoPayback,
    FundFirstNegative,
    NeverNegative,
    RevolvingRatio,
    /// The revolving ratio when no grant was paid.
    NoGrants,
    // The scenario's assumptions.
    Scenario,
    Name,
    Description,
    Currency,
    /// The scenario's first year, and an intervention's.
    FirstYear,
    NumberOfYears,
    DiscountRate,
    TheFund,
    FinancedBy,
    Accounting,
    Appropriation,
    EarmarkedEquity,
    InitialCapital,
    Allocations,
    Year,
    Allocation,
    /// The section of the default repayment rule.
    RepaymentRuleForAll,
    RepaymentRule,
    RuleNone,
    RuleFixed,
    RuleSavingsShare,
    /// The share of a rule: of the grant (fixed) or of the savings (savings share).
    RuleShare,
    Instalments,
    DelayYears,
    Cap,
    NoCap,
    SameAsDefault,
    Actors,
    Id,
    InsideOrganisation,
    Yes,
    No,
    Interventions,
    Intervention,
    Owner,
    RunsForYears,
    AnnualCost,
    FundShare,
    Participants,
    SuccessRate,
    Deadweight,
    DropOff,
    TimeToFirstSavingYears,
    SavingsForYears,
    AvoidedCostsPerSuccess,
    PerYear,
    // Results.
    FundYearByYear,
    OpeningBalance,
    Grants,
    Repayments,
    ClosingBalance,
    OrganisationAndSociety,
    OrganisationResult,
    SocietyResult,
    /// After an actor's name: "Staten (utanför organisationen)".
    InsideAfterName,
    OutsideAfterName,
    Savings,
    CoFinancing,
    Repayment,
    FundCost,
    GrantsReceived,
    Net,
    Total,
    /// What an actor pays: co-financing, repayments and the fund's cost.
    Costs,
    PresentValue,
    ActorTotals,
    InterventionTotals,
    GrantsTotal,
    RepaidTotal,
    Outstanding,
    SavingsByActor,
    /// An actor's share of an intervention's savings; also the share a savings-share rule repays.
    ShareOfSavings,
}

impl Label {
    /// The label in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        let (sv, en) = self.both();
        lang.pick(sv, en)
    }

    /// The Swedish and the English label.
    pub fn both(self) -> (&'static str, &'static str) {
        use Label::*;
        match self {
            KeyFiguresAndAssumptions => ("Nyckeltal och antaganden", "Key figures and assumptions"),
            YearByYear => ("År för år", "Year by year"),
            SwedishExcel => ("svenska Excel", "Swedish Excel"),
            MadeWithFundsim => ("Skapad med fundsim", "Made with fundsim"),
            AmountsIn => ("Belopp i", "Amounts in"),
            Actor => ("Aktör", "Actor"),
            KeyFigures => ("Nyckeltal", "Key figures"),
            TotalCost => ("Kostnad för insatserna", "Cost of the interventions"),
            SavingsInside => ("Besparingar inom organisationen", "Savings inside the organisation"),
            SavingsOutsideOrganisation => ("Besparingar utanför organisationen", "Savings outside the organisation"),
            OrganisationPresentValue => ("Nuvärde för organisationen", "Present value for the organisation"),
            SocietyPresentValue => ("Nuvärde för samhället", "Present value for society"),
            PaybackYear => ("Året det betalar sig", "Year it pays off"),
            NoPayback => ("Inte inom perioden", "Not within the period"),
            FundFirstNegative => ("Första året fonden är negativ", "First year the fund is negative"),
            NeverNegative => ("Aldrig inom perioden", "Never within the period"),
            RevolvingRatio => ("Fondens återflöde", "Fund revolving ratio"),
            NoGrants => ("Inga bidrag", "No grants"),
            Scenario => ("Scenario", "Scenario"),
            Name => ("Namn", "Name"),
            Description => ("Beskrivning", "Description"),
            Currency => ("Valuta", "Currency"),
            FirstYear => ("Första år", "First year"),
            NumberOfYears => ("Antal år", "Number of years"),
            DiscountRate => ("Diskonteringsränta", "Discount rate"),
            TheFund => ("Fonden", "The fund"),
            FinancedBy => ("Finansieras av", "Financed by"),
            Accounting => ("Redovisning", "Accounting"),
            Appropriation => ("Anslag", "Appropriation"),
            EarmarkedEquity => ("Öronmärkt eget kapital", "Earmarked equity"),
            InitialCapital => ("Startkapital", "Initial capital"),
            Allocations => ("Avsättningar", "Allocations"),
            Year => ("År", "Year"),
            Allocation => ("Avsättning", "Allocation"),
            RepaymentRuleForAll => ("Återbetalning, regel för alla insatser", "Repayment, rule for every intervention"),
            RepaymentRule => ("Återbetalningsregel", "Repayment rule"),
            RuleNone => ("Ingen – ett bidrag", "None – a grant"),
            RuleFixed => ("Fasta avbetalningar", "Fixed instalments"),
            RuleSavingsShare => ("Andel av besparingarna", "Share of savings"),
            RuleShare => ("Andel (av bidraget eller besparingarna)", "Share (of the grant or the savings)"),
            Instalments => ("Antal årliga avbetalningar", "Number of yearly instalments"),
            DelayYears => ("Uppskov, år", "Delay, years"),
            Cap => ("Tak, andel av bidraget", "Cap, share of the grant"),
            NoCap => ("inget tak", "no cap"),
            SameAsDefault => ("Samma som för alla insatser", "Same as for every intervention"),
            Actors => ("Aktörer", "Actors"),
            Id => ("Id", "Id"),
            InsideOrganisation => ("Inom organisationen", "Inside the organisation"),
            Yes => ("Ja", "Yes"),
            No => ("Nej", "No"),
            Interventions => ("Insatser", "Interventions"),
            Intervention => ("Insats", "Intervention"),
            Owner => ("Ägs av", "Owned by"),
            RunsForYears => ("Pågår, år", "Runs for, years"),
            AnnualCost => ("Kostnad per år", "Cost a year"),
            FundShare => ("Fonden betalar", "The fund pays"),
            Participants => ("Deltagare per år", "Participants a year"),
            SuccessRate => ("Andel som lyckas", "Success rate"),
            Deadweight => ("Dödvikt", "Deadweight"),
            DropOff => ("Avklingning per år", "Drop-off a year"),
            TimeToFirstSavingYears => ("Tid till första besparing, år", "Time to first saving, years"),
            SavingsForYears => ("Besparingar i, år", "Savings for, years"),
            AvoidedCostsPerSuccess => {
                ("Undvikna kostnader per lyckad deltagare och år", "Avoided costs per successful participant and year")
            }
            PerYear => ("Per år", "A year"),
            FundYearByYear => ("Fonden år för år", "The fund year by year"),
            OpeningBalance => ("Ingående saldo", "Opening balance"),
            Grants => ("Bidrag", "Grants"),
            Repayments => ("Återbetalningar", "Repayments"),
            ClosingBalance => ("Utgående saldo", "Closing balance"),
            OrganisationAndSociety => ("Organisationen och samhället", "The organisation and society"),
            OrganisationResult => ("Organisationens resultat", "Organisation's result"),
            SocietyResult => ("Samhällets resultat", "Society's result"),
            InsideAfterName => ("inom organisationen", "inside the organisation"),
            OutsideAfterName => ("utanför organisationen", "outside the organisation"),
            Savings => ("Besparingar", "Savings"),
            CoFinancing => ("Medfinansiering", "Co-financing"),
            Repayment => ("Återbetalning", "Repayment"),
            FundCost => ("Fondens kostnad", "Fund cost"),
            GrantsReceived => ("Mottagna bidrag", "Grants received"),
            Net => ("Netto", "Net"),
            Total => ("Summa", "Total"),
            Costs => ("Kostnader", "Costs"),
            PresentValue => ("Nuvärde", "Present value"),
            ActorTotals => ("Aktörerna totalt", "Actors in total"),
            InterventionTotals => ("Insatserna totalt", "Interventions in total"),
            GrantsTotal => ("Bidrag från fonden", "Grants from the fund"),
            RepaidTotal => ("Återbetalt", "Repaid"),
            Outstanding => ("Kvar att betala", "Still owed"),
            SavingsByActor => ("Besparingar per insats och aktör", "Savings per intervention and actor"),
            ShareOfSavings => ("Andel av besparingarna", "Share of the savings"),
        }
    }
}

#[cfg(test)]
mod tests {
    /// Source text with its whitespace collapsed the way rustfmt may break a
    /// pair over lines, so that every pair reads `("sv", "en")`.
    fn pairs_written_as_one_line(source: &str) -> String {
        let collapsed = source.split_whitespace().collect::<Vec<_>>().join(" ");
        collapsed.replace("( \"", "(\"").replace("\", )", "\")")
    }

    /// Every `("sv", "en")` pair in the source of [`super::Label::both`].
    fn label_pairs() -> Vec<String> {
        let source = pairs_written_as_one_line(include_str!("labels.rs"));
        let body = &source[source.find("match self {").unwrap()..source.find("#[cfg(test)]").unwrap()];
        body.split("=> ")
            .skip(1)
            .map(|arm| {
                let start = arm.find("(\"").unwrap();
                let end = arm.find("\")").unwrap();
                arm[start..end + 2].to_string()
            })
            .collect()
    }

    #[test]
    fn each_label_is_said_once() {
        let pairs = label_pairs();
        assert!(pairs.len() > 80, "{}", pairs.len());
        for (i, pair) in pairs.iter().enumerate() {
            assert!(!pairs[i + 1..].contains(pair), "{pair} twice");
            assert!(!pair.contains("(\"\"") && !pair.contains("\"\")"), "an empty label: {pair}");
        }
    }

    /// Where the app says what the downloads say, it takes the words from
    /// here: the app's strings hold no second copy of a label.
    #[test]
    fn the_apps_strings_have_no_copy_of_a_label() {
        let app = pairs_written_as_one_line(include_str!("app.rs"));
        for pair in label_pairs() {
            assert!(!app.contains(&pair), "ui/text.rs has its own {pair}");
        }
        // The app's strings are pairs too, so the search above can find one.
        assert!(app.contains("(\"Ladda ner SVG\", \"Download SVG\")"));
    }

    #[test]
    fn labels_in_each_language() {
        use super::{Label, Lang};
        assert_eq!(Label::ClosingBalance.get(Lang::Sv), "Utgående saldo");
        assert_eq!(Label::ClosingBalance.get(Lang::En), "Closing balance");
        assert_eq!(Label::ActorTotals.both(), ("Aktörerna totalt", "Actors in total"));
    }
}
