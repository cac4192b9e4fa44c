//! What the monthly PDFs are made of: which months get one (`pdf` in
//! roster.yaml) and the paper they are set on (`page_size`).
//!
//! The defaults follow the readers: Russian readers print on A4, American
//! ones on Letter, so a client without `page_size` gets its language's.

use super::Language;

/// `pdf` in roster.yaml: which monthly reports are also a PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PdfReports {
    /// Only the latest month's (the default): the one e-mailed.
    #[default]
    Latest,
    /// Every month's.
    All,
    /// None.
    None,
}

impl PdfReports {
    /// Whether month `i` of `count` months gets a PDF.
    pub fn covers(self, i: usize, count: usize) -> bool {
        match self {
            PdfReports::Latest => i + 1 == count,
            PdfReports::All => true,
            PdfReports::None => false,
        }
    }
}

/// `page_size`: the paper of a client's PDFs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageSize {
    /// 210 x 297 mm.
    A4,
    /// 8.5 x 11 in.
    Letter,
}

impl PageSize {
    /// The paper a reader of `lang` expects.
    pub fn default_for(lang: Language) -> PageSize {
        lang.paper()
    }

    /// The name the typesetter knows the paper by.
    pub fn paper(self) -> &'static str {
        match self {
            PageSize::A4 => "a4",
            PageSize::Letter => "us-letter",
        }
    }

    /// The paper's width in points (1/72 in).
    pub fn width_pt(self) -> f64 {
        match self {
            PageSize::A4 => 210.0 / 25.4 * 72.0,
            PageSize::Letter => 8.5 * 72.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latest_covers_only_the_last_month() {
        let covered: Vec<bool> = (0..3).map(|i| PdfReports::Latest.covers(i, 3)).collect();
        assert_eq!(covered, [false, false, true]);
        assert!((0..3).all(|i| PdfReports::All.covers(i, 3)));
        assert!(!(0..3).any(|i| PdfReports::None.covers(i, 3)));
    }

    #[test]
    fn the_paper_follows_the_language() {
        assert_eq!(PageSize::default_for(Language::Ru), PageSize::A4);
        assert_eq!(PageSize::default_for(Language::En), PageSize::Letter);
    }
}
