//! The wording of problems with the command line and the output folder (cmd, pipeline, output, serve).
//!
//! Most failures of a run are the machine's and travel as `anyhow` errors;
//! what is here is what a run reports among the portfolio's problems.

use std::fmt;

/// A problem with the command line and the output folder (cmd, pipeline, output, serve).
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "snake_case")]
pub enum RunProblem {
    /// Rendering the pages in memory, as `check` does, failed for a reason
    /// of the machine's (a file that cannot be read).
    RenderFailed {
        /// The error and its causes, as one line.
        cause: String,
    },
    /// The typesetter could not make a monthly report's PDF.
    PdfFailed {
        /// The report's file, under the client's folder.
        report: String,
        /// What the typesetter said, one problem a line.
        problems: String,
    },
    /// The client's logo could not be read into its PDF.
    PdfLogo {
        /// The report's file, under the client's folder.
        report: String,
        /// The logo, relative to the client's folder.
        logo: String,
        /// What the typesetter said.
        problem: String,
    },
}

impl RunProblem {
    /// The likely fix, when there is one.
    pub fn help(&self) -> Option<String> {
        match self {
            RunProblem::RenderFailed { .. } => None,
            RunProblem::PdfFailed { .. } => Some(
                "the report's layout is roster's, not the portfolio's: set `pdf: none` in roster.yaml to build the site without PDFs, and report the problem".into(),
            ),
            RunProblem::PdfLogo { .. } => Some(
                "replace it with a PNG, JPEG or SVG file that opens, or take `logo` out of the client's `brand`".into(),
            ),
        }
    }
}

impl fmt::Display for RunProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunProblem::RenderFailed { cause } => f.write_str(cause),
            RunProblem::PdfFailed { report, problems } => {
                write!(f, "{report} could not be typeset: {problems}")
            }
            RunProblem::PdfLogo {
                report,
                logo,
                problem,
            } => write!(f, "the logo {logo} cannot be read into {report}: {problem}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_render_reads_as_its_cause() {
        let p = RunProblem::RenderFailed {
            cause: "reading clients/polyn/assets/logo.svg: permission denied".into(),
        };
        assert_eq!(
            p.to_string(),
            "reading clients/polyn/assets/logo.svg: permission denied"
        );
        assert_eq!(p.help(), None);
    }

    #[test]
    fn a_pdf_that_cannot_be_typeset_names_its_file_and_a_way_out() {
        let p = RunProblem::PdfFailed {
            report: "reports/2026-10/report.pdf".into(),
            problems: "unknown variable: x (line 3 of the report's source)".into(),
        };
        assert_eq!(
            p.to_string(),
            "reports/2026-10/report.pdf could not be typeset: unknown variable: x (line 3 of the report's source)"
        );
        assert!(p.help().is_some_and(|h| h.contains("pdf: none")));
    }
}
