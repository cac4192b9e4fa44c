//! A platform export imported as a build would read it: only the rows of
//! the partnership's term (and, with `mentions`, those naming the brand)
//! are written, each with the kind its disclosure gives, so that the
//! imported file, read as roster's own format, means what the export did.
//! An export of another platform than the partnership's is an error.

use crate::diagnostics::kind::ExportProblem;
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::load::export::ClientContext;
use crate::load::imports::platform::Counted;
use crate::load::table::{CsvFile, Rows};

/// Keep the rows of `table` that are its partnership's, with their kind.
pub(super) fn select(ctx: &ClientContext, table: &mut CsvFile, diags: &mut Diagnostics) {
    let at = Location::file(&table.path).in_sheet(table.sheet.as_deref());
    let Rows::Posts(rows) = &mut table.rows else {
        return;
    };
    let Some(channel) = rows
        .iter()
        .find_map(|r| r.export.as_deref())
        .map(|e| e.channel)
    else {
        return;
    };
    let Some(p) = rows.first().and_then(|r| {
        ctx.partnerships
            .iter()
            .find(|p| p.id.as_str() == r.partnership.0)
    }) else {
        return;
    };
    if !channel.fits(p.creator.platform) {
        let problem = ExportProblem::WrongPlatform {
            export: channel.name(),
            partnership: p.id.to_string(),
            platform: p.creator.platform.to_string(),
        };
        diags.push(Diagnostic::error(problem).at(at));
        return;
    }
    let mut counted = Counted::default();
    rows.retain_mut(|r| {
        let Some(e) = r.export.as_deref() else {
            return true;
        };
        match counted.judge((r.published.date, r.kind), e, (p.start, p.end)) {
            Some(kind) => {
                r.kind = kind;
                true
            }
            None => false,
        }
    });
    counted.tell(&at, p.id.as_str(), diags);
    let (named, sponsored) = counted.named;
    if named > 0 && sponsored == 0 {
        let problem = ExportProblem::NoneSponsored {
            partnership: p.id.to_string(),
            posts: named,
        };
        diags.push(Diagnostic::warning(problem).at(at));
    }
}
