//! How sure: the paired lift by post number, each partnership compared with
//! itself, and its 95% bootstrap interval (docs/metrics.md, "How sure"; Precise
//! reading 26).
//!
//! The resamples are drawn with SplitMix64 exactly as the spec gives it, so
//! the interval is the same byte for byte on every machine, and anyone with
//! the spec can check it. Means are unweighted and exactly summed, as
//! Python's `math.fsum` sums.

use std::collections::BTreeMap;

use serde::Serialize;

use super::stats;

/// Resamples drawn for an interval.
const RESAMPLES: usize = 1000;

/// The fewest pairs an interval is drawn for; fewer are too few to tell.
pub(crate) const FEWEST_PAIRS: usize = 5;

/// The paired lift at one post number.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Default)]
pub struct Paired {
    /// Partnerships whose post 1 and post k both have a rate; null at k = 1.
    pub n_pairs: Option<usize>,
    /// Mean rate at k over the pairs / mean rate at 1 over them - 1.
    pub paired_lift: Option<f64>,
    /// The 0.025 quantile of the bootstrap statistics.
    pub lift_low: Option<f64>,
    /// The 0.975 quantile.
    pub lift_high: Option<f64>,
}

/// SplitMix64: the generator the spec names, arithmetic modulo 2^64.
#[derive(Debug, Clone)]
pub(crate) struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator seeded with `seed`.
    pub(crate) fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// The next output.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// An exact running sum whose total is the correctly rounded sum of what
/// was added, as Python's `math.fsum` gives it (Shewchuk's partials, then
/// CPython's rounding of the last two). Cleared and reused, it allocates
/// nothing per sum: the bootstrap sums two thousand times per post number.
#[derive(Debug, Default)]
pub(crate) struct Fsum {
    partials: Vec<f64>,
}

impl Fsum {
    /// Start again from 0.
    pub(crate) fn clear(&mut self) {
        self.partials.clear();
    }

    /// Add `x`.
    pub(crate) fn add(&mut self, mut x: f64) {
        let mut i = 0;
        for j in 0..self.partials.len() {
            let mut y = self.partials[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let lo = y - (hi - x);
            if lo != 0.0 {
                self.partials[i] = lo;
                i += 1;
            }
            x = hi;
        }
        self.partials.truncate(i);
        self.partials.push(x);
    }

    /// The sum, correctly rounded.
    pub(crate) fn total(&self) -> f64 {
        let partials = &self.partials;
        let Some(mut n) = partials.len().checked_sub(1) else {
            return 0.0;
        };
        let mut hi = partials[n];
        let mut lo = 0.0;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = partials[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
        hi
    }
}

/// The correctly rounded sum of `values`, as `math.fsum` gives it.
#[cfg(test)]
fn fsum(values: impl IntoIterator<Item = f64>) -> f64 {
    let mut sum = Fsum::default();
    for x in values {
        sum.add(x);
    }
    sum.total()
}

/// The two sums of a resample of pairs, kept between resamples.
#[derive(Default)]
struct Sums {
    first: Fsum,
    later: Fsum,
}

impl Sums {
    /// mean(at k) / mean(at 1) - 1 over `pairs` of (rate at 1, rate at k);
    /// `None` when there are none or the mean at 1 is 0.
    fn lift<'p>(&mut self, pairs: impl Iterator<Item = &'p (f64, f64)>) -> Option<f64> {
        self.first.clear();
        self.later.clear();
        let mut n = 0usize;
        for (a, b) in pairs {
            self.first.add(*a);
            self.later.add(*b);
            n += 1;
        }
        if n == 0 {
            return None;
        }
        let first = self.first.total() / n as f64;
        let later = self.later.total() / n as f64;
        (first != 0.0).then(|| later / first - 1.0)
    }
}

/// The paired lift at post number `k` from each partnership's rate at post
/// 1 (`first`) and at post k (`later`), keyed by partnership in id order.
pub(crate) fn paired(
    k: u32,
    first: Option<&BTreeMap<usize, f64>>,
    later: Option<&BTreeMap<usize, f64>>,
) -> Paired {
    if k < 2 {
        return Paired::default();
    }
    let pairs: Vec<(f64, f64)> = match (first, later) {
        (Some(first), Some(later)) => later
            .iter()
            .filter_map(|(p, at_k)| first.get(p).map(|at_1| (*at_1, *at_k)))
            .collect(),
        _ => Vec::new(),
    };
    let (low, high) = interval(k, &pairs);
    Paired {
        n_pairs: Some(pairs.len()),
        paired_lift: Sums::default().lift(pairs.iter()),
        lift_low: low,
        lift_high: high,
    }
}

/// The pairs as whole multiples of one power of two each side, when that
/// fits in 128 bits with room for the sums: then a resample's sums are
/// exact integer sums, rounded once, and so equal to `math.fsum`'s
/// correctly rounded sums, at a fraction of their cost.
struct Fixed {
    /// Each pair's rates in units of 2^`unit`.
    scaled: Vec<(i128, i128)>,
    /// The units' exponents, at post 1 and at post k.
    unit: (i32, i32),
}

impl Fixed {
    /// The pairs in fixed point, or `None` when some rate is not a finite
    /// number >= 0 or the rates span too many powers of two.
    fn of(pairs: &[(f64, f64)]) -> Option<Fixed> {
        let (first, later): (Vec<f64>, Vec<f64>) = pairs.iter().copied().unzip();
        let (a, ua) = Self::column(&first, pairs.len())?;
        let (b, ub) = Self::column(&later, pairs.len())?;
        Some(Fixed {
            scaled: a.into_iter().zip(b).collect(),
            unit: (ua, ub),
        })
    }

    /// One side: each value an integer times 2^unit, with headroom for the
    /// sum of `terms` of them.
    fn column(values: &[f64], terms: usize) -> Option<(Vec<i128>, i32)> {
        // (mantissa, exponent of its lowest bit) of each value.
        let parts: Vec<(u64, i32)> = values
            .iter()
            .map(|v| Self::parts(*v))
            .collect::<Option<_>>()?;
        let nonzero = parts.iter().filter(|(m, _)| *m != 0);
        let unit = nonzero.clone().map(|(_, e)| *e).min().unwrap_or(0);
        let top = nonzero.map(|(_, e)| e + 53).max().unwrap_or(0);
        let headroom = usize::BITS - terms.leading_zeros();
        // Keep clear of the subnormal range, where scaling back would round.
        if top - unit + i32::try_from(headroom).ok()? > 125 || unit < -1000 {
            return None;
        }
        let scaled = parts
            .iter()
            .map(|(m, e)| {
                if *m == 0 {
                    0
                } else {
                    i128::from(*m) << (e - unit)
                }
            })
            .collect();
        Some((scaled, unit))
    }

    /// A finite value >= 0 as mantissa x 2^exponent.
    fn parts(v: f64) -> Option<(u64, i32)> {
        if !v.is_finite() || v < 0.0 {
            return None;
        }
        if v == 0.0 {
            return Some((0, 0));
        }
        let bits = v.to_bits();
        let exp = ((bits >> 52) & 0x7ff) as i32;
        let frac = bits & ((1 << 52) - 1);
        Some(if exp == 0 {
            (frac, -1074)
        } else {
            (frac | (1 << 52), exp - 1075)
        })
    }

    /// The paired lift of a resample from its exact sums: each rounded once
    /// to the nearest double (`as` rounds ties to even), scaled back exactly.
    fn lift(&self, (first, later): (i128, i128), n: usize) -> Option<f64> {
        let sum = |s: i128, unit: i32| (s as f64) * 2f64.powi(unit);
        let first = sum(first, self.unit.0) / n as f64;
        let later = sum(later, self.unit.1) / n as f64;
        (first != 0.0).then(|| later / first - 1.0)
    }
}

/// The 95% bootstrap interval of the paired lift over `pairs`, with the
/// stream seeded with `k`; both `None` with fewer than 5 pairs, or when
/// every resample is dropped.
fn interval(k: u32, pairs: &[(f64, f64)]) -> (Option<f64>, Option<f64>) {
    let n = pairs.len();
    if n < FEWEST_PAIRS {
        return (None, None);
    }
    let mut rng = SplitMix64::new(u64::from(k));
    let mut stats = Vec::with_capacity(RESAMPLES);
    // Every draw is made, even for a resample that is then dropped.
    let mut draw = || (rng.next_u64() % n as u64) as usize;
    match Fixed::of(pairs) {
        Some(fixed) => {
            for _ in 0..RESAMPLES {
                let (mut first, mut later) = (0i128, 0i128);
                for _ in 0..n {
                    let (a, b) = fixed.scaled[draw()];
                    first += a;
                    later += b;
                }
                stats.extend(fixed.lift((first, later), n));
            }
        }
        None => {
            let mut sums = Sums::default();
            for _ in 0..RESAMPLES {
                let drawn: Vec<&(f64, f64)> = (0..n).map(|_| &pairs[draw()]).collect();
                stats.extend(sums.lift(drawn.into_iter()));
            }
        }
    }
    stats.sort_by(f64::total_cmp);
    (
        stats::quantile(&stats, 0.025),
        stats::quantile(&stats, 0.975),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_gives_the_specs_test_vector() {
        let mut rng = SplitMix64::new(0);
        assert_eq!(rng.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(rng.next_u64(), 0x6E78_9E6A_A1B9_65F4);
        assert_eq!(rng.next_u64(), 0x06C4_5D18_8009_454F);
    }

    #[test]
    fn fixed_point_sums_are_fsums() {
        // Rates as real data has them, and some far apart in size.
        let mut rng = SplitMix64::new(7);
        for round in 0..200 {
            let n = 5 + round % 30;
            let pairs: Vec<(f64, f64)> = (0..n)
                .map(|i| {
                    let r =
                        |rng: &mut SplitMix64| (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
                    let scale = if round % 7 == 0 && i == 0 { 1e-9 } else { 0.08 };
                    (r(&mut rng) * scale, r(&mut rng) * 0.1)
                })
                .collect();
            let fixed = Fixed::of(&pairs).unwrap();
            let (a, b) = fixed
                .scaled
                .iter()
                .fold((0i128, 0i128), |s, p| (s.0 + p.0, s.1 + p.1));
            let want = Sums::default().lift(pairs.iter());
            assert_eq!(fixed.lift((a, b), n), want, "round {round}");
        }
        // Out of range: a fallback, never a wrong sum.
        assert!(Fixed::of(&[(1e-300, 1.0), (1e300, 1.0)]).is_none());
        assert!(Fixed::of(&[(f64::NAN, 1.0)]).is_none());
    }

    #[test]
    fn fsum_is_exact_where_a_plain_sum_is_not() {
        assert_eq!(fsum([0.1; 10]), 1.0);
        assert_ne!([0.1; 10].iter().sum::<f64>(), 1.0);
        assert_eq!(fsum([1e100, 1.0, -1e100, 1e-100]), 1.0);
        assert_eq!(fsum([]), 0.0);
        assert_eq!(fsum([0.3, 0.2, 0.1]), 0.6);
    }

    fn rates(list: &[(usize, f64)]) -> BTreeMap<usize, f64> {
        list.iter().copied().collect()
    }

    #[test]
    fn pairs_each_partnership_with_itself() {
        // Partnership 0 has posts 1 and 3, partnership 1 only post 1 (no
        // pair), partnership 2 both. Means over the pairs: at 1 (0.02 +
        // 0.04) / 2 = 0.03, at 3 (0.03 + 0.06) / 2 = 0.045: lift 0.5.
        let first = rates(&[(0, 0.02), (1, 0.10), (2, 0.04)]);
        let third = rates(&[(0, 0.03), (2, 0.06)]);
        let got = paired(3, Some(&first), Some(&third));
        assert_eq!(got.n_pairs, Some(2));
        assert!((got.paired_lift.unwrap() - 0.5).abs() < 1e-12);
        // Too few pairs to tell.
        assert_eq!((got.lift_low, got.lift_high), (None, None));
        assert_eq!(paired(1, Some(&first), Some(&first)), Paired::default());
        let none = paired(2, Some(&first), None);
        assert_eq!((none.n_pairs, none.paired_lift), (Some(0), None));
    }

    /// The interval again, the plain way: each resample built in full,
    /// its means summed exactly by sorting into integers of 2^-80.
    fn straightforward(k: u32, pairs: &[(f64, f64)]) -> (f64, f64) {
        let exact_mean = |v: &[f64]| {
            let scaled: i128 = v.iter().map(|x| (x * 2f64.powi(80)) as i128).sum();
            scaled as f64 / 2f64.powi(80) / v.len() as f64
        };
        let mut state = u64::from(k);
        let mut next = || {
            state = state.wrapping_add(0x9E3779B97F4A7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58476D1CE4E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D049BB133111EB);
            z ^ (z >> 31)
        };
        let mut stats = Vec::new();
        for _ in 0..1000 {
            let sample: Vec<(f64, f64)> = (0..pairs.len())
                .map(|_| pairs[(next() % pairs.len() as u64) as usize])
                .collect();
            let a: Vec<f64> = sample.iter().map(|p| p.0).collect();
            let b: Vec<f64> = sample.iter().map(|p| p.1).collect();
            let m1 = exact_mean(&a);
            if m1 != 0.0 {
                stats.push(exact_mean(&b) / m1 - 1.0);
            }
        }
        stats.sort_by(f64::total_cmp);
        let q = |p: f64| {
            let h = (stats.len() - 1) as f64 * p;
            let lo = h.floor() as usize;
            let hi = (lo + 1).min(stats.len() - 1);
            stats[lo] + (h - lo as f64) * (stats[hi] - stats[lo])
        };
        (q(0.025), q(0.975))
    }

    #[test]
    fn the_interval_agrees_with_a_second_implementation() {
        // Rates that are multiples of 2^-20, so that both ways of summing
        // are exact and the two must agree to the last bit.
        let pairs: Vec<(f64, f64)> = [(31, 40), (25, 38), (40, 41), (18, 30), (22, 20), (35, 52)]
            .iter()
            .map(|&(a, b)| (f64::from(a) / 1024.0, f64::from(b) / 1024.0))
            .collect();
        let first: BTreeMap<usize, f64> = pairs.iter().enumerate().map(|(i, p)| (i, p.0)).collect();
        let later: BTreeMap<usize, f64> = pairs.iter().enumerate().map(|(i, p)| (i, p.1)).collect();
        let got = paired(2, Some(&first), Some(&later));
        let (low, high) = straightforward(2, &pairs);
        assert_eq!(got.lift_low, Some(low));
        assert_eq!(got.lift_high, Some(high));
        assert!(low < got.paired_lift.unwrap() && got.paired_lift.unwrap() < high);
    }
}
