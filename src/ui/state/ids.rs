//! The ids of actors and interventions: when a new one is refused, fresh ones
//! for added or copied items, and the references that follow a renamed actor.

use crate::model::Scenario;

/// Why `new` cannot be the id of item `index` among `ids` (actors' or
/// interventions'): empty, or held by another item (its index). Surrounding
/// spaces are not part of an id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdProblem {
    Empty,
    TakenBy(usize),
}

/// The check behind [`ActorsEdit::IdChanged`](super::ActorsEdit::IdChanged) and
/// [`InterventionsEdit::IdChanged`](super::InterventionsEdit::IdChanged); the id
/// field shows it at the field.
pub fn id_problem(ids: &[&str], index: usize, new: &str) -> Option<IdProblem> {
    let new = new.trim();
    if new.is_empty() {
        return Some(IdProblem::Empty);
    }
    ids.iter().enumerate().find(|(i, id)| *i != index && **id == new).map(|(i, _)| IdProblem::TakenBy(i))
}

/// `base`, or `base-2`, `base-3`, … : the first not among `taken`.
pub(super) fn fresh_id<'a>(taken: impl Iterator<Item = &'a str> + Clone, base: &str) -> String {
    let base = base.trim_end_matches(|c: char| c.is_ascii_digit() || c == '-');
    let base = if base.is_empty() { "id" } else { base };
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !taken.clone().any(|t| t == candidate))
        .unwrap_or_else(|| base.to_string())
}

/// Points every reference to actor `old` at `new`: the fund's financer,
/// intervention owners and avoided-cost rows.
pub(super) fn rename_actor_references(s: &mut Scenario, old: &str, new: &str) {
    if s.fund.financed_by == old {
        s.fund.financed_by = new.to_string();
    }
    for iv in &mut s.interventions {
        if iv.owner == old {
            iv.owner = new.to_string();
        }
        for row in iv.avoided_costs.iter_mut().filter(|r| r.actor == old) {
            row.actor = new.to_string();
        }
    }
    for c in &mut s.outcome_contracts {
        if c.payer == old {
            c.payer = new.to_string();
        }
        for p in c.co_payers.iter_mut().filter(|p| p.actor == old) {
            p.actor = new.to_string();
        }
    }
}
