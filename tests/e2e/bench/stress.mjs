// The stress scenario of the benchmarks: 200 interventions × 60 years × 50 actors.
//
// This mirrors `stress_json()` in benches/simulate.rs field for field and
// value for value (keep the two in step when either changes): 50 actors
// (every other one inside), 200 interventions over a 60-year horizon, each
// with an avoided cost for all 50 actors and one of the three repayment
// rules. Amounts and shares are strings, as in the Rust version; counts and
// years are numbers. Only the order of object keys may differ (serde_json's
// `json!` sorts them), which the scenario parser does not care about.
//
// A plain ES module without Node imports, so that both Node
// (tests/e2e/bench/page-bench.mjs) and the browser (bench.html) can load it.
// `node tests/e2e/bench/stress.mjs` prints a summary and the JSON's size.

/** Intervention `i`'s repayment rule in both scenarios: none, fixed and savings share in turn. */
function repaymentRule(i) {
  return [
    { kind: 'none' },
    { kind: 'fixed', share: '1', years: 5, start_after: 1 },
    { kind: 'savings_share', share: '0.5', cap: '1.2', start_after: 0 },
  ][i % 3];
}

/** The stress scenario as a plain object. */
export function stressScenario() {
  const actors = [];
  for (let a = 0; a < 50; a++) {
    actors.push({ id: `a${a}`, name: `Actor ${a}`, inside: a % 2 === 0 });
  }
  const interventions = [];
  for (let i = 0; i < 200; i++) {
    const owner = (i * 2) % 50; // always an inside actor
    const repayment = repaymentRule(i);
    const avoided = [];
    for (let a = 0; a < 50; a++) {
      avoided.push({ actor: `a${a}`, per_year: `${1000 + 37 * a}` });
    }
    interventions.push({
      id: `i${i}`,
      name: `Intervention ${i}`,
      owner: `a${owner}`,
      start: i % 10,
      years: 1 + (i % 5),
      annual_cost: `${1_000_000 + 1_000 * i}`,
      fund_share: '0.7',
      participants_per_year: '50',
      success_rate: '0.3',
      deadweight: '0.2',
      lag_years: i % 3,
      benefit_years: 60,
      drop_off: '0.05',
      avoided_costs: avoided,
      repayment,
    });
  }
  return {
    schema_version: 1,
    name: 'Stress',
    currency: 'SEK',
    start_year: 2026,
    horizon_years: 60,
    discount_rate: '0.035',
    actors,
    fund: {
      financed_by: 'a0',
      accounting: 'appropriation',
      initial_capital: '0',
      allocations: new Array(60).fill('100000000'),
    },
    interventions,
  };
}

/**
 * A scenario of `interventions` × `actors` × `years` in which every
 * intervention has a range on every parameter: the Monte Carlo benchmark's
 * scenario (40 × 12 × 30 by default; `rangedScenario({interventions: 200,
 * actors: 50, years: 60})` is the stress scenario's size). Mirrors
 * `ranged_json()` in benches/common/scenarios.rs value for value (keep the two
 * in step). Actors alternate inside and outside; each intervention lists an
 * avoided cost for every actor, the last actor's negative (a transfer: a cost
 * that rises); the repayment rules rotate through none, fixed and savings
 * share; drop-off, lag and start vary with the intervention's index.
 */
export function rangedScenario({ interventions = 40, actors = 12, years = 30 } = {}) {
  const actorList = [];
  for (let a = 0; a < actors; a++) {
    actorList.push({ id: `a${a}`, name: `Actor ${a}`, inside: a % 2 === 0 });
  }
  const list = [];
  for (let i = 0; i < interventions; i++) {
    const owner = (i * 2) % actors; // always an inside actor (even index)
    const repayment = repaymentRule(i);
    const avoided = [];
    for (let a = 0; a < actors; a++) {
      const amount = a === actors - 1 && actors > 1 ? -(500 + 11 * i) : 1000 + 37 * a + 13 * i;
      avoided.push({ actor: `a${a}`, per_year: `${amount}` });
    }
    list.push({
      id: `i${i}`,
      name: `Intervention ${i}`,
      owner: `a${owner}`,
      start: i % Math.min(10, years),
      years: 1 + (i % 5),
      annual_cost: `${1_000_000 + 1_000 * i}`,
      fund_share: '0.7',
      participants_per_year: `${40 + (i % 7) * 5}`,
      success_rate: '0.3',
      deadweight: '0.2',
      lag_years: i % 3,
      benefit_years: years,
      drop_off: `0.0${1 + (i % 9)}`,
      avoided_costs: avoided,
      repayment,
      uncertainty: {
        success_rate: { low: '0.15', high: '0.4' },
        deadweight: { low: '0.1', high: '0.35' },
        drop_off: { low: '0', high: '0.2' },
        annual_cost: { low: '0.8', high: '1.3' },
        avoided_costs: { low: '0.6', high: '1.25' },
      },
    });
  }
  return {
    schema_version: 1,
    name: `Ranged ${interventions} × ${actors} × ${years}`,
    currency: 'SEK',
    start_year: 2026,
    horizon_years: years,
    discount_rate: '0.035',
    actors: actorList,
    fund: {
      financed_by: 'a0',
      accounting: 'appropriation',
      initial_capital: '0',
      allocations: new Array(years).fill(`${1_000_000 * interventions}`),
    },
    interventions: list,
  };
}

/** The stress scenario as JSON text (what `stress_json()` returns, up to key order). */
export function stressJson() {
  return JSON.stringify(stressScenario());
}

// `node tests/e2e/bench/stress.mjs`: a summary, to check the port by eye.
if (typeof process !== 'undefined' && process.argv && import.meta.url === `file://${process.argv[1]}`) {
  const s = stressScenario();
  const json = stressJson();
  console.log(
    `stress scenario: ${s.interventions.length} interventions × ${s.horizon_years} years × ${s.actors.length} actors, ` +
      `${s.interventions.reduce((n, i) => n + i.avoided_costs.length, 0)} avoided costs, JSON ${json.length} bytes`,
  );
}
