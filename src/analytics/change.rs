//! Month against month: the change in each figure a monthly report shows.
//!
//! A change is undefined when either side is (docs/metrics.md, "Months": a report
//! compares M with M-1); a relative change is also undefined from 0.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

/// `now - before` of two amounts, when both are defined.
pub(crate) fn money(now: Option<Decimal>, before: Option<Decimal>) -> Option<Decimal> {
    Some(now? - before?)
}

/// `now - before` of two ratios (in fractions), when both are defined.
pub(crate) fn ratio(now: Option<f64>, before: Option<f64>) -> Option<f64> {
    Some(now? - before?)
}

/// `now - before` of two counts, signed.
pub(crate) fn count(now: u64, before: u64) -> i128 {
    i128::from(now) - i128::from(before)
}

/// `now / before - 1`, undefined when `before` is 0 or either is undefined,
/// or when `before` is so small beside `now` that the quotient is past
/// exact arithmetic.
pub(crate) fn relative(now: Option<Decimal>, before: Option<Decimal>) -> Option<f64> {
    let (now, before) = (now?, before?);
    now.checked_div(before)?.checked_sub(Decimal::ONE)?.to_f64()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Decimal> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn changes_need_both_sides() {
        // 1500 - 1200 = 300; 1500 / 1200 - 1 = 0.25.
        assert_eq!(money(d("1500"), d("1200")), d("300"));
        assert_eq!(relative(d("1500"), d("1200")), Some(0.25));
        assert_eq!(money(None, d("1")), None);
        assert_eq!(relative(d("5"), d("0")), None);
        assert_eq!(ratio(Some(0.5), None), None);
        assert_eq!(count(3, 5), -2);
    }
}
