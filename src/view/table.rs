//! Tables: what a page shows in rows and columns, and the same numbers as a
//! CSV file the page carries in its "Download CSV" link (a `data:` address
//! with the file's name in `download`), so that a site of many tables is
//! still only its pages on disk.
//!
//! A cell carries its text as the reader sees it and its value for a
//! spreadsheet: money without symbols or grouping, rates as percentages,
//! undefined figures as empty cells. Russian files use `;` and a decimal
//! comma, as Excel in a Russian locale expects; every file starts with a
//! byte-order mark so that Excel reads it as UTF-8.
//!
//! A table with a total row knows which of its columns add up to it, and
//! the exact amounts behind their cells: when the rows, each rounded to the
//! cent on its own, do not add up to the total as shown, the table says so
//! in a footnote rather than leave the reader to find a cent missing.

use std::fmt::Write as _;

use rust_decimal::Decimal;
use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use super::format;
use crate::html::escape as escape_html;
use crate::model::Language;

/// How a CSV file's `data:` address begins; base64 keeps the link short for
/// Cyrillic text and free of characters HTML would escape.
pub(crate) const CSV_LINK: &str = "data:text/csv;charset=utf-8;base64,";

/// One table of a page. Templates receive its frame (`id`, `caption`, `csv`:
/// the CSV file as a `data:` address, `csv_name`: its file name, `download`:
/// the link's text, `columns`, `empty`) and its rows as ready HTML (`body`): a
/// template looping over every cell of a long table is what a large
/// portfolio's build would spend its time on.
#[derive(Debug, Clone)]
pub struct Table {
    /// Element id and CSV file stem, unique on the page.
    pub id: String,
    /// What the table shows.
    pub caption: String,
    /// The CSV file's name.
    pub csv: String,
    /// The link to the CSV file: its text and the file's language.
    pub download: Download,
    /// Column headers.
    pub columns: Vec<Column>,
    /// Rows.
    pub rows: Vec<Row>,
    /// The total row's index, and the footnote to show under the table when
    /// the rounded rows do not add up to it.
    pub total: Option<(usize, &'static str)>,
}

/// A table's "Download CSV" link: its text, and the language whose
/// spreadsheets the file is written for.
#[derive(Debug, Clone, Copy)]
pub struct Download {
    /// The link's text.
    pub label: &'static str,
    /// `,` and a decimal point, or `;` and a decimal comma.
    pub lang: Language,
}

/// A column header.
#[derive(Debug, Clone, Serialize)]
pub struct Column {
    /// Header text.
    pub label: String,
    /// Numbers: aligned right.
    pub num: bool,
    /// Only in the CSV file: what the page shows elsewhere (a post's
    /// address, linked from its date).
    #[serde(skip)]
    pub csv_only: bool,
    /// Whether the rows' amounts add up to the total row's.
    #[serde(skip)]
    pub summed: bool,
}

/// One row.
#[derive(Debug, Clone, Default)]
pub struct Row {
    /// The cells, one per column.
    pub cells: Vec<Cell>,
    /// A class for the row (`organic`, `ramp-up`, `current`), or empty.
    pub class: &'static str,
    /// A heading over the rows after it (a group of the renewal calendar):
    /// one cell across the table on the page, no line in the CSV file,
    /// whose rows each name their group.
    pub heading: Option<String>,
}

/// What a spreadsheet gets from a cell.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Value {
    /// Nothing: an undefined figure.
    #[default]
    Empty,
    /// Text from input or the page.
    Text(String),
    /// A number, written for the language's spreadsheets.
    Number(String),
}

/// One cell.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    /// What the reader sees.
    pub text: String,
    /// A link, relative to the page.
    pub href: Option<String>,
    /// A class for the cell's text (`badge extend`, `up`, `muted`), or empty.
    pub class: String,
    /// A note after the text (a ramp-up or organic mark).
    pub mark: Option<String>,
    /// Whether its column holds numbers (set when the row is added).
    pub num: bool,
    /// The spreadsheet value.
    pub value: Value,
    /// The exact amount of money behind the text, for the total's check.
    pub amount: Option<Decimal>,
}

impl Cell {
    /// Text, the same on the page and in the CSV.
    pub fn text(s: impl Into<String>) -> Cell {
        let s = s.into();
        Cell {
            value: Value::Text(s.clone()),
            text: s,
            ..Cell::default()
        }
    }

    /// A number shown as `text` and written as `value` (already in the
    /// language's spreadsheet form), or an empty cell when undefined.
    pub fn number(text: String, value: Option<String>) -> Cell {
        Cell {
            text,
            value: value.map_or(Value::Empty, Value::Number),
            ..Cell::default()
        }
    }

    /// The same cell holding the exact `amount` its text rounds.
    #[cfg(test)]
    pub fn amount(mut self, amount: Decimal) -> Cell {
        self.amount = Some(amount);
        self
    }

    /// The same cell linking to `href`.
    pub fn link(mut self, href: impl Into<String>) -> Cell {
        self.href = Some(href.into());
        self
    }

    /// The same cell with a class.
    pub fn class(mut self, class: impl Into<String>) -> Cell {
        self.class = class.into();
        self
    }

    /// The same cell with a mark after its text (also in the CSV).
    pub fn mark(mut self, mark: impl Into<String>) -> Cell {
        let mark = mark.into();
        if let Value::Text(t) = &mut self.value {
            *t = format!("{t} ({mark})");
        }
        self.mark = Some(mark);
        self
    }
}

/// A text field that a spreadsheet would read as a formula is defused with
/// a leading apostrophe: names come from input, and a market, a creator or
/// a partnership may head a column as well as fill a cell, so every text
/// field of a CSV file goes through here, the header's included.
fn defuse(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

impl Cell {
    /// The cell's content as HTML.
    fn write_html(&self, out: &mut String) {
        let text = escape_html(&self.text);
        match (&self.href, self.class.as_str()) {
            (Some(href), "external") => {
                let _ = write!(
                    out,
                    "<a href=\"{}\" rel=\"noopener noreferrer\">{text}</a>",
                    escape_html(href)
                );
            }
            (Some(href), "") => {
                let _ = write!(out, "<a href=\"{}\">{text}</a>", escape_html(href));
            }
            (Some(href), class) => {
                let _ = write!(
                    out,
                    "<a href=\"{}\" class=\"{}\">{text}</a>",
                    escape_html(href),
                    escape_html(class)
                );
            }
            (None, "") => out.push_str(&text),
            (None, class) => {
                let _ = write!(out, "<span class=\"{}\">{text}</span>", escape_html(class));
            }
        }
        if let Some(mark) = &self.mark {
            let _ = write!(out, " <span class=\"mark\">{}</span>", escape_html(mark));
        }
    }
}

impl Table {
    /// The rows as HTML: the first cell of a row heads it.
    pub fn body_html(&self) -> String {
        let mut out = String::with_capacity(self.rows.len() * 200);
        for row in &self.rows {
            if let Some(text) = &row.heading {
                let _ = writeln!(
                    out,
                    "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"{}\"><span>{}</span></th></tr>",
                    self.columns.iter().filter(|c| !c.csv_only).count().max(1),
                    escape_html(text)
                );
                continue;
            }
            if row.class.is_empty() {
                out.push_str("<tr>");
            } else {
                let _ = write!(out, "<tr class=\"{}\">", row.class);
            }
            let shown = row
                .cells
                .iter()
                .zip(&self.columns)
                .filter(|(_, c)| !c.csv_only);
            for (i, (cell, _)) in shown.enumerate() {
                let tag = if i == 0 { "th" } else { "td" };
                out.push('<');
                out.push_str(tag);
                if i == 0 {
                    out.push_str(" scope=\"row\"");
                }
                if cell.num {
                    out.push_str(" class=\"num\"");
                }
                out.push('>');
                cell.write_html(&mut out);
                let _ = write!(out, "</{tag}>");
            }
            out.push_str("</tr>\n");
        }
        out
    }

    /// A table with its CSV file named after `id`.
    pub fn new(id: &str, caption: impl Into<String>, download: Download) -> Table {
        Table {
            id: id.to_string(),
            caption: caption.into(),
            csv: format!("{id}.csv"),
            download,
            columns: Vec::new(),
            rows: Vec::new(),
            total: None,
        }
    }

    /// Add a text column.
    pub fn col(self, label: impl Into<String>) -> Table {
        self.column(label, false, false)
    }

    /// Add a number column.
    pub fn num(self, label: impl Into<String>) -> Table {
        self.column(label, true, false)
    }

    /// Add a text column that only the CSV file has.
    pub fn csv_col(self, label: impl Into<String>) -> Table {
        self.column(label, false, true)
    }

    fn column(mut self, label: impl Into<String>, num: bool, csv_only: bool) -> Table {
        self.columns.push(Column {
            label: label.into(),
            num,
            csv_only,
            summed: false,
        });
        self
    }

    /// Add a column of money whose rows add up to the total row (see
    /// [`Table::total`]).
    pub fn sum(mut self, label: impl Into<String>) -> Table {
        self = self.column(label, true, false);
        if let Some(c) = self.columns.last_mut() {
            c.summed = true;
        }
        self
    }

    /// Add the total row of the [`Table::sum`] columns; `note` (in the
    /// page's language) is shown under the table when their rounded rows
    /// do not add up to it.
    pub fn total(&mut self, cells: Vec<Cell>, note: &'static str) {
        self.total = Some((self.rows.len(), note));
        self.row_with(cells, "total");
    }

    /// The footnote on rounding, when a summed column's rows, each rounded
    /// to the cent, do not add up to its total as shown, though their exact
    /// amounts do ([`format::rounded_apart`]).
    pub fn footnote(&self) -> Option<&'static str> {
        let (at, note) = self.total?;
        let total = &self.rows.get(at)?.cells;
        let rows: Vec<&Row> = (self.rows.iter().enumerate())
            .filter(|(i, r)| *i != at && r.heading.is_none())
            .map(|(_, r)| r)
            .collect();
        let off = |col: usize| {
            let Some(total) = total.get(col).and_then(|c| c.amount) else {
                return false;
            };
            let amounts = rows.iter().filter_map(|r| r.cells.get(col)?.amount);
            format::rounded_apart(amounts, total)
        };
        let summed = self.columns.iter().enumerate().filter(|(_, c)| c.summed);
        summed.map(|(i, _)| i).any(off).then_some(note)
    }

    /// Add a row.
    pub fn row(&mut self, cells: Vec<Cell>) {
        self.row_with(cells, "");
    }

    /// Add a row with a class.
    pub fn row_with(&mut self, mut cells: Vec<Cell>, class: &'static str) {
        for (cell, col) in cells.iter_mut().zip(&self.columns) {
            cell.num = col.num;
        }
        self.rows.push(Row {
            cells,
            class,
            heading: None,
        });
    }

    /// Add a heading over the rows that follow (page only, not the CSV).
    pub fn heading(&mut self, text: impl Into<String>) {
        self.rows.push(Row {
            heading: Some(text.into()),
            ..Row::default()
        });
    }

    /// The CSV file as a `data:` address, for the page's link.
    pub fn csv_link(&self) -> String {
        use base64::Engine as _;
        let csv = self.to_csv(self.download.lang);
        let mut link = String::with_capacity(CSV_LINK.len() + csv.len() * 4 / 3 + 4);
        link.push_str(CSV_LINK);
        base64::engine::general_purpose::STANDARD.encode_string(&csv, &mut link);
        link
    }

    /// The CSV file: a header row and one line per row.
    pub fn to_csv(&self, lang: Language) -> Vec<u8> {
        let delimiter = crate::view::i18n::catalogue(lang).numbers.csv_delimiter;
        let mut w = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::from("\u{feff}".as_bytes()));
        let head: Vec<String> = self.columns.iter().map(|c| defuse(&c.label)).collect();
        // Writing to a Vec cannot fail.
        let _ = w.write_record(&head);
        for row in self.rows.iter().filter(|r| r.heading.is_none()) {
            let fields: Vec<String> = row
                .cells
                .iter()
                .map(|c| match &c.value {
                    Value::Empty => String::new(),
                    Value::Text(s) => defuse(s),
                    Value::Number(n) => n.clone(),
                })
                .collect();
            let _ = w.write_record(&fields);
        }
        w.into_inner().unwrap_or_default()
    }
}

impl Serialize for Table {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut t = s.serialize_struct("Table", 9)?;
        t.serialize_field("id", &self.id)?;
        t.serialize_field("caption", &self.caption)?;
        t.serialize_field("csv", &self.csv_link())?;
        t.serialize_field("csv_name", &self.csv)?;
        t.serialize_field("download", &self.download.label)?;
        let shown: Vec<&Column> = self.columns.iter().filter(|c| !c.csv_only).collect();
        t.serialize_field("columns", &shown)?;
        t.serialize_field("empty", &self.rows.is_empty())?;
        t.serialize_field("body", &self.body_html())?;
        t.serialize_field("footnote", &self.footnote())?;
        t.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EN: Download = Download {
        label: "Download CSV",
        lang: Language::En,
    };

    #[test]
    fn writes_rows_as_escaped_html() {
        let mut t = Table::new("t", "T", EN).col("Name").num("n");
        t.row_with(
            vec![
                Cell::text("<b>Sam</b>")
                    .link("partnerships/sam/index.html")
                    .mark("Ramp-up"),
                Cell::number("1".into(), Some("1".into())).class("up"),
            ],
            "organic",
        );
        t.row(vec![
            Cell::text("Post")
                .link("https://x.example/?a=1&b=2")
                .class("external"),
            Cell::text(""),
        ]);
        assert_eq!(
            t.body_html(),
            "<tr class=\"organic\"><th scope=\"row\"><a href=\"partnerships/sam/index.html\">&lt;b&gt;Sam&lt;/b&gt;</a> <span class=\"mark\">Ramp-up</span></th><td class=\"num\"><span class=\"up\">1</span></td></tr>\n\
             <tr><th scope=\"row\"><a href=\"https://x.example/?a=1&amp;b=2\" rel=\"noopener noreferrer\">Post</a></th><td class=\"num\"></td></tr>\n"
        );
    }

    #[test]
    fn a_csv_only_column_is_in_the_file_and_not_on_the_page() {
        let mut t = Table::new("t", "T", EN).col("Date").csv_col("Link");
        t.row(vec![
            Cell::text("2 Oct")
                .link("https://x.example/p")
                .class("external"),
            Cell::text("https://x.example/p"),
        ]);
        assert_eq!(
            t.body_html(),
            "<tr><th scope=\"row\"><a href=\"https://x.example/p\" rel=\"noopener noreferrer\">2 Oct</a></th></tr>\n"
        );
        let csv = String::from_utf8(t.to_csv(Language::En)).unwrap();
        assert_eq!(csv, "\u{feff}Date,Link\r\n2 Oct,https://x.example/p\r\n");
        let page = serde_json::to_value(&t).unwrap();
        assert_eq!(page["columns"].as_array().map(Vec::len), Some(1));
    }

    #[test]
    fn writes_csv_for_each_language() {
        let mut t = Table::new("roster", "Roster", EN).col("Creator").num("ROI");
        t.row(vec![
            Cell::text("=HYPERLINK(\"x\")"),
            Cell::number("12.5%".into(), Some("12,5%".into())),
        ]);
        t.row(vec![
            Cell::text("Jess; \"J\""),
            Cell::number("n/a".into(), None),
        ]);
        let ru = String::from_utf8(t.to_csv(Language::Ru)).unwrap();
        assert_eq!(
            ru,
            "\u{feff}Creator;ROI\r\n\"'=HYPERLINK(\"\"x\"\")\";12,5%\r\n\"Jess; \"\"J\"\"\";\r\n"
        );
        let en = String::from_utf8(t.to_csv(Language::En)).unwrap();
        assert!(en.starts_with("\u{feff}Creator,ROI\r\n"));
    }

    #[test]
    fn a_formula_heading_a_column_is_defused_like_a_cell() {
        let mut t = Table::new("m", "Markets", EN)
            .col("=HYPERLINK(\"https://x.example\",\"ru\")")
            .num("@SUM(A1)")
            .csv_col("-2+3");
        t.row(vec![
            Cell::text("+7"),
            Cell::number("-1".into(), Some("-1".into())),
            Cell::text("x"),
        ]);
        let en = String::from_utf8(t.to_csv(Language::En)).unwrap();
        assert_eq!(
            en,
            "\u{feff}\"'=HYPERLINK(\"\"https://x.example\"\",\"\"ru\"\")\",'@SUM(A1),'-2+3\r\n'+7,-1,x\r\n"
        );
    }

    /// A table of `rows` amounts summed into a total of their exact sum,
    /// with the footnote in `lang`.
    fn summed(rows: &[&str], lang: Language) -> Table {
        let money = |d: Decimal| Cell::number(d.to_string(), None).amount(d);
        let mut t = Table::new("costs", "Costs", EN).col("Month").sum("Cost");
        let mut exact = Decimal::ZERO;
        for r in rows {
            let d: Decimal = r.parse().unwrap();
            exact += d;
            t.row(vec![Cell::text("m"), money(d)]);
        }
        let note = crate::view::i18n::catalogue(lang).texts.rows_rounded;
        t.total(vec![Cell::text("Total"), money(exact)], note);
        t
    }

    #[test]
    fn rows_that_add_up_to_the_total_get_no_footnote() {
        assert_eq!(summed(&["10.00", "20.00"], Language::En).footnote(), None);
        assert_eq!(summed(&["1.25", "1.25"], Language::Ru).footnote(), None);
        // 3000 × 17/31 and the rest of the fee: 1,612.903 + 1,387.097 =
        // 3,000.000, shown as 1,612.90 + 1,387.10 = 3,000.00.
        assert_eq!(
            summed(&["1612.903", "1387.097"], Language::En).footnote(),
            None
        );
    }

    #[test]
    fn rows_a_cent_off_their_rounded_total_get_a_footnote() {
        // 10.005 × 2 = 20.01, shown as 10.01 + 10.01 = 20.02.
        let en = summed(&["10.005", "10.005"], Language::En);
        let note = crate::view::i18n::catalogue(Language::En)
            .texts
            .rows_rounded;
        assert_eq!(en.footnote(), Some(note));
        assert!(
            serde_json::to_string(&en)
                .unwrap()
                .contains("add up to the total")
        );
        let ru = summed(&["10.005", "10.005"], Language::Ru)
            .footnote()
            .unwrap();
        assert!(ru.contains("точным суммам"), "{ru}");
        // 0.333 × 3 = 0.999, shown as 1.00 against 0.33 × 3 = 0.99.
        assert!(
            summed(&["0.333", "0.333", "0.333"], Language::En)
                .footnote()
                .is_some()
        );
    }

    #[test]
    fn a_total_that_is_not_the_rows_sum_is_not_called_rounding() {
        let money = |d: Decimal| Cell::number(d.to_string(), None).amount(d);
        let mut t = Table::new("t", "T", EN).col("Month").sum("Cost");
        t.row(vec![Cell::text("m"), money(Decimal::new(10005, 3))]);
        t.total(
            vec![Cell::text("Total"), money(Decimal::new(50, 0))],
            "note",
        );
        assert_eq!(t.footnote(), None);
        // Nor does a column that is not summed count.
        let mut t = Table::new("t", "T", EN).col("Month").num("Cost");
        t.row(vec![Cell::text("m"), money(Decimal::new(10005, 3))]);
        t.row(vec![Cell::text("m"), money(Decimal::new(10005, 3))]);
        t.total(
            vec![Cell::text("Total"), money(Decimal::new(2001, 2))],
            "note",
        );
        assert_eq!(t.footnote(), None);
    }

    #[test]
    fn a_heading_spans_the_page_table_and_stays_out_of_the_csv() {
        let mut t = Table::new("renewals", "Renewals", EN)
            .col("Creator")
            .col("Contract");
        t.heading("Umbrella <UA-1>");
        t.row(vec![Cell::text("Ann"), Cell::text("UA-1")]);
        assert_eq!(
            t.body_html(),
            "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"2\"><span>Umbrella &lt;UA-1&gt;</span></th></tr>\n\
             <tr><th scope=\"row\">Ann</th><td>UA-1</td></tr>\n"
        );
        let csv = String::from_utf8(t.to_csv(Language::En)).unwrap();
        assert_eq!(csv, "\u{feff}Creator,Contract\r\nAnn,UA-1\r\n");
    }
}
