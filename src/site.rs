//! Run the stages and write the output tree atomically.
//!
//! A build renders every page in memory, writes them into a staging folder
//! beside the output and swaps it in only when all of it succeeded, so a
//! failed or interrupted build leaves the previous site byte-identical. The
//! output folder carries a manifest of what roster wrote; a folder holding
//! anything else, or the portfolio itself, is refused.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

use crate::analytics::{self, ClientFigures};
use crate::diagnostics::Diagnostics;
use crate::model::Portfolio;
use crate::model::build::{self, Overrides};
use crate::render::{Page, Renderer};
use crate::{load, terminal};

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
    let raw = load::portfolio(root, diags);
    let portfolio = build::portfolio(&raw, overrides, diags)?;
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

/// `roster check`: report every problem; write nothing.
pub fn check(root: &Path, overrides: &Overrides) -> Outcome {
    let mut diags = Diagnostics::new();
    let computed = compute(root, overrides, &mut diags);
    let summary = match (&computed, terminal::summary(&diags, false)) {
        (_, Some(s)) => Some(s.replace("could not build: ", "")),
        (Some(c), None) => Some(format!(
            "checked {} clients as of {}: no errors, {} warnings",
            c.portfolio.clients.len(),
            c.portfolio.as_of,
            diags.warning_count()
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
    let started = std::time::Instant::now();
    let mut diags = Diagnostics::new();
    let computed = compute(&opts.root, &opts.overrides, &mut diags);
    let Some(computed) = computed.filter(|_| !diags.has_errors()) else {
        let summary = terminal::summary(&diags, true);
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
    guard_output(&opts.root, &output)?;
    let renderer = Renderer::new(&opts.root)?;
    let sites: Vec<(String, Vec<Page>)> = computed
        .portfolio
        .clients
        .par_iter()
        .zip(&computed.figures)
        .map(|(c, f)| Ok((c.id.clone(), renderer.client(&computed.portfolio, c, f)?)))
        .collect::<Result<_>>()?;
    let pages: usize = sites
        .iter()
        .map(|(_, p)| p.iter().filter(|(n, _)| n.ends_with(".html")).count())
        .sum();
    write_site(&output, &sites, &opts.overrides.clients)?;
    let summary = format!(
        "built {} clients, {} pages in {:.2} s",
        sites.len(),
        pages,
        started.elapsed().as_secs_f64()
    );
    Ok(Outcome {
        root: opts.root.clone(),
        diagnostics: diags,
        summary: Some(summary),
    })
}

fn absolute(p: &Path) -> PathBuf {
    let p = if p.is_absolute() {
        p.to_path_buf()
    } else {
        std::env::current_dir().unwrap_or_default().join(p)
    };
    // Resolve what exists; keep the rest as written.
    let mut existing = p.clone();
    let mut tail = Vec::new();
    while !existing.exists() {
        match (
            existing.file_name().map(|n| n.to_os_string()),
            existing.parent(),
        ) {
            (Some(name), Some(parent)) => {
                tail.push(name);
                existing = parent.to_path_buf();
            }
            _ => break,
        }
    }
    let mut out = fs::canonicalize(&existing).unwrap_or(existing);
    for t in tail.into_iter().rev() {
        out.push(t);
    }
    out
}

/// Refuse an output folder that is the portfolio, contains it, or holds
/// files roster did not write.
fn guard_output(root: &Path, output: &Path) -> Result<()> {
    let (root_abs, out_abs) = (absolute(root), absolute(output));
    if root_abs.starts_with(&out_abs) {
        bail!(
            "the output folder {} is the portfolio or contains it; choose another with --output or output_dir",
            output.display()
        );
    }
    if out_abs.exists() {
        if !out_abs.is_dir() {
            bail!(
                "the output path {} is a file, not a folder",
                output.display()
            );
        }
        let empty = fs::read_dir(&out_abs)
            .with_context(|| format!("reading {}", output.display()))?
            .next()
            .is_none();
        if !empty && !out_abs.join(MANIFEST).is_file() {
            bail!(
                "the output folder {} holds files roster did not write; empty it or choose another with --output",
                output.display()
            );
        }
    }
    Ok(())
}

/// Write the clients' files into a staging folder, then swap it in.
fn write_site(output: &Path, sites: &[(String, Vec<Page>)], only: &[String]) -> Result<()> {
    let parent = output
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
    let name = output
        .file_name()
        .map(|n| n.to_string_lossy().to_string())
        .unwrap_or_else(|| "site".into());
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.roster-new-"))
        .tempdir_in(parent)
        .with_context(|| format!("creating a staging folder in {}", parent.display()))?;
    let mut written: Vec<String> = Vec::new();
    // With --client, keep the other clients' folders of the previous site.
    if !only.is_empty() && output.join(MANIFEST).is_file() {
        let previous = fs::read_to_string(output.join(MANIFEST)).unwrap_or_default();
        for rel in previous.lines().filter(|l| !l.is_empty()) {
            let client = rel.split('/').next().unwrap_or_default();
            if sites.iter().any(|(id, _)| id == client) || !rel.contains('/') {
                continue;
            }
            let to = staging.path().join(rel);
            if let Some(dir) = to.parent() {
                fs::create_dir_all(dir)?;
            }
            fs::copy(output.join(rel), &to)
                .with_context(|| format!("keeping {rel} of the previous site"))?;
            written.push(rel.to_string());
        }
    }
    for (id, pages) in sites {
        for (rel, bytes) in pages {
            let path = staging.path().join(id).join(rel);
            if let Some(dir) = path.parent() {
                fs::create_dir_all(dir).with_context(|| format!("creating {}", dir.display()))?;
            }
            fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
            written.push(format!("{id}/{rel}"));
        }
    }
    written.sort();
    written.push(String::new());
    fs::write(staging.path().join(MANIFEST), written.join("\n")).context("writing the manifest")?;

    let staged = staging.keep();
    let old = parent.join(format!(".{name}.roster-old"));
    if old.exists() {
        fs::remove_dir_all(&old).with_context(|| format!("removing {}", old.display()))?;
    }
    if output.exists() {
        fs::rename(output, &old)
            .with_context(|| format!("moving the previous site {} aside", output.display()))?;
    }
    if let Err(e) = fs::rename(&staged, output) {
        let _ = fs::rename(&old, output);
        return Err(e).with_context(|| format!("moving the new site into {}", output.display()));
    }
    if old.exists() {
        fs::remove_dir_all(&old)
            .with_context(|| format!("removing the previous site at {}", old.display()))?;
    }
    Ok(())
}

/// Render diagnostics for the terminal.
pub fn render_diagnostics(diags: &Diagnostics, root: &Path, color: bool) -> String {
    terminal::render(diags, root, color)
}
