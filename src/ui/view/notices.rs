//! The words of the app's own state, in the reader's language: a notice
//! ([`Notice`]: a refused load, a removal to undo, a save that failed, …),
//! why an id was not taken, why a file was not read, and the label of an
//! uncertainty range. The view says them; the state holds only values.

use crate::model::Echo;
use crate::ui::state::file::{FileKind, FileProblem, MAX_SCENARIO_BYTES};
use crate::ui::state::{ActorUse, Notice, Removal, UncertainParam};
use crate::words::app::AppText;
use crate::words::problems::error_text;
use crate::words::rules::join_names;
use crate::words::Lang;

/// The label of an uncertainty range.
pub fn uncertain_param_label(param: UncertainParam) -> AppText {
    match param {
        UncertainParam::SuccessRate => AppText::SuccessRate,
        UncertainParam::Deadweight => AppText::Deadweight,
        UncertainParam::DropOff => AppText::DropOff,
        UncertainParam::AnnualCost => AppText::CostFactor,
        UncertainParam::AvoidedCosts => AppText::AvoidedCostFactor,
    }
}

/// Why an id was not taken, at its field: empty, or already held by `holder`.
pub fn id_problem_text(problem: crate::ui::state::IdProblem, holder: &str, lang: Lang) -> String {
    use crate::ui::state::IdProblem;
    let holder = Echo::new(holder);
    match (problem, lang) {
        (IdProblem::Empty, Lang::Sv) => "Skriv ett id; det får inte vara tomt.".into(),
        (IdProblem::Empty, Lang::En) => "Enter an id; it cannot be empty.".into(),
        (IdProblem::TakenBy(_), Lang::Sv) => format!("Id:t används redan av {holder}. Välj ett annat."),
        (IdProblem::TakenBy(_), Lang::En) => format!("The id is already used by {holder}. Choose another."),
    }
}

pub fn notice_text(notice: &Notice, lang: Lang) -> String {
    match notice {
        Notice::ActorInUse { actor, uses } => {
            // Grouped by kind: "owns “A” and has avoided costs in “B” and “C”".
            let quote = |name: &String| match lang {
                Lang::Sv => format!("”{}”", Echo::new(name)),
                Lang::En => format!("“{}”", Echo::new(name)),
            };
            let actor = Echo::new(actor);
            let owns: Vec<String> =
                uses.iter().filter_map(|u| if let ActorUse::Owns(n) = u { Some(quote(n)) } else { None }).collect();
            let saves: Vec<String> = uses
                .iter()
                .filter_map(|u| if let ActorUse::AvoidedCosts(n) = u { Some(quote(n)) } else { None })
                .collect();
            let mut places = Vec::new();
            if uses.contains(&ActorUse::FinancesFund) {
                places.push(lang.pick("finansierar fonden", "finances the fund").to_string());
            }
            if !owns.is_empty() {
                let what = match (lang, owns.len()) {
                    (Lang::Sv, 1) => "äger insatsen",
                    (Lang::Sv, _) => "äger insatserna",
                    (Lang::En, 1) => "owns the intervention",
                    (Lang::En, _) => "owns the interventions",
                };
                places.push(format!("{what} {}", join_names(&owns, lang)));
            }
            if !saves.is_empty() {
                let what = lang.pick("har undvikna kostnader i", "has avoided costs in");
                places.push(format!("{what} {}", join_names(&saves, lang)));
            }
            let pays: Vec<String> = uses
                .iter()
                .filter_map(|u| if let ActorUse::PaysOutcomes(n) = u { Some(quote(n)) } else { None })
                .collect();
            if !pays.is_empty() {
                let what = lang.pick("betalar för utfallen av", "pays for the outcomes of");
                places.push(format!("{what} {}", join_names(&pays, lang)));
            }
            let places = join_names(&places, lang);
            match lang {
                Lang::Sv => format!("{actor} kan inte tas bort eftersom aktören {places}. Ändra det först."),
                Lang::En => format!("{actor} cannot be removed because it {places}. Change that first."),
            }
        }
        Notice::LastActor => {
            lang.pick("Den sista aktören kan inte tas bort.", "The last actor cannot be removed.").to_string()
        }
        Notice::ScenarioRefused(e) => format!("{} {}", AppText::ScenarioNotLoaded.get(lang), error_text(e, None, lang)),
        Notice::UnknownPreset(id) => {
            let id = Echo::new(id);
            match lang {
                Lang::Sv => format!("Det finns inget exempel som heter ”{id}”."),
                Lang::En => format!("There is no example called “{id}”."),
            }
        }
        Notice::LinkRefused(e) => {
            let problem = error_text(e, None, lang);
            match lang {
                Lang::Sv => format!("Länken kunde inte öppnas. {problem} Exemplet visas i stället."),
                Lang::En => format!("The link could not be opened. {problem} The example is shown instead."),
            }
        }
        Notice::PresetChanged(id) => {
            let title =
                crate::presets::by_id(id).map_or_else(|| id.clone(), |p| lang.pick(p.title.sv, p.title.en).to_string());
            match lang {
                Lang::Sv => format!(
                    "Exemplet ”{title}” har ändrats sedan länken gjordes. Länkens ändringar visas på exemplet som det ser ut nu, så siffrorna kan skilja sig från dem som visades när länken gjordes."
                ),
                Lang::En => format!(
                    "The example “{title}” has changed since the link was made. The link's changes are shown on the example as it is now, so the figures may differ from those shown when the link was made."
                ),
            }
        }
        Notice::StoredRefused { error, aside_key } => {
            let head = lang.pick(
                "Scenariot som sparades i den här webbläsaren kunde inte läsas.",
                "The scenario saved in this browser could not be read.",
            );
            let tail = match (aside_key, lang) {
                (Some(key), Lang::Sv) => format!(
                    "Det har lagts undan i webbläsarens lagring som ”{}”, så att inget går förlorat.",
                    Echo::new(key)
                ),
                (Some(key), Lang::En) => format!(
                    "It has been set aside in the browser's storage as “{}”, so that nothing is lost.",
                    Echo::new(key)
                ),
                // Nothing was moved: said as it is.
                (None, _) => lang
                    .pick(
                        "Det kunde inte läggas undan (lagringen är full) och ligger kvar, så dina ändringar sparas inte automatiskt.",
                        "It could not be set aside (the storage is full) and stays where it is, so your changes are not saved automatically.",
                    )
                    .into(),
            };
            format!("{head} {} {tail}", error_text(error, None, lang))
        }
        Notice::FileRefused { name, why } => {
            let problem = file_problem_text(why, lang);
            match (name, lang) {
                (Some(name), Lang::Sv) => {
                    format!("Filen ”{}” kunde inte öppnas. {problem} Scenariot är oförändrat.", Echo::new(name))
                }
                (Some(name), Lang::En) => {
                    format!("The file “{}” could not be opened. {problem} The scenario is unchanged.", Echo::new(name))
                }
                (None, _) => format!("{} {problem}", AppText::ScenarioNotLoaded.get(lang)),
            }
        }
        Notice::Removed(removal) => {
            let (sv, en, name) = match removal {
                Removal::Intervention { intervention, .. } => ("Insatsen", "The intervention", &intervention.name),
                Removal::Actor { actor, .. } => ("Aktören", "The actor", &actor.name),
            };
            let name = Echo::new(name);
            match lang {
                Lang::Sv => format!("{sv} ”{name}” togs bort."),
                Lang::En => format!("{en} “{name}” was removed."),
            }
        }
        Notice::AutosaveFailed => lang
            .pick(
                "Ändringarna kunde inte sparas i webbläsaren (lagringen är full eller avstängd): spara scenariot som fil.",
                "Your changes could not be saved in this browser (its storage is full or turned off): save the scenario as a file.",
            )
            .to_string(),
    }
}

/// Why an opened file or pasted text was not read.
fn file_problem_text(why: &FileProblem, lang: Lang) -> String {
    let limit = MAX_SCENARIO_BYTES / 1_000_000;
    match why {
        FileProblem::TooLarge(bytes) => {
            // In tenths of a MB, rounded up: just over the limit never reads as the limit.
            let tenths = bytes.div_ceil(100_000);
            let mb = format!("{}{}{}", tenths / 10, lang.pick(",", "."), tenths % 10);
            match lang {
                Lang::Sv => format!("Den är {mb} MB; högst {limit} MB läses."),
                Lang::En => format!("It is {mb} MB; at most {limit} MB is read."),
            }
        }
        FileProblem::Unreadable => {
            lang.pick("Webbläsaren kunde inte läsa den.", "The browser could not read it.").into()
        }
        FileProblem::NotUtf8 => lang.pick("Den är inte text i UTF-8.", "It is not UTF-8 text.").into(),
        FileProblem::Looks(kind) => {
            let (sv, en) = match kind {
                FileKind::Workbook => ("en Excel-arbetsbok", "an Excel workbook"),
                FileKind::Archive => ("ett ZIP-arkiv", "a ZIP archive"),
                FileKind::Pdf => ("en PDF", "a PDF"),
                FileKind::Image => ("en bild", "an image"),
                FileKind::Table => ("en tabell (CSV)", "a table (CSV)"),
            };
            match lang {
                Lang::Sv => format!("Det är inget scenario för fundsim (JSON som börjar med {{); det ser ut som {sv}."),
                Lang::En => format!("This is not a fundsim scenario (JSON beginning with {{); it looks like {en}."),
            }
        }
        FileProblem::Scenario(e) => error_text(e, None, lang),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_actor_in_use_is_explained_grouped_by_kind() {
        let notice = Notice::ActorInUse {
            actor: "Socialförvaltningen".into(),
            uses: vec![
                ActorUse::FinancesFund,
                ActorUse::AvoidedCosts("A".into()),
                ActorUse::Owns("B".into()),
                ActorUse::AvoidedCosts("C".into()),
            ],
        };
        assert_eq!(
            notice_text(&notice, Lang::Sv),
            "Socialförvaltningen kan inte tas bort eftersom aktören finansierar fonden, äger insatsen ”B” och har undvikna kostnader i ”A” och ”C”. Ändra det först."
        );
    }

    #[test]
    fn a_refused_scenario_is_explained_in_the_readers_language_naming_the_field() {
        use crate::model::{Echo, Problem, ScenarioError};
        let e = ScenarioError::new("interventions[0].owner", Problem::NotAnActor(Echo::new("Avd \"A\" ”“'")));
        assert_eq!(
            notice_text(&Notice::ScenarioRefused(e.clone()), Lang::Sv),
            "Scenariot kunde inte läsas in. Insats 1 – Ägs av (interventions[0].owner): ”Avd \"A\" ”“'” är ingen aktör."
        );
        assert_eq!(
            notice_text(&Notice::ScenarioRefused(e), Lang::En),
            "The scenario could not be loaded. Intervention 1 – Owned by (interventions[0].owner): \"Avd \"A\" ”“'\" is not an actor."
        );
        // A preset id of two million characters is echoed cut to 100.
        let text = notice_text(&Notice::UnknownPreset("p".repeat(2_000_000)), Lang::Sv);
        assert_eq!(text, format!("Det finns inget exempel som heter ”{}…”.", "p".repeat(100)));
    }
}
