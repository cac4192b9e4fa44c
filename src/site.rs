//! Run the stages and write the output tree atomically.
//!
//! A build renders every page in memory, writes them into a staging folder
//! beside the output and swaps it in only when all of it succeeded, so a
//! failed or interrupted build leaves the previous site byte-identical. The
//! output folder carries a manifest of what roster wrote; a folder holding
//! anything else, the portfolio itself or one of its input folders is
//! refused. A linked output is built into the folder the link points at;
//! the lock, the leftovers and the swap itself are [`crate::output_fs`]'s.

use std::collections::BTreeSet;
use std::fs;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, mpsc};
use std::time::Duration;

use anyhow::{Context, Result, bail};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use crate::analytics::{self, ClientFigures};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load;
use crate::model::Portfolio;
use crate::output_fs::{self, OutputLock};
use crate::render::{Page, Renderer, templates};
use crate::resolve::{self, Overrides};
use crate::terminal::{self, Run};

/// The file in the output folder that lists what roster wrote.
pub const MANIFEST: &str = ".roster-manifest";

/// What `roster build` was asked to do.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The portfolio folder.
    pub root: PathBuf,
    /// `--output`; default: roster.yaml's output_dir under the portfolio.
    pub output: Option<PathBuf>,
    /// `--as-of` and `--client`.
    pub overrides: Overrides,
}

/// What a run found and did.
#[derive(Debug)]
pub struct Outcome {
    /// The portfolio folder, to read sources from when printing.
    pub root: PathBuf,
    /// Every problem.
    pub diagnostics: Diagnostics,
    /// The closing line.
    pub summary: Option<String>,
}

/// A portfolio with its figures.
pub struct Computed {
    /// The model.
    pub portfolio: Portfolio,
    /// Figures per client, in the portfolio's client order.
    pub figures: Vec<ClientFigures>,
}

/// Load, validate and compute. `None` when there are errors.
pub fn compute(root: &Path, overrides: &Overrides, diags: &mut Diagnostics) -> Option<Computed> {
    compute_with(root, overrides, diags, &Progress::hidden())
}

fn compute_with(
    root: &Path,
    overrides: &Overrides,
    diags: &mut Diagnostics,
    progress: &Progress,
) -> Option<Computed> {
    progress.stage("loading", None);
    let raw = load::portfolio(root, diags);
    templates::compile(&raw.looks, diags);
    progress.stage("computing", None);
    let portfolio = resolve::portfolio(&raw, overrides, diags)?;
    // The model owns what it needs; the raw rows are the largest thing held.
    drop(raw);
    if diags.has_errors() {
        return None;
    }
    let figures = portfolio
        .clients
        .par_iter()
        .map(|c| analytics::client(c, &portfolio.settings, portfolio.as_of))
        .collect();
    Some(Computed { portfolio, figures })
}

/// The outcome of a build whose rendering failed; the staging folder is
/// dropped, so nothing changes on disk.
fn failed_render(e: anyhow::Error, mut diags: Diagnostics, root: &Path) -> Result<Outcome> {
    templates::to_diagnostic(e, &mut diags)?;
    let summary = terminal::summary(&diags, Run::Build);
    Ok(Outcome {
        root: root.to_path_buf(),
        diagnostics: diags,
        summary,
    })
}

/// Render every page `build` would write, in memory, for what only
/// rendering finds: a template naming a variable its page lacks, an asset
/// that cannot be read.
fn render_in_memory(computed: &Computed, diags: &mut Diagnostics) {
    let rendered = render_clients(computed, None, &Progress::hidden())
        .and_then(|_| render_index(computed).map(|_| ()));
    if let Err(e) = rendered
        && let Err(e) = templates::to_diagnostic(e, diags)
    {
        diags.push(Diagnostic::error(format!("{e:#}")).io());
    }
}

/// `roster check`: report every problem `build` would; write nothing.
pub fn check(root: &Path, overrides: &Overrides) -> Outcome {
    let mut diags = Diagnostics::new();
    let computed = compute(root, overrides, &mut diags);
    if let Some(c) = &computed {
        render_in_memory(c, &mut diags);
    }
    let computed = computed.filter(|_| !diags.has_errors());
    let summary = match (&computed, terminal::summary(&diags, Run::Check)) {
        (_, Some(s)) => Some(s),
        (Some(c), None) => Some(format!(
            "checked {} as of {}: no errors, {}",
            terminal::plural(c.portfolio.clients.len(), "client"),
            c.portfolio.as_of,
            terminal::plural(diags.warning_count(), "warning")
        )),
        (None, None) => None,
    };
    Outcome {
        root: root.to_path_buf(),
        diagnostics: diags,
        summary,
    }
}

/// `roster build`: check, compute, render and write the site.
pub fn build(opts: &BuildOptions) -> Result<Outcome> {
    build_with(opts, &Progress::hidden())
}

/// [`build`], reporting how far it has got to `progress`.
pub fn build_with(opts: &BuildOptions, progress: &Progress) -> Result<Outcome> {
    let started = std::time::Instant::now();
    let mut diags = Diagnostics::new();
    let computed = compute_with(&opts.root, &opts.overrides, &mut diags, progress);
    let Some(computed) = computed.filter(|_| !diags.has_errors()) else {
        progress.finish();
        let summary = terminal::summary(&diags, Run::Build);
        return Ok(Outcome {
            root: opts.root.clone(),
            diagnostics: diags,
            summary,
        });
    };
    let output = match &opts.output {
        Some(o) => o.clone(),
        None => opts.root.join(&computed.portfolio.settings.output_dir),
    };
    let (output, lock) = claim_output(&opts.root, &output, progress)?;
    let staging = Staging::begin(&output)?;
    let rendered = render_and_write(&computed, &staging, progress).and_then(|done| {
        // With --client the index would list only the chosen clients: keep
        // the previous one instead.
        let top = match opts.overrides.clients.is_empty() {
            true => render_index(&computed)?,
            false => Vec::new(),
        };
        Ok((done, top))
    });
    let ((written, pages), top) = match rendered {
        Ok(r) => r,
        Err(e) => {
            progress.finish();
            return failed_render(e, diags, &opts.root);
        }
    };
    let pages = pages + top.iter().filter(|(n, _)| n.ends_with(".html")).count();
    progress.stage("writing", None);
    let ids: Vec<&str> = computed
        .portfolio
        .clients
        .iter()
        .map(|c| c.id.as_str())
        .collect();
    let mut written = written;
    written.extend(staging.keep_previous(&ids, !top.is_empty(), &opts.overrides.clients)?);
    written.extend(staging.write_top(&top)?);
    staging.commit(written)?;
    output_fs::remove_leftovers(&output, &lock)?;
    progress.finish();
    let clients = ids.len();
    let summary = format!(
        "built {} clients, {} pages in {:.2} s",
        clients,
        pages,
        started.elapsed().as_secs_f64()
    );
    Ok(Outcome {
        root: opts.root.clone(),
        diagnostics: diags,
        summary: Some(summary),
    })
}

/// Render the sites of the computed clients, or of those in `only`, in
/// parallel: (client id, files) in the portfolio's client order. `build`
/// renders all of them; `serve` only the clients whose files changed.
pub fn render_clients(
    computed: &Computed,
    only: Option<&BTreeSet<String>>,
    progress: &Progress,
) -> Result<Vec<(String, Vec<Page>)>> {
    let renderer = Renderer::new(&computed.portfolio.looks)?;
    let chosen: Vec<_> = computed
        .portfolio
        .clients
        .iter()
        .zip(&computed.figures)
        .filter(|(c, _)| only.is_none_or(|o| o.contains(&c.id)))
        .collect();
    progress.stage("rendering", Some(chosen.len() as u64));
    chosen
        .into_par_iter()
        .map(|(c, f)| {
            let mut pages = renderer.client(&computed.portfolio, c, f)?;
            pages.extend(client_assets(&computed.portfolio, c)?);
            progress.advance();
            Ok((c.id.clone(), pages))
        })
        .collect()
}

/// Render every client and write it into `staging` as soon as it is done,
/// in parallel; returns the paths written and the number of pages.
fn render_and_write(
    computed: &Computed,
    staging: &Staging,
    progress: &Progress,
) -> Result<(Vec<String>, usize)> {
    let renderer = Renderer::new(&computed.portfolio.looks)?;
    progress.stage("rendering", Some(computed.portfolio.clients.len() as u64));
    let done: Vec<(Vec<String>, usize)> = computed
        .portfolio
        .clients
        .par_iter()
        .zip(&computed.figures)
        .map(|(c, f)| {
            let mut pages = renderer.client(&computed.portfolio, c, f)?;
            pages.extend(client_assets(&computed.portfolio, c)?);
            let html = pages.iter().filter(|(n, _)| n.ends_with(".html")).count();
            let written = staging.write_client(&c.id, &pages)?;
            progress.advance();
            Ok((written, html))
        })
        .collect::<Result<_>>()?;
    let pages = done.iter().map(|d| d.1).sum();
    Ok((done.into_iter().flat_map(|d| d.0).collect(), pages))
}

/// `<output>/index.html` listing the clients (with its stylesheet) when
/// roster.yaml says `index: true`; nothing otherwise.
pub fn render_index(computed: &Computed) -> Result<Vec<Page>> {
    let portfolio = &computed.portfolio;
    if !portfolio.settings.index {
        return Ok(Vec::new());
    }
    let renderer = Renderer::new(&portfolio.looks)?;
    let clients: Vec<_> = portfolio.clients.iter().zip(&computed.figures).collect();
    renderer.index(portfolio, &clients)
}

/// A client's assets (its logo), read from `clients/<id>/` and copied into
/// its folder at the same relative paths.
fn client_assets(portfolio: &Portfolio, client: &crate::model::Client) -> Result<Vec<Page>> {
    let dir = portfolio.root.join("clients").join(&client.id);
    client
        .assets
        .iter()
        .map(|rel| {
            let from = dir.join(rel);
            // Checked when the portfolio was read; read through the same door
            // in case the file was replaced by a link since.
            let bytes = match load::within::read(&portfolio.root, &from) {
                Ok(bytes) => bytes,
                Err(load::within::Refused::Outside) => {
                    bail!("{} leads outside the portfolio", from.display())
                }
                Err(load::within::Refused::Io(e)) => {
                    return Err(e).with_context(|| format!("reading {}", from.display()));
                }
            };
            Ok((rel.to_string_lossy().replace('\\', "/"), bytes))
        })
        .collect()
}

/// The folders of the portfolio that roster reads (input-format.md): an
/// output inside one would be read back by the next build (a page written
/// into `templates/` becomes a template).
const INPUT_FOLDERS: [&str; 3] = ["clients", "templates", "themes"];

/// Resolve the output folder to the real one, guard it, and lock it for
/// this build: the guard runs again under the lock, since until then
/// another build may have been swapping its site in.
fn claim_output(root: &Path, output: &Path, progress: &Progress) -> Result<(PathBuf, OutputLock)> {
    // Guarded first without the lock, so a folder refused outright gets no
    // lock file beside it.
    let real = guard_output(root, output)?;
    let lock = OutputLock::acquire(&real, || {
        progress.note(&format!(
            "waiting for another build of {} to finish",
            output.display()
        ));
    })?;
    recover_interrupted(&real)?;
    guard_contents(output, &real)?;
    Ok((real, lock))
}

/// Refuse an output folder that is the portfolio, contains it, lies in one
/// of its input folders, is a link to nothing, or holds files roster did not
/// write; otherwise the real folder to build into. Reads, never writes.
fn guard_output(root: &Path, output: &Path) -> Result<PathBuf> {
    let out_abs = output_fs::real_output(output)?;
    let root_abs = output_fs::real_path(root).unwrap_or_else(|_| root.to_path_buf());
    if root_abs.starts_with(&out_abs) {
        bail!(
            "the output folder {} is the portfolio or contains it; choose another with --output or output_dir",
            output.display()
        );
    }
    if let Some(folder) = INPUT_FOLDERS
        .iter()
        .find(|f| out_abs.starts_with(root_abs.join(f)))
    {
        bail!(
            "the output folder {} is inside the portfolio's {folder} folder, which roster reads as input; choose another with --output or output_dir",
            output.display()
        );
    }
    guard_contents(output, &out_abs)?;
    Ok(out_abs)
}

/// Refuse a real output folder `out_abs` (named `output` by the user) that
/// is a file or holds anything roster did not write. A link is never
/// roster's, even under a name in the manifest: copying or reading through
/// it would reach outside the output.
fn guard_contents(output: &Path, out_abs: &Path) -> Result<()> {
    if !out_abs.exists() {
        return Ok(());
    }
    if !out_abs.is_dir() {
        bail!(
            "the output path {} is a file, not a folder",
            output.display()
        );
    }
    let empty = fs::read_dir(out_abs)
        .with_context(|| format!("reading {}", output.display()))?
        .next()
        .is_none();
    if empty {
        return Ok(());
    }
    let manifest = match fs::read_to_string(out_abs.join(MANIFEST)) {
        Ok(text) => text,
        Err(_) => bail!(
            "the output folder {} holds files roster did not write (it has no {MANIFEST}); empty it or choose another with --output",
            output.display()
        ),
    };
    let listed: std::collections::BTreeSet<&str> =
        manifest.lines().filter(|l| !l.is_empty()).collect();
    let foreign: Vec<String> = walkdir::WalkDir::new(out_abs)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| !e.file_type().is_dir())
        .filter_map(|e| {
            let rel = e.path().strip_prefix(out_abs).ok()?;
            let rel = rel.to_string_lossy().replace('\\', "/");
            let ours = rel == MANIFEST || listed.contains(rel.as_str());
            (!ours || e.path_is_symlink()).then_some(rel)
        })
        .collect();
    if let Some(first) = foreign.first() {
        let more = match foreign.len() {
            1 => String::new(),
            n => format!(" and {} more", n - 1),
        };
        bail!(
            "the output folder {} holds files roster did not write ({first}{more}); move them elsewhere or choose another folder with --output",
            output.display()
        );
    }
    Ok(())
}

/// Where the previous site waits while a new one is swapped in.
fn aside(output: &Path) -> PathBuf {
    output_fs::beside(output, "old")
}

/// Put back the previous site when a build was interrupted between moving
/// it aside and moving the new one in.
fn recover_interrupted(output: &Path) -> Result<()> {
    let old = aside(output);
    // Not through a link: that would make the output a link to anywhere.
    let old_is_dir = fs::symlink_metadata(&old).is_ok_and(|m| m.is_dir());
    if !output.exists() && old_is_dir {
        fs::rename(&old, output).with_context(|| {
            format!(
                "putting back the previous site {} after an interrupted build",
                old.display()
            )
        })?;
    }
    Ok(())
}

/// Whether a path taken from a page name or the manifest stays inside the
/// folder it is joined to.
fn is_inside(rel: &str) -> bool {
    let path = Path::new(rel);
    !rel.is_empty()
        && path
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)))
}

/// Write the clients' files into a staging folder, then swap it in.
#[cfg(test)]
fn write_site(output: &Path, sites: &[(String, Vec<Page>)], only: &[String]) -> Result<()> {
    write_site_with(output, sites, &[], only)
}

/// [`write_site`] with files at the top of the output folder (the index);
/// with `--client` and no new ones, the previous top-level files are kept.
#[cfg(test)]
fn write_site_with(
    output: &Path,
    sites: &[(String, Vec<Page>)],
    top: &[Page],
    only: &[String],
) -> Result<()> {
    let staging = Staging::begin(output)?;
    let mut written = Vec::new();
    for (id, pages) in sites {
        written.extend(staging.write_client(id, pages)?);
    }
    let ids: Vec<&str> = sites.iter().map(|(id, _)| id.as_str()).collect();
    written.extend(staging.keep_previous(&ids, !top.is_empty(), only)?);
    written.extend(staging.write_top(top)?);
    staging.commit(written)
}

/// A new site being written beside the output folder. Clients are written
/// into it as soon as they are rendered (from several threads), so the whole
/// site never sits in memory; [`Staging::commit`] swaps it in. Dropped
/// without a commit, it removes itself and the output stays as it was.
pub struct Staging {
    dir: tempfile::TempDir,
    output: PathBuf,
}

impl Staging {
    /// Create the staging folder beside `output`.
    pub fn begin(output: &Path) -> Result<Staging> {
        let parent = output
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        let prefix = output_fs::beside(output, "new-");
        let prefix = prefix.file_name().unwrap_or_default();
        let dir = tempfile::Builder::new()
            .prefix(prefix)
            .tempdir_in(parent)
            .with_context(|| format!("creating a staging folder in {}", parent.display()))?;
        Ok(Staging {
            dir,
            output: output.to_path_buf(),
        })
    }

    /// Write one client's files; returns their paths for the manifest.
    pub fn write_client(&self, id: &str, pages: &[Page]) -> Result<Vec<String>> {
        let mut written = Vec::with_capacity(pages.len());
        let mut made: BTreeSet<PathBuf> = BTreeSet::new();
        for (rel, bytes) in pages {
            if !is_inside(id) || !is_inside(rel) {
                bail!("refusing to write {id}/{rel}: it would land outside the output folder");
            }
            let path = self.dir.path().join(id).join(rel);
            if let Some(dir) = path.parent().filter(|d| !made.contains(*d)) {
                fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
                made.insert(dir.to_path_buf());
            }
            fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
            written.push(format!("{id}/{rel}"));
        }
        Ok(written)
    }

    /// With `--client`, copy the previous site's other clients (and its
    /// top-level files, unless new ones are written) into the new one.
    pub fn keep_previous(
        &self,
        rebuilt: &[&str],
        new_top: bool,
        only: &[String],
    ) -> Result<Vec<String>> {
        let mut written = Vec::new();
        let manifest = self.output.join(MANIFEST);
        if only.is_empty() || !manifest.is_file() {
            return Ok(written);
        }
        let previous = fs::read_to_string(&manifest).unwrap_or_default();
        for rel in previous.lines().filter(|l| !l.is_empty()) {
            if !is_inside(rel) {
                bail!(
                    "the manifest of {} names {rel}, outside it",
                    self.output.display()
                );
            }
            let client = rel.split('/').next().unwrap_or_default();
            let replaced = if rel.contains('/') {
                rebuilt.contains(&client)
            } else {
                new_top
            };
            if replaced {
                continue;
            }
            let to = self.dir.path().join(rel);
            if let Some(dir) = to.parent() {
                fs::create_dir_all(dir)?;
            }
            fs::copy(self.output.join(rel), &to)
                .with_context(|| format!("keeping {rel} of the previous site"))?;
            written.push(rel.to_string());
        }
        Ok(written)
    }

    /// Write files at the top of the output folder (the index).
    pub fn write_top(&self, top: &[Page]) -> Result<Vec<String>> {
        let mut written = Vec::new();
        for (rel, bytes) in top {
            if !is_inside(rel) || rel.contains('/') {
                bail!("refusing to write {rel}: top-level pages are single files");
            }
            let path = self.dir.path().join(rel);
            fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
            written.push(rel.clone());
        }
        Ok(written)
    }

    /// Write the manifest of `written` and swap the new site in.
    pub fn commit(self, mut written: Vec<String>) -> Result<()> {
        let output = &self.output;
        written.sort();
        written.push(String::new());
        fs::write(self.dir.path().join(MANIFEST), written.join("\n"))
            .context("writing the manifest")?;

        if output.is_dir() && output_fs::exchange(self.dir.path(), output) {
            // The previous site is now where the staging folder was.
            let old = self.dir.keep();
            return remove_tree(&old)
                .with_context(|| format!("removing the previous site at {}", old.display()));
        }
        // Until the new site is in place, dropping `self.dir` removes it.
        let old = aside(output);
        if old.exists() {
            fs::remove_dir_all(&old).with_context(|| format!("removing {}", old.display()))?;
        }
        if output.exists() {
            fs::rename(output, &old)
                .with_context(|| format!("moving the previous site {} aside", output.display()))?;
        }
        if let Err(e) = fs::rename(self.dir.path(), output) {
            let _ = fs::rename(&old, output);
            return Err(e)
                .with_context(|| format!("moving the new site into {}", output.display()));
        }
        // Moved into place: nothing left for the guard to remove.
        let _ = self.dir.keep();
        if old.exists() {
            remove_tree(&old)
                .with_context(|| format!("removing the previous site at {}", old.display()))?;
        }
        Ok(())
    }
}

/// Remove a folder and everything in it, its subfolders (one per client) in
/// parallel: a site has thousands of files, and unlinking them is most of
/// the time a rebuild spends after rendering. A link in it is removed as a
/// link (`DirEntry::file_type` and `remove_dir_all` do not follow links), so
/// a link to `/` put into the site removes nothing outside it.
fn remove_tree(dir: &Path) -> std::io::Result<()> {
    let entries: Vec<fs::DirEntry> = fs::read_dir(dir)?.collect::<std::io::Result<_>>()?;
    entries.par_iter().try_for_each(|e| {
        if e.file_type()?.is_dir() {
            fs::remove_dir_all(e.path())
        } else {
            fs::remove_file(e.path())
        }
    })?;
    fs::remove_dir(dir)
}

/// Render diagnostics for the terminal.
pub fn render_diagnostics(diags: &Diagnostics, root: &Path, color: bool) -> String {
    terminal::render(diags, root, color)
}

/// A progress bar on stderr for builds long enough to want one: it appears
/// only after about a second, and never when stderr is not a terminal, so
/// quick builds, pipes and tests see nothing but the closing line.
pub struct Progress {
    bar: ProgressBar,
    /// Set when the build is over; the bar is then never shown again.
    done: Arc<Mutex<bool>>,
    /// Dropped at the end, which wakes the thread waiting to show the bar.
    timer: Mutex<Option<mpsc::Sender<()>>>,
    /// Whether [`Progress::note`] prints: a message such as "waiting for
    /// another build" matters in a pipe or a CI log too.
    notes: bool,
}

impl Progress {
    /// No bar at all: for libraries, tests and `serve`'s rebuilds.
    pub fn hidden() -> Progress {
        Progress {
            bar: ProgressBar::hidden(),
            done: Arc::new(Mutex::new(false)),
            timer: Mutex::new(None),
            notes: false,
        }
    }

    /// A bar on stderr, drawn once the build has taken a second.
    pub fn stderr() -> Progress {
        let mut progress = Progress::hidden();
        progress.notes = true;
        if !std::io::stderr().is_terminal() {
            return progress;
        }
        let (tx, rx) = mpsc::channel::<()>();
        let (bar, done) = (progress.bar.clone(), progress.done.clone());
        std::thread::spawn(move || {
            if rx.recv_timeout(Duration::from_secs(1)) == Err(mpsc::RecvTimeoutError::Timeout) {
                let done = done.lock().unwrap_or_else(|e| e.into_inner());
                if !*done {
                    bar.set_draw_target(ProgressDrawTarget::stderr());
                    bar.enable_steady_tick(Duration::from_millis(100));
                }
            }
        });
        *progress.timer.lock().unwrap_or_else(|e| e.into_inner()) = Some(tx);
        progress
    }

    /// Start a stage: a spinner, or a bar when the steps are counted.
    pub fn stage(&self, name: &'static str, steps: Option<u64>) {
        let template = match steps {
            Some(_) => "{spinner} {msg} [{bar:30}] {pos}/{len} clients",
            None => "{spinner} {msg}",
        };
        let style = ProgressStyle::with_template(template)
            .expect("the progress template is valid")
            .progress_chars("=> ");
        self.bar.set_message(name);
        self.bar.set_length(steps.unwrap_or(0));
        self.bar.set_position(0);
        self.bar.set_style(style);
    }

    /// Tell the user why the build is not moving on, above the bar.
    pub fn note(&self, message: &str) {
        if self.notes {
            self.bar.suspend(|| eprintln!("{message}"));
        }
    }

    /// One counted step of the stage is done.
    pub fn advance(&self) {
        self.bar.inc(1);
    }

    /// Clear the bar for good, before the closing line prints.
    pub fn finish(&self) {
        *self.done.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.timer.lock().unwrap_or_else(|e| e.into_inner()).take();
        self.bar.finish_and_clear();
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(rel: &str, text: &str) -> Page {
        (rel.to_string(), text.as_bytes().to_vec())
    }

    /// Every file under `dir` with its bytes, and every name beside it.
    fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(dir).unwrap().display().to_string();
                (rel, fs::read(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    }

    fn siblings(dir: &Path) -> Vec<String> {
        let mut v: Vec<String> = fs::read_dir(dir.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        v.sort();
        v
    }

    #[test]
    fn a_write_that_fails_halfway_changes_nothing() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("site");
        let first = vec![("c".to_string(), vec![page("index.html", "one")])];
        write_site(&out, &first, &[]).unwrap();
        let before = snapshot(&out);
        assert_eq!(siblings(&out), ["site"]);
        // `a` is a file, so `a/b` cannot be written: the staging fails midway.
        let broken = vec![(
            "c".to_string(),
            vec![page("index.html", "two"), page("a", "x"), page("a/b", "y")],
        )];
        assert!(write_site(&out, &broken, &[]).is_err());
        assert_eq!(snapshot(&out), before);
        assert_eq!(siblings(&out), ["site"], "the staging folder is removed");
    }

    #[test]
    fn writes_nothing_outside_the_output_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("site");
        for (id, rel) in [
            ("c", "../../escape.html"),
            ("..", "x.html"),
            ("c", "/abs.html"),
        ] {
            let sites = vec![(id.to_string(), vec![page(rel, "x")])];
            assert!(write_site(&out, &sites, &[]).is_err(), "{id}/{rel}");
        }
        assert!(!tmp.path().join("escape.html").exists());
        assert_eq!(siblings(&out), Vec::<String>::new());
        // A manifest edited to point outside is not followed either.
        write_site(&out, &[("c".to_string(), vec![page("i.html", "1")])], &[]).unwrap();
        fs::write(out.join(MANIFEST), "../secret\nc/i.html\n").unwrap();
        fs::write(tmp.path().join("secret"), "s").unwrap();
        let only = ["c".to_string()];
        assert!(write_site(&out, &[("c".to_string(), vec![])], &only).is_err());
    }

    #[test]
    fn refuses_output_folders_it_does_not_own() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("portfolio");
        fs::create_dir_all(root.join("clients/c")).unwrap();
        let refused = |out: &Path| guard_output(&root, out).unwrap_err().to_string();
        assert!(refused(&root).contains("is the portfolio or contains it"));
        assert!(refused(tmp.path()).contains("is the portfolio or contains it"));
        assert!(refused(&root.join("clients/site")).contains("inside the portfolio's clients"));
        assert!(refused(&root.join("templates")).contains("inside the portfolio's templates"));
        assert!(refused(&root.join("themes/x")).contains("inside the portfolio's themes"));
        let foreign = tmp.path().join("docs");
        fs::create_dir_all(&foreign).unwrap();
        fs::write(foreign.join("notes.txt"), "mine").unwrap();
        assert!(refused(&foreign).contains("holds files roster did not write"));
        // A site roster wrote, with one file added by hand.
        let out = tmp.path().join("site");
        write_site(
            &out,
            &[("c".to_string(), vec![page("index.html", "1")])],
            &[],
        )
        .unwrap();
        guard_output(&root, &out).unwrap();
        fs::write(out.join("CNAME"), "example.com").unwrap();
        assert!(refused(&out).contains("(CNAME)"), "{}", refused(&out));
        fs::write(tmp.path().join("file"), "x").unwrap();
        assert!(refused(&tmp.path().join("file")).contains("is a file"));
        guard_output(&root, &tmp.path().join("new")).unwrap();
    }

    #[test]
    fn puts_back_a_site_left_aside_by_an_interrupted_build() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("portfolio");
        fs::create_dir_all(&root).unwrap();
        let out = tmp.path().join("site");
        write_site(
            &out,
            &[("c".to_string(), vec![page("index.html", "1")])],
            &[],
        )
        .unwrap();
        let before = snapshot(&out);
        // Interrupted between moving the old site aside and the new one in.
        fs::rename(&out, aside(&out)).unwrap();
        claim_output(&root, &out, &Progress::hidden()).unwrap();
        assert_eq!(snapshot(&out), before);
        assert_eq!(siblings(&out), [".site.roster-lock", "portfolio", "site"]);
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_the_output_is_refused_even_under_a_name_roster_wrote() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("portfolio");
        fs::create_dir_all(&root).unwrap();
        let out = tmp.path().join("site");
        let site = [("c".to_string(), vec![page("index.html", "1")])];
        write_site(&out, &site, &[]).unwrap();
        // --client d would otherwise copy the secret into the new site.
        fs::write(tmp.path().join("secret"), "s").unwrap();
        fs::remove_file(out.join("c/index.html")).unwrap();
        std::os::unix::fs::symlink(tmp.path().join("secret"), out.join("c/index.html")).unwrap();
        let err = guard_output(&root, &out).unwrap_err().to_string();
        assert!(err.contains("did not write (c/index.html)"), "{err}");
    }

    #[cfg(unix)]
    #[test]
    fn deleting_the_previous_site_never_follows_a_link_inside_it() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("site");
        let kept = tmp.path().join("kept");
        fs::create_dir_all(&kept).unwrap();
        fs::write(kept.join("f"), "mine").unwrap();
        let site = [("c".to_string(), vec![page("index.html", "1")])];
        write_site(&out, &site, &[]).unwrap();
        std::os::unix::fs::symlink(&kept, out.join("root-link")).unwrap();
        std::os::unix::fs::symlink(&kept, out.join("c/link")).unwrap();
        write_site(&out, &site, &[]).unwrap();
        assert_eq!(fs::read(kept.join("f")).unwrap(), b"mine");
        assert!(!out.join("root-link").exists() && !out.join("c/link").exists());
    }
}
