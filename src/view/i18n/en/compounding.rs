//! The English words of the compounding figures: the verdict, retainers
//! against one-offs, and a partnership's month against its model's.

use crate::analytics::compounding::Engagement;
use std::cmp::Ordering;

use crate::view::i18n::{OwnMonth, Ratio, Verdict, Versus, more_or_less, plural};

fn partnerships(n: usize) -> String {
    format!("{n} {}", plural::en(&n.to_string(), ["partnership", "partnerships"]))
}

pub(super) fn verdict(v: Verdict) -> String {
    match v {
        Verdict::Decided {
            engagement,
            k,
            lift,
            interval: (low, high),
            n,
        } => {
            let (more, size) = more_or_less(lift, "more", "less");
            let n = partnerships(n);
            match engagement {
                Engagement::Rising => format!(
                    "Retainers are compounding: by post {k} the same creators engage {size} more than at their first post (95% sure: {low} to {high}; {n})."
                ),
                Engagement::Falling => format!(
                    "Retainers are not compounding: by post {k} the same creators engage {size} less than at their first post (95% sure: {low} to {high}; {n})."
                ),
                _ => format!(
                    "It is not yet clear whether retainers compound: by post {k} the same creators engage {size} {more} than at their first post, but the 95% range, {low} to {high}, includes no change ({n})."
                ),
            }
        }
        Verdict::TooEarly { pairs } if pairs >= 5 => "Too early to tell whether retainers compound: their first posts had no engagement to compare with.".to_string(),
        Verdict::TooEarly { pairs } => {
            let have = plural::en(&pairs.to_string(), ["has", "have"]);
            format!(
                "Too early to tell whether retainers compound: {pairs} of the 5 partnerships needed {have} reached post 3."
            )
        }
    }
}

pub(super) fn against_one_offs(cpa: Option<Ratio>, repeat: Option<Ratio>) -> String {
    let cost = cpa.map(|r| match r {
        Ratio::Less(x) => format!("cost {x} less than one-offs'"),
        Ratio::More(x) => format!("cost {x} more than one-offs'"),
        Ratio::Times(x) => format!("cost {x} times as much as one-offs'"),
        Ratio::Same => "cost the same as one-offs'".to_string(),
    });
    // Alone, the repeat purchase names what it is set beside.
    let back = |alone: bool| {
        let (than, as_) = match alone {
            true => (" than one-offs'", " as one-offs'"),
            false => ("", ""),
        };
        repeat.map(|r| match r {
            Ratio::Less(x) => format!("come back {x} less often{than}"),
            Ratio::More(x) => format!("come back {x} more often{than}"),
            Ratio::Times(x) => format!("come back {x} times as often{as_}"),
            Ratio::Same => format!("come back as often{as_}"),
        })
    };
    match (cost, back(false)) {
        (Some(c), Some(b)) => format!("Retainers' customers {c} and {b}."),
        (Some(c), None) => format!("Retainers' customers {c}."),
        _ => format!(
            "Retainers' customers {}.",
            back(true).unwrap_or_default()
        ),
    }
}

pub(super) fn tenure_desc(first: (&str, usize), later: Option<(u32, &str, usize)>) -> String {
    let (roi, n) = first;
    let mut s = format!(
        "Retainers' ROI in their first month: {roi} ({}).",
        partnerships(n)
    );
    if let Some((k, roi, n)) = later {
        s.push_str(&format!(" In month {k}: {roi} ({}).", partnerships(n)));
    }
    s
}

pub(super) fn own_month(m: &OwnMonth) -> String {
    let OwnMonth { k, roi, .. } = *m;
    if m.one_off {
        let theirs = m.model_roi.map_or_else(
            || "no other one-off to set it beside".to_string(),
            |r| format!("one-offs' ROI: {r}"),
        );
        return format!("Its whole life counts as month 1: ROI {roi}; {theirs}.");
    }
    let own = match m.in_progress {
        true => format!("Month {k} (in progress): ROI {roi} so far"),
        false => format!("Month {k}: ROI {roi}"),
    };
    match m.model_roi {
        Some(r) => format!("{own}; the retainers' month {k}: {r}."),
        None => format!("{own}; no retainer has finished month {k} yet."),
    }
}

pub(super) fn roi_to_date(roi: Versus) -> String {
    match roi {
        Versus::Undefined => "ROI to date cannot be computed yet: nothing has cost anything.".to_string(),
        Versus::Plain(x) => format!("ROI to date is {x}."),
        Versus::Target(x, t, o) => {
            let side = match o {
                Ordering::Greater => "above",
                Ordering::Less => "below",
                Ordering::Equal => "at",
            };
            format!("ROI to date is {x}, {side} the {t} target.")
        }
    }
}

pub(super) fn since(change: &str, date: &str) -> String {
    format!("{change} since {date}")
}

pub(super) fn budget_status(share: &str, period: &str, over: Option<&str>) -> String {
    let spent = format!("{share} of the {period} budget spent");
    match over {
        Some(x) => format!("{spent}; heading {x} over"),
        None => spent,
    }
}

pub(super) fn more(n: usize) -> String {
    format!("{n} more")
}
