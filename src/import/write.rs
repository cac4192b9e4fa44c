//! An export's rows written in roster's own format (docs/input-format.md): the
//! columns of its kind that any row fills, in roster's order, values as a
//! build reads them back (dates as written, with their offset; customers
//! already hashed; partnerships resolved).

use crate::load::table::{CsvFile, Day, RawDaily, RawOrder, RawPost, Rows};
use crate::model::{Counts, TableKind};

/// An export's rows as roster's: every column of its kind, in roster's
/// order, before those no row fills are dropped.
#[derive(Debug)]
pub(super) struct Written {
    header: Vec<&'static str>,
    rows: Vec<Vec<String>>,
    /// How many of the first columns are written even when empty.
    required: usize,
    /// How many of the first columns make a row's key (its id; a daily
    /// row's post and day).
    key: usize,
}

/// The file's rows as roster's.
pub(super) fn rows(file: &CsvFile) -> Written {
    let (header, rows, required, key): (Vec<&str>, Vec<Vec<String>>, usize, usize) =
        match &file.rows {
            Rows::Posts(rows) => (
                TableKind::Posts.columns().to_vec(),
                rows.iter().map(post).collect(),
                3,
                1,
            ),
            Rows::Daily(rows) => {
                let by_date = rows.iter().any(|r| matches!(r.day, Day::Date(..)));
                // roster's daily columns, its days by number or by date.
                let other = if by_date { "day" } else { "date" };
                (
                    TableKind::Daily
                        .columns()
                        .iter()
                        .copied()
                        .filter(|h| *h != other)
                        .collect(),
                    rows.iter().map(daily).collect(),
                    2,
                    2,
                )
            }
            Rows::Orders(rows) => (
                TableKind::Orders.columns().to_vec(),
                rows.iter().map(order).collect(),
                3,
                1,
            ),
            // `roster import` reads orders row by row: never a ledger.
            Rows::Ledger(_) => (TableKind::Orders.columns().to_vec(), Vec::new(), 3, 1),
        };
    Written {
        header,
        rows,
        required,
        key,
    }
}

impl Written {
    /// How many rows.
    pub(super) fn len(&self) -> usize {
        self.rows.len()
    }

    /// The rows as roster's CSV text: the required columns, and those some
    /// row fills (a platform export has no revenue).
    pub(super) fn text(&self) -> String {
        let keep: Vec<usize> = (0..self.header.len())
            .filter(|&c| c < self.required || self.rows.iter().any(|r| !r[c].is_empty()))
            .collect();
        let mut out = csv::WriterBuilder::new()
            .terminator(csv::Terminator::Any(b'\n'))
            .from_writer(Vec::new());
        let pick = |cells: &[String]| keep.iter().map(|&c| cells[c].clone()).collect::<Vec<_>>();
        let header: Vec<String> = self.header.iter().map(|h| (*h).to_string()).collect();
        // Writing to memory cannot fail.
        let _ = out.write_record(pick(&header));
        for row in &self.rows {
            let _ = out.write_record(pick(row));
        }
        let bytes = out.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }

    /// These rows merged into `earlier`, the text of a file this import
    /// wrote before (a month's export imported under the same name): its
    /// rows whose key these rows lack, in their order, then these rows.
    /// With how many rows were kept from it, and how many these replaced.
    /// `None` when `earlier` is not such a file (another kind, columns
    /// roster does not write, a row of another width).
    pub(super) fn merged(&self, earlier: &str) -> Option<(Written, usize, usize)> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(false)
            .from_reader(earlier.as_bytes());
        let columns: Vec<usize> = reader
            .headers()
            .ok()?
            .iter()
            .map(|h| self.header.iter().position(|c| *c == h))
            .collect::<Option<_>>()?;
        if !(0..self.key).all(|k| columns.contains(&k)) {
            return None;
        }
        let key = |row: &[String]| row[..self.key].join("\u{1f}");
        let new: std::collections::HashSet<String> = self.rows.iter().map(|r| key(r)).collect();
        let (mut kept, mut replaced) = (Vec::new(), 0);
        for record in reader.records() {
            let record = record.ok()?;
            let mut row = vec![String::new(); self.header.len()];
            for (value, &c) in record.iter().zip(&columns) {
                row[c] = value.to_string();
            }
            if new.contains(&key(&row)) {
                replaced += 1;
            } else {
                kept.push(row);
            }
        }
        let n = kept.len();
        kept.extend(self.rows.iter().cloned());
        let merged = Written {
            header: self.header.clone(),
            rows: kept,
            required: self.required,
            key: self.key,
        };
        Some((merged, n, replaced))
    }
}

fn opt<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(String::new, |v| v.to_string())
}

fn counts(c: &Counts) -> [String; 5] {
    [
        opt(c.impressions),
        opt(c.reach),
        opt(c.engagements),
        opt(c.clicks),
        opt(c.conversions),
    ]
}

fn post(r: &RawPost) -> Vec<String> {
    let mut cells = vec![
        r.id.clone(),
        r.partnership.0.clone(),
        r.published.rfc3339(),
        r.kind.as_str().to_string(),
    ];
    cells.extend(counts(&r.counts));
    cells.push(opt(r.revenue));
    cells.push(opt(r.currency.as_ref().map(|(c, _)| c)));
    cells.push(r.url.clone().unwrap_or_default());
    cells
}

fn daily(r: &RawDaily) -> Vec<String> {
    let day = match r.day {
        Day::Number(n) => n.to_string(),
        Day::Date(d, _) => d.format("%Y-%m-%d").to_string(),
    };
    let mut cells = vec![r.post_id.clone(), day];
    cells.extend(counts(&r.counts));
    cells.push(opt(r.revenue));
    cells
}

fn order(r: &RawOrder) -> Vec<String> {
    let (revenue, currency) = match &r.revenue {
        Some(b) => (b.0.to_string(), b.1.clone().unwrap_or_default()),
        None => (String::new(), String::new()),
    };
    vec![
        r.id.clone(),
        r.date.rfc3339(),
        r.customer.clone(),
        opt(r.partnership.as_ref().map(|(p, _)| p)),
        revenue,
        currency,
    ]
}
