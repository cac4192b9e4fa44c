//! Repeat purchase: which customers each partnership acquired and whether
//! they came back within the window (docs/metrics.md; readings 6 and 7),
//! counted from the acquisitions [`super::customers`] reduced the orders to.

#[cfg(test)]
use std::collections::HashMap;

use chrono::NaiveDate;

use crate::model::Acquisition;
#[cfg(test)]
use crate::model::Order;

/// Eligible and repeating customers acquired by one partnership.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Repeat {
    /// Customers acquired at least `window` days before `as_of`.
    pub eligible: u64,
    /// Of those, customers with another order within the window.
    pub repeating: u64,
}

impl std::ops::AddAssign for Repeat {
    fn add_assign(&mut self, o: Repeat) {
        self.eligible += o.eligible;
        self.repeating += o.repeating;
    }
}

impl Repeat {
    /// repeating / eligible.
    pub(crate) fn rate(&self) -> Option<f64> {
        (self.eligible > 0).then(|| self.repeating as f64 / self.eligible as f64)
    }
}

/// Per partnership (by index), the customers it acquired to date that are
/// eligible, and of those the ones who came back within the window.
pub(crate) fn by_partnership(
    acquired: &[Acquisition],
    partnerships: usize,
    as_of: NaiveDate,
    window: u32,
) -> Vec<Repeat> {
    let mut out = vec![Repeat::default(); partnerships];
    for a in acquired {
        if (as_of - a.date).num_days() < i64::from(window) {
            continue;
        }
        let Some(r) = out.get_mut(a.partnership.index()) else {
            continue;
        };
        r.eligible += a.customers;
        if a.next.is_some_and(|n| n <= window) {
            r.repeating += a.customers;
        }
    }
    out
}

/// The customers acquired by a partnership, from every order of a client:
/// docs/metrics.md read as plainly as it is written, holding every order. The
/// build reduces orders as it reads them ([`crate::load::table::Ledger`]);
/// this is what its tests hold it to.
#[cfg(test)]
pub(crate) fn acquisitions(orders: &[Order], as_of: NaiveDate) -> Vec<Acquisition> {
    let mut by_customer: HashMap<&str, Vec<&Order>> = HashMap::new();
    for o in orders.iter().filter(|o| o.date <= as_of) {
        by_customer.entry(o.customer.as_str()).or_default().push(o);
    }
    let mut out = Vec::new();
    for list in by_customer.values() {
        let Some(first) = list
            .iter()
            .min_by(|a, b| a.instant.cmp(&b.instant).then(a.id.cmp(&b.id)))
        else {
            continue;
        };
        let Some(partnership) = first.partnership else {
            continue;
        };
        let next = list
            .iter()
            .filter(|o| !std::ptr::eq(**o, *first))
            .filter_map(|o| u32::try_from((o.date - first.date).num_days()).ok())
            .min();
        out.push(Acquisition {
            date: first.date,
            partnership,
            next,
            customers: 1,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The figure from every order, as docs/metrics.md reads.
    fn of(orders: &[Order], partnerships: usize, as_of: NaiveDate, window: u32) -> Vec<Repeat> {
        by_partnership(&acquisitions(orders, as_of), partnerships, as_of, window)
    }

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn order(id: &str, day: &str, customer: &str, p: Option<usize>) -> Order {
        let date = date(day);
        Order {
            id: id.into(),
            date,
            instant: date.and_hms_opt(0, 0, 0).unwrap().and_utc().timestamp(),
            customer: customer.into(),
            partnership: p.map(crate::model::PartnershipIx::new),
        }
    }

    #[test]
    fn the_window_includes_day_0_and_day_w() {
        let as_of = date("2026-12-31");
        let orders = vec![
            // a: acquired 01-01 by p0, again the same day (day 0): repeats.
            order("1", "2026-01-01", "a", Some(0)),
            order("2", "2026-01-01", "a", None),
            // b: acquired 01-01, again on day 90 (04-01): repeats.
            order("3", "2026-01-01", "b", Some(0)),
            order("4", "2026-04-01", "b", None),
            // c: acquired 01-01, again on day 91: does not repeat.
            order("5", "2026-01-01", "c", Some(0)),
            order("6", "2026-04-02", "c", Some(0)),
            // d: acquisition unattributed: in no group, even with a later
            // attributed order.
            order("7", "2026-01-01", "d", None),
            order("8", "2026-01-05", "d", Some(1)),
        ];
        let r = of(&orders, 2, as_of, 90);
        assert_eq!(
            r[0],
            Repeat {
                eligible: 3,
                repeating: 2
            }
        );
        assert_eq!(r[1], Repeat::default());
        assert_eq!(r[1].rate(), None);
    }

    #[test]
    fn eligibility_needs_the_whole_window_before_as_of() {
        // Acquired 90 days before as_of: eligible; 89 days: not yet.
        let orders = vec![
            order("1", "2026-01-01", "a", Some(0)),
            order("2", "2026-01-02", "b", Some(0)),
        ];
        let r = of(&orders, 1, date("2026-04-01"), 90);
        assert_eq!(r[0].eligible, 1);
        // Orders after as_of count nowhere: with as_of 01-01, b does not exist.
        let r = of(&orders, 1, date("2026-01-01"), 0);
        assert_eq!(
            r[0],
            Repeat {
                eligible: 1,
                repeating: 0
            }
        );
    }

    #[test]
    fn ties_on_the_acquisition_date_break_by_order_id() {
        // Same day: order "A1" < "a0" in byte order, so A1 (p1) acquired.
        let orders = vec![
            order("a0", "2026-01-01", "x", Some(0)),
            order("A1", "2026-01-01", "x", Some(1)),
        ];
        let r = of(&orders, 2, date("2026-12-31"), 90);
        assert_eq!((r[0].eligible, r[1].eligible, r[1].repeating), (0, 1, 1));
    }
}
