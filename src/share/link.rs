//! The scenario in a URL fragment: `#v=1&s=…`, compact and versioned.
//!
//! `s` is the scenario's compact JSON, deflated (raw DEFLATE) and written in
//! URL-safe base64 without padding. The `v` marker names this format, so
//! that later versions of fundsim can still open today's links. A link may
//! also name a preset (`#preset=gotland`) instead of carrying a scenario, and
//! carry `lang` (`sv`, `en`) and `view` (`full`, `results`, `compact`, `present`).
//!
//! The app has the browser deflate and inflate (`ui::browser`); this module
//! holds the format itself, pure: reading a fragment up to its packed
//! scenario ([`unpack_fragment`]) and from the inflated scenario on
//! ([`PackedLink::finish`]), and DEFLATE's stored blocks for browsers that
//! cannot compress. [`scenario_fragment`] and [`read_fragment`] do the whole
//! round trip with miniz_oxide, for tests and native callers.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use crate::model::validate::validate;
use crate::model::{Problem, Scenario, ScenarioError};

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

/// The scenario's JSON as a link carries it, before deflating: compact.
pub fn link_json(scenario: &Scenario) -> String {
    serde_json::to_string(scenario).unwrap_or_default()
}

/// The fragment (without `#`) for a scenario whose [`link_json`] was
/// deflated (raw DEFLATE) to `packed`: `v=1&s=…`.
///
/// The app deflates with the browser's own `CompressionStream` (no deflate
/// code in the download; see `ui::browser::deflate_raw`); natively, and in
/// [`scenario_fragment`], miniz_oxide does it. Both write raw DEFLATE, which
/// [`read_fragment`] inflates.
pub fn packed_fragment(packed: &[u8]) -> String {
    format!("v={LINK_VERSION}&s={}", URL_SAFE_NO_PAD.encode(packed))
}

/// `bytes` as raw DEFLATE without compression (stored blocks of at most
/// 65 535 bytes: a header byte, the length and its complement, the bytes).
/// The fallback where the browser has no `CompressionStream`: a longer link,
/// read like any other.
pub fn stored_deflate(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len() + 5 * (bytes.len() / 65_535 + 1));
    let mut chunks = bytes.chunks(65_535).peekable();
    if chunks.peek().is_none() {
        // An empty input is one empty final block.
        return vec![1, 0, 0, 0xff, 0xff];
    }
    while let Some(chunk) = chunks.next() {
        let last = chunks.peek().is_none();
        let len = chunk.len() as u16; // at most 65 535 by `chunks`
        out.push(u8::from(last)); // BFINAL, BTYPE = 00 (stored)
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(chunk);
    }
    out
}

/// The bytes of a raw DEFLATE stream made only of stored blocks (what
/// [`stored_deflate`] writes); `None` when a block is compressed or the
/// stream is cut short. A link made where the browser could not compress is
/// read with this alone, so it opens in such a browser too.
pub fn stored_inflate(packed: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut rest = packed;
    loop {
        let (&header, tail) = rest.split_first()?;
        // BTYPE (bits 1–2) must be 00 (stored); the other header bits are padding.
        if header & 0b110 != 0 || tail.len() < 4 {
            return None;
        }
        let len = u16::from_le_bytes([tail[0], tail[1]]);
        let nlen = u16::from_le_bytes([tail[2], tail[3]]);
        if len != !nlen {
            return None;
        }
        let body = tail.get(4..4 + usize::from(len))?;
        out.extend_from_slice(body);
        rest = &tail[4 + usize::from(len)..];
        if header & 1 == 1 {
            return rest.is_empty().then_some(out);
        }
    }
}

/// The fragment (without `#`) that carries `scenario`: `v=1&s=…`, deflated
/// here (for tests and native callers; the app deflates in the browser).
pub fn scenario_fragment(scenario: &Scenario) -> String {
    packed_fragment(&miniz_oxide::deflate::compress_to_vec(link_json(scenario).as_bytes(), 9))
}

/// A link's fragment, read up to its scenario, which is still deflated: the
/// first step of reading a link. The browser inflates [`PackedLink::packed`]
/// (asynchronously, `ui::browser::read_link`), and [`PackedLink::finish`]
/// reads the scenario; [`read_fragment`] does both here (tests, native callers).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PackedLink {
    /// Everything the link asks for but its scenario.
    pub request: LinkRequest,
    /// The scenario, deflated (raw DEFLATE); `None` when the link carries none.
    pub packed: Option<Vec<u8>>,
}

/// Most bytes a link's scenario may inflate to (a guard against a crafted link).
pub const MAX_LINK_SCENARIO_BYTES: usize = MAX_SCENARIO_BYTES;

fn damaged() -> ScenarioError {
    ScenarioError::new("link.s", Problem::LinkDamaged)
}

/// A link whose scenario inflates past [`MAX_LINK_SCENARIO_BYTES`]: whole,
/// but more than fundsim opens (a crafted link), which is not "damaged".
fn too_large() -> ScenarioError {
    ScenarioError::new("link.s", Problem::LinkTooLarge)
}

/// Reads a fragment (with or without the leading `#`) up to its deflated
/// scenario: its parts, the format version and the base64. An empty fragment
/// asks for nothing. Every refusal names the part of the link (`link.s`, `link.v`).
pub fn unpack_fragment(fragment: &str) -> Result<PackedLink, ScenarioError> {
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
    let Some(packed) = packed else { return Ok(PackedLink { request, packed: None }) };
    match version.as_deref().map(str::parse::<u32>) {
        Some(Ok(LINK_VERSION)) => {}
        Some(Ok(v)) if v > LINK_VERSION => return Err(ScenarioError::new("link.v", Problem::LinkNewer { found: v })),
        _ => return Err(ScenarioError::new("link.v", Problem::LinkNoVersion)),
    }
    let bytes = URL_SAFE_NO_PAD.decode(packed.trim_end_matches('=')).map_err(|_| damaged())?;
    Ok(PackedLink { request, packed: Some(bytes) })
}

impl PackedLink {
    /// The link's request, its scenario read from `inflated` (the inflated
    /// [`PackedLink::packed`]; `None` when it could not be inflated; longer
    /// than [`MAX_LINK_SCENARIO_BYTES`] when the inflater stopped past that
    /// limit) and validated with the engine; a refusal names the scenario's field.
    pub fn finish(self, inflated: Option<Vec<u8>>) -> Result<LinkRequest, ScenarioError> {
        let mut request = self.request;
        if self.packed.is_some() {
            let inflated = inflated.ok_or_else(damaged)?;
            if inflated.len() > MAX_SCENARIO_BYTES {
                return Err(too_large());
            }
            let json = String::from_utf8(inflated).map_err(|_| ScenarioError::new("link.s", Problem::LinkNotText))?;
            let scenario = Scenario::from_json(&json)?;
            validate(&scenario)?;
            request.scenario = Some(scenario);
        }
        Ok(request)
    }
}

/// Reads a fragment whole, inflating here with miniz_oxide (tests and native
/// callers; the app inflates in the browser). See [`unpack_fragment`] and
/// [`PackedLink::finish`].
pub fn read_fragment(fragment: &str) -> Result<LinkRequest, ScenarioError> {
    let link = unpack_fragment(fragment)?;
    let inflated = match &link.packed {
        None => None,
        Some(bytes) => match miniz_oxide::inflate::decompress_to_vec_with_limit(bytes, MAX_SCENARIO_BYTES) {
            Ok(plain) => Some(plain),
            // Stopped at the limit with more to come: too large, not damaged.
            Err(e) if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput => return Err(too_large()),
            Err(_) => None,
        },
    };
    link.finish(inflated)
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
    fn stored_blocks_are_read_like_compressed_ones() {
        // Independent check: miniz_oxide's inflater reads what stored_deflate
        // writes, for an empty input, a small one and one over a block (65 535 bytes).
        for len in [0usize, 3, 65_535, 65_536, 140_000] {
            let bytes: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let packed = stored_deflate(&bytes);
            // 5 bytes of header per block of at most 65 535 bytes.
            assert_eq!(packed.len(), len + 5 * len.div_ceil(65_535).max(1), "{len}");
            assert_eq!(miniz_oxide::inflate::decompress_to_vec(&packed).unwrap(), bytes, "{len}");
        }
        let s = example();
        let fragment = packed_fragment(&stored_deflate(link_json(&s).as_bytes()));
        assert_eq!(read_fragment(&fragment).unwrap().scenario, Some(s));
    }

    #[test]
    fn stored_blocks_are_read_without_an_inflater() {
        for len in [0usize, 3, 65_535, 65_536, 140_000] {
            let bytes: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            assert_eq!(stored_inflate(&stored_deflate(&bytes)), Some(bytes), "{len}");
        }
        // A compressed stream (miniz_oxide, level 9) is not stored blocks: None.
        let compressed = miniz_oxide::deflate::compress_to_vec(b"aaaaaaaaaaaaaaaaaaaaaaaaaaaa", 9);
        assert_eq!(stored_inflate(&compressed), None);
        // Cut short, a wrong length complement, or bytes after the final block: None.
        let whole = stored_deflate(b"hello");
        assert_eq!(stored_inflate(&whole[..whole.len() - 1]), None);
        let mut bad = whole.clone();
        bad[3] ^= 1;
        assert_eq!(stored_inflate(&bad), None);
        let mut longer = whole.clone();
        longer.push(0);
        assert_eq!(stored_inflate(&longer), None);
        assert_eq!(stored_inflate(&[]), None);
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
