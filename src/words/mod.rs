//! Words and numbers: the one layer every reader-facing text goes through.
//!
//! It knows nothing of the view framework, so the app, the charts, the Excel
//! workbook and the CSV files all use it: [`Lang`] (the reader's language),
//! [`format`] (numbers written as each reader writes them), [`parse`]
//! (numbers read as each reader types them), [`fields`] (every field of a
//! scenario: its kind and its name) and [`problems`] (the engine's refusals
//! said in the reader's language).

pub mod fields;
pub mod format;
mod lang;
pub mod parse;
pub mod problems;

pub use lang::Lang;
