//! The English words of a month restated since its report was sent
//! (docs/history.md): the notice its report opens with, its section's
//! lead, a restated figure and the reasons it moved.

use crate::model::Month;
use crate::view::i18n::plural;

pub(super) fn notice(as_of: &str, first: &str, more: usize) -> String {
    let more = match more {
        0 => String::new(),
        n => format!(" and {n} more"),
    };
    format!("Restated since this report was archived as of {as_of}: {first}{more}.")
}

pub(super) fn lead(as_of: &str) -> String {
    format!(
        "Some of this month's figures have changed since this report was archived as of {as_of}: data for the month arrived or was corrected after it was sent. Each figure is shown as sent and as it is now, with what moved it."
    )
}

pub(super) fn figure(figure: &str, whose: Option<&str>, sent: &str, now: &str) -> String {
    match whose {
        Some(who) => format!("{who}: {figure} {sent} → {now}"),
        None => format!("{figure} {sent} → {now}"),
    }
}

pub(super) fn by_partnership(n: usize) -> String {
    let figures = plural::en(&n.to_string(), ["figure", "figures"]);
    format!("By partnership: {n} {figures}")
}

pub(super) fn rate_moved(from: &str, to: &str, sent: &str, now: &str) -> String {
    format!("{from}→{to} rate {sent} → {now}")
}

pub(super) fn inputs_moved(names: &str) -> String {
    format!("inputs of {names} moved")
}

pub(super) fn compares_restated(m: Month) -> String {
    format!(
        "{} has been restated since its report was sent; this report compares with its figures as they are now.",
        super::CATALOGUE.month(m)
    )
}
