//! What the analysis module writes: the year-by-year tables and the printed
//! report as markup text ([`crate::markup::Markup`], every user text escaped),
//! from a scenario and its outcome. Yew-free and tested natively; built into
//! the app's on-demand analysis module (feature `analysis`, `src/analysis.rs`),
//! which the app loads when the tables come near the screen or a report is
//! printed — they are not part of the first results, so not of the first download.

pub mod assumptions;
pub mod compare_tables;
pub mod contracts;
pub mod decision;
pub mod decision_charts;
pub mod preset;
pub mod year_tables;
