//! roster turns a portfolio of creator partnerships (YAML definitions and CSV
//! metrics) into a static report site per client.
//!
//! The stages run one way: [`load`] reads the files, [`model`] validates and
//! resolves them, [`analytics`] computes the figures, [`render`] turns the
//! figures into pages, and [`site`] writes the output atomically. Problems in
//! the user's data travel as [`diagnostics`].

pub mod analytics;
pub mod charts;
pub mod diagnostics;
pub mod html;
pub mod init;
pub mod load;
pub mod model;
pub mod output_fs;
pub mod render;
pub mod resolve;
pub mod serve;
pub mod site;
pub mod terminal;

pub use site::{BuildOptions, Outcome, build, check};
