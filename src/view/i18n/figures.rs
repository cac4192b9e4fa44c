//! Figures already formatted, handed to a language's sentences: the
//! sentences with several numbers in them take one of these rather than a
//! long list of strings in a row, which would be easy to pass in the wrong
//! order.

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
    /// The portfolio's ROI.
    pub whole: &'a str,
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
