//! Reading numbers as people type them: `3,5` and `3.5`, `1 234 567`
//! (spaces, no-break spaces or apostrophes between thousands), a leading `−`.
//!
//! Pure text → value functions; the form fields keep the user's text while it
//! is edited and only send a value when it reads as a number.

use std::str::FromStr;

use rust_decimal::Decimal;

/// Why a typed text is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseError {
    /// Nothing typed.
    Empty,
    /// Not a number.
    NotANumber,
    /// A number, but not a whole number in the accepted range.
    NotAWholeNumber,
    /// A number below the field's smallest value.
    TooSmall,
    /// A number above the field's largest value (or too large for the field
    /// at all): refused where it is typed, never cut down silently.
    TooLarge,
}

/// The text without grouping characters, with a `.` as the decimal separator.
fn normalise(text: &str) -> Result<String, ParseError> {
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '_' => {}
            ',' | '.' => out.push('.'),
            '\u{2212}' | '\u{2013}' => out.push('-'),
            c => out.push(c),
        }
    }
    if out.is_empty() {
        return Err(ParseError::Empty);
    }
    // "1,234,567" (English grouping) has several separators: all but the last would
    // be ambiguous, so more than one separator is refused rather than guessed.
    if out.matches('.').count() > 1 {
        return Err(ParseError::NotANumber);
    }
    Ok(out)
}

/// A decimal typed by a person: `"3,5"`, `"3.5"`, `"1 234 567"`, `"-2"`.
pub fn decimal(text: &str) -> Result<Decimal, ParseError> {
    let clean = normalise(text)?;
    if !clean.chars().all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+') {
        return Err(ParseError::NotANumber);
    }
    Decimal::from_str(&clean).map_err(|_| ParseError::NotANumber)
}

/// A percentage typed by a person (`"3,5"` → `0.035`).
pub fn percent(text: &str) -> Result<Decimal, ParseError> {
    let value = decimal(text.trim().trim_end_matches('%'))?;
    value.checked_div(Decimal::ONE_HUNDRED).ok_or(ParseError::NotANumber)
}

/// A whole number of years or a count, at least 0.
pub fn count(text: &str) -> Result<u32, ParseError> {
    let value = decimal(text)?;
    if value.fract() != Decimal::ZERO || value.is_sign_negative() && !value.is_zero() {
        return Err(ParseError::NotAWholeNumber);
    }
    u32::from_str(&value.trunc().to_string()).map_err(|_| ParseError::TooLarge)
}

/// A whole number that may be negative (calendar years).
pub fn integer(text: &str) -> Result<i32, ParseError> {
    let value = decimal(text)?;
    if value.fract() != Decimal::ZERO {
        return Err(ParseError::NotAWholeNumber);
    }
    i32::from_str(&value.trunc().to_string()).map_err(|_| ParseError::TooLarge)
}

/// A decimal written for an input field: `.` → `,` in Swedish, no grouping
/// (so that it reads back), trailing zeros removed.
pub fn edit_text(value: Decimal, swedish: bool) -> String {
    let text = value.normalize().to_string();
    if swedish {
        text.replace('.', ",")
    } else {
        text
    }
}

/// What the number stands for: decides how it is read and shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumKind {
    /// An amount of money (may be negative only where `allow_negative`).
    Money,
    /// A share shown in percent: the value `0.035` is typed as `3,5`.
    Percent,
    /// A whole number at least 0 (years, counts).
    Count,
    /// A calendar year.
    Year,
    /// A plain decimal (participants, factors, multiples).
    Plain,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn accepts_comma_and_point_as_decimal_separator() {
        assert_eq!(decimal("3,5"), Ok(d("3.5")));
        assert_eq!(decimal("3.5"), Ok(d("3.5")));
        assert_eq!(percent("3,5"), Ok(d("0.035")));
        assert_eq!(percent("50 %"), Ok(d("0.5")));
    }

    #[test]
    fn accepts_spaces_between_thousands() {
        assert_eq!(decimal("1 234 567"), Ok(d("1234567")));
        assert_eq!(decimal("1\u{a0}234\u{a0}567,25"), Ok(d("1234567.25")));
        assert_eq!(decimal("\u{2212}2 000"), Ok(d("-2000")));
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        assert_eq!(decimal(""), Err(ParseError::Empty));
        assert_eq!(decimal("  "), Err(ParseError::Empty));
        assert_eq!(decimal("abc"), Err(ParseError::NotANumber));
        assert_eq!(decimal("1,234,567"), Err(ParseError::NotANumber));
        assert_eq!(decimal("1e5"), Err(ParseError::NotANumber));
        assert_eq!(count("2,5"), Err(ParseError::NotAWholeNumber));
        assert_eq!(count("-1"), Err(ParseError::NotAWholeNumber));
        // A whole number too large for the field says so (it is not "not a whole number").
        assert_eq!(count("99999999999"), Err(ParseError::TooLarge));
        assert_eq!(count("4294967295"), Ok(u32::MAX));
        assert_eq!(count("4294967296"), Err(ParseError::TooLarge));
        assert_eq!(integer("-2147483649"), Err(ParseError::TooLarge));
        assert_eq!(count("12"), Ok(12));
        assert_eq!(integer("2026"), Ok(2026));
    }

    #[test]
    fn edit_text_reads_back() {
        assert_eq!(edit_text(d("0.0350"), true), "0,035");
        assert_eq!(decimal(&edit_text(d("1234567.5"), true)), Ok(d("1234567.5")));
        assert_eq!(edit_text(d("10000000"), false), "10000000");
    }
}
