//! Walk a portfolio folder and read every file into typed, unvalidated input.
//!
//! This is the only stage that reads the portfolio from disk. It finds the
//! files of docs/input-format.md, reads YAML ([`files`]), metrics tables
//! from CSV files and workbooks ([`table`]) and Markdown notes, and records a diagnostic for every problem it meets
//! without stopping. Cross-file checks (a post naming an unknown partnership,
//! duplicate ids, missing rates) belong to [`crate::resolve`].

mod active;
pub(crate) mod archives;
pub(crate) mod export;
pub mod files;
pub(crate) mod imports;
mod layout;
pub(crate) mod looks;
mod metrics;
pub(crate) mod partnership;
mod pixels;
mod quotes;
pub(crate) mod table;
pub(crate) mod values;
mod walk;
pub(crate) mod watched;
pub(crate) mod within;
pub(crate) mod yaml;

use chrono::NaiveDate;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::kind::FileProblem;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::model::{ClientId, Settings};
pub use files::Source;
pub(crate) use files::{RawClientFile, RawPartnership, RawSettings, is_id};
pub(crate) use layout::is_litter;
pub use quotes::quotes;
use walk::sorted_entries;
pub(crate) use walk::walk_files;

/// Everything read from a portfolio folder.
#[derive(Debug, Clone)]
pub struct RawPortfolio {
    /// The folder.
    pub root: PathBuf,
    /// roster.yaml, when it could be read.
    pub settings: Option<RawSettings>,
    /// roster.yaml's text, to place problems found later in it.
    pub settings_source: Option<Source>,
    /// Client folders, ids ascending.
    pub clients: Vec<RawClient>,
    /// The theme and the template overrides.
    pub looks: crate::model::Looks,
}

/// Everything read from one client folder.
#[derive(Debug, Clone)]
pub struct RawClient {
    /// Folder name.
    pub id: ClientId,
    /// client.yaml, when it could be read.
    pub file: Option<RawClientFile>,
    /// client.yaml's text, to place problems found later in it.
    pub source: Option<Source>,
    /// Whether `brand.logo`, when given, names a file of the client's
    /// folder (or a link out of the portfolio, which is reported here).
    pub logo_found: bool,
    /// The logo's width and height in pixels, read from its header, when it
    /// is a raster image (PNG, JPEG, GIF, WebP).
    pub logo_pixels: Option<(u32, u32)>,
    /// Partnership files that could be read, ids ascending.
    pub partnerships: Vec<RawPartnership>,
    /// Ids of partnership files that exist but could not be read, so that
    /// rows naming them are not reported a second time. A file whose name
    /// is not an id counts under the id it was likely meant to have.
    pub broken_partnerships: Vec<String>,
    /// Whether `partnerships/` could not be read (reported at the folder),
    /// so that rows naming partnerships no file defines are not reported:
    /// their files may be in it.
    pub partnerships_unread: bool,
    /// Metrics files, paths ascending.
    pub metrics: Vec<table::CsvFile>,
    /// Whether a metrics file that may hold posts could not be used, so
    /// that daily rows naming unknown posts are not reported: their posts
    /// may be in it.
    pub posts_incomplete: bool,
    /// Notes: (relative path, file stem, Markdown text), paths ascending.
    pub notes: Vec<(PathBuf, String, String)>,
    /// The agency's own notes of `notes/internal/`, the same way. Always
    /// read, so that every run checks them; only a build with `--internal`
    /// keeps them in the model.
    pub internal_notes: Vec<(PathBuf, String, String)>,
    /// Files under assets/, relative to the client folder.
    pub assets: Vec<PathBuf>,
    /// The records of reports sent, `archive/<MONTH>.json`, months
    /// ascending.
    pub archives: Vec<archives::RawArchive>,
}

fn rel(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Read a text file; a failure is an I/O diagnostic.
fn read_text(root: &Path, path: &Path, diags: &mut Diagnostics) -> Option<Source> {
    let file = rel(root, path);
    match within::read(root, path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => Some(Source {
                file,
                text: text
                    .strip_prefix('\u{feff}')
                    .map(str::to_string)
                    .unwrap_or(text),
            }),
            Err(e) => {
                // Point at the first byte that is not UTF-8.
                let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
                let line = good.iter().filter(|b| **b == b'\n').count() + 1;
                let line_start = good.iter().rposition(|b| *b == b'\n').map_or(0, |i| i + 1);
                let column = String::from_utf8_lossy(&good[line_start..]).chars().count() + 1;
                diags.push(
                    Diagnostic::error(FileProblem::NotUtf8).at(Location::at(&file, line, column)),
                );
                None
            }
        },
        Err(within::Refused::Outside) => {
            diags.push(within::outside(&file));
            None
        }
        Err(within::Refused::NotAFile(kind)) => {
            diags.push(within::not_a_file(&file, kind));
            None
        }
        Err(within::Refused::Io(e)) => {
            let problem = if path.is_dir() {
                FileProblem::IsADirectory
            } else {
                FileProblem::Unreadable {
                    reason: e.to_string(),
                }
            };
            diags.push(Diagnostic::error(problem).in_file(&file).io());
            None
        }
    }
}

/// Read the portfolio at `root`; `as_of` is `--as-of`, if given (with
/// roster.yaml's `as_of`, it is how far orders are folded in).
pub fn portfolio(root: &Path, as_of: Option<NaiveDate>, diags: &mut Diagnostics) -> RawPortfolio {
    let roster = root.join("roster.yaml");
    let source = if roster.exists() {
        read_text(root, &roster, diags)
    } else {
        // Not a portfolio: most likely the wrong folder, so a usage error.
        let looked = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        diags.push(Diagnostic::error(FileProblem::NoPortfolio { folder: looked }).io());
        None
    };
    let settings = source.as_ref().and_then(|src| files::settings(src, diags));
    let looks = looks::read(root, settings.as_ref(), source.as_ref(), diags);
    let dirs = layout::client_dirs(root, diags);
    if settings.is_some() && dirs.is_empty() {
        diags.push(Diagnostic::error(FileProblem::NoClients).in_file(Path::new("clients")));
    }
    let defaults = Settings::default();
    let reading = settings.as_ref().map_or(&defaults, |s| &s.settings);
    let orders_to = as_of.or(settings.as_ref().and_then(|s| s.as_of));
    let clients = read_clients(root, &dirs, (reading, orders_to), diags);
    RawPortfolio {
        root: root.to_path_buf(),
        settings,
        settings_source: source,
        clients,
        looks,
    }
}

/// Read only the client folders `ids` of the portfolio at `root` (those
/// that exist), for `serve`'s rebuilds of what changed, as roster.yaml's
/// `settings` say (slash dates, unless a client says otherwise; the salt
/// of customers' ids), folding in the orders to `orders_to` (roster.yaml's
/// `as_of`, if given).
pub(crate) fn clients(
    root: &Path,
    ids: &std::collections::BTreeSet<String>,
    reading: (&Settings, Option<NaiveDate>),
    diags: &mut Diagnostics,
) -> Vec<RawClient> {
    let dirs: Vec<PathBuf> = ids
        .iter()
        .map(|id| root.join("clients").join(id))
        .filter(|dir| dir.is_dir())
        .collect();
    read_clients(root, &dirs, reading, diags)
}

/// Read client folders in parallel, each into its own sink, merged in order.
fn read_clients(
    root: &Path,
    dirs: &[PathBuf],
    reading: (&Settings, Option<NaiveDate>),
    diags: &mut Diagnostics,
) -> Vec<RawClient> {
    let results: Vec<(Option<RawClient>, Diagnostics)> = dirs
        .par_iter()
        .map(|dir| {
            let mut d = Diagnostics::new();
            let c = client(root, dir, reading, &mut d);
            (c, d)
        })
        .collect();
    let mut clients = Vec::new();
    for (c, d) in results {
        diags.extend(d);
        clients.extend(c);
    }
    let tallies = clients
        .iter()
        .flat_map(|c| c.metrics.iter().map(|m| &m.tally));
    if let Some(warning) = imports::unsalted(&reading.0.customer_salt, tallies) {
        diags.push(warning);
    }
    clients
}

/// One client folder, read; `None` when its name is not an id.
/// Slash dates read as `settings` say unless client.yaml says otherwise;
/// orders are folded in to `orders_to`.
fn client(
    root: &Path,
    dir: &Path,
    (settings, orders_to): (&Settings, Option<NaiveDate>),
    diags: &mut Diagnostics,
) -> Option<RawClient> {
    let id = dir.file_name()?.to_string_lossy().to_string();
    if !is_id(&id) {
        diags.push(
            Diagnostic::error(FileProblem::BadClientFolderName { name: id })
                .in_file(&rel(root, dir)),
        );
        return None;
    }
    layout::client_folder(root, dir, diags);
    let (source, file, (logo_found, logo_pixels)) = client_file(root, dir, diags);
    let markets = file.as_ref().map(|f| f.markets.clone()).unwrap_or_default();
    let found = partnerships(root, dir, &markets, diags);
    let codes = codes(&found, diags);
    let Partnerships {
        read: partnerships,
        broken,
        read_folder: partnerships_read,
        ..
    } = found;
    let how = imports::How {
        order: file
            .as_ref()
            .and_then(|f| f.date_order)
            .unwrap_or(settings.date_order),
        salt: &settings.customer_salt,
        codes: Some(&codes),
        mapping: None,
        folder: None,
        owners: &[],
        importing: false,
        preset: None,
        orders_to,
        mentions: file.as_ref().map_or(&[], |f| &f.mentions[..]),
    };
    let owners: Vec<&str> = partnerships
        .iter()
        .map(|p| p.id.as_str())
        .chain(broken.iter().map(String::as_str))
        .collect();
    let mappings = file.as_ref().map_or(&[][..], |f| &f.imports[..]);
    let (metrics, posts_incomplete) = metrics::read(root, dir, (&how, mappings, &owners), diags);
    // notes/internal/ cannot be read where notes/ could not: said once.
    let (notes, internal_notes) = match notes(root, &dir.join("notes"), "notes", diags) {
        Some(n) => (
            n,
            notes(root, &dir.join(INTERNAL_NOTES), INTERNAL_NOTES, diags),
        ),
        None => (Vec::new(), None),
    };
    let internal_notes = internal_notes.unwrap_or_default();
    Some(RawClient {
        id: ClientId::new(id),
        file,
        source,
        logo_found,
        logo_pixels,
        partnerships,
        broken_partnerships: broken,
        partnerships_unread: !partnerships_read,
        metrics,
        posts_incomplete,
        notes,
        internal_notes,
        assets: assets(root, dir, diags),
        archives: archives::read(root, dir, diags),
    })
}

/// The partnerships' promo codes, lower-cased, those of the files with a
/// problem too; a code given twice, letter case aside (to two
/// partnerships, or twice to one), is an error at the second.
fn codes(found: &Partnerships, diags: &mut Diagnostics) -> imports::Codes {
    use crate::diagnostics::kind::ImportProblem;
    let mut codes = imports::Codes::default();
    let read = (found.read.iter()).map(|p| (p.id.as_str(), &p.promo_codes[..]));
    let broken = (found.broken_codes.iter()).map(|(id, c)| (id.as_str(), &c[..]));
    for (id, promo_codes) in read.chain(broken) {
        for (code, at) in promo_codes {
            let key = code.to_lowercase();
            match codes.0.get(&key) {
                Some(first) => {
                    let problem = ImportProblem::CodeTwice {
                        code: code.clone(),
                        first: (first != id).then(|| first.clone()),
                    };
                    diags.push(Diagnostic::error(problem).at(at.clone()));
                }
                None => {
                    codes.0.insert(key, id.to_string());
                }
            }
        }
    }
    codes
}

/// Whether a client's logo was found, and its size in pixels when it is a
/// raster image.
type LogoSeen = (bool, Option<(u32, u32)>);

/// client.yaml's text and what it says, and whether its logo was found,
/// with its size in pixels when it is a raster image.
fn client_file(
    root: &Path,
    dir: &Path,
    diags: &mut Diagnostics,
) -> (Option<Source>, Option<RawClientFile>, LogoSeen) {
    let client_yaml = dir.join("client.yaml");
    let source = if client_yaml.exists() {
        read_text(root, &client_yaml, diags)
    } else {
        diags.push(Diagnostic::error(FileProblem::NoClientFile).in_file(&rel(root, dir)));
        None
    };
    let file = source.as_ref().and_then(|src| files::client(src, diags));
    let logo = file.as_ref().and_then(|f| f.brand.logo.as_ref());
    let logo_found = logo.is_none_or(|logo| {
        let path = dir.join(logo);
        within::is_file(root, &path) || within::is_outside(root, &path)
    });
    let logo_pixels = logo.and_then(|logo| logo_pixels(root, &dir.join(logo)));
    (source, file, (logo_found, logo_pixels))
}

/// The pixel size in the header of the image at `path`; only the header is
/// read, never the image.
fn logo_pixels(root: &Path, path: &Path) -> Option<(u32, u32)> {
    use std::io::Read as _;
    let (file, _) = within::open(root, path).ok()?;
    let mut header = Vec::new();
    file.take(pixels::HEADER_BYTES)
        .read_to_end(&mut header)
        .ok()?;
    pixels::of(&header)
}

/// The partnership files that could be read, ids ascending, the ids of
/// those that could not, and whether the folder could be read at all.
fn partnerships(
    root: &Path,
    dir: &Path,
    markets: &[crate::model::Market],
    diags: &mut Diagnostics,
) -> Partnerships {
    let mut partnerships = Vec::new();
    let mut broken = Vec::new();
    let mut broken_codes = Vec::new();
    let Some(entries) = sorted_entries(root, &dir.join("partnerships"), diags) else {
        return Partnerships::default();
    };
    let twice = files_twice(root, &entries, diags);
    for path in entries {
        if !files::is_yaml(&path) {
            layout::not_input(root, &path, "partnerships", "yaml", diags);
            continue;
        }
        let stem = stem(&path);
        if twice.contains(&stem) {
            broken.push(stem);
            continue;
        }
        if !is_id(&stem) {
            let meant = files::slug(&stem);
            let problem = FileProblem::BadPartnershipFileName {
                stem,
                meant: meant.clone(),
            };
            diags.push(Diagnostic::error(problem).in_file(&rel(root, &path)));
            broken.push(meant);
            continue;
        }
        let read = read_text(root, &path, diags)
            .map(|src| partnership::partnership(&stem, src, markets, diags));
        match read {
            Some(Ok(p)) => partnerships.push(p),
            Some(Err(codes)) => {
                broken_codes.push((stem.clone(), codes));
                broken.push(stem);
            }
            None => broken.push(stem),
        }
    }
    // Ids in code-point order, never file names' (`a-2.yaml` sorts before
    // `a.yaml`, but `a` before `a-2`).
    partnerships.sort_by(|a, b| a.id.cmp(&b.id));
    broken.sort();
    broken.dedup();
    Partnerships {
        read: partnerships,
        broken,
        broken_codes,
        read_folder: true,
    }
}

/// A client's partnership files as read.
#[derive(Default)]
struct Partnerships {
    /// The files read whole, in id order.
    read: Vec<RawPartnership>,
    /// The ids of the files with a problem: still known to every later
    /// check, so that no diagnostic follows from theirs.
    broken: Vec<String>,
    /// The promo codes such a file gives, by its id.
    broken_codes: Vec<(String, Vec<partnership::PromoCode>)>,
    /// Whether the folder could be read at all.
    read_folder: bool,
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().to_string())
        .unwrap_or_default()
}

/// The stems of `partnerships/` given by two files (`x.yaml` and `x.yml`),
/// with an error naming both: which one roster reads would be a guess.
fn files_twice(
    root: &Path,
    entries: &[PathBuf],
    diags: &mut Diagnostics,
) -> std::collections::BTreeSet<String> {
    let mut by_stem: std::collections::BTreeMap<String, Vec<&PathBuf>> = Default::default();
    for path in entries.iter().filter(|p| files::is_yaml(p)) {
        by_stem.entry(stem(path)).or_default().push(path);
    }
    by_stem.retain(|_, paths| paths.len() > 1);
    for (id, paths) in &by_stem {
        let names = paths.iter().map(|p| layout::name(p)).collect();
        let problem = FileProblem::PartnershipFilesTwice {
            id: id.clone(),
            names,
        };
        diags.push(Diagnostic::error(problem).in_file(&rel(root, paths[1])));
    }
    by_stem.into_keys().collect()
}

/// Where the agency's own notes are, under a client's folder.
const INTERNAL_NOTES: &str = "notes/internal";

/// The notes of `folder` (`kind` under the client's): (relative path, file
/// stem, Markdown text), paths ascending; `None` when the folder cannot be
/// read. `notes/internal/` is read on its own, not as a folder of `notes/`
/// that roster does not read.
fn notes(
    root: &Path,
    folder: &Path,
    kind: &str,
    diags: &mut Diagnostics,
) -> Option<Vec<(PathBuf, String, String)>> {
    let mut notes = Vec::new();
    for path in sorted_entries(root, folder, diags)? {
        if kind == "notes" && path.ends_with("internal") && path.is_dir() {
            continue;
        }
        if path.extension().and_then(|e| e.to_str()) != Some("md") {
            layout::not_input(root, &path, kind, "md", diags);
            continue;
        }
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().to_string())
            .unwrap_or_default();
        if let Some(src) = read_text(root, &path, diags) {
            notes.push((src.file, stem, src.text));
        }
    }

    Some(notes)
}

/// The files under a client's assets/, relative to the client folder; a
/// link to outside the portfolio is reported and left out.
fn assets(root: &Path, dir: &Path, diags: &mut Diagnostics) -> Vec<PathBuf> {
    let mut kept = Vec::new();
    for path in walk_files(root, &dir.join("assets"), diags).0 {
        match within::check(root, &path) {
            Ok(()) => {
                runs_nothing(root, &path, diags);
                kept.push(rel(dir, &path));
            }
            Err(within::Refused::Outside) => diags.push(within::outside(&rel(root, &path))),
            Err(within::Refused::NotAFile(kind)) => {
                diags.push(within::not_a_file(&rel(root, &path), kind));
            }
            // Gone since the walk, or a link to nowhere: nothing to copy.
            Err(within::Refused::Io(_)) => {}
        }
    }
    kept
}

/// Check an asset at `path` for what would run or load from the network
/// once published ([`active`]): a kind of file that runs is refused by
/// its name; an SVG and a stylesheet are read and searched.
fn runs_nothing(root: &Path, path: &Path, diags: &mut Diagnostics) {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let file = rel(root, path);
    if active::RUNNABLE.contains(&ext.as_str()) {
        diags.push(Diagnostic::error(FileProblem::RunnableAsset { ext }).in_file(&file));
    } else if ext == "svg" || ext == "css" {
        let Some(src) = read_text(root, path, diags) else {
            return;
        };
        if ext == "svg" {
            if let Some(f) = active::in_svg(&src.text) {
                let at = Location::at_byte(&file, &src.text, f.at);
                diags.push(Diagnostic::error(FileProblem::RunningSvg { what: f.what }).at(at));
            }
        } else {
            active::network(&src, diags);
        }
    }
}

/// The years roster reads in dates: anything else is a typo, and would make
/// a report of thousands of months.
pub(crate) const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// The days `ramp_up_days` may be: none at all up to a year. More is a
/// typo, and would leave every partnership unjudged.
pub(crate) const RAMP_UP_DAYS: std::ops::RangeInclusive<u32> = 0..=365;

/// The days `repeat_window_days` may be: a day up to two years. No customer
/// could come back in a window of none, and a longer one than the report
/// could ever see is a typo.
pub(crate) const REPEAT_WINDOW_DAYS: std::ops::RangeInclusive<u32> = 1..=730;

/// The largest count (impressions, followers...) roster reads: more is a
/// typo, and sums of such counts would overflow.
pub(crate) const MAX_COUNT: u64 = 1_000_000_000_000;

/// The largest amount of money or rate roster reads, for the same reasons.
pub(crate) fn max_amount() -> rust_decimal::Decimal {
    rust_decimal::Decimal::from(1_000_000_000_000_u64)
}

/// The exchange rates roster reads: one unit of a currency worth from
/// 10^-10 to 10^10 of another. Outside them a rate is a typo, and amounts
/// converted at it, or at its inverse, outgrow exact arithmetic.
pub(crate) const RATES: std::ops::RangeInclusive<rust_decimal::Decimal> =
    rust_decimal::Decimal::from_parts(1, 0, 0, false, 10)
        ..=rust_decimal::Decimal::from_parts(1_410_065_408, 2, 0, false, 0);

/// Whether a date's year is in [`YEARS`].
pub(crate) fn plausible(date: &chrono::NaiveDate) -> bool {
    YEARS.contains(&chrono::Datelike::year(date))
}
