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
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const urls = recordRequests(page);
  await page.goto('file://' + file);
  await expect(page.getByTestId('key-figures')).toBeVisible();
  await expect(page.getByTestId('kf-total-cost').locator('.kf-value')).toHaveAttribute('data-value', /^\d+\.\d\d$/);
  // Editing works offline too.
  await page.getByTestId('lang-switch').click();
  await expect(page.getByTestId('lang-switch')).toHaveText(/Svenska/);
  // Only the file itself: no fetch of pkg/, www/ or anything else.
  expect(urls.filter((u) => !u.startsWith('file://' + file) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);
  expect(errors).toEqual([]);
});
