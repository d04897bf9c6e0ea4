//! The totals reconciled: what the fund received, paid out and has left, and
//! how the actors inside the organisation plus the fund add up to the
//! organisation's result (`Σ org_net`). Computed from the outcome only (the
//! engine's own figures), for the who-pays chart, the flow chart's total and
//! the year-by-year tables; the identity is derived in `docs/model-notes.md`.
//!
//! With `S_in` the inside savings, `G` the grants, `R` the repayments, `CF`
//! the co-financing (`CF_out` of interventions owned by outside actors) and
//! `F` the financer's fund cost (`A` under appropriation, `G − R` under
//! earmarked equity):
//!
//! - `Σ org_net = S_in − G − CF` (every intervention cost, whoever pays it);
//! - `Σ inside net = S_in − CF_in − R − F` when the financer is inside;
//! - so `Σ org_net = Σ inside net + (R − G + F) − CF_out`, where the fund's
//!   term `R − G + F` is `A + R − G`, what the fund kept, under appropriation,
//!   and 0 under earmarked equity (the allocation is equity, not a cost: the
//!   inside actors alone add up to the organisation). With an outside
//!   financer, `F` is not inside and the fund's term is `R − G`.

use rust_decimal::Decimal;

use crate::model::{Accounting, Outcome, Scenario};
use crate::words::charts::{ChartWords, MoneyFormat};
use crate::words::format::Unit;
use crate::words::Lang;

/// The fund over the whole horizon.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FundTotals {
    pub initial_capital: Decimal,
    pub allocations: Decimal,
    pub repayments: Decimal,
    /// Paid out as grants.
    pub grants: Decimal,
    /// Left in the fund at the end of the horizon (the last closing balance).
    pub left: Decimal,
}

impl FundTotals {
    /// What the fund received: its initial capital, the allocations and the repayments.
    pub fn money_in(&self) -> Decimal {
        add(add(self.initial_capital, self.allocations), self.repayments)
    }
}

/// The organisation's result as the sum of its parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reconciliation {
    pub accounting: Accounting,
    pub fund: FundTotals,
    /// Σ of the inside actors' net over the horizon.
    pub inside: Decimal,
    /// What the fund adds to the inside actors: `A + R − G` under appropriation
    /// (financer inside), 0 under earmarked equity, `R − G` with an outside financer.
    pub fund_term: Decimal,
    /// Co-financing paid by outside actors that own an intervention: part of the
    /// organisation's cost (`org_net` counts every intervention's cost), not of the inside nets.
    pub outside_co_financing: Decimal,
    /// Σ org_net over the horizon.
    pub organisation: Decimal,
}

impl Reconciliation {
    /// `inside + fund_term − outside_co_financing`.
    pub fn sum(&self) -> Decimal {
        add(add(self.inside, self.fund_term), -self.outside_co_financing)
    }

    /// Whether the parts add up to the organisation's result, to far below an öre.
    pub fn holds(&self) -> bool {
        add(self.sum(), -self.organisation).abs() <= Decimal::new(1, 9)
    }
}

/// `a + b`, saturating: one function for every sum here (inlined, each use cost the download).
#[inline(never)]
pub fn add(a: Decimal, b: Decimal) -> Decimal {
    a.saturating_add(b)
}

/// The fund's totals of `o`.
pub fn fund_totals(s: &Scenario, o: &Outcome) -> FundTotals {
    let mut t =
        FundTotals { initial_capital: s.fund.initial_capital, left: s.fund.initial_capital, ..FundTotals::default() };
    for f in &o.fund {
        t.allocations = add(t.allocations, f.allocation);
        t.repayments = add(t.repayments, f.repayments);
        t.grants = add(t.grants, f.grants);
        t.left = f.close;
    }
    t
}

/// The reconciliation of `o`, the outcome of `s`.
pub fn reconcile(s: &Scenario, o: &Outcome) -> Reconciliation {
    let fund = fund_totals(s, o);
    let inside_of = |id: &str| s.actor(id).is_some_and(|a| a.inside);
    let (mut inside, mut outside_co_financing, mut financer_cost) = (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO);
    for a in &o.actors {
        let is_inside = inside_of(&a.id);
        if is_inside {
            inside = add(inside, a.net_total);
        }
        for r in &a.rows {
            if !is_inside {
                outside_co_financing = add(outside_co_financing, r.co_financing);
            } else if a.id == s.fund.financed_by {
                financer_cost = add(financer_cost, r.fund_cost);
            }
        }
    }
    let fund_term = add(add(fund.repayments, -fund.grants), financer_cost);
    Reconciliation {
        accounting: s.fund.accounting,
        fund,
        inside,
        fund_term,
        outside_co_financing,
        organisation: o.org_net.iter().copied().fold(Decimal::ZERO, add),
    }
}

/// The checked sum as a line of text: the inside actors' net, plus the fund's
/// term (left out under earmarked equity with an inside financer, where it is 0),
/// less outside owners' co-financing, equals the organisation's result ✓.
pub fn line(s: &Scenario, o: &Outcome, lang: Lang, unit: Unit) -> String {
    let r = reconcile(s, o);
    let money = MoneyFormat::new(unit, &s.currency, lang);
    let equity = r.accounting == Accounting::EarmarkedEquity && r.fund_term.is_zero();
    let fund = (!equity).then(|| money.text(r.fund_term));
    let outside = (!r.outside_co_financing.is_zero()).then(|| money.text(r.outside_co_financing));
    ChartWords::new(lang).reconcile_line(
        &money.text(r.inside),
        fund.as_deref(),
        outside.as_deref(),
        &money.text(r.organisation),
        r.holds(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::simulate;

    fn preset(id: &str) -> Scenario {
        crate::presets::all().into_iter().find(|p| p.id == id).map(|p| p.scenario).expect("the preset exists")
    }

    /// The jobs preset (src/presets/jobs.json), derived by hand:
    /// - allocations 3 × 3 000 000 = 9 000 000 by Kommunstyrelsen (appropriation, inside);
    /// - Jobbspår, owned by Arbetsmarknad, 3 000 000 a year in years 0–2, fund_share 1:
    ///   grants 9 000 000, no co-financing;
    /// - fixed repayment share 1 over 5 years from year 3 (the first year after it ends):
    ///   9 000 000 / 5 = 1 800 000 in years 3–7, all within the 10-year horizon: 9 000 000;
    /// - so the fund received 9 000 000 + 9 000 000 = 18 000 000, paid out 9 000 000 and
    ///   has 9 000 000 left; its term is A + R − G = 9 000 000.
    /// - Inside: Kommunstyrelsen −9 000 000 (the allocations), Arbetsmarknad −9 000 000
    ///   (the repayments), Social +S_social; the organisation: S_social − 9 000 000.
    ///   So −18 000 000 + S_social + 9 000 000 = S_social − 9 000 000 ✓.
    #[test]
    fn the_jobs_preset_by_hand() {
        let s = preset("jobs");
        let o = simulate(&s).expect("valid");
        let r = reconcile(&s, &o);
        let m = |n: i64| Decimal::from(n * 1_000_000);
        assert_eq!(r.fund.allocations, m(9));
        assert_eq!(r.fund.grants, m(9));
        assert_eq!(r.fund.repayments, m(9));
        assert_eq!(r.fund.left, m(9));
        assert_eq!(r.fund.money_in(), m(18));
        assert_eq!(r.fund_term, m(9));
        assert_eq!(r.outside_co_financing, Decimal::ZERO);
        let social = o.actors.iter().find(|a| a.id == "social").expect("social").savings_total;
        assert_eq!(r.inside, social - m(18));
        assert_eq!(r.organisation, social - m(9));
        assert!(r.holds());
    }

    /// Under earmarked equity the allocation is equity: the same scenario's
    /// fund term is 0 and the inside actors alone are the organisation:
    /// Kommunstyrelsen's fund cost is G − R = 0, Arbetsmarknad repays 9 000 000:
    /// inside S_social − 9 000 000 = the organisation's result.
    #[test]
    fn the_jobs_preset_as_earmarked_equity() {
        let mut s = preset("jobs");
        s.fund.accounting = Accounting::EarmarkedEquity;
        let o = simulate(&s).expect("valid");
        let r = reconcile(&s, &o);
        assert_eq!(r.fund_term, Decimal::ZERO);
        assert_eq!(r.inside, r.organisation);
        assert!(r.holds());
        // The fund still kept 9 000 000 (in equity, outside the result).
        assert_eq!(r.fund.left, Decimal::from(9_000_000));
    }
}
