// The printed report (Print report / Save as PDF), in Chromium's print media:
// no controls, the key figures, charts and every table, today's date and a
// print-only list of every assumption (src/ui/components/print_report.rs).
import { test, expect, type Page } from '@playwright/test';
import { currentScenario, open } from './support';

function today(locale: string): string {
  return new Date().toLocaleDateString(locale, { day: 'numeric', month: 'long', year: 'numeric' });
}

test('the report is hidden on screen and the print button is offered', async ({ page }) => {
  await open(page);
  await expect(page.getByTestId('print-report')).toBeHidden();
  await expect(page.getByTestId('print-date')).toBeHidden();
  await expect(page.getByTestId('print-report-button')).toHaveText('Skriv ut rapport');
});

test('in print: no controls, every assumption, the date and every table', async ({ page }) => {
  const errors = await open(page);
  const scenario = await currentScenario(page);
  await page.emulateMedia({ media: 'print' });

  // No controls.
  await expect(page.locator('aside.editor')).toBeHidden();
  await expect(page.getByTestId('share-bar')).toBeHidden();
  await expect(page.getByTestId('lang-switch')).toBeHidden();
  await expect(page.getByTestId('print-report-button')).toBeHidden();
  await expect(page.getByTestId('download-csv')).toBeHidden();
  await expect(page.getByTestId('to-editor')).toBeHidden();
  await expect(page.locator('.skip-link')).toBeHidden();
  await expect(page.locator('.presets select')).toBeHidden();
  expect(await page.locator('.fundsim button:visible, .fundsim input:visible, .fundsim select:visible').count()).toBe(0);

  // Results.
  await expect(page.getByTestId('scenario-title')).toBeVisible();
  await expect(page.getByTestId('key-figures')).toBeVisible();
  for (const id of ['chart-fund', 'chart-who-pays', 'chart-actor-years', 'chart-flow']) {
    await expect(page.getByTestId(id).locator('svg')).toBeVisible();
  }
  // Every actor table prints, the closed ones too.
  for (const actor of scenario.actors) {
    await expect(page.getByTestId(`table-actor-${actor.id}`)).toBeVisible();
  }

  // The date, as written in Swedish.
  await expect(page.getByTestId('print-date')).toBeVisible();
  await expect(page.getByTestId('print-date')).toContainText(today('sv-SE'));

  // Every assumption.
  const report = page.getByTestId('print-report');
  await expect(report).toBeVisible();
  const text = (await report.innerText()).replace(/\u00a0/g, ' ');
  const rate = (Number(scenario.discount_rate) * 100).toLocaleString('sv-SE', { maximumFractionDigits: 2 });
  expect(text).toContain('Diskonteringsränta');
  expect(text).toContain(`${rate} %`);
  expect(text).toContain(String(scenario.start_year));
  for (const actor of scenario.actors) {
    expect(text).toContain(actor.name);
  }
  expect(scenario.interventions.length).toBeGreaterThan(0);
  for (const [i, iv] of scenario.interventions.entries()) {
    expect(text).toContain(iv.name);
    const block = page.getByTestId(`print-intervention-${i}`);
    await expect(block).toContainText('Andel som lyckas');
    await expect(block).toContainText('Undvikna kostnader');
    await expect(block).toContainText('Återbetalningsregel');
    await expect(block).toContainText('Osäkerhet');
  }
  expect(errors).toEqual([]);
});

test('in print, in English: the date and labels follow the language', async ({ page }) => {
  await open(page);
  await page.getByTestId('lang-switch').click();
  await expect(page.locator('.fundsim')).toHaveAttribute('lang', 'en');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('print-date')).toContainText(today('en-GB'));
  await expect(page.getByTestId('print-report')).toContainText('Discount rate');
  await expect(page.getByTestId('print-report')).toContainText('Assumptions');
});

test('an A4 PDF of several pages', async ({ page }, testInfo) => {
  await open(page);
  await page.emulateMedia({ media: 'print' });
  const path = testInfo.outputPath('report.pdf');
  const pdf = await page.pdf({ format: 'A4', path, printBackground: true });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
  expect(pages).toBeGreaterThanOrEqual(2);
  // A4 is 595 × 842 points.
  expect(pdf.toString('latin1')).toMatch(/\/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+841(\.\d+)?|\/MediaBox\s*\[\s*0\s+0\s+595(\.\d+)?\s+842/);
  await testInfo.attach('report.pdf', { path, contentType: 'application/pdf' });
});

test('in print: the decision figures, every table open, with the fans of the last uncertainty run', async ({ page }) => {
  // The jobs preset has ranges (success rate, drop-off, avoided costs): a tornado of three bars.
  await page.goto('/index.html#preset=jobs&lang=sv');
  await expect(page.getByTestId('uncertainty-figures')).toHaveAttribute('data-draws', '10000', { timeout: 60000 });
  await page.emulateMedia({ media: 'print' });
  const section = page.getByTestId('print-decision');
  await expect(section).toBeVisible();
  await expect(section.locator('h2')).toHaveText('Vad som avgör det');
  await expect(section.locator('.decision-tornado svg')).toBeVisible();
  await expect(section.locator('.decision-tornado svg .tornado-label')).toHaveCount(3);
  await expect(section.locator('.decision-break-even')).toBeVisible();
  // The fans of the fund's balance and the organisation's cumulative result, from the run on screen.
  await expect(section.locator('.decision-fan svg')).toHaveCount(2);
  // A closed table prints nothing: every one is open.
  expect(await section.locator('details').count()).toBeGreaterThan(0);
  expect(await section.locator('details:not([open])').count()).toBe(0);
  // The on-screen charts' switch and buttons are not in print.
  expect(await section.locator('input, button').count()).toBe(0);
});
