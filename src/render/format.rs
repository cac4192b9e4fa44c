//! Numbers as a reader expects them, in English or Russian: money with its
//! currency (`$1,234.56`, `1 234,56 ₽`), rates as percentages with one
//! decimal, and `n/a` / `н/д` for an undefined figure.

use rust_decimal::{Decimal, RoundingStrategy};

use crate::model::Language;

/// What an undefined figure reads as.
pub fn undefined(lang: Language) -> &'static str {
    match lang {
        Language::En => "n/a",
        Language::Ru => "н/д",
    }
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
pub fn number(value: Decimal, dp: u32, lang: Language) -> String {
    let rounded = value.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let text = format!("{:.*}", dp as usize, rounded.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let (sep, point) = match lang {
        Language::En => (",", "."),
        Language::Ru => ("\u{a0}", ","),
    };
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

fn symbol(currency: &str) -> Option<&'static str> {
    Some(match currency {
        "USD" => "$",
        "RUB" => "₽",
        "EUR" => "€",
        "GBP" => "£",
        _ => return None,
    })
}

/// Money with its currency, to the cent.
pub fn money(value: Decimal, currency: &str, lang: Language) -> String {
    let n = number(value.abs(), 2, lang);
    let sign = if value.is_sign_negative() && !value.round_dp(2).is_zero() {
        "−"
    } else {
        ""
    };
    match (lang, symbol(currency)) {
        (Language::En, Some(s)) if s != "₽" => format!("{sign}{s}{n}"),
        (_, Some(s)) => format!("{sign}{n}\u{a0}{s}"),
        (_, None) => format!("{sign}{n}\u{a0}{currency}"),
    }
}

/// A fraction as a percentage with one decimal (0.0412 -> 4.1%).
pub fn percent(value: f64, lang: Language) -> String {
    let d = Decimal::from_f64_retain(value * 100.0).unwrap_or_default();
    let n = number(d, 1, lang);
    match lang {
        Language::En => format!("{n}%"),
        Language::Ru => format!("{n}\u{a0}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn formats_money_in_both_languages() {
        assert_eq!(money(d("1234.565"), "USD", Language::En), "$1,234.57");
        assert_eq!(
            money(d("1234.56"), "RUB", Language::Ru),
            "1\u{a0}234,56\u{a0}₽"
        );
        assert_eq!(money(d("-5"), "USD", Language::En), "−$5.00");
        assert_eq!(
            money(d("1000000"), "RUB", Language::En),
            "1,000,000.00\u{a0}₽"
        );
        assert_eq!(money(d("12"), "KZT", Language::En), "12.00\u{a0}KZT");
    }

    #[test]
    fn formats_rates_as_percentages() {
        assert_eq!(percent(0.0412, Language::En), "4.1%");
        assert_eq!(percent(-0.25, Language::Ru), "−25,0\u{a0}%");
        assert_eq!(undefined(Language::Ru), "н/д");
    }
}
