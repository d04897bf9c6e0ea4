//! Swedish terms of office ("mandatperioder").
//!
//! The rule used throughout the app: general elections are held every four
//! years in September (2022, 2026, 2030, …) and a term runs from the following
//! 1 January for four calendar years, so terms are 2023–2026, 2027–2030,
//! 2031–2034, … The *current term* of a scenario is the term in which its
//! interventions are decided and run: the term that contains its start year,
//! except when the start year is an election year (the last year of a term),
//! when it is the term that begins the following January — a payback inside
//! the outgoing council's last months is no target, and the newly elected
//! council answers for the result. A payback year "falls within the term"
//! when it is no later than that term's last year.

/// First year of a known term; every term starts 4k years from it.
const A_TERM_START: i32 = 2027;

/// A term of office, both years inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub first: i32,
    pub last: i32,
}

impl Term {
    /// The term that contains `year`.
    pub fn containing(year: i32) -> Term {
        let first = A_TERM_START + (year - A_TERM_START).div_euclid(4) * 4;
        Term { first, last: first + 3 }
    }

    /// The current term of a scenario that starts in `start_year` (see the module docs).
    pub fn current_for(start_year: i32) -> Term {
        let containing = Term::containing(start_year);
        if start_year == containing.last {
            Term::containing(start_year + 1)
        } else {
            containing
        }
    }

    /// Whether `year` is within this term or before its end.
    pub fn reached_by(self, year: i32) -> bool {
        year <= self.last
    }
}

/// The year a scenario is asked "does it pay back by …?" of: the last year
/// of its current term, when that is a year of its horizon (else `None`: a
/// horizon that ends before the term does cannot answer).
pub fn term_end_within(s: &crate::model::Scenario) -> Option<i32> {
    let last = Term::current_for(s.start_year).last;
    let horizon_last = s.start_year.checked_add(i32::try_from(s.horizon_years).ok()?)? - 1;
    (s.start_year..=horizon_last).contains(&last).then_some(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario(start_year: i32, horizon_years: u32) -> crate::model::Scenario {
        let json = include_str!("../presets/placements.json");
        let mut s = crate::model::Scenario::from_json(json).expect("the preset reads");
        s.start_year = start_year;
        s.horizon_years = horizon_years;
        s
    }

    #[test]
    fn the_question_is_asked_of_the_current_terms_last_year_within_the_horizon() {
        // 2027 starts the term 2027–2030: 2030 is asked of when the horizon reaches it.
        assert_eq!(term_end_within(&scenario(2027, 10)), Some(2030));
        assert_eq!(term_end_within(&scenario(2027, 4)), Some(2030));
        // A horizon of 3 years ends in 2029, before the term does: no question.
        assert_eq!(term_end_within(&scenario(2027, 3)), None);
        // An election year starts the next term: 2026 → 2027–2030.
        assert_eq!(term_end_within(&scenario(2026, 5)), Some(2030));
        assert_eq!(term_end_within(&scenario(2026, 4)), None);
    }

    #[test]
    fn terms_start_the_january_after_a_september_election() {
        assert_eq!(Term::containing(2026), Term { first: 2023, last: 2026 });
        assert_eq!(Term::containing(2027), Term { first: 2027, last: 2030 });
        assert_eq!(Term::containing(2030), Term { first: 2027, last: 2030 });
        assert_eq!(Term::containing(2031), Term { first: 2031, last: 2034 });
        assert_eq!(Term::containing(1999), Term { first: 1999, last: 2002 });
    }

    #[test]
    fn a_scenario_starting_in_an_election_year_is_measured_against_the_coming_term() {
        // 2026 is an election year: the council elected in September 2026 sits 2027–2030.
        assert_eq!(Term::current_for(2026), Term { first: 2027, last: 2030 });
        assert_eq!(Term::current_for(2027), Term { first: 2027, last: 2030 });
        assert_eq!(Term::current_for(2029), Term { first: 2027, last: 2030 });
        assert_eq!(Term::current_for(2030), Term { first: 2031, last: 2034 });
    }
}
