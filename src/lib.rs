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

pub mod analytics;
pub(crate) mod builtin;
pub mod charts;
pub mod cmd;
pub(crate) mod console;
pub mod diagnostics;
pub(crate) mod html;
pub mod import;
pub(crate) mod init;
pub mod load;
pub mod model;
pub(crate) mod output;
pub mod pdf;
pub(crate) mod personal;
pub mod pipeline;
pub mod progress;
pub mod render;
pub mod resolve;
pub mod serve;
pub mod view;

pub use pipeline::{BuildOptions, Outcome, build, check};
