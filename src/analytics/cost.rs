//! What a partnership costs, month by month, in the client's currency.
//!
//! A retainer's fee is prorated by active day within each calendar month and
//! booked in that month; a one-off's fee is booked on its start; extra costs
//! on their dates (docs/metrics.md, "Cost of a partnership to date").

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::{Currency, Fx, Model, Month, Partnership};

/// The last active day of a retainer: the earlier of `end` and `as_of`.
pub(crate) fn last_active_day(p: &Partnership, as_of: NaiveDate) -> NaiveDate {
    p.end.map_or(as_of, |e| e.min(as_of))
}

/// A calendar month of a retainer's, and how much of it the retainer ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ActiveMonth {
    /// The month.
    pub month: Month,
    /// Days of it from the start to the last active day, both counted.
    pub days: i64,
    /// Days in the month.
    pub length: u32,
}

impl ActiveMonth {
    /// days / length: the share of the month's fee it books.
    pub(crate) fn share(&self) -> Decimal {
        Decimal::from(self.days) / Decimal::from(self.length)
    }
}

/// Active days of a retainer in each month, with the month's length.
pub(crate) fn active_days(p: &Partnership, as_of: NaiveDate) -> Vec<ActiveMonth> {
    let last = last_active_day(p, as_of);
    if last < p.start {
        return Vec::new();
    }
    Month::of(p.start)
        .through(Month::of(last))
        .map(|m| {
            let from = p.start.max(m.first_day());
            let to = last.min(m.last_day());
            ActiveMonth {
                month: m,
                days: (to - from).num_days() + 1,
                length: m.days(),
            }
        })
        .collect()
}

/// Prorated months of a retainer to date: the sum of active days / days in
/// month over its months.
pub(crate) fn prorated_months(p: &Partnership, as_of: NaiveDate) -> Decimal {
    active_days(p, as_of).iter().map(ActiveMonth::share).sum()
}

/// Convert with a rate the model has checked exists.
pub(crate) fn convert(
    fx: &Fx,
    amount: Decimal,
    from: Currency,
    to: Currency,
    month: Month,
) -> Decimal {
    fx.convert(amount, from, to, month)
        .expect("every rate booked was checked when the model was built")
}

/// One cost booked: month, amount in the client's currency, and what it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Booking {
    /// Month booked in.
    pub month: Month,
    /// Amount in the client's currency.
    pub amount: Decimal,
    /// `None` for the fee, the label (or "") for an extra cost.
    pub extra: Option<String>,
}

/// Every cost of a partnership booked to date, in the client's currency.
pub(crate) fn bookings(
    p: &Partnership,
    as_of: NaiveDate,
    fx: &Fx,
    currency: Currency,
) -> Vec<Booking> {
    let mut out = Vec::new();
    match p.model {
        Model::Retainer => {
            for a in active_days(p, as_of) {
                // Not fee x share(): a share like 17/31 would be rounded before
                // the product, and the amount could differ in its last digits.
                let amount = p.fee.value * Decimal::from(a.days) / Decimal::from(a.length);
                out.push(Booking {
                    month: a.month,
                    amount: convert(fx, amount, p.fee.currency, currency, a.month),
                    extra: None,
                });
            }
        }
        Model::OneOff => {
            let m = Month::of(p.start);
            out.push(Booking {
                month: m,
                amount: convert(fx, p.fee.value, p.fee.currency, currency, m),
                extra: None,
            });
        }
    }
    for c in p.extra_costs.iter().filter(|c| c.date <= as_of) {
        let m = Month::of(c.date);
        out.push(Booking {
            month: m,
            amount: convert(fx, c.amount.value, c.amount.currency, currency, m),
            extra: Some(c.label.clone().unwrap_or_default()),
        });
    }
    out
}

/// Partnerships for the tests of the analytics.
#[cfg(test)]
pub(crate) mod tests_support {
    use super::*;
    use crate::model::{Amount, Contract, Creator};

    /// A USD retainer with one market.
    pub(crate) fn retainer(start: &str, end: Option<&str>, fee: &str) -> Partnership {
        Partnership {
            id: crate::model::PartnershipId::new("p"),
            creator: Creator {
                name: "A".into(),
                names: Vec::new(),
                handle: None,
                platform: crate::model::Platform::Vk,
                followers: None,
            },
            market: crate::model::MarketIx::new(0),
            model: Model::Retainer,
            start: date(start),
            end: end.map(date),
            fee: Amount {
                value: d(fee),
                currency: Currency::parse("USD").unwrap(),
            },
            posts_per_month: None,
            contract: Contract::default(),
            extra_costs: Vec::new(),
            promo_codes: Vec::new(),
        }
    }

    /// A decimal from its text.
    pub(crate) fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    /// A date from `YYYY-MM-DD`.
    pub(crate) fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::tests_support::retainer;
    use super::*;
    use crate::model::{Amount, ExtraCost};

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }
    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn total(p: &Partnership, as_of: &str, fx: &Fx, cur: &str) -> Decimal {
        bookings(p, date(as_of), fx, Currency::parse(cur).unwrap())
            .iter()
            .map(|b| b.amount)
            .sum()
    }

    #[test]
    fn prorates_across_months_of_28_29_30_and_31_days() {
        let fx = Fx::default();
        // Feb 2026 (28 days), from the 15th: 14 days -> 2800 x 14/28 = 1400.
        let p = retainer("2026-02-15", None, "2800");
        assert_eq!(total(&p, "2026-02-28", &fx, "USD"), d("1400"));
        // Feb 2028 (29 days), whole month: 2900 x 29/29 = 2900; plus March
        // 1..10 of 31 days: 2900 x 10/31 = 935.48387...
        let p = retainer("2028-02-01", Some("2028-03-10"), "2900");
        let b = bookings(&p, date("2028-12-31"), &fx, Currency::parse("USD").unwrap());
        assert_eq!(b[0].amount, d("2900"));
        assert_eq!(b[1].amount.round_dp(5), d("935.48387"));
        // April (30 days) 21..30: 3000 x 10/30 = 1000.
        let p = retainer("2026-04-21", None, "3000");
        assert_eq!(total(&p, "2026-04-30", &fx, "USD"), d("1000"));
        // 3000 x 17/31 (Jan 15..31) = 1645.16129...
        let p = retainer("2026-01-15", None, "3000");
        assert_eq!(
            total(&p, "2026-01-31", &fx, "USD").round_dp(5),
            d("1645.16129")
        );
    }

    #[test]
    fn stops_at_the_earlier_of_end_and_as_of() {
        let fx = Fx::default();
        // 2026-03-01..03-10 active of 31 days: 3100 x 10/31 = 1000.
        let p = retainer("2026-03-01", Some("2026-12-31"), "3100");
        assert_eq!(total(&p, "2026-03-10", &fx, "USD"), d("1000"));
        // end 03-05 before as_of: 5 days -> 500.
        let p = retainer("2026-03-01", Some("2026-03-05"), "3100");
        assert_eq!(total(&p, "2026-06-30", &fx, "USD"), d("500"));
        // Prorated months: March 5/31 of a month.
        assert_eq!(prorated_months(&p, date("2026-06-30")), d("5") / d("31"));
    }

    #[test]
    fn books_one_offs_on_start_and_extra_costs_on_their_dates_converting_each() {
        let mut fx = Fx::default();
        let (rub, usd) = (
            Currency::parse("RUB").unwrap(),
            Currency::parse("USD").unwrap(),
        );
        fx.insert(rub, usd, Month::parse("2026-05").unwrap(), d("0.01"));
        fx.insert(rub, usd, Month::parse("2026-07").unwrap(), d("0.02"));
        let mut p = retainer("2026-06-10", None, "100000");
        p.model = Model::OneOff;
        p.fee.currency = rub;
        p.extra_costs = vec![
            ExtraCost {
                date: date("2026-05-20"),
                amount: Amount {
                    value: d("5000"),
                    currency: rub,
                },
                label: None,
            },
            ExtraCost {
                date: date("2026-07-02"),
                amount: Amount {
                    value: d("5000"),
                    currency: rub,
                },
                label: None,
            },
            ExtraCost {
                date: date("2026-09-01"),
                amount: Amount {
                    value: d("99"),
                    currency: usd,
                },
                label: None,
            },
        ];
        // Fee 100000 RUB in June at May's rate 0.01 = 1000; seeding 5000 x 0.01
        // = 50 in May; shipping 5000 x 0.02 = 100 in July; the September cost
        // is after as_of and does not count.
        let b = bookings(&p, date("2026-08-31"), &fx, usd);
        let got: Vec<(String, Decimal)> =
            b.iter().map(|b| (b.month.to_string(), b.amount)).collect();
        assert_eq!(
            got,
            [
                ("2026-06".into(), d("1000")),
                ("2026-05".into(), d("50")),
                ("2026-07".into(), d("100"))
            ]
        );
    }
}
