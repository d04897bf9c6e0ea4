// The single self-contained HTML file (scripts/build-dist.sh → dist/fundsim.html),
// opened from disk as a trainer would open a mail attachment. The spec
// assembles the file itself from the built pkg/ with scripts/single_file.py.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { recordRequests } from './support';

const root = path.resolve(__dirname, '..', '..');

test('the single-file build works opened from file:// and requests nothing', async ({ page }) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fundsim-single-'));
  const file = path.join(dir, 'fundsim.html');
  execFileSync('python3', [path.join(root, 'scripts', 'single_file.py'), root, file]);
  // It carries its own Content Security Policy (hashes of its one script and
  // one style sheet); a wrong hash would refuse them, a violation is reported.
  const html = fs.readFileSync(file, 'utf8');
  expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'sha256-/);
  // Only that one: index.html's own policy (script-src 'self') would refuse the inlined script too.
  expect(html.match(/http-equiv="Content-Security-Policy"/g)).toHaveLength(1);
  const violations: string[] = [];
  await page.exposeBinding('__cspViolation', (_source, text: string) => {
    violations.push(text);
  });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => (window as any).__cspViolation(`${e.effectiveDirective} ${e.blockedURI}`));
  });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const urls = recordRequests(page);
  await page.goto('file://' + file);
  await expect(page.getByTestId('key-figures')).toBeVisible();
  await expect(page.getByTestId('kf-total-cost').locator('.kf-value')).toHaveAttribute('data-value', /^\d+\.\d\d$/);
  // Editing works offline too.
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('lang-switch')).toHaveText(/Svenska/);
  // The charts drawn by the on-demand module (inlined here) come as well.
  await page.getByTestId('chart-flow').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('chart-flow').locator('svg[data-chart="flow"]')).toBeVisible();
  await expect(page.getByTestId('chart-actor-years').locator('svg[data-chart="actor-years"] .chart-item').first()).toBeAttached();
  // "How is this calculated?" comes from the inlined on-demand module: the explanation ends with the figure.
  const cost = await page.getByTestId('kf-total-cost').locator('.kf-value').getAttribute('data-value');
  await page.locator('[data-explain="total_cost::"]').click();
  await expect(page.getByTestId('explain-result')).toContainText('=');
  const result = (await page.getByTestId('explain-result').textContent()) || '';
  expect(result.split('(')[0].replace(/\D/g, '')).toBe((cost || '-').replace(/\D/g, ''));
  await page.keyboard.press('Escape');
  // Only the file itself: no fetch of pkg/, www/ or anything else.
  expect(urls.filter((u) => !u.startsWith('file://' + file) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  expect(errors).toEqual([]);
  expect(violations).toEqual([]);
});
