// The payback figure says what it is (the year the organisation's cumulative
// result stops being negative: "Året det betalar sig", not a repayment to the
// fund), in the future tense for a year to come, and a scenario that invests
// nothing has no verdict (issue: "No investment, no verdict").
import { expect, test } from '@playwright/test';
import { fixture, open, scenarioLink, simulateInPage } from './support';

test('a payback year to come is said in the future tense, under a name that cannot be misread', async ({ page }) => {
  const own = fixture('savings-share');
  await open(page, scenarioLink(own, 'lang=sv'));
  const k = (await simulateInPage(page, own)).key_figures;
  const thisYear = new Date().getFullYear();
  expect(k.payback_year, 'the fixture pays off within its horizon').not.toBeNull();
  const tense = k.payback_year > thisYear ? 'Det betalar sig' : 'Det har betalat sig';
  await expect(page.getByTestId('headline')).toContainText(`${tense} för organisationen ${k.payback_year}`);
  await expect(page.getByTestId('kf-payback')).toContainText('Året det betalar sig');
  await expect(page.getByTestId('kf-payback')).not.toContainText('Återbetalningsår');
});

test('a scenario with no interventions has nothing to pay back, in both languages and on stage', async ({ page }) => {
  const own = fixture('savings-share');
  own.interventions = [];
  await open(page, scenarioLink(own, 'lang=sv'));
  await expect(page.getByTestId('headline')).toHaveText(
    'Scenariot har inga insatser som kostar något, så det finns inget som ska betala sig.',
  );
  const card = page.getByTestId('kf-payback');
  await expect(card).toContainText('inga insatser – inget att betala tillbaka');
  await expect(card).not.toContainText('inom mandatperioden');
  await expect(card.locator('.kf-value')).toHaveText('–');

  // Presentation mode (no key-figures section there: its own cards).
  await page.goto(scenarioLink(own, 'lang=en&view=present'));
  const stage = page.getByTestId('pr-payback');
  await expect(stage).toBeVisible();
  await expect(stage).toContainText('no interventions – nothing to pay back');
  await expect(stage).not.toContainText('within the term');
});
