//! Links restore exactly what they were made for (proptest): random edits of
//! every preset, carried as the preset's changes (`v=2`) and as the page's
//! own link (the shorter of that and the whole scenario), come back equal
//! to the last digit, Decimal scale included; and links of the forms earlier
//! builds made (`tests/data/old_links.json`) open exactly as before.
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use rust_decimal::Decimal;

use fundsim::model::validate::validate;
use fundsim::model::{Actor, AvoidedCost, Range, RepaymentRule, Scenario, Uncertainty};
use fundsim::presets::{self, Preset};
use fundsim::share::diff;
use fundsim::share::link::{self, link_json, read_fragment};
use fundsim::ui::state::keep::{page_fragment, LinkPlan};
use fundsim::ui::state::view::View;
use fundsim::words::Lang;

/// A decimal with a random scale: `5`, `5.0` and `5.000` are the same
/// number, and a link must keep which one was written.
fn decimal(max_units: i64) -> impl Strategy<Value = Decimal> {
    (-max_units..=max_units, 0u32..=6).prop_map(|(units, scale)| Decimal::new(units, scale))
}

fn rate() -> impl Strategy<Value = Decimal> {
    (0u32..=4).prop_flat_map(|scale| {
        let top = 10i64.pow(scale);
        (0..=top).prop_map(move |units| Decimal::new(units, scale))
    })
}

/// Any text, weighted towards the characters the link's notation and a URL treat specially.
fn text() -> impl Strategy<Value = String> {
    let tricky = prop_oneof![
        Just('\''),
        Just('!'),
        Just('%'),
        Just('&'),
        Just('='),
        Just('#'),
        Just('"'),
        Just('\\'),
        Just('\n'),
        Just(' '),
        Just('å'),
        Just('😀'),
        Just('('),
        Just(')'),
        Just(','),
        Just(':'),
        Just('+'),
    ];
    proptest::collection::vec(prop_oneof![3 => any::<char>(), 2 => tricky, 3 => proptest::char::range('a', 'z')], 0..24)
        .prop_map(String::from_iter)
}

fn rule() -> impl Strategy<Value = RepaymentRule> {
    prop_oneof![
        Just(RepaymentRule::None),
        (decimal(500), 1u32..=10, 0u32..=5).prop_map(|(share, years, start_after)| RepaymentRule::Fixed {
            share,
            years,
            start_after
        }),
        (rate(), proptest::option::of(decimal(300)), 0u32..=5)
            .prop_map(|(share, cap, start_after)| RepaymentRule::SavingsShare { share, cap, start_after }),
    ]
}

fn range() -> impl Strategy<Value = Option<Range>> {
    proptest::option::of((rate(), rate()).prop_map(|(a, b)| Range { low: a.min(b), high: a.max(b) }))
}

/// One edit of a scenario; indices are taken modulo the list's length.
#[derive(Debug, Clone)]
enum Change {
    /// Presentation mode's three live controls.
    YearlyAllocation(Decimal),
    RepaymentShare(Decimal),
    SuccessRate(usize, Decimal),
    Allocations(Vec<Decimal>),
    Money(usize, usize, Decimal),
    Rates(usize, Decimal, Decimal, Decimal, Decimal),
    Counts(usize, u32, u32, u32, u32),
    General(u32, i32, Decimal),
    Names(usize, String, String, String),
    ScenarioText(String, String),
    DuplicateIntervention(usize),
    RemoveIntervention(usize),
    SwapInterventions(usize, usize),
    AddActor(String, bool),
    RemoveActor(usize),
    SwapActors(usize, usize),
    DefaultRule(Option<RepaymentRule>),
    OwnRule(usize, Option<RepaymentRule>),
    Ranges(usize, Option<Range>, Option<Range>, Option<Range>, bool),
    AvoidedCosts(usize, Vec<Decimal>),
}

fn change() -> impl Strategy<Value = Change> {
    prop_oneof![
        decimal(1_000_000_000_000).prop_map(Change::YearlyAllocation),
        rate().prop_map(Change::RepaymentShare),
        (any::<usize>(), rate()).prop_map(|(i, r)| Change::SuccessRate(i, r)),
        proptest::collection::vec(decimal(100_000_000_000), 0..8).prop_map(Change::Allocations),
        (any::<usize>(), 0usize..3, decimal(100_000_000_000)).prop_map(|(i, f, d)| Change::Money(i, f, d)),
        (any::<usize>(), rate(), rate(), rate(), rate()).prop_map(|(i, a, b, c, d)| Change::Rates(i, a, b, c, d)),
        (any::<usize>(), 0u32..30, 1u32..10, 0u32..6, 0u32..15)
            .prop_map(|(i, a, b, c, d)| Change::Counts(i, a, b, c, d)),
        (1u32..=60, 1990i32..2100, rate()).prop_map(|(h, y, r)| Change::General(h, y, r)),
        (any::<usize>(), text(), text(), text()).prop_map(|(i, a, b, c)| Change::Names(i, a, b, c)),
        (text(), text()).prop_map(|(a, b)| Change::ScenarioText(a, b)),
        any::<usize>().prop_map(Change::DuplicateIntervention),
        any::<usize>().prop_map(Change::RemoveIntervention),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Change::SwapInterventions(a, b)),
        (text(), any::<bool>()).prop_map(|(n, inside)| Change::AddActor(n, inside)),
        any::<usize>().prop_map(Change::RemoveActor),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Change::SwapActors(a, b)),
        proptest::option::of(rule()).prop_map(Change::DefaultRule),
        (any::<usize>(), proptest::option::of(rule())).prop_map(|(i, r)| Change::OwnRule(i, r)),
        (any::<usize>(), range(), range(), range(), any::<bool>())
            .prop_map(|(i, a, b, c, clear)| Change::Ranges(i, a, b, c, clear)),
        (any::<usize>(), proptest::collection::vec(decimal(10_000_000), 0..4))
            .prop_map(|(i, v)| Change::AvoidedCosts(i, v)),
    ]
}

fn apply(s: &mut Scenario, change: &Change) {
    let n = s.interventions.len();
    let iv = |i: &usize| if n == 0 { None } else { Some(i % n) };
    match change {
        Change::YearlyAllocation(amount) => {
            let years = s.fund.allocations.len().max(1);
            s.fund.allocations = vec![*amount; years];
        }
        Change::RepaymentShare(share) => {
            s.repayment_default = match s.repayment_default.take() {
                Some(RepaymentRule::SavingsShare { cap, start_after, .. }) => {
                    Some(RepaymentRule::SavingsShare { share: *share, cap, start_after })
                }
                Some(RepaymentRule::Fixed { years, start_after, .. }) => {
                    Some(RepaymentRule::Fixed { share: *share, years, start_after })
                }
                other => other,
            }
        }
        Change::SuccessRate(i, rate) => {
            if let Some(i) = iv(i) {
                s.interventions[i].success_rate = *rate;
            }
        }
        Change::Allocations(list) => s.fund.allocations = list.clone(),
        Change::Money(i, field, amount) => match (iv(i), field) {
            (_, 0) => s.fund.initial_capital = *amount,
            (Some(i), 1) => s.interventions[i].annual_cost = *amount,
            (Some(i), _) => s.interventions[i].participants_per_year = *amount,
            (None, _) => {}
        },
        Change::Rates(i, a, b, c, d) => {
            if let Some(i) = iv(i) {
                let x = &mut s.interventions[i];
                (x.fund_share, x.deadweight, x.drop_off, x.success_rate) = (*a, *b, *c, *d);
            }
        }
        Change::Counts(i, start, years, lag, benefit) => {
            if let Some(i) = iv(i) {
                let x = &mut s.interventions[i];
                (x.start, x.years, x.lag_years, x.benefit_years) = (*start, *years, *lag, *benefit);
            }
        }
        Change::General(horizon, start_year, discount) => {
            (s.horizon_years, s.start_year, s.discount_rate) = (*horizon, *start_year, *discount);
        }
        Change::Names(i, scenario, actor, intervention) => {
            s.name = scenario.clone();
            let a = i % s.actors.len().max(1);
            if let Some(actor_entry) = s.actors.get_mut(a) {
                actor_entry.name = actor.clone();
            }
            if let Some(i) = iv(i) {
                s.interventions[i].name = intervention.clone();
            }
        }
        Change::ScenarioText(description, currency) => {
            s.description = description.clone();
            s.currency = currency.clone();
        }
        Change::DuplicateIntervention(i) => {
            if let Some(i) = iv(i) {
                let copy = s.interventions[i].clone();
                s.interventions.insert(i, copy);
            }
        }
        Change::RemoveIntervention(i) => {
            if let Some(i) = iv(i) {
                s.interventions.remove(i);
            }
        }
        Change::SwapInterventions(a, b) => {
            if let (Some(a), Some(b)) = (iv(a), iv(b)) {
                s.interventions.swap(a, b);
            }
        }
        Change::AddActor(name, inside) => {
            let id = format!("new-{}", s.actors.len());
            s.actors.push(Actor { id, name: name.clone(), inside: *inside });
        }
        Change::RemoveActor(i) => {
            if s.actors.len() > 1 {
                let i = i % s.actors.len();
                s.actors.remove(i);
            }
        }
        Change::SwapActors(a, b) => {
            let len = s.actors.len().max(1);
            if !s.actors.is_empty() {
                s.actors.swap(a % len, b % len);
            }
        }
        Change::DefaultRule(rule) => s.repayment_default = rule.clone(),
        Change::OwnRule(i, rule) => {
            if let Some(i) = iv(i) {
                s.interventions[i].repayment = rule.clone();
            }
        }
        Change::Ranges(i, success, deadweight, costs, clear) => {
            if let Some(i) = iv(i) {
                s.interventions[i].uncertainty = (!clear).then(|| Uncertainty {
                    success_rate: *success,
                    deadweight: *deadweight,
                    avoided_costs: *costs,
                    ..Uncertainty::default()
                });
            }
        }
        Change::AvoidedCosts(i, amounts) => {
            if let Some(i) = iv(i) {
                let actors: Vec<String> = s.actors.iter().map(|a| a.id.clone()).collect();
                s.interventions[i].avoided_costs = amounts
                    .iter()
                    .zip(actors.iter().cycle())
                    .map(|(per_year, actor)| AvoidedCost { actor: actor.clone(), per_year: *per_year })
                    .collect();
            }
        }
    }
}

fn preset() -> impl Strategy<Value = Preset> {
    let all = presets::all();
    assert!(!all.is_empty(), "the app has presets");
    proptest::sample::select(all)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// decode(encode(s)) == s, to the letter, for any edits of any preset:
    /// the changes applied to the preset give back the scenario's own JSON
    /// (valid or not: the editor links only valid ones, but the notation
    /// must not depend on it), and a valid scenario's links open it exactly.
    #[test]
    fn a_link_restores_every_edit_of_every_preset_exactly(
        p in preset(),
        changes in proptest::collection::vec(change(), 1..6),
        english in any::<bool>(),
        view in prop_oneof![Just(View::Full), Just(View::Results), Just(View::Compact), Just(View::Present)],
    ) {
        let mut s = p.scenario.clone();
        for c in &changes {
            apply(&mut s, c);
        }
        let (base, json) = (link_json(&p.scenario), link_json(&s));
        let text = diff::difference(&base, &json);
        prop_assert!(text.is_some(), "every field of the format has a code");
        let text = text.unwrap_or_default();
        // Only characters a URL fragment carries unencoded.
        prop_assert!(text.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~!*():,@".contains(&b)), "{}", text);
        let applied = diff::apply(&base, &text);
        prop_assert!(applied.is_ok(), "{:?}", applied);
        let back = Scenario::from_json(&applied.unwrap_or_default());
        prop_assert!(back.is_ok(), "{:?}", back);
        let back = back.unwrap_or_else(|_| p.scenario.clone());
        prop_assert_eq!(link_json(&back), json.clone());
        prop_assert_eq!(&back, &s);

        if validate(&s).is_ok() {
            let lang = if english { Lang::En } else { Lang::Sv };
            // The page's own link (the shorter form) and the changes' form.
            let difference = link::difference_fragment(p.id, &json);
            prop_assert!(difference.is_some());
            for fragment in [page_fragment(&s, Some(p.id), lang, view), difference.unwrap_or_default()] {
                let request = read_fragment(&fragment);
                prop_assert!(request.is_ok(), "{}: {:?}", fragment, request);
                let request = request.unwrap_or_default();
                // Unchanged (the edits undid each other): the preset by its id.
                let opened = request.scenario.clone().unwrap_or_else(|| p.scenario.clone());
                prop_assert_eq!(link_json(&opened), json.clone(), "{}", fragment);
                prop_assert_eq!(&opened, &s);
                prop_assert_eq!(request.preset.as_deref(), Some(p.id));
                prop_assert!(!request.preset_changed);
            }
        }
    }

    /// The app's own base64 (`share::base64url`) writes what the `base64`
    /// crate's URL-safe engine without padding writes, and reads exactly
    /// what it reads: any bytes, and any text of its alphabet, the standard
    /// one's `+` and `/`, padding and blanks.
    #[test]
    fn base64url_agrees_with_the_base64_crate(
        bytes in proptest::collection::vec(any::<u8>(), 0..64),
        text in "[-A-Za-z0-9_+/= .]{0,24}",
    ) {
        use base64::engine::general_purpose::URL_SAFE_NO_PAD;
        use base64::Engine;
        use fundsim::share::base64url;
        let coded = base64url::encode(&bytes);
        prop_assert_eq!(&coded, &URL_SAFE_NO_PAD.encode(&bytes));
        prop_assert_eq!(base64url::decode(coded.as_bytes()), Some(bytes));
        prop_assert_eq!(base64url::decode(text.as_bytes()), URL_SAFE_NO_PAD.decode(&text).ok(), "{}", text);
    }

    /// Whatever follows `d=`, reading never panics: it opens or is refused
    /// with a message naming a part of the link or a field of the scenario.
    #[test]
    fn any_difference_is_read_or_refused(d in "[-A-Za-z0-9.,:!()'_~%*@]{0,80}") {
        let h = diff::fingerprint(&link_json(&presets::all()[0].scenario));
        let id = presets::all()[0].id;
        if let Err(e) = read_fragment(&format!("v=2&p={id}&h={h}&d={d}")) {
            // Every refusal names where: a part of the link or a field of the scenario.
            prop_assert!(!e.path.is_empty(), "{}", e);
        }
    }

    /// A real difference cut, doubled or with a character changed: read or
    /// refused, never a panic (and never applied to the wrong preset silently).
    #[test]
    fn a_damaged_difference_is_read_or_refused(
        p in preset(),
        changes in proptest::collection::vec(change(), 1..4),
        cut in any::<prop::sample::Index>(),
        byte in proptest::sample::select(b"-A9.,:!()*@_~(".to_vec()),
    ) {
        let mut s = p.scenario.clone();
        for c in &changes {
            apply(&mut s, c);
        }
        let base = link_json(&p.scenario);
        let text = diff::difference(&base, &link_json(&s)).unwrap_or_default();
        let at = cut.index(text.len() + 1);
        let mut variants = vec![text[..at].to_string(), format!("{text},{text}")];
        let mut changed = text.clone().into_bytes();
        if at < changed.len() {
            changed[at] = byte;
            variants.push(String::from_utf8_lossy(&changed).into_owned());
        }
        for d in variants {
            let _ = diff::apply(&base, &d);
            let _ = read_fragment(&format!("v=2&p={}&h={}&d={d}", p.id, diff::fingerprint(&base)));
        }
    }
}

/// `tests/data/old_links.json`: fragments exactly as builds before link
/// format 2 wrote them, each with the scenario it must open.
#[test]
fn links_made_by_earlier_builds_open_exactly_as_before() {
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("data/old_links.json")).expect("tests/data/old_links.json reads");
    let links = doc["links"].as_array().expect("a list of links");
    assert!(links.len() >= 5);
    for case in links {
        let fragment = case["fragment"].as_str().expect("a fragment");
        assert!(case["why"].as_str().is_some_and(|w| !w.is_empty()), "{fragment}: every case says why");
        let request = read_fragment(fragment).unwrap_or_else(|e| panic!("{fragment}: {e}"));
        let expected = match (case["scenario"].as_str(), case["preset"].as_str()) {
            (Some(file), _) => Some(
                Scenario::from_json(&std::fs::read_to_string(format!("tests/data/{file}")).expect("the scenario file"))
                    .expect("the scenario reads"),
            ),
            (None, Some(_)) => None,
            (None, None) => panic!("{fragment}: a case names a scenario file or a preset"),
        };
        assert_eq!(request.scenario.as_ref().map(link_json), expected.as_ref().map(link_json), "{fragment}");
        assert_eq!(request.preset.as_deref(), case["preset"].as_str(), "{fragment}");
        assert_eq!(request.lang.as_deref(), case["lang"].as_str(), "{fragment}");
        assert_eq!(request.view.as_deref(), case["view"].as_str(), "{fragment}");
        assert!(!request.preset_changed);
        // Made before comparing existed: no baseline, one scenario.
        assert_eq!(link::read_baseline(fragment), None, "{fragment}");
    }
}

/// A comparison's page link: the main scenario and the baseline, each in
/// its shortest form, the baseline's keys led by `b`.
fn comparing_fragment(a: &Scenario, a_preset: Option<&str>, b: &Scenario, b_preset: Option<&str>) -> String {
    let plan = LinkPlan::new(a, a_preset, Lang::Sv, View::Full).comparing(Some((b, b_preset)));
    let packed = plan.json.as_ref().map(|json| miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 9));
    plan.fragment(packed.as_deref().unwrap_or_default())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Plan A against plan B: a link carries both, each edit of each preset
    /// coming back exactly (its own scenario or its preset's changes), and
    /// the main scenario reads as it would without the baseline.
    #[test]
    fn a_comparison_link_restores_both_scenarios_exactly(
        pa in preset(),
        pb in preset(),
        a_changes in proptest::collection::vec(change(), 0..4),
        b_changes in proptest::collection::vec(change(), 0..4),
        b_from_preset in any::<bool>(),
    ) {
        let (mut a, mut b) = (pa.scenario.clone(), pb.scenario.clone());
        a_changes.iter().for_each(|c| apply(&mut a, c));
        b_changes.iter().for_each(|c| apply(&mut b, c));
        prop_assume!(validate(&a).is_ok() && validate(&b).is_ok());
        let b_preset = b_from_preset.then_some(pb.id);
        let fragment = comparing_fragment(&a, Some(pa.id), &b, b_preset);
        let main = read_fragment(&fragment);
        prop_assert!(main.is_ok(), "{}: {:?}", fragment, main);
        let opened = main.unwrap_or_default().scenario.unwrap_or_else(|| pa.scenario.clone());
        prop_assert_eq!(link_json(&opened), link_json(&a));
        let baseline = link::read_baseline(&fragment);
        prop_assert!(matches!(baseline, Some(Ok(_))), "{}: {:?}", fragment, baseline);
        let (back, preset) = baseline.and_then(Result::ok).unwrap_or_else(|| (pa.scenario.clone(), None));
        prop_assert_eq!(link_json(&back), link_json(&b), "{}", fragment);
        // Named by its preset when it came from one (the picker and the exports say it).
        if b_from_preset {
            prop_assert_eq!(preset.as_deref(), Some(pb.id));
        }
    }
}

#[test]
fn a_comparison_link_is_as_short_as_its_parts() {
    let gotland = presets::by_id("gotland").expect("the preset gotland");
    let jobs = presets::by_id("jobs").expect("the preset jobs");
    // Two presets unchanged: each by its id.
    assert_eq!(
        comparing_fragment(&gotland.scenario, Some("gotland"), &jobs.scenario, Some("jobs")),
        "preset=gotland&lang=sv&bpreset=jobs"
    );
    // One change to the baseline's preset: its changes (`bv=2&bp=…&bh=…&bd=…`).
    let mut b = jobs.scenario.clone();
    b.discount_rate = Decimal::new(5, 2);
    let fragment = comparing_fragment(&gotland.scenario, Some("gotland"), &b, Some("jobs"));
    let h = diff::fingerprint(&link_json(&jobs.scenario));
    assert_eq!(fragment, format!("preset=gotland&lang=sv&bv=2&bp=jobs&bh={h}&bd=R:0.05"));
    assert_eq!(link::read_baseline(&fragment), Some(Ok((b, Some("jobs".to_string())))));
    // A link without a baseline has none.
    assert_eq!(link::read_baseline("preset=gotland&lang=sv"), None);
}

/// Hostile baselines, each beside a main scenario that must still open:
/// refused naming the link's baseline (`link.b`) or its scenario's field,
/// with a short message, never a panic.
#[test]
fn a_hostile_baseline_is_refused_by_name_and_the_main_scenario_still_opens() {
    let own = Scenario::from_json(include_str!("data/own.json")).expect("own.json reads");
    let stored_not_json = link::packed_fragment(&link::stored_deflate(b"not json")).replace("v=1&s=", "bv=1&bs=");
    let broken = include_str!("data/own.json").replace("\"discount_rate\": \"0.03\"", "\"discount_rate\": \"2\"");
    assert_ne!(broken, include_str!("data/own.json"), "the fixture has the discount rate this test breaks");
    let stored_broken = link::packed_fragment(&link::stored_deflate(broken.as_bytes())).replace("v=1&s=", "bv=1&bs=");
    let cases: Vec<(String, &str)> = vec![
        ("bv=1&bs=%%%%".into(), "link.b"),
        ("bv=1&bs=".into(), "link.b"),
        // Deflated for real: a baseline is carried as stored blocks only.
        (format!("bv=1&bs={}", link::scenario_fragment(&own).trim_start_matches("v=1&s=")), "link.b"),
        ("bv=99&bp=gotland&bh=x".into(), "link.b"),
        ("bv=x&bs=AA".into(), "link.b"),
        (format!("bpreset={}", "x".repeat(50_000)), "link.b"),
        ("bh=abc&bd=".into(), "link.b"),
        ("bv=2&bp=gotland&bh=0&bd=Zq:!((((((((".into(), "link.b"),
        (format!("bv=2&bp=gotland&bh=0&bd={}", "(".repeat(100_000)), "link.b"),
        (stored_not_json, "link.b"),
        (stored_broken, "discount_rate"),
    ];
    for (part, path) in cases {
        let fragment = format!("preset=jobs&lang=en&{part}");
        let main = read_fragment(&fragment).unwrap_or_else(|e| panic!("{part:.60}: the main scenario: {e}"));
        assert_eq!(main.preset.as_deref(), Some("jobs"));
        match link::read_baseline(&fragment) {
            Some(Err(e)) => {
                let shown = e.path.as_str();
                assert!(shown == path || shown.starts_with(path), "{part:.60}: {e:?}");
                assert!(e.problem.to_string().chars().count() < 200, "{part:.60}: {e}");
            }
            other => panic!("{part:.60}: expected a refusal, got {other:?}"),
        }
    }
}
