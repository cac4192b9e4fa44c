//! The theme's stylesheet and the portfolio's template overrides, read.
//!
//! `theme:` in roster.yaml names a built-in theme or a folder `themes/<name>/`
//! with a `style.css`; a file in `templates/` with the name of a built-in
//! template replaces it. Both are read here, through [`super::within`], so
//! that an unknown theme is found by `check` at its line in roster.yaml, and
//! rendering never reads a file. Whether the templates compile is
//! [`crate::resolve::templates`]'s business.

use std::path::Path;

use super::files::{RawSettings, Source};
use super::within;
use crate::builtin;
use crate::diagnostics::kind::FileProblem;
use crate::diagnostics::{Diagnostic, Diagnostics, did_you_mean};
use crate::load::yaml::Seg;
use crate::model::Looks;

/// Read the theme chosen in `settings` (the built-in default without them)
/// and the template overrides.
pub(crate) fn read(
    root: &Path,
    settings: Option<&RawSettings>,
    roster: Option<&Source>,
    diags: &mut Diagnostics,
) -> Looks {
    let theme = settings.map_or("default", |s| s.settings.theme.as_str());
    let css = theme_css(root, theme, diags).unwrap_or_else(|| {
        if let Some(src) = roster {
            diags.push(unknown_theme(root, theme, src));
        }
        builtin::built_in_theme("default").unwrap_or_default()
    });
    Looks {
        css,
        templates: overrides(root, diags),
    }
}

/// Whether a theme name can be a folder name under themes/.
fn is_folder_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The portfolio's `themes/<name>/style.css`, a complete stylesheet, first;
/// else a built-in theme. `None` when there is neither, or the file could
/// not be read (that is reported here).
fn theme_css(root: &Path, name: &str, diags: &mut Diagnostics) -> Option<String> {
    if !is_folder_name(name) {
        return None;
    }
    let file = Path::new("themes").join(name).join("style.css");
    let custom = root.join(&file);
    // A link outside the portfolio counts as there, and is reported as such
    // when read.
    if custom.is_file() {
        // Unreadable, it is reported as such, not as an unknown theme.
        let Some(src) = super::read_text(root, &custom, diags) else {
            return Some(String::new());
        };
        super::active::network(&src, diags);
        return Some(src.text);
    }
    builtin::built_in_theme(name)
}

fn unknown_theme(root: &Path, name: &str, roster: &Source) -> Diagnostic {
    let mut known: Vec<String> = builtin::BUILT_IN_THEMES
        .iter()
        .map(|t| (*t).to_string())
        .collect();
    known.extend(theme_folders(root));
    let problem = FileProblem::UnknownTheme {
        name: name.to_string(),
        suggestion: did_you_mean(name, known.iter().map(String::as_str)).map(str::to_string),
        themes: known,
    };
    Diagnostic::error(problem).at(roster.locate(&[Seg::Key("theme".into())]))
}

/// The folders under themes/ that hold a style.css inside the portfolio.
fn theme_folders(root: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(root.join("themes")) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| within::is_file(root, &e.path().join("style.css")))
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| is_folder_name(n))
        .collect();
    names.sort();
    names
}

/// The files of templates/ that replace a built-in template: (name, text).
/// One that links outside the portfolio is reported when read.
fn overrides(root: &Path, diags: &mut Diagnostics) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for name in builtin::template_names() {
        let file = Path::new("templates").join(name);
        let path = root.join(&file);
        if path.is_file()
            && let Some(text) = read_text(root, &file, diags)
        {
            found.push((name.to_string(), text));
        }
    }
    found
}

/// A theme or template file as text; a failure is a diagnostic.
fn read_text(root: &Path, file: &Path, diags: &mut Diagnostics) -> Option<String> {
    super::read_text(root, &root.join(file), diags).map(|src| src.text)
}
