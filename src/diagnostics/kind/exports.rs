//! The wording of what a platform's content export holds beyond one
//! partnership's posts: the rows outside its term, the rows that do not
//! name the brand, rows shared by overlapping downloads, engagement the
//! export cannot give, and an export of another platform (load/imports,
//! resolve/exported).
//!
//! Counts are fields, and the sentence ("3 posts") is made here.

use std::fmt;

use crate::diagnostics::shorten;

/// A problem with the rows of a platform's content export.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "snake_case")]
pub enum ExportProblem {
    /// An export lacking a column engagement sums: engagement unknown.
    EngagementUnknown {
        /// The columns it lacks, as the vendor names them.
        columns: Vec<String>,
    },
    /// Rows published outside the partnership's term, left out.
    OutsideTerm {
        /// How many.
        posts: usize,
        /// The partnership.
        partnership: String,
    },
    /// Rows whose text names none of `mentions`, left out.
    NotMentioned {
        /// How many.
        posts: usize,
    },
    /// Rows with no text, kept: nothing says whether they name the brand.
    EmptyText {
        /// How many.
        posts: usize,
    },
    /// An export read without `mentions`: every row in the term counted
    /// sponsored.
    NoMentions {
        /// How many posts.
        posts: usize,
    },
    /// A partnership whose exports name the brand in posts, none of them
    /// with an advertising disclosure.
    NoneSponsored {
        /// The partnership.
        partnership: String,
        /// How many posts name the brand.
        posts: usize,
    },
    /// An export of another platform than the partnership's.
    WrongPlatform {
        /// The export's platform.
        export: &'static str,
        /// The partnership.
        partnership: String,
        /// Its platform.
        platform: String,
    },
    /// Posts of this export also in an earlier one of the partnership: read
    /// once, with their latest figures.
    Shared {
        /// How many.
        posts: usize,
    },
    /// An item of `mentions` that is not text.
    NotAMention,
}

fn posts(n: usize) -> String {
    if n == 1 {
        "1 post".into()
    } else {
        format!("{n} posts")
    }
}

impl ExportProblem {
    /// The likely fix, when there is one.
    pub fn help(&self) -> Option<String> {
        use ExportProblem as P;
        Some(match self {
            P::EngagementUnknown { .. } => "add these columns before exporting (YouTube Studio: Advanced mode, the column picker), so that engagement is the same sum for every post".into(),
            P::OutsideTerm { .. } => "an export holds the whole account; if a post belongs to the partnership, check its `start` and `end`".into(),
            P::NotMentioned { .. } => "only posts whose text names one of `mentions` (client.yaml) count; add the handle, hashtag or word the missing posts use".into(),
            P::EmptyText { .. } => "kept as the partnership's; give them a `kind` in a posts file of roster's format if they are not sponsored".into(),
            P::NoMentions { .. } => "add `mentions: [\"@brand\", \"#brand\"]` to client.yaml so that only the posts naming the brand count, with advertising disclosures (#ad, Paid partnership) telling sponsored from organic".into(),
            P::NoneSponsored { .. } => "none carries a disclosure (#ad, #sponsored, Paid partnership, erid): give the sponsored ones `kind: sponsored` in a posts file of roster's format".into(),
            P::WrongPlatform { .. } => "move the export into the folder of the partnership on that platform, or correct `creator.platform`".into(),
            P::Shared { .. } => return None,
            P::NotAMention => "write each as text: `mentions: [\"@kestrelcoffee\", \"#kestrelcoffee\", \"Kestrel Coffee\"]`".into(),
        })
    }
}

impl fmt::Display for ExportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ExportProblem as P;
        match self {
            P::EngagementUnknown { columns } => write!(
                f,
                "engagement unknown for this export's posts: it lacks {}",
                shorten(&columns.join(", "))
            ),
            P::OutsideTerm {
                posts: n,
                partnership,
            } => write!(
                f,
                "{} published outside the term of {partnership} left out",
                posts(*n)
            ),
            P::NotMentioned { posts: n } => {
                write!(f, "{} that name none of `mentions` left out", posts(*n))
            }
            P::EmptyText { posts: n } => write!(
                f,
                "{} without a title or description kept: nothing says whether they name the brand",
                posts(*n)
            ),
            P::NoMentions { posts: n } => write!(
                f,
                "{} counted sponsored: client.yaml has no `mentions` to tell the brand's posts from the account's others",
                posts(*n)
            ),
            P::NoneSponsored {
                partnership,
                posts: n,
            } => write!(
                f,
                "{} of {partnership} name the brand, but none is marked sponsored",
                posts(*n)
            ),
            P::WrongPlatform {
                export,
                partnership,
                platform,
            } => write!(
                f,
                "this is a {export} export, but {partnership} is on {platform}"
            ),
            P::Shared { posts: n } => write!(
                f,
                "{} also in an earlier download: each read once, with its latest figures",
                posts(*n)
            ),
            P::NotAMention => f.write_str("an item of `mentions` must be text"),
        }
    }
}
