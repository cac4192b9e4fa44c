//! The wording of problems with finding and reading the portfolio's files:
//! the layout of its folders, files that cannot be read, links out of the
//! portfolio, themes (load).

use std::fmt;

use crate::diagnostics::shorten;
use crate::model::{reserved_help, windows_reserved};
use std::path::PathBuf;

/// A problem with finding and reading the portfolio's files.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "snake_case")]
pub enum FileProblem {
    /// A text file that is not UTF-8.
    NotUtf8,
    /// A directory where a file is expected.
    IsADirectory,
    /// An input that is not a regular file (a named pipe, a device).
    NotAFile {
        /// What it is instead: "a named pipe".
        kind: String,
    },
    /// A file the system could not read.
    Unreadable {
        /// What the system said.
        reason: String,
    },
    /// A folder of the portfolio the system could not list.
    UnreadableFolder {
        /// What the system said.
        reason: String,
    },
    /// A folder of the portfolio that is a link to a folder outside it.
    FolderLinkOutside {
        /// The link, relative to the portfolio.
        folder: PathBuf,
    },
    /// A file of `metrics/` named as a workbook that cannot be read as one.
    UnreadableWorkbook {
        /// What the workbook reader said.
        reason: String,
    },
    /// A zipped workbook whose parts unpack to more than roster reads:
    /// refused before it is read, so that it cannot exhaust memory.
    WorkbookUnpacksTooLarge {
        /// The bytes found, declared or counted.
        bytes: u64,
        /// The most bytes roster unpacks.
        limit: u64,
    },
    /// A sheet that declares or holds more cells than roster reads.
    SheetTooLarge {
        /// The sheet's name.
        sheet: String,
        /// Its rows.
        rows: u64,
        /// Its columns.
        columns: u64,
        /// The most cells roster reads in a sheet.
        limit: u64,
    },
    /// A folder with no roster.yaml.
    NoPortfolio {
        /// The folder, as the system resolves it.
        folder: PathBuf,
    },
    /// A portfolio with no client folders.
    NoClients,
    /// A client folder whose name is not an id.
    BadClientFolderName {
        /// The folder's name.
        name: String,
    },
    /// A client folder with no client.yaml.
    NoClientFile,
    /// A partnership file whose name is not an id.
    BadPartnershipFileName {
        /// The file's name without `.yaml`.
        stem: String,
        /// The id it was likely meant to have.
        meant: String,
    },
    /// Two files of `partnerships/` for one id (`x.yaml` and `x.yml`).
    PartnershipFilesTwice {
        /// The id.
        id: String,
        /// The files' names.
        names: Vec<String>,
    },
    /// A file directly in clients/.
    FileInClients {
        /// The file's name.
        name: String,
    },
    /// An entry of a client folder that is none of those it may hold.
    NotAClientEntry {
        /// The entry's name.
        name: String,
        /// The entry likely meant.
        suggestion: Option<String>,
        /// What a client folder may hold.
        entries: Vec<String>,
    },
    /// A folder in partnerships/, metrics/ or notes/.
    FolderNotInput {
        /// The folder's name.
        name: String,
        /// The folder it is in.
        folder: String,
        /// What that folder's files end in.
        ext: String,
    },
    /// A file in partnerships/, metrics/ or notes/ with another extension.
    FileNotInput {
        /// The file's name.
        name: String,
        /// The folder it is in.
        folder: String,
        /// What that folder's files end in.
        ext: String,
        /// The name it would be read under.
        renamed: String,
    },
    /// An input that is a link to outside the portfolio.
    LinkOutside {
        /// The link, relative to the portfolio.
        file: PathBuf,
    },
    /// A theme that is neither built in nor a folder of themes/.
    UnknownTheme {
        /// The theme as written.
        name: String,
        /// The theme likely meant.
        suggestion: Option<String>,
        /// The themes there are.
        themes: Vec<String>,
    },
    /// A file of assets/ of a kind that runs in a browser.
    RunnableAsset {
        /// Its extension, lower case.
        ext: String,
    },
    /// An SVG of assets/ that holds something that runs.
    RunningSvg {
        /// What runs, as the file's reader would name it.
        what: String,
    },
    /// A stylesheet that loads from the network.
    LoadsFromNetwork {
        /// What loads, as written.
        what: String,
    },
}

/// Why assets are checked, said in each help.
const ASSETS_PUBLISHED: &str = "assets are published on the site's own address, where a script would run with the reports' rights";

impl FileProblem {
    /// The likely fix, when there is one.
    pub fn help(&self) -> Option<String> {
        use FileProblem as P;
        Some(match self {
            P::NotUtf8 => "save the file with the encoding UTF-8 (in Notepad or Excel: Save As, Encoding: UTF-8)".into(),
            P::NoPortfolio { .. } => "run roster in a portfolio folder, pass its path, or start one with `roster init DIR`".into(),
            P::NoClients => "add a folder clients/<client-id>/ with a client.yaml".into(),
            // A hidden folder is most likely an attempt to leave a client out.
            P::BadClientFolderName { name } if name.starts_with('.') => "a client's id is its folder name, which matches [a-z0-9][a-z0-9_-]*; to leave a client out of the site, set `publish: false` in its client.yaml".into(),
            P::BadClientFolderName { name } if windows_reserved(name) => reserved_help(name),
            P::BadClientFolderName { .. } => {
                "rename it to match [a-z0-9][a-z0-9_-]*, e.g. lower-case with dashes".into()
            }
            P::NoClientFile => "add client.yaml with at least name, currency and markets".into(),
            P::BadPartnershipFileName { stem, .. } if windows_reserved(stem) => {
                reserved_help(stem)
            }
            P::BadPartnershipFileName { meant, .. } => format!(
                "rename the file to match [a-z0-9][a-z0-9_-]*.yaml, such as {meant}.yaml"
            ),
            P::UnreadableFolder { .. } => "give the user running roster permission to read the folder (and to open it), or move it out of the portfolio".into(),
            P::FolderLinkOutside { .. } => "copy the folder into the portfolio in place of the link".into(),
            P::NotAFile { .. } => "put the file itself here: roster reads only regular files (or links to them), and never opens anything else".into(),
            P::PartnershipFilesTwice { names, .. } => format!(
                "keep one of {}: a partnership is one file, and neither is read while both are there",
                names.join(" and ")
            ),
            P::FileInClients { .. } => "clients/ holds one folder per client; move the file into a client's folder or out of clients/".into(),
            P::NotAClientEntry {
                suggestion: Some(meant),
                ..
            } => format!("did you mean `{meant}`?"),
            P::NotAClientEntry { entries, .. } => {
                format!("a client folder holds {}", entries.join(", "))
            }
            P::FolderNotInput { folder, ext, .. } => {
                format!("{folder}/ holds only .{ext} files; move the folder out of it")
            }
            P::FileNotInput {
                folder,
                ext,
                renamed,
                ..
            } => format!(
                "{folder}/ reads only files ending in .{ext}; if this is one, rename it to {renamed}"
            ),
            P::LinkOutside { .. } => "copy the file into the portfolio in place of the link".into(),
            P::UnknownTheme {
                name,
                suggestion,
                themes,
            } => {
                let known = format!(
                    "the themes are {}; add one as themes/{name}/style.css",
                    themes.join(", ")
                );
                match suggestion {
                    Some(s) => format!("did you mean \"{s}\"? {known}"),
                    None => known,
                }
            }
            P::UnreadableWorkbook { .. } => "save it again from the spreadsheet as .xlsx, .xls or .ods, or export the sheet as CSV".into(),
            P::RunnableAsset { .. } => format!("assets/ may hold images, fonts, PDFs and other files that only show; {ASSETS_PUBLISHED}; move it out of assets/"),
            P::RunningSvg { .. } => format!("remove it, or export the drawing again as a plain SVG or a PNG; {ASSETS_PUBLISHED}"),
            P::LoadsFromNetwork { .. } => "pages load nothing from the network: copy the file into the stylesheet as a `data:` address, or use the fonts and images the reader's system has".into(),
            P::SheetTooLarge { .. } => "delete the stray cells far from the table (Ctrl+End shows the last one), or export the sheet as CSV, which roster reads at any length".into(),
            P::WorkbookUnpacksTooLarge { .. } => "export the sheets as CSV, which roster reads at any length".into(),
            P::IsADirectory | P::Unreadable { .. } => return None,
        })
    }
}

impl fmt::Display for FileProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use FileProblem as P;
        match self {
            P::NotUtf8 => f.write_str("file is not valid UTF-8"),
            P::IsADirectory => f.write_str("expected a file, found a directory"),
            P::Unreadable { reason } => write!(f, "cannot read file: {reason}"),
            P::UnreadableFolder { reason } => write!(f, "cannot read the folder: {reason}"),
            P::FolderLinkOutside { folder } => write!(
                f,
                "{} is a link to a folder outside the portfolio; it is not read",
                folder.display().to_string().replace('\\', "/")
            ),
            P::NotAFile { kind } if kind.starts_with("a ") => {
                write!(f, "this is {kind}, not a regular file; it is not read")
            }
            P::NotAFile { kind } => write!(f, "this is {kind}; it is not read"),
            P::UnreadableWorkbook { reason } => {
                write!(f, "cannot read the workbook: {}", shorten(reason))
            }
            P::WorkbookUnpacksTooLarge { bytes, limit } => write!(
                f,
                "workbook unpacks to {} MB or more; roster reads workbooks up to {} MB unpacked",
                bytes >> 20,
                limit >> 20
            ),
            P::SheetTooLarge {
                sheet,
                rows,
                columns,
                limit,
            } => write!(
                f,
                "sheet \"{}\" spans {rows} rows by {columns} columns; roster reads up to {limit} cells a sheet",
                shorten(sheet)
            ),
            P::NoPortfolio { folder } => write!(f, "no roster.yaml in {}", folder.display()),
            P::NoClients => f.write_str("the portfolio has no clients"),
            P::BadClientFolderName { name } => {
                write!(f, "client folder name \"{name}\" is not a valid id")
            }
            P::NoClientFile => f.write_str("client folder has no client.yaml"),
            P::BadPartnershipFileName { stem, .. } => {
                write!(f, "partnership file name \"{stem}\" is not a valid id")
            }
            P::PartnershipFilesTwice { id, names } => {
                write!(
                    f,
                    "partnership \"{id}\" has two files: {}",
                    names.join(" and ")
                )
            }
            P::FileInClients { name } => write!(f, "a file in clients/ is not read: {name}"),
            P::NotAClientEntry { name, .. } => {
                write!(f, "an entry of the client folder is not read: {name}")
            }
            P::FolderNotInput { name, folder, .. } => {
                write!(f, "a folder in {folder}/ is not read: {name}")
            }
            P::FileNotInput { name, folder, .. } => {
                write!(f, "a file in {folder}/ is not read: {name}")
            }
            P::LinkOutside { file } => write!(
                f,
                "{} is a link to a file outside the portfolio; roster reads only files inside it",
                file.display().to_string().replace('\\', "/")
            ),
            P::UnknownTheme { name, .. } => write!(f, "unknown theme \"{name}\""),
            P::RunnableAsset { ext } => write!(
                f,
                "a .{ext} file runs in the reader's browser when opened, so it is not published"
            ),
            P::RunningSvg { what } => write!(
                f,
                "this SVG holds {what}, which runs in the reader's browser when the file is opened"
            ),
            P::LoadsFromNetwork { what } => {
                write!(f, "the stylesheet loads from the network: {what}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_a_file_of_the_wrong_kind() {
        let p = FileProblem::FileNotInput {
            name: "anna.YAML".into(),
            folder: "partnerships".into(),
            ext: "yaml".into(),
            renamed: "anna.yaml".into(),
        };
        assert_eq!(
            p.to_string(),
            "a file in partnerships/ is not read: anna.YAML"
        );
        assert_eq!(
            p.help().as_deref(),
            Some(
                "partnerships/ reads only files ending in .yaml; if this is one, rename it to anna.yaml"
            )
        );
    }
}
