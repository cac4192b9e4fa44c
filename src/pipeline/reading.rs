//! The per-client way through the first stages, for `serve`: a portfolio
//! read once, then only the client folders that changed read again, and
//! the model resolved for those clients alone. What serve keeps between
//! rebuilds is a [`Reading`]; it never calls load or resolve itself, so
//! every way into the stages is this module's.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::Overrides;
use crate::diagnostics::Diagnostics;
use crate::load::{self, RawPortfolio};
use crate::model::Portfolio;
use crate::render::Renderer;

/// A portfolio as last read, with its templates compiled.
pub(crate) struct Reading {
    raw: RawPortfolio,
    renderer: Option<Renderer>,
}

impl Reading {
    /// Nothing read yet of the portfolio at `root`.
    pub(crate) fn empty(root: &Path) -> Reading {
        Reading {
            raw: RawPortfolio {
                root: root.to_path_buf(),
                settings: None,
                settings_source: None,
                clients: Vec::new(),
                looks: Default::default(),
            },
            renderer: None,
        }
    }

    /// Read the whole portfolio at `root` and compile its templates, as
    /// `build` does; `as_of` is `--as-of`.
    pub(crate) fn all(root: &Path, as_of: Option<NaiveDate>, diags: &mut Diagnostics) -> Reading {
        let raw = load::portfolio(root, as_of, diags);
        let renderer = Renderer::compile(&raw.looks, diags);
        Reading { raw, renderer }
    }

    /// Read the client folders `ids` again (those that still exist; the
    /// others are dropped), as roster.yaml last read says, orders folded in
    /// to `as_of` (`--as-of`) or else roster.yaml's `as_of`.
    pub(crate) fn clients(
        &mut self,
        ids: &BTreeSet<String>,
        as_of: Option<NaiveDate>,
        diags: &mut Diagnostics,
    ) {
        let settings = (self.raw.settings.as_ref())
            .map(|s| s.settings.clone())
            .unwrap_or_default();
        let orders_to = as_of.or_else(|| self.raw.settings.as_ref().and_then(|s| s.as_of));
        let fresh = load::clients(&self.raw.root, ids, (&settings, orders_to), diags);
        self.raw.clients.retain(|c| !ids.contains(c.id.as_str()));
        self.raw.clients.extend(fresh);
        self.raw.clients.sort_by(|a, b| a.id.cmp(&b.id));
    }

    /// Whether the client folder `id` was read.
    pub(crate) fn has_client(&self, id: &str) -> bool {
        self.raw.clients.iter().any(|c| c.id == *id)
    }

    /// The output folder of roster.yaml, relative to the portfolio, once read.
    pub(crate) fn output_dir(&self) -> Option<PathBuf> {
        (self.raw.settings.as_ref()).map(|s| PathBuf::from(&s.settings.output_dir))
    }

    /// The templates as last read; `None` while they do not compile.
    pub(crate) fn renderer(&self) -> Option<&Renderer> {
        self.renderer.as_ref()
    }

    /// The model of the clients `overrides` chooses (every client when it
    /// chooses none), the report date from every client read; `None` when
    /// it cannot be resolved, its problems in `diags`.
    pub(crate) fn model(
        &self,
        overrides: &Overrides,
        diags: &mut Diagnostics,
    ) -> Option<Portfolio> {
        crate::resolve::portfolio(&self.raw, overrides, diags)
    }
}
