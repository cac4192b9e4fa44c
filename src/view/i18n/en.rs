//! English: every page string, month names and dates, the "how we count"
//! definitions and the charts' descriptions.

use chrono::{Datelike, NaiveDate};

use super::{BudgetWords, Definition, Settings, SpreadFigures, Texts, Words, month_index, plural};
use crate::model::{Denominator, Month};

/// The English wording.
pub(super) struct English;

static TEXTS: Texts = Texts {
    // Navigation and frame.
    skip: "Skip to content",
    overview: "Overview",
    reports: "Monthly reports",
    partnerships: "Partnerships",
    markets: "Markets",
    commitments: "Commitments",
    clients: "Clients",
    figures_as_of: "Figures as of",
    data_json: "All figures as data.json",
    download_csv: "Download CSV",
    chart_data: "Chart data",
    models_all: "Every figure by model",
    no_data: "No data yet",
    how_we_count: "How we count",
    na_means: "“n/a” marks a figure that cannot be computed: a ratio whose denominator is zero or unknown. It is never shown as zero.",
    note: "Commentary",
    internal_note: "Internal commentary (agency only)",
    internal_mark: "Internal",
    months_rounded: "Each month's cost and revenue are rounded to the cent on their own, so the months may not add up to the figures to date at the top, which are computed from the exact amounts.",
    rows_rounded: "Each amount is rounded to the cent on its own, so the rows may not add up to the total, which is computed from the exact amounts.",
    open_report: "Open the report",
    see_all: "Every page of this report",
    // Figures.
    cost: "Cost",
    revenue: "Revenue",
    roi: "ROI",
    roas: "ROAS",
    cpa: "CPA",
    cpa_long: "Cost per acquisition",
    cpm_reach: "Cost per 1,000 reached",
    engagement_rate: "Engagement rate",
    repeat_rate: "Repeat purchase rate",
    sponsored_posts: "Sponsored posts",
    organic_posts: "Organic mentions",
    conversions: "Conversions",
    reach: "Reach",
    engagements: "Engagements",
    clicks: "Clicks",
    impressions: "Impressions",
    contracted_posts: "Contracted posts to date",
    fulfilment: "Fulfilment",
    trend: "Engagement trend",
    trend_short: "Trend",
    per_post: "per post",
    target: "Target",
    target_roi: "target ROI",
    target_cpa: "target CPA",
    partnerships_n: "Partnerships",
    // Overview.
    key_figures: "Key figures",
    portfolio_to_date: "The portfolio to date",
    headline_title: "Engagement by post number",
    headline_lead: "Audiences warm to a product that keeps showing up: each partnership's sponsored posts are numbered in order, and the chart averages the engagement rate of all posts with the same number.",
    post_number: "Post number",
    post_no: "Post no.",
    lift: "Lift",
    n_posts: "n",
    retainers: "Retainers",
    one_offs: "One-offs",
    one_offs_short: "One-offs",
    one_off_level: "One-off post 1",
    roi_by_market: "ROI per market",
    creator_roi: "Creator-level ROI",
    creator_roi_lead: "The portfolio ROI adds up all cost and revenue first; each dot is one partnership's own ROI, with the box from the first to the third quartile and the median across it.",
    best: "Best",
    worst: "Worst",
    portfolio: "Portfolio",
    median: "Median",
    creator_roi_median: "Median partnership ROI",
    q1: "First quartile",
    q3: "Third quartile",
    quartiles: "Middle half (Q1–Q3)",
    min: "Lowest",
    max: "Highest",
    n_partnerships: "Partnerships with a defined ROI",
    models_title: "One-offs and long-term partnerships, side by side",
    models_lead: "The same money spent two ways: a single post, or a creator on a monthly retainer.",
    er_day1: "Engagement on day 1",
    er_day7: "Engagement on day 7",
    days_to_90: "Days to 90% of conversions",
    decay_title: "Engagement by day after publication",
    day: "Day",
    window_title: "Share of conversions by day",
    share: "Cumulative share",
    roster: "The roster",
    creator: "Creator",
    market: "Market",
    model: "Model",
    phase: "Phase",
    month: "Month",
    recommendation: "Recommendation",
    latest_month: "The latest month",
    vs_previous: "vs previous month",
    all_reports: "Every monthly report",
    all_partnerships: "Every partnership",
    all_markets: "Every market",
    // Monthly report.
    report_title: "Monthly report",
    previous_month: "Previous month",
    next_month: "Next month",
    this_month: "This month",
    change: "Change",
    figure: "Figure",
    month_figures: "The month against the month before",
    month_posts: "Posts of the month",
    no_posts: "No posts were published this month.",
    trend_title: "Cost and revenue by month",
    first_month: "This is the first month with activity: there is nothing to compare with.",
    pdf: "PDF",
    pdf_title: "The report as a PDF, to print or e-mail",
    page: "Page",
    page_of: "of",
    up: "up",
    down: "down",
    unchanged: "unchanged",
    // Posts.
    date: "Date",
    kind: "Kind",
    sponsored: "Sponsored",
    organic: "Organic",
    ramp_up: "Ramp-up",
    ramp_up_post: "published in ramp-up",
    link: "Link",
    post: "Post",
    // Partnership page.
    platform: "Platform",
    handle: "Handle",
    followers: "Followers",
    contract: "Contract",
    fee: "Fee",
    per_month: "per month",
    in_total: "in total",
    term: "Term",
    open_ended: "open-ended",
    deliverables: "Deliverables",
    posts_per_month: "sponsored posts per month",
    individual: "individual",
    umbrella: "umbrella",
    timeline: "Phase timeline",
    now: "Now",
    ended_on: "Ended",
    from: "From",
    to: "To",
    months: "Months",
    ramp_up_until: "Ramp-up until",
    one_off_note: "A one-off is a single paid campaign: it has no phases and no recommendation.",
    engagement_per_post: "Engagement per post",
    trend_line: "Trend line",
    posts: "Posts",
    costs_by_month: "Costs by month",
    extra_costs: "Extra costs",
    extra: "Extra",
    total: "Total",
    label: "What for",
    amount: "Amount",
    converted: "In report currency",
    no_extra_costs: "No extra costs to date.",
    why: "Why",
    rule: "Rule",
    rules_lead: "The rules are checked in this order; the first that applies decides. This is advice with its reasons, not a verdict.",
    figures_decided: "The figures the rules read",
    current_month: "Current month",
    end: "End",
    met: "met",
    not_met: "not met",
    no_target: "no target set",
    no_phase: "no phase (one-off)",
    promo_codes: "Promo codes",
    payback: "Payback",
    until: "until",
    not_yet: "not yet",
    committed: "Committed",
    monthly_fee: "Monthly fee",
    // Commitments page.
    money_ahead: "Money ahead",
    annual_investment: "Total annual investment",
    annual_investment_lead: "What the partnerships cost over the last twelve months, what a year costs at today's fees, what the contracts already bind the client to, and what runs on until notice.",
    trailing_12m: "Trailing 12 months",
    annual_run_rate: "Annual run-rate",
    monthly_run_rate: "Monthly run-rate",
    open_ended_monthly: "Open-ended",
    nothing_committed: "nothing committed after the report date",
    in_run_rate: "open-ended: in the run-rate",
    cost_ahead_title: "Cost by month: spent and committed",
    cost_ahead_lead: "Cost booked in each of the last twelve months, then what the contracts commit month by month after the report date, stacked by market. Committed amounts are pale with an outline.",
    spent: "Spent",
    committed_pale: "Committed (pale)",
    report_date: "Report date",
    budgets: "Budgets",
    budgets_lead: "Each bar is one budget: spent to date, then committed, then what the open-ended retainers cost if they go on. The dashed line marks how much of the period has passed; the solid one is the budget.",
    no_budgets: "No budgets are set for this client (budgets in client.yaml).",
    period: "Period",
    projected: "Projected",
    going_on: "Open-ended, going on",
    remaining: "Remaining",
    elapsed: "Time elapsed",
    pacing: "Pacing",
    budget_line: "The budget",
    renewals: "Renewal calendar",
    renewals_lead: "Retainers ending within 90 days of the report date, grouped by contract: an umbrella agreement with all its creators, each individual contract on its own.",
    no_renewals: "No retainer ends within 90 days of the report date.",
    days_left: "Days left",
    committed_by_partnership: "Committed by partnership",
    committed_lead: "What each contract still binds the client to after the report date, partnerships signed to start later included. Open-ended retainers commit nothing: they count in the run-rate.",
    no_commitments: "No partnership commits anything after the report date.",
    renewals_due: "Renewals due within 30 days",
    no_renewals_due: "No retainer ends within 30 days of the report date.",
    open_commitments: "Open the commitments",
    paid_back_costed: "Paid back / costed",
    median_payback_month: "Median payback month",
    // Market page.
    market_figures: "The market to date",
    market_curve: "Engagement by post number in this market",
    no_partnerships: "No partnerships in this market yet.",
    // Site index.
    report_sites: "Client reports",
    // Numbers and the definitions' terms.
    undefined: "n/a",
    points_unit: "pp",
    thousands_short: "k",
    millions_short: "M",
    totals: "Totals",
    // Models and platforms.
    model_retainer: "Retainer",
    model_one_off: "One-off",
    platform_vk: "VK",
    platform_other: "Other",
    // Phases: names, and what each is for.
    phase_build: "Build",
    phase_optimize: "Optimize",
    phase_scale: "Scale",
    phase_continuation: "Continuation",
    phase_ended: "Ended",
    phase_about_build: "month 1: the creator and the audience get to know the product",
    phase_about_optimize: "months 2–4: formats and briefs are tuned",
    phase_about_scale: "months 5–6: what works is done more",
    phase_about_continuation: "month 7 on: a steady, long-term partnership",
    phase_about_ended: "the partnership has ended",
    // Recommendations, and the six rules of docs/metrics.md in order.
    recommendation_ended: "Ended",
    recommendation_too_early: "Too early",
    recommendation_in_progress: "In progress",
    recommendation_extend: "Extend",
    recommendation_move_on: "Move on",
    recommendation_review: "Review",
    rule_ended: "Ended: the partnership's end date is before the report date.",
    rule_too_early: "Too early: the report date is still within ramp-up.",
    rule_in_progress: "In progress: the current month is below 6 and the end is not within 30 days.",
    rule_extend: "Extend: ROI is at or above the target ROI and, where a target CPA is set, CPA is at or below it, and the engagement trend is not falling (or cannot be computed yet).",
    rule_move_on: "Move on: ROI is below the target ROI and the engagement trend is falling.",
    rule_review: "Review: anything else.",
};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const SHORT: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn denominator(d: Denominator) -> &'static str {
    match d {
        Denominator::Reach => "reach",
        Denominator::Impressions => "impressions",
        Denominator::Followers => "the creator's followers",
    }
}

/// The definitions that read the portfolio's settings.
fn set_definition(d: Definition, s: &Settings) -> Option<String> {
    let (c, w, days) = (s.currency, s.repeat_window_days, s.ramp_up_days);
    let den = denominator(s.denominator);
    Some(match d {
        Definition::Cost => format!(
            "What the partnerships cost to date, in {c}: a retainer's monthly fee prorated by day (fee × active days in the month / days in the month, from its start to the earlier of its end and the report date), a one-off's fee once on its start date, and every extra cost (seeding, shipping, bonuses) on its date. An amount in another currency is converted at the rate of the month it is booked in."
        ),
        Definition::Engagement => format!(
            "A post's engagements (likes, comments, shares, saves) / its {den}. For a group of posts: total engagements / total {den}, over the posts where both are known."
        ),
        Definition::Repeat => {
            let d = plural::en(&w.to_string(), ["day", "days"]);
            format!(
                "A customer's first order acquires them for the partnership it is attributed to. Of the customers acquired at least {w} {d} before the report date, the share who ordered again within {w} {d} of that first order."
            )
        }
        Definition::RampUp => {
            let d = plural::en(&days.to_string(), ["day", "days"]);
            format!(
                "The first {days} {d} of a partnership, its start date being day 1. Posts published in it are shown and marked, and no partnership is judged while it is in ramp-up."
            )
        }
        _ => return None,
    })
}

/// The definitions that are the same for every portfolio.
fn fixed_definition(d: Definition) -> &'static str {
    match d {
        Definition::Revenue => {
            "The revenue attributed to the posts published to date (tracked links, promo codes), counted in the month of publication. Orders are used for repeat purchases only, never as revenue."
        }
        Definition::Roi => {
            "(revenue − cost) / cost: 100% means the partnerships earned twice what they cost."
        }
        Definition::Roas => "revenue / cost: revenue per unit of money spent.",
        Definition::Cpa => "cost / conversions: what one conversion cost.",
        Definition::CpmReach => "cost / reach × 1,000.",
        Definition::Totals => {
            "A group (the portfolio, a market, a month) adds up cost, revenue, conversions, reach and engagements first and divides after: its ROI is its total revenue less its total cost over its total cost, not an average of the partnerships' ROIs."
        }
        Definition::Organic => {
            "Posts about the product that the partnership did not pay for. They add to reach, engagements and revenue but get no post number and no cost."
        }
        Definition::PostNumber => {
            "Each partnership's sponsored posts are numbered 1, 2, 3… in order of publication. For each number, the mean of the engagement rates of every post with that number (n = the posts averaged), for retainers and one-offs apart. Lift = the mean at that number / the mean at post 1 − 1."
        }
        Definition::CreatorLevel => {
            "The spread of the partnerships' own ROIs, over those whose ROI is defined: lowest, quartiles, median and highest, with the best and the worst partnership named (ties go to the first in alphabetical order of id). Quartiles interpolate between neighbouring values."
        }
        Definition::DayOne => {
            "From the daily figures of sponsored posts: on each day after publication, total engagements that day / total reach that day, over the posts with a figure for that day."
        }
        Definition::DaysTo90 => {
            "The conversions of sponsored posts by day after publication, added up day by day: the first day by which 90% of them had come in."
        }
        Definition::Phases => {
            "A retainer's month 1 runs from its start to the day before the first monthly anniversary, month 2 to the day before the second, and so on. Month 1 is build, months 2–4 optimize, months 5–6 scale, month 7 on continuation; a retainer whose end is before the report date has ended."
        }
        Definition::Fulfilment => {
            "Sponsored posts delivered to date / the posts contracted to date (posts per month × the months to date, prorated by day as the fee is)."
        }
        Definition::Trend => {
            "The slope of the straight line that best fits a partnership's engagement rate against post number (least squares), in percentage points per post. It needs at least three sponsored posts with a known rate."
        }
        Definition::Recommendation => {
            "For retainers, the first of six rules that applies: ended, too early (in ramp-up), in progress (before month 6 with the end more than 30 days away), extend (ROI at or above target, CPA at or below target where one is set, engagement not falling), move on (ROI below target and engagement falling), review (anything else). The target ROI is 0 unless the client sets one."
        }
        Definition::Month => {
            "Cost booked in the month (a retainer's fee for its active days in it, a one-off starting in it, extra costs dated in it); revenue, conversions, reach and engagements of the posts published in it; the ratios from those."
        }
        Definition::Change => {
            "This month less the month before, with its sign and an arrow for its direction; a change in a rate is in percentage points. n/a where either month's figure is undefined."
        }
        Definition::Summary => {
            "A few sentences written from the month's figures: cost and revenue against the month before, ROI and CPA against the client's targets (compared exactly), the posts, the partnership with the highest ROI among those with a cost that month (the lower id on a tie), and, on the report of the report date's month, the retainers ending within 30 days. A figure that is undefined is left out, never written as a number."
        }
        Definition::MonthCreators => {
            "One row per partnership with a cost booked or a post published in the month: its cost booked in the month, its sponsored posts published in the month against those contracted for it (posts per month × the share of the month the fee is prorated over), and the conversions, revenue and ROI of its posts of the month. The rows add up to the month's figures."
        }
        Definition::Committed => {
            "What the contracts still bind the client to after the report date: a retainer with an end date, its fee prorated by day from the day after the report date (or its start, if later) to its end; a one-off starting after the report date, its fee; every extra cost dated after the report date. A partnership signed to start later counts here and nowhere else. A retainer without an end commits nothing: it runs until notice and counts in the run-rate. Amounts after the report date are converted at the rate of the report date's month, the latest known."
        }
        Definition::RunRate => {
            "The monthly fees of the retainers under way on the report date (started, and not ended before it), at the rate of the report date's month. The annual run-rate is 12 × the monthly run-rate: what a year costs at today's fees."
        }
        Definition::OpenEnded => {
            "The part of the monthly run-rate that comes from retainers under way without an end date: they go on until notice, so none of it is committed."
        }
        Definition::Trailing12 => {
            "Cost booked in the twelve calendar months that end with the report date's month, up to the report date, counted as cost is everywhere."
        }
        Definition::Budgets => {
            "For each budget period: spent is the cost booked in it up to the report date; committed, the committed amounts that fall in it; projected, spent + committed + what the open-ended retainers under way cost over its days after the report date, if they go on; remaining = budget − projected (below zero, the budget is overrun); time elapsed, the share of its days up to the report date; pacing = spent / budget."
        }
        Definition::Renewals => {
            "Retainers that have started and end between the report date and 90 days after it, by end date, each with its days left, its monthly fee (at the rate of the report date's month) and its recommendation with the rule behind it. Creators on one umbrella agreement are grouped under its reference; each individual contract stands on its own."
        }
        Definition::Payback => {
            "The first day from which a partnership stays in the black through the report date: on that day and every day after it, its revenue to that day is at least its cost to that day, and the cost is above zero. Its start is day 1; the month is the partnership month of that day. “Not yet” when there is no such day, with how much the cost exceeds the revenue at the report date. By model: the partnerships paid back out of those with a cost, and the median payback month of those paid back."
        }
        // Written with the settings by `set_definition`.
        Definition::Cost | Definition::Engagement | Definition::Repeat | Definition::RampUp => "",
    }
}

impl Words for English {
    fn texts(&self) -> &'static Texts {
        &TEXTS
    }

    fn month(&self, m: Month) -> String {
        format!("{} {}", MONTHS[month_index(m.month)], m.year)
    }

    fn month_short(&self, m: Month) -> &'static str {
        SHORT[month_index(m.month)]
    }

    fn date(&self, d: NaiveDate) -> String {
        format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
    }

    fn date_short(&self, d: NaiveDate) -> String {
        let short = SHORT[d.month0() as usize];
        format!("{}\u{a0}{short}\u{a0}{}", d.day(), d.year())
    }

    fn definition(&self, d: Definition, s: &Settings) -> String {
        set_definition(d, s).unwrap_or_else(|| fixed_definition(d).to_string())
    }

    fn engagements(&self, n: &str) -> String {
        format!("{n} engagements")
    }

    fn posts_per_month(&self, shown: &str, n: &str) -> String {
        let posts = plural::en(n, ["sponsored post", "sponsored posts"]);
        format!("{shown} {posts} per month")
    }

    fn end_in(&self, date: &str, days: i64) -> String {
        format!("{date} ({days} days from the report date)")
    }

    fn decay_desc(&self, [r1, r7]: [&str; 2], [o1, o7]: [&str; 2]) -> String {
        format!(
            "Engagement rate by day after publication. Retainers: {r1} on day 1, {r7} on day 7. One-offs: {o1} on day 1, {o7} on day 7."
        )
    }

    fn window_desc(&self, retainers: &str, one_offs: &str) -> String {
        format!(
            "Share of a post's conversions that came in by each day after publication. 90% is reached on day {retainers} for retainers and on day {one_offs} for one-offs."
        )
    }

    fn headline_retainers(&self, first: &str, at_k: &str, k: u32, lift: &str, n: usize) -> String {
        format!(
            "Retainers: mean engagement rate {first} at post 1 and {at_k} at post {k} (lift {lift}, n = {n})."
        )
    }

    fn headline_one_offs(&self, first: &str) -> String {
        format!("One-offs: {first} at post 1.")
    }

    fn spread_desc(&self, s: &SpreadFigures) -> String {
        let partnerships = plural::en(&s.n.to_string(), ["partnership", "partnerships"]);
        format!(
            "ROI of {} {partnerships}: median {}, quartiles {} to {}, from {} ({}) to {} ({}). Portfolio ROI {}.",
            s.n, s.median, s.q1, s.q3, s.min.0, s.min.1, s.max.0, s.max.1, s.whole
        )
    }

    fn month_trend_desc(&self, from: Month, to: Month, cost: &str, revenue: &str) -> String {
        let (from, to) = (self.month(from), self.month(to));
        format!(
            "Cost and revenue booked in each month from {from} to {to}. In {to}: cost {cost}, revenue {revenue}."
        )
    }

    fn engagement_desc(&self, creator: &str, posts: usize, trend: &str) -> String {
        format!(
            "Engagement rate of each of {creator}'s {posts} sponsored posts by post number. Trend: {trend}."
        )
    }

    fn month_range(&self, from: Month, to: Month) -> String {
        format!("{} – {}", self.month(from), self.month(to))
    }

    fn quarter(&self, year: i32, q: u32) -> String {
        format!("Q{q} {year}")
    }

    fn committed_until(&self, last: Month) -> String {
        format!("until {}", self.month(last))
    }

    fn open_ended_note(&self, retainers: usize) -> String {
        match retainers {
            1 => "a month, from 1 retainer without an end".to_string(),
            n => format!("a month, from {n} retainers without an end"),
        }
    }

    fn cost_ahead_desc(
        &self,
        (from, to, spent): (Month, Month, &str),
        committed: Option<(Month, Month, &str)>,
    ) -> String {
        let (from, to) = (self.month(from), self.month(to));
        let ahead = match committed {
            Some((a, b, c)) if a == b => format!("{c} is committed in {}", self.month(a)),
            Some((a, b, c)) => format!(
                "{c} is committed from {} to {}",
                self.month(a),
                self.month(b)
            ),
            None => "nothing is committed after the report date".to_string(),
        };
        format!("Cost by month, stacked by market: {spent} spent from {from} to {to}; {ahead}.")
    }

    fn payback_day(&self, day: u32) -> String {
        format!("day {day}")
    }

    fn payback_month(&self, month: u32) -> String {
        format!("month {month}")
    }

    fn short_by(&self, amount: &str) -> String {
        format!("{amount} to go")
    }

    fn signed_starts(&self, date: &str) -> String {
        format!("signed, starts {date}")
    }

    fn contract_group(
        &self,
        umbrella: bool,
        reference: Option<&str>,
        creators: usize,
        fee: &str,
    ) -> String {
        let name = match (umbrella, reference) {
            (true, Some(r)) => format!("Umbrella agreement {r}"),
            (true, None) => "Umbrella agreement (no reference)".to_string(),
            (false, Some(r)) => format!("Individual contract {r}"),
            (false, None) => "Contract (no reference)".to_string(),
        };
        let who = match creators {
            1 => "1 creator".to_string(),
            n => format!("{n} creators"),
        };
        format!("{name} · {who} · {fee} a month")
    }

    fn budget_left(&self, amount: &str, over: bool) -> String {
        if over {
            format!("over by {amount}")
        } else {
            format!("{amount} left")
        }
    }

    fn budget_bar(&self, b: &BudgetWords) -> String {
        format!(
            "{}: spent {}, committed {}, projected {} of {}; {} of the period elapsed.",
            b.period, b.spent, b.committed, b.projected, b.amount, b.elapsed
        )
    }
}
