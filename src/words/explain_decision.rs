//! The words of the comparison's and the decision charts' explanations
//! (`explain::compare`, `explain::write_decision`), in Swedish and English.
//! Used only by the on-demand module.

use super::Lang;

/// A comparison's explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareWords {
    Rule,
    /// "How is A's figure calculated?", `{l}` the letter.
    HowSide,
    Year,
    Years,
}

impl CompareWords {
    pub fn get(self, lang: Lang) -> &'static str {
        let (sv, en) = match self {
            CompareWords::Rule => (
                "Skillnaden = A:s värde − B:s värde, vart och ett räknat i sitt eget scenario.",
                "The difference = A's figure − B's figure, each computed in its own scenario.",
            ),
            CompareWords::HowSide => ("Hur räknas {l}:s värde?", "How is {l}'s figure calculated?"),
            CompareWords::Year => (" år", " year"),
            CompareWords::Years => (" år", " years"),
        };
        lang.pick(sv, en)
    }
}

/// A decision table's explanation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionWords {
    /// The tornado's title: `{figure}`, `{parameter}`, `{intervention}`, `{end}`.
    VariedTitle,
    Low,
    High,
    /// The tornado's rule: `{parameter}`, `{assumed}`, `{value}`.
    VariedRule,
    /// The break-even's title: `{intervention}`.
    BreakEvenTitle,
    BreakEvenRule,
    BreakEvenSearched,
    Assumed,
    OrgNpv,
    /// `u`.
    Unit,
    /// A year of `u`: `{year}`.
    UnitYear,
    Quotient,
    /// The check: `{rate}`.
    Check,
    /// The check on the line, where the rate cannot be simulated: `{rate}`.
    CheckLine,
    NoUnit,
    /// The percentile's title: `{p}`, `{series}`, `{year}`.
    PercentileTitle,
    PercentileRule,
    Draws,
    /// `{p}`, `{n}`.
    Rank,
    Seed,
    Deterministic,
    NotKept,
    FundClose,
    CumulativeOrgNet,
    /// `{year}`.
    CumulativeTitle,
    CumulativeRule,
    /// An outcome contract's chance of a loss and spread of payments in the run: `{contract}`.
    LossTitle,
    LossRule,
    LosingDraws,
    InvestorNetAssumed,
    /// `{contract}`.
    PaymentsTitle,
    PaymentsRule,
    PaymentsAssumed,
    /// An input cell's title: `{parameter}`, `{intervention}`, `{which}`.
    InputTitle,
    InputAssumed,
    InputLow,
    InputHigh,
    /// Where the value is set: `{interventions}`, `{intervention}`.
    InputRule,
    /// Where the range is set and what the sensitivity does with it: `{interventions}`, `{intervention}`, `{uncertainty}`.
    InputRangeRule,
    /// A cost's range is a share of the amount assumed.
    InputFactorNote,
    AssumedValue,
    RangeLow,
    RangeHigh,
}

impl DecisionWords {
    pub fn get(self, lang: Lang) -> &'static str {
        use DecisionWords::*;
        let (sv, en) = match self {
            VariedTitle => ("{figure} med {parameter} för {intervention} på {end}", "{figure} with {intervention}'s {parameter} at {end}"),
            Low => ("sitt låga värde", "its low value"),
            High => ("sitt höga värde", "its high value"),
            VariedRule => (
                "Scenariots nuvärde med ett enda antagande ändrat, {parameter}: {assumed} → {value}; allt annat som i scenariot. Nuvärde = Σ nettot år y ÷ (1 + diskonteringsränta)^y.",
                "The scenario's present value with one assumption changed, {parameter}: {assumed} → {value}; everything else as in the scenario. Present value = Σ net of year y ÷ (1 + discount rate)^y.",
            ),
            BreakEvenTitle => ("Andel som måste lyckas för att organisationen ska gå jämnt ut, {intervention}", "Success rate at which the organisation breaks even, {intervention}"),
            BreakEvenRule => (
                "Organisationens nuvärde växer rakt med insatsens andel som lyckas r: nuvärde(r) = nuvärdet − (r antagen − r) × u, där u är nuvärdet av insatsens besparingar inom organisationen när alla lyckas (100 %). Nollpunkten: r = r antagen − nuvärdet ÷ u. Allt annat som i scenariot.",
                "The organisation's present value grows in a straight line with the intervention's success rate r: pv(r) = the present value − (r assumed − r) × u, where u is the present value of its inside savings if everyone succeeded (100%). Break-even: r = r assumed − the present value ÷ u. Everything else as in the scenario.",
            ),
            BreakEvenSearched => (
                "Ett utfallskontrakt betalar för insatsen, och utfallsbetalningarna följer utfallen upp till ett tak: nuvärdet är ingen rät linje. Motorn söker den minsta andel som lyckas där organisationens nuvärde är minst 0 (10 000 steg, sedan halvering till 10⁻⁹).",
                "An outcome contract pays for the intervention, and its payments follow the outcomes up to a cap: the present value is no straight line. The engine searches for the smallest success rate at which the organisation's present value is at least 0 (10,000 steps, then halving to 10⁻⁹).",
            ),
            Assumed => ("Antagen andel som lyckas (r antagen)", "Success rate assumed (r assumed)"),
            OrgNpv => ("Organisationens nuvärde med antagna värden", "The organisation's present value, as assumed"),
            Unit => ("u: nuvärdet av besparingarna inom organisationen vid 100 % som lyckas", "u: present value of the inside savings at a 100% success rate"),
            UnitYear => ("{year}: besparing ÷ diskonteringsfaktor", "{year}: savings ÷ discount factor"),
            Quotient => ("Nuvärdet ÷ u", "The present value ÷ u"),
            Check => ("Kontroll: organisationens nuvärde med andelen {rate}", "Check: the organisation's present value at a success rate of {rate}"),
            CheckLine => (
                "Kontroll (på linjen: andelen {rate} är ingen andel att räkna ett scenario med): organisationens nuvärde",
                "Check (on the line: {rate} is no rate a scenario can have): the organisation's present value",
            ),
            NoUnit => ("Insatsen ger inga besparingar inom organisationen (u ≤ 0): ingen andel får den att gå jämnt ut.", "The intervention saves nothing inside the organisation (u ≤ 0): no success rate makes it break even."),
            PercentileTitle => ("{p}:e percentilen av {series} {year}", "{p}th percentile of {series} {year}"),
            PercentileRule => (
                "Närmaste rang: av N dragningar, sorterade från den minsta, är p:e percentilen den ⌈p/100 × N⌉:e minsta. Varje dragning drar varje antagande med ett intervall ur en triangelfördelning vars topp är det antagna värdet och räknar scenariot.",
                "Nearest rank: of N draws sorted from the smallest, the p-th percentile is the ⌈p/100 × N⌉-th smallest. Each draw takes every assumption with a range from a triangular distribution peaking at the assumed value, and computes the scenario.",
            ),
            Draws => ("Antal dragningar N", "Number of draws N"),
            Rank => ("Rang ⌈{p}/100 × {n}⌉", "Rank ⌈{p}/100 × {n}⌉"),
            Seed => ("Slumpfrö (samma scenario ger samma dragningar)", "Seed (the same scenario gives the same draws)"),
            Deterministic => ("Med antagna värden (utan osäkerhet)", "With the assumed values (no uncertainty)"),
            NotKept => (
                "Dragningarna sparas inte, så percentilen kan inte räknas om här: talet är det körningen gav.",
                "The draws are not kept, so the percentile cannot be recomputed here: the figure is the one the run gave.",
            ),
            FundClose => ("fondens saldo", "the fund's balance"),
            CumulativeOrgNet => ("organisationens ackumulerade resultat", "the organisation's cumulative result"),
            CumulativeTitle => ("Organisationens ackumulerade resultat {year} med antagna värden", "The organisation's cumulative result {year} with the assumed values"),
            CumulativeRule => ("Summan av organisationens netto varje år till och med året.", "The sum of the organisation's net of every year up to and including the year."),
            LossTitle => ("Investerarens risk att förlora pengar, {contract}", "The investor's chance of losing money, {contract}"),
            LossRule => (
                "Andelen av N dragningar där investerarens netto (utfallsbetalningar som tas emot, också efter horisonten, minus insatsens kostnad) är under 0. Varje dragning drar varje antagande med ett intervall ur en triangelfördelning vars topp är det antagna värdet och räknar scenariot.",
                "The share of N draws in which the investor's net (outcome payments received, past the horizon too, minus the intervention's cost) is below 0. Each draw takes every assumption with a range from a triangular distribution peaking at the assumed value, and computes the scenario.",
            ),
            LosingDraws => ("Dragningar med förlust (andelen × N)", "Draws with a loss (the share × N)"),
            InvestorNetAssumed => ("Investerarens netto med antagna värden", "The investor's net with the assumed values"),
            PaymentsTitle => ("Betalarnas utfallsbetalningar, 5:e–95:e percentilen, {contract}", "The payers' outcome payments, 5th–95th percentile, {contract}"),
            PaymentsRule => (
                "Utfallsbetalningarna inom horisonten i varje dragning, sorterade från den minsta: p:e percentilen är den ⌈p/100 × N⌉:e minsta (närmaste rang). Nio av tio utfall ligger mellan de två talen.",
                "The outcome payments within the horizon in each draw, sorted from the smallest: the p-th percentile is the ⌈p/100 × N⌉-th smallest (nearest rank). Nine outcomes in ten lie between the two figures.",
            ),
            PaymentsAssumed => ("Betalningar inom horisonten med antagna värden", "Payments within the horizon with the assumed values"),
            InputTitle => ("{parameter}, {intervention}: {which}", "{parameter}, {intervention}: {which}"),
            InputAssumed => ("det antagna värdet", "the value assumed"),
            InputLow => ("intervallets låga värde", "the low end of its range"),
            InputHigh => ("intervallets höga värde", "the high end of its range"),
            InputRule => (
                "Ett antagande, inte en beräkning: värdet anges under {interventions} → {intervention}.",
                "An assumption, not a calculation: it is set under {interventions} → {intervention}.",
            ),
            InputRangeRule => (
                "Ett antagande, inte en beräkning: intervallet anges under {interventions} → {intervention} → {uncertainty}. Känsligheten sätter detta enda antagande till intervallets ände och behåller allt annat som antaget.",
                "An assumption, not a calculation: the range is set under {interventions} → {intervention} → {uncertainty}. The sensitivity sets this one assumption to this end of its range and keeps everything else as assumed.",
            ),
            InputFactorNote => (
                "För en kostnad är intervallet en andel av det antagna beloppet: 100 % är beloppet som antaget.",
                "For a cost the range is a share of the amount assumed: 100% is the amount as assumed.",
            ),
            AssumedValue => ("Antaget värde", "Value assumed"),
            RangeLow => ("Intervallets låga värde", "Low end of the range"),
            RangeHigh => ("Intervallets höga värde", "High end of the range"),
        };
        lang.pick(sv, en)
    }
}
