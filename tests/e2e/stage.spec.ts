// A real stage and a real desk: presentation mode on common projector sizes,
// buttons that stay readable under the pointer and the keyboard's focus, and
// the full app's layout at 1280 px with amounts in kr, long names and many
// columns. Each test opens its own fixture scenario (a link made here from a
// JSON file) or a preset read from disk, never what a preset happens to hold.
import { test, expect, type Page, type Locator } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fixture, scenarioLink, showTables } from './support';

const preset = (id: string) => JSON.parse(readFileSync(`src/presets/${id}.json`, 'utf8'));

/** The fragment of the app's link that carries `scenario` whole (without `#`). */
const linkTo = (scenario: unknown) => scenarioLink(scenario).split('#')[1];

async function openAt(page: Page, fragment: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`/index.html#${fragment}`);
  return errors;
}

/** Whether the element's box lies wholly inside the viewport. */
async function onScreen(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const view = page.viewportSize()!;
  return !!box && box.y >= 0 && box.x >= 0 && box.y + box.height <= view.height + 0.5 && box.x + box.width <= view.width + 0.5;
}

// --------------------------------------------------------------- presentation on a projector

for (const [width, height] of [
  [1280, 800],
  [1920, 1080],
]) {
  for (const warning of [false, true]) {
    test(`presentation at ${width}×${height}${warning ? ' with the fund running dry' : ''}: key hints and Leave stay on screen`, async ({ page }) => {
      await page.setViewportSize({ width, height });
      // The fixture's fund pays for everything in time; a small allocation makes it run dry.
      const errors = await openAt(page, `${linkTo(fixture('stage-fund'))}&view=present`);
      await expect(page.getByTestId('presentation')).toBeVisible();
      if (warning) {
        const allocation = page.getByTestId('in-present-allocation');
        await allocation.fill('100000');
        await allocation.press('Enter');
        await expect(page.getByTestId('pr-fund-end')).toContainText(/tar slut|runs dry/);
      } else {
        await expect(page.getByTestId('pr-fund-end')).not.toContainText(/tar slut|runs dry/);
      }
      // Wait for the layout to settle (the QR code arrives a moment later).
      await page.waitForTimeout(300);
      await expect(page.getByTestId('pr-keys')).toBeVisible();
      expect(await onScreen(page, page.getByTestId('pr-keys')), 'key hints on screen').toBe(true);
      expect(await onScreen(page, page.getByTestId('pr-leave')), 'Leave on screen').toBe(true);
      // Nothing to scroll to on a projector: the page is the screen.
      const overflow = await page.evaluate(() => document.documentElement.scrollHeight - innerHeight);
      expect(overflow, 'the presentation fits the screen').toBeLessThanOrEqual(1);
      // The two charts are drawn, and not squeezed to nothing.
      for (const chart of ['pr-chart-who-pays', 'pr-chart-fund']) {
        const box = await page.getByTestId(chart).locator('svg').first().boundingBox();
        expect(box!.height, `${chart} has room`).toBeGreaterThan(height * 0.25);
      }
      expect(errors).toEqual([]);
    });
  }
}

// --------------------------------------------------------------- readable buttons

/** WCAG contrast ratio of two `rgb(…)`/`rgba(…)` colours (the second opaque). */
function contrast(fg: number[], bg: number[]): number {
  const lum = (c: number[]) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
  return (a + 0.05) / (b + 0.05);
}

/** The button's text colour and the colour behind it (its own, else its nearest painted ancestor's). */
async function colours(button: Locator): Promise<{ fg: number[]; bg: number[] }> {
  return button.evaluate((el) => {
    const parse = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
    const fg = parse(getComputedStyle(el).color);
    let node: Element | null = el;
    while (node) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg.length === 3 || (bg.length === 4 && bg[3] > 0.9)) return { fg, bg };
      node = node.parentElement;
    }
    return { fg, bg: [255, 255, 255] };
  });
}

async function readableButtons(page: Page, scope: string, least: number) {
  const buttons = page.locator(`${scope} button:visible`);
  const count = await buttons.count();
  expect(count, `${scope} has buttons`).toBeGreaterThanOrEqual(least);
  for (let i = 0; i < count; i++) {
    const button = buttons.nth(i);
    if (!(await button.isEnabled()) || !(await onScreen(page, button))) continue;
    const name = (await button.textContent())?.trim() || (await button.getAttribute('aria-label')) || `button ${i}`;
    await button.hover();
    await page.waitForTimeout(30);
    let { fg, bg } = await colours(button);
    expect(contrast(fg, bg), `"${name}" under the pointer`).toBeGreaterThanOrEqual(4.5);
    await page.mouse.move(0, 0);
    await button.focus();
    ({ fg, bg } = await colours(button));
    expect(contrast(fg, bg), `"${name}" with the keyboard's focus`).toBeGreaterThanOrEqual(4.5);
    await button.blur();
  }
}

test('buttons keep readable text on hover and focus, in the full app and in presentation mode', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openAt(page, linkTo(fixture('stage-fund')));
  await expect(page.getByTestId('key-figures')).toBeVisible();
  // Today's trap: the presentation button, white on white under the pointer.
  const enter = page.getByTestId('enter-present');
  await enter.hover();
  const { fg, bg } = await colours(enter);
  expect(contrast(fg, bg), 'the presentation button under the pointer').toBeGreaterThanOrEqual(4.5);
  await readableButtons(page, '.fundsim', 10);
  await enter.click();
  await expect(page.getByTestId('presentation')).toBeVisible();
  await expect(page.getByTestId('pr-qr')).toBeVisible();
  // The QR code and Leave.
  await readableButtons(page, '[data-testid="presentation"]', 2);
});

// --------------------------------------------------------------- the desk at 1280 px

test('at 1280 px with amounts in kr, every key figure fits its card', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  for (const id of ['gotland', 'placements', 'jobs', 'sickleave']) {
    await openAt(page, linkTo(preset(id)));
    await expect(page.getByTestId('key-figures')).toBeVisible();
    await page.getByTestId('key-figures').page().locator('.segmented label', { hasText: /^kr$/ }).first().click();
    await expect(page.locator('.kf-unit').first()).toHaveText(/kr$/);
    const clipped = await page.locator('.kf').evaluateAll((cards) =>
      cards
        .map((card) => {
          const c = card.getBoundingClientRect();
          const over = [...card.querySelectorAll('.kf-value, .kf-unit')].filter((v) => {
            const r = v.getBoundingClientRect();
            return r.right > c.right - 1 || r.left < c.left;
          });
          return over.length ? (card.textContent ?? '').trim().slice(0, 60) : null;
        })
        .filter((x) => x),
    );
    expect(clipped, `${id}: cards whose amount reaches past their edge`).toEqual([]);
  }
});

test('at 1280 px the interventions table shows its last column without scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openAt(page, linkTo(fixture('stage-long-names')));
  await expect(page.getByTestId('key-figures')).toBeVisible();
  await page.locator('.segmented label', { hasText: /^kr$/ }).first().click();
  await showTables(page);
  const table = page.getByTestId('table-interventions');
  await table.scrollIntoViewIfNeeded();
  const { scroll, client } = await table.evaluate((t) => {
    const box = t.closest('.table-scroll') ?? t.parentElement!;
    return { scroll: box.scrollWidth, client: box.clientWidth };
  });
  expect(scroll, 'the table is no wider than its box').toBeLessThanOrEqual(client + 1);
  const last = table.locator('thead th').last();
  expect(await onScreen(page, last) || (await last.boundingBox())!.x + (await last.boundingBox())!.width <= 1280).toBe(true);
});

test("an actor's colour swatch stays on its name's line, however long the name", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openAt(page, linkTo(fixture('stage-long-names')));
  await expect(page.getByTestId('key-figures')).toBeVisible();
  const summaries = page.locator('.actor-table summary');
  // The tables are drawn after the first results have been painted, and the
  // year tables above the actors arrive with their module: measure once the
  // page has them, and each swatch and its name in the same frame.
  await showTables(page);
  await expect(summaries.first()).toBeVisible();
  const n = await summaries.count();
  expect(n).toBeGreaterThanOrEqual(3);
  for (let i = 0; i < n; i++) {
    const { swatch, title } = await summaries.nth(i).evaluate((summary) => {
      const box = summary.querySelector('.swatch')!.getBoundingClientRect();
      const range = document.createRange();
      range.selectNodeContents(summary.querySelector('.summary-title')!);
      const first = range.getClientRects()[0];
      return {
        swatch: { x: box.x, y: box.y, height: box.height },
        title: { top: first.top, bottom: first.bottom, left: first.left },
      };
    });
    // Beside the first line of the name: vertically within it, horizontally before it.
    expect(swatch.y + swatch.height / 2, `swatch ${i} on the name's first line`).toBeGreaterThan(title.top - 2);
    expect(swatch.y + swatch.height / 2, `swatch ${i} on the name's first line`).toBeLessThan(title.bottom + 2);
    expect(swatch.x, `swatch ${i} before the name`).toBeLessThan(title.left);
  }
});

for (const [width, height] of [
  [390, 844],
  [1280, 800],
  [1920, 1080],
]) {
  test(`a very long name without spaces does not widen the page at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    const errors = await openAt(page, linkTo(fixture('stage-long-names')));
    await expect(page.getByTestId('key-figures')).toBeVisible();
    // Open every actor's table too: names stand in their captions and rows.
    for (const summary of await page.locator('.actor-table summary').all()) await summary.click();
    await page.waitForTimeout(200);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(wide, 'page width').toBeLessThanOrEqual(width);
    await page.goto(`/index.html#${linkTo(fixture('stage-long-names'))}&view=present`);
    await expect(page.getByTestId('presentation')).toBeVisible();
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.documentElement.scrollWidth), 'presentation width').toBeLessThanOrEqual(width);
    expect(errors).toEqual([]);
  });
}

// --------------------------------------------------------------- a value being typed

test('results follow a complete value: a half-typed number is never shown as the new figure', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openAt(page, `${linkTo(fixture('stage-fund'))}&view=present`);
  await expect(page.getByTestId('presentation')).toBeVisible();
  const figure = page.getByTestId('pr-savings-inside').locator('[data-value]');
  const start = await figure.getAttribute('data-value');
  // Every value the figure takes while the speaker types.
  await page.evaluate(() => {
    const seen: string[] = [];
    (window as any).__seen = seen;
    const read = () => {
      const v = document.querySelector('[data-testid="pr-savings-inside"] [data-value]')?.getAttribute('data-value');
      if (v && seen[seen.length - 1] !== v) seen.push(v);
    };
    read();
    new MutationObserver(read).observe(document.querySelector('[data-testid="presentation"]')!, {
      subtree: true,
      childList: true,
      attributes: true,
      characterData: true,
    });
  });
  const effect = page.getByTestId('in-present-effect');
  await effect.selectText();
  // "5" on the way to "50": typed faster than the pause that takes a value.
  await effect.pressSequentially('50', { delay: 200 });
  await expect.poll(() => figure.getAttribute('data-value'), { timeout: 5000 }).not.toBe(start);
  const fifty = await figure.getAttribute('data-value');
  const seen: string[] = await page.evaluate(() => (window as any).__seen);
  expect(seen, 'only the value before and the complete value were shown').toEqual([start, fifty]);
  // Enter takes the value at once, without waiting for the pause.
  await effect.selectText();
  await effect.pressSequentially('30', { delay: 20 });
  await effect.press('Enter');
  await expect.poll(() => figure.getAttribute('data-value'), { timeout: 400 }).not.toBe(fifty);
});

// --------------------------------------------------------------- editing traps

test('years set to 0 and back keep the yearly amount; too many years is refused where it is typed', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  const scenario = fixture('stage-fund');
  await openAt(page, linkTo(scenario));
  await expect(page.getByTestId('key-figures')).toBeVisible();
  const amount = page.getByTestId('in-allocation-amount');
  const years = page.getByTestId('in-allocation-years');
  await expect(amount).toHaveValue('10 000 000');
  await years.fill('0');
  await years.press('Enter');
  await years.fill('4');
  await years.press('Enter');
  await expect(amount).toHaveValue('10 000 000');
  const json = async () => {
    const panel = page.getByTestId('scenario-json-panel');
    if (!(await panel.evaluate((d) => (d as HTMLDetailsElement).open))) await panel.locator('summary').click();
    return JSON.parse((await page.getByTestId('scenario-json').textContent()) ?? '{}');
  };
  await expect.poll(async () => (await json()).fund.allocations).toEqual(['10000000', '10000000', '10000000', '10000000']);
  // 61 years is more than a scenario can plan: refused with a message, nothing changed.
  await years.fill('61');
  await years.press('Enter');
  await expect(page.getByTestId('err-allocation-years')).toBeVisible();
  await expect(page.getByTestId('err-allocation-years')).toContainText(/högst 60|at most 60/);
  expect((await json()).fund.allocations).toHaveLength(4);
  // A count too large for any field says so, rather than becoming 0.
  await years.fill('99999999999');
  await years.press('Enter');
  await expect(page.getByTestId('err-allocation-years')).toContainText(/för stort|too large|högst|at most/);
  expect((await json()).fund.allocations).toHaveLength(4);
});
