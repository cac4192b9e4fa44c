//! The words of a catalogue that take parameters: the sentences with
//! figures or names in them, and "how we count" with the portfolio's
//! settings. A language writes them as an implementation of [`Sentences`],
//! in its own grammar; its catalogue holds that implementation.

use super::{BudgetWords, OwnMonth, Ratio, Spend, SpreadFigures, Verdict, Versus};
use crate::model::{Currency, Denominator, Month};

/// One "how we count" definition; its wording is per language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Definition {
    /// Cost to date.
    Cost,
    /// Attributed revenue.
    Revenue,
    /// (revenue − cost) / cost.
    Roi,
    /// revenue / cost.
    Roas,
    /// cost / conversions.
    Cpa,
    /// cost per 1,000 reached.
    CpmReach,
    /// A group sums first and divides after.
    Totals,
    /// Engagement rate.
    Engagement,
    /// Repeat purchase rate.
    Repeat,
    /// Organic mentions.
    Organic,
    /// Engagement by post number.
    PostNumber,
    /// The spread of creator-level ROIs.
    CreatorLevel,
    /// Engagement on day 1 after publication.
    DayOne,
    /// Days to 90% of conversions.
    DaysTo90,
    /// Ramp-up.
    RampUp,
    /// The phases of a retainer.
    Phases,
    /// Fulfilment of the contracted posts.
    Fulfilment,
    /// Engagement trend.
    Trend,
    /// The recommendation rules.
    Recommendation,
    /// What a month's figures are.
    Month,
    /// A change against the month before.
    Change,
    /// A monthly report's summary in a few sentences.
    Summary,
    /// The month per creator.
    MonthCreators,
    /// What the contracts still bind the client to.
    Committed,
    /// The monthly and annual run-rate.
    RunRate,
    /// The open-ended part of the run-rate.
    OpenEnded,
    /// Cost of the trailing twelve months.
    Trailing12,
    /// Budgets: spent, committed, projected, remaining, elapsed, pacing.
    Budgets,
    /// The renewal calendar.
    Renewals,
    /// Payback day and month, and per model.
    Payback,
}

/// The portfolio's settings that the definitions write in.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// The reporting currency.
    pub currency: Currency,
    /// What engagement divides by.
    pub denominator: Denominator,
    /// Ramp-up length, days.
    pub ramp_up_days: u32,
    /// Repeat purchase window, days.
    pub repeat_window_days: u32,
}

/// The wording of one language that takes parameters: the sentences with
/// numbers or names in them, and the definitions that read the settings.
/// Numbers arrive formatted; a count that meets its noun comes as a number
/// too, and takes the form its language's plural rules give it
/// ([`super::plural`]). Every method is required, so a catalogue without
/// one of them does not compile.
pub trait Sentences: Sync {
    /// A definition of "how we count", with the portfolio's settings.
    fn definition(&self, d: Definition, s: &Settings) -> String;
    /// The note under reach: "12,345 engagements".
    fn engagements(&self, n: &str) -> String;
    /// A partnership's deliverables: "2 sponsored posts per month", `shown`
    /// as the page writes the number, `n` as a plain decimal (`1.5`) for
    /// the word's form.
    fn posts_per_month(&self, shown: &str, n: &str) -> String;
    /// A partnership's end: "31 October 2026 (12 days from the report date)".
    fn end_in(&self, date: &str, days: i64) -> String;
    /// Engagement by day: retainers and one-offs on days 1 and 7.
    fn decay_desc(&self, retainers: [&str; 2], one_offs: [&str; 2]) -> String;
    /// Share of conversions by day: the day 90% is reached per model.
    fn window_desc(&self, retainers: &str, one_offs: &str) -> String;
    /// The headline chart's retainers: post 1, post `k` with its lift and n.
    fn headline_retainers(&self, first: &str, at_k: &str, k: u32, lift: &str, n: usize) -> String;
    /// The headline chart's one-offs at post 1.
    fn headline_one_offs(&self, first: &str) -> String;
    /// The creator-level ROI chart.
    fn spread_desc(&self, s: &SpreadFigures) -> String;
    /// Cost and revenue by month, `from` to `to`, with the last month's.
    fn month_trend_desc(&self, from: Month, to: Month, cost: &str, revenue: &str) -> String;
    /// One partnership's engagement per post.
    fn engagement_desc(&self, creator: &str, posts: usize, trend: &str) -> String;
    /// A span of months: "November 2025 – October 2026".
    fn month_range(&self, from: Month, to: Month) -> String;
    /// A quarter: "Q4 2026".
    fn quarter(&self, year: i32, q: u32) -> String;
    /// The last month with something committed: "until November 2026".
    fn committed_until(&self, last: Month) -> String;
    /// Under the open-ended figure: "a month, from 3 retainers without an end".
    fn open_ended_note(&self, retainers: usize) -> String;
    /// Cost by month: spent `from` to `to` with its total, and what is
    /// committed after (first and last month, total), if anything, and
    /// the open-ended retainers' fees a month going on, if any.
    fn cost_ahead_desc(
        &self,
        spent: (Month, Month, &str),
        committed: Option<(Month, Month, &str)>,
        continuing: Option<&str>,
    ) -> String;
    /// A payback day: "day 38".
    fn payback_day(&self, day: u32) -> String;
    /// A payback month: "month 2".
    fn payback_month(&self, month: u32) -> String;
    /// How far from payback: "$1,234.56 to go".
    fn short_by(&self, amount: &str) -> String;
    /// A partnership signed to start later: "signed, starts 1 Dec 2026".
    fn signed_starts(&self, date: &str) -> String;
    /// A group of the renewal calendar: an umbrella agreement with its
    /// creators and their fees a month, or one individual contract.
    fn contract_group(
        &self,
        umbrella: bool,
        reference: Option<&str>,
        creators: usize,
        fee: &str,
    ) -> String;
    /// What is left of a budget, or by how much it is over.
    fn budget_left(&self, amount: &str, over: bool) -> String;
    /// A budget's bar, in words: spent, committed, projected against the
    /// amount, and the share of the period elapsed.
    fn budget_bar(&self, b: &BudgetWords) -> String;

    // The monthly summary, sentence by sentence.
    /// What the month cost and brought in, against the month before (to
    /// the same day of it, while the month is not over).
    fn spend(&self, s: &Spend) -> String;
    /// The first days of a month, to `to`: "1–16 March 2026".
    fn days_to(&self, to: chrono::NaiveDate) -> String;
    /// A change against those days, after its figure: "vs 1–16 March 2026".
    fn versus_days(&self, to: chrono::NaiveDate) -> String;
    /// ROI and CPA, against the client's targets.
    fn returns(&self, roi: Versus, cpa: Versus) -> String;
    /// The posts published: sponsored and organic, as counts and as written.
    fn posts(&self, sponsored: (u64, &str), organic: (u64, &str)) -> String;
    /// The partnership with the best ROI of the `costed` ones, with its ROI
    /// and cost.
    fn best(&self, creator: &str, roi: &str, cost: &str, costed: u64) -> String;

    // How sure: the paired lift.
    /// The paired lift at post `k` in words, with its interval and n.
    fn lift(&self, k: u32, lift: &str, interval: (&str, &str), n: usize) -> String;
    /// Too few partnerships reached post `k` for an interval.
    fn too_few(&self, k: u32, n: usize) -> String;
    /// The mark of a figure averaged over fewer than 5: "small sample, n = 3".
    fn small(&self, n: usize) -> String;

    // The overview's first screen.
    /// The portfolio's ROI to date, against its target where one is set.
    fn roi_to_date(&self, roi: Versus) -> String;
    /// A headline figure's change since a month's end: "+$1,234 since 30
    /// September".
    fn since(&self, change: &str, date: &str) -> String;
    /// A budget's status: the share spent of the period's budget, and by
    /// how much it is heading over, if it is.
    fn budget_status(&self, share: &str, period: &str, over: Option<&str>) -> String;
    /// Sponsored posts delivered against contracted: "3 of 2".
    fn delivered_of(&self, delivered: &str, contracted: &str) -> String;
    /// The decisions not listed: "2 more".
    fn more(&self, n: usize) -> String;
    /// The link to a month's report: "Open October 2026's report".
    fn open_report_of(&self, m: Month) -> String;
    /// The overview's heading of the latest month: "Latest month: October
    /// 2026".
    fn latest_month(&self, m: Month) -> String;

    // Compounding: the figures by partnership month and the verdict.
    /// The verdict on the retainers' engagement, in a sentence.
    fn verdict(&self, v: Verdict) -> String;
    /// The paired lift chart titled by its finding, when the verdict has
    /// one: the same creators engage more (`rising`) or less by post `k`.
    fn lift_finding(&self, rising: bool, k: u32) -> String;
    /// Retainers' customers against one-offs': CPA and repeat purchase;
    /// at least one of them.
    fn against_one_offs(&self, cpa: Option<Ratio>, repeat: Option<Ratio>) -> String;
    /// The chart of ROI by partnership month: the retainers' first month
    /// and their last one with 5 or more partnerships, each with its n.
    fn tenure_desc(&self, first: (&str, usize), later: Option<(u32, &str, usize)>) -> String;
    /// A partnership's month against its model's.
    fn own_month(&self, m: &OwnMonth) -> String;

    // A month restated since its report was sent (docs/history.md).
    /// The line a restated month's report opens with: the report date it
    /// was archived as of, its first restated figure in words
    /// ([`Sentences::restated_figure`]) and how many more there are.
    fn restated_notice(&self, as_of: &str, first: &str, more: usize) -> String;
    /// What the Restated section is, under its heading.
    fn restated_lead(&self, as_of: &str) -> String;
    /// A restated figure in words: its name as a table heads it, whose it
    /// is (a creator's, or the month's when `None`), as sent and now.
    fn restated_figure(&self, figure: &str, whose: Option<&str>, sent: &str, now: &str) -> String;
    /// The partnerships' restated figures, as the table of them is titled.
    fn restated_by_partnership(&self, n: usize) -> String;
    /// An FX rate of the month that moved: "RUB→USD rate 0.0121 → 0.0125".
    fn rate_moved(&self, from: &str, to: &str, sent: &str, now: &str) -> String;
    /// Why a ratio moved: the partnerships whose inputs moved, named and
    /// joined.
    fn inputs_moved(&self, names: &str) -> String;
    /// "How we count" of the month after a restated one: it compares with
    /// month `m`'s figures as they are now.
    fn compares_restated(&self, m: Month) -> String;
}

/// `s` with its first letter in upper case.
pub(super) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| {
        f.to_uppercase().chain(c).collect::<String>()
    })
}

/// " (x)", or nothing.
pub(super) fn paren(p: Option<&str>) -> String {
    p.map_or_else(String::new, |p| format!(" ({p})"))
}

/// A signed percentage as a size and a direction: "+35%" is "35%" `more`,
/// "−4%" is "4%" `less`.
pub(super) fn more_or_less<'a>(lift: &'a str, more: &'a str, less: &'a str) -> (&'a str, &'a str) {
    match lift.strip_prefix(['-', '−']) {
        Some(size) => (less, size),
        None => (more, lift.strip_prefix('+').unwrap_or(lift)),
    }
}
