//! Currency conversion by month, as roster.yaml's `fx` table gives it.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use super::{Currency, Month};

/// Rates by pair and month: `1 FROM = rate TO`.
#[derive(Debug, Clone, Default)]
pub struct Fx {
    pairs: BTreeMap<(Currency, Currency), BTreeMap<Month, Decimal>>,
}

impl Fx {
    /// Add the rate of one pair in one month.
    pub fn insert(&mut self, from: Currency, to: Currency, month: Month, rate: Decimal) {
        self.pairs
            .entry((from, to))
            .or_default()
            .insert(month, rate);
    }

    /// The latest rate of the pair as given, at or before `month`.
    fn direct(&self, from: Currency, to: Currency, month: Month) -> Option<Decimal> {
        let rates = self.pairs.get(&(from, to))?;
        rates.range(..=month).next_back().map(|(_, r)| *r)
    }

    /// Convert `amount` of `from` into `to` at the rate of `month`: the pair
    /// as given first, else the reverse pair inverted; never a later month's
    /// rate, never through a third currency. `None` when no rate applies.
    pub fn convert(
        &self,
        amount: Decimal,
        from: Currency,
        to: Currency,
        month: Month,
    ) -> Option<Decimal> {
        if from == to {
            return Some(amount);
        }
        // Rates are read within a range that keeps both exact for any
        // amount roster reads; checked all the same, as a rate may be set
        // by other means than roster.yaml.
        if let Some(rate) = self.direct(from, to, month) {
            return amount.checked_mul(rate);
        }
        amount.checked_div(self.direct(to, from, month)?)
    }

    /// The rate `convert` uses for this pair and month, as `1 from = rate
    /// to`: the pair as given, else the reverse pair's inverted; `None`
    /// when none applies.
    pub fn rate(&self, from: Currency, to: Currency, month: Month) -> Option<Decimal> {
        if from == to {
            return Some(Decimal::ONE);
        }
        if let Some(rate) = self.direct(from, to, month) {
            return Some(rate);
        }
        Decimal::ONE.checked_div(self.direct(to, from, month)?)
    }

    /// Whether `convert` has a rate for this pair and month.
    pub fn can_convert(&self, from: Currency, to: Currency, month: Month) -> bool {
        self.convert(Decimal::ONE, from, to, month).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dec(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    fn m(s: &str) -> Month {
        Month::parse(s).unwrap()
    }

    fn c(s: &str) -> Currency {
        Currency::parse(s).unwrap()
    }

    fn table() -> Fx {
        let mut fx = Fx::default();
        fx.insert(c("RUB"), c("USD"), m("2026-05"), dec("0.0125"));
        fx.insert(c("RUB"), c("USD"), m("2026-07"), dec("0.01"));
        fx
    }

    #[test]
    fn uses_the_months_rate_or_the_latest_earlier() {
        let fx = table();
        // 1000 RUB x 0.0125 = 12.5 USD in May; June has no rate, so May's.
        assert_eq!(
            fx.convert(dec("1000"), c("RUB"), c("USD"), m("2026-05")),
            Some(dec("12.5"))
        );
        assert_eq!(
            fx.convert(dec("1000"), c("RUB"), c("USD"), m("2026-06")),
            Some(dec("12.5"))
        );
        // July: 1000 x 0.01 = 10.
        assert_eq!(
            fx.convert(dec("1000"), c("RUB"), c("USD"), m("2026-07")),
            Some(dec("10"))
        );
    }

    #[test]
    fn inverts_a_pair_given_the_other_way_round() {
        let fx = table();
        // 25 USD / 0.0125 = 2000 RUB.
        assert_eq!(
            fx.convert(dec("25"), c("USD"), c("RUB"), m("2026-06")),
            Some(dec("2000"))
        );
    }

    #[test]
    fn never_uses_a_later_rate() {
        let fx = table();
        assert_eq!(fx.convert(dec("1"), c("RUB"), c("USD"), m("2026-04")), None);
        assert!(!fx.can_convert(c("EUR"), c("USD"), m("2026-07")));
        assert_eq!(
            fx.convert(dec("7"), c("USD"), c("USD"), m("1990-01")),
            Some(dec("7"))
        );
    }
}
