//! The Yew app: it edits one scenario and draws its outcome.

pub mod format;
pub mod i18n;
