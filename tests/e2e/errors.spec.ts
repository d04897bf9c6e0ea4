// Refusals in the reader's language. Six malformed scenarios, pasted into
// the JSON panel of the Swedish app, were explained in English before
// refusals became values (an owner and a financer naming a missing actor
// whose name holds quotes, an unknown repayment kind, a year written as
// text, no actors, text that is not JSON): each must now be explained in
// Swedish, naming the field (or, for text that is not JSON, where it stops).
import { test, expect, type Page } from '@playwright/test';
import * as fs from 'fs';
import * as path from 'path';
import { open, pasteScenario } from './support';

const EXAMPLE = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'data', 'example.json'), 'utf8'));
const QUOTED = 'Avd "A" ”“\'';

function changed(change: (s: any) => void): string {
  const s = structuredClone(EXAMPLE);
  change(s);
  return JSON.stringify(s, null, 2);
}

/** The six, with the Swedish words the notice must hold: the field's name and what is wrong. */
const MALFORMED: { name: string; json: string; swedish: string[]; echo?: string }[] = [
  {
    name: 'an owner that is not an actor, its name holding quotes',
    json: changed((s) => (s.interventions[0].owner = QUOTED)),
    swedish: ['Insats 1 – Ägs av', `”${QUOTED}” är ingen aktör.`],
    echo: QUOTED,
  },
  {
    name: 'a financer that is not an actor, its name holding quotes',
    json: changed((s) => (s.fund.financed_by = QUOTED)),
    swedish: ['Finansieras av', `”${QUOTED}” är ingen aktör.`],
    echo: QUOTED,
  },
  {
    name: 'an unknown repayment kind',
    json: changed((s) => (s.interventions[0].repayment = { kind: 'sometimes' })),
    swedish: ['Insats 1 – Återbetalningsregel – Typ av regel', '”sometimes” är inte tillåtet här. Välj none, fixed eller savings_share.'],
    echo: 'sometimes',
  },
  {
    name: 'a year written as text',
    json: changed((s) => (s.start_year = 'soon')),
    swedish: ['Första år', 'Måste vara ett heltal, inte texten ”soon”.'],
    echo: 'soon',
  },
  {
    name: 'no actors',
    json: changed((s) => delete s.actors),
    swedish: ['Fältet ”actors” (Aktörer) saknas.'],
  },
  {
    name: 'text that is not JSON',
    json: 'not json',
    swedish: ['Texten är inte giltig JSON', 'rad 1, kolumn 2'],
  },
];

/** English a Swedish notice must not contain (what the app said before, and serde's words). */
const ENGLISH = /\b(is not|must|expected|invalid|unknown|missing|field|variant|type|line|column|not valid)\b/i;


test('six malformed scenarios pasted into the Swedish app are explained in Swedish, naming the field', async ({ page }) => {
  expect(await open(page)).toEqual([]);
  await expect(page.getByTestId('fundsim')).toHaveAttribute('lang', 'sv');
  const title = await page.getByTestId('kf-total-cost').textContent();
  for (const m of MALFORMED) {
    const text = await pasteScenario(page, m.json);
    // Soft: each of the six is reported on its own.
    expect.soft(text, m.name).toContain('Scenariot kunde inte läsas in');
    for (const words of m.swedish) expect.soft(text, m.name).toContain(words);
    // No English, once what the user typed (echoed) and the path are taken out.
    const rest = text.replace(m.echo ?? '\u0000', '').replace(/\([a-z_\[\]0-9.]+\)/g, '');
    expect.soft(rest, `${m.name}: ${text}`).not.toMatch(ENGLISH);
  }
  // Nothing was loaded: the example's figures are still shown.
  await expect(page.getByTestId('kf-total-cost')).toHaveText(title ?? '');
});

test('the same refusal reads in English in the English app', async ({ page }) => {
  expect(await open(page)).toEqual([]);
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('fundsim')).toHaveAttribute('lang', 'en');
  const text = await pasteScenario(page, MALFORMED[0].json);
  expect(text).toBe(
    `The scenario could not be loaded. Intervention 1 – Owned by (interventions[0].owner): "${QUOTED}" is not an actor.`,
  );
});

test('a field too long is refused at the field, in Swedish', async ({ page }) => {
  expect(await open(page)).toEqual([]);
  await page.getByTestId('in-name').fill('N'.repeat(201));
  await expect(page.getByTestId('err-name')).toHaveText(/Får vara högst 200 tecken långt\./);
  await expect(page.getByTestId('error-summary')).toContainText('Namn: Får vara högst 200 tecken långt.');
});
