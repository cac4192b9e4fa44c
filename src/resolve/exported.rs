//! Which rows of a platform's content exports are a partnership's posts.
//!
//! A creator's export lists every post of the account, not only the
//! brand's, and an account downloads it again each month. So, before rows
//! become posts: an export of another platform than the partnership's is
//! an error; a row outside the partnership's term is left out; with
//! `mentions`, a row whose text does not name the brand is left out, and
//! one that does is sponsored when it discloses advertising, else organic;
//! a post in two downloads is read once, from the row with the larger
//! figures; and a row of roster's own format for the same post gives what
//! the export lacks (revenue, conversions, kind). Each is told once per
//! file, with the rows counted.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use crate::diagnostics::kind::ExportProblem;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::load::RawClient;
use crate::load::imports::platform::Counted;
use crate::load::table::{CsvFile, RawPost, Rows};
use crate::model::Partnership;

/// A row to become a post, with the file it is read from.
pub(super) type Row<'a> = (&'a CsvFile, Cow<'a, RawPost>);

/// Per partnership: the posts naming the brand, and those sponsored.
type Named<'a> = BTreeMap<&'a str, (usize, usize, Location)>;

fn place(f: &CsvFile) -> Location {
    Location::file(&f.path).in_sheet(f.sheet.as_deref())
}

/// The rows of the client's posts files, in file order, as the rules above
/// make them.
pub(super) fn rows<'a, 'p>(
    c: &'a RawClient,
    partnerships: &'p [Partnership],
    diags: &mut Diagnostics,
) -> Vec<Row<'a>> {
    let by_id: HashMap<&str, &'p Partnership> =
        partnerships.iter().map(|p| (p.id.as_str(), p)).collect();
    let mut out: Vec<Row<'a>> = Vec::new();
    // (partnership, post) -> where in `out` an export's row is.
    let mut exported: HashMap<(&str, &str), usize> = HashMap::new();
    let mut named: Named<'p> = BTreeMap::new();
    for f in &c.metrics {
        let Rows::Posts(rows) = &f.rows else { continue };
        let mut counted = Counted::default();
        let mut wrong = None;
        for r in rows {
            let (Some(e), Some(p)) = (r.export.as_deref(), by_id.get(r.partnership.0.as_str()))
            else {
                out.push((f, Cow::Borrowed(r)));
                continue;
            };
            if !e.channel.fits(p.creator.platform) {
                wrong = Some((*p, e.channel));
                continue;
            }
            let Some(kind) = counted.judge((r.published.date, r.kind), e, (p.start, p.end)) else {
                continue;
            };
            let key = (p.id.as_str(), r.id.as_str());
            let row = Cow::Owned(RawPost { kind, ..r.clone() });
            match exported.get(&key) {
                // The same post in another download; twice in one file, or
                // on two dates, it is two posts with one id: an error later.
                Some(&i)
                    if out[i].1.published.date == r.published.date
                        && !std::ptr::eq(out[i].0, f) =>
                {
                    counted.shared += 1;
                    if figures(r) > figures(&out[i].1) {
                        out[i] = (f, row);
                    }
                }
                _ => {
                    exported.insert(key, out.len());
                    out.push((f, row));
                }
            }
        }
        if let Some((p, channel)) = wrong {
            let problem = ExportProblem::WrongPlatform {
                export: channel.name(),
                partnership: p.id.to_string(),
                platform: p.creator.platform.to_string(),
            };
            diags.push(Diagnostic::error(problem).at(place(f)));
        }
        let partnership = rows.first().map_or("", |r| r.partnership.0.as_str());
        counted.tell(&place(f), partnership, diags);
        if let Some(p) = by_id.get(partnership).filter(|_| counted.named.0 > 0) {
            let entry = named.entry(p.id.as_str()).or_insert((0, 0, place(f)));
            entry.0 += counted.named.0;
            entry.1 += counted.named.1;
        }
    }
    for (partnership, (posts, sponsored, at)) in named {
        if posts > 0 && sponsored == 0 {
            let problem = ExportProblem::NoneSponsored {
                partnership: partnership.to_string(),
                posts,
            };
            diags.push(Diagnostic::warning(problem).at(at));
        }
    }
    merge(out, &exported)
}

/// What tells the later of two downloads of a post: its views, then its
/// engagements.
fn figures(r: &RawPost) -> (u64, u64) {
    let views = r.export.as_deref().map_or(0, |e| e.views);
    (views, r.counts.engagements.unwrap_or(0))
}

/// A row of roster's own format for a post an export has, for the same
/// partnership, folded into the export's row, at the export's place in
/// the order: the roster row gives what it has (revenue, currency,
/// clicks, conversions, a kind where written) and is where problems with
/// them are placed; the export gives the rest.
fn merge<'a>(out: Vec<Row<'a>>, exported: &HashMap<(&str, &str), usize>) -> Vec<Row<'a>> {
    let mut given: HashMap<usize, Row<'a>> = HashMap::new();
    let mut kept = Vec::with_capacity(out.len());
    for (i, (f, r)) in out.iter().enumerate() {
        let key = (r.partnership.0.as_str(), r.id.as_str());
        match exported.get(&key) {
            Some(&e) if r.export.is_none() && !given.contains_key(&e) => {
                given.insert(e, (*f, r.clone()));
            }
            _ => kept.push(i),
        }
    }
    let mut out: Vec<Option<Row<'a>>> = out.into_iter().map(Some).collect();
    kept.into_iter()
        .filter_map(|i| {
            let (f, export) = out[i].take()?;
            let Some((own_file, own)) = given.remove(&i) else {
                return Some((f, export));
            };
            let mut post = own.into_owned();
            let c = &mut post.counts;
            c.impressions = export.counts.impressions.or(c.impressions);
            c.reach = export.counts.reach.or(c.reach);
            c.engagements = export.counts.engagements.or(c.engagements);
            post.published = export.published;
            post.url = export.url.clone().or(post.url);
            if !post.kind_written {
                post.kind = export.kind;
            }
            post.export.clone_from(&export.export);
            Some((own_file, Cow::Owned(post)))
        })
        .collect()
}
