//! The rows of a metrics table once its header is known: the records of a
//! CSV file's text, or the rows of a workbook's sheet, each typed by
//! [`super::rows`] and each bad cell a diagnostic at its place; and the
//! table read, once its view has said what it met.
//!
//! Every problem goes to the sink with its column, so the same mistake in
//! many rows of a column is one diagnostic with a count (see
//! [`crate::diagnostics::Diagnostics`]); nothing is left unshown. A quote
//! left open (found by [`super::quotes`]) stops a CSV file's rows where it
//! opens.

use std::path::Path;

use super::file::{CsvFile, Rows};
use super::quotes::{self, open_quote};
use super::records::Cell;
use super::rows::{Columns, Dialect, Place, RowReader, read_row};
use super::way::Way;
use crate::diagnostics::kind::{CsvProblem, SplitNumber};
use crate::diagnostics::{Diagnostic, Diagnostics, Location};
use crate::load::imports::{self, How, State, View};
use crate::load::values::DecimalMark;
use crate::model::TableKind;

/// A metrics table whose header has been read: what its rows are read with.
pub(super) struct Table<'t> {
    pub(super) path: &'t Path,
    /// The sheet, for a workbook's table.
    pub(super) sheet: Option<&'t str>,
    /// How many fields the file's header has.
    width: usize,
    /// One more than the last field of the file that is read.
    reads: usize,
    /// Where roster's columns are: in the file, or in the view's rows.
    pub(super) cols: Columns,
    pub(super) dialect: Dialect,
    /// How the file's rows become roster's, unless they are.
    view: Option<&'t View<'t>>,
    /// `customer_salt`, for customers written as e-mails or names.
    salt: &'t str,
    /// Whether the table is read for `roster import`.
    pub(super) importing: bool,
    /// The report date, when known before reading: orders after it are
    /// not folded into the ledger.
    orders_to: Option<chrono::NaiveDate>,
}

/// Which part of a CSV file read a part at a time a text is: how many lines
/// come before it, and whether it is the last.
#[derive(Debug, Clone, Copy)]
pub(super) struct Part {
    pub(super) lines: usize,
    pub(super) last: bool,
}

impl Part {
    /// The first part: the whole file when `last`.
    pub(super) fn last(last: bool) -> Part {
        Part { lines: 0, last }
    }
}

/// A CSV file's text and how its records are delimited.
pub(super) struct Text<'t> {
    pub(super) text: &'t str,
    pub(super) delimiter: u8,
}

/// The rows read, the ids of rows that were there but could not be, and
/// what the view met.
pub(super) struct Read {
    pub(super) rows: Rows,
    pub(super) rejected: Vec<String>,
    pub(super) state: State,
}

impl<'t> Table<'t> {
    /// The table of a file (or sheet) at `place` whose header (lower-cased)
    /// is `header`, read the way `way` says; `mark` is the decimal mark
    /// unless the `imports` entry says otherwise.
    pub(super) fn new(
        (path, sheet): (&'t Path, Option<&'t str>),
        header: &[String],
        way: &'t Way<'t>,
        how: &How<'t>,
        mark: DecimalMark,
    ) -> Table<'t> {
        let view = way.view.as_ref();
        let names = way.kind.columns();
        let columns = view.map_or(header, |v| &v.header[..]);
        let cols = Columns {
            index: names
                .iter()
                .map(|n| columns.iter().position(|h| h == n))
                .collect(),
            names,
        };
        let reads = match view {
            Some(v) => v.width(),
            None => cols
                .index
                .iter()
                .flatten()
                .map(|i| i + 1)
                .max()
                .unwrap_or(0),
        };
        let entry = how.mapping;
        let dialect = Dialect {
            mark: view
                .and_then(|v| v.mark)
                .or(entry.and_then(|e| e.decimal))
                .unwrap_or(mark),
            order: view
                .and_then(|v| v.order)
                .or(entry.and_then(|e| e.date_order))
                .unwrap_or(how.order),
        };
        Table {
            path,
            sheet,
            width: header.len(),
            reads,
            cols,
            dialect,
            view,
            salt: how.salt,
            importing: how.importing,
            orders_to: how.orders_to,
        }
    }

    /// The place of a cell.
    pub(super) fn at(&self, cell: Cell) -> Location {
        let (line, column) = cell.place();
        Location::at(self.path, line, column)
            .in_field(cell.field as usize)
            .in_sheet(self.sheet)
    }

    /// Nothing read yet of a table of `kind`, with room for `capacity`
    /// rows: orders row by row for `roster import`, else as a ledger.
    pub(super) fn empty(&self, kind: TableKind, capacity: usize) -> Read {
        let rows = match kind {
            TableKind::Posts => Rows::Posts(Vec::with_capacity(capacity)),
            TableKind::Daily => Rows::Daily(Vec::with_capacity(capacity)),
            TableKind::Orders if self.importing => Rows::Orders(Vec::with_capacity(capacity)),
            TableKind::Orders => {
                Rows::Ledger(Box::new(super::Ledger::new(self.orders_to, capacity)))
            }
        };
        Read {
            rows,
            rejected: Vec::new(),
            state: State::default(),
        }
    }

    /// A record of the file at `line`, to be typed.
    fn row<'r>(
        &'r self,
        record: &'r csv::StringRecord,
        line: usize,
        place: Place<'r>,
    ) -> RowReader<'r> {
        RowReader {
            record,
            line,
            place,
            dialect: self.dialect,
            errors: Vec::new(),
            warnings: Vec::new(),
            fields: None,
            salt: self.salt,
            keep_revenue: self.importing,
            hash_all: self.importing,
            personal: None,
            guest: false,
        }
    }

    /// Type one record and report its problems.
    fn record(
        &self,
        mut row: RowReader,
        check_width: bool,
        read: &mut Read,
        diags: &mut Diagnostics,
    ) {
        read.state.rows += 1;
        let width = if check_width {
            self.field_count(&row)
        } else {
            None
        };
        match (width, self.view) {
            (Some(e), _) => row.errors.push(e),
            (None, None) => read_row(&mut row, &self.cols, &mut read.rows),
            (None, Some(view)) => self.translated(view, &mut row, read),
        }
        if read.state.personal.is_none() {
            read.state.personal = row.personal;
        }
        read.state.without_customer += usize::from(row.guest && row.errors.is_empty());
        if !row.errors.is_empty() {
            let id_column = match self.view {
                Some(view) => view.id_field(),
                None => self.cols.of("post_id").or(self.cols.of("order_id")),
            };
            if let Some(id) = row.text(id_column) {
                read.rejected.push(id.to_string());
            }
        }
        for (cell, problem) in row.errors {
            diags.push(Diagnostic::error(problem).at(self.at(cell)));
        }
        for (cell, problem) in row.warnings {
            diags.push(Diagnostic::warning(problem).at(self.at(cell)));
        }
    }

    /// Type a row of the file through its view: its cells made roster's,
    /// each still placed at the file's own cell.
    fn translated(&self, view: &View, row: &mut RowReader, read: &mut Read) {
        let (place, line) = (row.place, row.line);
        let cell = |i: usize| RowReader::cell_at(place, line, None, i);
        let Some(t) = view.translate(row.record, &cell, &mut row.errors, &mut read.state) else {
            return;
        };
        let mut mapped = RowReader {
            record: &t.record,
            line,
            place,
            dialect: self.dialect,
            errors: Vec::new(),
            warnings: Vec::new(),
            fields: Some(&t.fields),
            salt: self.salt,
            keep_revenue: self.importing,
            hash_all: self.importing && !view.hashes_customers(),
            personal: None,
            guest: false,
        };
        let before = match &read.rows {
            Rows::Posts(posts) => posts.len(),
            _ => 0,
        };
        read_row(&mut mapped, &self.cols, &mut read.rows);
        if let (Some(export), Rows::Posts(posts)) = (&view.export, &mut read.rows)
            && posts.len() > before
            && let Some(post) = posts.last_mut()
        {
            let text = |i: usize| row.record.get(i).map(str::trim).filter(|s| !s.is_empty());
            post.export = Some(Box::new(export.read(&text, view.mentions)));
        }
        // A cell the view could not make roster's is reported at it once,
        // not again as the empty value it leaves.
        let said: Vec<u32> = row.errors.iter().map(|(c, _)| c.field).collect();
        mapped.errors.retain(|(c, p)| {
            !(matches!(p, CsvProblem::EmptyCell { .. }) && said.contains(&c.field))
        });
        row.errors.append(&mut mapped.errors);
        row.warnings.append(&mut mapped.warnings);
        row.personal = row.personal.or(mapped.personal);
        row.guest = mapped.guest;
    }

    /// Read a sheet's rows after its header.
    pub(super) fn sheet_rows(
        &self,
        kind: TableKind,
        rows: &[(u32, Vec<String>)],
        first_column: usize,
        diags: &mut Diagnostics,
    ) -> Read {
        let mut read = self.empty(kind, rows.len());
        for (line, cells) in rows {
            let record: csv::StringRecord = cells.iter().map(String::as_str).collect();
            let row = self.row(&record, *line as usize, Place::Sheet(first_column));
            // A sheet's rows are as wide as the sheet: no row can be short.
            self.record(row, false, &mut read, diags);
        }
        read
    }

    /// Read a CSV file's records after its header into `read`; `Err` when a
    /// quote left open (`bad_quote`) makes the rest of the file unreadable.
    /// `part` says which part of the file `file` is: the lines before it,
    /// and whether it is the last. A part before the last holds back its
    /// last record, which may be cut short, and returns where it starts,
    /// for the next part to begin with.
    pub(super) fn csv_rows(
        &self,
        file: &Text,
        reader: &mut csv::Reader<&[u8]>,
        bad_quote: Option<quotes::BadQuote>,
        (read, part): (&mut Read, Part),
        diags: &mut Diagnostics,
    ) -> Result<Option<usize>, ()> {
        let lines: Vec<&str> = file.text.lines().collect();
        let newlines: Vec<usize> = file.text.match_indices('\n').map(|(i, _)| i).collect();
        let line_of = |byte: u64| line_at(file.text, &newlines, usize::try_from(byte).unwrap_or(0));
        let (mut record, mut next) = (csv::StringRecord::new(), csv::StringRecord::new());
        // The end of the record in `record`, once one is read.
        let mut pending: Option<u64> = None;
        let mut failed = false;
        loop {
            let got = match reader.read_record(&mut next) {
                Ok(got) => got,
                Err(e) => {
                    let loc = match e.position() {
                        Some(p) => Location::at(self.path, part.lines + line_of(p.byte()), 1),
                        None => Location::file(self.path),
                    };
                    let problem = CsvProblem::Unreadable {
                        reason: e.to_string(),
                    };
                    diags.push(Diagnostic::error(problem).at(loc));
                    failed = true;
                    false
                }
            };
            if !got && !part.last && !failed {
                // The last record of a part before the last: held back.
                let start = |r: &csv::StringRecord| r.position().map_or(0, |p| p.byte() as usize);
                return Ok(pending.map(|_| start(&record)));
            }
            if let Some(end) = pending {
                if let Some(q) = bad_quote.filter(|q| (q.at as u64) < end) {
                    diags.push(open_quote(self.path, &q));
                    return Err(());
                }
                if !record.iter().all(|f| f.trim().is_empty()) {
                    let line = record.position().map_or(0, |p| line_of(p.byte()));
                    let raw = lines.get(line.saturating_sub(1)).copied().unwrap_or("");
                    let place = Place::Line(raw, file.delimiter);
                    let row = self.row(&record, part.lines + line, place);
                    self.record(row, true, read, diags);
                }
            }
            if !got {
                break;
            }
            pending = Some(reader.position().byte());
            std::mem::swap(&mut record, &mut next);
        }
        Ok(None)
    }

    /// The error of a row with more fields than the header, or fewer than
    /// it where a column roster reads is among the missing: its cells cannot
    /// be matched to the columns.
    fn field_count(&self, row: &RowReader) -> Option<(Cell, CsvProblem)> {
        let (got, want) = (row.record.len(), self.width);
        // Cells left off the end of a row are fine only when roster would
        // ignore them anyway; a column it reads would silently be unknown.
        // (Checked before any message is made: this runs on every row.)
        let short = got < want && self.reads > got;
        if got <= want && !short {
            return None;
        }
        let Place::Line(raw, delimiter) = row.place else {
            return None;
        };
        if got > want {
            let split = self.split_number(row);
            let at = split.as_ref().map_or(want, |(i, _)| *i);
            let problem = CsvProblem::TooManyFields {
                got,
                want,
                split_number: split.map(|(_, s)| s),
            };
            return Some((row.cell(at), problem));
        }
        // The end of the row, where the missing fields would go.
        let end = Cell::new(row.line, raw.chars().count() + 1, got);
        let problem = CsvProblem::TooFewFields {
            got,
            want,
            delimiter: char::from(delimiter),
        };
        Some((end, problem))
    }

    /// The number of a row one field too wide that its delimiter split
    /// in two ([`super::split`]): the field it starts in, and what it is.
    fn split_number(&self, row: &RowReader) -> Option<(usize, SplitNumber)> {
        // Only roster's own columns are known by name here.
        if self.view.is_some() || row.record.len() != self.width + 1 {
            return None;
        }
        let fields: Vec<&str> = row.record.iter().collect();
        super::split::split_number(self.cols.names, &self.cols.index, &fields)
    }
}

/// The file read, once the view (if any) has said what it met.
pub(super) fn file(table: &Table, read: Read, way: &Way, diags: &mut Diagnostics) -> CsvFile {
    // A problem of the file as a whole, placed at a cell: never counted in
    // with the problems of the cell's column.
    let at = |cell: Option<Cell>| match cell {
        Some(cell) => {
            let (line, column) = cell.place();
            Location::at(table.path, line, column).in_sheet(table.sheet)
        }
        None => Location::file(table.path).in_sheet(table.sheet),
    };
    let tally = imports::finish((way.view.as_ref(), table.importing), read.state, &at, diags);
    CsvFile {
        tally,
        path: table.path.to_path_buf(),
        sheet: table.sheet.map(str::to_string),
        rows: read.rows,
        rejected: read.rejected,
        read_as: way.read_as.clone(),
    }
}

/// The 1-based line of the record starting at byte `at` of `text`. The csv
/// crate puts the start of a record after a CRLF at its LF, so line ends
/// there are skipped first.
fn line_at(text: &str, newlines: &[usize], at: usize) -> usize {
    let bytes = text.as_bytes();
    let mut at = at;
    while matches!(bytes.get(at), Some(b'\r' | b'\n')) {
        at += 1;
    }
    newlines.partition_point(|n| *n < at) + 1
}
