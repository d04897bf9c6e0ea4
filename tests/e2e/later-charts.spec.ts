// The money flow and the net per actor and year, drawn by the on-demand
// module (src/charts) and brought to life by www/on-demand.js wireChart:
// as a keyboard and mouse user meets them in the app.
import { test, expect } from '@playwright/test';
import { open } from './support';

test('the flow chart, drawn on demand: a node focused by keyboard shows its tooltip and brings its links forward; Escape hides it', async ({ page }) => {
  const errors = await open(page);
  const flow = page.getByTestId('chart-flow').locator('svg[data-chart="flow"]');
  await flow.scrollIntoViewIfNeeded();
  await expect(flow).toBeVisible();
  await expect(flow).toHaveAttribute('role', 'img');
  const payer = flow.locator('.flow-payer').first();
  const item = await payer.getAttribute('data-item');
  await payer.focus();
  // Its tooltip, and no other, is shown; it names the node as its label does.
  const shown = flow.locator('.chart-tooltip:not([display])');
  await expect(shown).toHaveCount(1);
  await expect(shown).toHaveAttribute('data-tip', item ?? '');
  const label = (await payer.getAttribute('aria-label')) ?? '';
  const firstLine = (await shown.locator('text').first().textContent()) ?? '';
  expect(label).toContain(firstLine.trim());
  // Its links forward, every other link back.
  const mine = flow.locator(`.flow-link[data-items~="${item}"]`);
  expect(await mine.count()).toBeGreaterThan(0);
  for (const link of await mine.all()) await expect(link).toHaveAttribute('fill-opacity', '0.6');
  for (const link of await flow.locator(`.flow-link:not([data-items~="${item}"])`).all()) {
    await expect(link).toHaveAttribute('fill-opacity', '0.12');
  }
  await page.keyboard.press('Escape');
  await expect(flow.locator('.chart-tooltip:not([display])')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the actor-year chart, drawn on demand: arrow keys walk the years, hover shows a tooltip, and it follows the language', async ({ page }) => {
  await open(page);
  const chart = page.getByTestId('chart-actor-years').locator('svg[data-chart="actor-years"]');
  await chart.scrollIntoViewIfNeeded();
  const years = chart.locator('.chart-item[data-year]');
  const first = await years.first().getAttribute('data-year');
  await years.first().focus();
  await page.keyboard.press('ArrowRight');
  const next = String(Number(first) + 1);
  await expect(page.locator(':focus')).toHaveAttribute('data-year', next);
  await expect(chart.locator('.chart-tooltip:not([display])')).toContainText(next);
  await expect(page.locator(':focus')).toHaveClass(/is-focused/);
  // The mouse over another year shows that one's tooltip instead.
  await chart.locator(`.chart-item[data-year="${first}"] .chart-hit`).hover();
  await expect(chart.locator('.chart-tooltip:not([display])')).toContainText(first ?? '');
  // Drawn again in English when the language changes.
  await expect(chart).toContainText('Ny mandatperiod');
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('chart-actor-years').locator('svg')).toContainText('New term of office');
});
