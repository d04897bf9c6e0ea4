//! The guided tour for trainers: a few steps through the scenario on screen
//! (a preset, usually), each a title and a text in Swedish and English that
//! speaks of the scenario's own figures: what its fund did, who pays, who
//! gains, the wrong pocket, what repayment changes and what its break-even
//! effect means. Written by the on-demand module (the app keeps only the step
//! counter and its buttons), so none of these words are in the first download.

use rust_decimal::Decimal;

use super::decision::{break_even_sentence, needed, Target};
use super::format::{money, percent, Unit};
use super::Lang;
use crate::model::term::{term_end_within, Term};
use crate::model::{Outcome, Scenario};

/// The number of steps.
pub const STEP_COUNT: usize = 6;

/// The facts of a scenario the steps say, as text in the chosen unit.
struct Said<'a> {
    s: &'a Scenario,
    o: &'a Outcome,
    lang: Lang,
    unit: Unit,
}

impl Said<'_> {
    fn money(&self, v: Decimal) -> String {
        money(v, self.unit, &self.s.currency, self.lang)
    }

    fn pick(&self, sv: String, en: String) -> String {
        match self.lang {
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    fn name(&self, id: &str) -> String {
        self.s.actors.iter().find(|a| a.id == id).map_or_else(|| id.to_string(), |a| a.name.clone())
    }

    /// The actor with the largest `of` (the first in the scenario's order on a tie), if it is above zero.
    fn largest(&self, of: impl Fn(&crate::model::outcome::ActorOutcome) -> Decimal) -> Option<(String, Decimal)> {
        let mut best: Option<(&str, Decimal)> = None;
        for a in &self.o.actors {
            if of(a) > best.map_or(Decimal::ZERO, |b| b.1) {
                best = Some((&a.id, of(a)));
            }
        }
        best.map(|(id, v)| (self.name(id), v))
    }
}

/// The assumption whose range moves the organisation's present value most (the tornado's
/// top bar), from the analysis's sensitivity: computed off the page's thread, so the tour
/// says it once the analysis has delivered it.
#[derive(Debug, Clone, PartialEq)]
pub struct Deciding {
    /// The intervention's id, and the contract's name of the parameter.
    pub intervention: String,
    pub parameter: String,
    pub low: Decimal,
    pub high: Decimal,
    /// The organisation's present value with the parameter at its low and its high value.
    pub at_low: Decimal,
    pub at_high: Decimal,
}

impl Said<'_> {
    /// "What must be true": the assumption that decides most, with the present value at both ends.
    fn decides_most(&self, top: &Deciding) -> String {
        let name =
            self.s.interventions.iter().find(|i| i.id == top.intervention).map_or(&top.intervention, |i| &i.name);
        let name: String = name.chars().take(80).collect();
        let parameter = super::decision_charts::parameter_name(&top.parameter, self.lang);
        let (low, high) = (percent(top.low, 0, self.lang), percent(top.high, 0, self.lang));
        let (at_low, at_high) = (self.money(top.at_low), self.money(top.at_high));
        self.pick(
            format!(
                "Det antagande som flyttar organisationens nuvärde mest är {parameter} i {name}: från {at_low} ({low}) till {at_high} ({high}). "
            ),
            format!(
                "The assumption that moves the organisation's present value most is the {parameter} of {name}: from {at_low} ({low}) to {at_high} ({high}). "
            ),
        )
    }
}

fn sum(values: impl Iterator<Item = Decimal>) -> Decimal {
    values.fold(Decimal::ZERO, |t, v| t.saturating_add(v))
}

/// Step `n` (from 1) for scenario `s` and its outcome `o`: its title and text, or `None` past the last;
/// `deciding` what the analysis found decides most (step 6 names it), when it has been delivered.
pub fn step(
    n: usize,
    s: &Scenario,
    o: &Outcome,
    deciding: Option<&Deciding>,
    lang: Lang,
    unit: Unit,
) -> Option<(String, String)> {
    let w = Said { s, o, lang, unit };
    let k = &o.key_figures;
    let (first, last) =
        (o.years.first().copied().unwrap_or(s.start_year), o.years.last().copied().unwrap_or(s.start_year));
    let allocated = sum(o.fund.iter().map(|f| f.allocation));
    let granted = sum(o.fund.iter().map(|f| f.grants));
    let repaid = sum(o.fund.iter().map(|f| f.repayments));
    let left = o.fund.last().map_or(s.fund.initial_capital, |f| f.close);
    let payer = w.largest(|a| a.cost_borne);
    let gainer = w.largest(|a| a.savings_total);
    let invests = !k.total_cost.is_zero();
    Some(match n {
        1 => (
            w.pick("Vad fonden är".into(), "What the fund is".into()),
            w.pick(
                format!(
                    "En social investeringsfond är pengar som avsätts för tidiga, förebyggande insatser. I ”{}” startar fonden med {} och får {} i avsättningar {first}–{last}. Den betalar ut {} till insatserna, får tillbaka {} och har {} kvar {last}: se diagrammet ”Fonden år för år”.",
                    s.name, w.money(s.fund.initial_capital), w.money(allocated), w.money(granted), w.money(repaid), w.money(left)
                ),
                format!(
                    "A social investment fund is money set aside for early, preventive interventions. In “{}” the fund starts with {} and receives {} in allocations {first}–{last}. It pays {} to the interventions, gets {} back and has {} left in {last}: see the chart “The fund year by year”.",
                    s.name, w.money(s.fund.initial_capital), w.money(allocated), w.money(granted), w.money(repaid), w.money(left)
                ),
            ),
        ),
        2 => (
            w.pick("Vem betalar".into(), "Who pays".into()),
            match (&payer, invests) {
                (Some((name, cost)), true) => w.pick(
                    format!(
                        "Insatserna kostar {} inom tidshorisonten. Fonden betalar {} av det som bidrag; resten medfinansierar förvaltningarna som äger insatserna. Mest bär {name}: {} (medfinansiering, återbetalning och kostnaden för fonden).",
                        w.money(k.total_cost), w.money(granted), w.money(*cost)
                    ),
                    format!(
                        "The interventions cost {} within the horizon. The fund pays {} of it as grants; the administrations that own the interventions co-finance the rest. {name} bears the most: {} (co-financing, repayment and the cost of the fund).",
                        w.money(k.total_cost), w.money(granted), w.money(*cost)
                    ),
                ),
                _ => w.pick(
                    "Scenariot har inga insatser som kostar något: ingen betalar för insatser.".into(),
                    "The scenario has no interventions that cost anything: nobody pays for interventions.".into(),
                ),
            },
        ),
        3 => (
            w.pick("Vem vinner".into(), "Who gains".into()),
            match &gainer {
                Some((name, saved)) => w.pick(
                    format!(
                        "Besparingarna kommer senare: {} inom organisationen och {} utanför den. Mest sparar {name}: {}. Diagrammet ”Vem betalar, vem vinner” ställer varje aktörs kostnad mot dess besparing.",
                        w.money(k.savings_inside), w.money(k.savings_outside), w.money(*saved)
                    ),
                    format!(
                        "The savings come later: {} inside the organisation and {} outside it. {name} saves the most: {}. The chart “Who pays, who gains” sets each actor's cost against its savings.",
                        w.money(k.savings_inside), w.money(k.savings_outside), w.money(*saved)
                    ),
                ),
                None => w.pick(
                    "Ingen aktör sparar något i det här scenariot.".into(),
                    "No actor saves anything in this scenario.".into(),
                ),
            },
        ),
        4 => {
            let mut text = match (&payer, &gainer) {
                (Some((p, _)), Some((g, _))) if p != g => w.pick(
                    format!("{p} betalar mest men {g} sparar mest: vinsten hamnar i en annan ficka än kostnaden. "),
                    format!("{p} pays the most but {g} saves the most: the gain lands in another pocket than the cost. "),
                ),
                (Some((p, _)), Some(_)) => w.pick(
                    format!("{p} både betalar och sparar mest. "),
                    format!("{p} both pays and saves the most. "),
                ),
                _ => String::new(),
            };
            text += &if k.savings_outside.is_zero() {
                w.pick(
                    "Här hamnar ingen besparing utanför organisationen.".into(),
                    "Here no saving lands outside the organisation.".into(),
                )
            } else {
                w.pick(
                    format!(
                        "{} av besparingen hamnar utanför organisationen, hos staten eller individen. Den räknas i samhällets nuvärde ({}) men inte i organisationens ({}).",
                        w.money(k.savings_outside), w.money(k.society_npv), w.money(k.org_npv)
                    ),
                    format!(
                        "{} of the saving lands outside the organisation, with the state or the individual. It counts in society's present value ({}) but not in the organisation's ({}).",
                        w.money(k.savings_outside), w.money(k.society_npv), w.money(k.org_npv)
                    ),
                )
            };
            (w.pick("Fel ficka".into(), "The wrong pocket".into()), text)
        }
        5 => (
            w.pick("Vad återföring ändrar".into(), "What repayment changes".into()),
            {
                let share = k.revolving_ratio.map(|r| percent(r, 0, lang));
                let back = match share {
                    Some(p) => w.pick(format!(" ({p})"), format!(" ({p})")),
                    None => String::new(),
                };
                w.pick(
                    format!(
                        "Av {} som fonden betalar ut kommer {}{back} tillbaka och kan betala nya insatser. Återföringen flyttar pengar inom organisationen: organisationens nuvärde ({}) ändras inte, men vem som bär kostnaden gör det. Prova en annan regel för återbetalning i antagandena.",
                        w.money(granted), w.money(repaid), w.money(k.org_npv)
                    ),
                    format!(
                        "Of the {} the fund pays out, {}{back} comes back and can pay for new interventions. Repayment moves money inside the organisation: its present value ({}) does not change, but who bears the cost does. Try another repayment rule in the assumptions.",
                        w.money(granted), w.money(repaid), w.money(k.org_npv)
                    ),
                )
            },
        ),
        6 => (
            w.pick("Hur väl måste det fungera?".into(), "How well must it work?".into()),
            {
                let by = term_end_within(s);
                let sentence = match crate::model::decision::break_even(s, by) {
                    Ok(b) if invests => {
                        let largest = s.interventions.iter().map(|iv| iv.success_rate).max().unwrap_or_default();
                        let (target, factor) = match by {
                            Some(y) => (Target::PaybackBy(Term::containing(y)), b.effect_factor_payback_by),
                            None => (Target::OrgNpv, b.effect_factor_org_npv),
                        };
                        break_even_sentence(target, needed(factor, largest), !s.outcome_contracts.is_empty(), lang) + " "
                    }
                    _ => String::new(),
                };
                sentence
                    + &deciding.map(|top| w.decides_most(top)).unwrap_or_default()
                    + &w.pick(
                        "Nollpunkten (brytpunkten) säger hur stor del av den antagna effekten som behövs för att det ska gå jämnt ut: ju lägre andel, desto större marginal om insatserna fungerar sämre än man tror. Öppna ”Hur räknas detta?” vid ett nyckeltal för räkningen med scenariots egna tal.".into(),
                        "The break-even effect says how much of the assumed effect is needed to break even: the lower the share, the larger the margin if the interventions work less well than assumed. Open “How is this calculated?” beside a key figure for the calculation with the scenario's own numbers.".into(),
                    )
            },
        ),
        _ => return None,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::model::simulate;

    #[test]
    fn every_step_speaks_of_the_presets_own_figures_in_both_languages() {
        for preset in crate::presets::all() {
            let (s, o) = (&preset.scenario, simulate(&preset.scenario).expect("simulates"));
            for n in 1..=STEP_COUNT {
                let sv = step(n, s, &o, None, Lang::Sv, Unit::One).unwrap_or_default();
                let en = step(n, s, &o, None, Lang::En, Unit::One).unwrap_or_default();
                assert!(
                    sv.0.len() > 3 && sv.1.len() > 60 && en.0.len() > 3 && en.1.len() > 60,
                    "{} step {n}",
                    preset.id
                );
                assert_ne!(sv, en);
            }
            assert_eq!(step(0, s, &o, None, Lang::Sv, Unit::One), None);
            assert_eq!(step(STEP_COUNT + 1, s, &o, None, Lang::En, Unit::One), None);
        }
    }

    #[test]
    fn the_jobs_preset_by_hand() {
        // The jobs preset: the fund starts with 0 and receives 3 × 3 000 000 = 9 000 000 (2026–2028);
        // one intervention, 3 000 000 a year × fund share 1 × 3 years = 9 000 000 in grants; repaid
        // in full (fixed, share 1) in 5 instalments 2029–2033, inside the horizon 2026–2037: 9 000 000;
        // left in 2037: 0 + 9 000 000 + 9 000 000 − 9 000 000 = 9 000 000.
        let preset = crate::presets::all().into_iter().find(|p| p.id == "jobs").expect("the jobs preset");
        let o = simulate(&preset.scenario).expect("simulates");
        let (_, text) = step(1, &preset.scenario, &o, None, Lang::Sv, Unit::One).expect("step 1");
        let nine = "9\u{a0}000\u{a0}000\u{a0}kr";
        assert!(
            text.contains(&format!("startar fonden med 0\u{a0}kr och får {nine} i avsättningar 2026–2037")),
            "{text}"
        );
        assert!(
            text.contains(&format!("betalar ut {nine} till insatserna, får tillbaka {nine} och har {nine} kvar 2037"))
        );
        // Step 5: 9 000 000 of 9 000 000 comes back: 100 %.
        let (_, text) = step(5, &preset.scenario, &o, None, Lang::Sv, Unit::One).expect("step 5");
        assert!(text.contains(&format!("Av {nine} som fonden betalar ut kommer {nine} (100")), "{text}");
    }

    /// The hand-worked scenario of `tests/e2e/support.ts` (`handWorkedScenario`): one intervention of
    /// 100 000 kr, 10 participants, savings inside 6 000 a year for 5 years per success, discount
    /// rate 0, success rate ranged 0.3–0.7. org_npv(r) = 10 × r × 6 000 × 5 − 100 000 = 300 000 r − 100 000:
    /// at 0.3 it is −10 000, at 0.7 it is 110 000.
    #[test]
    fn step_6_names_the_assumption_that_decides_most() {
        let s = crate::model::Scenario::from_json(HAND_WORKED).expect("the hand-worked scenario");
        let o = simulate(&s).expect("simulates");
        let top = Deciding {
            intervention: "home".into(),
            parameter: "success_rate".into(),
            low: Decimal::new(3, 1),
            high: Decimal::new(7, 1),
            at_low: Decimal::from(-10_000),
            at_high: Decimal::from(110_000),
        };
        let (_, text) = step(6, &s, &o, Some(&top), Lang::Sv, Unit::One).expect("step 6");
        assert!(
            text.contains("mest är andel som lyckas i Familjestöd: från −10\u{a0}000\u{a0}kr (30\u{a0}%) till 110\u{a0}000\u{a0}kr (70\u{a0}%)."),
            "{text}"
        );
        let (_, text) = step(6, &s, &o, Some(&top), Lang::En, Unit::One).expect("step 6");
        assert!(
            text.contains(
                "most is the success rate of Familjestöd: from -10,000\u{a0}SEK (30%) to 110,000\u{a0}SEK (70%)."
            ),
            "{text}"
        );
        // Until the analysis has delivered it, nothing is named.
        let (_, text) = step(6, &s, &o, None, Lang::Sv, Unit::One).expect("step 6");
        assert!(!text.contains("mest är"), "{text}");
    }

    pub(crate) const HAND_WORKED: &str = r#"{"schema_version": 1, "name": "Handräknat", "currency": "SEK", "start_year": 2027,
      "horizon_years": 6, "discount_rate": "0",
      "actors": [{"id": "social", "name": "Socialförvaltningen", "inside": true}, {"id": "state", "name": "Staten", "inside": false}],
      "fund": {"financed_by": "social", "accounting": "appropriation", "initial_capital": "0", "allocations": ["100000"]},
      "interventions": [{"id": "home", "name": "Familjestöd", "owner": "social", "start": 0, "years": 1,
        "annual_cost": "100000", "fund_share": "1", "participants_per_year": "10", "success_rate": "0.5",
        "deadweight": "0", "lag_years": 0, "benefit_years": 5, "drop_off": "0",
        "avoided_costs": [{"actor": "social", "per_year": "6000"}, {"actor": "state", "per_year": "3000"}],
        "repayment": {"kind": "none"}, "uncertainty": {"success_rate": {"low": "0.3", "high": "0.7"}}}]}"#;
}
