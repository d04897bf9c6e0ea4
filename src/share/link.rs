//! The scenario in a URL fragment: `#v=1&s=…`, compact and versioned.
//!
//! `s` is the scenario's compact JSON, deflated (raw DEFLATE) and written in
//! URL-safe base64 without padding. The `v` marker names this format, so
//! that later versions of fundsim can still open today's links. A link may
//! also name a preset (`#preset=gotland`) instead of carrying a scenario, and
//! carry `lang` (`sv`, `en`) and `view` (`full`, `results`, `compact`).

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::model::validate::validate;
use crate::model::{Scenario, ScenarioError};

/// The link format this build writes.
pub const LINK_VERSION: u32 = 1;

/// Most bytes a link's scenario may inflate to (a guard against a crafted link).
const MAX_SCENARIO_BYTES: usize = 4 * 1024 * 1024;

/// What a link's fragment asks for.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LinkRequest {
    /// A whole scenario carried in the link.
    pub scenario: Option<Scenario>,
    /// A preset to open, by id.
    pub preset: Option<String>,
    /// `sv` or `en`.
    pub lang: Option<String>,
    /// `full`, `results` or `compact`.
    pub view: Option<String>,
}

/// The fragment (without `#`) that carries `scenario`: `v=1&s=…`.
pub fn scenario_fragment(scenario: &Scenario) -> String {
    let json = serde_json::to_string(scenario).unwrap_or_default();
    let packed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9);
    format!("v={LINK_VERSION}&s={}", URL_SAFE_NO_PAD.encode(packed))
}

/// Reads a fragment (with or without the leading `#`). An empty fragment asks
/// for nothing. A scenario in the link is validated with the engine; every
/// refusal names the part of the link (`link.s`, `link.v`) or the scenario's field.
pub fn read_fragment(fragment: &str) -> Result<LinkRequest, ScenarioError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut request = LinkRequest::default();
    let mut version = None;
    let mut packed = None;
    for pair in fragment.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "v" => version = Some(value.to_string()),
            "s" => packed = Some(value.to_string()),
            "preset" => request.preset = Some(value.to_string()),
            "lang" => request.lang = Some(value.to_string()),
            "view" => request.view = Some(value.to_string()),
            _ => {} // unknown keys are left for later versions
        }
    }
    if let Some(packed) = packed {
        match version.as_deref().map(str::parse::<u32>) {
            Some(Ok(LINK_VERSION)) => {}
            Some(Ok(v)) if v > LINK_VERSION => {
                return Err(ScenarioError::new(
                    "link.v",
                    format!("the link was made by a newer version of fundsim (link format {v})"),
                ))
            }
            _ => return Err(ScenarioError::new("link.v", "the link has no known format version")),
        }
        let bytes = URL_SAFE_NO_PAD
            .decode(packed.trim_end_matches('='))
            .map_err(|_| ScenarioError::new("link.s", "the link is damaged (it is not complete or was changed)"))?;
        let json = miniz_oxide::inflate::decompress_to_vec_with_limit(&bytes, MAX_SCENARIO_BYTES)
            .map_err(|_| ScenarioError::new("link.s", "the link is damaged (it is not complete or was changed)"))?;
        let json = String::from_utf8(json)
            .map_err(|_| ScenarioError::new("link.s", "the link is damaged (it is not text)"))?;
        let scenario = Scenario::from_json(&json)?;
        validate(&scenario)?;
        request.scenario = Some(scenario);
    }
    Ok(request)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Scenario {
        let doc: serde_json::Value =
            serde_json::from_str(include_str!("../../tests/cases/worked_examples.json")).unwrap_or_default();
        Scenario::from_json(&doc["cases"][0]["scenario"].to_string()).unwrap()
    }

    #[test]
    fn a_link_restores_the_scenario_exactly() {
        let s = example();
        let fragment = scenario_fragment(&s);
        assert!(fragment.starts_with("v=1&s="));
        let back = read_fragment(&format!("#{fragment}&lang=en")).unwrap();
        assert_eq!(back.scenario, Some(s));
        assert_eq!(back.lang.as_deref(), Some("en"));
    }

    #[test]
    fn the_link_is_compact() {
        // Deflate shrinks the repetitive JSON: the example's ~1.4 kB of JSON
        // fits in well under its own size as base64.
        let s = example();
        let json_len = serde_json::to_string(&s).unwrap().len();
        assert!(scenario_fragment(&s).len() < json_len, "{} vs {json_len}", scenario_fragment(&s).len());
    }

    #[test]
    fn a_preset_link_names_the_preset() {
        let r = read_fragment("#preset=jobs&view=results").unwrap();
        assert_eq!(r.preset.as_deref(), Some("jobs"));
        assert_eq!(r.view.as_deref(), Some("results"));
        assert_eq!(r.scenario, None);
        assert_eq!(read_fragment("").unwrap(), LinkRequest::default());
    }

    #[test]
    fn damaged_links_are_refused_with_a_reason() {
        let fragment = scenario_fragment(&example());
        let cut = &fragment[..fragment.len() - 20];
        assert_eq!(read_fragment(cut).unwrap_err().path, "link.s");
        assert_eq!(read_fragment("v=1&s=!!!").unwrap_err().path, "link.s");
        assert_eq!(read_fragment(&fragment.replace("v=1", "v=2")).unwrap_err().path, "link.v");
        assert_eq!(read_fragment(&fragment.replace("v=1&", "")).unwrap_err().path, "link.v");
    }

    #[test]
    fn a_link_with_a_broken_scenario_names_the_field() {
        let mut s = example();
        s.interventions[0].success_rate = rust_decimal::Decimal::from(2);
        let err = read_fragment(&scenario_fragment(&s)).unwrap_err();
        assert_eq!(err.path, "interventions[0].success_rate");
    }
}
