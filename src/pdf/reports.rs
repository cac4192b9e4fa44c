//! The PDF renderer as the build runs it: handed each monthly report's view
//! as the HTML renderer makes it, it starts typesetting at once on the
//! typesetter's own pool, and gives the PDF when the client's pages are
//! done; a report it cannot make fails the build as a diagnostic, as a
//! template would.

use std::path::Path;
use std::sync::OnceLock;

use crate::diagnostics::Diagnostic;
use crate::diagnostics::kind::RunProblem;
use crate::model::Month;
use crate::resolve::templates::TemplateError;
use crate::view::pages::Ctx;
use crate::view::pages::month::{MonthPage, PDF_FILE};
use crate::view::{File, Logo, MonthFiles};

use super::{Failure, Pending, Report, Typesetter};

/// The monthly reports' PDFs of a build (or of `serve`'s every rebuild):
/// the typesetter is set up by the first report that has a PDF, once.
#[derive(Default)]
pub struct Reports {
    typesetter: OnceLock<Result<Typesetter, String>>,
}

impl Reports {
    /// No PDF typeset yet: the typesetter waits for the first.
    pub fn new() -> Reports {
        Reports::default()
    }
}

impl MonthFiles for Reports {
    type Pending = Result<Pending, Failure>;

    fn start(
        &self,
        ctx: &Ctx,
        logo: Option<Logo>,
        m: Month,
        page: &MonthPage,
    ) -> Option<Self::Pending> {
        page.pdf.as_ref()?;
        let typesetter = self.typesetter.get_or_init(Typesetter::new);
        let report = Report {
            notes: month_notes(ctx, m, page),
            logo,
            ..Report::of(ctx, m, page)
        };
        Some(match typesetter {
            Ok(t) => Ok(t.start(&report)),
            Err(e) => Err(e.clone().into()),
        })
    }

    fn finish(&self, ctx: &Ctx, m: Month, pending: Self::Pending) -> anyhow::Result<File> {
        let made = pending.and_then(Pending::wait);
        let path = format!("reports/{m}/{PDF_FILE}");
        let folder = Path::new("clients").join(ctx.client.id.as_str());
        made.map(|pdf| (path.clone(), pdf)).map_err(|failure| {
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
            TemplateError(Diagnostic::error(problem).in_file(&file)).into()
        })
    }
}

/// Month `m`'s notes as its page shows them: heading and Markdown.
fn month_notes<'a>(ctx: &'a Ctx, m: Month, page: &MonthPage) -> Vec<(&'a str, &'a str)> {
    let t = ctx.t();
    let client = ctx.client.month_notes.get(&m).map(|n| (t.note, n.as_str()));
    let internal = ctx.client.internal_notes.months.get(&m);
    let internal = internal
        .filter(|_| page.internal_note.is_some())
        .map(|n| (t.internal_note, n.as_str()));
    client.into_iter().chain(internal).collect()
}
