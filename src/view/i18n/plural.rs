//! Which form of a word goes with a number, by the CLDR plural rules of the
//! language (through `intl_pluralrules`, the rules rustc's and Firefox's
//! translations use). English has a form for 1 and one for the rest;
//! Russian has a form for 1, 21, 31... (one), for 2 to 4, 22 to 24...
//! (few), for 0, 5 to 20, 25... (many), and for fractions (other, as
//! `1,5 дня`). A catalogue's sentences ask [`category`] for the category of
//! a count and pick the form; [`en`] and [`ru`] do that for their language.

use std::sync::OnceLock;

use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

use crate::model::Language;

/// The cardinal rules of `lang`, made once per language; `None` only if the
/// rules do not know the language, which a test rules out.
fn rules(lang: Language) -> Option<&'static PluralRules> {
    static RULES: OnceLock<Vec<Option<PluralRules>>> = OnceLock::new();
    let all = RULES.get_or_init(|| {
        Language::ALL
            .iter()
            .map(|l| {
                let id: unic_langid::LanguageIdentifier = l.code().parse().ok()?;
                PluralRules::create(id, PluralRuleType::CARDINAL).ok()
            })
            .collect()
    });
    let i = Language::ALL.iter().position(|l| *l == lang)?;
    all.get(i)?.as_ref()
}

/// The plural category of `n`, written as a plain number (`3`, `1.5`), in
/// `lang`; OTHER when the number cannot be read.
pub(crate) fn category(lang: Language, n: &str) -> PluralCategory {
    rules(lang)
        .and_then(|r| r.select(n).ok())
        .unwrap_or(PluralCategory::OTHER)
}

/// The English form of a word after `n` as written: `one` for exactly 1.
pub(crate) fn en<'a>(n: &str, [one, other]: [&'a str; 2]) -> &'a str {
    match category(Language::En, n) {
        PluralCategory::ONE => one,
        _ => other,
    }
}

/// The Russian form of a word after a whole number: `forms` are for 1, for
/// 2 to 4 and for 5 and more (21 is as 1, 12 to 14 as 5).
pub(crate) fn ru(n: u64, [one, few, many]: [&'static str; 3]) -> &'static str {
    match category(Language::Ru, &n.to_string()) {
        PluralCategory::ONE => one,
        PluralCategory::FEW => few,
        _ => many,
    }
}

/// The Russian form of a word after `n` as written (a fraction such as
/// `1.5` takes `fraction`, the genitive singular).
pub(crate) fn ru_written(n: &str, [one, few, many, fraction]: [&'static str; 4]) -> &'static str {
    match category(Language::Ru, n) {
        PluralCategory::ONE => one,
        PluralCategory::FEW => few,
        PluralCategory::MANY => many,
        _ => fraction,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_its_rules() {
        for &lang in Language::ALL {
            assert!(rules(lang).is_some(), "{lang:?}");
        }
    }

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
    }

    #[test]
    fn english_counts_take_their_cldr_form() {
        for (n, want) in [("1", "day"), ("0", "days"), ("2", "days"), ("21", "days")] {
            assert_eq!(en(n, ["day", "days"]), want, "{n}");
        }
        assert_eq!(en("1.5", ["day", "days"]), "days");
        assert_eq!(category(Language::En, "1"), PluralCategory::ONE);
    }
}
