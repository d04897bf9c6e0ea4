//! The app's components, one per file: form fields, the header, the preset
//! picker, share and keep (link, QR code, files), the results (key figures,
//! charts, tables) and the JSON panel.

pub mod charts_panel;
pub mod error_summary;
pub mod header;
pub mod id_field;
pub mod key_figures;
pub mod notice_banner;
pub mod number_field;
pub mod presentation;
pub mod preset_picker;
pub mod print_report;
pub mod qr_dialog;
pub mod scenario_json;
pub mod select_field;
pub mod share_bar;
pub mod text_field;
pub mod uncertainty_figures;
pub mod year_tables;
