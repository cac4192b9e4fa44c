//! Dates and date-times as spreadsheets and exports write them.
//!
//! Besides roster's own `YYYY-MM-DD` and RFC 3339, docs/your-data.md lists the forms
//! Excel, Google Sheets, Shopify and YouTube write: `YYYY-MM-DD HH:MM[:SS]`
//! with an optional offset, `DD.MM.YYYY`, slash dates in the order the
//! portfolio's `date_order` gives, and `Mon D, YYYY`. The date booked is the
//! date as written; the instant is that time less its offset, UTC where the
//! text has none. Slash dates are never guessed per file: a value that only
//! fits the other order is an error that says so.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime};

pub use crate::model::DateOrder;

/// Why a value is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotADate {
    /// It is no date in any form roster reads.
    Unreadable,
    /// A slash date that fits only the other `date_order`.
    OtherOrder(DateOrder),
}

/// A date or date-time in any of the forms of docs/your-data.md.
pub fn parse(s: &str, order: DateOrder) -> Result<Stamp, NotADate> {
    let s = s.trim();
    if let Some(stamp) = iso(s) {
        return Ok(stamp);
    }
    if s.contains('/') {
        return slash(s, order);
    }
    dotted(s).or_else(|| spelled(s)).ok_or(NotADate::Unreadable)
}

/// A local date and time, with the offset in seconds east of UTC.
fn stamp(date: NaiveDate, time: NaiveTime, offset: i64) -> Stamp {
    let instant = NaiveDateTime::new(date, time).and_utc().timestamp() - offset;
    Stamp {
        date,
        instant,
        offset: i32::try_from(offset).unwrap_or(0),
    }
}

/// `YYYY-MM-DD`, RFC 3339, or `YYYY-MM-DD[ T]HH:MM[:SS]` with an optional
/// offset after a space or straight after the time.
fn iso(s: &str) -> Option<Stamp> {
    if let Some(date) = iso_date(s) {
        return Some(stamp(date, NaiveTime::MIN, 0));
    }
    if let Ok(dt) = DateTime::parse_from_rfc3339(s) {
        return Some(Stamp {
            date: dt.date_naive(),
            instant: dt.timestamp(),
            offset: dt.offset().local_minus_utc(),
        });
    }
    let (date, rest) = match s.split_once([' ', 'T']) {
        Some((d, rest)) => (d, Some(rest.trim())),
        None => (s, None),
    };
    let date = iso_date(date).or_else(|| NaiveDate::parse_from_str(date, "%Y-%m-%d").ok())?;
    match rest {
        None => Some(stamp(date, NaiveTime::MIN, 0)),
        Some(rest) => {
            let (time, offset) = time_and_offset(rest)?;
            Some(stamp(date, time, offset))
        }
    }
}

/// `YYYY-MM-DD` exactly, read without chrono's format machinery: every row
/// of every file has a date, so this is a hot path of loading.
pub fn iso_date(s: &str) -> Option<NaiveDate> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(i32::try_from(num(0..4)?).ok()?, num(5..7)?, num(8..10)?)
}

/// `HH:MM[:SS]`, optionally `AM`/`PM`, then optionally an offset `+HHMM`,
/// `-HHMM`, `+HH:MM` or `Z`, with or without a space before it.
fn time_and_offset(s: &str) -> Option<(NaiveTime, i64)> {
    let cut = s.find(['+', '-', 'Z']).unwrap_or(s.len());
    let (time, offset) = s.split_at(cut);
    let offset = match offset {
        "" => 0,
        "Z" => 0,
        o => offset_seconds(o)?,
    };
    Some((clock(time.trim())?, offset))
}

/// `+HHMM`, `-HHMM` or `+HH:MM` in seconds east of UTC.
fn offset_seconds(o: &str) -> Option<i64> {
    let (sign, digits) = match o.as_bytes().first()? {
        b'+' => (1, &o[1..]),
        b'-' => (-1, &o[1..]),
        _ => return None,
    };
    let digits: String = digits.chars().filter(|c| *c != ':').collect();
    if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let hours: i64 = digits[..2].parse().ok()?;
    let minutes: i64 = digits[2..].parse().ok()?;
    (hours < 24 && minutes < 60).then_some(sign * (hours * 3600 + minutes * 60))
}

/// `HH:MM` or `HH:MM:SS` (fractions of a second dropped), with an optional
/// `AM`/`PM`, as Excel in English writes.
fn clock(s: &str) -> Option<NaiveTime> {
    let split = s
        .len()
        .checked_sub(2)
        .filter(|i| s.is_char_boundary(*i))
        .map(|i| s.split_at(i));
    let (s, meridiem) = match split {
        Some((t, m)) if m.eq_ignore_ascii_case("am") => (t.trim_end(), Some(0)),
        Some((t, m)) if m.eq_ignore_ascii_case("pm") => (t.trim_end(), Some(12)),
        _ => (s, None),
    };
    let mut parts = s.splitn(3, ':');
    let hour: u32 = parts.next()?.parse().ok()?;
    let minute: u32 = parts.next()?.parse().ok()?;
    let second: u32 = match parts.next() {
        None => 0,
        Some(sec) => sec.split('.').next()?.parse().ok()?,
    };
    let hour = match meridiem {
        None => hour,
        Some(_) if hour == 0 || hour > 12 => return None,
        Some(add) => hour % 12 + add,
    };
    NaiveTime::from_hms_opt(hour, minute, second)
}

/// A date with its optional time after a space.
fn with_time(s: &str, date: impl Fn(&str) -> Option<NaiveDate>) -> Option<Stamp> {
    let (d, time) = match s.split_once(' ') {
        Some((d, t)) => (d, clock(t.trim())?),
        None => (s, NaiveTime::MIN),
    };
    Some(stamp(date(d)?, time, 0))
}

/// Three numbers `a sep b sep c`, each of one to four digits.
fn triple(s: &str, sep: char) -> Option<(u32, u32, i32)> {
    let mut parts = s.split(sep);
    let digits = |p: &str| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit());
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || !digits(a) || !digits(b) || c.len() != 4 || !digits(c) {
        return None;
    }
    Some((a.parse().ok()?, b.parse().ok()?, c.parse().ok()?))
}

/// `DD.MM.YYYY`, optionally with a time.
fn dotted(s: &str) -> Option<Stamp> {
    with_time(s, |d| {
        let (day, month, year) = triple(d, '.')?;
        NaiveDate::from_ymd_opt(year, month, day)
    })
}

/// `M/D/YYYY` or `D/M/YYYY`, optionally with a time.
fn slash(s: &str, order: DateOrder) -> Result<Stamp, NotADate> {
    let read = |order: DateOrder| {
        with_time(s, |d| {
            let (a, b, year) = triple(d, '/')?;
            match order {
                DateOrder::Mdy => NaiveDate::from_ymd_opt(year, a, b),
                DateOrder::Dmy => NaiveDate::from_ymd_opt(year, b, a),
            }
        })
    };
    match read(order) {
        Some(stamp) => Ok(stamp),
        None if read(order.other()).is_some() => Err(NotADate::OtherOrder(order.other())),
        None => Err(NotADate::Unreadable),
    }
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// `Mon D, YYYY` with an English month, abbreviated (`Sep`, `Sept.`) or
/// in full (`September`), as YouTube Studio writes: three letters or more
/// of a month's name, not any word that starts alike.
fn spelled(s: &str) -> Option<Stamp> {
    let (month, rest) = s.split_once(' ')?;
    let (day, year) = rest.split_once(',')?;
    let month = month.trim_end_matches('.').to_ascii_lowercase();
    let number = MONTHS
        .iter()
        .position(|m| month.len() >= 3 && m.starts_with(&month))?;
    let day: u32 = day.trim().parse().ok()?;
    let year = year.trim();
    if year.len() != 4 {
        return None;
    }
    let date = NaiveDate::from_ymd_opt(year.parse().ok()?, number as u32 + 1, day)?;
    Some(stamp(date, NaiveTime::MIN, 0))
}

/// A date as written, with the instant it stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    /// The local date as written.
    pub date: NaiveDate,
    /// Seconds since the epoch, UTC; a bare date is 00:00 UTC.
    pub instant: i64,
    /// The offset written with it, in seconds east of UTC.
    pub offset: i32,
}

impl Stamp {
    /// The stamp in roster's own form: `YYYY-MM-DD` for midnight UTC,
    /// else RFC 3339 with the offset as written, which reads back as the
    /// same date and instant.
    pub fn rfc3339(&self) -> String {
        let local = chrono::DateTime::from_timestamp(self.instant + i64::from(self.offset), 0)
            .map_or_else(
                || self.date.and_time(chrono::NaiveTime::MIN),
                |t| t.naive_utc(),
            );
        if self.offset == 0 && local.time() == chrono::NaiveTime::MIN {
            return local.date().format("%Y-%m-%d").to_string();
        }
        let offset = if self.offset == 0 {
            "Z".to_string()
        } else {
            let (sign, o) = (if self.offset < 0 { '-' } else { '+' }, self.offset.abs());
            format!("{sign}{:02}:{:02}", o / 3600, o % 3600 / 60)
        };
        format!("{}{offset}", local.format("%Y-%m-%dT%H:%M:%S"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str, order: DateOrder) -> Option<NaiveDate> {
        parse(s, order).ok().map(|s| s.date)
    }

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    fn utc(s: &str) -> i64 {
        DateTime::parse_from_rfc3339(s).unwrap().timestamp()
    }

    #[test]
    fn reads_every_form_of_imports_md() {
        let mdy = DateOrder::Mdy;
        assert_eq!(date("2026-08-07", mdy), ymd(2026, 8, 7));
        assert_eq!(date("2026-08-06 14:30:00", mdy), ymd(2026, 8, 6));
        assert_eq!(date("2026-08-06 14:30", mdy), ymd(2026, 8, 6));
        assert_eq!(date("2026-08-07 10:15:30 -0400", mdy), ymd(2026, 8, 7));
        assert_eq!(date("18.08.2026", mdy), ymd(2026, 8, 18));
        assert_eq!(date("18.08.2026 09:05", mdy), ymd(2026, 8, 18));
        assert_eq!(date("8/7/2026", mdy), ymd(2026, 8, 7));
        assert_eq!(date("8/7/2026", DateOrder::Dmy), ymd(2026, 7, 8));
        assert_eq!(date("8/7/2026 2:30 PM", mdy), ymd(2026, 8, 7));
        assert_eq!(date("Sep 27, 2024", mdy), ymd(2024, 9, 27));
        assert_eq!(date("Sept. 27, 2024", mdy), ymd(2024, 9, 27));
        assert_eq!(date("September 27, 2024", mdy), ymd(2024, 9, 27));
    }

    #[test]
    fn books_the_date_as_written_and_the_instant_less_its_offset() {
        let shopify = parse("2026-05-12 12:54:07 -0700", DateOrder::Mdy).unwrap();
        assert_eq!(shopify.date, NaiveDate::from_ymd_opt(2026, 5, 12).unwrap());
        // 12:54:07 at -07:00 is 19:54:07 UTC.
        assert_eq!(shopify.instant, utc("2026-05-12T19:54:07Z"));
        let colon = parse("2026-05-12 12:54:07 +03:00", DateOrder::Mdy).unwrap();
        assert_eq!(colon.instant, utc("2026-05-12T09:54:07Z"));
        // No offset: UTC.
        let bare = parse("2026-05-12 12:54", DateOrder::Mdy).unwrap();
        assert_eq!(bare.instant, utc("2026-05-12T12:54:00Z"));
        let pm = parse("5/12/2026 12:05 AM", DateOrder::Mdy).unwrap();
        assert_eq!(pm.instant, utc("2026-05-12T00:05:00Z"));
        let rfc = parse("2026-10-07T01:30:00+03:00", DateOrder::Mdy).unwrap();
        assert_eq!(rfc.date, NaiveDate::from_ymd_opt(2026, 10, 7).unwrap());
        assert_eq!(rfc.instant, utc("2026-10-06T22:30:00Z"));
    }

    #[test]
    fn names_the_other_order_when_only_it_fits() {
        // 18/8/2026 has no 18th month: it fits only day first.
        assert_eq!(
            parse("18/8/2026", DateOrder::Mdy),
            Err(NotADate::OtherOrder(DateOrder::Dmy))
        );
        assert_eq!(
            parse("8/18/2026", DateOrder::Dmy),
            Err(NotADate::OtherOrder(DateOrder::Mdy))
        );
        // Fits neither.
        assert_eq!(
            parse("18/18/2026", DateOrder::Mdy),
            Err(NotADate::Unreadable)
        );
    }

    #[test]
    fn refuses_what_is_no_date() {
        for s in [
            "",
            "2026-02-30",
            "31.02.2026",
            "8/7/26",
            "Sep 31, 2024",
            "Sepx 3, 2024",
            "Ma 3, 2024",
            "Septembre 3, 2024",
            "2026-08-06 25:00",
            "2026-08-06 10:00 +2500",
            "8/7/2026 13:00 PM",
            "yesterday",
            "1.2.3",
            "12345",
        ] {
            assert_eq!(parse(s, DateOrder::Mdy), Err(NotADate::Unreadable), "{s:?}");
        }
    }
}
