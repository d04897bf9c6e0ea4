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
      monteCarlo(json: string, seed: number, draws: number): string;
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
  test('exports simulate and monteCarlo', async ({ page }) => {
    await openApi(page);
    const kinds = await page.evaluate(() => [typeof window.fundsim.simulate, typeof window.fundsim.monteCarlo]);
    expect(kinds).toEqual(['function', 'function']);
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
