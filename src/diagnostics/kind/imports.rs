//! The wording of problems met reading other tools' exports: the `imports`
//! mappings of client.yaml, the presets' rows left out or unattributed, and
//! personal data found in metrics files (load/imports).
//!
//! No message here quotes a customer's e-mail or name: a problem with
//! personal data gives its place, never its value.

use std::fmt;

use crate::diagnostics::shorten;
use crate::model::TableKind;

/// A problem met reading an export or applying a mapping to it.
#[derive(Debug, Clone, PartialEq, Eq, strum::IntoStaticStr, strum::VariantNames)]
#[strum(serialize_all = "snake_case")]
pub enum ImportProblem {
    /// `files` is not a glob.
    NotAGlob {
        /// The pattern as written.
        glob: String,
        /// Why.
        reason: String,
    },
    /// `files` climbs out of the client folder (`..`, or an absolute
    /// path), so it can match no file.
    GlobOutside {
        /// The pattern as written.
        glob: String,
    },
    /// `imports` is not a list.
    NotAList,
    /// `values` of a column is not a mapping of values.
    ValuesNotAMapping {
        /// roster's column.
        column: String,
    },
    /// A mapping maps a column to something other than a name or a list.
    NotAColumnName {
        /// roster's column.
        column: String,
    },
    /// A column roster needs that a mapping leaves unmapped.
    RequiredUnmapped {
        /// roster's column.
        column: &'static str,
        /// The kind of the files it maps.
        kind: TableKind,
    },
    /// A mapped column the file (or sheet) lacks, at the mapping's line.
    MappedColumnMissing {
        /// The file's column as the mapping names it.
        column: String,
        /// The file, relative to the portfolio.
        file: String,
        /// The sheet, for a workbook.
        sheet: Option<String>,
        /// The file's columns.
        columns: Vec<String>,
    },
    /// A sheet of a mapped workbook with none of the mapped columns.
    SheetNotMapped {
        /// The sheet.
        sheet: String,
    },
    /// A platform export in no partnership's folder, with no mapping to say
    /// whose posts it holds.
    NoPartnership {
        /// The preset it was read by.
        preset: &'static str,
        /// A partnership's id that a folder it is in is named nearly as.
        near: Option<String>,
    },
    /// Orders a shop export marks refunded, voided, cancelled or failed.
    OrdersLeftOut {
        /// How many.
        orders: usize,
        /// The statuses left out, in words.
        statuses: &'static str,
    },
    /// Orders with no customer (guest checkouts): kept for the report
    /// date, out of repeat purchase.
    OrdersWithoutCustomer {
        /// How many.
        orders: usize,
    },
    /// A discount code no partnership has.
    UnknownCode {
        /// The code as first written.
        code: String,
        /// Orders that have it.
        orders: usize,
    },
    /// Videos without a publish time (private or unlisted), skipped.
    VideosWithoutDate {
        /// How many.
        videos: usize,
    },
    /// A metrics file in the portfolio with customers' e-mails or names.
    PersonalData {
        /// Whether e-mails (else names) were found.
        emails: bool,
    },
    /// An export whose customers are names, not e-mails.
    CustomersAreNames,
    /// A platform's account-level file (daily totals of the account, its
    /// followers), which holds no post: skipped.
    AccountLevel {
        /// The file's name as the vendor writes it: `Overview.csv`.
        file: &'static str,
        /// The vendor: `TikTok Studio`.
        vendor: &'static str,
        /// The file of the same download that roster reads.
        instead: &'static str,
    },
    /// A file named with `roster import --as` that lacks the preset's
    /// columns.
    NotThePreset {
        /// The preset.
        preset: &'static str,
        /// The columns it lacks (lower-cased).
        lacks: Vec<&'static str>,
    },
    /// `roster import` would overwrite a different file.
    WouldOverwrite {
        /// The file, relative to the portfolio.
        file: String,
    },
    /// An import that could not be written.
    CannotWrite {
        /// Why.
        reason: String,
    },
    /// Two exports of one `roster import` would be written to one file.
    SameTarget {
        /// The file, relative to the portfolio.
        file: String,
    },
    /// An export imported from inside the portfolio's metrics, which a
    /// build would read again beside its import.
    ExportStillThere {
        /// The export, relative to the portfolio.
        export: String,
    },
    /// `--client` names no client folder.
    NoSuchClient {
        /// The id.
        id: String,
        /// The clients there are.
        clients: Vec<String>,
    },
    /// A preset name `--as` does not know.
    UnknownPreset {
        /// As given.
        name: String,
        /// The presets there are.
        presets: &'static [&'static str],
    },
    /// A row of an import names a partnership the client does not have.
    UnknownPartnership {
        /// As written.
        id: String,
        /// Its partnerships.
        partnerships: Vec<String>,
    },
    /// An id given twice in the rows of one import.
    DuplicateId {
        /// The id.
        id: String,
        /// The line it is first on.
        first: usize,
    },
    /// `roster import` would write through a link that leaves the
    /// client's folder.
    TargetOutside {
        /// The file it would write, relative to the portfolio.
        file: String,
        /// The link on the way, relative to the portfolio, when found.
        link: Option<String>,
    },
    /// Customers' e-mails or names hashed with no `customer_salt`: anyone
    /// who hashes a list of addresses can tell whose ids they are.
    Unsalted,
    /// A promo code given to two partnerships.
    CodeTwice {
        /// The code.
        code: String,
        /// The partnership that has it first, when another.
        first: Option<String>,
    },
}

impl ImportProblem {
    /// The likely fix, when there is one.
    pub fn help(&self) -> Option<String> {
        use ImportProblem as P;
        Some(match self {
            P::NotAGlob { .. } => {
                "write a path relative to the client folder, with `*` for any name within a folder and `**` across folders, such as \"metrics/sheets/*.csv\"".into()
            }
            P::GlobOutside { .. } => "`files` names files of the client's metrics/ relative to the client folder, such as \"metrics/sheets/*.csv\"; a file elsewhere is read once it is copied there (roster import does that)".into(),
            P::NotAList => "write a list of entries, each starting `- files: \"metrics/...\"`".into(),
            P::ValuesNotAMapping { .. } => "map each value as written to roster's: `\"Anna P.\": anna-petrova`".into(),
            P::NotAColumnName { .. } => {
                "write the file's column name, or a list of names to be summed".into()
            }
            P::RequiredUnmapped { column, .. } => format!(
                "add `{column}: \"<the file's column>\"` under `columns:`{}",
                if *column == "partnership" {
                    ", or `partnership: <id>` to the mapping"
                } else {
                    ""
                }
            ),
            P::MappedColumnMissing { columns, .. } => format!(
                "its columns are: {}",
                shorten(&columns.join(", "))
            ),
            P::NoPartnership { near: Some(id), .. } => format!(
                "its folder is named nearly as partnership `{0}`, but a folder is matched exactly, letter case included: is `{0}` meant? Rename the folder `{0}`",
                shorten(id)
            ),
            P::NoPartnership { .. } => "move it into `metrics/<partnership-id>/`, or give it an `imports` entry in client.yaml with `partnership: <id>`".into(),
            P::UnknownCode { .. } => "add it to the `promo_codes` of the partnership it belongs to; until then its orders are unattributed".into(),
            P::PersonalData { .. } => "roster hashes them as it reads; to keep them out of the portfolio and its history, run `roster import <file> --client <id>` and delete the export".into(),
            P::AccountLevel { instead, .. } => format!("roster reads the videos of the same download from {instead}: put {instead} in this folder"),
            P::CustomersAreNames => "two customers of the same name count as one; a shop export with e-mails (Shopify's) is more exact".into(),
            P::CodeTwice { first: Some(_), .. } => "give each code to one partnership".into(),
            P::CodeTwice { first: None, .. } => {
                "codes are matched whatever their letter case: keep one of the two".into()
            }
            P::NotThePreset { .. } => "check that this is the export you meant, or leave out `--as` to have roster recognise it".into(),
            P::WouldOverwrite { .. } => "pass --force to replace it, or move it away first".into(),
            P::SameTarget { .. } => "import one of the two at a time, or rename one".into(),
            P::TargetOutside { .. } => "roster import writes only inside the client's folder: make `metrics/imported` a folder of its own there, not a link".into(),
            P::Unsalted => "add `customer_salt: \"<a long random text>\"` to roster.yaml (such as the output of `openssl rand -hex 16`; `roster init` writes one) and keep it: changing it changes every customer's id".into(),
            P::ExportStillThere { .. } => "delete the export (its import holds the same rows, without personal data), or a build reads its rows twice".into(),
            P::NoSuchClient { clients, .. } => format!("clients of this portfolio: {}", clients.join(", ")),
            P::UnknownPreset { presets, .. } => format!("presets: {}", presets.join(", ")),
            P::UnknownPartnership { partnerships, .. } => format!("partnerships of this client: {}", shorten(&partnerships.join(", "))),
            P::DuplicateId { first, .. } => format!("the id is first given on line {first}"),
            P::SheetNotMapped { .. }
            | P::CannotWrite { .. }
            | P::OrdersLeftOut { .. }
            | P::OrdersWithoutCustomer { .. }
            | P::VideosWithoutDate { .. } => return None,
        })
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

impl ImportProblem {
    /// The words of the problems of an `imports` entry.
    fn of_the_mapping(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ImportProblem as P;
        match self {
            P::NotAGlob { glob, reason } => {
                write!(
                    f,
                    "`files` \"{}\" is not a pattern: {reason}",
                    shorten(glob)
                )
            }
            P::GlobOutside { glob } => write!(
                f,
                "`files` \"{}\" leads out of the client folder, so it matches no file",
                shorten(glob)
            ),
            P::NotAList => f.write_str("`imports` must be a list of mappings"),
            P::ValuesNotAMapping { column } => {
                write!(f, "`values` of `{column}` must map values to values")
            }
            P::NotAColumnName { column } => write!(
                f,
                "`{column}` must name a column of the file, or a list of columns"
            ),
            P::RequiredUnmapped { column, kind } => {
                write!(f, "this mapping of {kind} files does not map `{column}`")
            }
            P::MappedColumnMissing {
                column,
                file,
                sheet,
                ..
            } => {
                let sheet = sheet
                    .as_ref()
                    .map_or_else(String::new, |s| format!(", sheet \"{}\"", shorten(s)));
                write!(f, "{file}{sheet} has no column \"{}\"", shorten(column))
            }
            P::SheetNotMapped { sheet } => write!(
                f,
                "sheet \"{}\" has none of the mapped columns and is skipped",
                shorten(sheet)
            ),
            _ => Ok(()),
        }
    }

    /// The words of the problems only `roster import` meets.
    fn of_the_command(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ImportProblem as P;
        match self {
            P::NotThePreset { preset, lacks } => write!(
                f,
                "this file is no {preset} export: it has no column {}",
                lacks
                    .iter()
                    .map(|l| format!("\"{l}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            P::WouldOverwrite { file } => {
                write!(f, "{file} exists with other rows: not overwritten")
            }
            P::CannotWrite { reason } => write!(f, "cannot write the import: {reason}"),
            P::SameTarget { file } => write!(f, "two exports would both be written to {file}"),
            P::TargetOutside { file, link } => match link {
                Some(link) => write!(
                    f,
                    "{file} would be written outside the client's folder: {link} is a link out of it; nothing was written"
                ),
                None => write!(
                    f,
                    "{file} would be written outside the client's folder; nothing was written"
                ),
            },
            P::ExportStillThere { export } => {
                write!(f, "{export} is still in the portfolio beside its import")
            }
            P::NoSuchClient { id, .. } => write!(f, "no client \"{}\" in clients/", shorten(id)),
            P::UnknownPreset { name, .. } => write!(f, "unknown preset \"{}\"", shorten(name)),
            P::UnknownPartnership { id, .. } => {
                write!(f, "unknown partnership \"{}\"", shorten(id))
            }
            P::DuplicateId { id, .. } => write!(f, "id \"{}\" is given twice", shorten(id)),
            _ => Ok(()),
        }
    }
}

impl fmt::Display for ImportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ImportProblem as P;
        match self {
            P::NotAGlob { .. }
            | P::GlobOutside { .. }
            | P::NotAList
            | P::ValuesNotAMapping { .. }
            | P::NotAColumnName { .. }
            | P::RequiredUnmapped { .. }
            | P::MappedColumnMissing { .. }
            | P::SheetNotMapped { .. } => self.of_the_mapping(f),
            P::NoPartnership { preset, .. } => write!(
                f,
                "this {preset} export does not say whose posts it holds"
            ),
            P::OrdersLeftOut { orders, statuses } => write!(
                f,
                "{} left out: {statuses}",
                plural(*orders, "order", "orders")
            ),
            P::OrdersWithoutCustomer { orders } => write!(
                f,
                "{} without a customer (a guest checkout): counted for the report date, out of repeat purchase",
                plural(*orders, "order", "orders")
            ),
            P::UnknownCode { code, orders } => write!(
                f,
                "discount code \"{}\" ({}) is no partnership's promo code",
                shorten(code),
                plural(*orders, "order", "orders")
            ),
            P::VideosWithoutDate { videos } => write!(
                f,
                "{} without a publish time (private or unlisted) skipped",
                plural(*videos, "video", "videos")
            ),
            P::PersonalData { emails: true } => {
                f.write_str("this file holds customers' e-mail addresses")
            }
            P::PersonalData { emails: false } => f.write_str("this file holds customers' names"),
            P::AccountLevel { file, vendor, .. } => write!(
                f,
                "this is {vendor}'s {file}, totals of the whole account that roster does not read: skipped"
            ),
            P::CustomersAreNames => f.write_str(
                "customers in this export are names, not e-mails: repeat purchases are only as exact as that",
            ),
            P::Unsalted => f.write_str(
                "customers are hashed without a `customer_salt`: anyone with a list of e-mail addresses can tell whose ids these are",
            ),
            P::NotThePreset { .. }
            | P::WouldOverwrite { .. }
            | P::CannotWrite { .. }
            | P::SameTarget { .. }
            | P::TargetOutside { .. }
            | P::ExportStillThere { .. }
            | P::NoSuchClient { .. }
            | P::UnknownPreset { .. }
            | P::UnknownPartnership { .. }
            | P::DuplicateId { .. } => self.of_the_command(f),
            P::CodeTwice {
                code,
                first: Some(first),
            } => write!(
                f,
                "promo code \"{}\" is also a code of {}",
                shorten(code),
                shorten(first)
            ),
            P::CodeTwice { code, first: None } => write!(
                f,
                "promo code \"{}\" is given twice to this partnership",
                shorten(code)
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_left_out_orders_and_unknown_codes() {
        let p = ImportProblem::OrdersLeftOut {
            orders: 3,
            statuses: "refunded, voided or cancelled",
        };
        assert_eq!(
            p.to_string(),
            "3 orders left out: refunded, voided or cancelled"
        );
        let p = ImportProblem::UnknownCode {
            code: "SUMMER".into(),
            orders: 1,
        };
        assert_eq!(
            p.to_string(),
            "discount code \"SUMMER\" (1 order) is no partnership's promo code"
        );
        assert!(p.help().unwrap().contains("promo_codes"));
    }

    #[test]
    fn personal_data_is_named_never_quoted() {
        let p = ImportProblem::PersonalData { emails: true };
        assert_eq!(p.to_string(), "this file holds customers' e-mail addresses");
        assert!(p.help().unwrap().contains("roster import"));
    }
}
