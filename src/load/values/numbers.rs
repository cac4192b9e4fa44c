//! Numbers as spreadsheets and exports write them.
//!
//! docs/your-data.md: a currency symbol or code before or after the number is
//! dropped (and later checked against the row's currency), digit grouping
//! is read (`1,234.50`, `1 234,50` with a space, a no-break space or a narrow
//! no-break space, `1'234.50`), and a decimal comma is read where the file's
//! decimal separator is the comma. A value that could be read two ways
//! (`1,234` where the comma is the decimal separator) follows the file's.

use std::str::FromStr;

use rust_decimal::Decimal;

pub use crate::diagnostics::kind::BadNumber;

/// The decimal separator of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecimalMark {
    /// `1234.50`.
    Point,
    /// `1234,50`, as Excel writes in a Russian locale (`;` files).
    Comma,
}

/// A currency sign written with an amount: one of [`SIGNS`], or a
/// three-letter code. Small and `Copy`, as every amount of every row may
/// carry one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sign {
    /// The sign at this index of [`SIGNS`].
    Symbol(u8),
    /// A code such as `EUR`, which stands for itself.
    Code([u8; 3]),
}

impl Sign {
    /// The sign as written (`$`, `руб.`, `EUR`).
    pub fn written(&self) -> &str {
        match self {
            Sign::Symbol(i) => SIGNS[usize::from(*i)].0,
            Sign::Code(code) => std::str::from_utf8(code).unwrap_or(""),
        }
    }

    /// The ISO 4217 codes it stands for.
    pub fn means(&self) -> Vec<String> {
        match self {
            Sign::Symbol(i) => SIGNS[usize::from(*i)]
                .1
                .iter()
                .map(|c| (*c).to_string())
                .collect(),
            Sign::Code(_) => vec![self.written().to_string()],
        }
    }

    /// Whether the sign can mean `currency`.
    pub fn fits(&self, currency: &str) -> bool {
        match self {
            Sign::Symbol(i) => SIGNS[usize::from(*i)].1.contains(&currency),
            Sign::Code(_) => self.written() == currency,
        }
    }
}

/// An amount as read, with the currency sign written beside it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Amount {
    /// The number, exact.
    pub value: Decimal,
    /// The sign, when one was written.
    pub sign: Option<Sign>,
}

/// Signs and the currencies they stand for; longer signs first, so that
/// `US$` is not read as `$`.
pub const SIGNS: &[(&str, &[&str])] = &[
    ("руб.", &["RUB"]),
    ("руб", &["RUB"]),
    ("р.", &["RUB"]),
    ("US$", &["USD"]),
    ("C$", &["CAD"]),
    ("A$", &["AUD"]),
    ("R$", &["BRL"]),
    ("zł", &["PLN"]),
    ("kr", &["SEK", "NOK", "DKK", "ISK"]),
    ("$", &["USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN"]),
    ("€", &["EUR"]),
    ("£", &["GBP"]),
    ("₽", &["RUB"]),
    ("¥", &["JPY", "CNY"]),
    ("₴", &["UAH"]),
    ("₸", &["KZT"]),
    ("₹", &["INR"]),
    ("₺", &["TRY"]),
];

/// Spaces that group digits: space, no-break space, narrow no-break space.
fn is_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{202f}')
}

/// A sign at the start or end of `s`, and the rest.
fn split_sign(s: &str) -> (&str, Option<Sign>) {
    for (i, (sign, _)) in SIGNS.iter().enumerate() {
        let found = s
            .strip_prefix(sign)
            .or_else(|| s.strip_suffix(sign))
            .filter(|rest| !rest.trim_matches(is_space).is_empty());
        if let (Some(rest), Ok(i)) = (found, u8::try_from(i)) {
            return (rest.trim_matches(is_space), Some(Sign::Symbol(i)));
        }
    }
    let code = |t: &[u8]| t.len() == 3 && t.iter().all(u8::is_ascii_uppercase);
    let b = s.as_bytes();
    let (rest, written) = match (b.get(..3), b.get(b.len().saturating_sub(3)..)) {
        (Some(h), _) if code(h) && b.len() > 3 => (&s[3..], h),
        (_, Some(t)) if code(t) && b.len() > 3 => (&s[..s.len() - 3], t),
        _ => return (s, None),
    };
    let sign = Sign::Code([written[0], written[1], written[2]]);
    (rest.trim_matches(is_space), Some(sign))
}

/// A minus sign (`-` or `−`) at the start of `s`, and the rest.
fn split_minus(s: &str) -> (bool, &str) {
    match s.strip_prefix('-').or_else(|| s.strip_prefix('\u{2212}')) {
        Some(rest) => (true, rest.trim_start_matches(is_space)),
        None => (false, s),
    }
}

/// An amount of money: `$3,120.50`, `1 234,50 ₽`, `-12.5 EUR`.
pub fn amount(raw: &str, mark: DecimalMark) -> Result<Amount, BadNumber> {
    let s = raw.trim_matches(|c: char| c.is_whitespace());
    // Fast path: roster's own form, no sign, as most amounts are written.
    if let Ok(value) = Decimal::from_str(s) {
        return Ok(Amount { value, sign: None });
    }
    // Only digits and separators: no sign to look for.
    if s.bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b'-' | b' ' | b'\''))
    {
        let (minus, rest) = split_minus(s);
        let value = plain(rest, mark)?;
        return Ok(Amount {
            value: if minus { -value } else { value },
            sign: None,
        });
    }
    // The minus may come before or after a leading sign: `-$3`, `$-3`.
    let (minus_before, s) = split_minus(s);
    let (s, sign) = split_sign(s);
    let (minus_after, s) = if minus_before {
        (false, s)
    } else {
        split_minus(s)
    };
    let value = plain(s, mark)?;
    let value = if minus_before || minus_after {
        -value
    } else {
        value
    };
    Ok(Amount { value, sign })
}

/// A number without a sign: digits grouped or not, with a decimal part.
pub fn plain(s: &str, mark: DecimalMark) -> Result<Decimal, BadNumber> {
    if s.is_empty() || !s.starts_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',') {
        return Err(BadNumber::Unreadable);
    }
    // Fast paths: roster's own forms, as before any of this was read: a
    // plain number, and a decimal comma alone (`1234,5` in a `;` file).
    if let Ok(d) = Decimal::from_str(s) {
        return Ok(d);
    }
    if let Some(d) = lone_decimal_comma(s, mark) {
        return Ok(d);
    }
    if let Ok(d) = Decimal::from_scientific(s) {
        return Ok(d);
    }
    let decimal = decimal_separator(s, mark);
    let (int, frac) = match decimal {
        Some(at) => (&s[..at], Some(&s[at + 1..])),
        None => (s, None),
    };
    let mut digits = grouped(int, mark, decimal.is_some())?;
    if let Some(frac) = frac {
        if frac.is_empty() || !frac.bytes().all(|b| b.is_ascii_digit()) {
            return Err(BadNumber::Unreadable);
        }
        digits.push('.');
        digits.push_str(frac);
    }
    Decimal::from_str(&digits).map_err(|_| BadNumber::Unreadable)
}

/// `1234,5` where the comma is the decimal separator: digits, one comma,
/// digits.
fn lone_decimal_comma(s: &str, mark: DecimalMark) -> Option<Decimal> {
    if mark != DecimalMark::Comma {
        return None;
    }
    let (int, frac) = s.split_once(',')?;
    let digits = |t: &str| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !digits(frac) {
        return None;
    }
    let n = int.bytes().chain(frac.bytes()).try_fold(0i128, |n, b| {
        n.checked_mul(10)?.checked_add(i128::from(b - b'0'))
    })?;
    let scale = u32::try_from(frac.len()).ok()?;
    Decimal::try_from_i128_with_scale(n, scale).ok()
}

/// The byte index of the decimal separator: the last `.` or `,`, when the
/// other one comes before it (`1,234.50`, `1.234,50`), else the file's
/// mark, else a lone point in a decimal-comma file (`1234.5`).
fn decimal_separator(s: &str, mark: DecimalMark) -> Option<usize> {
    let (point, comma) = (s.rfind('.'), s.rfind(','));
    match (point, comma) {
        (Some(p), Some(c)) => Some(p.max(c)),
        (Some(p), None) if mark == DecimalMark::Point || s.matches('.').count() == 1 => Some(p),
        (None, Some(c)) if mark == DecimalMark::Comma => Some(c),
        _ => None,
    }
    .filter(|at| s[at + 1..].bytes().all(|b| b.is_ascii_digit()))
}

/// The digits of an integer part, its groups checked: the first of one to
/// three digits, each later one of three.
fn grouped(int: &str, mark: DecimalMark, has_decimal: bool) -> Result<String, BadNumber> {
    let groups: Vec<&str> = int
        .split(|c: char| is_space(c) || c == ',' || c == '.' || c == '\'')
        .collect();
    if !groups
        .iter()
        .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(BadNumber::Unreadable);
    }
    let even =
        groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3));
    if !even {
        let comma_only = int.contains(',') && !int.contains(|c: char| is_space(c) || c == '.');
        return Err(
            if comma_only && mark == DecimalMark::Point && !has_decimal && groups.len() == 2 {
                BadNumber::DecimalComma
            } else {
                BadNumber::UnevenGroups
            },
        );
    }
    Ok(groups.concat())
}

/// A count: a whole number, grouped or not (`120,400`, `1 263`).
pub fn count(raw: &str, mark: DecimalMark) -> Result<Decimal, BadNumber> {
    let s = raw.trim();
    // Fast path: digits only.
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return Decimal::from_str(s).map_err(|_| BadNumber::Unreadable);
    }
    let (minus, rest) = split_minus(s);
    let value = plain(rest, mark)?;
    Ok(if minus { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn value(raw: &str, mark: DecimalMark) -> Result<Decimal, BadNumber> {
        amount(raw, mark).map(|a| a.value)
    }

    #[test]
    fn reads_grouping_and_decimal_marks() {
        use DecimalMark::{Comma, Point};
        assert_eq!(value("1234.50", Point), Ok(d("1234.50")));
        assert_eq!(value("1,234.50", Point), Ok(d("1234.50")));
        assert_eq!(value("1,234", Point), Ok(d("1234")));
        assert_eq!(value("1,234,567.5", Point), Ok(d("1234567.5")));
        assert_eq!(value("1'234.50", Point), Ok(d("1234.50")));
        assert_eq!(value("1 234,50", Comma), Ok(d("1234.50")));
        assert_eq!(value("1\u{a0}234,50", Comma), Ok(d("1234.50")));
        assert_eq!(value("1\u{202f}234,50", Comma), Ok(d("1234.50")));
        assert_eq!(value("1.234,50", Comma), Ok(d("1234.50")));
        // Read two ways: the file's decimal separator decides.
        assert_eq!(value("1,234", Comma), Ok(d("1.234")));
        // A lone point in a comma file is a decimal point, as before.
        assert_eq!(value("1234.5", Comma), Ok(d("1234.5")));
        assert_eq!(value("1234,5", Comma), Ok(d("1234.5")));
    }

    #[test]
    fn drops_currency_signs_and_keeps_what_they_mean() {
        use DecimalMark::{Comma, Point};
        let a = amount("$3,120.50", Point).unwrap();
        assert_eq!(a.value, d("3120.50"));
        let sign = a.sign.unwrap();
        assert_eq!(sign.written(), "$");
        assert!(sign.fits("USD") && sign.fits("CAD") && !sign.fits("EUR"));
        let rub = amount("1 263,93 руб.", Comma).unwrap();
        assert_eq!(rub.value, d("1263.93"));
        assert!(rub.sign.unwrap().fits("RUB"));
        assert_eq!(amount("12,5 ₽", Comma).unwrap().value, d("12.5"));
        let code = amount("EUR 40", Point).unwrap();
        assert_eq!(code.sign.unwrap().means(), ["EUR"]);
        assert_eq!(amount("40 USD", Point).unwrap().value, d("40"));
        assert_eq!(amount("-$3.50", Point).unwrap().value, d("-3.50"));
        assert_eq!(amount("$-3.50", Point).unwrap().value, d("-3.50"));
        assert_eq!(
            amount("US$5", Point).unwrap().sign.unwrap().means(),
            ["USD"]
        );
        assert_eq!(amount("12.00", Point).unwrap().sign, None);
    }

    #[test]
    fn names_why_a_value_is_no_number() {
        use DecimalMark::{Comma, Point};
        assert_eq!(value("1263,93", Point), Err(BadNumber::DecimalComma));
        assert_eq!(value("1,23,456", Point), Err(BadNumber::UnevenGroups));
        assert_eq!(value("12 34", Comma), Err(BadNumber::UnevenGroups));
        for bad in ["", "abc", "$", "12a", "1..2", "1,2.3.4", "--3", "3 zl"] {
            assert_eq!(
                value(bad, Point).map_err(|_| ()),
                Err(()),
                "{bad:?} must not be read"
            );
        }
    }

    #[test]
    fn reads_counts_grouped_or_not() {
        use DecimalMark::{Comma, Point};
        assert_eq!(count("120400", Point), Ok(d("120400")));
        assert_eq!(count("120,400", Point), Ok(d("120400")));
        assert_eq!(count("1 263", Comma), Ok(d("1263")));
        assert_eq!(count("-4", Point), Ok(d("-4")));
        // Not whole: the caller refuses it as a count.
        assert_eq!(count("1,5", Comma), Ok(d("1.5")));
    }
}
