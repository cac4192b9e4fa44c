//! The typesetter's view of one report: its source, its charts, the fonts
//! built into roster, and nothing else.
//!
//! A [`World`] is what Typst asks for files, fonts and the date. Here it
//! holds the generated source and the chart SVGs in memory, so a report can
//! read no file of the machine or the portfolio, import no package and
//! reach no network; `today` is `None`, so no clock gets into a PDF. The
//! standard library, the font book and the fonts are made once per process
//! (parsing a font is the costly part) and shared by every report, on every
//! thread.

use std::sync::OnceLock;

use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

/// DejaVu Sans 2.37, regular and bold (Bitstream Vera licence:
/// assets/fonts/LICENSE-DejaVu.txt): the charts' font, with Cyrillic.
static FONT_FILES: [&[u8]; 2] = [
    include_bytes!("../../assets/fonts/DejaVuSans.ttf"),
    include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf"),
];

/// The family the report and its charts are set in.
pub const FAMILY: &str = "DejaVu Sans";

/// The fonts, parsed once, and their book.
struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

fn fonts() -> &'static Fonts {
    static FONTS: OnceLock<Fonts> = OnceLock::new();
    FONTS.get_or_init(|| {
        let fonts: Vec<Font> = FONT_FILES
            .iter()
            .flat_map(|data| Font::iter(Bytes::new(*data)))
            .collect();
        Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
        }
    })
}

fn library() -> &'static LazyHash<Library> {
    static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();
    LIBRARY.get_or_init(|| LazyHash::new(Library::default()))
}

/// The id of a file at `path` in the report's own folder.
fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).expect("roster names its files with plain relative paths");
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

/// One report: its source and the files it reads (the charts).
pub struct ReportWorld {
    main: Source,
    files: Vec<(FileId, Bytes)>,
}

impl ReportWorld {
    /// A report of `source` that may read `files` (name, contents).
    pub fn new(source: String, files: Vec<(&str, Vec<u8>)>) -> ReportWorld {
        ReportWorld {
            main: Source::new(file_id("report.typ"), source),
            files: files
                .into_iter()
                .map(|(name, bytes)| (file_id(name), Bytes::new(bytes)))
                .collect(),
        }
    }

    /// The generated source, for placing a problem in it.
    pub fn main_source(&self) -> &Source {
        &self.main
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        library()
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &fonts().book
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
        fonts().fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}
