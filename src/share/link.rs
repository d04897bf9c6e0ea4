//! The scenario in a URL fragment, in one of three forms, compact and versioned:
//!
//! - `#preset=<id>`: a preset, unchanged (the shortest link);
//! - `#v=2&p=<id>&h=<fingerprint>&d=<difference>`: a preset with only what
//!   was changed in it ([`crate::share::diff`]: the changed values by path,
//!   in characters a URL carries unencoded). `h` is the fingerprint of the
//!   preset's compact JSON
//!   ([`crate::share::diff::fingerprint`]): a link opened after its preset
//!   has changed says so ([`LinkRequest::preset_changed`]) rather than
//!   silently showing other figures;
//! - `#v=1&s=…`: the whole scenario's compact JSON, deflated, in URL-safe
//!   base64 (a scenario that came from no preset, or one so changed that
//!   this is shorter), with `preset=<id>` when it came from a preset.
//!
//! Any of them may carry `lang` (`sv`, `en`) and `view` (`full`, `results`,
//! `compact`, `present`). The `v` marker names the format, so that later
//! versions of fundsim still open today's links; this build reads 1 and 2.
//!
//! The app has the browser deflate and inflate (`ui::browser`); this module
//! holds the format itself, pure: reading a fragment up to its packed part
//! ([`unpack_fragment`]) and from the inflated part on
//! ([`PackedLink::finish`]), and DEFLATE's stored blocks for browsers that
//! cannot compress. [`scenario_fragment`] and [`read_fragment`] do the whole
//! round trip with miniz_oxide, for tests and native callers.

use crate::model::validate::validate;
use crate::model::{Problem, Scenario, ScenarioError};
use crate::share::base64url;
use crate::share::diff::{self, damaged};

/// The newest link format this build reads and writes.
pub const LINK_VERSION: u32 = 2;

/// The format of a link that carries the whole scenario (`s=`).
pub const WHOLE_VERSION: u32 = 1;

/// Most bytes a link's scenario may inflate to (a guard against a crafted link).
const MAX_SCENARIO_BYTES: usize = 4 * 1024 * 1024;

/// What a link's fragment asks for.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LinkRequest {
    /// A whole scenario carried in the link (or a preset with the link's changes).
    pub scenario: Option<Scenario>,
    /// A preset to open, by id (or the preset the scenario came from).
    pub preset: Option<String>,
    /// `sv` or `en`.
    pub lang: Option<String>,
    /// `full`, `results` or `compact`.
    pub view: Option<String>,
    /// The preset the link's changes were made to is not the one this build
    /// has (its fingerprint differs): the figures may differ from those the
    /// link's maker saw, and the app says so.
    pub preset_changed: bool,
}

/// The scenario's JSON as a link carries it, before deflating: compact.
/// Made from the pretty JSON by dropping the whitespace between tokens,
/// which gives serde_json's compact text byte for byte (a test holds it to
/// that): a second serialiser for the scenario cost about 2 KiB of the first
/// download.
pub fn link_json(scenario: &Scenario) -> String {
    compact(&scenario.to_json())
}

/// JSON without the whitespace outside its strings.
fn compact(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !c.is_ascii_whitespace() {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

/// The fragment (without `#`) for a scenario whose [`link_json`] was
/// deflated (raw DEFLATE) to `packed`: `v=1&s=…`.
///
/// The app deflates with the browser's own `CompressionStream` (no deflate
/// code in the download; see `ui::browser::deflate_raw`); natively, and in
/// [`scenario_fragment`], miniz_oxide does it. Both write raw DEFLATE, which
/// [`read_fragment`] inflates.
pub fn packed_fragment(packed: &[u8]) -> String {
    format!("v={WHOLE_VERSION}&s={}", base64url::encode(packed))
}

/// The fragment (without `#`) that carries `scenario` (its [`link_json`]) as
/// changes to the preset `preset_id`: `v=2&p=<id>&h=<fingerprint>&d=<changes>`;
/// `None` when there is no such preset or the changes cannot be written.
pub fn difference_fragment(preset_id: &str, scenario_json: &str) -> Option<String> {
    let preset = crate::presets::by_id(preset_id)?;
    let base = link_json(&preset.scenario);
    let text = diff::difference(&base, scenario_json)?;
    Some(format!("v={LINK_VERSION}&p={}&h={}&d={text}", preset.id, diff::fingerprint(&base)))
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
/// read with this alone, so it opens in such a browser too. (It never
/// gives more bytes than it is given.)
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

/// The fragment (without `#`) that carries `scenario` whole: `v=1&s=…`,
/// deflated here (for tests and native callers; the app deflates in the browser).
pub fn scenario_fragment(scenario: &Scenario) -> String {
    packed_fragment(&miniz_oxide::deflate::compress_to_vec(link_json(scenario).as_bytes(), 9))
}

/// What a link carries besides its request.
#[derive(Debug, Clone, PartialEq, Default)]
enum Carried {
    /// Nothing (a preset by its id, or only a language or a view).
    #[default]
    Nothing,
    /// The whole scenario (`v=1&s=`), deflated in [`PackedLink::packed`].
    Whole,
    /// Changes to the preset `request.preset` (`v=2`, `d=`; none: the preset
    /// unchanged), made to the preset with this fingerprint.
    Difference { fingerprint: String, text: String },
}

/// A link's fragment, read up to its deflated part: the first step of
/// reading a link. The browser inflates [`PackedLink::packed`]
/// (asynchronously, `ui::browser::read_link`), and [`PackedLink::finish`]
/// reads the scenario; [`read_fragment`] does both here (tests, native callers).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PackedLink {
    /// Everything the link asks for but its scenario.
    pub request: LinkRequest,
    /// The scenario, deflated (raw DEFLATE, `s=`); `None` when the link carries none.
    pub packed: Option<Vec<u8>>,
    carried: Carried,
}

/// Most bytes a link's scenario may inflate to (a guard against a crafted link).
pub const MAX_LINK_SCENARIO_BYTES: usize = MAX_SCENARIO_BYTES;

/// Reads a fragment (with or without the leading `#`) up to its deflated
/// scenario: its parts, the format version and the base64. An empty
/// fragment asks for nothing. Every refusal names the part of the link
/// (`link.s`, `link.v`, `link.p`, `link.h`).
pub fn unpack_fragment(fragment: &str) -> Result<PackedLink, ScenarioError> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let mut request = LinkRequest::default();
    let mut part = [None; 5];
    for pair in fragment.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        match key {
            "preset" => request.preset = Some(value.to_string()),
            "lang" => request.lang = Some(value.to_string()),
            "view" => request.view = Some(value.to_string()),
            // Unknown keys are left for later versions.
            _ => {
                if let Some(i) = ["v", "s", "p", "h", "d"].iter().position(|k| *k == key) {
                    part[i] = Some(value);
                }
            }
        }
    }
    let [version, whole, preset, fingerprint, text] = part;
    // `p` and `d` mean something only with a version (before format 2 they
    // were unknown keys, ignored: `#p` stays an in-page anchor).
    if whole.is_none() && (version.is_none() || (preset.is_none() && text.is_none())) {
        return Ok(PackedLink { request, ..PackedLink::default() });
    }
    let carried = match version.map(str::parse::<u32>) {
        // Format 1 carries only `s` (keys it did not know were always ignored).
        Some(Ok(WHOLE_VERSION)) => match whole {
            Some(whole) => {
                let bytes =
                    base64url::decode(whole.trim_end_matches('=').as_bytes()).ok_or_else(|| damaged("link.s"))?;
                return Ok(PackedLink { request, packed: Some(bytes), carried: Carried::Whole });
            }
            None => Carried::Nothing,
        },
        Some(Ok(LINK_VERSION)) => {
            request.preset = Some(preset.ok_or_else(|| damaged("link.p"))?.to_string());
            let fingerprint = fingerprint.ok_or_else(|| damaged("link.h"))?.to_string();
            // No `d`: the preset unchanged (its fingerprint still checked).
            Carried::Difference { fingerprint, text: text.unwrap_or_default().to_string() }
        }
        Some(Ok(v)) if v > LINK_VERSION => return Err(ScenarioError::new("link.v", Problem::LinkNewer { found: v })),
        _ => return Err(ScenarioError::new("link.v", Problem::LinkNoVersion)),
    };
    Ok(PackedLink { request, packed: None, carried })
}

/// The text of the inflated scenario (`None`: it could not be inflated);
/// longer than [`MAX_LINK_SCENARIO_BYTES`] (the inflater stopped past the
/// limit) it is too large, whole but more than fundsim opens (a crafted
/// link), which is not "damaged".
fn inflated_text(inflated: Option<Vec<u8>>) -> Result<String, ScenarioError> {
    let bytes = inflated.ok_or_else(|| damaged("link.s"))?;
    if bytes.len() > MAX_SCENARIO_BYTES {
        return Err(ScenarioError::new("link.s", Problem::LinkTooLarge));
    }
    String::from_utf8(bytes).map_err(|_| ScenarioError::new("link.s", Problem::LinkNotText))
}

/// A scenario from JSON, read and validated with the engine; a refusal names its field.
fn read_scenario(json: &str) -> Result<Scenario, ScenarioError> {
    let scenario = Scenario::from_json(json)?;
    validate(&scenario)?;
    Ok(scenario)
}

impl PackedLink {
    /// The link's request, its scenario read from `inflated` (the inflated
    /// [`PackedLink::packed`]; `None` when the link has nothing to inflate
    /// or it could not be inflated; longer than [`MAX_LINK_SCENARIO_BYTES`]
    /// when the inflater stopped past that limit) and validated with the
    /// engine; a refusal names the scenario's field, or the part of the link.
    pub fn finish(self, inflated: Option<Vec<u8>>) -> Result<LinkRequest, ScenarioError> {
        let mut request = self.request;
        match self.carried {
            Carried::Nothing => {}
            Carried::Whole => {
                request.scenario = Some(read_scenario(&inflated_text(inflated)?)?);
            }
            Carried::Difference { fingerprint, text } => {
                // A preset this build does not have: the request names it, and
                // the app says that there is no such example (as for `preset=`).
                let Some(preset) = request.preset.as_deref().and_then(crate::presets::by_id) else {
                    return Ok(request);
                };
                let base = link_json(&preset.scenario);
                let changed = diff::fingerprint(&base) != fingerprint;
                // (The difference makes at most `diff::MAX_JSON_BYTES` of JSON.)
                let scenario = diff::apply(&base, &text).and_then(|json| read_scenario(&json));
                match scenario {
                    Ok(scenario) => {
                        request.scenario = Some(scenario);
                        request.preset_changed = changed;
                    }
                    // Changes that do not fit a preset that has changed: say that
                    // it changed (a link that cannot be read at all stays damaged).
                    Err(e) if changed && !e.path.starts_with("link.") => {
                        return Err(ScenarioError::new("link.p", Problem::LinkPresetChanged))
                    }
                    Err(e) => return Err(e),
                }
            }
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
            Err(e) if e.status == miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                return Err(ScenarioError::new("link.s", Problem::LinkTooLarge))
            }
            Err(_) => None,
        },
    };
    link.finish(inflated)
}

/// The baseline of a comparison in a link: the keys of the scenario's own
/// forms led by `b` (`bpreset=<id>`; `bv=2&bp=…&bh=…&bd=…`; `bv=1&bs=…`,
/// with `bpreset=` when it came from a preset), after the main scenario's
/// keys. A build that does not compare ignores them (unknown keys), so the
/// main scenario still opens there; a link without them opens one scenario.
const BASELINE_KEYS: [&str; 6] = ["bpreset", "bv", "bs", "bp", "bh", "bd"];

/// The baseline's part of a link, from the fragment its scenario alone
/// would have (without `lang=`/`view=`): each key led by `b`. Its whole form
/// is deflated as stored blocks ([`stored_deflate`]), read without an
/// inflater ([`read_baseline`]): the browser inflates only the main scenario.
pub fn baseline_part(scenario_fragment: &str) -> String {
    let pairs: Vec<String> = scenario_fragment
        .split('&')
        .filter(|pair| BASELINE_KEYS.contains(&format!("b{}", pair.split('=').next().unwrap_or_default()).as_str()))
        .map(|pair| format!("b{pair}"))
        .collect();
    pairs.join("&")
}

/// The baseline a fragment carries, if any: its scenario (read and validated
/// like the main one) and the preset it came from. A baseline that cannot be
/// read is refused naming the part of the link (`link.b`) or its scenario's
/// field; the main scenario is read on its own ([`unpack_fragment`] ignores
/// these keys), so it opens regardless.
pub fn read_baseline(fragment: &str) -> Option<Result<(Scenario, Option<String>), ScenarioError>> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let own: Vec<&str> = fragment
        .split('&')
        .filter(|pair| BASELINE_KEYS.contains(&pair.split('=').next().unwrap_or_default()))
        .map(|pair| &pair[1..])
        .collect();
    if own.is_empty() {
        return None;
    }
    // Every refusal of the link's own parts, or of its text as a whole, is
    // the baseline's part (`link.b`); a field of its scenario keeps its path.
    let named = |e: ScenarioError| match e.path.is_empty() || e.path.starts_with("link.") {
        true => ScenarioError::new("link.b", e.problem),
        false => e,
    };
    let read = || -> Result<(Scenario, Option<String>), ScenarioError> {
        let link = unpack_fragment(&own.join("&")).map_err(named)?;
        let inflated = match &link.packed {
            Some(packed) => Some(stored_inflate(packed).ok_or_else(|| damaged("link.b"))?),
            None => None,
        };
        let request = link.finish(inflated).map_err(named)?;
        let id = request.preset.unwrap_or_default();
        let known = crate::presets::by_id(&id);
        match (request.scenario, known) {
            (Some(scenario), known) => Ok((scenario, known.map(|p| p.id.to_string()))),
            (None, Some(preset)) => Ok((preset.scenario, Some(id))),
            (None, None) => Err(ScenarioError::new("link.b", Problem::NotAPreset(crate::model::Echo::new(&id)))),
        }
    };
    Some(read())
}

#[cfg(test)]
mod tests {

    #[test]
    fn the_link_json_is_serde_jsons_compact_text() {
        // Every preset, and names full of what a minifier could get wrong:
        // spaces, quotes, backslashes, escapes and a newline inside strings.
        let mut scenarios: Vec<Scenario> = crate::presets::all().into_iter().map(|p| p.scenario).collect();
        let mut tricky = crate::presets::example().expect("the example scenario reads");
        tricky.name = "  a \"quoted\" \\ name,\n with: { braces } [and] \\\" tabs\t ".into();
        if let Some(actor) = tricky.actors.first_mut() {
            actor.name = "\\".into();
        }
        scenarios.push(tricky);
        assert!(scenarios.len() >= 6);
        for s in &scenarios {
            assert_eq!(link_json(s), serde_json::to_string(s).unwrap(), "{}", s.name);
        }
    }

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
        assert_eq!(read_fragment(&fragment.replace("v=1", "v=3")).unwrap_err().path, "link.v");
        assert_eq!(read_fragment(&fragment.replace("v=1&", "")).unwrap_err().path, "link.v");
    }

    #[test]
    fn a_link_with_a_broken_scenario_names_the_field() {
        let mut s = example();
        s.interventions[0].success_rate = rust_decimal::Decimal::from(2);
        let err = read_fragment(&scenario_fragment(&s)).unwrap_err();
        assert_eq!(err.path, "interventions[0].success_rate");
    }

    fn gotland() -> crate::presets::Preset {
        crate::presets::by_id("gotland").expect("the gotland preset")
    }

    /// A `v=2` fragment for `scenario` as changes to `preset`.
    fn changes_fragment(preset: &crate::presets::Preset, scenario: &Scenario) -> String {
        difference_fragment(preset.id, &link_json(scenario)).unwrap_or_default()
    }

    #[test]
    fn a_preset_with_changes_is_carried_as_its_changes() {
        let p = gotland();
        let mut s = p.scenario.clone();
        s.interventions[1].success_rate = rust_decimal::Decimal::new(25, 2);
        let fragment = changes_fragment(&p, &s);
        let h = diff::fingerprint(&link_json(&p.scenario));
        assert_eq!(fragment, format!("v=2&p=gotland&h={h}&d=I1s:0.25"));
        let back = read_fragment(&format!("{fragment}&lang=en&view=present")).unwrap();
        assert_eq!(back.scenario.as_ref(), Some(&s));
        assert_eq!(back.preset.as_deref(), Some("gotland"));
        assert_eq!(
            (back.lang.as_deref(), back.view.as_deref(), back.preset_changed),
            (Some("en"), Some("present"), false)
        );
        // No change at all: the preset, its fingerprint checked.
        assert_eq!(read_fragment(&format!("v=2&p=gotland&h={h}")).unwrap().scenario, Some(p.scenario.clone()));
    }

    #[test]
    fn the_decimal_scale_and_any_name_survive() {
        let p = gotland();
        let mut s = p.scenario.clone();
        // 0.50 is not 0.5 to the letter (a link restores exactly what was linked).
        s.repayment_default = Some(crate::model::RepaymentRule::SavingsShare {
            share: rust_decimal::Decimal::new(50, 2),
            cap: None,
            start_after: 0,
        });
        s.name = "Mitt & ditt = 100 % \"bästa\" #1 'x' !(a,b) \u{1F600}\n\t\\".into();
        let back = read_fragment(&changes_fragment(&p, &s)).unwrap().scenario.unwrap();
        assert_eq!(link_json(&back), link_json(&s));
        assert_eq!(back, s);
    }

    #[test]
    fn hostile_version_2_links_are_refused_naming_the_part() {
        let p = gotland();
        let h = diff::fingerprint(&link_json(&p.scenario));
        #[track_caller]
        fn refused(fragment: &str) -> ScenarioError {
            match read_fragment(fragment) {
                Ok(_) => panic!("{fragment} opened"),
                Err(e) => e,
            }
        }
        // A path the example does not have: named as a path of the scenario.
        let e = refused(&format!("v=2&p=gotland&h={h}&d=I9s:0.3"));
        assert_eq!((e.path.as_str(), &e.problem), ("interventions[9]", &Problem::LinkChangesMissingPart));
        // A wrong type: the kind of value (a list for an amount), or a value the engine refuses.
        assert_eq!(refused(&format!("v=2&p=gotland&h={h}&d=FL:5")).path, "fund.allocations");
        assert_eq!(refused(&format!("v=2&p=gotland&h={h}&d=I0s:x")).path, "interventions[0].success_rate");
        assert_eq!(refused(&format!("v=2&p=gotland&h={h}&d=I0s:2")).path, "interventions[0].success_rate");
        // A preset that does not exist: the request names it, with no scenario
        // (the app then says there is no such example, as for `preset=`).
        let r = read_fragment(&format!("v=2&p=nosuch&h={h}&d=R:0.05")).unwrap();
        assert_eq!((r.preset.as_deref(), r.scenario), (Some("nosuch"), None));
        // Invalid base64 (in a name, in a whole scenario), a percent escape (never
        // written: the notation needs none), the notation broken, parts missing.
        assert_eq!(refused(&format!("v=2&p=gotland&h={h}&d=n:*!!!")).path, "link.d");
        assert_eq!(refused(&format!("v=2&p=gotland&h={h}&d=n:*A")).path, "link.d");
        assert_eq!(refused("v=1&s=!!!").path, "link.s");
        assert_eq!(refused(&format!("v=2&p=gotland&h={h}&d=n:%20")).path, "link.d");
        assert_eq!(refused(&format!("v=2&p=gotland&h={h}&d=I0s")).path, "link.d");
        assert_eq!(refused("v=2&p=gotland&d=R:0.05").path, "link.h");
        assert_eq!(refused("v=2&d=R:0.05").path, "link.p");
        // Without a version, `p` and `d` are unknown keys, ignored as before format 2.
        assert_eq!(read_fragment("p=gotland&d=R:0.05").unwrap(), LinkRequest::default());
        assert_eq!(refused("v=3&p=gotland&d=R:0.05").path, "link.v");
        // A whole scenario that is not DEFLATE, or not text.
        assert_eq!(refused("v=1&s=AAAA").path, "link.s");
        let not_text = base64url::encode(&stored_deflate(&[0xff, 0xfe]));
        assert_eq!(refused(&format!("v=1&s={not_text}")), ScenarioError::new("link.s", Problem::LinkNotText));
    }

    #[test]
    fn a_link_that_inflates_past_the_limit_is_too_large_not_damaged() {
        let h = diff::fingerprint(&link_json(&gotland().scenario));
        // 5 MiB of JSON: a few kilobytes deflated, past the 4 MiB limit inflated.
        let bomb = format!("{{\"name\":\"{}\"}}", "a".repeat(5 * 1024 * 1024));
        let packed = base64url::encode(&miniz_oxide::deflate::compress_to_vec(bomb.as_bytes(), 9));
        assert!(packed.len() < 20_000, "{}", packed.len());
        let e = read_fragment(&format!("v=1&s={packed}")).unwrap_err();
        assert_eq!(e, ScenarioError::new("link.s", Problem::LinkTooLarge));
        // Changes longer than a difference may be (1 MiB).
        let long = format!("v=2&p=gotland&h={h}&d=n:{}", "a".repeat(2 * 1024 * 1024));
        assert_eq!(read_fragment(&long).unwrap_err(), ScenarioError::new("link.d", Problem::LinkChangesTooLarge));
        // What the browser hands over past the limit (it stops a chunk past it) is too large.
        let link = unpack_fragment(&format!("v=1&s={packed}")).unwrap();
        let past = vec![b' '; MAX_LINK_SCENARIO_BYTES + 1];
        assert_eq!(link.finish(Some(past)).unwrap_err(), ScenarioError::new("link.s", Problem::LinkTooLarge));
    }
}
