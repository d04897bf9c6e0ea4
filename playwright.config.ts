// Playwright end-to-end tests for fundsim (tests/e2e/*.spec.ts).
//
// Uses Debian's Chromium (/usr/bin/chromium, or $CHROMIUM_BIN) and never a
// browser of Playwright's own. Serves the repository root, where the built
// package lives in pkg/ (run `bash scripts/setup.sh --no-serve` first), with
// Python's static server on 127.0.0.1:$E2E_PORT (default 8391).
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT || 8391);
const resultsJson = process.env.E2E_RESULTS_JSON || 'target/e2e/results.json';

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'tests/e2e/test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.CI ? 2 : undefined,
  reporter: [['list'], ['json', { outputFile: resultsJson }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    headless: true,
    serviceWorkers: 'block',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `python3 -m http.server ${port} --bind 127.0.0.1`,
    cwd: __dirname,
    url: `http://127.0.0.1:${port}/tests/e2e/fixtures/api.html`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
