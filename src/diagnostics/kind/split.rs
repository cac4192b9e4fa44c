//! The wording of a number a row's delimiter split in two (load/table,
//! `split`): which column holds it, as written, and how to write it.

/// A number of a row that its delimiter split in two at a comma.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitNumber {
    /// roster's column that holds it.
    pub column: String,
    /// The number as written, both halves: `66,000`.
    pub written: String,
    /// Whether the comma groups thousands (`66,000`) rather than marks
    /// the decimals (`1263,93`).
    pub grouped: bool,
}

impl SplitNumber {
    pub(super) fn help(&self) -> String {
        let SplitNumber {
            column, written, ..
        } = self;
        if self.grouped {
            let plain = written.replace(',', "");
            format!(
                "`{column}` holds {written}, a number with a thousands comma, which the delimiter splits in two: write it without the comma, {plain}, or quote it, \"{written}\""
            )
        } else {
            let point = written.replace(',', ".");
            format!(
                "`{column}` holds {written}, a number with a decimal comma, which the delimiter splits in two: write it with a point, {point}"
            )
        }
    }
}
