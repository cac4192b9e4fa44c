//! `imports` in client.yaml: which files are read through a column
//! mapping, and how (docs/your-data.md, "Column mapping").
//!
//! Each entry is read and checked here, with every problem at its line of
//! client.yaml; whether a file has the columns an entry maps is known only
//! when the file is read, and reported then, still at the entry's line.

use std::collections::HashMap;

use globset::{GlobBuilder, GlobMatcher};
use serde_yaml::{Mapping, Value};

use crate::diagnostics::Location;
use crate::diagnostics::kind::ImportProblem;
use crate::load::values::{DateOrder, DecimalMark};
use crate::load::yaml::{Seg, Source, YamlDoc, join, join_index};
use crate::model::{PostKind, TableKind};

/// One entry of `imports`.
#[derive(Debug, Clone)]
pub struct ImportMapping {
    /// The entry, for problems of the mapping as a whole.
    pub at: Location,
    /// Which files, relative to the client folder.
    pub files: GlobMatcher,
    /// The kind of the files it maps; `None` when the entry maps no
    /// columns and only sets a partnership, a date order or a decimal mark
    /// for files read by their header.
    pub kind: Option<TableKind>,
    /// For a workbook: the one sheet the entry applies to.
    pub sheet: Option<String>,
    /// roster's columns and the file's columns they come from.
    pub columns: Vec<MappedColumn>,
    /// Values renamed, by roster's column.
    pub values: HashMap<&'static str, HashMap<String, String>>,
    /// The partnership of every row that names none.
    pub partnership: Option<String>,
    /// The kind of a post without one.
    pub kind_default: Option<PostKind>,
    /// How slash dates read in these files.
    pub date_order: Option<DateOrder>,
    /// The decimal mark of these files.
    pub decimal: Option<DecimalMark>,
}

/// One column of a mapping.
#[derive(Debug, Clone)]
pub struct MappedColumn {
    /// roster's column.
    pub name: &'static str,
    /// The file's columns (more than one are summed), lower-cased.
    pub from: Vec<String>,
    /// The file's columns as written in client.yaml.
    pub written: Vec<String>,
    /// Where the mapping of this column is in client.yaml.
    pub at: Location,
}

const KEYS: [&str; 9] = [
    "files",
    "kind",
    "sheet",
    "columns",
    "values",
    "partnership",
    "kind_default",
    "date_order",
    "decimal",
];

/// The columns a file of `kind` cannot do without, besides `partnership`
/// of posts (which may come from the entry or the folder, and is checked
/// once the file is read: [`super::mapped()`]).
fn required(kind: TableKind, mapped: &[MappedColumn]) -> impl Iterator<Item = &'static str> {
    let by_date = mapped.iter().any(|c| c.name == "date");
    let later = match kind {
        TableKind::Posts => Some("partnership"),
        TableKind::Daily | TableKind::Orders => None,
    };
    kind.needs(by_date)
        .iter()
        .copied()
        .filter(move |c| Some(*c) != later)
}

/// Read `imports` of client.yaml, when given.
pub(crate) fn read(doc: &mut YamlDoc, m: &Mapping, src: &Source) -> Vec<ImportMapping> {
    let path = join(&[], "imports");
    let Some(v) = doc.field(m, &[], "imports", false).cloned() else {
        return Vec::new();
    };
    let Value::Sequence(items) = v else {
        doc.error(&path, ImportProblem::NotAList);
        return Vec::new();
    };
    items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| entry(doc, item, &join_index(&path, i), src))
        .collect()
}

/// Whether the glob `g` climbs out of the folder it is relative to: a `..`
/// part, or an absolute path (`/x`, `\\x`, `C:x`). Such a glob matches no
/// path of a file in the folder.
fn leaves(g: &str) -> bool {
    let drive = g.as_bytes().get(1) == Some(&b':');
    g.starts_with(['/', '\\']) || drive || g.split(['/', '\\']).any(|part| part == "..")
}

fn entry(doc: &mut YamlDoc, item: &Value, path: &[Seg], src: &Source) -> Option<ImportMapping> {
    let m = doc.mapping(item, path, &KEYS)?.clone();
    let errors = doc.errors();
    let glob = doc.string(&m, path, "files", true);
    let files = glob.and_then(|g| {
        if leaves(&g) {
            doc.error(&join(path, "files"), ImportProblem::GlobOutside { glob: g });
            return None;
        }
        match GlobBuilder::new(&g).literal_separator(true).build() {
            Ok(glob) => Some(glob.compile_matcher()),
            Err(e) => {
                let problem = ImportProblem::NotAGlob {
                    glob: g,
                    reason: e.kind().to_string(),
                };
                doc.error(&join(path, "files"), problem);
                None
            }
        }
    });
    // An unknown kind is the choice's error, with the kinds there are.
    let kind = doc
        .choice(&m, path, "kind", false, &TableKind::NAMES)
        .and_then(TableKind::parse);
    let columns = kind.map_or_else(Vec::new, |k| columns(doc, &m, path, k, src));
    let values = kind.map_or_else(HashMap::new, |k| values(doc, &m, path, k));
    let partnership = doc.string(&m, path, "partnership", false);
    let kind_default = doc
        .choice(&m, path, "kind_default", false, &["sponsored", "organic"])
        .map(|k| match k {
            "organic" => PostKind::Organic,
            _ => PostKind::Sponsored,
        });
    let date_order = doc
        .choice(&m, path, "date_order", false, &["mdy", "dmy"])
        .map(|o| match o {
            "dmy" => DateOrder::Dmy,
            _ => DateOrder::Mdy,
        });
    let decimal = doc
        .choice(&m, path, "decimal", false, &[".", ","])
        .map(|d| match d {
            "," => DecimalMark::Comma,
            _ => DecimalMark::Point,
        });
    let sheet = doc.string(&m, path, "sheet", false);
    if let Some(kind) = kind {
        for column in required(kind, &columns) {
            if !columns.iter().any(|c| c.name == column) {
                let problem = ImportProblem::RequiredUnmapped { column, kind };
                doc.error(&join(path, "columns"), problem);
            }
        }
    }
    (doc.errors() == errors).then_some(ImportMapping {
        at: src.locate(path),
        files: files?,
        kind,
        sheet,
        columns,
        values,
        partnership,
        kind_default,
        date_order,
        decimal,
    })
}

/// `columns`: roster's column to the file's column, or a list of them.
fn columns(
    doc: &mut YamlDoc,
    m: &Mapping,
    path: &[Seg],
    kind: TableKind,
    src: &Source,
) -> Vec<MappedColumn> {
    let cpath = join(path, "columns");
    let Some(v) = doc.field(m, path, "columns", false).cloned() else {
        return Vec::new();
    };
    let known = kind.columns();
    let Some(cm) = doc.mapping(&v, &cpath, known).cloned() else {
        return Vec::new();
    };
    let mut mapped = Vec::new();
    for (k, v) in &cm {
        let Some(name) = k.as_str().and_then(|k| known.iter().find(|n| **n == k)) else {
            continue;
        };
        let at = join(&cpath, name);
        let written: Vec<String> = match v {
            Value::String(s) => vec![s.trim().to_string()],
            Value::Number(n) => vec![n.to_string()],
            Value::Sequence(parts) if !parts.is_empty() => {
                let names: Vec<String> = parts
                    .iter()
                    .filter_map(|p| p.as_str().map(|s| s.trim().to_string()))
                    .collect();
                if names.len() != parts.len() {
                    doc.error(
                        &at,
                        ImportProblem::NotAColumnName {
                            column: name.to_string(),
                        },
                    );
                    continue;
                }
                names
            }
            _ => {
                doc.error(
                    &at,
                    ImportProblem::NotAColumnName {
                        column: name.to_string(),
                    },
                );
                continue;
            }
        };
        mapped.push(MappedColumn {
            name,
            from: written.iter().map(|w| super::normalise(w)).collect(),
            written,
            at: src.locate(&at),
        });
    }
    mapped
}

/// `values`: for a roster column, the file's values renamed.
fn values(
    doc: &mut YamlDoc,
    m: &Mapping,
    path: &[Seg],
    kind: TableKind,
) -> HashMap<&'static str, HashMap<String, String>> {
    let vpath = join(path, "values");
    let mut out = HashMap::new();
    let Some(v) = doc.field(m, path, "values", false).cloned() else {
        return out;
    };
    let known = kind.columns();
    let Some(vm) = doc.mapping(&v, &vpath, known).cloned() else {
        return out;
    };
    for (k, renames) in &vm {
        let Some(name) = k.as_str().and_then(|k| known.iter().find(|n| **n == k)) else {
            continue;
        };
        let rpath = join(&vpath, name);
        let Value::Mapping(pairs) = renames else {
            let problem = ImportProblem::ValuesNotAMapping {
                column: name.to_string(),
            };
            doc.error(&rpath, problem);
            continue;
        };
        let text = |v: &Value| match v {
            Value::String(s) => Some(s.trim().to_string()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        };
        let map = pairs
            .iter()
            .filter_map(|(from, to)| Some((text(from)?, text(to)?)))
            .collect();
        out.insert(*name, map);
    }
    out
}
