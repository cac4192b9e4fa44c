//! Cell values as spreadsheets and exports write them: dates and numbers
//! in the forms of docs/your-data.md, read into roster's types. Pure functions of
//! the text; where a value sits and how a bad one is reported is the
//! caller's business.

pub mod dates;
pub mod numbers;

pub(crate) use dates::{DateOrder, NotADate};
pub use numbers::DecimalMark;
pub(crate) use numbers::Sign;
