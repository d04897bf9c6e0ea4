//! Prepared, illustrative scenarios built from the sourced facts in
//! `shared/spec/domain.md`, each with its story and its sources.
//!
//! Each scenario is a JSON file next to this module, in the contract's
//! scenario format (decimals as strings), compiled in with `include_str!`.
//! A file that does not parse is a programming error: [`all`] leaves such a
//! preset out instead of panicking, and the tests (here and in
//! `tests/presets.rs`) assert that every file parses, validates and simulates.
//!
//! # Shared derivations
//!
//! Used by several presets below (all amounts in SEK, fixed prices):
//!
//! - **HVB day**: municipal residential care for children costs 1 100–8 400 kr
//!   per day; the presets use the midpoint, (1 100 + 8 400) / 2 = **4 750 kr**.
//! - **SiS day**: a place at a SiS youth home cost over 13 000 kr per day in
//!   2023 (Riksrevisionen 2024); the municipality paid a fee of **5 400 kr**
//!   per day for a locked unit (2020), so the state bears about
//!   13 000 − 5 400 = **7 600 kr** per day.
//! - **A year of exclusion**: lifelong exclusion from age 20 to retirement costs
//!   10–15 MSEK per person (Nilsson & Wadeskog); the midpoint over 45 working
//!   years is 12 500 000 / 45 ≈ **277 800 kr** a year. How that splits between
//!   payers is NOT in the sources: the presets *assume* healthcare bears 15 %
//!   (≈ 42 000 kr), and the state 20 % for young people (≈ 55 500 kr, about
//!   half their benefit years fall in working age) or 40 % for adults of
//!   working age (≈ 111 000 kr: taxes, Arbetsförmedlingen, Försäkringskassan).
//!   The stories say that this split is an assumption.
//! - **Discount rate** 3.5 % (UK Green Book), start year 2026, currency SEK.
//! - **Deadweight** 20–30 % and **drop-off** 10–20 % a year, the SROI practice
//!   of Social Value UK, with modest success rates; each intervention has
//!   Monte Carlo ranges on at least its success rate and avoided costs.

use crate::model::Scenario;

/// A text in both of the app's languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    pub sv: &'static str,
    pub en: &'static str,
}

/// A prepared scenario (its story and sources: [`about`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Preset {
    /// Stable key, used in URLs (`#preset=gotland`).
    pub id: &'static str,
    /// Short title for menus.
    pub title: Text,
    /// The scenario itself.
    pub scenario: Scenario,
}

/// A preset before its scenario is parsed.
struct Definition {
    id: &'static str,
    title: Text,
    json: &'static str,
}

impl Definition {
    fn load(&self) -> Option<Preset> {
        let scenario = Scenario::from_json(self.json).ok()?;
        Some(Preset { id: self.id, title: self.title, scenario })
    }
}

// Source names, shared by the presets (only sources named in domain.md).
const ESO: &str = "ESO 2020:1, Med framtiden för sig (fonders storlek: 1–300 mnkr, median 5 mnkr; regioner 10–30 mnkr)";
const GOTLAND_MOTION: &str = "Region Gotland, svar på motion om sociala investeringar 2024";
const SKANE: &str = "Region Skåne: sökande medfinansierar minst 30 %";
const NORRKOPING: &str =
    "Norrköpings kommun: 100 % av realiserade besparingar förs tillbaka; resultatkontrakt med avkastning högst 20 %";
const BOTKYRKA: &str = "Botkyrka och Örnsköldsvik: interna resultatkontrakt om korttidssjukfrånvaro (dag 1–14)";
const HVB: &str = "Kommunernas kostnad för HVB för barn: 1 100–8 400 kr per dygn";
const SIS: &str = "Riksrevisionen 2024 (SiS: över 13 000 kr per dygn 2023); kommunens avgift till SiS 2020: 3 528 kr (öppen) och 5 400 kr (låst) per dygn";
const BISTAND: &str = "Ekonomiskt bistånd 2024: 75 045 kr per hushåll och år i riket, 63 234 kr på Gotland";
const NILSSON_WADESKOG: &str =
    "Nilsson & Wadeskog, socioekonomiska kalkyler (livslångt utanförskap 10–15 mnkr per person)";
const NORRKOPING_CONTRACT: &str = "Norrköpings kommun: Sveriges första utfallskontrakt (barn i risk för placering; extern investerare högst 10 mnkr, avkastning högst 20 %, 60 barn, betalning endast vid resultat; uppföljning med SKR)";
const GREEN_BOOK: &str = "UK Green Book (diskonteringsränta 3,5 %)";
const SOCIAL_VALUE_UK: &str = "Social Value UK (dödvikt, avklingning)";

/// Where each source can be read: the publisher's page (only the presets' own
/// sources are links; a scenario or a link carries no source and so no URL).
/// Sources without a known address stay plain text.
const SOURCE_LINKS: &[(&str, &str)] = &[
    (ESO, "https://eso.expertgrupp.se/"),
    (GOTLAND_MOTION, "https://www.gotland.se/"),
    (SKANE, "https://www.skane.se/"),
    (NORRKOPING, "https://www.norrkoping.se/"),
    (BOTKYRKA, "https://www.botkyrka.se/"),
    (SIS, "https://www.riksrevisionen.se/"),
    (BISTAND, "https://www.socialstyrelsen.se/"),
    (
        GREEN_BOOK,
        "https://www.gov.uk/government/publications/the-green-book-appraisal-and-evaluation-in-central-governent",
    ),
    (SOCIAL_VALUE_UK, "https://socialvalueuk.org/"),
];

/// The address of a preset's source, when it has one: always `https:`, never
/// anything with a quote, a space or an angle bracket (checked here, not trusted).
pub fn source_link(source: &str) -> Option<&'static str> {
    let (_, url) = SOURCE_LINKS.iter().find(|(s, _)| *s == source)?;
    https_only(url)
}

/// `url` if it is a plain `https:` address, else nothing.
pub fn https_only(url: &str) -> Option<&str> {
    let plain = url.len() > 8 && !url.chars().any(|c| c.is_whitespace() || c.is_control() || "\"'<>`\\".contains(c));
    (url.starts_with("https://") && plain).then_some(url)
}

const DEFINITIONS: &[Definition] = &[
    // gotland.json — opens the app: the wrong pocket, inside one organisation.
    //
    // - Fund: Regionstyrelsen appropriates 10 MSEK a year in 2026 and 2027 =
    //   20 MSEK, within the 10–30 MSEK of the regions' funds (ESO 2020:1);
    //   Gotland has no fund today (its 2024 answer to a motion), so it is hypothetical.
    // - Every intervention is owned by Utbildnings- och arbetslivsförvaltningen,
    //   with fund_share 0.7: the school co-finances 30 %, as Region Skåne asks.
    //   The school saves nothing; the savings land in social services,
    //   healthcare and the state: the owner pays, others gain.
    // - Repayment default: savings share 0.5, capped at 1× the grant.
    // - Skolnärvaroteam: 4 MSEK a year for 50 pupils (80 000 kr each, an
    //   assumption), success 0.2, deadweight 0.25, lag 2, 8 benefit years,
    //   drop-off 0.15. Avoided per success and year:
    //   social services 25 HVB days × 4 750 = 118 750 + 5 SiS days × 5 400 =
    //   27 000 → 145 750 kr; healthcare 15 % of a year of exclusion ≈ 42 000 kr;
    //   the state 5 SiS days × 7 600 = 38 000 + 20 % of a year of exclusion
    //   ≈ 55 500 → 93 500 kr.
    // - Läs- och språkutveckling: 3 MSEK a year for 80 children (37 500 kr
    //   each), success 0.15, deadweight 0.3, lag 5 (effects from about age 11),
    //   10 benefit years, drop-off 0.1. Avoided: social services 10 HVB days ×
    //   4 750 = 47 500 kr; healthcare ≈ 42 000 kr.
    // - Elevhälsa med BUP: from 2027, 3 MSEK a year for 60 pupils, success 0.2,
    //   deadweight 0.3, lag 1, 5 benefit years, drop-off 0.2. Avoided: social
    //   services 10 HVB days = 47 500 kr; healthcare (child psychiatry) 30 % of
    //   a year of exclusion ≈ 83 000 kr (assumption).
    // - Result (engine as of writing): total cost 30 MSEK, payback 2033 (longer
    //   than a term of office), org NPV ≈ +7.7 MSEK, the fund never negative
    //   (lowest ≈ 2.4 MSEK in 2028) and about 96 % of the grants repaid.
    Definition {
        id: "gotland",
        title: Text {
            sv: "Region Gotland: en tänkt social investeringsfond",
            en: "Region Gotland: a hypothetical social investment fund",
        },
        json: include_str!("gotland.json"),
    },
    // placements.json — preventing out-of-home placements, Norrköping-style repayment.
    //
    // - Fund: Kommunstyrelsen appropriates 10 MSEK in 2026 (between the median
    //   fund of 5 MSEK and Norrköping's 40 MSEK, ESO 2020:1).
    // - Repayment default: savings share 1, cap 1 — as in Norrköping, 100 % of
    //   the realised savings go back to the fund until the grant is repaid.
    // - Intensivt familjestöd, owned by Socialförvaltningen: 3 MSEK a year for
    //   30 families (100 000 kr each, an assumption), success 0.25 (placement
    //   avoided), deadweight 0.3, no lag, 3 benefit years, drop-off 0.2.
    //   Avoided per success and year: social services 90 HVB days × 4 750 =
    //   427 500 + 20 SiS days × 5 400 (locked-unit fee) = 108 000 → 535 500 kr;
    //   the state (SiS) 20 days × 7 600 = 152 000 kr.
    // - Föräldraskapsstöd, from 2029, paid from the repayments of the first:
    //   1.5 MSEK a year for 60 families, success 0.1, deadweight 0.3, lag 1,
    //   3 benefit years, drop-off 0.2. Avoided: social services 30 HVB days ×
    //   4 750 = 142 500 + 5 SiS days × 5 400 = 27 000 → 169 500 kr; the state
    //   5 × 7 600 = 38 000 kr.
    // - Result: total cost 13.5 MSEK, payback 2027, org NPV ≈ +11.0 MSEK, the
    //   fund never negative and fully revolved (revolving ratio 1).
    Definition {
        id: "placements",
        title: Text { sv: "Färre placeringar av barn och unga", en: "Fewer out-of-home placements" },
        json: include_str!("placements.json"),
    },
    // jobs.json — a job track; social assistance is a transfer.
    //
    // - Fund: Kommunstyrelsen appropriates 3 MSEK a year for 3 years = 9 MSEK.
    // - Jobbspår, owned by Arbetsmarknadsförvaltningen: 3 MSEK a year for 40
    //   households on social assistance (75 000 kr each, an assumption),
    //   success 0.35 (leaves assistance for work), deadweight 0.3, lag 1,
    //   8 benefit years, drop-off 0.15.
    //   Avoided per success and year: Socialförvaltningen 75 045 kr (social
    //   assistance per household and year 2024, national; 63 234 kr on
    //   Gotland); Hushållen −75 045 kr, the same transfer seen from the
    //   household that no longer gets it (their wages are not modelled), so
    //   society's result excludes the transfer; the state 40 % of a year of
    //   exclusion ≈ 111 000 kr (an assumption: taxes, Arbetsförmedlingen).
    // - Repayment default: fixed, share 1 over 5 years from the year after the
    //   track ends: Arbetsmarknadsförvaltningen pays 1.8 MSEK a year 2029–2033,
    //   while the savings land in Socialförvaltningen.
    // - Result: total cost 9 MSEK, payback 2033, org NPV ≈ +0.4 MSEK, society
    //   NPV ≈ +4.8 MSEK, the fund never negative and fully repaid.
    Definition {
        id: "jobs",
        title: Text { sv: "Jobbspår från ekonomiskt bistånd", en: "A job track off social assistance" },
        json: include_str!("jobs.json"),
    },
    // sickleave.json — an internal outcome contract on short-term sick leave.
    //
    // - Fund: 5 MSEK of earmarked equity (the median fund size, ESO 2020:1),
    //   financed by Kommunstyrelsen, whose HR unit owns both interventions.
    //   Under earmarked equity the grants are a cost when spent and the
    //   repayments come back as income.
    // - Repayment default: savings share 1, cap 1.2 — the departments pay their
    //   savings back until the grant plus a 20 % return is repaid (cf.
    //   Norrköping's outcome contract with a return capped at 20 %).
    // - ASSUMPTION (not in the sources): a short-term sick day (days 1–14)
    //   costs the department 2 500 kr in sick pay and substitute; a success is
    //   an employee with 2 fewer such days a year → 5 000 kr per success and year.
    // - Vård och omsorg: 1.2 MSEK a year in 2026–2027 for 600 employees a year
    //   (2 000 kr each), success 0.3, deadweight 0.25, no lag, 4 benefit years,
    //   drop-off 0.2.
    // - Förskola och skola: 1 MSEK a year in 2027–2028 for 500 employees a
    //   year, success 0.25, deadweight 0.25, no lag, 4 benefit years, drop-off 0.2.
    // - Result: total cost 4.4 MSEK, payback 2029, org NPV ≈ +2.0 MSEK, the fund
    //   never negative, revolving ratio 1.2 (HR gets 0.88 MSEK back net).
    Definition {
        id: "sickleave",
        title: Text {
            sv: "Lägre korttidssjukfrånvaro: internt resultatkontrakt",
            en: "Less short-term sick leave: an internal outcome contract",
        },
        json: include_str!("sickleave.json"),
    },
    // contract.json — fund or outcome contract? Norrköping's terms, Gotland's situation.
    //
    // - Norrköping's contract (domain.md): an external investor put in at most
    //   10 MSEK for 60 children at risk of placement, paid only on results,
    //   return at most 20 %. Here: 3 years × 20 children, 3.3 MSEK a year =
    //   9.9 MSEK (≤ 10 MSEK); cap 12 MSEK = 10 MSEK × 1.2 (the 20 %).
    // - Region Gotland (its 2024 answer): no fund, administrations that already
    //   work together. The alternative is a hypothetical fund of 10 MSEK of
    //   earmarked equity (cost when spent), repaid as in Norrköping (savings
    //   share 1, cap 1) — what the fund variant uses once the contract is out.
    // - The intervention: success 0.35 (placement avoided), deadweight 0.3, no
    //   lag, 3 benefit years, drop-off 0.2; avoided per success and year as in
    //   placements.json: social services 535 500 kr, the state 152 000 kr.
    // - Price 550 000 kr per outcome (ASSUMPTION): above the delivery cost per
    //   expected outcome, 9 900 000 / 21 ≈ 471 000 kr, below the payer's value,
    //   535 500 × (1 + 0.8 + 0.64) × 0.7 ≈ 915 000 kr. Paid 2 years after the
    //   cohort's year (the first follow-up came after 2 years).
    // - Result (derived in tests/presets.rs): 21 outcomes, 3 850 000 kr a year
    //   in 2028–2030 (11.55 MSEK, under the cap); the investor nets 1.65 MSEK
    //   (multiple 1.1667, IRR ≈ 8.0 %); premium ≈ 0.85 MSEK; the region never
    //   has a negative cumulative result, org NPV ≈ 7.6 MSEK against ≈ 8.5 MSEK
    //   through the fund.
    Definition {
        id: "contract",
        title: Text { sv: "Utfallskontrakt eller fond (illustrativt)", en: "Outcome contract or fund (illustrative)" },
        json: include_str!("contract.json"),
    },
];

thread_local! {
    /// The presets, each parsed once: the app asks for one on every edit
    /// (the title, the page's link), and parsing its JSON each time cost
    /// about a millisecond of every keystroke.
    static LOADED: std::cell::OnceCell<Vec<Preset>> = const { std::cell::OnceCell::new() };
}

fn with_loaded<T>(f: impl FnOnce(&[Preset]) -> T) -> T {
    LOADED.with(|loaded| f(loaded.get_or_init(|| DEFINITIONS.iter().filter_map(Definition::load).collect())))
}

/// The story a trainer tells about a preset, and where its figures come
/// from. Read only by the on-demand module (`presetAbout`) and the tests:
/// none of this text is in the first download (about 4 KiB gzip).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct About {
    /// A few sentences: the situation, the question, and that the figures are illustrative.
    pub story: Text,
    /// Where the figures come from (one entry per source).
    pub sources: &'static [&'static str],
}

/// The story and sources of the preset `id`.
pub fn about(id: &str) -> Option<&'static About> {
    ABOUT.iter().find(|(key, _)| *key == id).map(|(_, about)| about)
}

const ABOUT: &[(&str, About)] = &[
    (
        "gotland",
        About {
            story: Text {
                sv: "Region Gotland är både kommun och region, och förvaltningarna för utbildning, socialtjänst och hälso- och sjukvård samarbetar redan, men regionen har ingen social investeringsfond. Här prövas en tänkt fond: Regionstyrelsen avsätter 10 miljoner kronor om året i två år, och Utbildnings- och arbetslivsförvaltningen driver tre tidiga insatser och betalar 30 procent själv. Se hur skolan bär kostnaden medan Socialförvaltningen, Hälso- och sjukvårdsförvaltningen och staten får besparingarna, hur hälften av besparingen förs tillbaka till fonden, och att det tar längre än en mandatperiod innan regionen som helhet har fått tillbaka det den satsat. Alla siffror är illustrativa, och hur kostnaden för utanförskap fördelas mellan vården och staten är ett antagande.",
                en: "Region Gotland is both a municipality and a region, and its administrations for education, social services and healthcare already work together, but it has no social investment fund. This preset tries a hypothetical one: the regional executive board puts in 10 MSEK a year for two years, and the education administration runs three early interventions, paying 30 % itself. Look at how the school bears the cost while social services, healthcare and the state get the savings, how half of the savings flow back to the fund, and how it takes longer than one term of office before the region as a whole has its money back. All figures are illustrative, and how the cost of exclusion splits between healthcare and the state is an assumption.",
            },
            sources: &[GOTLAND_MOTION, ESO, SKANE, HVB, SIS, NILSSON_WADESKOG, GREEN_BOOK, SOCIAL_VALUE_UK],
        },
    ),
    (
        "placements",
        About {
            story: Text {
                sv: "En placering på HVB kostar kommunen 1 100–8 400 kronor per dygn, och en plats på ett av SiS särskilda ungdomshem kostar över 13 000 kronor per dygn, där kommunen betalar en avgift och staten resten. Socialförvaltningen prövar intensivt familjestöd i hemmet och därefter föräldraskapsstöd, betalt ur en fond på 10 miljoner kronor. Som i Norrköping förs hela den realiserade besparingen tillbaka till fonden tills bidraget är återbetalt: se hur fonden fylls på igen och räcker till nästa insats, och hur staten får en del av vinsten utan att betala något. Siffrorna är illustrativa.",
                en: "An out-of-home placement in residential care (HVB) costs the municipality 1,100–8,400 kronor a day, and a place at a SiS youth home over 13,000 kronor a day, of which the municipality pays a fee and the state the rest. Social services try intensive family support at home and then parenting support, paid from a fund of 10 MSEK. As in Norrköping, all realised savings go back to the fund until the grant is repaid: look at how the fund refills and pays for the next intervention, and how the state gets part of the gain without paying anything. The figures are illustrative.",
            },
            sources: &[SIS, HVB, NORRKOPING, ESO, GREEN_BOOK, SOCIAL_VALUE_UK],
        },
    ),
    (
        "jobs",
        About {
            story: Text {
                sv: "Ekonomiskt bistånd kostade 2024 i genomsnitt 75 045 kronor per hushåll och år (63 234 kronor på Gotland). Arbetsmarknadsförvaltningen driver ett jobbspår som fonden betalar och betalar själv tillbaka hela bidraget på fem år, medan det är Socialförvaltningen som sparar biståndet: pröva att byta till återföring av en andel av besparingen. Se att hushållen har en lika stor negativ post, eftersom biståndet för samhället är en transferering, så att samhällets resultat bara räknar statens vinst (ett antagande om skatter och lägre kostnader) och inte biståndet; hushållens lön ingår inte. Siffrorna är illustrativa.",
                en: "Social assistance cost 75,045 kronor per household and year on average in 2024 (63,234 kronor on Gotland). The labour-market administration runs a job track paid by the fund and repays the whole grant itself over five years, while it is social services that save the assistance: try switching to a repayment of a share of the savings. Notice that the households have an equally large negative entry, because for society the assistance is a transfer, so society's result counts only the state's gain (an assumption about taxes and lower costs) and not the assistance; the households' wages are not included. The figures are illustrative.",
            },
            sources: &[BISTAND, NILSSON_WADESKOG, ESO, GREEN_BOOK, SOCIAL_VALUE_UK],
        },
    ),
    (
        "sickleave",
        About {
            story: Text {
                sv: "Botkyrka och Örnsköldsvik har använt interna resultatkontrakt för att minska korttidssjukfrånvaron (dag 1–14) bland de egna anställda. Här driver kommunstyrelsens HR-avdelning hälsofrämjande arbete i vård och omsorg och i förskola och skola, betalt ur 5 miljoner kronor i öronmärkt eget kapital. Förvaltningarna betalar tillbaka sin besparing tills bidraget plus 20 procent är återbetalt, likt Norrköpings tak på 20 procents avkastning: se hur fondens kostnad bokförs när pengarna används och hur återbetalningen kommer tillbaka som intäkt. Att en sjukdag kostar förvaltningen 2 500 kronor i sjuklön och vikarie är ett antagande, inte en källa, och alla siffror är illustrativa.",
                en: "Botkyrka and Örnsköldsvik have used internal outcome contracts to cut short-term sick leave (days 1–14) among their own staff. Here the executive board's HR unit runs health-promoting work in elderly care and in preschools and schools, paid from 5 MSEK of earmarked equity. The departments repay their savings until the grant plus 20 % is repaid, like Norrköping's cap of a 20 % return: look at how the fund's cost is booked when the money is spent and how the repayments come back as income. That a sick day costs a department 2,500 kronor in sick pay and substitutes is an assumption, not a source, and all figures are illustrative.",
            },
            sources: &[BOTKYRKA, NORRKOPING, ESO, GREEN_BOOK, SOCIAL_VALUE_UK],
        },
    ),
    (
        "contract",
        About {
            story: Text {
                sv: "Norrköping gjorde Sveriges första utfallskontrakt: en extern investerare satsade högst 10 miljoner kronor på stöd till familjer med 60 barn i risk för placering, fick betalt bara om målen nåddes och kunde tjäna högst 20 procent. Region Gotland har ingen social investeringsfond men förvaltningar som redan samarbetar, så frågan är om regionen ska betala insatsen själv ur öronmärkt eget kapital eller köpa resultat genom ett kontrakt. Här betalar investeraren 3,3 miljoner kronor om året i tre år, och Socialförvaltningen betalar 550 000 kronor per barn som inte placeras, två år senare och högst 12 miljoner kronor. Jämför kontraktet med samma insats genom fonden: vad kostar det att betala för utfall, vem bär risken om det inte fungerar, och vad får investeraren? Alla siffror är illustrativa, och priset per utfall är ett antagande.",
                en: "Norrköping made Sweden's first outcome contract: an external investor put at most 10 MSEK into support for the families of 60 children at risk of placement, was paid only if the targets were met, and could earn at most 20 %. Region Gotland has no social investment fund but administrations that already work together, so the question is whether the region should pay for the work itself from earmarked equity or buy results through a contract. Here the investor pays 3.3 MSEK a year for three years, and social services pay 550,000 kronor for each child not placed, two years later and at most 12 MSEK. Compare the contract with the same intervention through the fund: what does paying for outcomes cost, who bears the risk if it does not work, and what does the investor get? All figures are illustrative, and the price per outcome is an assumption.",
            },
            sources: &[NORRKOPING_CONTRACT, GOTLAND_MOTION, SIS, HVB, GREEN_BOOK, SOCIAL_VALUE_UK],
        },
    ),
];

/// Every preset, the app's opening scenario first.
pub fn all() -> Vec<Preset> {
    with_loaded(<[Preset]>::to_vec)
}

/// The preset with this id.
pub fn by_id(id: &str) -> Option<Preset> {
    with_loaded(|presets| presets.iter().find(|p| p.id == id).cloned())
}

/// The contract's example scenario (`shared/spec/model.md`, also
/// `tests/data/example.json`): what the app shows when no preset can be
/// opened, and the fixture of many tests. It always reads; `None` only if
/// the file were broken, which `tests::the_example_reads` rules out.
pub fn example() -> Option<Scenario> {
    Scenario::from_json(include_str!("../../tests/data/example.json")).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{simulate, validate::validate};

    #[test]
    fn sources_link_only_to_https_and_only_their_own() {
        for p in all() {
            for s in about(p.id).map_or(&[][..], |a| a.sources) {
                if let Some(url) = source_link(s) {
                    assert!(url.starts_with("https://"), "{url}");
                }
            }
        }
        assert_eq!(source_link(GREEN_BOOK).map(|u| &u[..22]), Some("https://www.gov.uk/gov"));
        // A text that is not one of the presets' sources has no address, whatever it says.
        assert_eq!(source_link("https://example.org/"), None);
        for hostile in [
            "javascript:alert(1)",
            "http://x.se/",
            "https://x.se/\"onmouseover=\"x",
            "https://x.se/ a",
            "https://",
            "//x.se",
        ] {
            assert_eq!(https_only(hostile), None, "{hostile}");
        }
        assert_eq!(https_only("https://x.se/a?b=c"), Some("https://x.se/a?b=c"));
    }

    #[test]
    fn the_example_reads() {
        let example = example().expect("tests/data/example.json reads");
        assert!(validate(&example).is_ok() && simulate(&example).is_ok());
        assert_eq!(example.interventions[0].id, "early-reading");
    }

    #[test]
    fn every_preset_file_parses_validates_and_simulates() {
        for definition in DEFINITIONS {
            let scenario = Scenario::from_json(definition.json)
                .unwrap_or_else(|e| panic!("preset {} does not parse: {e}", definition.id));
            validate(&scenario).unwrap_or_else(|e| panic!("preset {} is invalid: {e}", definition.id));
            simulate(&scenario).unwrap_or_else(|e| panic!("preset {} does not simulate: {e}", definition.id));
        }
        assert_eq!(all().len(), DEFINITIONS.len(), "all() must not skip any preset");
    }

    #[test]
    fn gotland_opens_and_by_id_finds_each_preset() {
        assert_eq!(all()[0].id, "gotland");
        for preset in all() {
            assert_eq!(by_id(preset.id), Some(preset.clone()));
        }
        assert_eq!(by_id("no-such-preset"), None);
    }
}
