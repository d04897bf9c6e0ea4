//! The terms of the glossary, which a label or a key figure links to with
//! `data-explain="term:<id>"`: an enum, so that a link to a term that does
//! not exist does not compile, and every term has its words
//! (`words::glossary`, matched exhaustively).

/// A term the app uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Term {
    Fund,
    Allocation,
    Repayment,
    Deadweight,
    DropOff,
    PresentValue,
    DiscountRate,
    InsideOutside,
    Accounting,
    OutcomeContract,
    BreakEven,
    Sensitivity,
    Uncertainty,
}

impl Term {
    pub const ALL: [Term; 13] = [
        Term::Fund,
        Term::Allocation,
        Term::Repayment,
        Term::Deadweight,
        Term::DropOff,
        Term::PresentValue,
        Term::DiscountRate,
        Term::InsideOutside,
        Term::Accounting,
        Term::OutcomeContract,
        Term::BreakEven,
        Term::Sensitivity,
        Term::Uncertainty,
    ];

    /// The term's key in the page: `term:<id>`.
    pub fn key(self) -> &'static str {
        match self {
            Term::Fund => "term:fund",
            Term::Allocation => "term:allocation",
            Term::Repayment => "term:repayment",
            Term::Deadweight => "term:deadweight",
            Term::DropOff => "term:drop_off",
            Term::PresentValue => "term:present_value",
            Term::DiscountRate => "term:discount_rate",
            Term::InsideOutside => "term:inside_outside",
            Term::Accounting => "term:accounting",
            Term::OutcomeContract => "term:outcome_contract",
            Term::BreakEven => "term:break_even",
            Term::Sensitivity => "term:sensitivity",
            Term::Uncertainty => "term:uncertainty",
        }
    }

    /// The term a key names, if any.
    pub fn parse(key: &str) -> Option<Term> {
        Term::ALL.into_iter().find(|t| t.key() == key)
    }
}
