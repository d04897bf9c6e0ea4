//! The words of social outcome contracts (issue 15): the editor's labels and
//! the contract views' headings, in Swedish and English. Field names that a
//! message can name are the fields table's (`words::fields`; a test keeps
//! the two the same).

use super::Lang;

/// A fixed text about outcome contracts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ContractText {
    Heading,
    Explain,
    PutUnder,
    TakeOut,
    Payer,
    Price,
    Delay,
    DelayHint,
    HasCap,
    Cap,
    CoPayers,
    CoPayer,
    Share,
    AddCoPayer,
    RemoveCoPayer,
    PaymentsTotal,
    InvestorNet,
}

/// A text of the contracts' views and downloads (written by the on-demand
/// module only, so kept apart from the editor's words in the first download).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ViewText {
    ViewsHeading,
    PaymentsAgainstSavings,
    Year,
    Payments,
    SavingsBought,
    InvestorCashFlow,
    PastHorizon,
    Multiple,
    Irr,
    NoIrr,
    MaxExposure,
    Premium,
    PremiumExplain,
    Outcomes,
    Outstanding,
    SideBySide,
    ThroughFund,
    ThroughContract,
    Organisation,
    Society,
    Investor,
    OrgNpv,
    SocietyNpv,
    PaybackYear,
    NotWithin,
    NothingToInvestor,
    Illustrative,
}

impl ContractText {
    /// The text in a language.
    pub fn get(self, lang: Lang) -> &'static str {
        use ContractText::*;
        let (sv, en) = match self {
            Heading => ("Utfallskontrakt", "Outcome contract"),
            Explain => (
                "En investerare betalar insatsen. Betalaren betalar bara för utfall som nås, upp till taket.",
                "An investor pays for the intervention. The payer pays only for outcomes achieved, up to the cap.",
            ),
            PutUnder => ("Lägg under ett utfallskontrakt", "Put under an outcome contract"),
            TakeOut => {
                ("Ta bort utfallskontraktet (tillbaka till fonden)", "Take out the outcome contract (back to the fund)")
            }
            Payer => ("Betalare", "Payer"),
            Price => ("Pris per utfall", "Price per outcome"),
            Delay => ("Betalas efter", "Paid after"),
            DelayHint => ("år efter första besparingsåret", "years after the first year of savings"),
            HasCap => ("Tak för betalningarna", "Cap on the payments"),
            Cap => ("Tak för betalningarna", "Cap on the payments"),
            CoPayers => ("Medbetalare", "Co-payers"),
            CoPayer => ("Medbetalare", "Co-payer"),
            Share => ("Andel", "Share"),
            AddCoPayer => ("Lägg till medbetalare", "Add a co-payer"),
            RemoveCoPayer => ("Ta bort medbetalare", "Remove co-payer"),
            PaymentsTotal => ("Betalt inom perioden", "Paid within the period"),
            InvestorNet => ("Investerarens netto", "Investor's net"),
        };
        lang.pick(sv, en)
    }
}

impl ViewText {
    /// The text in a language.
    pub fn get(self, lang: Lang) -> &'static str {
        use ViewText::*;
        let (sv, en) = match self {
            ViewsHeading => ("Utfallskontrakt: betalningar, investeraren och jämförelse med fonden", "Outcome contracts: payments, the investor and the fund compared"),
            PaymentsAgainstSavings => ("Betalningar för utfall mot besparingarna de köper", "Payments for outcomes against the savings they buy"),
            Year => ("År", "Year"),
            Payments => ("Betalningar", "Payments"),
            SavingsBought => ("Besparingar från insatsen", "Savings from the intervention"),
            InvestorCashFlow => ("Investerarens kassaflöde", "The investor's cash flow"),
            PastHorizon => ("efter perioden", "after the period"),
            Multiple => ("Multipel (fått / satsat)", "Multiple (received / invested)"),
            Irr => ("Internränta", "Internal rate of return"),
            NoIrr => ("ingen (inget teckenbyte)", "none (no sign change)"),
            MaxExposure => ("Betalarnas högsta möjliga kostnad", "The payers' maximum exposure"),
            Premium => ("Premie för att betala för utfall", "Premium for paying for outcomes"),
            PremiumExplain => (
                "Nuvärdet av alla betalningar minus nuvärdet av insatsens kostnader: vad det kostar betalarna utöver att betala för arbetet direkt (negativt: kontraktet är billigare).",
                "Present value of all payments minus that of the intervention's costs: what paying for outcomes costs the payers beyond paying for the work directly (negative: the contract is cheaper).",
            ),
            Outcomes => ("Utfall", "Outcomes"),
            Outstanding => ("Förfaller efter perioden", "Due after the period"),
            SideBySide => ("Genom fonden eller genom ett utfallskontrakt", "Through the fund or through an outcome contract"),
            ThroughFund => ("Genom fonden", "Through the fund"),
            ThroughContract => ("Genom utfallskontrakt", "Through an outcome contract"),
            Organisation => ("Organisationen", "The organisation"),
            Society => ("Samhället", "Society"),
            Investor => ("Investeraren", "The investor"),
            OrgNpv => ("nuvärde", "present value"),
            SocietyNpv => ("nuvärde", "present value"),
            PaybackYear => ("återbetalningsår", "payback year"),
            NotWithin => ("inte inom perioden", "not within the period"),
            NothingToInvestor => ("ingen investerare", "no investor"),
            Illustrative => ("Siffrorna är illustrativa.", "The figures are illustrative."),
        };
        lang.pick(sv, en)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::fields::field;

    /// The editor's labels are the names the fields table gives messages.
    #[test]
    fn the_editor_says_what_the_messages_say() {
        for (path, label) in [
            ("outcome_contracts[0].payer", ContractText::Payer),
            ("outcome_contracts[0].price_per_outcome", ContractText::Price),
            ("outcome_contracts[0].pay_after_years", ContractText::Delay),
            ("outcome_contracts[0].cap", ContractText::Cap),
            ("outcome_contracts[0].co_payers", ContractText::CoPayers),
            ("outcome_contracts[0].co_payers[0].actor", ContractText::CoPayer),
            ("outcome_contracts[0].co_payers[0].share", ContractText::Share),
        ] {
            let f = field(path).unwrap_or_else(|| panic!("{path} is not in the table"));
            assert_eq!((f.sv, f.en), (label.get(Lang::Sv), label.get(Lang::En)), "{path}");
        }
    }
}
