//! The stages in order, load -> resolve -> analytics -> view -> the two
//! renderers, shared by `build`, `check` and `serve`.
//!
//! [`prepare`] reads, resolves and computes a portfolio and compiles its
//! templates once into the one [`Renderer`] a build uses for every page;
//! beside it, one [`crate::pdf::Reports`] typesets every monthly PDF. Both
//! render the same views ([`crate::view::ClientView`]), as peers
//! ([`Renderers`]), through [`render_client`], the one way a client's site
//! is made. `build` then renders each client straight into the staging folder of
//! [`crate::output`]; `check` renders the same pages in memory, for what only
//! rendering finds, and writes nothing; `serve` renders in memory too, reading and
//! resolving only the clients that changed through a [`Reading`], then
//! [`figures`] and [`render_in_memory`]. This is the only module that
//! names the resolve stage.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Result;
use rayon::prelude::*;

use crate::analytics::{self, ClientFigures};
use crate::diagnostics::kind::RunProblem;
use crate::diagnostics::terminal::{self, Run};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::load;
use crate::model::{Client, Portfolio};
use crate::output::{self, Staging};
use crate::progress::Progress;
use crate::render::{Page, Renderer};
use crate::resolve;
use crate::view::ClientView;

pub use crate::resolve::Overrides;
pub(crate) use reading::Reading;

mod reading;

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
    /// How each export was read (its preset or `imports` entry), for
    /// `check` to print.
    pub reads: Vec<String>,
}

/// One client's rendered files: its id, and the files of its folder.
pub(crate) type ClientFiles = (String, Vec<Page>);

/// A portfolio with its figures.
pub struct Computed {
    /// The model.
    pub portfolio: Portfolio,
    /// Figures per client, in the portfolio's client order.
    pub figures: Vec<ClientFigures>,
}

/// A computed portfolio and the renderers of its files.
pub(crate) struct Prepared {
    /// The model and its figures.
    pub computed: Computed,
    /// The portfolio's templates, compiled once for the whole build.
    pub renderer: Renderer,
    /// The monthly reports' PDFs, typeset by one typesetter for the build.
    pub pdf: crate::pdf::Reports,
}

impl Prepared {
    /// Both renderers, as [`render_clients`] runs them.
    pub(crate) fn renderers(&self) -> Renderers<'_> {
        Renderers {
            html: &self.renderer,
            pdf: &self.pdf,
        }
    }
}

/// The two renderers of a build, peers over the same views
/// ([`crate::view`]): the HTML pages' and the monthly PDFs'.
#[derive(Clone, Copy)]
pub struct Renderers<'a> {
    /// The pages, through the templates.
    pub html: &'a Renderer,
    /// The monthly reports' PDFs.
    pub pdf: &'a crate::pdf::Reports,
}

/// The figures of every client of `portfolio`, in parallel, in its order.
pub(crate) fn figures(portfolio: &Portfolio) -> Vec<ClientFigures> {
    portfolio
        .clients
        .par_iter()
        .map(|c| analytics::client(c, &portfolio.settings, portfolio.as_of))
        .collect()
}

/// Load, validate and compute. `None` when there are errors.
pub fn compute(root: &Path, overrides: &Overrides, diags: &mut Diagnostics) -> Option<Computed> {
    let computed =
        prepare(root, overrides, diags, &Progress::hidden(), &mut Vec::new()).map(|p| p.computed);
    diags.settle();
    computed
}

/// [`compute`] for `roster archive`: an archive that cannot be read does
/// not stop it (the month it records may be the one archived again): its
/// problem stays held in `diags`, for the caller to settle once the
/// archive is written.
pub(crate) fn compute_for_archive(
    root: &Path,
    overrides: &Overrides,
    diags: &mut Diagnostics,
) -> Option<Computed> {
    let computed =
        prepare(root, overrides, diags, &Progress::hidden(), &mut Vec::new()).map(|p| p.computed);
    computed.filter(|_| !diags.has_errors())
}

/// Load, compile the templates, resolve and compute. `None` when there are
/// errors; the templates are reported with the rest. How each export was
/// read goes to `reads`.
pub(crate) fn prepare(
    root: &Path,
    overrides: &Overrides,
    diags: &mut Diagnostics,
    progress: &Progress,
    reads: &mut Vec<String>,
) -> Option<Prepared> {
    progress.stage("loading", None);
    let raw = load::portfolio(root, overrides.as_of, diags);
    *reads = raw
        .clients
        .iter()
        .flat_map(|c| &c.metrics)
        .filter_map(|f| {
            let way = f.read_as.as_deref()?;
            Some(terminal::read_through(&f.path, f.sheet.as_deref(), way))
        })
        .collect();
    let renderer = Renderer::compile(&raw.looks, diags);
    progress.stage("computing", None);
    // The model owns what it needs: each client's rows (the largest thing
    // held) are dropped as soon as its model is built.
    let portfolio = resolve::portfolio_from(raw, overrides, diags)?;
    if diags.has_errors() {
        return None;
    }
    // A template that does not compile has been reported: it is an error.
    let renderer = renderer?;
    let figures = figures(&portfolio);
    restated_warnings(&portfolio, &figures, diags);
    Some(Prepared {
        computed: Computed { portfolio, figures },
        renderer,
        pdf: crate::pdf::Reports::new(),
    })
}

/// A warning at the archive of each month restated since it was sent
/// (docs/history.md): `check` says it on the pull request that changed the
/// data.
fn restated_warnings(portfolio: &Portfolio, figures: &[ClientFigures], diags: &mut Diagnostics) {
    use crate::diagnostics::kind::HistoryProblem;
    for (c, f) in portfolio.clients.iter().zip(figures) {
        for m in &f.restated {
            let Some(first) = m.first() else { continue };
            let problem = HistoryProblem::Restated {
                month: m.month.to_string(),
                as_of: m.as_of.to_string(),
                first: crate::view::restated_in_words(first, c.currency),
                more: m.items.len() - 1,
            };
            diags.push(Diagnostic::warning(problem).in_file(&m.file));
        }
    }
}

/// `roster check`: report every problem `build` would; write nothing.
pub fn check(root: &Path, overrides: &Overrides) -> Outcome {
    let mut diags = Diagnostics::new();
    let mut reads = Vec::new();
    let prepared = prepare(root, overrides, &mut diags, &Progress::hidden(), &mut reads);
    if let Some(p) = &prepared {
        check_rendering(p, &mut diags);
    }
    let prepared = prepared.filter(|_| !diags.has_errors());
    diags.settle();
    let summary = match (&prepared, terminal::summary(&diags, Run::Check)) {
        (_, Some(s)) => Some(s),
        (Some(p), None) => {
            let portfolio = &p.computed.portfolio;
            let clients = portfolio.clients.len();
            let as_of = (clients > 0).then_some(portfolio.as_of);
            // With nothing to report yet, the clients found are counted.
            let clients = clients.max(as_of.map_or(portfolio.published.len(), |_| 0));
            Some(terminal::checked(clients, as_of, diags.warning_count()))
        }
        (None, None) => None,
    };
    Outcome {
        reads,
        ..outcome(root, diags, summary)
    }
}

/// Render every page `build` would write, in memory, for what only
/// rendering finds: a template naming a variable its page lacks, a report
/// the typesetter cannot make, an asset that cannot be read.
fn check_rendering(prepared: &Prepared, diags: &mut Diagnostics) {
    if let Err(e) = render_in_memory(&prepared.computed, prepared.renderers(), None, diags) {
        diags.push(
            Diagnostic::error(RunProblem::RenderFailed {
                cause: format!("{e:#}"),
            })
            .io(),
        );
    }
}

/// `roster build`: check, compute, render and write the site.
pub fn build(opts: &BuildOptions) -> Result<Outcome> {
    build_with(opts, &Progress::hidden())
}

/// [`build`], reporting how far it has got to `progress`.
pub(crate) fn build_with(opts: &BuildOptions, progress: &Progress) -> Result<Outcome> {
    let started = Instant::now();
    let mut diags = Diagnostics::new();
    let mut reads = Vec::new();
    let prepared = prepare(
        &opts.root,
        &opts.overrides,
        &mut diags,
        progress,
        &mut reads,
    );
    let Some(prepared) = prepared.filter(|_| !diags.has_errors()) else {
        progress.finish();
        diags.settle();
        let summary = terminal::summary(&diags, Run::Build);
        return Ok(Outcome {
            reads,
            ..outcome(&opts.root, diags, summary)
        });
    };
    let portfolio = &prepared.computed.portfolio;
    let output = match &opts.output {
        Some(o) => o.clone(),
        None => opts.root.join(&portfolio.settings.output_dir),
    };
    let claimed = output::claim(&opts.root, &output, || {
        progress.note(&terminal::waiting_for_build(&output));
    })?;
    let staging = claimed.stage(portfolio.internal)?;
    let rendered = render_and_write(&prepared, &staging, opts, progress, &mut diags)?;
    if diags.has_errors() {
        progress.finish();
        diags.settle();
        // The staging folder is dropped, so nothing changes on disk.
        let summary = terminal::summary(&diags, Run::Build);
        return Ok(outcome(&opts.root, diags, summary));
    }
    let (mut written, top, pages) = rendered;
    progress.stage("writing", None);
    let ids: Vec<&str> = portfolio.clients.iter().map(|c| c.id.as_str()).collect();
    let published: Vec<&str> = portfolio.published.iter().map(|c| c.as_str()).collect();
    let previous = output::Previous {
        rebuilt: &ids,
        published: &published,
        new_top: !top.is_empty(),
    };
    written.extend(staging.keep_previous(&previous, &opts.overrides.clients)?);
    written.extend(staging.write_top(&top)?);
    claimed.commit(staging, written)?;
    progress.finish();
    // An archive that could not be read did not stop the build: said now,
    // with the site written without it.
    diags.settle();
    let summary = terminal::built(ids.len(), pages, &output, started.elapsed());
    Ok(Outcome {
        reads,
        ..outcome(&opts.root, diags, Some(summary))
    })
}

fn outcome(root: &Path, diagnostics: Diagnostics, summary: Option<String>) -> Outcome {
    Outcome {
        root: root.to_path_buf(),
        diagnostics,
        summary,
        reads: Vec::new(),
    }
}

/// Render every client into `staging` as soon as it is done, then the
/// index: the paths written, the index's files (still to write) and the
/// number of pages. What the portfolio's templates, reports or assets make
/// fail goes to `diags`; only a failure of the machine is an error.
fn render_and_write(
    prepared: &Prepared,
    staging: &Staging,
    opts: &BuildOptions,
    progress: &Progress,
    diags: &mut Diagnostics,
) -> Result<(Vec<String>, Vec<Page>, usize)> {
    let (computed, renderer) = (&prepared.computed, &prepared.renderer);
    let write = |id: &str, pages: Vec<Page>| {
        let html = pages.iter().filter(|(n, _)| n.ends_with(".html")).count();
        let written = staging.write_client(id, &pages)?;
        progress.detail(|| terminal::client_built(id, html, pages.len()));
        Ok((written, html))
    };
    let only = None;
    let done = render_clients(computed, prepared.renderers(), only, progress, diags, write)?;
    // With --client the index would list only the chosen clients: keep
    // the previous one instead.
    let top = match opts.overrides.clients.is_empty() {
        true => render_index(computed, renderer, diags),
        false => Vec::new(),
    };
    let pages = done.iter().map(|d| d.1).sum::<usize>()
        + top.iter().filter(|(n, _)| n.ends_with(".html")).count();
    Ok((done.into_iter().flat_map(|d| d.0).collect(), top, pages))
}

/// The sites of the computed clients (of those in `only`) and the index,
/// in memory: what `check` renders and what `serve` serves. What fails to
/// render goes to `diags`, and its client is left out.
pub(crate) fn render_in_memory(
    computed: &Computed,
    renderers: Renderers,
    only: Option<&BTreeSet<String>>,
    diags: &mut Diagnostics,
) -> Result<(Vec<ClientFiles>, Vec<Page>)> {
    let hidden = &Progress::hidden();
    let sites = render_clients(computed, renderers, only, hidden, diags, in_memory)?;
    Ok((sites, render_index(computed, renderers.html, diags)))
}

/// The sink of [`render_clients`] that keeps a client's files in memory.
pub fn in_memory(id: &str, pages: Vec<Page>) -> Result<ClientFiles> {
    Ok((id.to_string(), pages))
}

/// Render the sites of the computed clients, or of those in `only`, in
/// parallel, handing each client's files to `each` as soon as they are
/// done; its results in the portfolio's client order. `build` writes them
/// out, so the whole site never sits in memory; `serve` only renders the
/// clients whose files changed. A client that fails to render is left out,
/// its problems in `diags` (the same failure in many clients once); an
/// error is a failure of `each`.
pub fn render_clients<T: Send>(
    computed: &Computed,
    renderers: Renderers,
    only: Option<&BTreeSet<String>>,
    progress: &Progress,
    diags: &mut Diagnostics,
    each: impl Fn(&str, Vec<Page>) -> Result<T> + Sync,
) -> Result<Vec<T>> {
    let chosen: Vec<_> = computed
        .portfolio
        .clients
        .iter()
        .zip(&computed.figures)
        .filter(|(c, _)| only.is_none_or(|o| o.contains(c.id.as_str())))
        .collect();
    progress.stage("rendering", Some(chosen.len() as u64));
    let rendered: Vec<Result<Result<T, Vec<Diagnostic>>>> = chosen
        .into_par_iter()
        .map(|(c, f)| {
            let (pages, problems) = render_client(&computed.portfolio, (c, f), renderers);
            let done = match problems.is_empty() {
                true => Ok(each(c.id.as_str(), pages)?),
                false => Err(problems),
            };
            progress.advance();
            Ok(done)
        })
        .collect();
    let mut done = Vec::new();
    let mut seen: Vec<Diagnostic> = Vec::new();
    for client in rendered {
        match client? {
            Ok(t) => done.push(t),
            Err(problems) => {
                for d in problems {
                    if !seen.contains(&d) {
                        seen.push(d);
                    }
                }
            }
        }
    }
    seen.into_iter().for_each(|d| diags.push(d));
    Ok(done)
}

/// Every file of one client's site: both renderers over the same views,
/// the PDFs typeset while the pages are filled in, and the client's
/// assets; with what failed, every page tried. The one way a client's
/// site is made, for `build`, `check` and `serve`.
pub(crate) fn render_client(
    portfolio: &Portfolio,
    (client, figures): (&Client, &ClientFigures),
    renderers: Renderers,
) -> (Vec<Page>, Vec<Diagnostic>) {
    let (assets, mut problems) = client_assets(portfolio, client);
    let view = ClientView::new(portfolio, client, figures);
    let logo = (view.ctx.logo.as_ref())
        .and_then(|name| assets.iter().find(|(p, _)| p == name))
        .map(|(p, bytes)| (p.as_str(), bytes.as_slice()));
    let files: Vec<(&str, &[u8])> = (assets.iter())
        .map(|(p, bytes)| (p.as_str(), bytes.as_slice()))
        .collect();
    let begun = renderers.pdf.start(&view, logo, &files);
    let (mut pages, failed) = renderers.html.client(&view);
    problems.extend(failed);
    let (pdfs, failed) = begun.finish(&view.ctx);
    problems.extend(failed);
    pages.extend(pdfs);
    pages.extend(assets);
    (pages, problems)
}

/// `<output>/index.html` listing the clients (with its stylesheet) when
/// roster.yaml says `index: true`; nothing otherwise, or when its template
/// fails (a diagnostic in `diags`).
pub(crate) fn render_index(
    computed: &Computed,
    renderer: &Renderer,
    diags: &mut Diagnostics,
) -> Vec<Page> {
    let portfolio = &computed.portfolio;
    // A portfolio with nothing to report yet has no report date to show.
    if !portfolio.settings.index || portfolio.clients.is_empty() {
        return Vec::new();
    }
    let clients: Vec<_> = portfolio.clients.iter().zip(&computed.figures).collect();
    renderer.index(portfolio, &clients).unwrap_or_else(|d| {
        diags.push(*d);
        Vec::new()
    })
}

/// A client's assets (its logo), read from `clients/<id>/` to be copied
/// into its folder at the same relative paths; what cannot be read, a
/// diagnostic.
fn client_assets(portfolio: &Portfolio, client: &Client) -> (Vec<Page>, Vec<Diagnostic>) {
    let dir = Path::new("clients").join(&client.id);
    let mut problems = Vec::new();
    let assets = (client.assets.iter())
        .filter_map(
            |rel| match load::within::copied(&portfolio.root, &dir.join(rel)) {
                Ok(bytes) => Some((rel.to_string_lossy().replace('\\', "/"), bytes)),
                Err(d) => {
                    problems.push(*d);
                    None
                }
            },
        )
        .collect();
    (assets, problems)
}
