//! All the wording of the site, the PDF and the summaries: one catalogue
//! per language, each a single [`Catalogue`] value in its own file
//! (`en.rs`, `ru.rs`). A catalogue holds the fixed strings (navigation,
//! headings, figure names, phases, recommendations, the words of numbers
//! such as "n/a"), month names, the number conventions, and the sentences
//! with figures or names in them, "how we count" among them.
//!
//! The compiler checks completeness: a catalogue is a struct literal, so a
//! language without a key does not build, and its sentences implement
//! [`Sentences`], every method of which is required. Nothing falls back to
//! another language or to the key. Counts meet their nouns only in a
//! catalogue's sentences, through the CLDR rules of [`plural`].
//!
//! Templates read a catalogue as `t` (`t.cost`, `t.summary.title`,
//! `t.how_sure.title`, `t.restated.title`); Rust reads it through
//! [`catalogue`]. The languages are listed once, in
//! [`crate::model::every_language`]: that list declares the catalogue
//! modules here. docs/themes.md, "Adding a language", says how to add one.

mod figures;
pub(crate) mod plural;
mod sentences;
mod texts;

pub(crate) use figures::{
    BudgetWords, Move, OwnMonth, Ratio, Spend, SpreadFigures, Verdict, Versus,
};
pub(crate) use sentences::{Definition, Sentences, Settings};
use sentences::{capitalise, more_or_less, paren};
pub(crate) use texts::{CompoundingTexts, LiftTexts, RestatedTexts, SummaryTexts, Texts};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::analytics::life::{Phase, Recommendation};
use crate::model::{Language, Model, Month, Platform};

/// Every word of one language. Serialised for templates as `t`: the fixed
/// strings at the top level, the summary's and the paired lift's under
/// `summary` and `how_sure`; the rest is for Rust only.
#[derive(Serialize)]
pub struct Catalogue {
    /// The language this catalogue writes.
    #[serde(skip)]
    pub language: Language,
    /// The fixed strings of the pages and the PDF.
    #[serde(flatten)]
    pub texts: Texts,
    /// The fixed strings of a monthly report's summary.
    pub summary: SummaryTexts,
    /// The fixed strings of "how sure" (`t.how_sure`: `t.lift` is the
    /// word "Lift").
    pub how_sure: LiftTexts,
    /// The fixed strings of the figures by partnership month and the
    /// verdict (`t.compounding`).
    pub compounding: CompoundingTexts,
    /// The fixed strings of a month restated since its report was sent
    /// (`t.restated`).
    pub restated: RestatedTexts,
    /// Month names.
    #[serde(skip)]
    pub calendar: Calendar,
    /// How numbers are written.
    #[serde(skip)]
    pub numbers: Numbers,
    /// The sentences with figures or names in them.
    #[serde(skip)]
    pub say: &'static dyn Sentences,
}

impl std::fmt::Debug for Catalogue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Catalogue")
            .field("language", &self.language)
            .finish_non_exhaustive()
    }
}

/// Month names, as a language writes them.
#[derive(Debug)]
pub struct Calendar {
    /// With a year, as a heading: "October", "Октябрь".
    pub months: [&'static str; 12],
    /// In a date, after the day: "October", "октября" (the genitive).
    pub months_of: [&'static str; 12],
    /// Short, for chart axes: "Oct", "окт".
    pub short: [&'static str; 12],
    /// Short, in a date: as `short` unless grammar asks otherwise ("мая").
    pub short_of: [&'static str; 12],
}

/// How a language writes numbers.
#[derive(Debug)]
pub struct Numbers {
    /// Between groups of three digits: "," or a no-break space.
    pub group: &'static str,
    /// The decimal point: "." or ",".
    pub point: &'static str,
    /// After a percentage's number: "%" or a no-break space and "%".
    pub percent: &'static str,
    /// Whether a currency's symbol goes before the number ("$5"), as it
    /// does in English for every symbol but the rouble's.
    pub symbol_first: bool,
    /// Between the fields of a table's CSV file: what the language's
    /// spreadsheets open without asking.
    pub csv_delimiter: u8,
}

/// Declares the catalogue modules and [`catalogue`] from the list of
/// languages: a language's code is its catalogue's file name.
macro_rules! catalogues {
    ($($(#[$doc:meta])* $variant:ident $code:ident $paper:ident,)*) => {
        $(mod $code;)*

        /// The catalogue of a language.
        pub(crate) fn catalogue(lang: Language) -> &'static Catalogue {
            match lang {
                $(Language::$variant => &$code::CATALOGUE,)*
            }
        }
    };
}

crate::model::every_language!(catalogues);

/// The index 0..12 of a month number, clamped so a bad one cannot panic.
fn month_index(month: u32) -> usize {
    (month as usize).saturating_sub(1).min(11)
}

impl Catalogue {
    /// "October 2026" / "Октябрь 2026".
    pub fn month(&self, m: Month) -> String {
        format!("{} {}", self.calendar.months[month_index(m.month)], m.year)
    }

    /// "Oct" / "окт", for chart axes.
    pub fn month_short(&self, m: Month) -> &'static str {
        self.calendar.short[month_index(m.month)]
    }

    /// "31 October 2026" / "31 октября 2026".
    pub fn date(&self, d: NaiveDate) -> String {
        let of = self.calendar.months_of[d.month0() as usize];
        format!("{} {of} {}", d.day(), d.year())
    }

    /// "7 Oct 2026" / "7 окт 2026", with no-break spaces, for tables.
    pub fn date_short(&self, d: NaiveDate) -> String {
        let of = self.calendar.short_of[d.month0() as usize];
        format!("{}\u{a0}{of}\u{a0}{}", d.day(), d.year())
    }

    /// A phase's name.
    pub fn phase(&self, p: Phase) -> &'static str {
        let t = &self.texts;
        match p {
            Phase::Build => t.phase_build,
            Phase::Optimize => t.phase_optimize,
            Phase::Scale => t.phase_scale,
            Phase::Continuation => t.phase_continuation,
            Phase::Ended => t.phase_ended,
        }
    }

    /// What a phase is for, one line.
    pub fn phase_about(&self, p: Phase) -> &'static str {
        let t = &self.texts;
        match p {
            Phase::Build => t.phase_about_build,
            Phase::Optimize => t.phase_about_optimize,
            Phase::Scale => t.phase_about_scale,
            Phase::Continuation => t.phase_about_continuation,
            Phase::Ended => t.phase_about_ended,
        }
    }

    /// A recommendation's name.
    pub fn recommendation(&self, r: Recommendation) -> &'static str {
        let t = &self.texts;
        match r {
            Recommendation::Ended => t.recommendation_ended,
            Recommendation::TooEarly => t.recommendation_too_early,
            Recommendation::InProgress => t.recommendation_in_progress,
            Recommendation::Extend => t.recommendation_extend,
            Recommendation::MoveOn => t.recommendation_move_on,
            Recommendation::Review => t.recommendation_review,
        }
    }

    /// The six recommendation rules of docs/metrics.md, in order, in plain
    /// words.
    pub fn rules(&self) -> [&'static str; 6] {
        let t = &self.texts;
        [
            t.rule_ended,
            t.rule_too_early,
            t.rule_in_progress,
            t.rule_extend,
            t.rule_move_on,
            t.rule_review,
        ]
    }

    /// A model's name.
    pub fn model(&self, m: Model) -> &'static str {
        match m {
            Model::Retainer => self.texts.model_retainer,
            Model::OneOff => self.texts.model_one_off,
        }
    }

    /// A platform's name as people write it: brands are the same in every
    /// language; VK and "other" are not.
    pub fn platform(&self, p: Platform) -> &'static str {
        match p {
            Platform::Instagram => "Instagram",
            Platform::Tiktok => "TikTok",
            Platform::Youtube => "YouTube",
            Platform::Telegram => "Telegram",
            Platform::Vk => self.texts.platform_vk,
            Platform::Twitch => "Twitch",
            Platform::Other => self.texts.platform_other,
        }
    }

    /// A plain decimal (`1.5`) as this language's spreadsheets read it.
    pub fn sheet_number(&self, plain: &str) -> String {
        plain.replace('.', self.numbers.point)
    }
}

/// The class of a recommendation's badge: the same in every language.
pub(crate) fn recommendation_class(r: Recommendation) -> &'static str {
    match r {
        Recommendation::Ended => "ended",
        Recommendation::TooEarly => "too-early",
        Recommendation::InProgress => "in-progress",
        Recommendation::Extend => "extend",
        Recommendation::MoveOn => "move-on",
        Recommendation::Review => "review",
    }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod compounding_tests;
