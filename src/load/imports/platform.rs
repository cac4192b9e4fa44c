//! What a row of a platform's content export says beyond roster's
//! columns: which platform wrote it, its views (to tell two downloads of
//! one post apart), and whether its text names the brand and discloses
//! advertising. A creator's export lists every post of the account, so
//! these decide, later, which rows are a partnership's and how.
//!
//! The text is read here, with the row, and only what it says is kept:
//! no title or description outlives its row.

use serde_yaml::{Mapping, Value};

use crate::diagnostics::kind::ExportProblem;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::load::values::{DecimalMark, numbers};
use crate::load::yaml::{YamlDoc, join, join_index};
use crate::model::PostKind;

/// The platform an export comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// Meta Business Suite, an Instagram account.
    Instagram,
    /// Meta Business Suite, a Facebook page.
    Facebook,
    /// Meta Business Suite, with nothing to tell which.
    Meta,
    /// YouTube Studio.
    Youtube,
    /// TikTok Studio.
    Tiktok,
}

impl Channel {
    /// The platform's name, as a message gives it.
    pub fn name(self) -> &'static str {
        match self {
            Channel::Instagram => "Instagram",
            Channel::Facebook => "Facebook",
            Channel::Meta => "Meta",
            Channel::Youtube => "YouTube",
            Channel::Tiktok => "TikTok",
        }
    }

    /// Whether a partnership on `platform` can have posts of this export.
    pub fn fits(self, platform: crate::model::Platform) -> bool {
        use crate::model::Platform as P;
        match self {
            Channel::Instagram => platform == P::Instagram,
            // Facebook is none of the named platforms.
            Channel::Facebook => platform == P::Other,
            Channel::Meta => matches!(platform, P::Instagram | P::Other),
            Channel::Youtube => platform == P::Youtube,
            Channel::Tiktok => platform == P::Tiktok,
        }
    }
}

/// What a row's text says of the brand.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Said {
    /// The client has no `mentions`: nothing was looked for.
    Unchecked,
    /// The row has no text.
    Empty,
    /// The text names none of `mentions`.
    Silent,
    /// The text names the brand, with an advertising disclosure or not.
    Names {
        /// Whether it discloses advertising.
        disclosed: bool,
    },
}

/// What a row of a platform export says beyond roster's columns.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Exported {
    /// The platform of the export.
    pub channel: Channel,
    /// Its views, for a post in two downloads (an empty cell as 0).
    pub views: u64,
    /// What its text says of the brand.
    pub said: Said,
    /// Whether an `imports` entry gives its kind, which the text then
    /// does not decide.
    pub kind_given: bool,
}

/// Where a preset's view finds what [`Exported`] says.
#[derive(Debug, Clone)]
pub(crate) struct ExportColumns {
    /// The platform, when the header tells it.
    pub channel: Option<Channel>,
    /// The text columns (title, description).
    pub text: Vec<usize>,
    /// The views column.
    pub views: Option<usize>,
    /// The link, which tells Instagram from Facebook when the header
    /// does not.
    pub url: Option<usize>,
    /// Whether an `imports` entry gives the rows' kind.
    pub kind_given: bool,
}

impl ExportColumns {
    /// What the row `text(i)` says, given the client's `mentions`.
    pub(crate) fn read<'r>(
        &self,
        text: &dyn Fn(usize) -> Option<&'r str>,
        mentions: &[String],
    ) -> Exported {
        let channel = self.channel.unwrap_or_else(|| {
            match self.url.and_then(text).map(str::to_ascii_lowercase) {
                Some(u) if u.contains("instagram.com") => Channel::Instagram,
                Some(u) if u.contains("facebook.com") => Channel::Facebook,
                _ => Channel::Meta,
            }
        });
        let views = self
            .views
            .and_then(text)
            .and_then(|v| {
                v.parse::<u64>().ok().or_else(|| {
                    numbers::count(v, DecimalMark::Point)
                        .ok()
                        .and_then(|d| u64::try_from(d).ok())
                })
            })
            .unwrap_or(0);
        let said = if mentions.is_empty() {
            Said::Unchecked
        } else {
            let written: Vec<&str> = self.text.iter().filter_map(|i| text(*i)).collect();
            said(&written.join(" "), mentions)
        };
        Exported {
            channel,
            views,
            said,
            kind_given: self.kind_given,
        }
    }
}

/// A text cut into tokens: at whitespace and at punctuation other than
/// `@`, `#` and `_`, case-folded.
pub(crate) fn tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || matches!(c, '@' | '#' | '_')))
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Whether `run` (tokens) is a run of `tokens`.
fn has_run(tokens: &[String], run: &[String]) -> bool {
    !run.is_empty() && tokens.windows(run.len()).any(|w| w == run)
}

/// The advertising disclosures, each a run of tokens.
const DISCLOSURES: [&str; 5] = ["#ad", "#sponsored", "#partner", "#реклама", "реклама"];

/// What `text` says of the brand named by `mentions`.
pub(crate) fn said(text: &str, mentions: &[String]) -> Said {
    let t = tokens(text);
    if t.is_empty() {
        return Said::Empty;
    }
    if !mentions.iter().any(|m| has_run(&t, &tokens(m))) {
        return Said::Silent;
    }
    let paid = has_run(&t, &tokens("Paid partnership"));
    let erid = t
        .iter()
        .position(|w| w == "erid")
        .is_some_and(|i| i + 1 < t.len());
    let disclosed = paid || erid || DISCLOSURES.iter().any(|d| t.iter().any(|w| w == d));
    Said::Names { disclosed }
}

/// `mentions` of client.yaml: the brand's handles, hashtags and words.
pub(crate) fn mentions(doc: &mut YamlDoc, m: &Mapping) -> Vec<String> {
    let path = join(&[], "mentions");
    let items = match doc.field(m, &[], "mentions", false).cloned() {
        None => return Vec::new(),
        Some(Value::Sequence(items)) => items,
        Some(one) => vec![one],
    };
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::String(s) if !tokens(s).is_empty() => out.push(s.trim().to_string()),
            _ => doc.error(&join_index(&path, i), ExportProblem::NotAMention),
        }
    }
    out
}

/// What one file's rows came to, told once it is done ([`Counted::tell`]).
#[derive(Debug, Default)]
pub(crate) struct Counted {
    /// Rows outside the partnership's term.
    pub outside: usize,
    /// Rows naming none of `mentions`.
    pub silent: usize,
    /// Rows without text, kept.
    pub empty: usize,
    /// Rows kept sponsored for want of `mentions`.
    pub unchecked: usize,
    /// Posts also in an earlier download.
    pub shared: usize,
    /// Rows naming the brand, and those of them disclosing advertising.
    pub named: (usize, usize),
}

impl Counted {
    /// The kind of a row of an export, published on `date`, of a
    /// partnership whose term is `term`, or `None` when it is not the
    /// partnership's; `written` is the kind the row gives. Counted.
    pub(crate) fn judge(
        &mut self,
        (date, written): (chrono::NaiveDate, PostKind),
        e: &Exported,
        (start, end): (chrono::NaiveDate, Option<chrono::NaiveDate>),
    ) -> Option<PostKind> {
        if date < start || end.is_some_and(|end| date > end) {
            self.outside += 1;
            return None;
        }
        let kind = match e.said {
            Said::Silent => {
                self.silent += 1;
                return None;
            }
            Said::Empty => {
                self.empty += 1;
                written
            }
            Said::Unchecked => {
                self.unchecked += usize::from(!e.kind_given);
                written
            }
            Said::Names { disclosed } => {
                self.named.0 += 1;
                self.named.1 += usize::from(disclosed);
                if disclosed {
                    PostKind::Sponsored
                } else {
                    PostKind::Organic
                }
            }
        };
        Some(if e.kind_given { written } else { kind })
    }

    /// One warning per thing the rows of the file at `at`, of
    /// `partnership`, came to.
    pub(crate) fn tell(&self, at: &Location, partnership: &str, diags: &mut Diagnostics) {
        let problems = [
            (
                self.outside,
                ExportProblem::OutsideTerm {
                    posts: self.outside,
                    partnership: partnership.to_string(),
                },
            ),
            (
                self.silent,
                ExportProblem::NotMentioned { posts: self.silent },
            ),
            (self.empty, ExportProblem::EmptyText { posts: self.empty }),
            (
                self.unchecked,
                ExportProblem::NoMentions {
                    posts: self.unchecked,
                },
            ),
            (self.shared, ExportProblem::Shared { posts: self.shared }),
        ];
        for (count, problem) in problems {
            if count > 0 {
                diags.push(Diagnostic::warning(problem).at(at.clone()));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn mentions_match_whole_tokens() {
        let brand = m(&["@kestrelcoffee", "#kestrel", "Kestrel Coffee"]);
        assert_eq!(
            said("Morning pour-over with @KestrelCoffee!", &brand),
            Said::Names { disclosed: false }
        );
        assert_eq!(
            said("trying kestrel coffee today", &brand),
            Said::Names { disclosed: false }
        );
        assert_eq!(said("#kestrelcoffeelover", &brand), Said::Silent);
        assert_eq!(
            said("kestrel, coffee", &brand),
            Said::Names { disclosed: false }
        );
        assert_eq!(said("a kestrel flew by", &brand), Said::Silent);
        assert_eq!(said("  ", &brand), Said::Empty);
    }

    #[test]
    fn disclosures_are_whole_tokens() {
        let brand = m(&["#kestrel"]);
        let sponsored = Said::Names { disclosed: true };
        assert_eq!(said("#kestrel #ad", &brand), sponsored);
        assert_eq!(said("#kestrel #AD.", &brand), sponsored);
        assert_eq!(said("Paid partnership with #kestrel", &brand), sponsored);
        assert_eq!(said("#kestrel Реклама. erid: 2VtzqwXyz", &brand), sponsored);
        assert_eq!(said("#kestrel erid:2Vtzqw", &brand), sponsored);
        assert_eq!(said("#kestrel #реклама", &brand), sponsored);
        let organic = Said::Names { disclosed: false };
        assert_eq!(said("#kestrel #adventure", &brand), organic);
        assert_eq!(said("#kestrel #partnership", &brand), organic);
        assert_eq!(said("#kestrel erid", &brand), organic);
    }
}
