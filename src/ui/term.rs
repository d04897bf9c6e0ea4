//! Swedish terms of office ("mandatperioder").
//!
//! The rule used throughout the app: general elections are held every four
//! years in September (2022, 2026, 2030, …) and a term runs from the following
//! 1 January for four calendar years, so terms are 2023–2026, 2027–2030,
//! 2031–2034, … The *current term* of a scenario is the term that contains its
//! start year; a payback year "falls within the term" when it is no later than
//! that term's last year.

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

    /// Whether `year` is within this term or before its end.
    pub fn reached_by(self, year: i32) -> bool {
        year <= self.last
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terms_start_the_january_after_a_september_election() {
        assert_eq!(Term::containing(2026), Term { first: 2023, last: 2026 });
        assert_eq!(Term::containing(2027), Term { first: 2027, last: 2030 });
        assert_eq!(Term::containing(2030), Term { first: 2027, last: 2030 });
        assert_eq!(Term::containing(2031), Term { first: 2031, last: 2034 });
        assert_eq!(Term::containing(1999), Term { first: 1999, last: 2002 });
    }
}
