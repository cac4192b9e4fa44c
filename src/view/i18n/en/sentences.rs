//! The English sentences: the charts' descriptions, the money ahead, the
//! monthly summary and the paired lift, with figures already formatted.

use std::cmp::Ordering;

use super::{compounding, definitions, restated};
use crate::model::Month;
use crate::view::i18n::{
    BudgetWords, Definition, Move, OwnMonth, Ratio, Sentences, Settings, Spend, SpreadFigures,
    Verdict, Versus,
    capitalise, more_or_less, paren, plural,
};

/// The English sentences.
pub(super) struct English;

/// "October 2026".
fn month(m: Month) -> String {
    super::CATALOGUE.month(m)
}

/// "16 April": a day of a month, without its year.
fn day_of(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let of = super::CATALOGUE.calendar.months_of[d.month0() as usize];
    format!("{} {of}", d.day())
}

impl Sentences for English {
    fn definition(&self, d: Definition, s: &Settings) -> String {
        definitions::definition(d, s)
    }

    fn engagements(&self, n: &str) -> String {
        format!("{n} engagements")
    }

    fn posts_per_month(&self, shown: &str, n: &str) -> String {
        let posts = plural::en(n, ["sponsored post", "sponsored posts"]);
        format!("{shown} {posts} per month")
    }

    fn end_in(&self, date: &str, days: i64) -> String {
        // Days are never negative in words.
        let n = days.unsigned_abs();
        let unit = plural::en(&n.to_string(), ["day", "days"]);
        match days {
            0 => format!("{date} (the report date)"),
            d if d < 0 => format!("{date} (ended {n} {unit} before the report date)"),
            _ => format!("{date} ({n} {unit} from the report date)"),
        }
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
            "ROI of {} {partnerships}: median {}, the middle half {} to {}, from {} ({}) to {} ({}). {} ROI {}.",
            s.n, s.median, s.q1, s.q3, s.min.0, s.min.1, s.max.0, s.max.1, s.whole.0, s.whole.1
        )
    }

    fn month_trend_desc(&self, from: Month, to: Month, cost: &str, revenue: &str) -> String {
        let (from, to) = (month(from), month(to));
        format!(
            "Cost and revenue booked in each month from {from} to {to}. In {to}: cost {cost}, revenue {revenue}."
        )
    }

    fn engagement_desc(&self, creator: &str, posts: usize, trend: &str) -> String {
        let each = match posts {
            1 => format!("{creator}'s one sponsored post"),
            n => format!("each of {creator}'s {n} sponsored posts"),
        };
        format!("Engagement rate of {each} by post number. Trend: {trend}.")
    }

    fn month_range(&self, from: Month, to: Month) -> String {
        format!("{} – {}", month(from), month(to))
    }

    fn quarter(&self, year: i32, q: u32) -> String {
        format!("Q{q} {year}")
    }

    fn committed_until(&self, last: Month) -> String {
        format!("until {}", month(last))
    }

    fn open_ended_note(&self, retainers: usize) -> String {
        let noun = plural::en(&retainers.to_string(), ["retainer", "retainers"]);
        format!("a month, from {retainers} {noun} without an end")
    }

    fn cost_ahead_desc(
        &self,
        (from, to, spent): (Month, Month, &str),
        committed: Option<(Month, Month, &str)>,
        continuing: Option<&str>,
    ) -> String {
        let (from, to) = (month(from), month(to));
        let ahead = match committed {
            Some((a, b, c)) if a == b => format!("{c} is committed in {}", month(a)),
            Some((a, b, c)) => format!(
                "{c} is committed from {} to {}",
                month(a),
                month(b)
            ),
            None => "nothing is committed after the report date".to_string(),
        };
        let going_on = continuing.map_or(String::new(), |c| {
            format!("; open-ended retainers go on at {c} a month, not committed")
        });
        format!(
            "Cost by month, stacked by market: {spent} spent from {from} to {to}; {ahead}{going_on}."
        )
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
        let who = plural::en(&creators.to_string(), ["creator", "creators"]);
        format!("{name} · {creators} {who} · {fee} a month")
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

    fn spend(&self, s: &Spend) -> String {
        let this = match s.so_far {
            Some((to, _)) => format!("{} is not over: to {}", month(s.month), day_of(to)),
            None => format!("In {}", month(s.month)),
        };
        let Some((prev, cost, revenue)) = s.before else {
            let first = match s.so_far {
                Some((to, _)) => format!(
                    "{}, the first month of the report, is not over: to {}",
                    month(s.month),
                    day_of(to)
                ),
                None => format!("In {}, the first month of the report,", month(s.month)),
            };
            return format!("{first} spend was {} and revenue {}.", s.cost, s.revenue);
        };
        let moved = |m: Move| match m {
            Move::Up(a, p) => format!("rose by {a}{}", paren(p)),
            Move::Down(a, p) => format!("fell by {a}{}", paren(p)),
            Move::Same => "was unchanged".to_string(),
        };
        let against = match s.so_far {
            Some((_, before)) => self.days_to(before),
            None => month(prev),
        };
        format!(
            "{this} spend was {} and revenue {}; against {against}, spend {} and revenue {}.",
            s.cost,
            s.revenue,
            moved(cost),
            moved(revenue)
        )
    }

    fn days_to(&self, to: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        format!("1–{} {}", day_of(to), to.year())
    }

    fn versus_days(&self, to: chrono::NaiveDate) -> String {
        format!("vs 1–{}", day_of(to))
    }

    fn returns(&self, roi: Versus, cpa: Versus) -> String {
        let roi = versus("ROI", roi, "there is no ROI, as no cost was booked");
        let cpa = versus("CPA", cpa, "there is no CPA, as there were no conversions");
        format!("{}; {cpa}.", capitalise(&roi))
    }

    fn posts(&self, (sponsored, s): (u64, &str), (organic, o): (u64, &str)) -> String {
        let count = |n: u64, x: &str, forms| format!("{x} {}", plural::en(&n.to_string(), forms));
        let sponsored_posts = count(sponsored, s, ["sponsored post", "sponsored posts"]);
        let mentions = count(organic, o, ["organic mention", "organic mentions"]);
        match (sponsored, organic) {
            (0, 0) => "No posts were published.".to_string(),
            (_, 0) => format!("Creators published {sponsored_posts}."),
            (0, _) => format!("Creators published no sponsored posts and {mentions}."),
            _ => format!("Creators published {sponsored_posts} and {mentions}."),
        }
    }

    fn best(&self, creator: &str, roi: &str, cost: &str, costed: u64) -> String {
        match costed {
            1 => format!(
                "{creator} was the only partnership with a cost this month: ROI {roi} on {cost} of cost."
            ),
            n => format!(
                "Of the {n} partnerships with a cost this month, {creator} did best: ROI {roi} on {cost} of cost."
            ),
        }
    }

    fn lift(&self, k: u32, lift: &str, (low, high): (&str, &str), n: usize) -> String {
        let (more, lift) = more_or_less(lift, "more", "less");
        let partnerships = plural::en(&n.to_string(), ["partnership", "partnerships"]);
        format!(
            "Post {k} engages {lift} {more} than the same creators' first post (95% sure: {low} to {high}; {n} {partnerships})."
        )
    }

    fn too_few(&self, k: u32, n: usize) -> String {
        format!(
            "Too few partnerships reached post {k} to tell how sure its lift is ({n} of the 5 needed)."
        )
    }

    fn small(&self, n: usize) -> String {
        format!("small sample, n = {n}")
    }

    fn roi_to_date(&self, roi: Versus) -> String {
        compounding::roi_to_date(roi)
    }

    fn since(&self, change: &str, date: &str) -> String {
        compounding::since(change, date)
    }

    fn budget_status(&self, share: &str, period: &str, over: Option<&str>) -> String {
        compounding::budget_status(share, period, over)
    }

    fn more(&self, n: usize) -> String {
        compounding::more(n)
    }

    fn delivered_of(&self, delivered: &str, contracted: &str) -> String {
        format!("{delivered} of {contracted}")
    }

    fn latest_month(&self, m: Month) -> String {
        format!("{}: {}", super::CATALOGUE.texts.latest_month, month(m))
    }

    fn open_report_of(&self, m: Month) -> String {
        format!("Open {}'s report", month(m))
    }

    fn verdict(&self, v: Verdict) -> String {
        compounding::verdict(v)
    }

    fn lift_finding(&self, rising: bool, k: u32) -> String {
        let more = if rising { "more" } else { "less" };
        format!("Retainers: the same creators engage {more} by post {k}")
    }

    fn against_one_offs(&self, cpa: Option<Ratio>, repeat: Option<Ratio>) -> String {
        compounding::against_one_offs(cpa, repeat)
    }

    fn tenure_desc(&self, first: (&str, usize), later: Option<(u32, &str, usize)>) -> String {
        compounding::tenure_desc(first, later)
    }

    fn own_month(&self, m: &OwnMonth) -> String {
        compounding::own_month(m)
    }

    fn restated_notice(&self, as_of: &str, first: &str, more: usize) -> String {
        restated::notice(as_of, first, more)
    }

    fn restated_lead(&self, as_of: &str) -> String {
        restated::lead(as_of)
    }

    fn restated_figure(&self, figure: &str, whose: Option<&str>, sent: &str, now: &str) -> String {
        restated::figure(figure, whose, sent, now)
    }

    fn restated_by_partnership(&self, n: usize) -> String {
        restated::by_partnership(n)
    }

    fn rate_moved(&self, from: &str, to: &str, sent: &str, now: &str) -> String {
        restated::rate_moved(from, to, sent, now)
    }

    fn inputs_moved(&self, names: &str) -> String {
        restated::inputs_moved(names)
    }

    fn compares_restated(&self, m: Month) -> String {
        restated::compares_restated(m)
    }
}

fn versus(name: &str, v: Versus, undefined: &str) -> String {
    match v {
        Versus::Undefined => undefined.to_string(),
        Versus::Plain(x) => format!("{name} was {x}"),
        Versus::Target(x, t, o) => {
            let side = match o {
                Ordering::Greater => "above",
                Ordering::Less => "below",
                Ordering::Equal => "at",
            };
            format!("{name} was {x}, {side} the {t} target")
        }
    }
}
