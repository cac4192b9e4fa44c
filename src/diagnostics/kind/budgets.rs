//! The wording of problems with the money plans of client.yaml and the
//! partnership files: `budgets` and `promo_codes` (load/files,
//! load/partnership).

use std::fmt;

use crate::diagnostics::shorten;

/// A problem with `budgets` or `promo_codes`.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "snake_case")]
pub enum BudgetProblem {
    /// A promo code that is not text.
    NotACode,
    /// `budgets` is not a mapping of periods to amounts.
    NotAMapping,
    /// A `budgets` key that is no year, quarter or month.
    NotAPeriod {
        /// The key as written.
        period: String,
    },
    /// A budget period given twice.
    Twice {
        /// The key.
        period: String,
    },
    /// A negative budget.
    Negative,
}

const PERIODS: &str = "write a period and its amount on each line: `2026: 250000` (a year), `2026-Q4: 70000` (a quarter) or `2026-11: 22000` (a month)";

impl BudgetProblem {
    /// The likely fix.
    pub fn help(&self) -> Option<String> {
        use BudgetProblem as P;
        Some(match self {
            P::NotACode => "write each code as text: `promo_codes: [ANNA15, ANNA-RU]`".into(),
            P::NotAMapping | P::NotAPeriod { .. } => PERIODS.into(),
            P::Twice { .. } => "keep one of the two".into(),
            P::Negative => "write the budget as a positive amount".into(),
        })
    }
}

impl fmt::Display for BudgetProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use BudgetProblem as P;
        match self {
            P::NotACode => f.write_str("a promo code must be text"),
            P::NotAMapping => f.write_str("`budgets` must map periods to amounts"),
            P::NotAPeriod { period } => write!(
                f,
                "budget period `{}` is no year, quarter or month",
                shorten(period)
            ),
            P::Twice { period } => write!(f, "budget period `{}` is given twice", shorten(period)),
            P::Negative => f.write_str("a budget cannot be negative"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_a_bad_budget_period() {
        let p = BudgetProblem::NotAPeriod {
            period: "2026-Q5".into(),
        };
        assert_eq!(
            p.to_string(),
            "budget period `2026-Q5` is no year, quarter or month"
        );
        assert!(p.help().unwrap().contains("`2026-Q4: 70000`"));
    }
}
