//! Which form of a word goes with a number, by the CLDR plural rules of the
//! language (through `intl_pluralrules`, the rules rustc's and Firefox's
//! translations use): Russian has a form for 1, 21, 31... (one), for 2 to
//! 4, 22 to 24... (few), for 0, 5 to 20, 25... (many), and for fractions
//! (other, as `1,5 дня`); English has one and other.

use std::sync::OnceLock;

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

/// The Russian rules, made once.
fn russian() -> Option<&'static PluralRules> {
    static RULES: OnceLock<Option<PluralRules>> = OnceLock::new();
    RULES
        .get_or_init(|| {
            let lang: unic_langid::LanguageIdentifier = "ru".parse().ok()?;
            PluralRules::create(lang, PluralRuleType::CARDINAL).ok()
        })
        .as_ref()
}

/// The Russian category of `n`, written as a number (`3`, `1.5`).
fn category(n: &str) -> PluralCategory {
    russian()
        .and_then(|r| r.select(n).ok())
        .unwrap_or(PluralCategory::MANY)
}

/// The Russian form of a word after a whole number: `forms` are for 1, for
/// 2 to 4 and for 5 and more (21 is as 1, 12 to 14 as 5).
pub fn ru(n: u64, [one, few, many]: [&'static str; 3]) -> &'static str {
    match category(&n.to_string()) {
        PluralCategory::ONE => one,
        PluralCategory::FEW => few,
        _ => many,
    }
}

/// The Russian form of a word after `n` as written (a fraction such as
/// `1.5` takes `fraction`, the genitive singular).
pub fn ru_written(n: &str, [one, few, many, fraction]: [&'static str; 4]) -> &'static str {
    match category(n) {
        PluralCategory::ONE => one,
        PluralCategory::FEW => few,
        PluralCategory::OTHER => fraction,
        _ => many,
    }
}

/// The English form: `one` for exactly 1, else `other`.
pub fn en<'a>(n: &str, [one, other]: [&'a str; 2]) -> &'a str {
    if n == "1" { one } else { other }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_counts_take_their_cldr_form() {
        let days = ["день", "дня", "дней"];
        for (n, want) in [
            (0, "дней"),
            (1, "день"),
            (2, "дня"),
            (4, "дня"),
            (5, "дней"),
            (11, "дней"),
            (12, "дней"),
            (14, "дней"),
            (21, "день"),
            (22, "дня"),
            (42, "дня"),
            (111, "дней"),
            (1001, "день"),
        ] {
            assert_eq!(ru(n, days), want, "{n}");
        }
        let posts = ["публикация", "публикации", "публикаций", "публикации*"];
        assert_eq!(ru_written("1.5", posts), "публикации*");
        assert_eq!(ru_written("2", posts), "публикации");
        assert_eq!(ru_written("5", posts), "публикаций");
        assert_eq!(en("1", ["day", "days"]), "day");
        assert_eq!(en("1.5", ["day", "days"]), "days");
    }
}
