//! The Russian words of the compounding figures: the verdict, retainers
//! against one-offs, and a partnership's month against its model's.
//! Counts stand after a colon or take their form by [`plural::ru`].

use crate::analytics::compounding::Engagement;
use std::cmp::Ordering;

use crate::view::i18n::{OwnMonth, Ratio, Verdict, Versus, more_or_less, plural};

fn partnerships(n: usize) -> String {
    let n = n as u64;
    format!(
        "{n} {}",
        plural::ru(n, ["партнёрство", "партнёрства", "партнёрств"])
    )
}

pub(super) fn verdict(v: Verdict) -> String {
    match v {
        Verdict::Decided {
            engagement,
            k,
            lift,
            interval: (low, high),
            n,
        } => {
            let (higher, size) = more_or_less(lift, "выше", "ниже");
            let n = partnerships(n);
            match engagement {
                Engagement::Rising => format!(
                    "Ретейнеры накапливают эффект: к публикации {k} вовлечённость тех же авторов на {size} выше, чем на первой (с уверенностью 95%: от {low} до {high}; {n})."
                ),
                Engagement::Falling => format!(
                    "Ретейнеры не накапливают эффект: к публикации {k} вовлечённость тех же авторов на {size} ниже, чем на первой (с уверенностью 95%: от {low} до {high}; {n})."
                ),
                _ => format!(
                    "Пока неясно, накапливают ли ретейнеры эффект: к публикации {k} вовлечённость тех же авторов на {size} {higher}, чем на первой, но 95% интервал, от {low} до {high}, допускает и отсутствие изменений ({n})."
                ),
            }
        }
        Verdict::TooEarly { pairs } if pairs >= 5 => "Судить, накапливают ли ретейнеры эффект, пока рано: у первых публикаций не было вовлечённости, с которой можно сравнить.".to_string(),
        Verdict::TooEarly { pairs } => format!(
            "Судить, накапливают ли ретейнеры эффект, пока рано: публикация 3 есть лишь у {pairs} из 5 нужных партнёрств."
        ),
    }
}

/// "в 3 раза", "в 5 раз", "в 3,1 раза".
fn times(x: &str) -> String {
    let plain = x.replace(',', ".");
    let form = plural::ru_written(&plain, ["раз", "раза", "раз", "раза"]);
    format!("в {x} {form}")
}

pub(super) fn against_one_offs(cpa: Option<Ratio>, repeat: Option<Ratio>) -> String {
    let cost = cpa.map(|r| match r {
        Ratio::Less(x) => format!("обходятся на {x} дешевле"),
        Ratio::More(x) => format!("обходятся на {x} дороже"),
        Ratio::Times(x) => format!("обходятся {} дороже", times(x)),
        Ratio::Same => "обходятся так же".to_string(),
    });
    let back = repeat.map(|r| match r {
        Ratio::Less(x) => format!("возвращаются на {x} реже"),
        Ratio::More(x) => format!("возвращаются на {x} чаще"),
        Ratio::Times(x) => format!("возвращаются {} чаще", times(x)),
        Ratio::Same => "возвращаются так же часто".to_string(),
    });
    let both: Vec<String> = cost.into_iter().chain(back).collect();
    format!(
        "Клиенты ретейнеров {}, чем клиенты разовых интеграций.",
        both.join(" и ")
    )
}

pub(super) fn tenure_desc(first: (&str, usize), later: Option<(u32, &str, usize)>) -> String {
    let (roi, n) = first;
    let mut s = format!(
        "ROI ретейнеров в первый месяц: {roi} ({}).",
        partnerships(n)
    );
    if let Some((k, roi, n)) = later {
        s.push_str(&format!(" В месяце {k}: {roi} ({}).", partnerships(n)));
    }
    s
}

pub(super) fn own_month(m: &OwnMonth) -> String {
    let OwnMonth { k, roi, .. } = *m;
    if m.one_off {
        let theirs = m.model_roi.map_or_else(
            || "других разовых для сравнения нет".to_string(),
            |r| format!("ROI разовых: {r}"),
        );
        return format!("Вся его жизнь — месяц 1: ROI {roi}; {theirs}.");
    }
    let own = match m.in_progress {
        true => format!("Месяц {k} (идёт): ROI пока {roi}"),
        false => format!("Месяц {k}: ROI {roi}"),
    };
    match m.model_roi {
        Some(r) => format!("{own}; у ретейнеров в месяце {k}: {r}."),
        None => format!("{own}; месяц {k} пока не завершил ни один ретейнер."),
    }
}

pub(super) fn roi_to_date(roi: Versus) -> String {
    match roi {
        Versus::Undefined => "ROI на сегодня пока нельзя вычислить: затрат ещё не было.".to_string(),
        Versus::Plain(x) => format!("ROI на сегодня — {x}."),
        Versus::Target(x, t, o) => {
            let side = match o {
                Ordering::Greater => "выше цели",
                Ordering::Less => "ниже цели",
                Ordering::Equal => "на уровне цели",
            };
            format!("ROI на сегодня — {x}, {side} в {t}.")
        }
    }
}

pub(super) fn since(change: &str, date: &str) -> String {
    format!("{change} с {date}")
}

pub(super) fn budget_status(share: &str, period: &str, over: Option<&str>) -> String {
    let spent = format!("Потрачено {share} бюджета на {period}");
    match over {
        Some(x) => format!("{spent}; к концу периода — перерасход {x}"),
        None => spent,
    }
}

pub(super) fn more(n: usize) -> String {
    format!("ещё {n}")
}
