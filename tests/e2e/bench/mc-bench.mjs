// Browser benchmark of the JavaScript API's monteCarlo: a measurement, not a
// test (it exits non-zero only when it could not measure at all).
//
//   node tests/e2e/bench/mc-bench.mjs [--runs N] [--draws N] [--interventions N]
//        [--actors N] [--years N] [--scenario ranged|stress] [--seed N] [--timeout-min M]
//
// Needs the built package in pkg/ (`bash scripts/setup.sh --no-serve`) and
// Debian's Chromium (/usr/bin/chromium, or $CHROMIUM_BIN); never downloads a
// browser. Serves the repository root with `python3 -m http.server` on a free
// 127.0.0.1 port and times, in the page tests/e2e/bench/mc-bench.html,
// `monteCarlo(scenarioJson, seed, draws)` on the ranged scenario of
// tests/e2e/bench/stress.mjs (40 interventions × 12 actors × 30 years, every
// intervention with a range on every parameter; default 10 000 draws), from
// the call to its return (JSON text), in the page's main thread: --runs times
// (default 5) after one unmeasured warm-up run, each in the same page.
// Prints every run, the median and the minimum.

import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright';

import { serveRoot } from './serve.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');
const PAGE = '/tests/e2e/bench/mc-bench.html';

const o = { runs: 5, draws: 10_000, interventions: 40, actors: 12, years: 30, scenario: 'ranged', seed: 2026, timeoutMin: 30 };
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const next = () => argv[++i];
  if (a === '--runs') o.runs = Math.max(1, Number(next()));
  else if (a === '--draws') o.draws = Number(next());
  else if (a === '--interventions') o.interventions = Number(next());
  else if (a === '--actors') o.actors = Number(next());
  else if (a === '--years') o.years = Number(next());
  else if (a === '--scenario') o.scenario = next();
  else if (a === '--seed') o.seed = Number(next());
  else if (a === '--timeout-min') o.timeoutMin = Number(next());
  else {
    console.error(`unknown option: ${a}`);
    process.exit(2);
  }
}

let server = null;
let browser = null;
async function cleanup() {
  if (browser) await browser.close().catch(() => {});
  browser = null;
  if (server && server.exitCode === null) server.kill('SIGTERM');
  server = null;
}
const deadline = setTimeout(async () => {
  console.error(`mc-bench: longer than ${o.timeoutMin} min; stopping`);
  await cleanup();
  process.exit(3);
}, o.timeoutMin * 60_000);

async function main() {
  const started = await serveRoot(ROOT, PAGE);
  server = started.server;
  const base = started.base;
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_BIN || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const page = await browser.newPage();
  page.setDefaultTimeout(o.timeoutMin * 60_000);
  await page.goto(base + PAGE);
  await page.evaluate(() => window.__mcReady);
  const c = { scenario: o.scenario, interventions: o.interventions, actors: o.actors, years: o.years, draws: o.draws, seed: o.seed };
  const label = o.scenario === 'stress' ? 'stress 200 × 50 × 60 (no ranges)' : `ranged ${o.interventions} × ${o.actors} × ${o.years}`;
  console.log(`monteCarlo, ${label}, ${o.draws} draws, seed ${o.seed}, in Chromium's main thread`);
  const warm = await page.evaluate((c) => window.__mcBench(c), c);
  if (warm.error) console.log(`refused: ${warm.error}`);
  console.log(`warm-up: ${warm.ms.toFixed(0)} ms ${warm.summary ? JSON.stringify(warm.summary.org_npv) : ''}`);
  if (warm.error) return;
  const times = [];
  for (let r = 0; r < o.runs; r++) {
    const run = await page.evaluate((c) => window.__mcBench(c), c);
    if (run.error) throw new Error(run.error);
    times.push(run.ms);
    console.log(`run ${r + 1}: ${run.ms.toFixed(0)} ms`);
  }
  times.sort((a, b) => a - b);
  console.log(`median ${times[Math.floor(times.length / 2)].toFixed(0)} ms, min ${times[0].toFixed(0)} ms`);
}

main()
  .catch((e) => {
    console.error(`mc-bench: ${e.message}`);
    process.exitCode = 1;
  })
  .finally(async () => {
    clearTimeout(deadline);
    await cleanup();
  });
