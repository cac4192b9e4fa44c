//! The languages the reports are written in, listed once.
//!
//! [`every_language!`] is that list: one line per language, with its code
//! (as client.yaml and HTML spell it, and the name of its catalogue in
//! `view/i18n/`) and the paper its readers print on. The [`Language`] enum
//! here and the view's catalogues (`view/i18n/`) are both made from it,
//! so a language added to the list is known to the loader, the paper
//! default and the wording at once, and a language without a catalogue
//! does not build.

use super::PageSize;

/// Every language, one line each: `Variant code Paper,` with its doc line.
/// Hands the list to the macro `$then`, which makes what it needs of it.
macro_rules! every_language {
    ($then:ident) => {
        $then! {
            /// English.
            En en Letter,
            /// Russian.
            Ru ru A4,
        }
    };
}
pub(crate) use every_language;

/// Makes [`Language`] from the list.
macro_rules! declare_languages {
    ($($(#[$doc:meta])* $variant:ident $code:ident $paper:ident,)*) => {
        /// Page language.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
        pub enum Language {
            $($(#[$doc])* $variant,)*
        }

        impl Language {
            /// Every language, in the order of the list.
            pub const ALL: &'static [Language] = &[$(Language::$variant),*];

            /// Every language's code, in the order of the list.
            pub const CODES: &'static [&'static str] = &[$(stringify!($code)),*];

            /// The code used in files and HTML.
            pub fn code(self) -> &'static str {
                match self {
                    $(Language::$variant => stringify!($code),)*
                }
            }

            /// The language of a code, if it is one of the list.
            pub fn from_code(code: &str) -> Option<Language> {
                Language::ALL.iter().copied().find(|l| l.code() == code)
            }

            /// The paper its readers print on, unless a client says otherwise.
            pub fn paper(self) -> PageSize {
                match self {
                    $(Language::$variant => PageSize::$paper,)*
                }
            }
        }
    };
}

every_language!(declare_languages);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_names_its_language() {
        for &lang in Language::ALL {
            assert_eq!(Language::from_code(lang.code()), Some(lang));
        }
        let mut codes = Language::CODES.to_vec();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), Language::ALL.len(), "a code is listed twice");
        assert!(Language::CODES.contains(&"en") && Language::CODES.contains(&"ru"));
        assert_eq!(Language::from_code("EN"), None);
        assert_eq!(Language::Ru.paper(), PageSize::A4);
    }
}
