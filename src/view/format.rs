//! Numbers as a reader expects them, written the way their language's
//! catalogue says ([`i18n::Numbers`]): money with its currency (`$1,234.56`,
//! `1 234,56 ₽`), rates as percentages with one decimal, and `n/a` / `н/д`
//! for an undefined figure.

use rust_decimal::{Decimal, RoundingStrategy};

use super::i18n;
use crate::model::{Currency, Language};

/// What an undefined figure reads as.
pub(crate) fn undefined(lang: Language) -> &'static str {
    i18n::catalogue(lang).texts.undefined
}

fn group(int: &str, sep: &str) -> String {
    let digits: Vec<char> = int.chars().collect();
    let mut out = String::new();
    for (i, ch) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(*ch);
    }
    out
}

/// A number with `dp` decimals, grouped by thousands in the language's way.
pub(crate) fn number(value: Decimal, dp: u32, lang: Language) -> String {
    let rounded = value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let text = format!("{:.*}", dp as usize, rounded.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let numbers = &i18n::catalogue(lang).numbers;
    let (sep, point) = (numbers.group, numbers.point);
    let mut out = String::new();
    if negative {
        out.push('−');
    }
    out.push_str(&group(int, sep));
    if !frac.is_empty() {
        out.push_str(point);
        out.push_str(frac);
    }
    out
}

fn symbol(currency: Currency) -> Option<&'static str> {
    Some(match currency.as_str() {
        "USD" => "$",
        "RUB" => "₽",
        "EUR" => "€",
        "GBP" => "£",
        _ => return None,
    })
}

/// An amount rounded to the cent as [`money`] shows it: halves away from
/// zero, so that sums of what a reader sees can be checked exactly.
pub(crate) fn cents(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Whether `parts`, each rounded to the cent as shown, do not add up to
/// `total` as shown, though their exact amounts do: a reader adding up what
/// a page shows finds a cent or two missing, and is owed a word on why. (Parts
/// that do not add up exactly are not the rounding's doing.)
pub(crate) fn rounded_apart(parts: impl IntoIterator<Item = Decimal>, total: Decimal) -> bool {
    let (exact, shown) = (parts.into_iter()).fold((Decimal::ZERO, Decimal::ZERO), |(e, s), a| {
        (e + a, s + cents(a))
    });
    cents(exact) == cents(total) && shown != cents(total)
}

/// Money with its currency, to the cent.
pub(crate) fn money(value: Decimal, currency: Currency, lang: Language) -> String {
    money_to(value, 2, currency, lang)
}

/// Money with its currency, to its minor unit (ISO 4217's exponent: no
/// decimals for the yen, three for the dinar), halves away from zero: as a
/// restatement compares it.
pub(crate) fn money_minor(value: Decimal, currency: Currency, lang: Language) -> String {
    let dp = currency.minor_unit();
    let rounded = value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    money_to(rounded, dp, currency, lang)
}

/// `value` (already rounded to `dp` places as it should be) with its
/// currency, to `dp` places: the sign only when it shows.
fn money_to(value: Decimal, dp: u32, currency: Currency, lang: Language) -> String {
    let n = number(value.abs(), dp, lang);
    let sign = if value.is_sign_negative() && !value.round_dp(dp).is_zero() {
        "−"
    } else {
        ""
    };
    match (i18n::catalogue(lang).numbers.symbol_first, symbol(currency)) {
        (true, Some(s)) if s != "₽" => format!("{sign}{s}{n}"),
        (_, Some(s)) => format!("{sign}{n}\u{a0}{s}"),
        (_, None) => format!("{sign}{n}\u{a0}{currency}"),
    }
}

/// A number to one decimal, a ".0" dropped: "3", "3.4" ("3,4").
pub(crate) fn one_decimal(value: Decimal, lang: Language) -> String {
    let rounded = value.round_dp(1);
    match rounded.fract().is_zero() {
        true => number(rounded, 0, lang),
        false => number(rounded, 1, lang),
    }
}

/// Money with its currency, in whole units, halves away from zero: the
/// headline figures' (cents stay in tables, CSV and data.json).
pub(crate) fn money_whole(value: Decimal, currency: Currency, lang: Language) -> String {
    let whole =
        value.round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    money_to(whole, 0, currency, lang)
}

/// A fraction as a percentage with one decimal (0.0412 -> 4.1%).
pub(crate) fn percent(value: f64, lang: Language) -> String {
    let d = Decimal::from_f64_retain(value * 100.0).unwrap_or_default();
    let n = number(d, 1, lang);
    format!("{n}{}", i18n::catalogue(lang).numbers.percent)
}

/// A whole number, grouped by thousands.
pub(crate) fn integer(value: i128, lang: Language) -> String {
    number(Decimal::from(value), 0, lang)
}

/// A ratio such as ROAS, with two decimals and a times sign (1.88×).
pub(crate) fn times(value: f64, lang: Language) -> String {
    let d = Decimal::from_f64_retain(value).unwrap_or_default();
    format!("{}×", number(d, 2, lang))
}

/// A change in money with its sign: +$1,234.56, −$5.00, $0.00.
pub(crate) fn signed_money(value: Decimal, currency: Currency, lang: Language) -> String {
    let text = money(value, currency, lang);
    if value.round_dp(2) > Decimal::ZERO {
        format!("+{text}")
    } else {
        text
    }
}

/// A change in a whole number with its sign.
pub(crate) fn signed_integer(value: i128, lang: Language) -> String {
    let text = integer(value, lang);
    if value > 0 { format!("+{text}") } else { text }
}

/// A change in a rate, in percentage points with one decimal: "+3.2
/// points" ("+3,2 пункта": with a decimal always written, the Russian noun
/// is always the form a fraction takes).
pub(crate) fn points(value: f64, lang: Language) -> String {
    let d = Decimal::from_f64_retain(value * 100.0).unwrap_or_default();
    let n = number(d, 1, lang);
    let sign = if d.round_dp(1) > Decimal::ZERO {
        "+"
    } else {
        ""
    };
    format!("{sign}{n}\u{a0}{}", i18n::catalogue(lang).texts.points_unit)
}

/// A change in a ratio such as ROAS, with its sign and two decimals.
pub(crate) fn signed_times(value: f64, lang: Language) -> String {
    let d = Decimal::from_f64_retain(value).unwrap_or_default();
    let sign = if d.round_dp(2) > Decimal::ZERO {
        "+"
    } else {
        ""
    };
    format!("{sign}{}", number(d, 2, lang))
}

/// A relative change as a signed percentage: +12.5%.
pub(crate) fn signed_percent(value: f64, lang: Language) -> String {
    let text = percent(value, lang);
    if (value * 1000.0).round() > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

/// Money for a chart axis, short: $20k, $1.5M; 20 тыс. ₽, 1,5 млн ₽.
pub(crate) fn compact_money(value: f64, currency: Currency, lang: Language) -> String {
    let abs = value.abs();
    let t = &i18n::catalogue(lang).texts;
    let (scaled, suffix) = match abs {
        a if a >= 1e6 => (value / 1e6, t.millions_short),
        a if a >= 1e3 => (value / 1e3, t.thousands_short),
        _ => (value, ""),
    };
    let d = Decimal::from_f64_retain(scaled).unwrap_or_default();
    let dp = if d.fract().round_dp(1).is_zero() {
        0
    } else {
        1
    };
    let n = number(d.abs(), dp, lang);
    let sign = if value < 0.0 && !d.round_dp(dp).is_zero() {
        "−"
    } else {
        ""
    };
    match (i18n::catalogue(lang).numbers.symbol_first, symbol(currency)) {
        (true, Some(s)) if s != "₽" => format!("{sign}{s}{n}{suffix}"),
        (_, Some(s)) => format!("{sign}{n}{suffix}\u{a0}{s}"),
        (_, None) => format!("{sign}{n}{suffix}\u{a0}{currency}"),
    }
}

/// A rate for a chart axis: whole percentages, one decimal under 10%.
pub(crate) fn axis_percent(value: f64, lang: Language) -> String {
    let d = Decimal::from_f64_retain(value * 100.0).unwrap_or_default();
    let dp = if d.abs() < Decimal::TEN && !d.fract().round_dp(1).is_zero() {
        1
    } else {
        0
    };
    let n = number(d, dp, lang);
    format!("{n}{}", i18n::catalogue(lang).numbers.percent)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(code: &str) -> Currency {
        Currency::parse(code).unwrap()
    }

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn formats_money_in_both_languages() {
        assert_eq!(money(d("1234.565"), c("USD"), Language::En), "$1,234.57");
        assert_eq!(
            money(d("1234.56"), c("RUB"), Language::Ru),
            "1\u{a0}234,56\u{a0}₽"
        );
        assert_eq!(money(d("-5"), c("USD"), Language::En), "−$5.00");
        assert_eq!(
            money(d("1000000"), c("RUB"), Language::En),
            "1,000,000.00\u{a0}₽"
        );
        assert_eq!(money(d("12"), c("KZT"), Language::En), "12.00\u{a0}KZT");
    }

    #[test]
    fn formats_rates_as_percentages() {
        assert_eq!(percent(0.0412, Language::En), "4.1%");
        assert_eq!(percent(-0.25, Language::Ru), "−25,0\u{a0}%");
        assert_eq!(undefined(Language::Ru), "н/д");
    }

    #[test]
    fn writes_changes_with_their_sign() {
        assert_eq!(
            signed_money(d("1234.5"), c("USD"), Language::En),
            "+$1,234.50"
        );
        assert_eq!(signed_money(d("-5"), c("USD"), Language::En), "−$5.00");
        assert_eq!(signed_money(d("0.001"), c("USD"), Language::En), "$0.00");
        assert_eq!(points(0.0321, Language::En), "+3.2\u{a0}points");
        assert_eq!(points(-0.01, Language::Ru), "−1,0\u{a0}пункта");
        assert_eq!(signed_integer(3, Language::En), "+3");
        assert_eq!(times(1.8798, Language::Ru), "1,88×");
    }

    #[test]
    fn shortens_axis_money() {
        assert_eq!(compact_money(20000.0, c("USD"), Language::En), "$20k");
        assert_eq!(
            compact_money(1_500_000.0, c("RUB"), Language::Ru),
            "1,5\u{a0}млн\u{a0}₽"
        );
        assert_eq!(compact_money(-500.0, c("USD"), Language::En), "−$500");
        assert_eq!(axis_percent(0.025, Language::En), "2.5%");
        assert_eq!(axis_percent(0.5, Language::Ru), "50\u{a0}%");
    }
}
