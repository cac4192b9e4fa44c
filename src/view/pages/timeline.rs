//! The phase timeline of a retainer's partnership page: its months as a bar
//! coloured by phase, how far ramp-up reaches, where the report date falls,
//! and the same phases as a table.
//!
//! It is apart from the rest of the page because it alone counts in
//! partnership months (anniversaries of the start) rather than in posts or
//! calendar months; [`Calendar`] keeps that arithmetic in one place so the
//! bar and the table cannot disagree on a month's dates.

use chrono::NaiveDate;
use serde::Serialize;

use super::Ctx;
use crate::analytics::life::{self, Phase};
use crate::view::i18n;
use crate::view::table::{Cell, Table};

/// One month of the timeline.
#[derive(Debug, Serialize)]
pub struct Slot {
    /// Partnership month.
    pub n: u32,
    /// Phase class (`build`, `optimize`, `scale`, `continuation`).
    pub phase: &'static str,
    /// The phase's name on its first month, else empty.
    pub label: String,
    /// The month's dates.
    pub dates: String,
    /// `past`, `current` or `future`.
    pub state: &'static str,
}

/// The phase timeline of a retainer.
#[derive(Debug, Serialize)]
pub struct Timeline {
    /// Every month shown.
    pub slots: Vec<Slot>,
    /// How far ramp-up reaches, as a CSS width ("23.4%").
    pub ramp_width: String,
    /// "Ramp-up until 11 November 2026".
    pub ramp_label: String,
    /// Where the report date falls, as a CSS offset; `None` once ended.
    pub now_left: Option<String>,
    /// "Now: month 3, Optimize" or "Ended 30 September 2026".
    pub now_label: String,
    /// The phases with their months and dates.
    pub phases: Table,
}

/// The partnership months of one retainer as the timeline shows them.
struct Calendar {
    start: NaiveDate,
    end: Option<NaiveDate>,
    /// How many months the bar shows: the whole term, or while open-ended at
    /// least seven, so that every phase up to Continuation is in view.
    total: u32,
    /// The partnership month of the report date.
    current: u32,
    /// Whether the partnership has ended by the report date.
    ended: bool,
}

impl Calendar {
    fn of(ctx: &Ctx, i: usize) -> Calendar {
        let m = &ctx.client.partnerships[i];
        let pf = ctx.partnership(i);
        let current = pf.month;
        let total = match m.end {
            Some(e) => life::partnership_month(m.start, e).max(current),
            None => current.max(7),
        };
        Calendar {
            start: m.start,
            end: m.end,
            total,
            current,
            ended: pf.phase == Some(Phase::Ended),
        }
    }

    /// The first day of partnership month `n`.
    fn start_of(&self, n: u32) -> NaiveDate {
        life::month_start(self.start, n).unwrap_or(self.start)
    }

    /// The last day of partnership month `n`, cut at the end of the term.
    fn last_of(&self, n: u32) -> NaiveDate {
        let next = self.start_of(n + 1).pred_opt().unwrap_or(self.start);
        self.end.map_or(next, |e| next.min(e))
    }

    /// Where a date falls on the bar, as a share of `total` months.
    fn position(&self, d: NaiveDate) -> f64 {
        let n = life::partnership_month(self.start, d).min(self.total);
        let (a, b) = (self.start_of(n), self.start_of(n + 1));
        let len = (b - a).num_days().max(1) as f64;
        let into = ((d - a).num_days() + 1) as f64;
        (f64::from(n - 1) + (into / len).min(1.0)) / f64::from(self.total) * 100.0
    }
}

fn phase_class(p: Phase) -> &'static str {
    match p {
        Phase::Build => "build",
        Phase::Optimize => "optimize",
        Phase::Scale => "scale",
        Phase::Continuation => "continuation",
        Phase::Ended => "ended",
    }
}

fn pct(v: f64) -> String {
    format!("{:.2}%", v.clamp(0.0, 100.0))
}

/// The timeline of partnership `i`, a retainer.
pub(crate) fn timeline(ctx: &Ctx, i: usize) -> Timeline {
    let cal = Calendar::of(ctx, i);
    let (ramp_width, ramp_label) = ramp_up(ctx, &cal);
    let (now_left, now_label) = now(ctx, i, &cal);
    Timeline {
        slots: slots(ctx, &cal),
        ramp_width,
        ramp_label,
        now_left,
        now_label,
        phases: phases_table(ctx, &cal),
    }
}

/// Every month of the bar, each phase named on its first month.
fn slots(ctx: &Ctx, cal: &Calendar) -> Vec<Slot> {
    let lang = ctx.lang();
    (1..=cal.total)
        .map(|n| {
            let phase = life::phase_of_month(n);
            let first = n == 1 || life::phase_of_month(n - 1) != phase;
            Slot {
                n,
                phase: phase_class(phase),
                label: if first {
                    i18n::catalogue(lang).phase(phase).to_string()
                } else {
                    String::new()
                },
                dates: format!(
                    "{} – {}: {}",
                    i18n::catalogue(lang).date_short(cal.start_of(n)),
                    i18n::catalogue(lang).date_short(cal.last_of(n)),
                    i18n::catalogue(lang).phase_about(phase)
                ),
                state: match n.cmp(&cal.current) {
                    std::cmp::Ordering::Less => "past",
                    std::cmp::Ordering::Equal if !cal.ended => "current",
                    std::cmp::Ordering::Equal => "past",
                    std::cmp::Ordering::Greater => "future",
                },
            }
        })
        .collect()
}

/// How far ramp-up reaches on the bar, and its last day in words.
fn ramp_up(ctx: &Ctx, cal: &Calendar) -> (String, String) {
    let days = ctx.portfolio.settings.ramp_up_days;
    let ramp_last = life::ramp_up_last_day(cal.start, days);
    let width = ramp_last.map_or(0.0, |d| cal.position(d));
    let label = ramp_last.map_or(String::new(), |d| {
        format!(
            "{} {}",
            ctx.t().ramp_up_until,
            i18n::catalogue(ctx.lang()).date(d)
        )
    });
    (pct(width), label)
}

/// Where the report date falls and what it is called; an ended partnership
/// has no marker, only its end date.
fn now(ctx: &Ctx, i: usize, cal: &Calendar) -> (Option<String>, String) {
    let lang = ctx.lang();
    if cal.ended {
        let e = cal.end.unwrap_or(cal.start);
        return (
            None,
            format!("{} {}", ctx.t().ended_on, i18n::catalogue(lang).date(e)),
        );
    }
    let phase = ctx
        .partnership(i)
        .phase
        .map_or("", |p| i18n::catalogue(lang).phase(p));
    (
        Some(pct(cal.position(ctx.as_of()))),
        format!(
            "{}: {} {}, {}",
            ctx.t().now,
            ctx.t().month.to_lowercase(),
            cal.current,
            phase
        ),
    )
}

/// The phases of the bar's months with their dates, the current one marked.
fn phases_table(ctx: &Ctx, cal: &Calendar) -> Table {
    let lang = ctx.lang();
    let mut phases = Table::new("phases", ctx.t().timeline, ctx.download())
        .col(ctx.t().phase)
        .col(ctx.t().months)
        .col(ctx.t().from)
        .col(ctx.t().to);
    let mut n = 1;
    while n <= cal.total {
        let phase = life::phase_of_month(n);
        let mut last = n;
        while last < cal.total && life::phase_of_month(last + 1) == phase {
            last += 1;
        }
        let months = if last == n {
            n.to_string()
        } else {
            format!("{n}–{last}")
        };
        let open = cal.end.is_none() && last == cal.total && phase == Phase::Continuation;
        phases.row_with(
            vec![
                Cell::text(i18n::catalogue(lang).phase(phase)),
                Cell::text(if open { format!("{n}+") } else { months }),
                Cell::text(i18n::catalogue(lang).date_short(cal.start_of(n))),
                Cell::text(if open {
                    "…".to_string()
                } else {
                    i18n::catalogue(lang).date_short(cal.last_of(last))
                }),
            ],
            if (n..=last).contains(&cal.current) && !cal.ended {
                "current"
            } else {
                ""
            },
        );
        n = last + 1;
    }
    phases
}
