//! The guided tour for trainers: a few steps through a preset, each a title
//! and a text in Swedish and English (written by the on-demand module; the
//! app keeps only the step counter and its buttons).

use super::Lang;

/// `((title, text) in Swedish, (title, text) in English)` of each step.
const STEPS: [((&str, &str), (&str, &str)); 6] = [
    (
        ("Vad fonden är", "En social investeringsfond är pengar som kommunen avsätter för tidiga, förebyggande insatser. Diagrammet \"Fonden år för år\" visar vad som sätts av, vad som betalas ut och vad som kommer tillbaka."),
        ("What the fund is", "A social investment fund is money the municipality sets aside for early, preventive interventions. The chart \"The fund year by year\" shows what is put in, what is paid out and what comes back."),
    ),
    (
        ("Vem betalar", "Insatserna kostar pengar de första åren: se nyckeltalet för kostnaden. Fonden betalar sin andel, förvaltningen som äger insatsen resten, och den som finansierar fonden bär avsättningen."),
        ("Who pays", "The interventions cost money in the first years: see the key figure for the cost. The fund pays its share, the administration that owns the intervention the rest, and whoever finances the fund bears the allocation."),
    ),
    (
        ("Vem vinner", "Besparingarna kommer senare och ofta hos andra förvaltningar än den som betalade. Diagrammet \"Vem betalar, vem vinner\" ställer varje aktörs kostnad mot dess besparing."),
        ("Who gains", "The savings come later, and often to other administrations than the one that paid. The chart \"Who pays, who gains\" sets each actor's cost against its savings."),
    ),
    (
        ("Fel ficka", "En del av vinsten hamnar utanför organisationen, hos staten eller individen. Den syns i samhällets nuvärde men inte i organisationens: det är \"fel ficka\"-problemet."),
        ("The wrong pocket", "Part of the gain lands outside the organisation, with the state or the individual. It shows in society's present value but not in the organisation's: the \"wrong pocket\" problem."),
    ),
    (
        ("Vad återföring ändrar", "Ändra regeln för återbetalning till fonden i antagandena. Med återföring kommer pengar tillbaka till fonden, som kan betala nya insatser; nyckeltalet för andelen som kommer tillbaka ändras, organisationens resultat gör det inte."),
        ("What repayment changes", "Change the repayment rule in the assumptions. With repayment, money comes back to the fund, which can pay for new interventions; the key figure for the share that comes back changes, the organisation's result does not."),
    ),
    (
        ("Hur väl måste det fungera?", "Nollpunkten säger hur väl insatserna måste fungera för att det ska gå jämnt ut. Öppna \"Hur räknas detta?\" vid ett nyckeltal för att se räkningen med scenariots egna tal."),
        ("How well must it work?", "The break-even effect says how well the interventions must work to break even. Open \"How is this calculated?\" beside a key figure to see the calculation with the scenario's own numbers."),
    ),
];

/// The number of steps.
pub const STEP_COUNT: usize = STEPS.len();

/// Step `n` (from 1): its title and text, or `None` past the last.
pub fn step(n: usize, lang: Lang) -> Option<(&'static str, &'static str)> {
    let ((sv_title, sv_text), (en_title, en_text)) = STEPS.get(n.checked_sub(1)?)?;
    Some((lang.pick(sv_title, en_title), lang.pick(sv_text, en_text)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_has_a_title_and_a_text_in_both_languages() {
        for n in 1..=STEP_COUNT {
            let (sv, en) = (step(n, Lang::Sv).unwrap_or_default(), step(n, Lang::En).unwrap_or_default());
            assert!(sv.0.len() > 3 && sv.1.len() > 60 && en.0.len() > 3 && en.1.len() > 60, "step {n}");
            assert_ne!(sv, en);
        }
        assert_eq!(step(0, Lang::Sv), None);
        assert_eq!(step(STEP_COUNT + 1, Lang::En), None);
    }
}
