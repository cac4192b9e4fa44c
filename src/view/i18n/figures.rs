//! Figures already formatted, handed to a language's sentences: the
//! sentences with several numbers in them take one of these rather than a
//! long list of strings in a row, which would be easy to pass in the wrong
//! order.

use std::cmp::Ordering;

use crate::model::Month;

/// The creator-level ROI chart's figures, formatted, for its description.
#[derive(Debug, Clone, Copy)]
pub struct SpreadFigures<'a> {
    /// Partnerships with a defined ROI.
    pub n: usize,
    /// Median.
    pub median: &'a str,
    /// First quartile.
    pub q1: &'a str,
    /// Third quartile.
    pub q3: &'a str,
    /// Lowest ROI and its creator.
    pub min: (&'a str, &'a str),
    /// Highest ROI and its creator.
    pub max: (&'a str, &'a str),
    /// The whole's name (the portfolio, or a market) and its ROI.
    pub whole: (&'a str, &'a str),
}

/// A budget's figures, formatted, for the sentence of its bar.
#[derive(Debug, Clone, Copy)]
pub struct BudgetWords<'a> {
    /// The period, written out.
    pub period: &'a str,
    /// The amount.
    pub amount: &'a str,
    /// Spent to date.
    pub spent: &'a str,
    /// Committed in it.
    pub committed: &'a str,
    /// Projected.
    pub projected: &'a str,
    /// The share of the period elapsed.
    pub elapsed: &'a str,
}

/// How a figure moved from the month before, formatted: its size, and its
/// size relative to the month before when that is defined.
#[derive(Debug, Clone, Copy)]
pub enum Move<'a> {
    /// Up by the amount (and the percentage).
    Up(&'a str, Option<&'a str>),
    /// Down by the amount (and the percentage).
    Down(&'a str, Option<&'a str>),
    /// The same to the cent.
    Same,
}

/// The month's spend and revenue, with how they moved from `before`.
#[derive(Debug, Clone, Copy)]
pub struct Spend<'a> {
    /// The report's month.
    pub month: Month,
    /// Cost booked in it.
    pub cost: &'a str,
    /// Revenue of its posts.
    pub revenue: &'a str,
    /// The month before with the moves of cost and revenue; `None` on the
    /// first month.
    pub before: Option<(Month, Move<'a>, Move<'a>)>,
    /// While the month is not over: the day its figures run to, and the
    /// same day of the month before, which they are compared to.
    pub so_far: Option<(chrono::NaiveDate, chrono::NaiveDate)>,
}

/// A ratio against its target, formatted.
#[derive(Debug, Clone, Copy)]
pub enum Versus<'a> {
    /// Undefined: never written as a number.
    Undefined,
    /// Defined; the client set no target.
    Plain(&'a str),
    /// Defined, with the target and how the figure compares with it.
    Target(&'a str, &'a str, Ordering),
}

/// The verdict on compounding, its figures formatted.
#[derive(Debug, Clone, Copy)]
pub enum Verdict<'a> {
    /// An interval decided: rising above 0, falling below it, or holding it.
    Decided {
        /// Rising, falling or unclear.
        engagement: crate::analytics::compounding::Engagement,
        /// The post number it stands on.
        k: u32,
        /// The paired lift, signed ("+39%").
        lift: &'a str,
        /// The interval's ends, signed.
        interval: (&'a str, &'a str),
        /// Its pairs.
        n: usize,
    },
    /// No interval at post 4 or 3: `pairs` of the 5 needed have a post 3
    /// (5 or more when their first posts had no engagement).
    TooEarly {
        /// Retainers with a pair at post 3.
        pairs: usize,
    },
}

/// Retainers' figure against one-offs', as a share or a multiple.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ratio<'a> {
    /// Lower by this share ("34%").
    Less(&'a str),
    /// Higher by this share ("12%").
    More(&'a str),
    /// This many times as high ("3.1"), from twice on.
    Times(&'a str),
    /// The same.
    Same,
}

/// A partnership's month against its model's, formatted.
#[derive(Debug, Clone, Copy)]
pub struct OwnMonth<'a> {
    /// The month.
    pub k: u32,
    /// Its ROI.
    pub roi: &'a str,
    /// Whether it is the current month of a retainer still running.
    pub in_progress: bool,
    /// One-off (its whole life is month 1) or retainer.
    pub one_off: bool,
    /// The model's ROI in that month, over the partnerships that finished it.
    pub model_roi: Option<&'a str>,
}
