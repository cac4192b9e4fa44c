//! The presentation layer: each page of a client's site as a view, what
//! both renderers consume (the HTML pages through tera, and the monthly
//! PDF through Typst), neither of which this layer knows.
//!
//! A view never computes a figure: it reads [`crate::analytics`]'s figures
//! and the model, and makes them words and cells in the client's language:
//! the page contexts ([`pages`]), the wording of each language ([`i18n`]),
//! numbers, money and dates formatted ([`mod@format`]), the tables with the
//! CSV file each carries ([`table`]) and the notes made safe HTML
//! ([`notes`]). Whatever a renderer shows, it takes from here, so the site
//! and the PDF say the same thing in the same words.

pub(crate) mod client;
pub(crate) mod format;
pub(crate) mod i18n;
pub(crate) mod notes;
pub(crate) mod pages;
pub(crate) mod table;

pub(crate) use client::{ClientView, PageView};
pub(crate) use pages::restated::in_words as restated_in_words;

/// A file of a client's site: its path below the client's folder, and its
/// bytes.
pub(crate) type File = (String, Vec<u8>);

/// A logo: its name in the client folder and its contents.
pub(crate) type Logo<'a> = (&'a str, &'a [u8]);
