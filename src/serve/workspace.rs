//! The incremental build behind `roster serve`: keep what was read and
//! computed, and redo only the clients whose files changed.
//!
//! Clients are independent from reading to rendering except for one thing:
//! the report date, which without `as_of` is the latest date over every
//! client. So a client-only rebuild re-reads that client, resolves the model
//! for it alone (the date still comes from every client's cached data), and
//! falls back to every client when the date moved, the settings changed, a
//! client folder went away or there is no good build yet. Diagnostics are
//! kept per client, so the errors shown are always those of the files as
//! they are now.
//!
//! The command line's `--as-of`, `--client` and `--internal` hold for every
//! rebuild, as for `build`: the report date is `--as-of` when given (so it
//! never moves), and with `--client` only those clients are served, so a
//! change to another client's folder is no change at all ([`Workspace::scope`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};

use super::changes::Changes;
use crate::analytics::ClientFigures;
use crate::diagnostics::Diagnostics;
use crate::model::{Client, Portfolio};
use crate::pipeline::{self, Computed, Overrides, Reading};
use crate::render::Page;

/// Each client's files, by its id.
type Sites = Vec<(String, Vec<Page>)>;

/// What a rebuild produced.
#[derive(Debug)]
pub(super) enum Rebuild {
    /// The site changed.
    Built {
        /// The files of every client rebuilt, replacing what it had.
        sites: Sites,
        /// Clients no longer in the site (folder removed, or unpublished).
        gone: Vec<String>,
        /// The files at the top of the site (the index of clients), all of
        /// them: the index shows every client's figures.
        top: Vec<Page>,
        /// The warnings of the clients rebuilt and of the portfolio.
        diagnostics: Diagnostics,
    },
    /// The data has errors: the site stays as it was.
    Failed {
        /// Every problem of the portfolio as it is now.
        diagnostics: Diagnostics,
    },
}

/// Diagnostics kept by where they point: one client's files, or the rest.
#[derive(Debug, Default)]
struct Scoped {
    portfolio: Diagnostics,
    clients: BTreeMap<String, Diagnostics>,
}

/// The client folder a diagnostic points into, if any.
fn client_of(file: &Path) -> Option<String> {
    let mut parts = file.components();
    match (parts.next(), parts.next()) {
        (Some(c), Some(id)) if c.as_os_str() == "clients" => {
            Some(id.as_os_str().to_string_lossy().into_owned())
        }
        _ => None,
    }
}

impl Scoped {
    fn split(diags: Diagnostics) -> Scoped {
        let mut scoped = Scoped::default();
        for d in diags.iter() {
            let id = d.location.as_ref().and_then(|l| client_of(&l.file));
            match id {
                Some(id) => scoped
                    .clients
                    .entry(id)
                    .or_default()
                    .push_from(&diags, d.clone()),
                None => scoped.portfolio.push_from(&diags, d.clone()),
            }
        }
        scoped
    }

    /// Replace what is known about `ids` (and, with `portfolio`, about the
    /// rest) by what `diags` says.
    fn replace(&mut self, ids: &BTreeSet<String>, diags: Diagnostics, portfolio: bool) {
        let new = Scoped::split(diags);
        for id in ids {
            self.clients.remove(id);
        }
        self.clients.extend(new.clients);
        if portfolio {
            self.portfolio = new.portfolio;
        }
    }

    fn collect_into(&self, ids: Option<&BTreeSet<String>>, out: &mut Diagnostics) {
        out.extend(self.portfolio.clone());
        for (id, d) in &self.clients {
            if ids.is_none_or(|ids| ids.contains(id)) {
                out.extend(d.clone());
            }
        }
    }
}

/// A portfolio being served: what was read, the last good figures, and
/// what the served site still lacks.
pub(super) struct Workspace {
    root: PathBuf,
    read: Reading,
    read_problems: Scoped,
    model_problems: Scoped,
    good: Option<Computed>,
    /// The monthly PDFs' typesetter, set up once for every rebuild.
    pdf: crate::pdf::Reports,
    /// Changes not yet in the served site because a rebuild failed.
    stale: Changes,
    /// `--as-of`, `--client` and `--internal`, for every rebuild.
    overrides: Overrides,
}

impl Workspace {
    /// A workspace for the portfolio at `root`, built as `overrides` say
    /// (as `build` takes them); nothing is read until the first
    /// [`Workspace::rebuild`].
    pub(super) fn new(root: &Path, overrides: Overrides) -> Workspace {
        Workspace {
            root: root.to_path_buf(),
            read: Reading::empty(root),
            read_problems: Scoped::default(),
            model_problems: Scoped::default(),
            good: None,
            pdf: crate::pdf::Reports::new(),
            stale: Changes::default(),
            overrides,
        }
    }

    /// The clients served when `--client` chose them; `None` for every
    /// client. Only their problems are shown: another client's could not
    /// be fixed while serving, for saving its files rebuilds nothing
    /// ([`Workspace::scope`]).
    fn served(&self) -> Option<BTreeSet<String>> {
        let chosen = &self.overrides.clients;
        (!chosen.is_empty()).then(|| chosen.iter().cloned().collect())
    }

    /// `changes` without the clients that are not served: with `--client`,
    /// saving another client's files rebuilds nothing.
    pub(super) fn scope(&self, mut changes: Changes) -> Changes {
        changes.clients.retain(|id| self.overrides.includes(id));
        changes
    }

    /// The output folder of roster.yaml, relative to the portfolio, once read.
    pub(super) fn output_dir(&self) -> Option<PathBuf> {
        self.read.output_dir()
    }

    /// The clients of the last good build: (id, name).
    pub(super) fn clients(&self) -> Vec<(String, String)> {
        self.good.as_ref().map_or_else(Vec::new, |g| {
            g.portfolio
                .clients
                .iter()
                .map(|c| (c.id.to_string(), c.name.clone()))
                .collect()
        })
    }

    /// Bring the site up to date with `changes` (and with whatever an
    /// earlier failed rebuild left out). An `Err` is a machine failure, such
    /// as a template that does not compile.
    pub(super) fn rebuild(&mut self, changes: Changes) -> Result<Rebuild> {
        let mut changes = self.scope(changes);
        changes.merge(std::mem::take(&mut self.stale));
        let result = self.try_rebuild(&changes);
        if !matches!(result, Ok(Rebuild::Built { .. })) {
            self.stale = changes;
        }
        result
    }

    /// One rebuild: read what changed, resolve it, merge its figures into
    /// the good build and render the clients rebuilt.
    fn try_rebuild(&mut self, changes: &Changes) -> Result<Rebuild> {
        self.read(changes);
        let (all, portfolio) = self.resolve(changes);
        let mut problems = self.problems(self.served().as_ref());
        let Some(portfolio) = portfolio.filter(|_| !problems.has_errors()) else {
            return Ok(Rebuild::Failed {
                diagnostics: problems,
            });
        };
        let (rebuilt, gone) = self.merge_figures(portfolio, all, changes);
        let (sites, top) = self.render(&rebuilt, &mut problems)?;
        if problems.has_errors() {
            return Ok(Rebuild::Failed {
                diagnostics: problems,
            });
        }
        // The warnings of what was rebuilt: every served client's, or the
        // changed clients' and the portfolio's.
        let served = self.served();
        let scope = match all {
            true => served.as_ref(),
            false => Some(&changes.clients),
        };
        Ok(Rebuild::Built {
            sites,
            gone,
            top,
            diagnostics: self.problems(scope),
        })
    }

    /// Resolve the model for `changes`: of the changed clients alone, or
    /// of every served client when the changes reach beyond them, there is
    /// no good build yet, or resolving the changed clients moved the report
    /// date. Whether it was every client, and the model (`None` when it
    /// cannot be resolved).
    fn resolve(&mut self, changes: &Changes) -> (bool, Option<Portfolio>) {
        let folder_gone = changes.clients.iter().any(|id| !self.read.has_client(id));
        // A client-only rebuild names at least one served client: an empty
        // list would mean every client to resolve.
        let all =
            changes.everything || self.good.is_none() || folder_gone || changes.clients.is_empty();
        let portfolio = self.model((!all).then_some(&changes.clients));
        let moved = portfolio.as_ref().is_some_and(|p| {
            let good = self.good.as_ref();
            good.is_some_and(|g| g.portfolio.as_of != p.as_of)
        });
        match !all && moved {
            true => (true, self.model(None)),
            false => (all, portfolio),
        }
    }

    /// Every problem known of the portfolio and of the clients in `scope`
    /// (every client when `None`).
    fn problems(&self, scope: Option<&BTreeSet<String>>) -> Diagnostics {
        let mut problems = Diagnostics::new();
        self.read_problems.collect_into(scope, &mut problems);
        self.model_problems.collect_into(scope, &mut problems);
        problems
    }

    /// Compute the figures of `portfolio` and make it the good build: the
    /// whole of it when `all`, else in place of the changed clients. The
    /// ids of the clients it holds (those to render), and of those that
    /// were served and are no longer.
    fn merge_figures(
        &mut self,
        portfolio: Portfolio,
        all: bool,
        changes: &Changes,
    ) -> (BTreeSet<String>, Vec<String>) {
        let figures = pipeline::figures(&portfolio);
        let before: BTreeSet<String> = self.clients().into_iter().map(|(id, _)| id).collect();
        let rebuilt: BTreeSet<String> =
            portfolio.clients.iter().map(|c| c.id.to_string()).collect();
        let touched = if all {
            self.good = Some(Computed { portfolio, figures });
            &before
        } else {
            let good = self
                .good
                .as_mut()
                .expect("a client-only rebuild has a good build");
            merge(good, &changes.clients, portfolio.clients, figures);
            &changes.clients
        };
        let gone = touched
            .iter()
            .filter(|id| before.contains(*id) && !rebuilt.contains(*id))
            .cloned()
            .collect();
        (rebuilt, gone)
    }

    /// Render the `rebuilt` clients of the good build, and the top of the
    /// site, in memory; a page that fails is one of `problems`.
    fn render(
        &self,
        rebuilt: &BTreeSet<String>,
        problems: &mut Diagnostics,
    ) -> Result<(Sites, Vec<Page>)> {
        let good = self
            .good
            .as_ref()
            .expect("merge_figures set the good build");
        // Templates that do not compile are an error of the read before.
        let Some(renderer) = self.read.renderer() else {
            bail!("the templates do not compile");
        };
        let renderers = pipeline::Renderers {
            html: renderer,
            pdf: &self.pdf,
        };
        pipeline::render_in_memory(good, renderers, Some(rebuilt), problems)
    }

    /// Re-read everything, or only the clients that changed.
    fn read(&mut self, changes: &Changes) {
        let mut diags = Diagnostics::new();
        if changes.everything {
            self.read = Reading::all(&self.root, self.overrides.as_of, &mut diags);
            self.read_problems = Scoped::split(diags);
            return;
        }
        (self.read).clients(&changes.clients, self.overrides.as_of, &mut diags);
        self.read_problems.replace(&changes.clients, diags, false);
    }

    /// Resolve the model of `only` these clients (every served one when
    /// `None`); `only` holds served clients, at least one.
    fn model(&mut self, only: Option<&BTreeSet<String>>) -> Option<Portfolio> {
        let clients = match only {
            None => self.overrides.clients.clone(),
            Some(ids) => ids
                .iter()
                .filter(|id| self.overrides.includes(id))
                .cloned()
                .collect(),
        };
        debug_assert!(only.is_none() || !clients.is_empty());
        let overrides = Overrides {
            clients,
            ..self.overrides.clone()
        };
        let mut diags = Diagnostics::new();
        let portfolio = self.read.model(&overrides, &mut diags);
        // An archive that cannot be read: said over the page, as any error.
        diags.settle();
        match only {
            Some(ids) => self.model_problems.replace(ids, diags, true),
            None => self.model_problems = Scoped::split(diags),
        }
        portfolio
    }
}

/// Put the new model and figures of the `changed` clients into `good`,
/// keeping the portfolio's order (ids ascending).
fn merge(
    good: &mut Computed,
    changed: &BTreeSet<String>,
    clients: Vec<Client>,
    figures: Vec<ClientFigures>,
) {
    let old_clients = std::mem::take(&mut good.portfolio.clients);
    let old_figures = std::mem::take(&mut good.figures);
    let mut all: Vec<(Client, ClientFigures)> = old_clients
        .into_iter()
        .zip(old_figures)
        .filter(|(c, _)| !changed.contains(c.id.as_str()))
        .chain(clients.into_iter().zip(figures))
        .collect();
    all.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    (good.portfolio.clients, good.figures) = all.into_iter().unzip();
}
