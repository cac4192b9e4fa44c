//! A client's notes and logo, checked against the model: a note names a
//! reported month or a partnership, and the logo is a file of the client's
//! folder. The agency's own notes (`notes/internal/`) are checked the same
//! way, whether the build shows them or not.

use std::path::PathBuf;

use super::scope::{Refs, Scope};
use super::yaml_location;
use crate::diagnostics::kind::PortfolioProblem;
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::{Month, Notes, Partnership, PartnershipId, Post};

/// The `read` notes (the client's or the agency's own) by month and by
/// partnership, with a warning for a note that is not shown.
pub(super) fn notes(
    s: &Scope,
    read: &[(PathBuf, String, String)],
    (partnerships, posts): (&[Partnership], &[Post]),
    refs: &Refs,
    diags: &mut Diagnostics,
) -> Notes {
    let as_of = s.as_of;
    let ids: Vec<&str> = refs.known.iter().copied().collect();
    let mut notes = Notes::default();
    // The first month of the reports: the first cost or post to date.
    let first_month = partnerships
        .iter()
        .flat_map(|p| std::iter::once(p.start).chain(p.extra_costs.iter().map(|e| e.date)))
        .chain(posts.iter().map(|p| p.date))
        .filter(|d| *d <= as_of)
        .min()
        .map(Month::of);
    for (path, stem, text) in read {
        // A note past its bounds is left out: no page or PDF shows it.
        if !super::note_bounds::within(path, text, diags) {
            continue;
        }
        if let Some(m) = Month::parse(stem) {
            if m > Month::of(as_of) {
                diags.push(
                    Diagnostic::warning(PortfolioProblem::NoteAfterReportDate { month: m, as_of })
                        .in_file(path),
                );
            } else if let Some(first) = first_month.filter(|f| m < *f) {
                diags.push(
                    Diagnostic::warning(PortfolioProblem::NoteBeforeFirstMonth { month: m, first })
                        .in_file(path),
                );
            }
            super::links::warn_links(path, text, diags);
            notes.months.insert(m, text.clone());
        } else if refs.known.contains(stem.as_str()) {
            if refs.has(stem.as_str()) {
                super::links::warn_links(path, text, diags);
                // The model has this id, so it is a checked one.
                notes
                    .partnerships
                    .insert(PartnershipId::new(stem.clone()), text.clone());
            }
        } else if !s.c.partnerships_unread {
            // Otherwise it may name a partnership of the unread folder.
            diags.push(
                Diagnostic::warning(PortfolioProblem::NoteNamesNothing {
                    stem: stem.clone(),
                    suggestion: did_you_mean(stem, ids.iter().copied()).map(str::to_string),
                })
                .in_file(path),
            );
        }
    }
    notes
}

/// The most pixels a raster logo may have: 4096 x 4096, 64 MB decoded.
pub(super) const MAX_LOGO_PIXELS: u64 = 4096 * 4096;

/// An error when `brand.logo` is not a file of the client's `assets/`, or is
/// an image of more than [`MAX_LOGO_PIXELS`].
pub(super) fn logo(s: &Scope, diags: &mut Diagnostics) {
    let Some(logo) = &s.file.brand.logo else {
        return;
    };
    let safe = logo
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    let file = s.client_dir.join("client.yaml");
    let at = yaml_location(s.c.source.as_ref(), &file, &["brand", "logo"]);
    let logo = logo.clone();
    if !safe {
        diags.push(Diagnostic::error(PortfolioProblem::LogoOutside { logo }).at(at));
    } else if !logo.starts_with("assets") {
        // Only assets/ is copied into the site: another file of the client
        // folder would be a logo no page shows.
        diags.push(Diagnostic::error(PortfolioProblem::LogoNotInAssets { logo }).at(at));
    } else if !s.c.logo_found {
        // A link outside the portfolio was reported where it was read.
        diags.push(Diagnostic::error(PortfolioProblem::LogoNotFound { logo: logo.clone() }).at(at));
    } else if let Some((width, height)) = s.c.logo_pixels
        && u64::from(width) * u64::from(height) > MAX_LOGO_PIXELS
    {
        // The PDF's typesetter decodes the logo whole, four bytes a pixel.
        let problem = PortfolioProblem::LogoTooLarge {
            logo: logo.clone(),
            width,
            height,
            limit: MAX_LOGO_PIXELS,
        };
        diags.push(Diagnostic::error(problem).at(at));
    }
}
