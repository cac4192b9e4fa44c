//! How a [`View`] makes a row of a file one of roster's: which rows it
//! keeps, and each cell from the file's columns.

use super::{DateOrder, DecimalMark, Rules, Source, State, Translated, View, customers};
use crate::diagnostics::kind::CsvProblem;
use crate::load::table::records::Cell;
use crate::load::values::{dates, numbers};

impl View<'_> {
    /// The highest field of the file the view reads, plus one.
    pub(crate) fn width(&self) -> usize {
        self.sources
            .iter()
            .map(|s| s.field() + 1)
            .max()
            .unwrap_or(0)
    }

    /// Whether the view hashes the customers it reads (a shop's preset):
    /// its rows' customers are ids already.
    pub(crate) fn hashes_customers(&self) -> bool {
        self.sources
            .iter()
            .any(|s| matches!(s, Source::Personal(_)))
    }

    /// The field of the file with the row's id.
    pub(crate) fn id_field(&self) -> Option<usize> {
        let id = self
            .header
            .iter()
            .position(|h| h == "post_id" || h == "order_id")?;
        Some(self.sources[id].field())
    }

    /// Translate one row; `None` when it is left out. A cell it cannot make
    /// roster's is a problem in `errors`, and empty in the row. `cell(i)` is
    /// the place of the file's field `i`.
    pub(crate) fn translate(
        &self,
        record: &csv::StringRecord,
        cell: &dyn Fn(usize) -> Cell,
        errors: &mut Vec<(Cell, CsvProblem)>,
        state: &mut State,
    ) -> Option<Translated> {
        let text = |i: usize| record.get(i).map(str::trim).filter(|s| !s.is_empty());
        if !self.keeps(&text, state) {
            return None;
        }
        let mut out = csv::StringRecord::new();
        let mut fields = Vec::with_capacity(self.sources.len());
        for (c, source) in self.sources.iter().enumerate() {
            let value = self.value((&self.header[c], source), &text, cell, errors, state);
            let value = match (self.values.get(c).copied().flatten(), value) {
                (Some(map), Some(v)) => Some(map.get(&v).cloned().unwrap_or(v)),
                (_, v) => v,
            };
            out.push_field(value.as_deref().unwrap_or(""));
            fields.push(u32::try_from(source.field()).unwrap_or(u32::MAX));
        }
        Some(Translated {
            record: out,
            fields,
        })
    }

    /// Whether a row is a record: not a line item after its order's first
    /// row, not an order left out, not YouTube's total.
    fn keeps<'r>(&self, text: &dyn Fn(usize) -> Option<&'r str>, state: &mut State) -> bool {
        let status = |i: Option<usize>| i.and_then(text).map(str::to_lowercase);
        match self.rules {
            Rules::Keep => true,
            Rules::Shopify {
                name,
                status: s,
                cancelled,
            } => {
                let Some(order) = text(name) else {
                    return true;
                };
                if !state.seen.insert(order.to_string()) {
                    state.folded += 1;
                    return false;
                }
                let gone = matches!(status(s).as_deref(), Some("refunded" | "voided"))
                    || cancelled.and_then(text).is_some();
                state.left_out += usize::from(gone);
                !gone
            }
            Rules::Woo {
                status: s,
                net,
                items,
            } => {
                let by_status = matches!(
                    status(s).as_deref().map(|s| s.trim_start_matches("wc-")),
                    Some("refunded" | "cancelled" | "failed")
                );
                // A refund that keeps `Status` completed: `Net Sales`
                // below 0, or no item sold.
                let mark = self.mark.unwrap_or(DecimalMark::Point);
                let below_zero = net.and_then(text).is_some_and(|v| {
                    numbers::amount(v, mark)
                        .is_ok_and(|a| a.value.is_sign_negative() && !a.value.is_zero())
                });
                let none_sold = items
                    .and_then(text)
                    .is_some_and(|v| v.parse::<u64>() == Ok(0));
                let gone = by_status || below_zero || none_sold;
                state.left_out += usize::from(gone);
                !gone
            }
            Rules::YouTube { content, published } => {
                if text(content).is_some_and(|c| c.eq_ignore_ascii_case("total")) {
                    return false;
                }
                let dated = text(published).is_some();
                state.without_date += usize::from(!dated);
                dated
            }
        }
    }

    fn value<'r>(
        &self,
        (name, source): (&str, &Source),
        text: &dyn Fn(usize) -> Option<&'r str>,
        cell: &dyn Fn(usize) -> Cell,
        errors: &mut Vec<(Cell, CsvProblem)>,
        state: &mut State,
    ) -> Option<String> {
        match source {
            Source::Column(i) => text(*i).map(str::to_string),
            Source::OrElse(i, default) => Some(
                i.and_then(text)
                    .map_or_else(|| default.clone(), str::to_string),
            ),
            Source::Sum(parts) => self.sum(parts, name, text, cell, errors),
            Source::Codes(i, by) => self.codes((text(*i)?, by), cell(*i), state),
            Source::Personal(i) => {
                let v = text(*i)?;
                if state.personal.is_none() {
                    let email = customers::written(v) == customers::Written::Email;
                    state.personal = Some((email, cell(*i)));
                }
                Some(customers::hash(self.salt, v))
            }
            Source::MonthFirst(i) => {
                let raw = text(*i)?;
                match dates::parse(raw, DateOrder::Mdy) {
                    Ok(stamp) => Some(stamp.rfc3339()),
                    Err(_) => Some(raw.to_string()),
                }
            }
            Source::WatchUrl(i) => {
                text(*i).map(|id| format!("https://www.youtube.com/watch?v={id}"))
            }
            Source::VideoId(i) | Source::VideoTime(i) => {
                let link = text(*i)?;
                let Some(id) = video_id(link) else {
                    // The id and the time come from one link: said once.
                    if matches!(source, Source::VideoId(_)) {
                        let problem = CsvProblem::NotAVideoLink {
                            value: link.to_string(),
                        };
                        errors.push((cell(*i), problem));
                    }
                    return None;
                };
                Some(match source {
                    Source::VideoId(_) => id.to_string(),
                    _ => video_time(id),
                })
            }
        }
    }

    /// The sum of counts: unknown when every part is empty, else the empty
    /// parts count as 0.
    fn sum<'r>(
        &self,
        parts: &[usize],
        name: &str,
        text: &dyn Fn(usize) -> Option<&'r str>,
        cell: &dyn Fn(usize) -> Cell,
        errors: &mut Vec<(Cell, CsvProblem)>,
    ) -> Option<String> {
        let mark = self.mark.unwrap_or(DecimalMark::Point);
        let mut total: Option<u64> = None;
        for &i in parts {
            let Some(raw) = text(i) else {
                continue;
            };
            let n = raw.parse::<u64>().ok().or_else(|| {
                numbers::count(raw, mark)
                    .ok()
                    .filter(|d| d.fract().is_zero() && !d.is_sign_negative())
                    .and_then(|d| u64::try_from(d).ok())
            });
            match n {
                Some(n) => total = Some(total.unwrap_or(0).saturating_add(n)),
                None => {
                    // Typed as the count it is part of, at its own cell.
                    errors.push((
                        cell(i),
                        CsvProblem::NotACount {
                            column: name.to_string(),
                            value: raw.to_string(),
                        },
                    ));
                    return None;
                }
            }
        }
        total.map(|n| n.to_string())
    }

    /// The partnership of the first code (of a list separated by `by`) that
    /// is a partnership's; every code that is no partnership's is counted,
    /// to be warned about once.
    fn codes(&self, (written, by): (&str, &str), at: Cell, state: &mut State) -> Option<String> {
        let mut found = None;
        for code in split_codes(written, by) {
            let key = code.to_lowercase();
            match self.codes.and_then(|c| c.0.get(&key)) {
                Some(p) => found = found.or_else(|| Some(p.clone())),
                None => {
                    let entry = state.unknown.entry(key);
                    entry.or_insert((code.to_string(), 0, at)).1 += 1;
                }
            }
        }
        found
    }
}

/// The codes of a cell, separated by exactly `by`, each trimmed: a code
/// may itself hold the separator's mark without its spaces (`C+D`).
fn split_codes<'s>(written: &'s str, by: &'s str) -> impl Iterator<Item = &'s str> {
    written.split(by).map(str::trim).filter(|c| !c.is_empty())
}

/// The numeric id in a TikTok video link (`.../video/7140000000000000000`).
fn video_id(link: &str) -> Option<u64> {
    let after = link.split("/video/").nth(1)?;
    let digits: String = after.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|id| *id > u64::from(u32::MAX))
}

/// The instant a TikTok video was published, from its id's top 32 bits.
fn video_time(id: u64) -> String {
    let seconds = i64::try_from(id >> 32).unwrap_or(0);
    chrono::DateTime::from_timestamp(seconds, 0)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_time_from_a_tiktok_video_id() {
        // 1662310992 is 2022-09-04T17:03:12Z.
        let id = (1_662_310_992_u64 << 32) | 12345;
        let link = format!("https://www.tiktok.com/@a/video/{id}?lang=en");
        assert_eq!(video_id(&link), Some(id));
        assert_eq!(video_time(id), "2022-09-04T17:03:12Z");
        assert_eq!(video_id("https://www.tiktok.com/@a"), None);
        assert_eq!(video_id("https://www.tiktok.com/@a/video/42"), None);
    }

    #[test]
    fn a_woocommerce_refund_kept_completed_is_left_out() {
        let header: Vec<String> =
            "date,order #,n. revenue (formatted),status,customer,items sold,coupon(s),net sales"
                .split(',')
                .map(String::from)
                .collect();
        let how = super::super::How::default();
        let view = super::super::preset("woocommerce-orders", &header, &how).unwrap();
        let mut state = State::default();
        let mut keep = |row: &str| {
            let record = csv::StringRecord::from(row.split(',').collect::<Vec<_>>());
            let cell = |i| Cell::new(2, 1, i);
            view.translate(&record, &cell, &mut Vec::new(), &mut state)
                .is_some()
        };
        assert!(keep("2025-10-30 06:04:52,G1,670.00,completed,Ann,1,,567.8"));
        // Refunded, `Status` still completed: below 0, or nothing sold.
        assert!(!keep(
            "2025-06-03 06:19:09,G2,255.00 0.00,completed,Ann,0,,-255"
        ));
        assert!(!keep("2025-06-03 06:19:09,G3,10,completed,Ann,0,,10"));
        assert!(!keep("2025-06-03,G4,10,wc-refunded,Ann,1,,10"));
        // A free order sold something: kept.
        assert!(keep("2025-06-03,G5,0,completed,Ann,1,,0"));
        assert_eq!(state.left_out, 3);
    }

    #[test]
    fn splits_codes_only_at_the_vendors_separator() {
        let split = |w, by| split_codes(w, by).collect::<Vec<_>>();
        assert_eq!(
            split("WELCOMEENAVANT10 + PHOEBE10", " + "),
            ["WELCOMEENAVANT10", "PHOEBE10"]
        );
        // An app's free-text discount holds commas: one code.
        assert_eq!(
            split("Max Retail, Order Fees", " + "),
            ["Max Retail, Order Fees"]
        );
        assert_eq!(split("C+D", " + "), ["C+D"]);
        assert_eq!(split("anna15, leo10", ", "), ["anna15", "leo10"]);
        assert_eq!(split(" solo ", ", "), ["solo"]);
    }
}
