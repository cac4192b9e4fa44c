//! What the parts of one client's resolution share: the [`Scope`] they
//! read, and the [`Refs`] that tie rows to partnerships and count the ids
//! no file defines.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use super::{Checked, Tally, at};
use crate::diagnostics::kind::RowProblem;
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::load::table::Cell;
use crate::load::{RawClient, RawClientFile};
use crate::model::{Currency, Partnership, PartnershipIx};

/// What every part of one client's resolution reads.
pub(super) struct Scope<'a> {
    /// The client's raw input.
    pub c: &'a RawClient,
    /// Its client.yaml, read.
    pub file: &'a RawClientFile,
    /// The settings it is checked with.
    pub checked: Checked<'a>,
    /// Whether rates to the client's currency are looked for: not when
    /// roster.yaml or the currency could not be read, which was reported.
    pub rates_checked: bool,
    /// The reporting currency (a stand-in when it could not be read, and
    /// `rates_checked` is false).
    pub currency: Currency,
    /// The report date.
    pub as_of: NaiveDate,
    /// `clients/<id>`, for messages.
    pub client_dir: PathBuf,
}

/// The partnership ids rows may name: those in the model by index, and
/// those known but left out (starting after the report date, or whose file
/// could not be read), which are not reported again.
pub(super) struct Refs<'a> {
    index: HashMap<&'a str, PartnershipIx>,
    /// Every partnership id of the client's files.
    pub known: BTreeSet<&'a str>,
    unknown: Tally,
}

impl<'a> Refs<'a> {
    pub(super) fn new(c: &'a RawClient, partnerships: &'a [Partnership]) -> Refs<'a> {
        Refs {
            index: partnerships
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.as_str(), PartnershipIx::new(i)))
                .collect(),
            known: c
                .partnerships
                .iter()
                .map(|p| p.id.as_str())
                .chain(c.broken_partnerships.iter().map(String::as_str))
                .collect(),
            unknown: Tally::default(),
        }
    }

    /// Whether the partnership `id` is in the model.
    pub(super) fn has(&self, id: &str) -> bool {
        self.index.contains_key(id)
    }

    /// The index of partnership `id`, named at `cell` of `file`; an id no
    /// file defines is counted for [`Refs::report`].
    pub(super) fn resolve(&mut self, id: &str, file: &Path, cell: Cell) -> Option<PartnershipIx> {
        self.resolve_rows(id, file, cell, 1)
    }

    /// [`Refs::resolve`] for `rows` rows naming `id`, the first at `cell`.
    pub(super) fn resolve_rows(
        &mut self,
        id: &str,
        file: &Path,
        cell: Cell,
        rows: usize,
    ) -> Option<PartnershipIx> {
        if let Some(i) = self.index.get(id) {
            return Some(*i);
        }
        if !self.known.contains(id) {
            self.unknown.add_rows(file, id, at(file, cell), rows);
        }
        None
    }

    /// One error per file and unknown id, with the rows counted.
    pub(super) fn report(self, s: &Scope, diags: &mut Diagnostics) {
        // The files of partnerships/ could not be listed: every id may be
        // one of them, and the folder is reported.
        if s.c.partnerships_unread {
            return;
        }
        let (known, unknown_partnership, client_dir) = (self.known, self.unknown, &s.client_dir);
        let ids: Vec<&str> = known.iter().copied().collect();
        for ((_, value), (loc, n)) in unknown_partnership.seen {
            let suggestion = did_you_mean(&value, ids.iter().copied()).map(str::to_string);
            diags.push(
                Diagnostic::error(RowProblem::UnknownPartnership {
                    id: value,
                    rows: n,
                    suggestion,
                    client_dir: client_dir.clone(),
                })
                .at(loc),
            );
        }
    }
}
