//! A client's notes and logo, checked against the model: a note names a
//! reported month or a partnership, and the logo is a file of the client's
//! folder.

use std::collections::BTreeMap;

use super::scope::{Refs, Scope};
use super::yaml_location;
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::model::{Month, Partnership, PartnershipId, Post};

/// Month notes by month and partnership notes by id, with a warning for a
/// note that is not shown.
pub(super) fn notes(
    s: &Scope,
    partnerships: &[Partnership],
    posts: &[Post],
    refs: &Refs,
    diags: &mut Diagnostics,
) -> (BTreeMap<Month, String>, BTreeMap<PartnershipId, String>) {
    let (c, as_of) = (s.c, s.as_of);
    let ids: Vec<&str> = refs.known.iter().copied().collect();
    let mut month_notes = BTreeMap::new();
    let mut partnership_notes = BTreeMap::new();
    // The first month of the reports: the first cost or post to date.
    let first_month = partnerships
        .iter()
        .flat_map(|p| std::iter::once(p.start).chain(p.extra_costs.iter().map(|e| e.date)))
        .chain(posts.iter().map(|p| p.date))
        .filter(|d| *d <= as_of)
        .min()
        .map(Month::of);
    for (path, stem, text) in &c.notes {
        if let Some(m) = Month::parse(stem) {
            if m > Month::of(as_of) {
                diags.push(
                    Diagnostic::warning(format!(
                        "note for {m} is after the report date {as_of}; it is not shown"
                    ))
                    .in_file(path)
                    .with_help("keep it for a later report, or rename it to the month it is about"),
                );
            } else if let Some(first) = first_month.filter(|f| m < *f) {
                diags.push(
                    Diagnostic::warning(format!(
                        "note for {m} is before the first month of this client's reports, {first}; it is not shown"
                    ))
                    .in_file(path)
                    .with_help("rename it to the month it is about"),
                );
            }
            super::links::warn_links(path, text, diags);
            month_notes.insert(m, text.clone());
        } else if refs.known.contains(stem.as_str()) {
            if refs.has(stem.as_str()) {
                super::links::warn_links(path, text, diags);
                // The model has this id, so it is a checked one.
                partnership_notes.insert(PartnershipId::new(stem.clone()), text.clone());
            }
        } else {
            let mut d = Diagnostic::warning(format!(
                "note \"{stem}.md\" names no month and no partnership; it is not shown"
            ))
            .in_file(path);
            d = match did_you_mean(stem, ids.iter().copied()) {
                Some(s) => d.with_help(format!("did you mean {s}.md?")),
                None => d.with_help(
                    "name month notes YYYY-MM.md and partnership notes <partnership-id>.md",
                ),
            };
            diags.push(d);
        }
    }
    (month_notes, partnership_notes)
}

/// An error when `brand.logo` is not a file of the client's folder.
pub(super) fn logo(s: &Scope, diags: &mut Diagnostics) {
    let Some(logo) = &s.file.brand.logo else {
        return;
    };
    let safe = logo
        .components()
        .all(|c| matches!(c, std::path::Component::Normal(_)));
    let file = s.client_dir.join("client.yaml");
    let at = yaml_location(s.c.source.as_ref(), &file, &["brand", "logo"]);
    if !safe {
        diags.push(
            Diagnostic::error(format!(
                "logo \"{}\" is outside the client folder",
                logo.display()
            ))
            .at(at)
            .with_help("put the file under the client's assets/ and give its path relative to the client folder, such as assets/logo.svg"),
        );
    } else if !s.c.logo_found {
        // A link outside the portfolio was reported where it was read.
        diags.push(
            Diagnostic::error(format!("logo \"{}\" not found in the client folder", logo.display()))
                .at(at)
                .with_help("put the file under the client's assets/ and give its path relative to the client folder"),
        );
    }
}
