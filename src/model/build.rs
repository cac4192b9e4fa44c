//! Turn what was read into the validated model, with a diagnostic for every
//! reference that does not resolve.
//!
//! Here the report date is settled (Precise readings 1), partnerships that
//! start after it are left out (reading 4), rows are tied to their
//! partnership and post by index, and every currency booked is checked to
//! have a rate. A problem repeated on many rows is reported once per file
//! with a count, so one mistake does not bury the others.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use super::report_date;
use super::{
    Client, DailyRow, Denominator, Fx, Language, Month, Order, Partnership, Portfolio, Post,
    Settings,
};
use crate::diagnostics::{Diagnostic, Diagnostics, Location, did_you_mean};
use crate::load::csv::{Cell, Rows};
use crate::load::yaml::{Seg, join, join_index};
use crate::load::{RawClient, RawPortfolio};

/// What the command line can override.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--as-of`.
    pub as_of: Option<NaiveDate>,
    /// `--client`: build only these (all when empty).
    pub clients: Vec<String>,
}

/// How many rows of one kind a client's metrics files hold.
fn rows_of(c: &RawClient, kind: impl Fn(&Rows) -> bool) -> usize {
    c.metrics
        .iter()
        .filter(|f| kind(&f.rows))
        .map(|f| match &f.rows {
            Rows::Posts(r) => r.len(),
            Rows::Daily(r) => r.len(),
            Rows::Orders(r) => r.len(),
        })
        .sum()
}

fn at(file: &Path, cell: Cell) -> Location {
    Location::at(file, cell.line, cell.column)
}

/// Settings to check the clients with when roster.yaml could not be read:
/// its defaults. Checks that depend on it (rates, followers) are skipped.
fn fallback_settings() -> Settings {
    Settings {
        title: String::new(),
        base_url: None,
        output_dir: "public".into(),
        theme: "default".into(),
        language: Language::En,
        engagement_denominator: Denominator::Reach,
        ramp_up_days: 42,
        repeat_window_days: 90,
        index: false,
        fx: Fx::default(),
    }
}

/// Build the model. `None` when roster.yaml could not be read; other problems
/// leave the client out and are recorded. The clients are checked even when
/// roster.yaml could not be read, so that one run shows every problem.
pub fn portfolio(
    raw: &RawPortfolio,
    overrides: &Overrides,
    diags: &mut Diagnostics,
) -> Option<Portfolio> {
    let (settings, settings_as_of) = match &raw.settings {
        Some(s) => (s.settings.clone(), s.as_of),
        None => (fallback_settings(), None),
    };
    let checked = Checked {
        settings: &settings,
        known: raw.settings.is_some(),
    };
    if let Some(url) = settings
        .base_url
        .as_deref()
        .filter(|u| !super::base_url::is_web_address(u))
    {
        diags.push(
            Diagnostic::error(format!("base_url \"{url}\" is not an http or https address"))
                .at(yaml_location(raw, Path::new("roster.yaml"), &["base_url"]))
                .help("write the address the site is published under, such as base_url: \"https://reports.example.com/\""),
        );
    }
    let published: Vec<&RawClient> = raw
        .clients
        .iter()
        .filter(|c| c.file.as_ref().is_some_and(|f| f.publish))
        .collect();
    let from_settings =
        settings_as_of.map(|d| (d, yaml_location(raw, Path::new("roster.yaml"), &["as_of"])));
    let as_of = match report_date::settle(overrides.as_of, from_settings, &published, diags) {
        Some((d, origin)) => {
            report_date::check_span(&published, d, &origin, diags);
            d
        }
        None if checked.known => {
            diags.push(
                Diagnostic::error("no report date: no dated post or order, and no `as_of`")
                    .in_file(Path::new("roster.yaml"))
                    .help("add `as_of: YYYY-MM-DD` to roster.yaml or pass --as-of"),
            );
            return None;
        }
        None => return None,
    };
    for wanted in &overrides.clients {
        if !raw.clients.iter().any(|c| &c.id == wanted) {
            let ids: Vec<&str> = raw.clients.iter().map(|c| c.id.as_str()).collect();
            let help = match did_you_mean(wanted, ids.iter().copied()) {
                Some(s) => format!("did you mean `--client {s}`?"),
                None => format!("the clients of this portfolio: {}", ids.join(", ")),
            };
            diags.push(
                Diagnostic::error(format!("--client {wanted}: no such client"))
                    .help(help)
                    .usage(),
            );
        }
    }
    // Clients are independent: build them in parallel, each into its own
    // sink, and merge the sinks in client order.
    let built: Vec<(Option<Client>, Diagnostics)> = published
        .into_par_iter()
        .filter(|c| overrides.clients.is_empty() || overrides.clients.contains(&c.id))
        .map(|c| {
            let mut d = Diagnostics::new();
            let built = client(raw, checked, c, as_of, &mut d);
            (built, d)
        })
        .collect();
    let mut clients = Vec::with_capacity(built.len());
    for (c, d) in built {
        diags.extend(d);
        clients.extend(c);
    }
    // Checked, but not built, without the portfolio's own settings.
    raw.settings.as_ref()?;
    Some(Portfolio {
        root: raw.root.clone(),
        settings,
        as_of,
        clients,
        looks: raw.looks.clone(),
    })
}

/// The settings the clients are checked with, and whether they are the
/// portfolio's own (else rates and followers are not checked).
#[derive(Clone, Copy)]
struct Checked<'s> {
    settings: &'s Settings,
    known: bool,
}

/// Problems about one value repeated on many rows of a file, reported once.
#[derive(Default)]
struct Tally {
    seen: BTreeMap<(PathBuf, String), (Location, usize)>,
}

impl Tally {
    fn add(&mut self, file: &Path, value: &str, loc: Location) {
        self.seen
            .entry((file.to_path_buf(), value.to_string()))
            .and_modify(|e| e.1 += 1)
            .or_insert((loc, 1));
    }
}

fn fx_help(from: &str, to: &str, month: Month) -> String {
    format!(
        "add a rate to roster.yaml:\n    fx:\n      {from}/{to}:\n        {month}: <1 {from} in {to}>"
    )
}

fn client(
    raw: &RawPortfolio,
    checked: Checked,
    c: &RawClient,
    as_of: NaiveDate,
    diags: &mut Diagnostics,
) -> Option<Client> {
    let settings = checked.settings;
    let file = c.file.as_ref()?;
    let errors_before = diags.error_count();
    let currency = file.currency.clone();
    // An unreadable client currency was reported in client.yaml: rates to
    // it cannot be looked for, and every "no rate" would repeat that error.
    let rates_checked = checked.known && !currency.is_empty();
    let fx = &settings.fx;
    let client_dir = PathBuf::from("clients").join(&c.id);

    // Partnerships: the ones starting after as_of are left out entirely.
    let mut partnerships = Vec::new();
    for p in &c.partnerships {
        if p.start > as_of {
            continue;
        }
        let mut p = p.clone();
        if p.fee.currency.is_empty() {
            p.fee.currency = currency.clone();
        }
        if rates_checked
            && p.fee.currency != currency
            && !fx.can_convert(&p.fee.currency, &currency, Month::of(p.start))
        {
            let (from, month) = (&p.fee.currency, Month::of(p.start));
            diags.push(
                Diagnostic::error(format!("no fx rate for {from}/{currency} in {month} or earlier (the fee is booked from {month})"))
                    .at(p.source.locate(&join(&join(&[], "fee"), "currency")))
                    .help(fx_help(from, &currency, month)),
            );
        }
        for (i, cost) in p.extra_costs.iter_mut().enumerate() {
            if cost.amount.currency.is_empty() {
                cost.amount.currency = currency.clone();
            }
            let month = Month::of(cost.date);
            if rates_checked
                && cost.date <= as_of
                && !fx.can_convert(&cost.amount.currency, &currency, month)
            {
                let path: Vec<Seg> = join(&join_index(&join(&[], "extra_costs"), i), "currency");
                diags.push(
                    Diagnostic::error(format!(
                        "no fx rate for {}/{currency} in {month} or earlier",
                        cost.amount.currency
                    ))
                    .at(p.source.locate(&path))
                    .help(fx_help(&cost.amount.currency, &currency, month)),
                );
            }
        }
        if checked.known
            && settings.engagement_denominator == Denominator::Followers
            && p.creator.followers.is_none()
        {
            diags.push(
                Diagnostic::error(
                    "missing `followers` in `creator`: roster.yaml has engagement_denominator: followers",
                )
                .at(p.source.locate_key(&join(&[], "creator")))
                .help("add `followers: <count>` under `creator:`, or divide engagements by reach or impressions in roster.yaml"),
            );
        }
        partnerships.push(Partnership {
            id: p.id,
            creator: p.creator,
            market: p.market,
            model: p.model,
            start: p.start,
            end: p.end,
            fee: p.fee,
            posts_per_month: p.posts_per_month,
            contract: p.contract,
            extra_costs: p.extra_costs,
        });
    }
    let index: HashMap<&str, usize> = partnerships
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let known: BTreeSet<&str> = c
        .partnerships
        .iter()
        .map(|p| p.id.as_str())
        .chain(c.broken_partnerships.iter().map(String::as_str))
        .collect();
    let mut unknown_partnership = Tally::default();
    let resolve = |id: &str, file: &Path, cell: Cell, tally: &mut Tally| -> Option<usize> {
        if let Some(i) = index.get(id) {
            return Some(*i);
        }
        if !known.contains(id) {
            tally.add(file, id, at(file, cell));
        }
        None
    };

    // Posts.
    let mut posts: Vec<Post> = Vec::new();
    // Where each id was first seen, as (file, cell): a Location (with its
    // path) is made only for a duplicate.
    let mut post_places: HashMap<&str, (&Path, Cell)> = HashMap::new();
    let mut missing_rates: BTreeMap<(String, Month), Location> = BTreeMap::new();
    for f in &c.metrics {
        let Rows::Posts(rows) = &f.rows else { continue };
        for r in rows {
            if let Some(&(file, cell)) = post_places.get(r.id.as_str()) {
                let first = at(file, cell);
                diags.push(
                    Diagnostic::error(format!("duplicate post_id \"{}\"", r.id))
                        .at(at(&f.path, r.at))
                        .help(format!(
                            "first defined at {first}; post ids are unique within a client"
                        )),
                );
                continue;
            }
            post_places.insert(&r.id, (&f.path, r.at));
            let Some(p) = resolve(
                &r.partnership.0,
                &f.path,
                r.partnership.1,
                &mut unknown_partnership,
            ) else {
                continue;
            };
            let cur = r
                .currency
                .as_ref()
                .map_or(currency.as_str(), |(s, _)| s.as_str())
                .to_string();
            let month = Month::of(r.published.date);
            if rates_checked
                && r.revenue.is_some()
                && r.published.date <= as_of
                && !fx.can_convert(&cur, &currency, month)
            {
                let loc = r
                    .currency
                    .as_ref()
                    .map_or_else(|| at(&f.path, r.at), |(_, cell)| at(&f.path, *cell));
                missing_rates.entry((cur.clone(), month)).or_insert(loc);
            }
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
    }
    for ((from, month), loc) in missing_rates {
        diags.push(
            Diagnostic::error(format!(
                "no fx rate for {from}/{currency} in {month} or earlier (revenue booked in {month})"
            ))
            .at(loc)
            .help(fx_help(&from, &currency, month)),
        );
    }

    // Daily rows.
    let post_index: HashMap<&str, usize> = posts
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    // Posts that were there but could not be read: rows naming them are
    // not reported again.
    let rejected: BTreeSet<&str> = c
        .metrics
        .iter()
        .filter(|f| matches!(f.rows, Rows::Posts(_)))
        .flat_map(|f| f.rejected.iter().map(String::as_str))
        .collect();
    let daily_rows = rows_of(c, |r| matches!(r, Rows::Daily(_)));
    let mut daily = Vec::with_capacity(daily_rows);
    let mut unknown_post = Tally::default();
    let mut day_places: HashMap<(usize, u32), (&Path, Cell)> = HashMap::with_capacity(daily_rows);
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
            if let Some(&(file, cell)) = day_places.get(&(post, r.day)) {
                let (first, here) = (at(file, cell), at(&f.path, r.at));
                diags.push(
                    Diagnostic::error(format!(
                        "duplicate daily row for post \"{}\", day {}",
                        r.post_id, r.day
                    ))
                    .at(here)
                    .help(format!(
                        "first given at {first}; each (post_id, day) appears once"
                    )),
                );
                continue;
            }
            day_places.insert((post, r.day), (&f.path, r.at));
            daily.push(DailyRow {
                post,
                day: r.day,
                counts: r.counts,
                revenue: r.revenue,
            });
        }
    }

    // Orders.
    let order_rows = rows_of(c, |r| matches!(r, Rows::Orders(_)));
    let mut orders = Vec::with_capacity(order_rows);
    let mut order_places: HashMap<&str, (&Path, Cell)> = HashMap::with_capacity(order_rows);
    for f in &c.metrics {
        let Rows::Orders(rows) = &f.rows else {
            continue;
        };
        for r in rows {
            if let Some(&(file, cell)) = order_places.get(r.id.as_str()) {
                let first = at(file, cell);
                diags.push(
                    Diagnostic::error(format!("duplicate order_id \"{}\"", r.id))
                        .at(at(&f.path, r.at))
                        .help(format!(
                            "first defined at {first}; order ids are unique within a client"
                        )),
                );
                continue;
            }
            order_places.insert(&r.id, (&f.path, r.at));
            let partnership = r
                .partnership
                .as_ref()
                .and_then(|(id, cell)| resolve(id, &f.path, *cell, &mut unknown_partnership));
            orders.push(Order {
                id: r.id.clone(),
                date: r.date.date,
                instant: r.date.instant,
                customer: r.customer.clone(),
                partnership,
            });
        }
    }

    let ids: Vec<&str> = known.iter().copied().collect();
    for ((file, value), (loc, n)) in unknown_partnership.seen {
        let rows = if n == 1 {
            "1 row names".to_string()
        } else {
            format!("{n} rows name")
        };
        let help = match did_you_mean(&value, ids.iter().copied()) {
            Some(s) => format!(
                "did you mean \"{s}\"? partnerships are the files in {}/partnerships/",
                client_dir.display()
            ),
            None => format!(
                "add {}/partnerships/{value}.yaml or correct the id",
                client_dir.display()
            ),
        };
        let _ = file;
        diags.push(
            Diagnostic::error(format!("{rows} unknown partnership \"{value}\""))
                .at(loc)
                .help(help),
        );
    }
    let post_ids: Vec<&str> = post_places.keys().copied().collect();
    for ((_, value), (loc, n)) in unknown_post.seen {
        let rows = if n == 1 {
            "1 row names".to_string()
        } else {
            format!("{n} rows name")
        };
        let mut d = Diagnostic::error(format!("{rows} unknown post \"{value}\"")).at(loc);
        d = match did_you_mean(&value, post_ids.iter().copied()) {
            Some(s) => d.help(format!("did you mean \"{s}\"?")),
            None => d.help("daily rows must name a post_id of a posts file of this client"),
        };
        diags.push(d);
    }

    // Notes.
    let mut month_notes = BTreeMap::new();
    let mut partnership_notes = BTreeMap::new();
    // The first month of the reports: the first cost or post to date.
    let first_month = partnerships
        .iter()
        .flat_map(|p| std::iter::once(p.start).chain(p.extra_costs.iter().map(|e| e.date)))
        .chain(posts.iter().map(|p| p.date))
        .filter(|d| *d <= as_of)
        .min()
        .map(Month::of);
    for (path, stem, text) in &c.notes {
        if let Some(m) = Month::parse(stem) {
            if m > Month::of(as_of) {
                diags.push(
                    Diagnostic::warning(format!(
                        "note for {m} is after the report date {as_of}; it is not shown"
                    ))
                    .in_file(path)
                    .help("keep it for a later report, or rename it to the month it is about"),
                );
            } else if let Some(first) = first_month.filter(|f| m < *f) {
                diags.push(
                    Diagnostic::warning(format!(
                        "note for {m} is before the first month of this client's reports, {first}; it is not shown"
                    ))
                    .in_file(path)
                    .help("rename it to the month it is about"),
                );
            }
            crate::render::notes::warn_links(path, text, diags);
            month_notes.insert(m, text.clone());
        } else if known.contains(stem.as_str()) {
            if index.contains_key(stem.as_str()) {
                crate::render::notes::warn_links(path, text, diags);
                partnership_notes.insert(stem.clone(), text.clone());
            }
        } else {
            let mut d = Diagnostic::warning(format!(
                "note \"{stem}.md\" names no month and no partnership; it is not shown"
            ))
            .in_file(path);
            d = match did_you_mean(stem, ids.iter().copied()) {
                Some(s) => d.help(format!("did you mean {s}.md?")),
                None => {
                    d.help("name month notes YYYY-MM.md and partnership notes <partnership-id>.md")
                }
            };
            diags.push(d);
        }
    }

    // Logo.
    if let Some(logo) = &file.brand.logo {
        let safe = logo
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        let path = raw.root.join(&client_dir).join(logo);
        // A link outside the portfolio is reported where assets are read.
        let exists = safe
            && (crate::load::within::is_file(&raw.root, &path)
                || crate::load::within::is_outside(&raw.root, &path));
        if !safe {
            diags.push(
                Diagnostic::error(format!(
                    "logo \"{}\" is outside the client folder",
                    logo.display()
                ))
                .at(yaml_location(raw, &client_dir.join("client.yaml"), &["brand", "logo"]))
                .help("put the file under the client's assets/ and give its path relative to the client folder, such as assets/logo.svg"),
            );
        } else if !exists {
            diags.push(
                Diagnostic::error(format!("logo \"{}\" not found in the client folder", logo.display()))
                    .at(yaml_location(raw, &client_dir.join("client.yaml"), &["brand", "logo"]))
                    .help("put the file under the client's assets/ and give its path relative to the client folder"),
            );
        }
    }

    if diags.error_count() > errors_before {
        return None;
    }
    Some(Client {
        id: c.id.clone(),
        name: file.name.clone(),
        currency,
        language: file.language.unwrap_or(settings.language),
        markets: file.markets.clone(),
        targets: file.targets.clone(),
        brand: file.brand.clone(),
        partnerships,
        posts,
        daily,
        orders,
        month_notes,
        partnership_notes,
        assets: c.assets.clone(),
    })
}

fn yaml_location(raw: &RawPortfolio, file: &Path, keys: &[&str]) -> Location {
    let bytes = crate::load::within::read(&raw.root, &raw.root.join(file)).unwrap_or_default();
    let text = String::from_utf8(bytes).unwrap_or_default();
    let path: Vec<Seg> = keys.iter().map(|k| Seg::Key((*k).to_string())).collect();
    crate::load::yaml::locate(file, &text, &path)
}
