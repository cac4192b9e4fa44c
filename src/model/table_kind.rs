//! The three kinds of metrics table, posts, daily and orders
//! (docs/input-format.md), and what belongs to each: its name as users
//! write it, its columns, the columns that mark a header as it, and the
//! columns it cannot do without.
//!
//! One closed set, so that reading a header, an `imports` entry, a guess at
//! a file that fits nothing and the words of a message all speak of the
//! same three kinds, and a match over them names each. A leaf: it imports
//! nothing of the crate, so `load` and `diagnostics` both use it.

use std::fmt;

/// A kind of metrics table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TableKind {
    /// One row per post, with its lifetime totals.
    Posts,
    /// One row per post and day after its publication.
    Daily,
    /// One row per order.
    Orders,
}

/// roster's columns of a posts file, in its order.
const POSTS: &[&str] = &[
    "post_id",
    "partnership",
    "published",
    "kind",
    "impressions",
    "reach",
    "engagements",
    "clicks",
    "conversions",
    "revenue",
    "currency",
    "url",
];

/// roster's columns of a daily file, in its order.
const DAILY: &[&str] = &[
    "post_id",
    "day",
    "date",
    "impressions",
    "reach",
    "engagements",
    "clicks",
    "conversions",
    "revenue",
];

/// roster's columns of an orders file, in its order.
const ORDERS: &[&str] = &[
    "order_id",
    "date",
    "customer",
    "partnership",
    "revenue",
    "currency",
];

impl TableKind {
    /// Every kind, in the order docs/input-format.md gives them.
    pub const ALL: [TableKind; 3] = [TableKind::Posts, TableKind::Daily, TableKind::Orders];

    /// The names users write (the `kind:` of an `imports` entry), in the
    /// order of [`TableKind::ALL`].
    pub const NAMES: [&'static str; 3] = ["posts", "daily", "orders"];

    /// The columns that mark a header as each kind, in the order a header
    /// is tried. A daily file names its days by number (`day`) or by date
    /// (`date`).
    pub const MARKS: [(TableKind, [&'static str; 2]); 4] = [
        (TableKind::Posts, ["post_id", "published"]),
        (TableKind::Daily, ["post_id", "day"]),
        (TableKind::Daily, ["post_id", "date"]),
        (TableKind::Orders, ["order_id", "customer"]),
    ];

    /// The name users write, and messages say.
    pub fn name(self) -> &'static str {
        TableKind::NAMES[self as usize]
    }

    /// The kind a user's text names, exactly as written.
    pub fn parse(name: &str) -> Option<TableKind> {
        TableKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// roster's columns of this kind, in the order roster writes them.
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            TableKind::Posts => POSTS,
            TableKind::Daily => DAILY,
            TableKind::Orders => ORDERS,
        }
    }

    /// The columns a table of this kind cannot do without; a daily table's
    /// days by `date` when `by_date`, else by `day`. A posts table's
    /// `partnership` may come from elsewhere (an `imports` entry, the
    /// folder), which the reader of the table knows.
    pub fn needs(self, by_date: bool) -> &'static [&'static str] {
        match self {
            TableKind::Posts => &["post_id", "partnership", "published"],
            TableKind::Daily if by_date => &["post_id", "date"],
            TableKind::Daily => &["post_id", "day"],
            TableKind::Orders => &["order_id", "date", "customer"],
        }
    }
}

impl fmt::Display for TableKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_kinds_match() {
        for k in TableKind::ALL {
            assert_eq!(TableKind::parse(k.name()), Some(k));
            assert_eq!(k.to_string(), k.name());
        }
        assert_eq!(TableKind::parse("Posts"), None);
        assert_eq!(TableKind::parse("order"), None);
    }

    #[test]
    fn a_kind_marks_needs_and_has_its_own_columns() {
        for (kind, marks) in TableKind::MARKS {
            let by_date = marks.contains(&"date");
            for column in marks.iter().chain(kind.needs(by_date)) {
                assert!(kind.columns().contains(column), "{kind}: {column}");
            }
        }
        assert_eq!(TableKind::Daily.needs(true), ["post_id", "date"]);
        assert_eq!(TableKind::Daily.needs(false), ["post_id", "day"]);
    }
}
