//! Turn what was read into the validated model, with a diagnostic for every
//! reference that does not resolve.
//!
//! Here the report date is settled (docs/metrics.md, reading 1), partnerships that
//! start after it are left out (reading 4), rows are tied to their
//! partnership and post by index, and every currency booked is checked to
//! have a rate. A problem repeated on many rows is reported once per file
//! with a count, so one mistake does not bury the others. Nothing here
//! reads a file: what [`crate::load`] read is all there is.
//!
//! One concern a module: the settings' checks here, [`report_date`] (the
//! report date and the span it makes), `client` (one client, and its
//! partnerships), `rows` (posts, daily rows and orders tied to them),
//! `notes` (notes and the logo), [`links`] (which links of a note stay),
//! `base_url`, and [`templates`] (the portfolio's templates checked and
//! compiled, so that `check` reports their problems).

use std::borrow::Borrow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::diagnostics::kind::PortfolioProblem;
use crate::diagnostics::{Diagnostic, Diagnostics, Location, did_you_mean};
use crate::load::table::{Cell, Rows};
use crate::load::yaml::Seg;
use crate::load::{RawClient, RawPortfolio, Source};
use crate::model::{Client, ClientId, Notes, Portfolio, Settings};

mod archives;
mod base_url;
mod client;
mod exported;
pub(crate) mod links;
mod note_bounds;
mod notes;
mod orders;
pub(crate) mod report_date;
mod rows;
mod scope;
mod template_calls;
pub(crate) mod templates;

/// What the command line can override.
#[derive(Debug, Clone, Default)]
pub struct Overrides {
    /// `--as-of`.
    pub as_of: Option<NaiveDate>,
    /// `--client`: build only these (all when empty).
    pub clients: Vec<String>,
    /// `--internal`: the agency's own build, with its internal notes.
    pub internal: bool,
}

impl Overrides {
    /// Whether the client `id` is built: every client, or only those of
    /// `--client`.
    pub fn includes(&self, id: &str) -> bool {
        self.clients.is_empty() || self.clients.iter().any(|c| c == id)
    }
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
            Rows::Ledger(l) => l.rows(),
        })
        .sum()
}

fn at(file: &Path, cell: Cell) -> Location {
    let (line, column) = cell.place();
    Location::at(file, line, column)
}

/// Build the model. `None` when roster.yaml could not be read; other problems
/// leave the client out and are recorded. The clients are checked even when
/// roster.yaml could not be read, so that one run shows every problem.
pub fn portfolio(
    raw: &RawPortfolio,
    overrides: &Overrides,
    diags: &mut Diagnostics,
) -> Option<Portfolio> {
    resolved(raw, raw.clients.iter().collect(), overrides, diags)
}

/// [`portfolio`], taking the input: each client's rows are dropped as soon
/// as its model is built, so that the input and the model of every client
/// are never all held at once.
pub(crate) fn portfolio_from(
    mut raw: RawPortfolio,
    overrides: &Overrides,
    diags: &mut Diagnostics,
) -> Option<Portfolio> {
    let clients = std::mem::take(&mut raw.clients);
    resolved(&raw, clients, overrides, diags)
}

/// The model of `raw` with `clients`, its clients (borrowed or owned).
fn resolved<C: std::borrow::Borrow<RawClient> + Send>(
    raw: &RawPortfolio,
    clients: Vec<C>,
    overrides: &Overrides,
    diags: &mut Diagnostics,
) -> Option<Portfolio> {
    let (settings, settings_as_of) = match &raw.settings {
        Some(s) => (s.settings.clone(), s.as_of),
        // Its defaults: checks that depend on it (rates, followers) are
        // skipped.
        None => (Settings::default(), None),
    };
    let checked = Checked {
        settings: &settings,
        known: raw.settings.is_some(),
    };
    check_base_url(raw, &settings, diags);
    let ids: Vec<String> = clients.iter().map(|c| c.borrow().id.to_string()).collect();
    let published: Vec<C> = clients
        .into_iter()
        .filter(|c| c.borrow().file.as_ref().is_some_and(|f| f.publish))
        .collect();
    let dated: Vec<&RawClient> = published.iter().map(Borrow::borrow).collect();
    let published_ids: Vec<ClientId> = dated.iter().map(|c| c.id.clone()).collect();
    if settings_as_of.is_none() && overrides.as_of.is_none() && nothing_to_report(&dated) {
        return empty(raw, settings, &ids, overrides, &dated, diags);
    }
    let as_of = report_date_of(raw, overrides, checked.known, settings_as_of, &dated, diags)?;
    check_clients_named(&ids, overrides, diags);
    // Clients are independent: build them in parallel, each into its own
    // sink, and merge the sinks in client order.
    let built: Vec<(Option<Client>, Diagnostics)> = published
        .into_par_iter()
        .filter(|c| overrides.includes(c.borrow().id.as_str()))
        .map(|c| {
            let mut d = Diagnostics::new();
            let mut built = client::client(checked, c.borrow(), as_of, &mut d);
            // Checked either way; kept only where they may be shown.
            if let Some(c) = built.as_mut().filter(|_| !overrides.internal) {
                c.internal_notes = Notes::default();
            }
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
        published: published_ids,
        internal: overrides.internal,
    })
}

/// Whether the published clients hold nothing at all, as a new portfolio's
/// (`roster init --bare`): no partnership file and no metrics file. With no
/// report date either, that is no error but nothing to report.
fn nothing_to_report(published: &[&RawClient]) -> bool {
    !published.is_empty()
        && published.iter().all(|c| {
            c.partnerships.is_empty() && c.broken_partnerships.is_empty() && c.metrics.is_empty()
        })
}

/// The portfolio of [`nothing_to_report`]: a warning for each client and
/// no client to build. Its report date is never shown: with no client,
/// no page is written (not even the index of clients).
fn empty(
    raw: &RawPortfolio,
    settings: Settings,
    ids: &[String],
    overrides: &Overrides,
    published: &[&RawClient],
    diags: &mut Diagnostics,
) -> Option<Portfolio> {
    check_clients_named(ids, overrides, diags);
    for c in published {
        let client_dir = Path::new("clients").join(c.id.as_str());
        let at = client_dir.join("client.yaml");
        diags.push(
            Diagnostic::warning(PortfolioProblem::NothingToReport { client_dir }).in_file(&at),
        );
    }
    raw.settings.as_ref()?;
    Some(Portfolio {
        root: raw.root.clone(),
        settings,
        as_of: NaiveDate::default(),
        clients: Vec::new(),
        published: published.iter().map(|c| c.id.clone()).collect(),
        internal: overrides.internal,
    })
}

/// `base_url` must be an http(s) address without credentials. An address
/// with a user name or password is not quoted back, nor is its line: the
/// password would reach the terminal and CI logs.
fn check_base_url(raw: &RawPortfolio, settings: &Settings, diags: &mut Diagnostics) {
    let Some(url) = settings.base_url.as_deref() else {
        return;
    };
    let mut at = yaml_location(
        raw.settings_source.as_ref(),
        Path::new("roster.yaml"),
        &["base_url"],
    );
    let problem = if base_url::has_credentials(url) {
        // The line is named, not quoted: quoting it would print the password.
        at.column = None;
        PortfolioProblem::BaseUrlWithCredentials
    } else if !base_url::is_web_address(url) {
        PortfolioProblem::BaseUrlNotWeb {
            url: url.to_string(),
        }
    } else {
        return;
    };
    diags.push(Diagnostic::error(problem).at(at));
}

/// The report date (docs/metrics.md, reading 1), with its span checked; `None`
/// when there is none.
fn report_date_of(
    raw: &RawPortfolio,
    overrides: &Overrides,
    known: bool,
    settings_as_of: Option<NaiveDate>,
    published: &[&RawClient],
    diags: &mut Diagnostics,
) -> Option<NaiveDate> {
    let from_settings = settings_as_of.map(|d| {
        (
            d,
            yaml_location(
                raw.settings_source.as_ref(),
                Path::new("roster.yaml"),
                &["as_of"],
            ),
        )
    });
    let as_of = match report_date::settle(overrides.as_of, from_settings, published, diags) {
        Some((d, origin)) => {
            let errors = diags.error_count();
            report_date::check_span(published, d, &origin, diags);
            // A report date refused as too late needs no warning as well.
            if diags.error_count() == errors {
                report_date::check_data_dates(published, d, diags);
            }
            d
        }
        None if known => {
            diags.push(
                Diagnostic::error(PortfolioProblem::NoReportDate).in_file(Path::new("roster.yaml")),
            );
            return None;
        }
        None => return None,
    };
    Some(as_of)
}

/// Every `--client` must name a client folder: a mistake on the command
/// line, with a did-you-mean.
fn check_clients_named(ids: &[String], overrides: &Overrides, diags: &mut Diagnostics) {
    for wanted in &overrides.clients {
        if !ids.iter().any(|c| c == wanted) {
            let ids = ids.iter().map(String::as_str);
            diags.push(
                Diagnostic::error(PortfolioProblem::NoSuchClient {
                    wanted: wanted.clone(),
                    suggestion: did_you_mean(wanted, ids.clone()).map(str::to_string),
                    clients: ids.map(str::to_string).collect(),
                })
                .usage(),
            );
        }
    }
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
        self.add_rows(file, value, loc, 1);
    }

    /// `rows` rows at once, the first at `loc`.
    fn add_rows(&mut self, file: &Path, value: &str, loc: Location, rows: usize) {
        self.seen
            .entry((file.to_path_buf(), value.to_string()))
            .and_modify(|e| e.1 += rows)
            .or_insert((loc, rows));
    }
}

/// Where the value at `keys` is in a YAML file that was read.
/// (A value of a file that could not be read is never checked: `file` is
/// only a fallback.)
fn yaml_location(source: Option<&Source>, file: &Path, keys: &[&str]) -> Location {
    let path: Vec<Seg> = keys.iter().map(|k| Seg::Key((*k).to_string())).collect();
    match source {
        Some(src) => src.locate(&path),
        None => Location::file(file),
    }
}
