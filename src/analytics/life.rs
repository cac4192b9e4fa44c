//! A partnership's life: its month, phase, ramp-up and the recommendation.
//!
//! docs/metrics.md, "Partnership life", with readings 13, 14 and 20.

use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use serde::Serialize;

use super::totals::cmp_product;
use crate::model::{Model, Partnership};

/// The phase of a retainer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Month 1: relationship building.
    Build,
    /// Months 2-4.
    Optimize,
    /// Months 5-6.
    Scale,
    /// Month 7 on.
    Continuation,
    /// `end` is before `as_of`.
    Ended,
}

/// What to do with a retainer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Recommendation {
    /// It has ended.
    Ended,
    /// Still in ramp-up.
    TooEarly,
    /// Before month 6 with no end near.
    InProgress,
    /// Meets its targets.
    Extend,
    /// Below target and declining.
    MoveOn,
    /// Anything else.
    Review,
}

impl Recommendation {
    /// The number of the rule of docs/metrics.md that gives it (1 to 6): each
    /// rule gives one recommendation, so the two are one fact.
    pub fn rule(self) -> u8 {
        match self {
            Recommendation::Ended => 1,
            Recommendation::TooEarly => 2,
            Recommendation::InProgress => 3,
            Recommendation::Extend => 4,
            Recommendation::MoveOn => 5,
            Recommendation::Review => 6,
        }
    }
}

/// The n-th monthly anniversary of `start`, on the month's last day when the
/// month lacks the day.
fn anniversary(start: NaiveDate, n: u32) -> Option<NaiveDate> {
    start.checked_add_months(Months::new(n))
}

/// The first day of partnership month `n` (1 is `start`), for the timeline.
pub(crate) fn month_start(start: NaiveDate, n: u32) -> Option<NaiveDate> {
    anniversary(start, n.checked_sub(1)?)
}

/// The last day of ramp-up (`start` is day 1); `None` when there is none.
pub(crate) fn ramp_up_last_day(start: NaiveDate, ramp_up_days: u32) -> Option<NaiveDate> {
    start.checked_add_days(chrono::Days::new(u64::from(ramp_up_days.checked_sub(1)?)))
}

/// The partnership month of `date`: 1 from `start` to the day before the
/// first anniversary, and so on.
pub(crate) fn partnership_month(start: NaiveDate, date: NaiveDate) -> u32 {
    if date < start {
        return 1;
    }
    let span = (date.year_month_index() - start.year_month_index()).max(0) as u32;
    let mut n = span;
    while n > 0 && anniversary(start, n).is_none_or(|a| a > date) {
        n -= 1;
    }
    n + 1
}

trait YearMonthIndex {
    fn year_month_index(&self) -> i64;
}

impl YearMonthIndex for NaiveDate {
    fn year_month_index(&self) -> i64 {
        use chrono::Datelike;
        i64::from(self.year()) * 12 + i64::from(self.month0())
    }
}

/// The current month: the month of the earlier of `as_of` and `end`; 1 for
/// one-offs.
pub(crate) fn current_month(p: &Partnership, as_of: NaiveDate) -> u32 {
    match p.model {
        Model::OneOff => 1,
        Model::Retainer => partnership_month(p.start, p.end.map_or(as_of, |e| e.min(as_of))),
    }
}

/// The phase of a retainer; `None` for one-offs.
pub(crate) fn phase(p: &Partnership, as_of: NaiveDate) -> Option<Phase> {
    if p.model == Model::OneOff {
        return None;
    }
    if p.end.is_some_and(|e| e < as_of) {
        return Some(Phase::Ended);
    }
    Some(phase_of_month(current_month(p, as_of)))
}

/// The phase a retainer is in during its partnership month `n`.
pub(crate) fn phase_of_month(n: u32) -> Phase {
    match n {
        0 | 1 => Phase::Build,
        2..=4 => Phase::Optimize,
        5 | 6 => Phase::Scale,
        _ => Phase::Continuation,
    }
}

/// Whether `as_of` is within the first `ramp_up_days` (start is day 1).
pub(crate) fn in_ramp_up(start: NaiveDate, as_of: NaiveDate, ramp_up_days: u32) -> bool {
    (as_of - start).num_days() < i64::from(ramp_up_days)
}

/// Whether `date` falls within ramp-up of a partnership starting on `start`.
pub(crate) fn is_ramp_up_date(start: NaiveDate, date: NaiveDate, ramp_up_days: u32) -> bool {
    date >= start && in_ramp_up(start, date, ramp_up_days)
}

/// Whether ROI meets the target ROI (0 when unset), compared exactly
/// without dividing: ROI >= t  <=>  revenue - cost >= t x cost when cost > 0;
/// an undefined ROI (cost 0) meets nothing.
pub(crate) fn roi_meets(revenue: Decimal, cost: Decimal, target: Option<Decimal>) -> bool {
    let target = target.unwrap_or(Decimal::ZERO);
    cost > Decimal::ZERO && cmp_product(revenue - cost, target, cost).is_ge()
}

/// Whether CPA meets the target CPA: always without a target, never when
/// CPA is undefined (no conversions).
pub(crate) fn cpa_meets(cost: Decimal, conversions: u64, target: Option<Decimal>) -> bool {
    match target {
        None => true,
        Some(t) => conversions > 0 && cmp_product(cost, t, Decimal::from(conversions)).is_le(),
    }
}

/// What the recommendation rules read.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Judged {
    /// Revenue to date.
    pub revenue: Decimal,
    /// Cost to date.
    pub cost: Decimal,
    /// Conversions to date.
    pub conversions: u64,
    /// Engagement trend, when defined.
    pub trend: Option<f64>,
}

/// The recommendation of docs/metrics.md for a retainer, in rule order; `None`
/// for one-offs.
pub(crate) fn recommend(
    p: &Partnership,
    as_of: NaiveDate,
    ramp_up_days: u32,
    target_roi: Option<Decimal>,
    target_cpa: Option<Decimal>,
    f: Judged,
) -> Option<Recommendation> {
    if p.model == Model::OneOff {
        return None;
    }
    if p.end.is_some_and(|e| e < as_of) {
        return Some(Recommendation::Ended);
    }
    if in_ramp_up(p.start, as_of, ramp_up_days) {
        return Some(Recommendation::TooEarly);
    }
    let end_near = p
        .end
        .is_some_and(|e| (0..=30).contains(&(e - as_of).num_days()));
    if current_month(p, as_of) < 6 && !end_near {
        return Some(Recommendation::InProgress);
    }
    let roi_met = roi_meets(f.revenue, f.cost, target_roi);
    let roi_below = f.cost > Decimal::ZERO && !roi_met;
    let cpa_met = cpa_meets(f.cost, f.conversions, target_cpa);
    if roi_met && cpa_met && f.trend.is_none_or(|t| t >= 0.0) {
        return Some(Recommendation::Extend);
    }
    if roi_below && f.trend.is_some_and(|t| t < 0.0) {
        return Some(Recommendation::MoveOn);
    }
    Some(Recommendation::Review)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analytics::cost::tests_support::retainer;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn counts_partnership_months_from_anniversaries() {
        let s = date("2026-03-10");
        // 03-10..04-09 is month 1, 04-10 starts month 2.
        assert_eq!(partnership_month(s, date("2026-03-10")), 1);
        assert_eq!(partnership_month(s, date("2026-04-09")), 1);
        assert_eq!(partnership_month(s, date("2026-04-10")), 2);
        assert_eq!(partnership_month(s, date("2027-03-10")), 13);
    }

    #[test]
    fn clamps_an_anniversary_on_a_missing_day() {
        // Start on Jan 31: the first anniversary falls on Feb 28 (2026), the
        // second on Mar 31, the third on Apr 30.
        let s = date("2026-01-31");
        assert_eq!(partnership_month(s, date("2026-02-27")), 1);
        assert_eq!(partnership_month(s, date("2026-02-28")), 2);
        assert_eq!(partnership_month(s, date("2026-03-30")), 2);
        assert_eq!(partnership_month(s, date("2026-03-31")), 3);
        assert_eq!(partnership_month(s, date("2026-04-29")), 3);
        assert_eq!(partnership_month(s, date("2026-04-30")), 4);
        // In a leap year, Feb 29.
        assert_eq!(partnership_month(date("2028-01-31"), date("2028-02-29")), 2);
    }

    #[test]
    fn knows_where_months_and_ramp_up_end() {
        // Month 2 of a Jan 31 start begins on Feb 28; 42 days from Jan 1 end
        // on Feb 11 (Jan 1 + 41 days).
        let s = date("2026-01-31");
        assert_eq!(month_start(s, 1), Some(s));
        assert_eq!(month_start(s, 2), Some(date("2026-02-28")));
        assert_eq!(month_start(s, 0), None);
        assert_eq!(
            ramp_up_last_day(date("2026-01-01"), 42),
            Some(date("2026-02-11"))
        );
        assert_eq!(ramp_up_last_day(s, 0), None);
    }

    #[test]
    fn phases_follow_the_month() {
        let as_of = date("2026-10-31");
        let cases = [
            ("2026-10-15", None, Some(Phase::Build)),        // month 1
            ("2026-09-01", None, Some(Phase::Optimize)),     // month 2
            ("2026-07-01", None, Some(Phase::Optimize)),     // month 4
            ("2026-06-01", None, Some(Phase::Scale)),        // month 5
            ("2026-05-01", None, Some(Phase::Scale)),        // month 6
            ("2026-04-01", None, Some(Phase::Continuation)), // month 7
            ("2026-01-01", Some("2026-10-30"), Some(Phase::Ended)),
            ("2026-01-01", Some("2026-10-31"), Some(Phase::Continuation)),
        ];
        for (start, end, want) in cases {
            let p = retainer(start, end, "1");
            assert_eq!(phase(&p, as_of), want, "{start}");
        }
    }

    #[test]
    fn ramp_up_ends_after_day_42() {
        // start is day 1: as_of - start = 41 is day 42, still in ramp-up.
        let s = date("2026-01-01");
        assert!(in_ramp_up(s, date("2026-02-11"), 42)); // 41 days
        assert!(!in_ramp_up(s, date("2026-02-12"), 42)); // 42 days
    }

    fn judge(
        start: &str,
        end: Option<&str>,
        as_of: &str,
        roi: (&str, &str),
        trend: Option<f64>,
    ) -> Recommendation {
        let p = retainer(start, end, "1");
        let f = Judged {
            cost: d(roi.0),
            revenue: d(roi.1),
            conversions: 10,
            trend,
        };
        recommend(&p, date(as_of), 42, Some(d("0.5")), None, f).unwrap()
    }

    #[test]
    fn each_recommendation_is_given_by_its_rule() {
        use Recommendation::*;
        let all = [Ended, TooEarly, InProgress, Extend, MoveOn, Review];
        assert_eq!(all.map(Recommendation::rule), [1, 2, 3, 4, 5, 6]);
    }

    #[test]
    fn recommends_in_rule_order() {
        use Recommendation::*;
        // Rule 1: ended the day before as_of.
        assert_eq!(
            judge(
                "2026-01-01",
                Some("2026-09-29"),
                "2026-09-30",
                ("1", "9"),
                None
            ),
            Ended
        );
        // Rule 2: day 41 vs 42 after start.
        assert_eq!(
            judge("2026-01-01", None, "2026-02-11", ("1", "9"), None),
            TooEarly
        );
        assert_eq!(
            judge("2026-01-01", None, "2026-02-12", ("1", "9"), None),
            InProgress
        );
        // Rule 3 gives way when end is exactly 30 days out, not 31.
        assert_eq!(
            judge(
                "2026-01-01",
                Some("2026-04-01"),
                "2026-03-02",
                ("100", "150"),
                None
            ),
            Extend
        );
        assert_eq!(
            judge(
                "2026-01-01",
                Some("2026-04-02"),
                "2026-03-02",
                ("100", "150"),
                None
            ),
            InProgress
        );
        // Month 6 and later: ROI 0.5 meets a 0.5 target exactly.
        assert_eq!(
            judge("2026-01-01", None, "2026-06-01", ("100", "150"), Some(0.0)),
            Extend
        );
        // Just below target with a falling trend: move on; without: review.
        assert_eq!(
            judge(
                "2026-01-01",
                None,
                "2026-06-01",
                ("100", "149.99"),
                Some(-0.001)
            ),
            MoveOn
        );
        assert_eq!(
            judge("2026-01-01", None, "2026-06-01", ("100", "149.99"), None),
            Review
        );
        // Met ROI but falling engagement: review.
        assert_eq!(
            judge(
                "2026-01-01",
                None,
                "2026-06-01",
                ("100", "300"),
                Some(-0.001)
            ),
            Review
        );
        // Cost 0: ROI undefined meets no comparison.
        assert_eq!(
            judge("2026-01-01", None, "2026-06-01", ("0", "300"), Some(-1.0)),
            Review
        );
    }

    #[test]
    fn a_cpa_target_must_be_met() {
        let p = retainer("2026-01-01", None, "1");
        let as_of = date("2026-08-01");
        // cost 200 / 10 conversions = CPA 20: meets 20 exactly, fails 19.99.
        let f = Judged {
            cost: d("200"),
            revenue: d("1000"),
            conversions: 10,
            trend: None,
        };
        let r = |cpa: &str| recommend(&p, as_of, 42, None, Some(d(cpa)), f).unwrap();
        assert_eq!(r("20"), Recommendation::Extend);
        assert_eq!(r("19.99"), Recommendation::Review);
        // No conversions: CPA undefined fails the target.
        let f0 = Judged {
            conversions: 0,
            ..f
        };
        assert_eq!(
            recommend(&p, as_of, 42, None, Some(d("20")), f0).unwrap(),
            Recommendation::Review
        );
    }
}
