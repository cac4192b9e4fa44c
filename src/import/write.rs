//! An export's rows written in roster's own format (input-format.md): the
//! columns of its kind that any row fills, in roster's order, values as a
//! build reads them back (dates as written, with their offset; customers
//! already hashed; partnerships resolved).

use crate::load::csv::{CsvFile, DAILY, Day, ORDERS, POSTS, RawDaily, RawOrder, RawPost, Rows};
use crate::model::Counts;

/// The file's rows as roster's CSV text, and how many rows it has.
pub fn text(file: &CsvFile) -> (String, usize) {
    let (header, rows, required): (Vec<&str>, Vec<Vec<String>>, usize) = match &file.rows {
        Rows::Posts(rows) => (POSTS.to_vec(), rows.iter().map(post).collect(), 3),
        Rows::Daily(rows) => {
            let by_date = rows.iter().any(|r| matches!(r.day, Day::Date(..)));
            // roster's daily columns, its days by number or by date.
            let other = if by_date { "day" } else { "date" };
            (
                DAILY.iter().copied().filter(|h| *h != other).collect(),
                rows.iter().map(daily).collect(),
                2,
            )
        }
        Rows::Orders(rows) => (ORDERS.to_vec(), rows.iter().map(order).collect(), 3),
        // `roster import` reads orders row by row: never a ledger.
        Rows::Ledger(_) => (ORDERS.to_vec(), Vec::new(), 3),
    };
    // The required columns, and those some row fills: a platform export
    // has no revenue.
    let keep: Vec<usize> = (0..header.len())
        .filter(|&c| c < required || rows.iter().any(|r| !r[c].is_empty()))
        .collect();
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let pick = |cells: &[String]| keep.iter().map(|&c| cells[c].clone()).collect::<Vec<_>>();
    let header: Vec<String> = header.iter().map(|h| (*h).to_string()).collect();
    // Writing to memory cannot fail.
    let _ = out.write_record(pick(&header));
    for row in &rows {
        let _ = out.write_record(pick(row));
    }
    let bytes = out.into_inner().unwrap_or_default();
    (String::from_utf8(bytes).unwrap_or_default(), rows.len())
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
