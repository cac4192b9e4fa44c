//! The wording of problems with the command line and the output folder (cmd, pipeline, output, serve).
//!
//! Most failures of a run are the machine's and travel as `anyhow` errors;
//! what is here is what a run reports among the portfolio's problems.

use std::fmt;

/// A problem with the command line and the output folder (cmd, pipeline, output, serve).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RunProblem {
    /// Rendering the pages in memory, as `check` does, failed for a reason
    /// of the machine's (a file that cannot be read).
    RenderFailed {
        /// The error and its causes, as one line.
        cause: String,
    },
}

impl RunProblem {
    /// The likely fix, when there is one.
    pub fn help(&self) -> Option<String> {
        match self {
            RunProblem::RenderFailed { .. } => None,
        }
    }
}

impl fmt::Display for RunProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunProblem::RenderFailed { cause } => f.write_str(cause),
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
}
