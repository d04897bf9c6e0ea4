//! Words and numbers: the one layer every reader-facing text goes through.
//!
//! It knows nothing of the view framework, so the app, the charts, the Excel
//! workbook and the CSV files all use it: [`Lang`] (the reader's language),
//! [`format`] (numbers written as each reader writes them) and [`parse`]
//! (numbers read as each reader types them).

pub mod format;
mod lang;
pub mod parse;

pub use lang::Lang;
