//! The app's components, one per file: form fields, the header, the preset
//! picker, share and keep (link, QR code, files), the results (key figures,
//! charts, tables) and the JSON panel.

pub mod analysis_words;
pub mod charts_panel;
pub mod compare;
pub mod contracts_panel;
pub mod decision_charts;
pub mod error_summary;
pub mod explain;
pub mod header;
pub mod id_field;
pub mod key_figures;
pub mod later_charts;
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
pub mod tour;
pub mod year_tables;

use yew::AttrValue;

use crate::model::ScenarioError;
use crate::words::problems::problem_text;
use crate::words::Lang;

/// The DOM id of the field at a scenario path.
pub fn dom_id(path: &str) -> String {
    path.chars()
        .filter_map(|c| match c {
            '[' | '.' => Some('-'),
            ']' => None,
            c => Some(c),
        })
        .collect()
}

/// What the engine refuses at the field at `path`, in the user's language
/// (a percentage field's bounds in percent: the fields table knows which).
pub fn field_error(errors: &[ScenarioError], path: &str, lang: Lang) -> Option<AttrValue> {
    errors.iter().find(|e| e.path == path).map(|e| AttrValue::from(problem_text(e, lang)))
}

#[cfg(test)]
mod tests {
    #[test]
    fn dom_ids_follow_paths() {
        assert_eq!(super::dom_id("interventions[12].avoided_costs[0].actor"), "interventions-12-avoided_costs-0-actor");
    }
}
