#![warn(missing_docs, unreachable_pub)]
//! roster turns a portfolio of creator partnerships (YAML definitions and CSV
//! metrics) into a static report site per client.
//!
//! The stages run one way, in [`pipeline`]: [`load`] reads the files, the
//! model is resolved and validated from what was read ([`model`]),
//! [`analytics`] computes the figures, [`view`] makes each page's words and
//! tables of them (with [`charts`] for the SVG), and two peer renderers make
//! the files: [`render`] the HTML pages through the templates, [`pdf`] the
//! monthly reports through Typst. [`output`]
//! then claims the output folder, stages the new site beside it and swaps it
//! in atomically; `check` runs the same stages and writes nothing, and
//! [`serve`] renders in memory. Problems in the user's data travel as
//! [`diagnostics`] and print through [`diagnostics::terminal`]. [`cmd`] holds one short
//! function per subcommand, which the binary dispatches to, each printing as
//! its [`console`] says. [`import`] is the one command that writes into the
//! portfolio: other tools' exports, read by [`load`], written back in
//! roster's own format without personal data.

pub(crate) mod analytics;
pub(crate) mod archive;
pub(crate) mod builtin;
pub(crate) mod charts;
pub mod cmd;
pub(crate) mod console;
pub(crate) mod diagnostics;
pub(crate) mod html;
pub(crate) mod import;
pub(crate) mod init;
pub(crate) mod load;
pub(crate) mod model;
pub(crate) mod output;
pub(crate) mod pdf;
pub(crate) mod personal;
pub(crate) mod pipeline;
pub(crate) mod progress;
pub(crate) mod render;
pub(crate) mod resolve;
pub(crate) mod serve;
pub(crate) mod view;

pub use archive::ArchiveOptions;
pub use import::ImportOptions;
pub use pipeline::{BuildOptions, Outcome, Overrides, build, check};
pub use serve::ServeOptions;

/// The stages below the command line, as the benchmarks and the
/// hostile-input tests drive them: each item at its path in the crate.
/// Not an interface for other programs; nothing else is public, so the
/// compiler finds what the crate no longer uses.
#[doc(hidden)]
pub mod internals {
    /// [`crate::analytics`].
    pub mod analytics {
        pub use crate::analytics::client;
    }
    /// [`crate::charts`].
    pub mod charts {
        pub use crate::charts::{Frame, Role, line};
    }
    /// [`crate::diagnostics`].
    pub mod diagnostics {
        pub use crate::diagnostics::Diagnostics;
        /// [`crate::diagnostics::terminal`].
        pub mod terminal {
            pub use crate::diagnostics::terminal::{render, visible};
        }
    }
    /// [`crate::load`].
    pub mod load {
        pub use crate::load::{Source, files, portfolio, quotes};
        /// [`crate::load::imports`].
        pub mod imports {
            pub use crate::load::imports::{Codes, How};
        }
        /// [`crate::load::partnership`].
        pub mod partnership {
            pub use crate::load::partnership::partnership;
        }
        /// [`crate::load::table`].
        pub mod table {
            pub use crate::load::table::{Unread, csv};
            /// [`crate::load::table::workbook`].
            pub mod workbook {
                pub use crate::load::table::workbook::sheets;
            }
        }
        /// [`crate::load::values`].
        pub mod values {
            pub use crate::load::values::{DecimalMark, dates, numbers};
        }
    }
    /// [`crate::model`].
    pub mod model {
        pub use crate::model::DateOrder;
    }
    /// [`crate::pdf`].
    pub mod pdf {
        pub use crate::pdf::{Report, Reports, Typesetter};
    }
    /// [`crate::pipeline`].
    pub mod pipeline {
        pub use crate::pipeline::{Computed, Renderers, compute, in_memory, render_clients};
    }
    /// [`crate::progress`].
    pub mod progress {
        pub use crate::progress::Progress;
    }
    /// [`crate::render`].
    pub mod render {
        pub use crate::render::Renderer;
    }
    /// [`crate::resolve`].
    pub mod resolve {
        pub use crate::resolve::{Overrides, portfolio};
    }
    /// [`crate::view`].
    pub mod view {
        /// [`crate::view::pages`].
        pub mod pages {
            pub use crate::view::pages::{Ctx, month};
        }
    }
}
