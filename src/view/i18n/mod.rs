//! All the wording of the pages, one file per language: every fixed string
//! (navigation, headings, figure names, phases, recommendations, the words of
//! numbers such as "n/a"), month names and dates, the "how we count"
//! definitions and the sentences that describe the charts.
//!
//! Each language is a file here: a [`Texts`] value, whose fields are the keys
//! of the fixed strings, and an implementation of [`Words`] for what takes
//! parameters (a number, a name, a month) or grammar (a month's case). The
//! compiler checks that every language has every key and every sentence: a
//! missing one does not build, and nothing falls back to the key.
//!
//! To add a language: copy `en.rs` to a new file, translate it, add the
//! variant to [`Language`] (with its code) and one arm to [`words`]. Its
//! number conventions (separators, the CSV delimiter) are in
//! [`super::format`] and [`super::table`].
//!
//! Templates read the fixed strings as `t.<key>`; Rust reads them as
//! `texts(lang).<key>`. Numbers are formatted in [`super::format`].

mod en;
mod figures;
pub mod lift;
pub mod plural;
mod ru;
mod ru_definitions;
pub mod summary;

pub use figures::{BudgetWords, SpreadFigures};

use chrono::NaiveDate;
use serde::Serialize;

use crate::analytics::life::{Phase, Recommendation};
use crate::model::{Currency, Denominator, Language, Model, Month, Platform};

/// Declares [`Texts`], one `&'static str` per key, and its list of entries.
macro_rules! texts {
    ($($key:ident,)*) => {
        /// The fixed strings of one language, by key: a struct so that a
        /// language without a key does not compile.
        #[derive(Debug, Serialize)]
        #[allow(missing_docs)] // The keys are named for what they say.
        pub struct Texts {
            $(pub $key: &'static str,)*
        }

        impl Texts {
            /// Every (key, string), in declaration order.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($key), self.$key)),*]
            }
        }
    };
}

texts! {
    // Navigation and frame.
    skip,
    overview,
    reports,
    partnerships,
    markets,
    commitments,
    clients,
    figures_as_of,
    data_json,
    download_csv,
    chart_data,
    models_all,
    no_data,
    how_we_count,
    na_means,
    note,
    internal_note,
    internal_mark,
    rows_rounded,
    months_rounded,
    open_report,
    see_all,
    // Figures.
    cost,
    revenue,
    roi,
    roas,
    cpa,
    cpa_long,
    cpm_reach,
    engagement_rate,
    repeat_rate,
    sponsored_posts,
    organic_posts,
    conversions,
    reach,
    engagements,
    clicks,
    impressions,
    contracted_posts,
    fulfilment,
    trend,
    trend_short,
    per_post,
    target,
    target_roi,
    target_cpa,
    partnerships_n,
    // Overview.
    key_figures,
    portfolio_to_date,
    headline_title,
    headline_lead,
    post_number,
    post_no,
    lift,
    n_posts,
    retainers,
    one_offs,
    one_offs_short,
    one_off_level,
    roi_by_market,
    creator_roi,
    creator_roi_lead,
    best,
    worst,
    portfolio,
    median,
    creator_roi_median,
    q1,
    q3,
    quartiles,
    min,
    max,
    n_partnerships,
    models_title,
    models_lead,
    er_day1,
    er_day7,
    days_to_90,
    decay_title,
    day,
    window_title,
    share,
    roster,
    creator,
    market,
    model,
    phase,
    month,
    recommendation,
    latest_month,
    vs_previous,
    all_reports,
    all_partnerships,
    all_markets,
    // Monthly report.
    report_title,
    previous_month,
    next_month,
    this_month,
    change,
    figure,
    month_figures,
    month_posts,
    no_posts,
    trend_title,
    first_month,
    pdf,
    pdf_title,
    page,
    page_of,
    up,
    down,
    unchanged,
    // Posts.
    date,
    kind,
    sponsored,
    organic,
    ramp_up,
    ramp_up_post,
    link,
    post,
    // Partnership page.
    platform,
    handle,
    followers,
    contract,
    fee,
    per_month,
    in_total,
    term,
    open_ended,
    deliverables,
    posts_per_month,
    individual,
    umbrella,
    timeline,
    now,
    ended_on,
    from,
    to,
    months,
    ramp_up_until,
    one_off_note,
    engagement_per_post,
    trend_line,
    posts,
    costs_by_month,
    extra_costs,
    extra,
    total,
    label,
    amount,
    converted,
    no_extra_costs,
    why,
    rule,
    rules_lead,
    figures_decided,
    current_month,
    end,
    met,
    not_met,
    no_target,
    no_phase,
    promo_codes,
    payback,
    not_yet,
    until,
    committed,
    monthly_fee,
    // Commitments page.
    money_ahead,
    annual_investment,
    annual_investment_lead,
    trailing_12m,
    annual_run_rate,
    monthly_run_rate,
    open_ended_monthly,
    nothing_committed,
    in_run_rate,
    cost_ahead_title,
    cost_ahead_lead,
    spent,
    committed_pale,
    report_date,
    budgets,
    budgets_lead,
    no_budgets,
    period,
    projected,
    going_on,
    remaining,
    elapsed,
    pacing,
    budget_line,
    renewals,
    renewals_lead,
    no_renewals,
    days_left,
    committed_by_partnership,
    committed_lead,
    no_commitments,
    renewals_due,
    no_renewals_due,
    open_commitments,
    paid_back_costed,
    median_payback_month,
    // Market page.
    market_figures,
    market_curve,
    no_partnerships,
    // Site index.
    report_sites,
    // Numbers and the definitions' terms.
    undefined,
    points_unit,
    thousands_short,
    millions_short,
    totals,
    // Models and platforms.
    model_retainer,
    model_one_off,
    platform_vk,
    platform_other,
    // Phases: names, and what each is for.
    phase_build,
    phase_optimize,
    phase_scale,
    phase_continuation,
    phase_ended,
    phase_about_build,
    phase_about_optimize,
    phase_about_scale,
    phase_about_continuation,
    phase_about_ended,
    // Recommendations, and the six rules of docs/metrics.md in order.
    recommendation_ended,
    recommendation_too_early,
    recommendation_in_progress,
    recommendation_extend,
    recommendation_move_on,
    recommendation_review,
    rule_ended,
    rule_too_early,
    rule_in_progress,
    rule_extend,
    rule_move_on,
    rule_review,
}

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

/// The wording of one language beyond its fixed strings: dates, and the
/// sentences with numbers or names in them. Numbers arrive formatted.
pub trait Words: Sync {
    /// The fixed strings.
    fn texts(&self) -> &'static Texts;
    /// "October 2026".
    fn month(&self, m: Month) -> String;
    /// "Oct", for chart axes.
    fn month_short(&self, m: Month) -> &'static str;
    /// "31 October 2026".
    fn date(&self, d: NaiveDate) -> String;
    /// "31 Oct 2026", with no-break spaces, for tables.
    fn date_short(&self, d: NaiveDate) -> String;
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
    /// committed after (first and last month, total), if anything.
    fn cost_ahead_desc(
        &self,
        spent: (Month, Month, &str),
        committed: Option<(Month, Month, &str)>,
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
}

/// Every language, for the tests that read them all.
pub const LANGUAGES: [Language; 2] = [Language::En, Language::Ru];

/// The wording of a language.
pub fn words(lang: Language) -> &'static dyn Words {
    match lang {
        Language::En => &en::English,
        Language::Ru => &ru::Russian,
    }
}

/// The fixed strings of a language.
pub fn texts(lang: Language) -> &'static Texts {
    words(lang).texts()
}

/// The fixed strings of a language, for templates as `t`.
pub fn table(lang: Language) -> &'static Texts {
    texts(lang)
}

/// "October 2026" / "Октябрь 2026".
pub fn month(lang: Language, m: Month) -> String {
    words(lang).month(m)
}

/// "Oct" / "окт", for chart axes.
pub fn month_short(lang: Language, m: Month) -> &'static str {
    words(lang).month_short(m)
}

/// "31 October 2026" / "31 октября 2026".
pub fn date(lang: Language, d: NaiveDate) -> String {
    words(lang).date(d)
}

/// "7 Oct 2026" / "7 окт 2026", for tables.
pub fn date_short(lang: Language, d: NaiveDate) -> String {
    words(lang).date_short(d)
}

/// The index 0..12 of a month number, clamped so a bad one cannot panic.
fn month_index(month: u32) -> usize {
    (month as usize).saturating_sub(1).min(11)
}

/// A phase's name.
pub fn phase(lang: Language, p: Phase) -> &'static str {
    let t = texts(lang);
    match p {
        Phase::Build => t.phase_build,
        Phase::Optimize => t.phase_optimize,
        Phase::Scale => t.phase_scale,
        Phase::Continuation => t.phase_continuation,
        Phase::Ended => t.phase_ended,
    }
}

/// What a phase is for, one line.
pub fn phase_about(lang: Language, p: Phase) -> &'static str {
    let t = texts(lang);
    match p {
        Phase::Build => t.phase_about_build,
        Phase::Optimize => t.phase_about_optimize,
        Phase::Scale => t.phase_about_scale,
        Phase::Continuation => t.phase_about_continuation,
        Phase::Ended => t.phase_about_ended,
    }
}

/// A recommendation's name.
pub fn recommendation(lang: Language, r: Recommendation) -> &'static str {
    let t = texts(lang);
    match r {
        Recommendation::Ended => t.recommendation_ended,
        Recommendation::TooEarly => t.recommendation_too_early,
        Recommendation::InProgress => t.recommendation_in_progress,
        Recommendation::Extend => t.recommendation_extend,
        Recommendation::MoveOn => t.recommendation_move_on,
        Recommendation::Review => t.recommendation_review,
    }
}

/// The class of a recommendation's badge.
pub fn recommendation_class(r: Recommendation) -> &'static str {
    match r {
        Recommendation::Ended => "ended",
        Recommendation::TooEarly => "too-early",
        Recommendation::InProgress => "in-progress",
        Recommendation::Extend => "extend",
        Recommendation::MoveOn => "move-on",
        Recommendation::Review => "review",
    }
}

/// The six recommendation rules of docs/metrics.md, in order, in plain words.
pub fn rules(lang: Language) -> [&'static str; 6] {
    let t = texts(lang);
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
pub fn model(lang: Language, m: Model) -> &'static str {
    match m {
        Model::Retainer => texts(lang).model_retainer,
        Model::OneOff => texts(lang).model_one_off,
    }
}

/// A platform's name as people write it: brands are the same in every
/// language; VK and "other" are not.
pub fn platform(lang: Language, p: Platform) -> &'static str {
    match p {
        Platform::Instagram => "Instagram",
        Platform::Tiktok => "TikTok",
        Platform::Youtube => "YouTube",
        Platform::Telegram => "Telegram",
        Platform::Vk => texts(lang).platform_vk,
        Platform::Twitch => "Twitch",
        Platform::Other => texts(lang).platform_other,
    }
}

#[cfg(test)]
mod tests;
