//! `roster import`: the work is [`crate::import`]'s; this prints the
//! problems found and words what was written.

use anyhow::Result;

use super::{Console, Status};
use crate::diagnostics::terminal::{self, plural};
use crate::import::{ImportOptions, Imported, import};
use crate::model::TableKind;

/// The exports and the portfolio folder of `roster import FILE... [DIR]`:
/// the last path is the folder when it is one, else the folder is `.`.
pub fn split(mut paths: Vec<std::path::PathBuf>) -> (Vec<std::path::PathBuf>, std::path::PathBuf) {
    match paths.last() {
        Some(last) if paths.len() > 1 && last.is_dir() => {
            let dir = paths.pop().unwrap_or_default();
            (paths, dir)
        }
        _ => (paths, ".".into()),
    }
}

/// Import the exports of `opts`; the problems as `console` says, and what
/// was written unless quiet.
pub fn run(opts: &ImportOptions, console: &Console) -> Result<Status> {
    let outcome = import(opts);
    let diagnostics = &outcome.diagnostics;
    let human = console.with_format(super::Format::Human);
    super::print_diagnostics(diagnostics, &outcome.root, &human)?;
    if diagnostics.has_errors() {
        if let Some(summary) = terminal::summary(diagnostics, terminal::Run::Import)
            && console.chatty()
        {
            console.line(&summary)?;
        }
        return Ok(super::status(diagnostics));
    }
    if !console.chatty() {
        return Ok(Status::Ok);
    }
    let said: String = outcome
        .imported
        .iter()
        .map(|item| imported(item) + "\n")
        .collect();
    console.out(said.as_bytes())?;
    Ok(Status::Ok)
}

/// The lines `roster import` prints for one table.
fn imported(t: &Imported) -> String {
    let (source, sheet, way) = (&t.source, t.sheet.as_deref(), t.read_as.as_deref());
    let sheet = sheet.map_or_else(String::new, |s| format!(", sheet \"{s}\""));
    let way = way.map_or_else(
        || " in roster's format".to_string(),
        |w| match w.starts_with("the ") {
            true => format!(" through {w}"),
            false => format!(" as a {w} export"),
        },
    );
    let (kind, n) = (t.kind, t.written);
    let one = match kind {
        TableKind::Posts => "post",
        TableKind::Daily => "daily",
        TableKind::Orders => "order",
    };
    let what = if n == 1 { one } else { kind.name() };
    let verb = if t.unchanged {
        "already in"
    } else {
        "written to"
    };
    let mut lines = vec![
        format!(
            "read {}{sheet}{way}: {}",
            source.display(),
            plural(t.tally.rows, "row")
        ),
        format!("  {n} {what} {verb} {}", t.target.display()),
    ];
    if let Some((kept, replaced)) = t.merged {
        let by = match kind {
            TableKind::Orders => "order id",
            TableKind::Posts | TableKind::Daily => "post id",
        };
        lines.push(format!(
            "  merged by {by} with the {kind} an earlier import wrote there: {kept} kept, {replaced} replaced by this export's"
        ));
    }
    lines.extend(tallied(t));
    lines.join("\n")
}

/// What reading the export came to: rows left out and why, guest orders,
/// orders per partnership, codes no partnership has.
fn tallied(t: &Imported) -> Vec<String> {
    let mut lines = Vec::new();
    let tally = &t.tally;
    let left: Vec<String> = [
        (tally.folded, "line-item row", "folded into its order"),
        (
            tally.left_out,
            "order",
            "refunded, voided, cancelled or failed",
        ),
        (tally.without_date, "video", "without a publish time"),
    ]
    .iter()
    .filter(|(n, ..)| *n > 0)
    .map(|(n, what, why)| {
        let why = if *n == 1 {
            why.to_string()
        } else {
            why.replace("its order", "their orders")
        };
        format!("{} {why}", plural(*n, what))
    })
    .collect();
    if !left.is_empty() {
        lines.push(format!("  left out: {}", left.join("; ")));
    }
    if tally.without_customer > 0 {
        lines.push(format!(
            "  kept without a customer (a guest checkout): {}, out of repeat purchase",
            plural(tally.without_customer, "order")
        ));
    }
    if !t.attributed.is_empty() {
        let by: Vec<String> = t
            .attributed
            .iter()
            .filter(|(p, _)| p.is_some())
            .chain(t.attributed.iter().filter(|(p, _)| p.is_none()))
            .map(|(p, n)| format!("{} {n}", p.as_deref().unwrap_or("unattributed")))
            .collect();
        lines.push(format!("  orders by partnership: {}", by.join(", ")));
    }
    if !tally.unknown.is_empty() {
        let codes: Vec<String> = tally
            .unknown
            .iter()
            .map(|(c, n)| format!("{c} ({})", plural(*n, "order")))
            .collect();
        lines.push(format!("  unknown codes: {}", codes.join(", ")));
    }
    lines
}
