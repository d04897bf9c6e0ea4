//! Numbers as readers write them: Swedish (`1 234 567 kr`, `3,5 %`) or
//! English (`1,234,567 SEK`, `3.5%`), in kr, tkr or mnkr.
//!
//! Display only: the engine's figures stay exact; rounding happens here, half
//! away from zero, at the last moment.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

use super::Lang;

/// The scale money is shown in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Unit {
    /// Whole currency units (kr).
    One,
    /// Thousands (tkr).
    #[default]
    Thousand,
    /// Millions (mnkr).
    Million,
}

impl Unit {
    pub const ALL: [Unit; 3] = [Unit::One, Unit::Thousand, Unit::Million];

    /// How many currency units one shown unit is.
    pub fn divisor(self) -> Decimal {
        match self {
            Unit::One => Decimal::ONE,
            Unit::Thousand => Decimal::from(1_000),
            Unit::Million => Decimal::from(1_000_000),
        }
    }

    /// Decimals shown in this unit.
    pub fn decimals(self) -> u32 {
        match self {
            Unit::One | Unit::Thousand => 0,
            Unit::Million => 1,
        }
    }

    /// Stable key for URLs and storage.
    pub fn key(self) -> &'static str {
        match self {
            Unit::One => "kr",
            Unit::Thousand => "tkr",
            Unit::Million => "mnkr",
        }
    }

    pub fn from_key(key: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.key() == key)
    }

    /// The unit's label for a currency: `tkr` / `kSEK` for SEK, `k EUR` otherwise.
    pub fn label(self, currency: &str, lang: Lang) -> String {
        let sek = currency.eq_ignore_ascii_case("SEK") || currency.eq_ignore_ascii_case("kr");
        match (sek, lang, self) {
            (true, Lang::Sv, Unit::One) => "kr".into(),
            (true, Lang::Sv, Unit::Thousand) => "tkr".into(),
            (true, Lang::Sv, Unit::Million) => "mnkr".into(),
            (true, Lang::En, Unit::One) => "SEK".into(),
            (true, Lang::En, Unit::Thousand) => "kSEK".into(),
            (true, Lang::En, Unit::Million) => "MSEK".into(),
            (false, _, Unit::One) => currency.to_string(),
            (false, Lang::Sv, Unit::Thousand) => format!("t{currency}"),
            (false, Lang::En, Unit::Thousand) => format!("k{currency}"),
            (false, Lang::Sv, Unit::Million) => format!("mn {currency}"),
            (false, Lang::En, Unit::Million) => format!("M{currency}"),
        }
    }
}

/// `value` with `decimals` decimals and the language's separators
/// (Swedish: no-break space between thousands, decimal comma, minus sign U+2212).
pub fn number(value: Decimal, decimals: u32, lang: Lang) -> String {
    let rounded = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let digits = rounded.abs().to_string();
    let (whole, fraction) = digits.split_once('.').unwrap_or((&digits, ""));
    let (group_sep, decimal_sep, minus) = match lang {
        Lang::Sv => ('\u{a0}', ',', '\u{2212}'),
        Lang::En => (',', '.', '-'),
    };
    let mut out = String::new();
    if negative {
        out.push(minus);
    }
    let len = whole.len();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(group_sep);
        }
        out.push(c);
    }
    if decimals > 0 {
        out.push(decimal_sep);
        out.push_str(fraction);
        for _ in fraction.len()..decimals as usize {
            out.push('0');
        }
    }
    out
}

/// Money in a unit, without the unit's label (for tables with the unit in the header).
pub fn money_bare(value: Decimal, unit: Unit, lang: Lang) -> String {
    let scaled = value.checked_div(unit.divisor()).unwrap_or(value);
    number(scaled, unit.decimals(), lang)
}

/// Money in a unit, with its label: `1 234 tkr`, `1,234 kSEK`.
pub fn money(value: Decimal, unit: Unit, currency: &str, lang: Lang) -> String {
    format!("{}\u{a0}{}", money_bare(value, unit, lang), unit.label(currency, lang))
}

/// A ratio as a percentage: `0.035` → `3,5 %` (sv) or `3.5%` (en).
pub fn percent(ratio: Decimal, decimals: u32, lang: Lang) -> String {
    let value = number(ratio * Decimal::ONE_HUNDRED, decimals, lang);
    match lang {
        Lang::Sv => format!("{value}\u{a0}%"),
        Lang::En => format!("{value}%"),
    }
}

/// Money in the unit that suits its size, for sentences: `7,5 mnkr`, `450 tkr`, `900 kr`.
pub fn money_auto(value: Decimal, currency: &str, lang: Lang) -> String {
    let size = value.abs();
    let unit = if size >= Decimal::from(1_000_000) {
        Unit::Million
    } else if size >= Decimal::from(10_000) {
        Unit::Thousand
    } else {
        Unit::One
    };
    money(value, unit, currency, lang)
}

/// The exact amount, rounded to öre (2 decimals), with the currency: `1 234 567,89 kr`.
pub fn money_exact(value: Decimal, currency: &str, lang: Lang) -> String {
    format!("{}\u{a0}{}", number(value, 2, lang), Unit::One.label(currency, lang))
}

/// A lossy conversion for drawing pixels only; never for figures shown as text.
pub fn to_f64_lossy(value: Decimal) -> f64 {
    value.to_f64().unwrap_or(0.0)
}

const MONTHS_SV: [&str; 12] = [
    "januari",
    "februari",
    "mars",
    "april",
    "maj",
    "juni",
    "juli",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date as written in running text: "23 november 2026" / "23 November 2026".
/// `month` is 1 to 12.
pub fn long_date(year: i32, month: u32, day: u32, lang: Lang) -> String {
    let index = (month.clamp(1, 12) - 1) as usize;
    let name = lang.pick(MONTHS_SV[index], MONTHS_EN[index]);
    format!("{day} {name} {year}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn swedish_groups_with_no_break_space_and_decimal_comma() {
        assert_eq!(number(d("1234567"), 0, Lang::Sv), "1\u{a0}234\u{a0}567");
        assert_eq!(number(d("-1234.5"), 1, Lang::Sv), "\u{2212}1\u{a0}234,5");
        assert_eq!(percent(d("0.035"), 1, Lang::Sv), "3,5\u{a0}%");
    }

    #[test]
    fn english_groups_with_commas() {
        assert_eq!(number(d("1234567.891"), 2, Lang::En), "1,234,567.89");
        assert_eq!(percent(d("0.035"), 1, Lang::En), "3.5%");
        assert_eq!(money(d("7500000"), Unit::Million, "SEK", Lang::En), "7.5\u{a0}MSEK");
    }

    #[test]
    fn units_divide_and_round_half_away_from_zero() {
        // 2 500 kr is 2.5 tkr, shown with 0 decimals: 3 (half away from zero).
        assert_eq!(money_bare(d("2500"), Unit::Thousand, Lang::Sv), "3");
        assert_eq!(money_bare(d("-2500"), Unit::Thousand, Lang::Sv), "\u{2212}3");
        assert_eq!(money(d("7500000"), Unit::Million, "SEK", Lang::Sv), "7,5\u{a0}mnkr");
        // A value that rounds to zero is never shown as "−0".
        assert_eq!(money_bare(d("-400"), Unit::Thousand, Lang::Sv), "0");
    }
}
