//! The decision figures' layouts, worked by hand, and the laws they keep.

use rust_decimal::Decimal;

use super::fixtures::scenario;
use super::*;

/// A sensitivity row: intervention, parameter, low, high, then org_npv and society_npv at each.
type Row<'a> = (&'a str, &'a str, &'a str, &'a str, i64, i64, i64, i64);

fn sens(items: &[Row]) -> SensitivityJson {
    let items = items
        .iter()
        .map(|(iv, p, lo, hi, ol, oh, sl, sh)| {
            serde_json::json!({"intervention": iv, "parameter": p, "low": lo, "high": hi,
                "org_npv_low": ol.to_string(), "org_npv_high": oh.to_string(),
                "society_npv_low": sl.to_string(), "society_npv_high": sh.to_string()})
        })
        .collect::<Vec<_>>();
    let json = serde_json::json!({"schema_version": 1, "base": {"org_npv": "0", "society_npv": "100"}, "items": items});
    serde_json::from_str(&json.to_string()).expect("test JSON reads")
}

#[test]
fn a_tornado_worked_by_hand() {
    let (s, _) = scenario("Mentorer");
    let j = sens(&[
        ("early-reading", "success_rate", "0.1", "0.3", -100, 300, 0, 600),
        ("b", "deadweight", "0.2", "0.4", 50, -50, 150, 50),
    ]);
    let t = tornado::layout(&s, &j, Lang::Sv, Unit::One, 1000.0, false);
    // Values −100, 300, 50, −50 and the base 0: nice_ticks(−100, 300, 4) has
    // raw step 100 → step 100, ticks −100..300. Wide: plot from 0.42 × 1000 =
    // 420 to 1000 − 8 = 992 (572 wide): x(0) = 420 + 100/400 × 572 = 563,
    // x(−100) = 420, x(300) = 992, x(50) = 420 + 150/400 × 572 = 634.5,
    // x(−50) = 420 + 50/400 × 572 = 491.5.
    assert_eq!(t.plot, (420.0, 992.0));
    assert!((t.base_x - 563.0).abs() < 1e-9);
    let b = &t.bars;
    assert_eq!(b.len(), 2);
    assert!((b[0].low_x - 420.0).abs() < 1e-9 && (b[0].high_x - 992.0).abs() < 1e-9);
    assert!((b[1].low_x - 634.5).abs() < 1e-9 && (b[1].high_x - 491.5).abs() < 1e-9);
    // Rows 16 + 14 = 30 apart from the top 48; height 48 + 2 × 30 + 8 = 116.
    assert_eq!((b[0].y, b[1].y, t.height), (48.0, 78.0, 116.0));
    // The label column holds (420 − 16) / (14 × 0.58) = 49.7 → 49 characters.
    assert_eq!(b[1].label, "Mentorer: dödvikt 20,0\u{a0}%–40,0\u{a0}%");
    // The first's full label is longer: its name is cut, its assumption and range kept whole
    // (": andel som lyckas 10,0 %–30,0 %" is 32 characters, so the name gets 49 − 32 = 17).
    assert_eq!(b[0].label.chars().count(), 49);
    assert!(b[0].label.ends_with("…: andel som lyckas 10,0\u{a0}%–30,0\u{a0}%"), "{}", b[0].label);
    // A factor range's bar says the short name (its table and values say "share of assumed"):
    // ": undvikna kostnader 50,0 %–140,0 %" is 35 characters, the name gets 49 − 35 = 14.
    let factor = sens(&[("early-reading", "avoided_costs", "0.5", "1.4", -100, 300, 0, 600)]);
    let short = tornado::layout(&s, &factor, Lang::Sv, Unit::One, 1000.0, false);
    assert_eq!(short.bars[0].label.chars().count(), 49);
    assert!(short.bars[0].label.ends_with("…: undvikna kostnader 50,0\u{a0}%–140,0\u{a0}%"), "{}", short.bars[0].label);
    assert_eq!(short.rows[0][1], "undvikna kostnader (andel av antagna)");
    assert_eq!(b[1].aria, "Mentorer, dödvikt: Lågt 20,0\u{a0}% → 50\u{a0}kr; Högt 40,0\u{a0}% → −50\u{a0}kr");
    // Focus shows both values and their present values above the bar.
    assert_eq!(b[1].values, ["Lågt 20,0\u{a0}%: 50\u{a0}kr", "Högt 40,0\u{a0}%: −50\u{a0}kr"]);
    let html = tornado::markup(&t);
    assert_eq!(html.matches("class=\"decision-readout\"").count(), 2);
    // The first bar's box: 2 × 14 × 1.25 + 8 = 43 high, ending 4 above the bar at 48: from y = 1.
    assert!(html.contains("<rect class=\"decision-readout-box\" x=\"420\" y=\"1\""), "{html}");
    // Society: values 0..600 about the base 100: x(100) = 420 + 100/600 × 572.
    let t = tornado::layout(&s, &j, Lang::En, Unit::One, 1000.0, true);
    assert!((t.base_x - (420.0 + 100.0 / 600.0 * 572.0)).abs() < 1e-9);
    assert!((t.bars[0].high_x - 992.0).abs() < 1e-9);
    assert_eq!(t.title, "What moves society's present value most");
}

#[test]
fn a_tornado_too_narrow_for_its_labels_beside_the_bars_puts_them_above() {
    let (s, _) = scenario("Mentorer");
    let j = sens(&[
        ("early-reading", "success_rate", "0.1", "0.3", -100, 300, 0, 600),
        ("b", "deadweight", "0.2", "0.4", 50, -50, 150, 50),
    ]);
    // 700 wide (the page's column at 1280 px): the label column holds
    // (0.42 × 700 − 16) / (14 × 0.58) = 278 / 8.12 = 34.2 → 34 characters; "andel som
    // lyckas 10,0 %–30,0 %" is 30, with ": " and 6 of the name 38 > 34: above the bars.
    let t = tornado::layout(&s, &j, Lang::Sv, Unit::One, 700.0, false);
    // Plot across the width, 8 to 692; rows 14 × 1.4 + 16 + 10 = 45.6 apart, each bar
    // 19.6 under its row's top (48, 93.6): the label on its own line, 14 under the top.
    assert_eq!(t.plot, (8.0, 692.0));
    let b = &t.bars;
    assert!((b[0].y - 67.6).abs() < 1e-9 && (b[1].y - 113.2).abs() < 1e-9, "{} {}", b[0].y, b[1].y);
    assert_eq!((b[0].label_x, b[0].label_y, b[0].label_end), (8.0, 62.0, false));
    // 684 / 8.12 = 84.2 → 84 characters: every label whole, assumption and range included.
    assert_eq!(
        b[0].label,
        format!("{}: andel som lyckas 10,0\u{a0}%–30,0\u{a0}%", intervention_name(&s, "early-reading"))
    );
    assert_eq!(b[1].label, "Mentorer: dödvikt 20,0\u{a0}%–40,0\u{a0}%");
    // The deadweight alone fits beside its bar ("dödvikt 20,0 %–40,0 %" is 21, 29 ≤ 34).
    let narrow_ok = tornado::layout(
        &s,
        &sens(&[("b", "deadweight", "0.2", "0.4", 50, -50, 150, 50)]),
        Lang::Sv,
        Unit::One,
        700.0,
        false,
    );
    assert_eq!(narrow_ok.plot, (294.0, 692.0));
    assert!(narrow_ok.bars[0].label_end);
}

#[test]
fn tornado_laws_at_phone_and_wide_screens() {
    let (s, _) = scenario("Mentorer med ett mycket långt namn som inte får plats på en rad i en smal skärm");
    let items: Vec<_> =
        (0..12i64).map(|k| ("b", "annual_cost", "0.8", "1.2", -1000 * (12 - k), 700 * (12 - k), -k, k)).collect();
    let j = sens(&items);
    for width in [390.0, 1920.0] {
        for lang in [Lang::Sv, Lang::En] {
            for society in [false, true] {
                let t = tornado::layout(&s, &j, lang, Unit::Thousand, width, society);
                assert_eq!((t.bars.len(), t.more, t.rows.len()), (10, 2, 12));
                let font = if t.width < COMPACT_BELOW { 13.0 } else { 14.0 };
                let mut spans = Vec::new();
                for (n, b) in t.bars.iter().enumerate() {
                    for x in [b.low_x, b.high_x, t.base_x] {
                        assert!(x >= 0.0 && x <= t.width, "{x} outside {}", t.width);
                    }
                    assert!(b.y >= 0.0 && b.y + 16.0 <= t.height);
                    // Bars in the JSON's order, top to bottom.
                    if n > 0 {
                        assert!(b.y > t.bars[n - 1].y);
                    }
                    let w = b.label.chars().count() as f64 * font * CHAR_WIDTH;
                    let left = if b.label_end { b.label_x - w } else { b.label_x };
                    assert!(left >= 0.0 && left + w <= t.width, "label outside the frame");
                    if b.label_end {
                        assert!(b.label_x <= t.plot.0, "a label runs into the bars");
                    }
                    spans.push((b.label_y - font, b.label_y + 0.3 * font));
                }
                assert!(disjoint(spans), "labels overlap at {width}");
                let html = tornado::markup(&t);
                assert_eq!(html.matches("tabindex=\"0\"").count(), 10);
                assert!(html.contains(if lang == Lang::Sv { "och 2 till" } else { "and 2 more" }));
                // The switched tornados' one table: the header and the 10 bars drawn, not all 12 items.
                assert_eq!(tornado::both_table(&s, &j, lang, Unit::Thousand).matches("<tr>").count(), 11);
            }
        }
    }
}

#[test]
fn user_text_stays_text() {
    for name in ["<script>alert(1)</script>", "=HYPERLINK(\"http://x\",\"y\")\" onload=\"x"] {
        let (s, o) = scenario(name);
        let sj = serde_json::json!({"schema_version": 1, "base": {"org_npv": "0", "society_npv": "0"},
            "items": [{"intervention": "b", "parameter": "success_rate", "low": "0.1", "high": "0.3",
            "org_npv_low": "-1", "org_npv_high": "1", "society_npv_low": "-1", "society_npv_high": "1"}]})
        .to_string();
        let bj = r#"{"schema_version":1,"by_year":null,"effect_factor_org_npv":"1","effect_factor_society_npv":"1","effect_factor_payback_by":null,"interventions":[{"id":"b","success_rate_for_org_npv":"1.5"}]}"#;
        let html = decision_charts(&DecisionInput {
            scenario: &s,
            outcome: &o,
            monte_carlo: None,
            break_even: Some(bj),
            sensitivity: Some(&sj),
            lang: Lang::En,
            unit: Unit::Thousand,
            width: 800.0,
            society: false,
            switch: false,
        });
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("\" onload"), "{html}");
        assert!(html.contains("&lt;script&gt;") || html.contains("=HYPERLINK(&quot;"));
        assert!(html.contains("cannot break even through this intervention alone"));
    }
}

fn mc_json(years: &[(i32, i64, i64, i64)]) -> MonteCarloJson {
    let rows: Vec<_> = years
        .iter()
        .map(|(y, a, b, c)| serde_json::json!({"year": y, "p5": a.to_string(), "p50": b.to_string(), "p95": c.to_string()}))
        .collect();
    let json = serde_json::json!({"schema_version": 1, "seed": 1, "draws": 500, "by_year": null,
        "cumulative_org_net": rows, "fund_close": rows});
    serde_json::from_str(&json.to_string()).expect("test JSON reads")
}

#[test]
fn a_fan_worked_by_hand() {
    let (s, o) = scenario("Mentorer");
    // Three years that are not the scenario's: no deterministic line.
    let mc = mc_json(&[(2100, -100, 0, 100), (2101, 0, 100, 200), (2102, 100, 200, 300)]);
    let f = fan::layout(&s, &o, &mc, fan::Which::FundClose, Lang::Sv, Unit::One, 1000.0);
    // Values −100..300 with 0: six intervals wanted → raw 66.7, step 100;
    // ticks −100, 0, …, 300 → labels "-100".."300" (4 characters):
    // left = 8 + 4 × 14 × 0.58 + 6 = 46.48; plot 46.48..988, 12..272.
    assert!((f.plot.0 - 46.48).abs() < 1e-9);
    assert_eq!((f.plot.1, f.plot.2, f.plot.3), (12.0, 988.0, 272.0));
    // y(0) = 272 − 100/400 × 260 = 207; x of the middle year = (46.48 + 988) / 2.
    assert!((f.zero_y - 207.0).abs() < 1e-9);
    assert!((f.median[1].0 - (46.48 + 988.0) / 2.0).abs() < 1e-9);
    assert!((f.median[1].1 - (272.0 - 200.0 / 400.0 * 260.0)).abs() < 1e-9);
    assert!(f.deterministic.is_empty());
    assert_eq!(f.band.len(), 6);
    assert_eq!(f.ticks.len(), 5);
    assert!(!f.median_outside_band);
    // A focusable column per year, at the median's x, named by the band's ends and the median.
    assert_eq!(f.points.len(), 3);
    assert!((f.points[1].0 - f.median[1].0).abs() < 1e-9);
    assert_eq!(f.points[1].1, "2101: 5–95\u{a0}% av utfallen 0\u{a0}kr–200\u{a0}kr, median 100\u{a0}kr");
    let html = fan::markup(&f);
    assert_eq!(html.matches("class=\"fan-point\" tabindex=\"0\"").count(), 3);
    assert!(html.contains("<tspan") && html.contains("2101: Median 100\u{a0}kr"));
}

#[test]
fn fan_laws_on_the_scenarios_years() {
    let (s, o) = scenario("Mentorer");
    // The scenario's own years, a band about the deterministic figures.
    let years: Vec<_> = o.fund.iter().map(|r| r.year).collect();
    let rows: Vec<_> =
        years.iter().enumerate().map(|(i, y)| (*y, -5000 * i as i64, 1000 * i as i64, 9000 * i as i64)).collect();
    let mc = mc_json(&rows);
    for width in [390.0, 1920.0] {
        for lang in [Lang::Sv, Lang::En] {
            for which in [fan::Which::FundClose, fan::Which::CumulativeOrgNet] {
                let f = fan::layout(&s, &o, &mc, which, lang, Unit::Thousand, width);
                assert_eq!(f.deterministic.len(), years.len());
                let n = f.median.len();
                for (i, (x, y)) in f.median.iter().enumerate() {
                    // The band holds the median: p95 above (smaller y), p5 below.
                    assert!(f.band[i].1 <= *y + 1e-9 && *y <= f.band[2 * n - 1 - i].1 + 1e-9);
                    assert!(*x >= f.plot.0 && *x <= f.plot.2);
                }
                for (_, y) in f.band.iter().chain(&f.deterministic) {
                    assert!(*y >= f.plot.1 - 1e-9 && *y <= f.plot.3 + 1e-9);
                }
                assert!(f.plot.0 > 0.0 && f.plot.2 <= f.width && f.plot.3 < f.height);
                let w = 4.0 * f.small * CHAR_WIDTH;
                assert!(disjoint(f.years.iter().map(|(x, _)| (x - w / 2.0, x + w / 2.0)).collect()));
                let html = fan::markup(&f);
                assert!(html.contains("fan-band") && html.contains("fan-median") && html.contains("<table"));
            }
        }
    }
}

#[test]
fn break_even_words() {
    use break_even_table::needed_text;
    let d = |s: &str| Some(s.parse::<Decimal>().unwrap());
    assert_eq!(needed_text(d("0.25"), Lang::Sv), "25,0\u{a0}%");
    assert_eq!(needed_text(d("1"), Lang::En), "100.0%");
    assert_eq!(
        needed_text(d("1.0001"), Lang::En),
        "Needs over 100%: cannot break even through this intervention alone"
    );
    assert_eq!(needed_text(d("-0.0001"), Lang::Sv), "Går jämnt ut även om insatsen inte gör något");
    assert_eq!(needed_text(None, Lang::En), "No savings inside the organisation to work from");
}

#[test]
fn unreadable_json_is_said_not_thrown() {
    let (s, o) = scenario("Mentorer");
    let html = decision_charts(&DecisionInput {
        scenario: &s,
        outcome: &o,
        monte_carlo: Some("{"),
        break_even: Some("[]"),
        sensitivity: Some("null"),
        lang: Lang::Sv,
        unit: Unit::Thousand,
        width: 390.0,
        society: true,
        switch: true,
    });
    assert_eq!(html.matches("Beslutsunderlaget kunde inte läsas.").count(), 3);
}

#[test]
fn the_printed_section_has_the_tornado_and_the_break_even_open_and_the_fans_only_when_given() {
    // The copy `b` gets a range on its success rate (0–1 holds any rate), so the
    // tornado has bars; every table of the section is open (a closed one prints nothing).
    let (mut s, o) = scenario("Mentorer");
    s.interventions[1].uncertainty = Some(crate::model::Uncertainty {
        success_rate: Some(crate::model::Range { low: Decimal::ZERO, high: Decimal::ONE }),
        ..Default::default()
    });
    let without = print_section(&s, &o, None, Lang::En);
    assert!(without.starts_with("<section class=\"print-report print-decision\""), "{without}");
    assert!(without.contains("<h2>What decides it</h2>"));
    assert!(without.contains("decision-tornado") && without.contains("decision-break-even"));
    assert!(!without.contains("<details>") && without.contains("<details open>"));
    assert!(!without.contains("decision-fan"));
    let years: Vec<_> = o.fund.iter().map(|r| (r.year, -1, 0, 1)).collect();
    let rows: Vec<_> = years
        .iter()
        .map(|(y, a, b, c)| serde_json::json!({"year": y, "p5": a.to_string(), "p50": b.to_string(), "p95": c.to_string()}))
        .collect();
    let mc = serde_json::json!({"draws": 10, "cumulative_org_net": rows, "fund_close": rows}).to_string();
    let with = print_section(&s, &o, Some(&mc), Lang::Sv);
    assert_eq!(with.matches("decision-figure decision-fan").count(), 2);
    assert!(with.ends_with("</section>"));
}

#[test]
fn the_page_has_both_tornados_behind_a_switch_and_print_the_one() {
    let (s, o) = scenario("Mentorer");
    let j = r#"{"schema_version":1,"base":{"org_npv":"0","society_npv":"0"},"items":[{"intervention":"b","parameter":"success_rate","low":"0.1","high":"0.3","org_npv_low":"-1","org_npv_high":"1","society_npv_low":"-2","society_npv_high":"2"}]}"#;
    let input = |switch, society| DecisionInput {
        scenario: &s,
        outcome: &o,
        monte_carlo: None,
        break_even: None,
        sensitivity: Some(j),
        lang: Lang::Sv,
        unit: Unit::One,
        width: 800.0,
        society,
        switch,
    };
    let page = decision_charts(&input(true, true));
    // Two radio buttons, society's chosen; both tornados, each marked for CSS.
    assert_eq!(page.matches("type=\"radio\"").count(), 2);
    assert!(page.contains("id=\"fundsim-dc-society\" checked=\"\"/>"), "{page}");
    assert!(!page.contains("id=\"fundsim-dc-org\" checked"));
    assert!(page.contains("decision-tornado-org") && page.contains("decision-tornado-society"));
    // One data table under both, with both present values: −1, 1 (org) and −2, 2 (society).
    assert_eq!(page.matches("<table").count(), 1);
    assert!(page.contains("\"sens:society:low:success_rate:b\" tabindex=\"-1\">−2\u{a0}kr</td>"), "{page}");
    assert!(page.contains("\"sens:society:high:success_rate:b\" tabindex=\"-1\">2\u{a0}kr</td>"), "{page}");
    assert!(page.contains(">Samhället</label>") && page.contains("Vad påverkar samhällets nuvärde mest"));
    let print = decision_charts(&input(false, false));
    assert!(!print.contains("type=\"radio\"") && !print.contains("Vad påverkar samhällets"));
    // No ranges: a sentence, and nothing to switch.
    let none = r#"{"schema_version":1,"base":{"org_npv":"0","society_npv":"0"},"items":[]}"#;
    let plain = decision_charts(&DecisionInput { sensitivity: Some(none), ..input(true, false) });
    assert!(!plain.contains("type=\"radio\"") && plain.contains("Inga intervall angivna"));
}
