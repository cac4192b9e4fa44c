//! What changed in a month already sent, in words (docs/history.md): the
//! figure a notice or a warning names first, as sent and now.

use crate::analytics::restated::{Figure, Restatement, Value};
use crate::model::{Currency, Language};
use crate::view::format;

/// A value as a report shows it: money to its minor unit, counts whole,
/// ROI and engagement rate as percentages, ROAS with a times sign; "n/a"
/// when undefined.
pub(crate) fn value(v: &Value, fig: Figure, currency: Currency, lang: Language) -> String {
    match (v, fig) {
        (Value::Money(Some(d)), _) => format::money_minor(*d, currency, lang),
        (Value::Count(n), _) => format::integer(i128::from(*n), lang),
        (Value::Ratio(Some(r)), Figure::Roas) => format::times(*r, lang),
        (Value::Ratio(Some(r)), _) => format::percent(*r, lang),
        (Value::Money(None) | Value::Ratio(None), _) => format::undefined(lang).to_string(),
    }
}

/// "revenue $31,717.24 -> $32,717.24": a restated figure in English, for
/// the warning of `check`.
pub(crate) fn in_words(r: &Restatement, currency: Currency) -> String {
    let lang = Language::En;
    let whose = match &r.partnership {
        Some(id) => format!("{id}'s "),
        None => String::new(),
    };
    format!(
        "{whose}{} {} -> {}",
        r.figure.name().replace('_', " "),
        value(&r.sent, r.figure, currency, lang),
        value(&r.now, r.figure, currency, lang)
    )
    .replace('\u{a0}', " ")
}
