//! The glossary: every term the app uses, named and defined in Swedish and
//! English (written by the on-demand module; see [`crate::explain::term`]).

use crate::explain::term::Term;

use super::Lang;

/// `(name, definition)` of a term in Swedish and in English.
type Entry = ((&'static str, &'static str), (&'static str, &'static str));

fn entry(term: Term) -> Entry {
    match term {
        Term::Fund => (
            ("Social investeringsfond", "Pengar som kommunen eller regionen avsätter för att betala tidiga, förebyggande insatser. Insatsen ska minska framtida kostnader; en del av besparingen kan föras tillbaka till fonden."),
            ("Social investment fund", "Money a municipality or region sets aside to pay for early, preventive interventions. The intervention should reduce future costs; part of the saving may be paid back into the fund."),
        ),
        Term::Allocation => (
            ("Avsättning", "Pengar som förs in i fonden ett visst år, t.ex. genom ett anslag i budgeten."),
            ("Allocation", "Money put into the fund in a given year, for example as an appropriation in the budget."),
        ),
        Term::Repayment => (
            ("Återföring", "Pengar som förs tillbaka till fonden av den förvaltning som fått en insats betald: en fast summa efter insatsen eller en andel av besparingen upp till ett tak. Då kan fonden finansiera nya insatser (en revolverande fond)."),
            ("Repayment", "Money paid back into the fund by the administration whose intervention it paid for: a fixed amount after the intervention, or a share of the savings up to a cap. The fund can then pay for new interventions (a revolving fund)."),
        ),
        Term::Deadweight => (
            ("Dödvikt", "Den andel av framgångarna som skulle ha skett ändå, utan insatsen. Den räknas bort: bara resten är insatsens effekt."),
            ("Deadweight", "The share of the successes that would have happened anyway, without the intervention. It is taken away: only the rest is the intervention's effect."),
        ),
        Term::DropOff => (
            ("Avklingning", "Hur mycket effekten minskar för varje år som går: med 10 % avklingning ger året därpå 90 % av årets effekt."),
            ("Drop-off", "How much the effect declines each year: with 10 % drop-off the next year gives 90 % of this year's effect."),
        ),
        Term::PresentValue => (
            ("Nuvärde", "Alla årens belopp omräknade till vad de är värda i dag: ett belopp längre fram räknas ned med diskonteringsräntan. Ett positivt nuvärde betyder att det lönar sig."),
            ("Present value", "The amounts of all years counted as what they are worth today: a later amount is discounted at the discount rate. A positive present value means it pays."),
        ),
        Term::DiscountRate => (
            ("Diskonteringsränta", "Räntan som gör framtida pengar mindre värda än pengar i dag; med 3,5 % är 100 kr om ett år värda 96,62 kr i dag."),
            ("Discount rate", "The rate that makes future money worth less than money today; at 3.5 % 100 kr in a year is worth 96.62 kr today."),
        ),
        Term::InsideOutside => (
            ("Inom och utanför organisationen", "Förvaltningar inom kommunen eller regionen som äger fonden räknas i organisationens resultat och kan återföra pengar. Aktörer utanför (staten, Försäkringskassan, individen) får besparingar men betalar inte tillbaka: det är \"fel ficka\"."),
            ("Inside and outside the organisation", "Administrations inside the municipality or region that owns the fund count in the organisation's result and can repay. Actors outside (the state, social insurance, the individual) gain savings but do not repay: the \"wrong pocket\"."),
        ),
        Term::Accounting => (
            ("Anslag eller öronmärkt eget kapital", "Med anslag är avsättningen en kostnad det år den görs. Med öronmärkt eget kapital reserveras pengarna i det egna kapitalet; kostnaden uppstår när insatsen betalas och återföringar kommer tillbaka som intäkt."),
            ("Appropriation or earmarked equity", "With an appropriation the allocation is a cost in the year it is made. With earmarked equity the money is reserved in equity; the cost arises when the intervention is paid, and repayments come back as income."),
        ),
        Term::OutcomeContract => (
            ("Utfallskontrakt", "Ett avtal där en extern investerare förskotterar insatsens kostnad och betalaren (t.ex. kommunen) betalar ett pris per uppnått utfall, upp till ett tak. Investeraren bär risken att insatsen inte fungerar (en social impact bond)."),
            ("Outcome contract", "An agreement in which an outside investor pre-finances an intervention and the payer (e.g. the municipality) pays a price per outcome achieved, up to a cap. The investor bears the risk that it does not work (a social impact bond)."),
        ),
        Term::BreakEven => (
            ("Nollpunkt (break-even)", "Hur väl insatserna måste fungera för att det ska gå jämnt ut: den faktor på alla andelar som lyckas som ger nuvärdet noll, eller som gör att organisationen går plus ett visst år."),
            ("Break-even", "How well the interventions must work to break even: the factor on every success rate that makes the present value zero, or makes the organisation break even by a given year."),
        ),
        Term::Sensitivity => (
            ("Känslighet", "Hur mycket resultatet ändras när ett antagande sätts till sitt lägsta och sitt högsta värde, ett i taget: visar vilket antagande som betyder mest."),
            ("Sensitivity", "How much the result changes when one assumption is set to its lowest and its highest value, one at a time: shows which assumption matters most."),
        ),
        Term::Uncertainty => (
            ("Osäkerhet", "Antagandena är inte säkra. Med intervall för dem räknas scenariot om tusentals gånger med slumpade värden; resultatet visas som ett spann och som sannolikheter."),
            ("Uncertainty", "The assumptions are not certain. With ranges for them the scenario is computed thousands of times with drawn values; the result is shown as a range and as probabilities."),
        ),
    }
}

/// The term's name in `lang`.
pub fn name(term: Term, lang: Lang) -> &'static str {
    let ((sv, _), (en, _)) = entry(term);
    lang.pick(sv, en)
}

/// The term's definition in `lang`.
pub fn definition(term: Term, lang: Lang) -> &'static str {
    let ((_, sv), (_, en)) = entry(term);
    lang.pick(sv, en)
}

/// The glossary's heading and the summary of the whole list.
pub fn heading(lang: Lang) -> &'static str {
    lang.pick("Ordlista", "Glossary")
}

pub fn all_terms(lang: Lang) -> &'static str {
    lang.pick("Alla begrepp", "All terms")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_term_is_named_and_defined_in_both_languages() {
        for term in Term::ALL {
            for lang in [Lang::Sv, Lang::En] {
                assert!(name(term, lang).len() > 3, "{term:?} {lang:?}");
                assert!(definition(term, lang).len() > 40, "{term:?} {lang:?}");
            }
            assert_ne!(definition(term, Lang::Sv), definition(term, Lang::En), "{term:?} is translated");
            assert_eq!(Term::parse(term.key()), Some(term));
        }
        assert_eq!(Term::parse("term:nothing"), None);
    }
}
