// The JavaScript API of the built package (pkg/fundsim.js), in Chromium.
//
// The fixture page tests/e2e/fixtures/api.html imports /pkg/fundsim.js and
// calls init(); these tests call window.fundsim.simulate(...) in the page.
import { test, expect, type Page } from '@playwright/test';
import { foreign, recordRequests } from './support';
import * as fs from 'fs';
import * as path from 'path';

const EXAMPLE = fs.readFileSync(path.join(__dirname, '..', 'data', 'example.json'), 'utf8');
const FIXTURE = '/tests/e2e/fixtures/api.html';
const MONEY = /^-?\d+\.\d{2}$/;

declare global {
  interface Window {
    fundsim: {
      simulate(json: string): string;
      mount(element: Element, options?: string): void;
    };
    fundsimOnDemand: {
      simulate(json: string): string;
      monteCarlo(json: string, seed: number, draws: number, byYear?: number): string;
      breakEven(json: string, byYear?: number): string;
      sensitivity(json: string): string;
    };
    fundsimReady: Promise<boolean>;
  }
}


async function openApi(page: Page): Promise<void> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(FIXTURE);
  await page.evaluate(() => window.fundsimReady);
  await expect(page.locator('#status')).toHaveText('ready');
  expect(errors, 'no uncaught errors while loading the package').toEqual([]);
}

/** Calls simulate in the page; returns {ok, value} or {ok: false, name, message, isError}. */
async function simulate(page: Page, json: string) {
  return page.evaluate((input) => {
    try {
      return { ok: true as const, value: window.fundsim.simulate(input) };
    } catch (e) {
      return {
        ok: false as const,
        isError: e instanceof Error,
        name: (e as Error)?.name,
        message: String((e as Error)?.message ?? e),
      };
    }
  }, json);
}

function withSuccessRate(rate: string): string {
  const s = JSON.parse(EXAMPLE);
  s.interventions[0].success_rate = rate;
  return JSON.stringify(s);
}

test.describe('JavaScript API', () => {
  test('exports simulate and mount, and (the on-demand module) simulate, monteCarlo, breakEven and sensitivity', async ({ page }) => {
    await openApi(page);
    const kinds = await page.evaluate(() => [
      typeof window.fundsim.simulate,
      typeof window.fundsim.mount,
      typeof window.fundsimOnDemand.simulate,
      typeof window.fundsimOnDemand.monteCarlo,
      typeof window.fundsimOnDemand.breakEven,
      typeof window.fundsimOnDemand.sensitivity,
    ]);
    expect(kinds).toEqual(['function', 'function', 'function', 'function', 'function', 'function']);
  });

  test('simulate(example) returns the contract result with money as 2-decimal strings', async ({ page }) => {
    await openApi(page);
    const r = await simulate(page, EXAMPLE);
    expect(r.ok, r.ok ? '' : r.message).toBe(true);
    if (!r.ok) return;
    const out = JSON.parse(r.value);
    for (const key of ['schema_version', 'years', 'fund', 'actors', 'interventions', 'org_net', 'society_net', 'key_figures']) {
      expect(out, `result has ${key}`).toHaveProperty(key);
    }
    expect(out.schema_version).toBe(1);
    expect(out.years).toHaveLength(15);
    expect(out.years[0]).toBe(2026);
    expect(out.years[14]).toBe(2040);

    // The fund, year by year: money strings; each year opens with the last close.
    expect(out.fund).toHaveLength(15);
    for (const [i, row] of out.fund.entries()) {
      expect(row.year).toBe(2026 + i);
      for (const k of ['open', 'allocation', 'grants', 'repayments', 'close']) {
        expect(row[k], `fund[${i}].${k}`).toMatch(MONEY);
      }
      if (i > 0) expect(row.open).toBe(out.fund[i - 1].close);
    }
    expect(out.fund[0]).toMatchObject({
      year: 2026, open: '0.00', allocation: '10000000.00', grants: '2500000.00', repayments: '0.00', close: '7500000.00',
    });

    // Actors: one per scenario actor, rows with money strings, an npv.
    expect(out.actors.map((a: { id: string }) => a.id).sort()).toEqual(['central', 'school', 'social', 'state']);
    for (const a of out.actors) {
      expect(a.npv, `${a.id}.npv`).toMatch(MONEY);
      expect(a.rows).toHaveLength(15);
      for (const row of a.rows) {
        for (const k of ['savings', 'co_financing', 'repayment', 'fund_cost', 'grants_received', 'net']) {
          expect(row[k], `${a.id} ${row.year} ${k}`).toMatch(MONEY);
        }
      }
    }

    // Interventions.
    expect(out.interventions).toHaveLength(1);
    const iv = out.interventions[0];
    expect(iv.id).toBe('early-reading');
    expect(iv.grants_total).toBe('7500000.00');
    expect(iv.repaid_total).toMatch(MONEY);
    expect(Object.keys(iv.savings_by_actor).sort()).toEqual(['social', 'state']);
    for (const v of Object.values(iv.savings_by_actor)) expect(v).toMatch(MONEY);

    // Yearly results and key figures.
    expect(out.org_net).toHaveLength(15);
    expect(out.society_net).toHaveLength(15);
    for (const v of [...out.org_net, ...out.society_net]) expect(v).toMatch(MONEY);
    const kf = out.key_figures;
    for (const k of ['total_cost', 'savings_inside', 'savings_outside', 'org_npv', 'society_npv']) {
      expect(kf[k], `key_figures.${k}`).toMatch(MONEY);
    }
    expect(kf.total_cost).toBe('7500000.00');
    expect(kf).toHaveProperty('payback_year');
    expect(kf).toHaveProperty('fund_first_negative_year');
    expect(kf.revolving_ratio).toMatch(/^-?\d+\.\d{4}$/);
  });

  test('simulate is deterministic', async ({ page }) => {
    await openApi(page);
    const a = await simulate(page, EXAMPLE);
    const b = await simulate(page, EXAMPLE);
    expect(a.ok).toBe(true);
    expect(b).toEqual(a);
  });

  test('a bad scenario throws an Error naming the field', async ({ page }) => {
    await openApi(page);
    const r = await simulate(page, withSuccessRate('1.5'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.isError, 'thrown value is an Error').toBe(true);
    expect(r.message.startsWith('interventions[0].success_rate'), `message: ${r.message}`).toBe(true);
  });

  test('malformed JSON throws an Error with a message', async ({ page }) => {
    await openApi(page);
    for (const bad of ['{not json', '', '[]', 'null', '{"schema_version": 1']) {
      const r = await simulate(page, bad);
      expect(r.ok, `input ${JSON.stringify(bad)} must be refused`).toBe(false);
      if (r.ok) continue;
      expect(r.isError).toBe(true);
      expect(r.message.trim().length, `message for ${JSON.stringify(bad)}`).toBeGreaterThan(0);
    }
  });

  test('user input is echoed at most about 100 characters, even a 50 MB key', async ({ page }) => {
    test.setTimeout(120_000);
    await openApi(page);
    const r = await page.evaluate((example) => {
      const messageOf = (f: () => unknown) => {
        try {
          f();
          return null;
        } catch (e) {
          return String((e as Error)?.message ?? e);
        }
      };
      const key = 'k'.repeat(50_000_000);
      const hugeKey = messageOf(() => window.fundsim.simulate(example.replace('{', `{"${key}": 1, `)));
      const s = JSON.parse(example);
      s.interventions[0].owner = 'o'.repeat(2_000_000);
      const hugeOwner = messageOf(() => window.fundsim.simulate(JSON.stringify(s)));
      const hugePreset = messageOf(() =>
        window.fundsim.mount(document.createElement('div'), JSON.stringify({ preset: 'p'.repeat(2_000_000) })),
      );
      return { hugeKey, hugeOwner, hugePreset };
    }, EXAMPLE);
    // The key is echoed twice (as the path and as the field), each cut to 100 characters and "…",
    // after which serde's list of the scenario's 11 fields follows.
    expect(r.hugeKey?.startsWith(`${'k'.repeat(100)}…: unknown field \`${'k'.repeat(100)}…\`, expected one of`)).toBe(true);
    expect(r.hugeKey!.length).toBeLessThan(600);
    expect(r.hugeOwner).toBe(`interventions[0].owner: "${'o'.repeat(100)}…" is not an actor`);
    expect(r.hugePreset).toBe(`preset: "${'p'.repeat(100)}…" is not a preset`);
    // And the module keeps working.
    expect((await simulate(page, EXAMPLE)).ok).toBe(true);
  });

  test('keeps working after 200 refused inputs in a row', async ({ page }) => {
    await openApi(page);
    const good = await simulate(page, EXAMPLE);
    expect(good.ok).toBe(true);
    const bad = withSuccessRate('1.5');
    const summary = await page.evaluate(
      ({ bad, n }) => {
        let refused = 0;
        const messages = new Set<string>();
        for (let i = 0; i < n; i++) {
          try {
            window.fundsim.simulate(i % 2 ? bad : '{"broken": ');
          } catch (e) {
            if (e instanceof Error) {
              refused++;
              if (i % 2) messages.add(e.message);
            }
          }
        }
        return { refused, messages: [...messages] };
      },
      { bad, n: 200 },
    );
    expect(summary.refused).toBe(200);
    expect(summary.messages).toHaveLength(1);
    expect(summary.messages[0].startsWith('interventions[0].success_rate')).toBe(true);
    const after = await simulate(page, EXAMPLE);
    expect(after).toEqual(good);
  });
});

test.describe('decision figures and Monte Carlo through the API', () => {
  test('breakEven, sensitivity and monteCarlo give the contract JSON', async ({ page }) => {
    await openApi(page);
    const out = await page.evaluate((json) => {
      const s = JSON.parse(json);
      s.interventions[0].uncertainty = { success_rate: { low: '0.1', high: '0.3' }, annual_cost: { low: '0.8', high: '1.2' } };
      const ranged = JSON.stringify(s);
      return {
        be: JSON.parse(window.fundsimOnDemand.breakEven(json, 2035)),
        sens: JSON.parse(window.fundsimOnDemand.sensitivity(ranged)),
        mc: JSON.parse(window.fundsimOnDemand.monteCarlo(ranged, 2026, 500, 2035)),
      };
    }, EXAMPLE);
    expect(out.be.schema_version).toBe(1);
    expect(out.be.by_year).toBe(2035);
    for (const k of ['effect_factor_org_npv', 'effect_factor_society_npv', 'effect_factor_payback_by']) {
      expect(out.be[k], k).toMatch(/^-?\d+\.\d{4}$/);
    }
    expect(out.be.interventions[0].id).toBe('early-reading');
    expect(out.sens.items.map((i: { parameter: string }) => i.parameter).sort()).toEqual(['annual_cost', 'success_rate']);
    expect(out.sens.base.org_npv).toMatch(MONEY);
    expect(out.mc.draws).toBe(500);
    expect(out.mc.by_year).toBe(2035);
    expect(out.mc.cumulative_org_net).toHaveLength(15);
    expect(out.mc.fund_close).toHaveLength(15);
    for (const k of ['payback_within_horizon_share', 'org_npv_non_negative_share', 'society_npv_non_negative_share', 'fund_never_negative_share', 'payback_by_share']) {
      expect(out.mc[k], k).toMatch(/^\d\.\d{4}$/);
    }
    for (const row of out.mc.fund_close) {
      expect(Number(row.p5) <= Number(row.p50) && Number(row.p50) <= Number(row.p95)).toBe(true);
    }
  });

  test('hostile arguments are refused naming them, and the module keeps working', async ({ page }) => {
    await openApi(page);
    const results = await page.evaluate((json) => {
      const f = { ...window.fundsim, ...window.fundsimOnDemand } as unknown as Record<string, (...a: unknown[]) => string>;
      const attempt = (name: string, ...args: unknown[]) => {
        try {
          f[name](...args);
          return 'accepted';
        } catch (e) {
          return e instanceof Error ? e.message : `not an Error: ${String(e)}`;
        }
      };
      return {
        simulateNumber: attempt('simulate', 42),
        simulateObject: attempt('simulate', { schema_version: 1 }),
        sensitivityMissing: attempt('sensitivity'),
        breakEvenNumber: attempt('breakEven', 7, 2030),
        drawsHuge: attempt('monteCarlo', json, 1, 2 ** 32 + 1),
        drawsFraction: attempt('monteCarlo', json, 1, 1.5),
        drawsNaN: attempt('monteCarlo', json, 1, NaN),
        drawsNegative: attempt('monteCarlo', json, 1, -1),
        drawsText: attempt('monteCarlo', json, 1, '10'),
        seedNegative: attempt('monteCarlo', json, -1, 10),
        seedHuge: attempt('monteCarlo', json, 2 ** 54, 10),
        seedText: attempt('monteCarlo', json, '1', 10),
        byYearText: attempt('breakEven', json, '2030'),
        byYearOutside: attempt('breakEven', json, 2041),
        byYearFraction: attempt('monteCarlo', json, 1, 10, 2030.5),
        good: JSON.parse(f.monteCarlo(json, 1, 10)).draws,
        goodSimulate: JSON.parse(f.simulate(json)).schema_version,
      };
    }, EXAMPLE);
    expect(results.simulateNumber).toMatch(/^scenarioJson: /);
    expect(results.simulateObject).toMatch(/^scenarioJson: /);
    expect(results.sensitivityMissing).toMatch(/^scenarioJson: /);
    expect(results.breakEvenNumber).toMatch(/^scenarioJson: /);
    for (const k of ['drawsHuge', 'drawsFraction', 'drawsNaN', 'drawsNegative', 'drawsText'] as const) {
      expect(results[k], k).toMatch(/^draws: /);
    }
    for (const k of ['seedNegative', 'seedHuge', 'seedText'] as const) {
      expect(results[k], k).toMatch(/^seed: /);
    }
    for (const k of ['byYearText', 'byYearOutside', 'byYearFraction'] as const) {
      expect(results[k], k).toMatch(/^by_year: /);
    }
    expect(results.good).toBe(10);
    expect(results.goodSimulate).toBe(1);
  });
});

test.describe('no request leaves the origin', () => {
  test('the API page', async ({ page, baseURL }) => {
    const urls = recordRequests(page);
    await openApi(page);
    await simulate(page, EXAMPLE);
    await page.waitForLoadState('networkidle');
    expect(urls.length).toBeGreaterThan(0);
    expect(foreign(urls, baseURL!)).toEqual([]);
  });

  test('the app page (index.html)', async ({ page, baseURL }) => {
    const urls = recordRequests(page);
    await page.goto('/');
    // The app really ran (a page that failed to load would request nothing either).
    await expect(page.getByTestId('key-figures')).toBeVisible();
    await page.waitForLoadState('networkidle');
    expect(urls.some((u) => u.endsWith('/pkg/fundsim_bg.wasm'))).toBe(true);
    expect(foreign(urls, baseURL!)).toEqual([]);
  });
});
