//! "How we count" in English: the definitions that read the portfolio's
//! settings (currency, denominator, days), with their counts in the form
//! their number takes, and those the same for every portfolio.

use crate::model::Denominator;
use crate::view::i18n::{Definition, Settings, plural};

/// The definition of `d`, with the portfolio's settings.
pub(super) fn definition(d: Definition, s: &Settings) -> String {
    set_definition(d, s).unwrap_or_else(|| fixed_definition(d).to_string())
}

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
