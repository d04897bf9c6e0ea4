//! Which figure an explanation is of, and its key in the page: a table
//! cell's `data-explain="<figure>:<year>:<who>"` (year as a calendar year,
//! `who` an actor's or intervention's id, either empty when it does not
//! apply), read back defensively: an unknown key is `None`, never an error.

use crate::model::{Outcome, Scenario};

/// A field of the fund's year table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FundField {
    Open,
    Allocation,
    Grants,
    Repayments,
    Close,
}

/// A field of an actor's year table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorField {
    Savings,
    CoFinancing,
    Repayment,
    FundCost,
    GrantsReceived,
    Net,
    /// Under outcome contracts (issue 15).
    OutcomePayments,
}

/// An actor's total over the horizon (the who-pays and flow charts' figures).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TotalField {
    /// `cost_borne`: co-financing + repayment + fund cost (+ outcome payments).
    Cost,
    SavingsTotal,
    NetTotal,
}

/// A field of the interventions' table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InterventionField {
    GrantsTotal,
    RepaidTotal,
    Outstanding,
}

/// A figure the app shows. Indices are into the scenario's (and the
/// outcome's) lists; `year` is a year index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    TotalCost,
    SavingsInside,
    SavingsOutside,
    OrgNpv,
    SocietyNpv,
    PaybackYear,
    RevolvingRatio,
    ActorNpv {
        actor: usize,
    },
    Fund {
        field: FundField,
        year: usize,
    },
    OrgNet {
        year: usize,
    },
    SocietyNet {
        year: usize,
    },
    Actor {
        actor: usize,
        field: ActorField,
        year: usize,
    },
    ActorTotal {
        actor: usize,
        field: TotalField,
    },
    /// What the fund kept over the horizon (the flow chart's fund node): the
    /// fund costs + repayments − grants; `drawn` the opposite, when it is negative.
    FundKept {
        drawn: bool,
    },
    Intervention {
        index: usize,
        field: InterventionField,
    },
}

const FUND: [(FundField, &str); 5] = [
    (FundField::Open, "open"),
    (FundField::Allocation, "allocation"),
    (FundField::Grants, "grants"),
    (FundField::Repayments, "repayments"),
    (FundField::Close, "close"),
];
const ACTOR: [(ActorField, &str); 7] = [
    (ActorField::Savings, "savings"),
    (ActorField::CoFinancing, "co_financing"),
    (ActorField::Repayment, "repayment"),
    (ActorField::FundCost, "fund_cost"),
    (ActorField::GrantsReceived, "grants_received"),
    (ActorField::Net, "net"),
    (ActorField::OutcomePayments, "outcome_payments"),
];
const TOTAL: [(TotalField, &str); 3] = [
    (TotalField::Cost, "cost_borne"),
    (TotalField::SavingsTotal, "savings_total"),
    (TotalField::NetTotal, "net_total"),
];
const INTERVENTION: [(InterventionField, &str); 3] = [
    (InterventionField::GrantsTotal, "grants_total"),
    (InterventionField::RepaidTotal, "repaid_total"),
    (InterventionField::Outstanding, "outstanding"),
];
const KEY: [(Figure, &str); 9] = [
    (Figure::FundKept { drawn: false }, "fund_kept"),
    (Figure::FundKept { drawn: true }, "fund_drawn"),
    (Figure::TotalCost, "total_cost"),
    (Figure::SavingsInside, "savings_inside"),
    (Figure::SavingsOutside, "savings_outside"),
    (Figure::OrgNpv, "org_npv"),
    (Figure::SocietyNpv, "society_npv"),
    (Figure::PaybackYear, "payback_year"),
    (Figure::RevolvingRatio, "revolving_ratio"),
];

/// The longest key read: a key is three short parts and an id (ids are
/// at most 100 characters by the scenario's rules, with room to spare).
const MAX_KEY: usize = 200;

impl Figure {
    /// The key of this figure in scenario `s`: `field:year:id`.
    pub fn key(self, s: &Scenario) -> String {
        let year = |y: usize| (s.start_year + y as i32).to_string();
        match self {
            Figure::ActorNpv { actor } => {
                format!("npv::{}", s.actors.get(actor).map_or("", |a| a.id.as_str()))
            }
            Figure::Fund { field, year: y } => {
                format!("{}:{}:", FUND.iter().find(|(f, _)| *f == field).map_or("", |(_, n)| n), year(y))
            }
            Figure::OrgNet { year: y } => format!("org_net:{}:", year(y)),
            Figure::SocietyNet { year: y } => format!("society_net:{}:", year(y)),
            Figure::Actor { actor, field, year: y } => format!(
                "{}:{}:{}",
                ACTOR.iter().find(|(f, _)| *f == field).map_or("", |(_, n)| n),
                year(y),
                s.actors.get(actor).map_or("", |a| a.id.as_str())
            ),
            Figure::ActorTotal { actor, field } => format!(
                "{}::{}",
                TOTAL.iter().find(|(f, _)| *f == field).map_or("", |(_, n)| n),
                s.actors.get(actor).map_or("", |a| a.id.as_str())
            ),
            Figure::Intervention { index, field } => format!(
                "{}::{}",
                INTERVENTION.iter().find(|(f, _)| *f == field).map_or("", |(_, n)| n),
                s.interventions.get(index).map_or("", |i| i.id.as_str())
            ),
            key => format!("{}::", KEY.iter().find(|(f, _)| *f == key).map_or("", |(_, n)| n)),
        }
    }

    /// The figure a key names in scenario `s` and its outcome `o`, or `None`
    /// for anything else (a figure, year or id this outcome does not have).
    pub fn parse(key: &str, s: &Scenario, o: &Outcome) -> Option<Figure> {
        if key.len() > MAX_KEY {
            return None;
        }
        let mut parts = key.splitn(3, ':');
        let (name, year, who) = (parts.next()?, parts.next()?, parts.next()?);
        let year = if year.is_empty() {
            None
        } else {
            let calendar: i32 = year.parse().ok()?;
            Some(o.years.iter().position(|y| *y == calendar)?)
        };
        let actor = || s.actors.iter().position(|a| a.id == who).filter(|a| *a < o.actors.len());
        if let Some((figure, _)) = KEY.iter().find(|(_, n)| *n == name) {
            return (year.is_none() && who.is_empty()).then_some(*figure);
        }
        if name == "npv" {
            return Some(Figure::ActorNpv { actor: actor()? }).filter(|_| year.is_none());
        }
        if let Some((field, _)) = FUND.iter().find(|(_, n)| *n == name) {
            return who.is_empty().then_some(Figure::Fund { field: *field, year: year? });
        }
        if name == "org_net" && who.is_empty() {
            return Some(Figure::OrgNet { year: year? });
        }
        if name == "society_net" && who.is_empty() {
            return Some(Figure::SocietyNet { year: year? });
        }
        if let Some((field, _)) = ACTOR.iter().find(|(_, n)| *n == name) {
            return Some(Figure::Actor { actor: actor()?, field: *field, year: year? });
        }
        if let Some((field, _)) = TOTAL.iter().find(|(_, n)| *n == name) {
            return Some(Figure::ActorTotal { actor: actor()?, field: *field }).filter(|_| year.is_none());
        }
        if let Some((field, _)) = INTERVENTION.iter().find(|(_, n)| *n == name) {
            let index = s.interventions.iter().position(|i| i.id == who).filter(|i| *i < o.interventions.len())?;
            return year.is_none().then_some(Figure::Intervention { index, field: *field });
        }
        None
    }

    /// Every figure of an outcome with `actors` actors, `interventions`
    /// interventions and `years` years: what the tests explain.
    pub fn every(actors: usize, interventions: usize, years: usize) -> Vec<Figure> {
        let mut all: Vec<Figure> = KEY.iter().map(|(f, _)| *f).collect();
        for actor in 0..actors {
            all.push(Figure::ActorNpv { actor });
            all.extend(TOTAL.iter().map(|(field, _)| Figure::ActorTotal { actor, field: *field }));
            for year in 0..years {
                all.extend(ACTOR.iter().map(|(field, _)| Figure::Actor { actor, field: *field, year }));
            }
        }
        for year in 0..years {
            all.extend(FUND.iter().map(|(field, _)| Figure::Fund { field: *field, year }));
            all.push(Figure::OrgNet { year });
            all.push(Figure::SocietyNet { year });
        }
        for index in 0..interventions {
            all.extend(INTERVENTION.iter().map(|(field, _)| Figure::Intervention { index, field: *field }));
        }
        all
    }
}
