// Helpers shared by the end-to-end specs.
import type { Page, Request } from '@playwright/test';

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
