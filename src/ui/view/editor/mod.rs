//! The scenario editor: one component per part of the scenario, each
//! rendering from props and sending [`Action`](crate::ui::state::Action)s.
//!
//! Every field's DOM id is made from its path in the scenario JSON
//! (`interventions[0].annual_cost` → `interventions-0-annual_cost`), which is
//! how the engine's messages find their field and how tests find the inputs
//! (`data-testid="in-<id>"`, message `data-testid="err-<id>"`).

pub mod actors;
pub mod allocations;
pub mod avoided_costs;
pub mod contract;
pub mod fund;
pub mod general;
pub mod intervention;
pub mod interventions;
pub mod repayment;
pub mod uncertainty;

use std::rc::Rc;

use crate::model::Scenario;

/// Whether the editor of intervention `index` shows the same in `a` as in
/// `b`: the same scenario, or one with the same intervention, actors, start
/// year and horizon. An edit elsewhere (the yearly allocation, another
/// intervention) then leaves the editor alone without comparing the whole
/// scenario, which for 200 interventions is most of an edit's redraw.
pub fn same_for_intervention(a: &Rc<Scenario>, b: &Rc<Scenario>, index: usize) -> bool {
    Rc::ptr_eq(a, b)
        || (a.start_year == b.start_year
            && a.horizon_years == b.horizon_years
            && a.actors == b.actors
            && a.interventions.get(index) == b.interventions.get(index)
            && a.interventions.get(index).map(|iv| a.contract_of(&iv.id))
                == b.interventions.get(index).map(|iv| b.contract_of(&iv.id)))
}
