//! The one door through which roster reads a portfolio's files.
//!
//! A portfolio is often someone else's work (a pull request a CI job
//! builds), so a file in it may be a link to `/etc/passwd` or to another
//! agency's data. Every read of an input (YAML, CSV, notes, templates,
//! themes, assets) goes through [`read`], which resolves the link and reads
//! only when the real path is inside the real portfolio folder. A link whose
//! target stays inside is fine. Only regular files are read: a named pipe
//! would block the read for ever, and a device has no end.

use std::fs;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::diagnostics::kind::FileProblem;

/// Why a file of the portfolio was not read.
#[derive(Debug)]
pub(crate) enum Refused {
    /// Its real path is outside the portfolio.
    Outside,
    /// It is not a regular file: what it is instead ("a named pipe").
    NotAFile(&'static str),
    /// The system could not read it.
    Io(std::io::Error),
}

/// The real path of `root`, or `root` itself when it cannot be resolved
/// (then nothing under it can be read either).
pub(crate) fn real_root(root: &Path) -> PathBuf {
    // Every read asks, from several threads: each resolves the root once
    // (a build has one root; tests have many, one after another).
    thread_local! {
        static LAST: std::cell::RefCell<Option<(PathBuf, PathBuf)>> = const { std::cell::RefCell::new(None) };
    }
    LAST.with_borrow_mut(|last| match last {
        Some((asked, real)) if asked == root => real.clone(),
        _ => {
            let real = fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
            *last = Some((root.to_path_buf(), real.clone()));
            real
        }
    })
}

/// The real path of `path` when it exists and lies inside `root`.
fn resolve(root: &Path, path: &Path) -> Result<PathBuf, Refused> {
    let real = fs::canonicalize(path).map_err(Refused::Io)?;
    if real.starts_with(real_root(root)) {
        Ok(real)
    } else {
        Err(Refused::Outside)
    }
}

/// Read the file at `path` of the portfolio at `root`, unless its real path
/// is outside the portfolio or it is not a regular file.
pub(crate) fn read(root: &Path, path: &Path) -> Result<Vec<u8>, Refused> {
    let (mut file, len) = open(root, path)?;
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    std::io::Read::read_to_end(&mut file, &mut bytes).map_err(Refused::Io)?;
    Ok(bytes)
}

/// Open the file at `path` of the portfolio at `root`, unless its real
/// path is outside the portfolio or it is not a regular file, with its
/// length: for reading a large file a part at a time.
pub(crate) fn open(root: &Path, path: &Path) -> Result<(fs::File, u64), Refused> {
    let real = resolve(root, path)?;
    // Asked before opening, since opening a named pipe waits for a writer;
    // and opened without waiting, then asked again of what was opened, in
    // case the file was swapped for a pipe in between. A folder passes, for
    // its read to fail as reading a folder does.
    plain(&fs::metadata(&real).map_err(Refused::Io)?)?;
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(
        &mut options,
        rustix::fs::OFlags::NONBLOCK.bits() as i32,
    );
    let file = options.open(real).map_err(Refused::Io)?;
    let meta = file.metadata().map_err(Refused::Io)?;
    plain(&meta)?;
    Ok((file, meta.len()))
}

/// `Ok` for a regular file (or a folder), else what it is instead.
fn plain(meta: &fs::Metadata) -> Result<(), Refused> {
    let kind = meta.file_type();
    if kind.is_file() || kind.is_dir() {
        return Ok(());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Err(Refused::NotAFile("a named pipe"));
        }
        if kind.is_socket() {
            return Err(Refused::NotAFile("a socket"));
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Err(Refused::NotAFile("a device"));
        }
    }
    Err(Refused::NotAFile("not a regular file"))
}

/// Whether `path` of the portfolio at `root` may be read: inside it (after
/// links) and a regular file or a folder. Nothing is opened.
pub(crate) fn check(root: &Path, path: &Path) -> Result<(), Refused> {
    let real = resolve(root, path)?;
    plain(&fs::metadata(real).map_err(Refused::Io)?)
}

/// Whether `path` is a file inside the portfolio at `root` (after links).
pub(crate) fn is_file(root: &Path, path: &Path) -> bool {
    resolve(root, path).is_ok_and(|real| real.is_file())
}

/// Whether `path` exists but leads outside the portfolio at `root`.
pub(crate) fn is_outside(root: &Path, path: &Path) -> bool {
    matches!(resolve(root, path), Err(Refused::Outside))
}

/// Whether `path` (which need not exist yet) may be written: the part of
/// it that exists, after every link, must be inside the real folder
/// `inside`, itself inside the real portfolio at `root`; the rest is plain
/// names, made as folders when it is written. The write side of the door:
/// roster writes into a portfolio only where it would read.
pub(crate) fn writable(root: &Path, inside: &Path, path: &Path) -> Result<(), Refused> {
    let inside = resolve(root, inside)?;
    let mut existing = path;
    loop {
        match fs::symlink_metadata(existing) {
            Ok(_) => break,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                existing = match existing.parent() {
                    Some(parent) if !parent.as_os_str().is_empty() => parent,
                    _ => return Err(Refused::Io(e)),
                };
            }
            Err(e) => return Err(Refused::Io(e)),
        }
    }
    let made = path.strip_prefix(existing).unwrap_or(path);
    if made
        .components()
        .any(|c| !matches!(c, std::path::Component::Normal(_)))
    {
        return Err(Refused::Outside);
    }
    // A link that leads nowhere cannot be written through either.
    let real = fs::canonicalize(existing).map_err(|_| Refused::Outside)?;
    if real.starts_with(&inside) {
        Ok(())
    } else {
        Err(Refused::Outside)
    }
}

/// The first link on the way from `inside` to `path`, for a message that
/// names it.
pub(crate) fn first_link(inside: &Path, path: &Path) -> Option<PathBuf> {
    let rest = path.strip_prefix(inside).ok()?;
    let mut at = inside.to_path_buf();
    for part in rest.components() {
        at.push(part);
        if fs::symlink_metadata(&at).is_ok_and(|m| m.file_type().is_symlink()) {
            return Some(at);
        }
    }
    None
}

/// The error for an input at `file` (relative to the portfolio) that leads
/// outside it.
pub(crate) fn outside(file: &Path) -> Diagnostic {
    let problem = FileProblem::LinkOutside {
        file: file.to_path_buf(),
    };
    Diagnostic::error(problem).in_file(file)
}

/// The error for an input at `file` (relative to the portfolio) that is
/// `kind` ("a named pipe") rather than a regular file.
pub(crate) fn not_a_file(file: &Path, kind: &str) -> Diagnostic {
    let problem = FileProblem::NotAFile {
        kind: kind.to_string(),
    };
    Diagnostic::error(problem).in_file(file)
}

/// The bytes of a file a build copies as it is (a client's logo), at
/// `file` relative to the portfolio `root`: checked when the portfolio was
/// read, read again through the same door in case it was replaced by a
/// link since; what stops it is a diagnostic.
pub(crate) fn copied(root: &Path, file: &Path) -> Result<Vec<u8>, Box<Diagnostic>> {
    read(root, &root.join(file)).map_err(|refused| {
        Box::new(match refused {
            Refused::Outside => outside(file),
            Refused::NotAFile(kind) => not_a_file(file, kind),
            Refused::Io(e) => {
                let reason = e.to_string();
                Diagnostic::error(FileProblem::Unreadable { reason })
                    .in_file(file)
                    .io()
            }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn reads_links_inside_and_refuses_links_outside() {
        use std::os::unix::fs::symlink;
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("p");
        fs::create_dir_all(root.join("a")).unwrap();
        fs::write(root.join("a/in.txt"), "in").unwrap();
        fs::write(tmp.path().join("secret"), "s").unwrap();
        symlink(root.join("a/in.txt"), root.join("inside")).unwrap();
        symlink(tmp.path().join("secret"), root.join("outside")).unwrap();
        symlink(tmp.path(), root.join("up")).unwrap();
        assert_eq!(read(&root, &root.join("inside")).unwrap(), b"in");
        assert!(matches!(
            read(&root, &root.join("outside")),
            Err(Refused::Outside)
        ));
        assert!(matches!(
            read(&root, &root.join("up/secret")),
            Err(Refused::Outside)
        ));
        assert!(matches!(
            read(&root, &root.join("a/../../secret")),
            Err(Refused::Outside)
        ));
        assert!(matches!(
            read(&root, &root.join("none")),
            Err(Refused::Io(_))
        ));
        assert!(is_file(&root, &root.join("inside")));
        assert!(!is_file(&root, &root.join("outside")));
        assert!(is_outside(&root, &root.join("outside")));
    }

    /// Opening a named pipe waits for a writer: it is refused before.
    #[cfg(target_os = "linux")]
    #[test]
    fn refuses_what_is_not_a_regular_file_without_opening_it() {
        use rustix::fs::{CWD, FileType, Mode, mknodat};
        let tmp = tempfile::tempdir().unwrap();
        let pipe = tmp.path().join("2026-10.md");
        mknodat(CWD, &pipe, FileType::Fifo, Mode::from_raw_mode(0o644), 0).unwrap();
        let pipe_refused =
            |r: Result<(), Refused>| matches!(r, Err(Refused::NotAFile("a named pipe")));
        assert!(pipe_refused(read(tmp.path(), &pipe).map(drop)));
        assert!(pipe_refused(open(tmp.path(), &pipe).map(drop)));
        assert!(pipe_refused(check(tmp.path(), &pipe)));
        assert!(!is_file(tmp.path(), &pipe));
    }

    #[cfg(unix)]
    #[test]
    fn writes_only_where_it_would_read() {
        use std::os::unix::fs::symlink;
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("p");
        let client = root.join("c");
        fs::create_dir_all(client.join("in")).unwrap();
        fs::create_dir_all(root.join("other")).unwrap();
        fs::create_dir_all(tmp.path().join("away")).unwrap();
        symlink(client.join("in"), client.join("near")).unwrap();
        symlink(root.join("other"), client.join("sideways")).unwrap();
        symlink(tmp.path().join("away"), client.join("out")).unwrap();
        symlink(tmp.path().join("none"), client.join("dangling")).unwrap();
        let ok = |rel: &str| writable(&root, &client, &client.join(rel)).is_ok();
        assert!(ok("in/x.csv"));
        assert!(ok("new/deeper/x.csv"));
        assert!(ok("near/x.csv"));
        assert!(
            !ok("sideways/x.csv"),
            "inside the portfolio, outside the folder"
        );
        assert!(!ok("out/x.csv"));
        assert!(!ok("out/new/x.csv"));
        assert!(!ok("dangling/x.csv"));
        assert!(!ok("new/../../x.csv"));
        assert_eq!(
            first_link(&client, &client.join("out/new/x.csv")),
            Some(client.join("out"))
        );
        assert_eq!(first_link(&client, &client.join("in/x.csv")), None);
    }
}
