//! The typesetter's view of one report: its source, its charts, the fonts
//! built into roster, and nothing else.
//!
//! A [`World`] is what Typst asks for files, fonts and the date. Here it
//! holds the generated source and the chart SVGs in memory, so a report can
//! read no file of the machine or the portfolio, import no package and
//! reach no network; `today` is `None`, so no clock gets into a PDF. The
//! standard library, the font book and the fonts ([`Shared`]) are made once
//! per build (parsing a font is the costly part) and shared by every
//! report's world, on every thread.

use std::sync::Arc;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::layout::Abs;
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook, FontInstance, FontVariations};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// DejaVu Sans 2.37, regular and bold (Bitstream Vera licence:
/// assets/fonts/LICENSE-DejaVu.txt): the charts' font, with Cyrillic.
static FONT_FILES: [&[u8]; 2] = [
    include_bytes!("../../assets/fonts/DejaVuSans.ttf"),
    include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf"),
];

/// The family the report and its charts are set in.
pub(super) const FAMILY: &str = "DejaVu Sans";

/// What every report's world shares: the standard library, and the fonts,
/// parsed once, with their book.
pub(super) struct Shared {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    /// The fonts as set, for measuring text: regular, then bold.
    faces: Vec<FontInstance>,
}

impl Shared {
    /// Parse the built-in fonts and make the standard library.
    pub(super) fn new() -> Shared {
        let fonts: Vec<Font> = FONT_FILES
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect();
        let faces = fonts
            .iter()
            .map(|f| {
                let variant = f.info().variant;
                f.clone()
                    .instantiate(variant, Abs::pt(10.0), &FontVariations::default())
            })
            .collect();
        Shared {
            library: LazyHash::new(Library::default()),
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            faces,
        }
    }

    /// How wide `text` is set at `size` points, regular or bold: the sum
    /// of its glyphs' advances (a character the font lacks counts as its
    /// missing-glyph box).
    pub(super) fn width(&self, text: &str, bold: bool, size: f64) -> f64 {
        let Some(font) = self.faces.get(usize::from(bold)) else {
            return 0.0;
        };
        let face = font.ttf();
        let ems: f64 = text
            .chars()
            .map(|c| {
                let glyph = face.glyph_index(c).map_or(0, |g| g.0);
                font.x_advance(glyph).map_or(0.0, |em| em.get())
            })
            .sum();
        ems * size
    }

    /// The height of capitals, in ems: one line of a cell, as Typst sets
    /// its top and bottom edges.
    pub(super) fn cap_height(&self) -> f64 {
        self.faces
            .first()
            .map_or(0.75, |f| f.metrics().cap_height.get())
    }
}

/// The id of a file at `path` in the report's own folder.
fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("roster names its files with plain relative paths");
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

/// One report: its source and the files it reads (the charts), over the
/// build's [`Shared`] library and fonts.
pub(super) struct ReportWorld {
    shared: Arc<Shared>,
    main: Source,
    /// The name the logo is read under, when there is one.
    logo: Option<String>,
    files: Vec<(FileId, Bytes)>,
}

impl ReportWorld {
    /// A report of `source` that may read `files` (name, contents, shared
    /// by the worlds of one report's layouts).
    pub(super) fn new(
        shared: Arc<Shared>,
        source: String,
        files: Vec<(String, Bytes)>,
    ) -> ReportWorld {
        let logo = files
            .iter()
            .map(|(name, _)| name)
            .find(|name| name.starts_with("logo."))
            .cloned();
        ReportWorld {
            shared,
            logo,
            main: Source::new(file_id("report.typ"), source),
            files: files
                .into_iter()
                .map(|(name, bytes)| (file_id(&name), bytes))
                .collect(),
        }
    }

    /// The generated source, for placing a problem in it.
    pub(super) fn main_source(&self) -> &Source {
        &self.main
    }

    /// The name the logo is read under, when there is one.
    pub(super) fn logo(&self) -> Option<&str> {
        self.logo.as_deref()
    }

    /// Whether `id` is one of the files the report reads, not its source.
    pub(super) fn is_file(&self, id: FileId, name: &str) -> bool {
        id != self.main.id() && id == file_id(name)
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &self.shared.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.shared.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.main.id() {
            return Ok(Bytes::from_string(self.main.clone()));
        }
        self.files
            .iter()
            .find(|(f, _)| *f == id)
            .map(|(_, b)| b.clone())
            .ok_or_else(|| {
                FileError::Other(Some("roster's reports read only their own charts".into()))
            })
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.shared.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
