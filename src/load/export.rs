//! Reading exports named on the command line, for `roster import`: the
//! client's settings, partnerships and mappings from the portfolio, and
//! each export (wherever it is: that is the point of importing it) read
//! the way a build would read it inside the client's `metrics/`.

use std::path::{Path, PathBuf};

use super::imports::{Codes, How};
use super::{RawClientFile, RawPartnership, files, table};
use crate::diagnostics::kind::{FileProblem, ImportProblem};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::model::Settings;

/// What reading a client's exports needs of the portfolio.
#[derive(Debug)]
pub(crate) struct ClientContext {
    /// The portfolio folder.
    pub root: PathBuf,
    /// The client's folder.
    pub dir: PathBuf,
    /// roster.yaml's settings.
    pub settings: Settings,
    /// client.yaml.
    pub file: RawClientFile,
    /// The partnerships that could be read.
    pub partnerships: Vec<RawPartnership>,
    /// Their promo codes.
    pub codes: Codes,
}

/// Read roster.yaml, the client `id`'s client.yaml and partnerships; `None`
/// (with the problems in `diags`) when they cannot be read.
pub(crate) fn client_context(
    root: &Path,
    id: &str,
    diags: &mut Diagnostics,
) -> Option<ClientContext> {
    let roster = root.join("roster.yaml");
    if !roster.exists() {
        let folder = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        diags.push(Diagnostic::error(FileProblem::NoPortfolio { folder }).io());
        return None;
    }
    let settings = super::read_text(root, &roster, diags)
        .and_then(|src| files::settings(&src, diags))?
        .settings;
    let dir = root.join("clients").join(id);
    if !files::is_id(id) || !dir.is_dir() {
        let clients = super::layout::client_dirs(root, &mut Diagnostics::new())
            .iter()
            .filter_map(|d| d.file_name().map(|n| n.to_string_lossy().to_string()))
            .collect();
        let problem = ImportProblem::NoSuchClient {
            id: id.to_string(),
            clients,
        };
        diags.push(Diagnostic::error(problem).usage());
        return None;
    }
    let (_, file, _) = super::client_file(root, &dir, diags);
    let file = file?;
    let found = super::partnerships(root, &dir, &file.markets, diags);
    let codes = super::codes(&found, diags);
    let partnerships = found.read;
    Some(ClientContext {
        root: root.to_path_buf(),
        dir,
        settings,
        file,
        partnerships,
        codes,
    })
}

/// How an export is to be read: the preset `--as` names, the
/// partnership `--partnership` gives.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct ExportHow<'a> {
    /// `--as`.
    pub preset: Option<&'static str>,
    /// `--partnership`.
    pub partnership: Option<&'a str>,
}

/// Read the export at `path` (named `shown` in diagnostics) as the
/// client's `metrics/` would be read: through the `imports` entry its path
/// (inside the client folder) or its name (outside) matches, as a preset,
/// or in roster's format. Orders keep their revenue, to be written out.
pub(crate) fn export(
    ctx: &ClientContext,
    (path, shown): (&Path, &Path),
    given: ExportHow,
    diags: &mut Diagnostics,
) -> Vec<Result<table::CsvFile, table::Unread>> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) => {
            let problem = FileProblem::Unreadable {
                reason: e.to_string(),
            };
            diags.push(Diagnostic::error(problem).in_file(shown).io());
            return Vec::new();
        }
    };
    let inside = std::fs::canonicalize(path)
        .ok()
        .zip(std::fs::canonicalize(&ctx.dir).ok())
        .and_then(|(p, d)| p.strip_prefix(d).ok().map(Path::to_path_buf));
    let rel = inside
        .clone()
        .unwrap_or_else(|| PathBuf::from(path.file_name().unwrap_or_default()));
    let owners: Vec<&str> = ctx.partnerships.iter().map(|p| p.id.as_str()).collect();
    let base = How {
        order: ctx.file.date_order.unwrap_or(ctx.settings.date_order),
        salt: &ctx.settings.customer_salt,
        codes: Some(&ctx.codes),
        importing: true,
        preset: given.preset,
        mentions: &ctx.file.mentions,
        ..How::default()
    };
    let mut how = super::metrics::how_for(&rel, &base, &ctx.file.imports, &owners);
    if inside.is_none() {
        how.folder = None;
    }
    how.folder = given.partnership.or(how.folder);
    super::metrics::tables_of(shown, &bytes, &how, diags)
}
