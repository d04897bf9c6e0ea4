// Helpers shared by the end-to-end specs.
import { expect, type Page, type Request } from '@playwright/test';

/** Every request the page makes, to check that none leaves the origin. */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r: Request) => urls.push(r.url()));
  return urls;
}

/** The requests that left `origin` (data: and blob: URLs stay in the page). */
export function foreign(urls: string[], origin: string): string[] {
  const base = new URL(origin).origin;
  return urls.filter((u) => !(u.startsWith(base + '/') || u.startsWith('data:') || u.startsWith('blob:')));
}

/** Opens the app (index.html) and waits for its key figures; returns the page errors seen. */
export async function open(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/index.html');
  await expect(page.getByTestId('key-figures')).toBeVisible();
  return errors;
}

/** The scenario as edited, from the JSON panel. */
export async function currentScenario(page: Page): Promise<any> {
  const text = await page.getByTestId('scenario-json').textContent();
  return JSON.parse(text ?? '');
}
