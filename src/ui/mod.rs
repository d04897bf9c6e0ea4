//! The Yew app: it edits one scenario and draws its outcome.

pub mod charts;
pub mod format;
pub mod i18n;
