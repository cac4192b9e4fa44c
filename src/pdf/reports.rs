//! The PDF renderer as the build runs it: handed a client's views, it
//! starts typesetting each monthly report that has a PDF at once, on the
//! typesetter's own pool, while the HTML renderer fills its templates; the
//! PDFs are collected when the client's pages are done. A report it cannot
//! make is a diagnostic, collected with the rest.

use std::path::Path;
use std::sync::OnceLock;

use crate::diagnostics::Diagnostic;
use crate::diagnostics::kind::RunProblem;
use crate::model::Month;
use crate::view::pages::Ctx;
use crate::view::pages::month::{MonthPage, PDF_FILE};
use crate::view::{ClientView, File, Logo};

use super::{Failure, Pending, Report, Typesetter};

/// The monthly reports' PDFs of a build (or of `serve`'s every rebuild):
/// the typesetter is set up by the first report that has a PDF, once.
#[derive(Default)]
pub struct Reports {
    typesetter: OnceLock<Result<Typesetter, String>>,
}

/// One client's PDFs being typeset, each with its month.
pub struct Begun(Vec<(Month, Result<Pending, Failure>)>);

impl Reports {
    /// No PDF typeset yet: the typesetter waits for the first.
    pub fn new() -> Reports {
        Reports::default()
    }

    /// Start typesetting every monthly report of `view` that has a PDF,
    /// with the client's `logo` and, from its `assets` (file name and
    /// contents), the thumbnails of its top posts.
    pub fn start(&self, view: &ClientView, logo: Option<Logo>, assets: &[Logo]) -> Begun {
        let ctx = &view.ctx;
        let begun = view.months.iter().filter(|(_, v)| v.page.pdf.is_some());
        Begun(
            begun
                .map(|(m, v)| {
                    let typesetter = self.typesetter.get_or_init(Typesetter::new);
                    let report = Report {
                        notes: month_notes(ctx, *m, &v.page),
                        logo,
                        thumbs: thumbs(&v.page, assets),
                        ..Report::of(ctx, *m, &v.page)
                    };
                    let pending = match typesetter {
                        Ok(t) => Ok(t.start(&report)),
                        Err(e) => Err(e.clone().into()),
                    };
                    (*m, pending)
                })
                .collect(),
        )
    }
}

impl Begun {
    /// The PDFs of the client of `ctx` when they are done, and a
    /// diagnostic for each report that could not be made.
    pub fn finish(self, ctx: &Ctx) -> (Vec<File>, Vec<Diagnostic>) {
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for (m, pending) in self.0 {
            let path = format!("reports/{m}/{PDF_FILE}");
            match pending.and_then(Pending::wait) {
                Ok(pdf) => files.push((path, pdf)),
                Err(failure) => problems.push(failed(ctx, path, failure)),
            }
        }
        (files, problems)
    }
}

/// What a report that could not be made at `path` says, and where.
fn failed(ctx: &Ctx, path: String, failure: Failure) -> Diagnostic {
    let folder = Path::new("clients").join(ctx.client.id.as_str());
    let (problem, file) = match failure {
        Failure::Logo(problem) => {
            let logo = ctx.logo.clone().unwrap_or_default();
            let file = folder.join(&logo);
            let problem = RunProblem::PdfLogo {
                report: path,
                logo,
                problem,
            };
            (problem, file)
        }
        Failure::Typeset(problems) => (
            RunProblem::PdfFailed {
                report: path,
                problems,
            },
            folder,
        ),
    };
    Diagnostic::error(problem).in_file(&file)
}

/// The thumbnails `page`'s top posts show, from `assets`: each a PNG or a
/// JPEG by its first bytes, or left out (the page still links it).
fn thumbs<'a>(page: &MonthPage, assets: &[Logo<'a>]) -> Vec<Logo<'a>> {
    super::opening::thumbs(&page.top)
        .into_iter()
        .filter_map(|name| assets.iter().find(|(n, _)| *n == name).copied())
        .filter(|(_, bytes)| super::opening::is_picture(bytes))
        .collect()
}

/// Month `m`'s notes as its page shows them: heading and Markdown.
pub(super) fn month_notes<'a>(ctx: &'a Ctx, m: Month, page: &MonthPage) -> Vec<(&'a str, &'a str)> {
    let t = ctx.t();
    let client = ctx.client.month_notes.get(&m).map(|n| (t.note, n.as_str()));
    let internal = ctx.client.internal_notes.months.get(&m);
    let internal = internal
        .filter(|_| page.internal_note.is_some())
        .map(|n| (t.internal_note, n.as_str()));
    client.into_iter().chain(internal).collect()
}
