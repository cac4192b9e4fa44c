//! The rows of a client's metrics files tied to the model: each post to its
//! partnership, each daily row to its post, each order to its partnership
//! (or none: [`super::orders`]). A duplicate id is an error at the second row, naming the
//! first; an unknown id is reported once per file with the rows counted.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use super::scope::{Refs, Scope};
use super::{Tally, at, exported, rows_of};
use crate::diagnostics::kind::RowProblem;
use crate::diagnostics::{Diagnostic, Diagnostics, Location, did_you_mean};
use crate::load::RawClient;
use crate::load::table::{Cell, CsvFile, Day, RawDaily, RawPost, Rows, SignAt};
use crate::model::{Currency, DailyRow, Month, Partnership, Post, PostIx};

/// The number of a daily row's day after its post's publication, counted
/// from the date as written when the row gives a date; a date before the
/// publication is an error.
fn day_number(r: &RawDaily, post: &Post, f: &CsvFile, diags: &mut Diagnostics) -> Option<u32> {
    let (date, cell) = match r.day {
        Day::Number(n) => return Some(n),
        Day::Date(date, cell) => (date, cell),
    };
    let days = (date - post.date).num_days();
    match u32::try_from(days + 1) {
        Ok(n) if n >= 1 => Some(n),
        _ => {
            let problem = RowProblem::DayBeforePublication {
                post: r.post_id.clone(),
                date,
                published: post.date,
            };
            diags.push(Diagnostic::error(problem).at(f.at(cell)));
            None
        }
    }
}

/// A currency sign written with an amount that cannot mean `currency`,
/// the currency of the amount (`whose`: the row's, its post's).
pub(super) fn check_sign(
    sign: Option<&SignAt>,
    currency: &str,
    whose: &'static str,
    f: &CsvFile,
    diags: &mut Diagnostics,
) {
    let Some(SignAt { sign, cell, .. }) = sign else {
        return;
    };
    // A currency that could not be read is reported where it is written.
    if sign.fits(currency) || currency == Currency::NONE.as_str() {
        return;
    }
    let problem = RowProblem::SignDisagrees {
        sign: sign.written().to_string(),
        means: sign.means(),
        currency: currency.to_string(),
        whose,
    };
    diags.push(Diagnostic::error(problem).at(f.at(*cell).in_field(cell.field as usize)));
}

/// Where each id was first seen, as (file, cell): a Location (with its
/// path) is made only for a duplicate.
pub(super) type Places<'a> = HashMap<String, (&'a Path, Cell)>;

/// The posts, in file order, and where each id was first seen; the rows of
/// platform exports are a partnership's as [`exported`] says.
pub(super) fn posts<'a>(
    s: &Scope<'a>,
    (refs, partnerships): (&mut Refs, &[Partnership]),
    diags: &mut Diagnostics,
) -> (Vec<Post>, Places<'a>) {
    let c = s.c;
    let mut posts: Vec<Post> = Vec::new();
    let mut post_places: Places<'a> = HashMap::new();
    let mut missing_rates: BTreeMap<(String, Month), Location> = BTreeMap::new();
    let rows = exported::rows(c, partnerships, diags);
    for (f, r) in &rows {
        let (f, r): (&'a CsvFile, &RawPost) = (f, r);
        if let Some(&(file, cell)) = post_places.get(r.id.as_str()) {
            diags.push(
                Diagnostic::error(RowProblem::DuplicatePost {
                    id: r.id.to_string(),
                    first: at(file, cell),
                })
                .at(at(&f.path, r.at)),
            );
            continue;
        }
        post_places.insert(r.id.clone(), (&f.path, r.at));
        let Some(p) = refs.resolve(&r.partnership.0, &f.path, r.partnership.1) else {
            continue;
        };
        let cur = revenue_currency(s, r, &f.path, &mut missing_rates);
        let written = r
            .currency
            .as_ref()
            .map_or(s.currency.as_str(), |(t, _)| t.as_str());
        check_sign(r.sign.as_deref(), written, "the row's", f, diags);
        posts.push(Post {
            id: r.id.clone(),
            partnership: p,
            date: r.published.date,
            instant: r.published.instant,
            kind: r.kind,
            counts: r.counts,
            revenue: r.revenue,
            currency: cur,
            url: r.url.clone(),
        });
    }
    for ((from, month), loc) in missing_rates {
        diags.push(
            Diagnostic::error(RowProblem::NoRateForRevenue {
                from,
                to: s.currency,
                month,
            })
            .at(loc),
        );
    }
    (posts, post_places)
}

/// The currency of a post's revenue: the row's, else the client's. Revenue
/// to date with no rate to the client's is noted in `missing`, once per
/// currency as written and month, where it is first seen. A cell that is
/// not a currency code has no rate; such a post reaches the model only when
/// its revenue is never converted (there is none, or it is booked after the
/// report date), so it is booked in ISO 4217's "no currency".
fn revenue_currency(
    s: &Scope,
    r: &RawPost,
    file: &Path,
    missing: &mut BTreeMap<(String, Month), Location>,
) -> Currency {
    let to = s.currency;
    let written = r.currency.as_ref();
    let cur = written.map_or(Some(to), |(text, _)| Currency::parse(text));
    let month = Month::of(r.published.date);
    let has_rate = cur.is_some_and(|c| s.checked.settings.fx.can_convert(c, to, month));
    if s.rates_checked && r.revenue.is_some() && r.published.date <= s.as_of && !has_rate {
        let loc = written.map_or_else(|| at(file, r.at), |(_, cell)| at(file, *cell));
        let from = written.map_or_else(|| to.to_string(), |(text, _)| text.clone());
        missing.entry((from, month)).or_insert(loc);
    }
    cur.unwrap_or(Currency::NONE)
}

/// Posts that were there but could not be read, and the posts of platform
/// exports (left out when not the partnership's): rows naming them are not
/// reported.
fn rejected_posts(c: &RawClient) -> BTreeSet<&str> {
    let exported = c.metrics.iter().flat_map(|f| match &f.rows {
        Rows::Posts(rows) => rows.as_slice(),
        _ => &[],
    });
    c.metrics
        .iter()
        .filter(|f| matches!(f.rows, Rows::Posts(_)))
        .flat_map(|f| f.rejected.iter().map(String::as_str))
        .chain(
            exported
                .filter(|r| r.export.is_some())
                .map(|r| r.id.as_str()),
        )
        .collect()
}

/// The daily rows of the posts, one per (post, day).
pub(super) fn daily(
    s: &Scope,
    posts: &[Post],
    post_places: &Places,
    diags: &mut Diagnostics,
) -> Vec<DailyRow> {
    let c = s.c;
    let post_index: HashMap<&str, PostIx> = posts
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), PostIx::new(i)))
        .collect();
    let rejected = rejected_posts(c);
    let daily_rows = rows_of(c, |r| matches!(r, Rows::Daily(_)));
    let mut daily = Vec::with_capacity(daily_rows);
    let mut unknown_post = Tally::default();
    let mut day_places: HashMap<(PostIx, u32), (&Path, Cell)> = HashMap::with_capacity(daily_rows);
    for f in &c.metrics {
        let Rows::Daily(rows) = &f.rows else { continue };
        for r in rows {
            let Some(&post) = post_index.get(r.post_id.as_str()) else {
                if !post_places.contains_key(r.post_id.as_str())
                    && !rejected.contains(r.post_id.as_str())
                    && !c.posts_incomplete
                {
                    unknown_post.add(&f.path, &r.post_id, at(&f.path, r.at));
                }
                continue;
            };
            check_sign(
                r.sign.as_deref(),
                posts[post.index()].currency.as_str(),
                "its post's",
                f,
                diags,
            );
            let Some(day) = day_number(r, &posts[post.index()], f, diags) else {
                continue;
            };
            if let Some(&(file, cell)) = day_places.get(&(post, day)) {
                diags.push(
                    Diagnostic::error(RowProblem::DuplicateDay {
                        post: r.post_id.to_string(),
                        day,
                        first: at(file, cell),
                    })
                    .at(at(&f.path, r.at)),
                );
                continue;
            }
            day_places.insert((post, day), (&f.path, r.at));
            daily.push(DailyRow {
                post,
                day,
                counts: r.counts,
                revenue: r.revenue,
            });
        }
    }
    let post_ids: Vec<&str> = post_places.keys().map(String::as_str).collect();
    for ((_, value), (loc, n)) in unknown_post.seen {
        let suggestion = did_you_mean(&value, post_ids.iter().copied()).map(str::to_string);
        diags.push(
            Diagnostic::error(RowProblem::UnknownPost {
                id: value,
                rows: n,
                suggestion,
            })
            .at(loc),
        );
    }
    daily
}
