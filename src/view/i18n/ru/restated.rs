//! The Russian words of a month restated since its report was sent
//! (docs/history.md): the notice its report opens with, its section's
//! lead, a restated figure and the reasons it moved. Counts agree with
//! their number through [`plural::ru`].

use crate::model::Month;
use crate::view::i18n::plural;

pub(super) fn notice(as_of: &str, first: &str, more: usize) -> String {
    let more = match more {
        0 => String::new(),
        n => format!(" и ещё {n}"),
    };
    format!("Пересчитано после архивации отчёта на {as_of}: {first}{more}.")
}

pub(super) fn lead(as_of: &str) -> String {
    format!(
        "Часть показателей месяца изменилась после архивации отчёта на {as_of}: данные за месяц пришли или были исправлены после отправки. Для каждого показателя — значение в отчёте, нынешнее значение и что его изменило."
    )
}

pub(super) fn figure(figure: &str, whose: Option<&str>, sent: &str, now: &str) -> String {
    match whose {
        Some(who) => format!("{who}: {figure} {sent} → {now}"),
        None => format!("{figure} {sent} → {now}"),
    }
}

pub(super) fn by_partnership(n: usize) -> String {
    let figures = plural::ru(n as u64, ["показатель", "показателя", "показателей"]);
    format!("По партнёрствам: {n} {figures}")
}

pub(super) fn rate_moved(from: &str, to: &str, sent: &str, now: &str) -> String {
    format!("курс {from}→{to} {sent} → {now}")
}

pub(super) fn inputs_moved(names: &str) -> String {
    format!("изменились данные: {names}")
}

pub(super) fn compares_restated(m: Month) -> String {
    // Mid-sentence, a Russian month is written in lower case.
    format!(
        "Показатели за {} пересчитаны после отправки отчёта; этот отчёт сравнивает с ними в нынешнем виде.",
        super::CATALOGUE.month(m).to_lowercase()
    )
}
