//! Input made, by mistake or on purpose, to break roster: one concern, in
//! four parts. Whatever the input, roster ends without a panic, reports the
//! problem where it is, and a build that finds one writes nothing.
//!
//! - [`malformed`]: quotes left open, rows of the wrong width, byte-order
//!   marks, YAML too deep, too repetitive or too large, values too long to
//!   echo.
//! - [`never_panics`]: random bytes, truncations and mutations of valid
//!   files, thrown at the loaders and the whole pipeline.
//! - [`outside`]: what reaches beyond the portfolio or out through the
//!   pages: links out, templates, themes, note links, `base_url`.
//! - [`reported`]: what used to pass in silence: report dates that make a
//!   report of centuries, folders and files skipped, an unknown client,
//!   terminal escapes in values.

mod malformed;
mod never_panics;
mod outside;
mod reported;
