//! What a view meets in a file's rows (rows left out, folded, codes no
//! partnership has, personal data), counted as the rows are read and told
//! once, when the file is done: as warnings, and as a [`Tally`] for
//! `roster import` to print.

use std::collections::{BTreeMap, HashSet};

use super::{Rules, View};
use crate::diagnostics::Location;
use crate::diagnostics::kind::ImportProblem;
use crate::load::table::records::Cell;

/// What a view met in a file's rows, told once the file is read.
#[derive(Debug, Default)]
pub(crate) struct State {
    /// Rows of the file read (records, not counting its header).
    pub rows: usize,
    pub(super) seen: HashSet<String>,
    pub(super) folded: usize,
    pub(super) left_out: usize,
    /// Orders kept without a customer (guest checkouts).
    pub without_customer: usize,
    pub(super) without_date: usize,
    pub(super) unknown: BTreeMap<String, (String, usize, Cell)>,
    /// Personal data met in a column read as an id: e-mails (true) or
    /// names (false), and where first.
    pub personal: Option<(bool, Cell)>,
}

/// What reading a file through a view came to, for `roster import` to
/// tell.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Rows read, below the header.
    pub rows: usize,
    /// Line-item rows folded into their order's first row.
    pub folded: usize,
    /// Orders left out for their status.
    pub left_out: usize,
    /// Orders without a customer (guest checkouts): kept, they date the
    /// report and stay out of repeat purchase.
    pub without_customer: usize,
    /// Videos skipped for having no publish time.
    pub without_date: usize,
    /// Discount codes no partnership has, each with its orders.
    pub unknown: Vec<(String, usize)>,
    /// Whether customers' e-mails or names were hashed (by `roster
    /// import`, every customer).
    pub hashed: bool,
}

/// The warning of a run that hashed customers with an empty `salt`, once,
/// at roster.yaml: such an id is the address's plain SHA-256, which anyone
/// with a list of addresses can match.
pub(crate) fn unsalted<'t>(
    salt: &str,
    tallies: impl IntoIterator<Item = &'t Tally>,
) -> Option<crate::diagnostics::Diagnostic> {
    if !salt.is_empty() || !tallies.into_iter().any(|t| t.hashed) {
        return None;
    }
    let at = Location::file("roster.yaml");
    Some(crate::diagnostics::Diagnostic::warning(ImportProblem::Unsalted).at(at))
}

/// The warnings of a file read through `view`, once its rows are read;
/// `at` places a problem in the file, at a cell or (with `None`) the file.
/// What it came to.
pub(crate) fn finish(
    (view, importing): (Option<&View>, bool),
    state: State,
    at: &dyn Fn(Option<Cell>) -> Location,
    diags: &mut crate::diagnostics::Diagnostics,
) -> Tally {
    let tally = Tally {
        rows: state.rows,
        folded: state.folded,
        left_out: state.left_out,
        without_customer: state.without_customer,
        without_date: state.without_date,
        unknown: state
            .unknown
            .values()
            .map(|(code, n, _)| (code.clone(), *n))
            .collect(),
        hashed: state.personal.is_some(),
    };
    use crate::diagnostics::Diagnostic;
    let mut warn = |problem: ImportProblem, cell: Option<Cell>| {
        diags.push(Diagnostic::warning(problem).at(at(cell)));
    };
    if let Some((emails, cell)) = state.personal.filter(|_| !importing) {
        warn(ImportProblem::PersonalData { emails }, Some(cell));
    }
    if state.without_customer > 0 && !importing {
        let problem = ImportProblem::OrdersWithoutCustomer {
            orders: state.without_customer,
        };
        warn(problem, None);
    }
    let Some(view) = view else {
        return tally;
    };
    if state.left_out > 0 {
        let statuses = match view.rules {
            Rules::Woo { .. } => {
                "refunded (by its status, or with Net Sales below 0 or no item sold), cancelled or failed"
            }
            _ => "refunded, voided or cancelled",
        };
        let problem = ImportProblem::OrdersLeftOut {
            orders: state.left_out,
            statuses,
        };
        warn(problem, None);
    }
    if state.without_date > 0 {
        let problem = ImportProblem::VideosWithoutDate {
            videos: state.without_date,
        };
        warn(problem, None);
    }
    for (_, (code, orders, cell)) in state.unknown {
        warn(ImportProblem::UnknownCode { code, orders }, Some(cell));
    }
    if view.preset == Some("woocommerce-orders") {
        warn(ImportProblem::CustomersAreNames, None);
    }
    if !view.lacks.is_empty() {
        let problem = crate::diagnostics::kind::ExportProblem::EngagementUnknown {
            columns: view.lacks.clone(),
        };
        diags.push(Diagnostic::warning(problem).at(at(None)));
    }
    tally
}
