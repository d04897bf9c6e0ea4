//! The app's own words in Swedish and English: every fixed text of the
//! interface ([`AppText`], said once per language), presentation mode's
//! ([`PresentText`]), and the sentences made with numbers or names (the
//! headline, the payback note, the uncertainty sentences). Yew-free, like the
//! rest of this layer: the app, its on-demand module and the tests read them.
//! The names shared with the downloads are [`super::labels`]; the engine's
//! refusals are said by [`super::problems`]; the words of the app's own state
//! (notices, an id already taken) by `ui::view::notices`.

use rust_decimal::Decimal;

use crate::model::term::Term;
use crate::model::Echo;
use crate::words::labels::Label;
use crate::words::parse::NumKind;
use crate::words::parse::ParseError;
use crate::words::Lang;

/// A fixed text of the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppText {
    AppTitle,
    AppQuestion,
    PageTitle,
    OtherLanguage,
    UnitSwitch,
    SkipToEditor,
    ToEditor,
    Assumptions,
    Privacy,
    // Presets
    ChoosePreset,
    OwnScenario,
    Illustrative,
    BuiltInExample,
    Sources,
    ShowMore,
    ShowLess,
    Dismiss,
    // Key figures
    KeyFigures,
    TotalCost,
    TotalCostNote,
    SavingsInside,
    SavingsOutside,
    OrgNpv,
    SocietyNpv,
    Gain,
    Loss,
    PaybackYear,
    NoPayback,
    /// The payback figure of a scenario that invests nothing.
    NothingToPayBack,
    TermRule,
    IfEffectDiffers,
    RevolvingRatio,
    RevolvingNote,
    StaleResults,
    // Charts
    Charts,
    ChartFund,
    ChartFundCaption,
    ChartWhoPays,
    ChartWhoPaysCaption,
    ChartActorYears,
    ChartActorYearsCaption,
    ChartFlow,
    ChartFlowCaption,
    DownloadSvg,
    DownloadPng,
    // Tables
    YearByYear,
    YearByYearHint,
    /// The year-by-year tables while their module loads, and when it could not be loaded.
    TablesLoading,
    TablesFailed,
    CsvFailed,
    DownloadCsv,
    DownloadCsvSwedish,
    DownloadCsvPlain,
    DownloadXlsx,
    XlsxBusy,
    XlsxFailed,
    AmountsIn,
    Year,
    TableFund,
    Open,
    Allocation,
    Grants,
    Repayments,
    Close,
    TableNet,
    OrgNet,
    SocietyNet,
    PerActor,
    InsideShort,
    OutsideShort,
    Npv,
    Savings,
    CoFinancing,
    Repayment,
    FundCost,
    GrantsReceived,
    Net,
    Total,
    CostBorne,
    TableInterventions,
    Intervention,
    GrantsTotal,
    RepaidTotal,
    Outstanding,
    NoCap,
    // JSON
    ShowJson,
    JsonHint,
    PasteJson,
    LoadJson,
    // Editor: scenario
    SectionScenario,
    ScenarioName,
    Description,
    StartYear,
    Horizon,
    YearsUnit,
    DiscountRate,
    DiscountRateHint,
    Currency,
    // Editor: fund
    SectionFund,
    FinancedBy,
    Accounting,
    Appropriation,
    AppropriationExplain,
    EarmarkedEquity,
    EarmarkedEquityExplain,
    InitialCapital,
    YearlyAllocation,
    YearlyAllocationSlider,
    AmountPerYear,
    ForYears,
    AllocationsDiffer,
    EditSingleYears,
    // Editor: repayment
    SectionRepayment,
    DefaultRule,
    OwnRepaymentRule,
    RuleDefault,
    RuleNone,
    RuleFixed,
    RuleSavingsShare,
    FixedShare,
    Instalments,
    FixedStartAfter,
    SavingsShare,
    SavingsStartAfter,
    HasCap,
    Cap,
    // Editor: actors
    SectionActors,
    ActorsHint,
    ActorName,
    /// The label of an actor's or intervention's id field.
    Id,
    Inside,
    AddActor,
    Remove,
    // Editor: interventions
    SectionInterventions,
    NoInterventions,
    AddIntervention,
    Unnamed,
    HasErrors,
    ActionsFor,
    MoveUp,
    MoveDown,
    Duplicate,
    InterventionName,
    Owner,
    FirstYear,
    RunningYears,
    AnnualCost,
    FundShare,
    Participants,
    SuccessRate,
    Deadweight,
    DeadweightHint,
    DropOff,
    DropOffHint,
    LagYears,
    BenefitYears,
    AvoidedCosts,
    AvoidedCostsHint,
    Actor,
    PerYear,
    PerYearSuffix,
    AddAvoidedCost,
    Uncertainty,
    UncertaintyHint,
    Low,
    High,
    CostFactor,
    AvoidedCostFactor,
    // Share and keep
    ShareAndKeep,
    CopyLink,
    LinkCopied,
    LinkCopyFallback,
    LinkField,
    ShowQr,
    QrTitle,
    QrTooLong,
    QrMaking,
    QrFailed,
    CloseDialog,
    SaveScenario,
    SaveLastValid,
    SaveFailed,
    OpenScenario,
    ResetPreset,
    // Print report (src/ui/components/print_report.rs)
    PrintReport,
    ReportDate,
    ReportNone,
    OwnRule,
    NoRanges,
    Outside,
    Autosaved,
    NotAutosaved,
    DisplacedOpen,
    DisplacedDiscard,
    Undo,
    ScenarioNotLoaded,
}

impl AppText {
    /// The text in a language.
    pub fn get(self, lang: Lang) -> &'static str {
        let (sv, en) = self.both();
        lang.pick(sv, en)
    }

    fn both(self) -> (&'static str, &'static str) {
        use AppText::*;
        match self {
            AppTitle => ("Social investeringsfond", "Social investment fund"),
            AppQuestion => (
                "När kommunen satsar på tidiga, förebyggande insatser: vem betalar, vem vinner – och när?",
                "When a municipality invests in early, preventive work: who pays, who gains – and when?",
            ),
            PageTitle => (
                "Social investeringsfond – vem betalar, vem vinner?",
                "Social investment fund – who pays, who gains?",
            ),
            OtherLanguage => ("English", "Svenska"),
            UnitSwitch => ("Visa belopp i", "Show amounts in"),
            ToEditor => ("Ändra antagandena ↓", "Change the assumptions ↓"),
            SkipToEditor => ("Hoppa till antagandena", "Skip to the assumptions"),
            Assumptions => ("Antaganden", "Assumptions"),
            Privacy => (
                "Allt räknas i din webbläsare. Ingenting skickas till någon server.",
                "Everything is computed in your browser. Nothing is sent to any server.",
            ),
            ChoosePreset => ("Exempel", "Example"),
            OwnScenario => ("Eget scenario", "Own scenario"),
            Illustrative => ("Illustrativt", "Illustrative"),
            BuiltInExample => (
                "Ett inbyggt exempel med påhittade men rimliga siffror. Ändra antagandena och se resultatet direkt.",
                "A built-in example with made-up but plausible figures. Change the assumptions and see the result at once.",
            ),
            Sources => ("Källor", "Sources"),
            ShowMore => ("Läs hela beskrivningen", "Read the whole story"),
            ShowLess => ("Visa mindre", "Show less"),
            Dismiss => ("Stäng", "Dismiss"),
            KeyFigures => Label::KeyFigures.both(),
            TotalCost => Label::TotalCost.both(),
            TotalCostNote => ("under hela perioden", "over the whole period"),
            SavingsInside => Label::SavingsInside.both(),
            SavingsOutside => ("Besparingar utanför (t.ex. staten)", "Savings outside (e.g. the state)"),
            OrgNpv => Label::OrganisationPresentValue.both(),
            SocietyNpv => Label::SocietyPresentValue.both(),
            Gain => ("lönsamt", "pays off"),
            Loss => ("olönsamt", "does not pay off"),
            PaybackYear => Label::PaybackYear.both(),
            IfEffectDiffers => ("Om effekten blir sämre eller bättre", "If the effect is worse or better"),
            TermRule => (
                "Året det betalar sig: första året då organisationens samlade resultat inte längre är negativt (inte året då fonden får tillbaka sina pengar). Mandatperiod: val hålls i september vart fjärde år (2026, 2030 …) och perioden börjar 1 januari året efter; här jämförs med den mandatperiod då insatserna beslutas och genomförs: den som innehåller scenariots första år, eller – om det är ett valår – den som börjar året efter.",
                "Year it pays off: the first year from which the organisation's cumulative result is no longer negative (not the year the fund is repaid). Term of office: elections are held every four years in September (2026, 2030 …) and a term starts on 1 January after; the comparison is with the term in which the interventions are decided and run: the one containing the scenario's first year or, when that is an election year, the one starting the year after.",
            ),
            NoPayback => Label::NoPayback.both(),
            NothingToPayBack => ("inga insatser – inget att betala tillbaka", "no interventions – nothing to pay back"),
            RevolvingRatio => Label::RevolvingRatio.both(),
            RevolvingNote => ("av utbetalda bidrag har betalats tillbaka", "of the grants paid has been repaid"),
            StaleResults => (
                "Något i antagandena behöver rättas. Resultaten visar det senaste giltiga scenariot.",
                "Something in the assumptions needs fixing. The results show the last valid scenario.",
            ),
            Charts => ("Diagram", "Charts"),
            ChartFund => Label::FundYearByYear.both(),
            ChartFundCaption => (
                "Avsättningar, bidrag och återbetalningar per år; linjen är fondens saldo vid årets slut.",
                "Allocations, grants and repayments per year; the line is the fund's balance at year end.",
            ),
            ChartWhoPays => ("Vem betalar, vem vinner?", "Who pays, who gains?"),
            ChartWhoPaysCaption => (
                "Varje aktörs kostnader mot dess besparingar under hela perioden.",
                "Each actor's costs against its savings over the whole period.",
            ),
            ChartActorYears => ("Budgeteffekt per aktör och år", "Budget effect per actor and year"),
            ChartActorYearsCaption => (
                "Över noll: bättre för aktörens budget. Strecken markerar mandatperioderna.",
                "Above zero: better for the actor's budget. The marks show the terms of office.",
            ),
            ChartFlow => ("Pengarnas väg", "Where the money goes"),
            ChartFlowCaption => (
                "Från dem som betalar till dem som sparar, inom och utanför organisationen.",
                "From those who pay to those who save, inside and outside the organisation.",
            ),
            DownloadSvg => ("Ladda ner SVG", "Download SVG"),
            DownloadPng => ("Ladda ner PNG", "Download PNG"),
            YearByYear => Label::YearByYear.both(),
            YearByYearHint => (
                "Alla rader i resultatet. Håll muspekaren över ett belopp för exakt värde i kronor och ören.",
                "Every row of the result. Hover over an amount for its exact value, to the öre.",
            ),
            TablesLoading => ("Tabellerna hämtas …", "Fetching the tables …"),
            TablesFailed => (
                "Tabellerna kunde inte hämtas. Kontrollera anslutningen och ladda om sidan.",
                "The tables could not be fetched. Check the connection and reload the page.",
            ),
            CsvFailed => ("CSV-filen kunde inte skapas. Försök igen.", "The CSV file could not be made. Try again."),
            DownloadCsv => ("Ladda ner tabellerna", "Download the tables"),
            DownloadCsvSwedish => (
                "CSV för svenska Excel (semikolon, decimalkomma)",
                "CSV for Swedish Excel (semicolon, decimal comma)",
            ),
            DownloadCsvPlain => ("CSV (komma, decimalpunkt)", "CSV (comma, decimal point)"),
            DownloadXlsx => ("Excel (.xlsx)", "Excel (.xlsx)"),
            XlsxBusy => ("Skapar Excel-filen …", "Making the Excel file …"),
            XlsxFailed => ("Excel-filen kunde inte skapas. Försök igen.", "The Excel file could not be made. Try again."),
            AmountsIn => ("belopp i", "amounts in"),
            Year => Label::Year.both(),
            TableFund => Label::TheFund.both(),
            Open => Label::OpeningBalance.both(),
            Allocation => Label::Allocation.both(),
            Grants => Label::Grants.both(),
            Repayments => Label::Repayments.both(),
            Close => Label::ClosingBalance.both(),
            TableNet => Label::OrganisationAndSociety.both(),
            OrgNet => Label::OrganisationResult.both(),
            SocietyNet => Label::SocietyResult.both(),
            PerActor => ("Per aktör", "Per actor"),
            InsideShort => Label::InsideAfterName.both(),
            OutsideShort => Label::OutsideAfterName.both(),
            Npv => ("nuvärde", "present value"),
            Savings => Label::Savings.both(),
            CoFinancing => Label::CoFinancing.both(),
            Repayment => Label::Repayment.both(),
            FundCost => Label::FundCost.both(),
            GrantsReceived => Label::GrantsReceived.both(),
            Net => Label::Net.both(),
            Total => Label::Total.both(),
            CostBorne => Label::Costs.both(),
            TableInterventions => Label::InterventionTotals.both(),
            Intervention => Label::Intervention.both(),
            GrantsTotal => Label::GrantsTotal.both(),
            RepaidTotal => Label::RepaidTotal.both(),
            Outstanding => Label::Outstanding.both(),
            NoCap => Label::NoCap.both(),
            ShowJson => ("Visa scenariot som JSON", "Show the scenario as JSON"),
            JsonHint => (
                "Alla antaganden i ett format som kan sparas, granskas och läsas in igen.",
                "Every assumption in a format you can save, check and load again.",
            ),
            PasteJson => ("Klistra in ett scenario (JSON)", "Paste a scenario (JSON)"),
            LoadJson => ("Läs in scenariot", "Load the scenario"),
            SectionScenario => Label::Scenario.both(),
            ScenarioName => Label::Name.both(),
            Description => Label::Description.both(),
            StartYear => Label::FirstYear.both(),
            Horizon => Label::NumberOfYears.both(),
            YearsUnit => ("år", "years"),
            DiscountRate => Label::DiscountRate.both(),
            DiscountRateHint => ("3,5 % är vanligt (UK Green Book).", "3.5% is common (UK Green Book)."),
            Currency => Label::Currency.both(),
            SectionFund => Label::TheFund.both(),
            FinancedBy => Label::FinancedBy.both(),
            Accounting => Label::Accounting.both(),
            Appropriation => Label::Appropriation.both(),
            AppropriationExplain => (
                "Avsättningen är en kostnad för finansiären samma år som den görs.",
                "The allocation is a cost to the financer in the year it is made.",
            ),
            EarmarkedEquity => Label::EarmarkedEquity.both(),
            EarmarkedEquityExplain => (
                "Bidragen blir kostnad när de betalas ut; återbetalningar blir intäkter.",
                "Grants are a cost when paid out; repayments come back as income.",
            ),
            InitialCapital => Label::InitialCapital.both(),
            YearlyAllocation => ("Årlig avsättning", "Yearly allocation"),
            YearlyAllocationSlider => ("Årlig avsättning (reglage)", "Yearly allocation (slider)"),
            AmountPerYear => ("Belopp per år", "Amount a year"),
            ForYears => ("Under antal år", "For how many years"),
            AllocationsDiffer => (
                "Åren har olika belopp. Ändrar du beloppet ovan får alla år samma belopp.",
                "The years have different amounts. Changing the amount above gives every year the same amount.",
            ),
            EditSingleYears => ("Ändra enskilda år", "Edit single years"),
            SectionRepayment => ("Återbetalning till fonden", "Repayment to the fund"),
            DefaultRule => ("Regel för alla insatser", "Rule for every intervention"),
            OwnRepaymentRule => Label::RepaymentRule.both(),
            RuleDefault => Label::SameAsDefault.both(),
            RuleNone => Label::RuleNone.both(),
            RuleFixed => Label::RuleFixed.both(),
            RuleSavingsShare => ("Andel av besparingarna, med tak", "Share of savings, with a cap"),
            FixedShare => ("Att betala tillbaka, andel av bidraget", "To repay, share of the grant"),
            Instalments => Label::Instalments.both(),
            FixedStartAfter => ("Uppskov efter insatsens slut", "Delay after the intervention ends"),
            SavingsShare => Label::ShareOfSavings.both(),
            SavingsStartAfter => ("Uppskov efter insatsens start", "Delay after the intervention starts"),
            HasCap => ("Med tak för återbetalningen", "With a cap on repayment"),
            Cap => Label::Cap.both(),
            SectionActors => Label::Actors.both(),
            ActorsHint => (
                "Förvaltningar, nämnder och huvudmän som bär kostnader eller får besparingar. Bara de inom organisationen betalar tillbaka till fonden. Id är aktörens nyckel i filer, länkar och resultatet; ändras den följer alla hänvisningar med.",
                "Administrations, committees and principals that bear costs or get savings. Only those inside the organisation repay the fund. The id is the actor's key in files, links and the result; change it and every reference follows.",
            ),
            ActorName => ("Namn på aktör", "Name of actor"),
            Id => Label::Id.both(),
            Inside => Label::InsideOrganisation.both(),
            AddActor => ("Lägg till aktör", "Add actor"),
            Remove => ("Ta bort", "Remove"),
            SectionInterventions => Label::Interventions.both(),
            NoInterventions => ("Inga insatser ännu.", "No interventions yet."),
            AddIntervention => ("Lägg till insats", "Add intervention"),
            Unnamed => ("(namnlös)", "(unnamed)"),
            HasErrors => ("behöver rättas", "needs fixing"),
            ActionsFor => ("Åtgärder för", "Actions for"),
            MoveUp => ("Flytta upp", "Move up"),
            MoveDown => ("Flytta ner", "Move down"),
            Duplicate => ("Kopiera", "Duplicate"),
            InterventionName => ("Namn på insatsen", "Name of the intervention"),
            Owner => Label::Owner.both(),
            FirstYear => Label::FirstYear.both(),
            RunningYears => ("Pågår", "Runs for"),
            AnnualCost => Label::AnnualCost.both(),
            FundShare => Label::FundShare.both(),
            Participants => Label::Participants.both(),
            SuccessRate => Label::SuccessRate.both(),
            Deadweight => Label::Deadweight.both(),
            DeadweightHint => ("Andel som hade lyckats ändå.", "Share who would have succeeded anyway."),
            DropOff => Label::DropOff.both(),
            DropOffHint => ("Hur mycket effekten minskar varje år.", "How much the effect fades each year."),
            LagYears => ("Tid till första besparing", "Time to first saving"),
            BenefitYears => ("Besparingar i", "Savings for"),
            AvoidedCosts => ("Undvikna kostnader", "Avoided costs"),
            AvoidedCostsHint => (
                " – per lyckad deltagare och år. Negativt belopp: kostnaden ökar för aktören.",
                " – per successful participant and year. A negative amount: the actor's cost rises.",
            ),
            Actor => Label::Actor.both(),
            PerYear => Label::PerYear.both(),
            PerYearSuffix => ("/år", "/year"),
            AddAvoidedCost => ("Lägg till aktör som sparar", "Add an actor that saves"),
            Uncertainty => ("Osäkerhet", "Uncertainty"),
            UncertaintyHint => (
                "Intervall för osäkerhetsanalysen (Monte Carlo). Resultaten ovan använder värdena i insatsen.",
                "Ranges for the uncertainty analysis (Monte Carlo). The results above use the intervention's values.",
            ),
            Low => ("lägst", "low"),
            High => ("högst", "high"),
            CostFactor => ("Kostnad, faktor", "Cost, factor"),
            AvoidedCostFactor => ("Undvikna kostnader, faktor", "Avoided costs, factor"),
            ShareAndKeep => ("Dela och spara", "Share and keep"),
            CopyLink => ("Kopiera länk", "Copy link"),
            LinkCopied => ("Länken är kopierad.", "The link is copied."),
            LinkCopyFallback => (
                "Webbläsaren lät inte appen kopiera. Länken är markerad i fältet: kopiera den med Ctrl+C (⌘+C på Mac).",
                "The browser did not let the app copy. The link is selected in the field: copy it with Ctrl+C (⌘+C on a Mac).",
            ),
            LinkField => ("Länk till scenariot", "Link to the scenario"),
            ShowQr => ("Visa QR-kod", "Show QR code"),
            QrTitle => ("Skanna för att öppna scenariot", "Scan to open the scenario"),
            QrTooLong => (
                "Länken är för lång för en QR-kod. Spara scenariot som fil och dela filen i stället.",
                "The link is too long for a QR code. Save the scenario as a file and share the file instead.",
            ),
            QrMaking => ("QR-koden görs …", "Making the QR code …"),
            QrFailed => (
                "QR-koden kunde inte göras: sidans delar för QR-koder gick inte att hämta. Försök igen när anslutningen fungerar, eller kopiera länken.",
                "The QR code could not be made: the page's part for QR codes could not be fetched. Try again when the connection works, or copy the link.",
            ),
            CloseDialog => ("Stäng", "Close"),
            SaveScenario => ("Spara scenariot", "Save the scenario"),
            SaveLastValid => (
                "Scenariot har fel som inte är rättade: den senaste giltiga versionen sparas.",
                "The scenario has errors that are not fixed: the last valid version is saved.",
            ),
            SaveFailed => ("Webbläsaren lät inte appen spara filen.", "The browser did not let the app save the file."),
            OpenScenario => ("Öppna scenario …", "Open scenario …"),
            ResetPreset => ("Återställ exemplet", "Reset to preset"),
            PrintReport => ("Skriv ut rapport", "Print report"),
            ReportDate => ("Datum", "Date"),
            ReportNone => ("Inga", "None"),
            OwnRule => ("Egen regel", "Own rule"),
            NoRanges => ("Inga intervall angivna.", "No ranges given."),
            Outside => ("Utanför organisationen", "Outside the organisation"),
            DisplacedOpen => ("Öppna mitt sparade scenario", "Open my saved scenario"),
            DisplacedDiscard => ("Släng det", "Discard it"),
            Undo => ("Ångra", "Undo"),
            ScenarioNotLoaded => ("Scenariot kunde inte läsas in.", "The scenario could not be loaded."),
            NotAutosaved => (
                "Ändringarna sparas inte automatiskt just nu: spara scenariot som fil.",
                "Changes are not being saved automatically: save the scenario as a file.",
            ),
            Autosaved => (
                "Dina ändringar sparas automatiskt i den här webbläsaren och finns kvar nästa gång.",
                "Your changes are saved automatically in this browser and are still here next time.",
            ),
        }
    }

    /// Why a typed text was not accepted.
    pub fn parse_error(
        err: ParseError,
        kind: NumKind,
        min: Option<Decimal>,
        max: Option<Decimal>,
        lang: Lang,
    ) -> String {
        match err {
            ParseError::Empty => lang.pick("Skriv ett tal.", "Enter a number.").to_string(),
            ParseError::NotANumber => lang
                .pick(
                    "Det här är inte ett tal. Skriv till exempel 3,5 eller 1 250 000.",
                    "This is not a number. Write e.g. 3.5 or 1 250 000.",
                )
                .to_string(),
            ParseError::NotAWholeNumber if kind == NumKind::Year => {
                lang.pick("Skriv ett årtal, till exempel 2027.", "Enter a year, e.g. 2027.").to_string()
            }
            ParseError::NotAWholeNumber => {
                lang.pick("Skriv ett heltal, 0 eller mer.", "Enter a whole number, 0 or more.").to_string()
            }
            ParseError::TooSmall => match (lang, min) {
                (Lang::Sv, Some(m)) => format!("Måste vara minst {m}."),
                (Lang::En, Some(m)) => format!("Must be at least {m}."),
                (Lang::Sv, None) => "För litet.".into(),
                (Lang::En, None) => "Too small.".into(),
            },
            ParseError::TooLarge => match (lang, max) {
                (Lang::Sv, Some(m)) => format!("Får vara högst {}.", crate::words::format::number(m, 0, lang)),
                (Lang::En, Some(m)) => format!("Must be at most {}.", crate::words::format::number(m, 0, lang)),
                (Lang::Sv, None) => "Talet är för stort för det här fältet.".into(),
                (Lang::En, None) => "This number is too large for this field.".into(),
            },
        }
    }

    /// How the uncertainty figures came about.
    pub fn uncertainty_intro(draws: u32, lang: Lang) -> String {
        let draws = crate::words::format::number(rust_decimal::Decimal::from(draws), 0, lang);
        match lang {
            Lang::Sv => format!("Med insatsernas osäkerhetsintervall, {draws} slumpade utfall (samma varje gång):"),
            Lang::En => {
                format!("With the interventions' uncertainty ranges, {draws} random outcomes (the same every time):")
            }
        }
    }

    /// "The fund runs dry in 2029".
    pub fn fund_runs_dry(year: i32, lang: Lang) -> String {
        match lang {
            Lang::Sv => format!("Fonden tar slut {year}: saldot blir negativt. Bidragen betalas ändå ut, men någon måste täcka underskottet."),
            Lang::En => format!("The fund runs dry in {year}: its balance turns negative. Grants are still paid, but someone must cover the deficit."),
        }
    }

    /// [`AppText::fund_runs_dry`] in a few words, for a projector's tile (the full
    /// app says the rest).
    pub fn fund_runs_dry_short(year: i32, lang: Lang) -> String {
        match lang {
            Lang::Sv => format!("✗ Fonden tar slut {year}"),
            Lang::En => format!("✗ The fund runs dry in {year}"),
        }
    }
}

/// The accessible name of a chart's download button: the visible text
/// ("Ladda ner SVG") followed by the chart it downloads.
pub fn download_chart_label(button: AppText, chart: AppText, lang: Lang) -> String {
    format!("{} – {}", button.get(lang), chart.get(lang))
}

/// The offer of a scenario kept aside (the autosave a link was opened over).
pub fn displaced_text(name: &str, lang: Lang) -> String {
    let name = Echo::new(name);
    match lang {
        Lang::Sv => format!("Ditt scenario ”{name}” lades undan när en länk öppnades."),
        Lang::En => format!("Your scenario “{name}” was kept aside when a link was opened."),
    }
}

/// The key figures in two sentences, for a politician on stage:
/// "Insatserna kostar 30 mnkr. Organisationen sparar 45,3 mnkr och andra 10,2 mnkr.
/// Det betalar sig 2033 – inte inom mandatperioden 2027–2030." A year after
/// `this_year` is said in the future tense, this year or earlier in the past;
/// a scenario that invests nothing has no verdict.
pub fn headline(k: &crate::model::KeyFigures, term: Term, this_year: i32, currency: &str, lang: Lang) -> String {
    use crate::words::format::money_auto;
    if nothing_to_pay_back(k) {
        return lang
            .pick(
                "Scenariot har inga insatser som kostar något, så det finns inget som ska betala sig.",
                "The scenario has no interventions that cost anything, so there is nothing to pay off.",
            )
            .to_string();
    }
    let cost = money_auto(k.total_cost, currency, lang);
    let inside = money_auto(k.savings_inside, currency, lang);
    let outside = money_auto(k.savings_outside, currency, lang);
    let when = match k.payback_year {
        Some(y) => {
            let note = payback_note(Some(y), term, lang);
            match (lang, y > this_year) {
                (Lang::Sv, true) => format!("Det betalar sig för organisationen {y} – {note}."),
                (Lang::Sv, false) => format!("Det har betalat sig för organisationen {y} – {note}."),
                (Lang::En, true) => format!("It pays off for the organisation in {y} – {note}."),
                (Lang::En, false) => format!("It paid off for the organisation in {y} – {note}."),
            }
        }
        None => lang
            .pick(
                "Det betalar sig inte för organisationen inom perioden.",
                "It does not pay off for the organisation within the period.",
            )
            .to_string(),
    };
    match lang {
        Lang::Sv => format!("Insatserna kostar {cost}. Organisationen sparar {inside} och andra (t.ex. staten) {outside}. {when}"),
        Lang::En => format!("The interventions cost {cost}. The organisation saves {inside} and others (e.g. the state) {outside}. {when}"),
    }
}

/// Whether the scenario invests nothing (its interventions cost nothing):
/// then no payback year is a verdict.
pub fn nothing_to_pay_back(k: &crate::model::KeyFigures) -> bool {
    k.total_cost.is_zero()
}

/// The payback figure as the key figures and presentation mode show it.
pub struct PaybackShown {
    /// The year, "not within the period", or "–" when nothing was invested.
    pub value: String,
    /// Which term it is measured against, or why there is no verdict.
    pub note: String,
    /// Within the term (✓), not within it (✗), or no verdict.
    pub within: Option<bool>,
}

/// [`PaybackShown`] of key figures `k`, measured against `term`.
pub fn payback_shown(k: &crate::model::KeyFigures, term: Term, lang: Lang) -> PaybackShown {
    if nothing_to_pay_back(k) {
        return PaybackShown {
            value: "–".to_string(),
            note: AppText::NothingToPayBack.get(lang).to_string(),
            within: None,
        };
    }
    PaybackShown {
        value: k.payback_year.map_or_else(|| AppText::NoPayback.get(lang).to_string(), |y| y.to_string()),
        note: payback_note(k.payback_year, term, lang),
        within: Some(k.payback_year.is_some_and(|y| term.reached_by(y))),
    }
}

/// "−2,1 mnkr till 9,8 mnkr i 9 fall av 10 (mittvärde 3,9 mnkr)".
pub fn uncertainty_range(p5: &str, p95: &str, p50: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{p5} till {p95} i 9 fall av 10 (mittvärde {p50})"),
        Lang::En => format!("{p5} to {p95} in 9 cases out of 10 (median {p50})"),
    }
}

/// Whether the payback year falls within the current term of office, and which term that is.
pub fn payback_note(payback: Option<i32>, term: Term, lang: Lang) -> String {
    let (first, last) = (term.first, term.last);
    match (payback, lang) {
        // A year before the term starts is reached by it too, but "within 2027–2030" would misdate it.
        (Some(y), Lang::Sv) if y < first => format!("redan före mandatperioden {first}–{last}"),
        (Some(y), Lang::En) if y < first => format!("already before the term of office {first}–{last}"),
        (Some(y), Lang::Sv) if term.reached_by(y) => format!("inom mandatperioden {first}–{last}"),
        (Some(y), Lang::En) if term.reached_by(y) => format!("within the term of office {first}–{last}"),
        (_, Lang::Sv) => format!("inte inom mandatperioden {first}–{last}"),
        (_, Lang::En) => format!("not within the term of office {first}–{last}"),
    }
}

// ---------------------------------------------------------------- Presentation mode
/// The texts of presentation mode (`ui::view::components::presentation`):
/// few words, read from the back of a hall.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresentText {
    /// The button in the full app that enters presentation mode.
    Enter,
    /// The button that leaves it.
    Leave,
    /// The key figures' heading (for screen readers).
    Figures,
    /// The live controls' heading.
    Controls,
    /// The fund's balance in the last year.
    FundAtEnd,
    /// The repayment control under a savings-share rule.
    ShareOfSavings,
    /// The repayment control under a fixed rule.
    ShareOfGrant,
    /// Which intervention the expected effect belongs to.
    EffectOf,
    /// The expected effect: the intervention's success rate.
    ExpectedEffect,
    /// The small QR code's button.
    QrLarger,
    /// The key hints' heading (for screen readers).
    Keys,
    KeyNext,
    KeyPrevious,
    KeyPreset,
    KeyQr,
    KeyLeave,
}

impl PresentText {
    /// The text in `lang`.
    pub fn get(self, lang: Lang) -> &'static str {
        use PresentText::*;
        let (sv, en) = match self {
            Enter => ("Presentationsläge", "Presentation mode"),
            Leave => ("Avsluta presentationen", "Leave presentation"),
            Figures => Label::KeyFigures.both(),
            Controls => ("Ändra under presentationen", "Change live"),
            FundAtEnd => ("Fonden vid periodens slut", "The fund at the end"),
            ShareOfSavings => ("Återbetalning: andel av besparingarna", "Repaid: share of the savings"),
            ShareOfGrant => ("Återbetalning: andel av bidraget", "Repaid: share of the grant"),
            EffectOf => Label::Intervention.both(),
            ExpectedEffect => ("Förväntad effekt: andel som lyckas", "Expected effect: share who succeed"),
            QrLarger => ("Visa QR-koden stort (Q)", "Show the QR code large (Q)"),
            Keys => ("Kortkommandon", "Keyboard shortcuts"),
            KeyNext => ("nästa", "next"),
            KeyPrevious => ("föregående", "previous"),
            KeyPreset => ("scenario", "scenario"),
            KeyQr => ("QR-kod", "QR code"),
            KeyLeave => ("avsluta", "leave"),
        };
        lang.pick(sv, en)
    }
}

/// "2 / 4": which preset of how many is shown (presentation mode).
pub fn preset_position(index: usize, count: usize, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Scenario {} av {count}", index + 1),
        Lang::En => format!("Scenario {} of {count}", index + 1),
    }
}

/// "for 3 years" under the presentation's allocation.
pub fn for_years(years: usize, lang: Lang) -> String {
    match (lang, years) {
        (Lang::Sv, _) => format!("i {years} år"),
        (Lang::En, 1) => "for 1 year".to_string(),
        (Lang::En, _) => format!("for {years} years"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_headline_says_cost_savings_and_payback() {
        let s = crate::presets::example().expect("the example scenario reads");
        let o = crate::model::simulate(&s).unwrap();
        let text = headline(&o.key_figures, Term::containing(2026), 2026, "SEK", Lang::Sv);
        assert!(text.starts_with("Insatserna kostar 7,5\u{a0}mnkr. Organisationen sparar"), "{text}");
    }

    #[test]
    fn a_payback_year_to_come_is_said_in_the_future_tense_and_no_investment_has_no_verdict() {
        let s = crate::presets::example().expect("the example scenario reads");
        let mut k = crate::model::simulate(&s).unwrap().key_figures;
        let term = Term::containing(2027);
        // Hand-set figures: 10 000 kr cost, paid off in 2030.
        k.total_cost = Decimal::from(10_000);
        k.payback_year = Some(2030);
        let sv = |this_year| headline(&k, term, this_year, "SEK", Lang::Sv);
        assert!(
            sv(2026).ends_with("Det betalar sig för organisationen 2030 – inom mandatperioden 2027–2030."),
            "{}",
            sv(2026)
        );
        assert!(
            sv(2030).ends_with("Det har betalat sig för organisationen 2030 – inom mandatperioden 2027–2030."),
            "{}",
            sv(2030)
        );
        let en = headline(&k, term, 2026, "SEK", Lang::En);
        assert!(
            en.ends_with("It pays off for the organisation in 2030 – within the term of office 2027–2030."),
            "{en}"
        );
        let shown = payback_shown(&k, term, Lang::Sv);
        assert_eq!((shown.value.as_str(), shown.within), ("2030", Some(true)));
        // Paid off in 2026, the year before the term 2027–2030 starts: reached by the term (✓),
        // said as before it rather than within it.
        k.payback_year = Some(2026);
        let early = payback_shown(&k, term, Lang::Sv);
        assert_eq!((early.note.as_str(), early.within), ("redan före mandatperioden 2027–2030", Some(true)));
        assert!(
            headline(&k, term, 2026, "SEK", Lang::En)
                .ends_with("It paid off for the organisation in 2026 – already before the term of office 2027–2030."),
            "{}",
            headline(&k, term, 2026, "SEK", Lang::En)
        );
        k.payback_year = Some(2030);
        // Nothing invested: no verdict, whatever the payback year says.
        k.total_cost = Decimal::ZERO;
        assert_eq!(
            headline(&k, term, 2026, "SEK", Lang::Sv),
            "Scenariot har inga insatser som kostar något, så det finns inget som ska betala sig."
        );
        let shown = payback_shown(&k, term, Lang::En);
        assert_eq!(
            (shown.value.as_str(), shown.note.as_str(), shown.within),
            ("–", "no interventions – nothing to pay back", None)
        );
    }

    #[test]
    fn the_fields_table_names_fields_as_the_editor_labels_them() {
        use crate::words::fields::field;
        // Each field's name in messages is its label in the editor, in both languages.
        let labels = [
            ("name", AppText::ScenarioName),
            ("description", AppText::Description),
            ("currency", AppText::Currency),
            ("start_year", AppText::StartYear),
            ("horizon_years", AppText::Horizon),
            ("discount_rate", AppText::DiscountRate),
            ("actors", AppText::SectionActors),
            ("actors[0]", AppText::Actor),
            ("actors[0].id", AppText::Id),
            ("actors[0].inside", AppText::Inside),
            ("fund", AppText::SectionFund),
            ("fund.financed_by", AppText::FinancedBy),
            ("fund.accounting", AppText::Accounting),
            ("fund.initial_capital", AppText::InitialCapital),
            ("fund.allocations[0]", AppText::Allocation),
            ("repayment_default", AppText::DefaultRule),
            ("repayment_default.years", AppText::Instalments),
            ("repayment_default.cap", AppText::Cap),
            ("interventions", AppText::SectionInterventions),
            ("interventions[0]", AppText::Intervention),
            ("interventions[0].owner", AppText::Owner),
            ("interventions[0].start", AppText::FirstYear),
            ("interventions[0].years", AppText::RunningYears),
            ("interventions[0].annual_cost", AppText::AnnualCost),
            ("interventions[0].fund_share", AppText::FundShare),
            ("interventions[0].participants_per_year", AppText::Participants),
            ("interventions[0].success_rate", AppText::SuccessRate),
            ("interventions[0].deadweight", AppText::Deadweight),
            ("interventions[0].drop_off", AppText::DropOff),
            ("interventions[0].lag_years", AppText::LagYears),
            ("interventions[0].benefit_years", AppText::BenefitYears),
            ("interventions[0].avoided_costs", AppText::AvoidedCosts),
            ("interventions[0].avoided_costs[1].actor", AppText::Actor),
            ("interventions[0].avoided_costs[1].per_year", AppText::PerYear),
            ("interventions[0].repayment", AppText::OwnRepaymentRule),
            ("interventions[0].repayment.cap", AppText::Cap),
            ("interventions[0].uncertainty", AppText::Uncertainty),
            ("interventions[0].uncertainty.annual_cost", AppText::CostFactor),
            ("interventions[0].uncertainty.avoided_costs", AppText::AvoidedCostFactor),
        ];
        for (path, label) in labels {
            let f = field(path).unwrap_or_else(|| panic!("{path} is not in the table"));
            assert_eq!((f.sv, f.en), (label.get(Lang::Sv), label.get(Lang::En)), "{path}");
        }
    }

    #[test]
    fn every_text_has_both_languages() {
        // Spot check: a text is never empty in either language.
        for t in
            [AppText::AppTitle, AppText::RuleSavingsShare, AppText::EarmarkedEquityExplain, AppText::AvoidedCostFactor]
        {
            assert!(!t.get(Lang::Sv).is_empty() && !t.get(Lang::En).is_empty());
        }
    }
}

/// The words of comparing plan A against plan B in the app (`ui::view::components::compare`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareText {
    CompareWith,
    PinCurrent,
    PinPreset,
    PinFile,
    Swap,
    Leave,
    OpenBaseline,
    DownloadCsv,
    DownloadExcel,
}

impl CompareText {
    pub fn get(self, lang: Lang) -> &'static str {
        use CompareText::*;
        let (sv, en) = match self {
            CompareWith => ("Jämför med…", "Compare with…"),
            PinCurrent => ("Scenariot som det är nu", "The scenario as it is now"),
            PinPreset => ("Ett exempel", "A preset"),
            PinFile => ("En fil…", "A file…"),
            Swap => ("Byt plats på A och B", "Swap A and B"),
            Leave => ("Avsluta jämförelsen", "Leave the comparison"),
            OpenBaseline => ("Öppna jämförelsescenariot", "Open the baseline"),
            DownloadCsv => ("Ladda ner jämförelsen (CSV)", "Download the comparison (CSV)"),
            DownloadExcel => ("Ladda ner jämförelsen (Excel)", "Download the comparison (Excel)"),
        };
        lang.pick(sv, en)
    }
}

/// The words of the comparison's tables, written by the on-demand module
/// (`report::compare_tables`): apart from [`CompareText`], so that they are
/// not part of the first download.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareTableText {
    ScenarioA,
    ScenarioB,
    Difference,
    Figure,
    ActorNet,
    NoDifference,
    Heading,
    FromFile,
    FromPreset,
    FromLink,
    Pinned,
    FundHeading,
    LegendA,
    LegendB,
}

impl CompareTableText {
    pub fn get(self, lang: Lang) -> &'static str {
        use CompareTableText::*;
        let (sv, en) = match self {
            // Short, for 390 px: the names of A and B are said just above the tables.
            ScenarioA => ("A", "A"),
            ScenarioB => ("B", "B"),
            Difference => ("A − B", "A − B"),
            Figure => ("Nyckeltal", "Key figure"),
            ActorNet => ("Vem betalar, vem vinner: netto per aktör", "Who pays, who gains: net per actor"),
            NoDifference => ("ingen skillnad", "no difference"),
            Pinned => ("fäst", "pinned"),
            FromLink => ("från länken", "from the link"),
            FromPreset => ("exempel", "preset"),
            FromFile => ("från fil", "from a file"),
            Heading => ("Jämförelse: A mot B", "Comparison: A against B"),
            FundHeading => ("Fondens saldo i A och B", "The fund balance in A and B"),
            LegendA => ("A: fondens saldo (heldragen linje)", "A: fund balance (solid line)"),
            LegendB => ("B: fondens saldo (streckad linje)", "B: fund balance (dashed line)"),
        };
        lang.pick(sv, en)
    }
}

// Issue 13, the totals reconcile: the outside actors' gains and losses, and
// what earmarked equity changes (the fund editor).
impl AppText {
    /// The savings outside when they mix gains and losses (a transfer): both parts.
    pub fn outside_gains_losses(gains: &str, losses: &str, lang: Lang) -> String {
        match lang {
            Lang::Sv => {
                format!("netto av vinster {gains} och förluster {losses} (t.ex. hushåll som mister ett bidrag)")
            }
            Lang::En => format!("net of gains {gains} and losses {losses} (e.g. households that lose a benefit)"),
        }
    }

    /// Where the accounting is chosen: how the totals add up under each mode,
    /// with the scenario's figures (`allocations`, `left` in the fund, the fund's
    /// term under appropriation), amounts already written.
    pub fn accounting_identity(equity: bool, allocations: &str, kept: &str, lang: Lang) -> String {
        match (lang, equity) {
            (Lang::Sv, true) => format!("Öronmärkt eget kapital: avsättningarna ({allocations}) är eget kapital, inte en kostnad; bidragen kostar när de betalas ut, återbetalningar är intäkter. Aktörerna inom organisationen blir då ensamma dess resultat; det som finns kvar i fonden ({kept}) ligger utanför."),
            (Lang::En, true) => format!("Earmarked equity: the allocations ({allocations}) are equity, not a cost; grants cost when paid out, repayments are income. The actors inside the organisation alone then add up to its result; what is left in the fund ({kept}) stays outside it."),
            (Lang::Sv, false) => format!("Anslag: avsättningarna ({allocations}) är en kostnad när de görs, så aktörerna inom organisationen plus det fonden behållit ({kept}) blir organisationens resultat. Med öronmärkt eget kapital räcker aktörerna."),
            (Lang::En, false) => format!("Appropriation: the allocations ({allocations}) are a cost when made, so the actors inside the organisation plus what the fund kept ({kept}) add up to its result. Under earmarked equity the actors alone would."),
        }
    }
}
