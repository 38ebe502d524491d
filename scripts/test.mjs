#!/usr/bin/env node
/**
 * `npm test`: builds the site (pages + search index), type-checks, runs the unit tests (Vitest) and the
 * browser tests (Playwright), then prints one plain `N passed, N failed` line totalling both,
 * because CI reads that line and not the runners' own summaries. The build is timed against a
 * budget (a failure when over) and its time written to reports/build-time.txt for `npm run bench`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { join } from 'node:path';
import { freePort } from './lib/free-port.mjs';

const reports = join(process.cwd(), 'reports');
mkdirSync(reports, { recursive: true });
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };

/** Runs a command with inherited output; resolves with its exit code. */
function run(cmd, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: 'inherit', env: { ...env, ...extraEnv } });
    child.on('close', (code) => resolve(code ?? 1));
    child.on('error', () => resolve(127));
  });
}

function readJson(path) {
  if (!existsSync(path)) return undefined;
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Seconds `npm run build` may take on the 2-core CI machine. */
const BUILD_BUDGET_S = 60;

const steps = [];
const buildStart = performance.now();
const buildCode = await run('npm', ['run', 'build']);
const buildSeconds = (performance.now() - buildStart) / 1000;
steps.push(['build', buildCode]);
writeFileSync(join(reports, 'build-time.txt'), `${buildSeconds.toFixed(1)}\n`);
console.log(`build time: ${buildSeconds.toFixed(1)} s (budget ${BUILD_BUDGET_S} s)`);
// After the build: it writes .astro/types.d.ts (astro:content, import.meta.glob), which tsc reads.
steps.push(['typecheck', await run('npx', ['tsc', '--noEmit', '-p', '.'])]);

const vitestJson = join(reports, 'vitest.json');
rmSync(vitestJson, { force: true });
const unitCode = await run('npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
steps.push(['unit', unitCode]);


const pwJson = join(reports, 'playwright.json');
rmSync(pwJson, { force: true });
let e2eCode = 1;
if (buildCode === 0) e2eCode = await run('npx', ['playwright', 'test'], { PW_JSON_OUTPUT: pwJson, E2E_PORT: String(process.env.E2E_PORT ?? (await freePort())) });
steps.push(['e2e', e2eCode]);

let passed = 0;
let failed = 0;
const vitest = readJson(vitestJson);
if (vitest) {
  passed += vitest.numPassedTests ?? 0;
  const unitFailed = (vitest.numFailedTests ?? 0) + (vitest.numRuntimeErrorTestSuites ?? 0);
  // A runner that fails without failing a test (a crash, a config error) still counts as one failure.
  failed += unitFailed || (unitCode !== 0 ? 1 : 0);
} else failed += 1;
const pw = readJson(pwJson);
if (pw?.stats) {
  passed += (pw.stats.expected ?? 0) + (pw.stats.flaky ?? 0);
  const e2eFailed = pw.stats.unexpected ?? 0;
  failed += e2eFailed || (e2eCode !== 0 ? 1 : 0);
} else failed += 1;

for (const [name, code] of steps) {
  if (code === 0) continue;
  console.log(`step ${name} exited with ${code}`);
  // The type-check and the build are checks too: each failing one counts once.
  if (name === 'typecheck' || name === 'build') failed += 1;
}
if (buildCode === 0 && buildSeconds > BUILD_BUDGET_S) {
  console.log(`build took ${buildSeconds.toFixed(0)} s, budget ${BUILD_BUDGET_S} s`);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || steps.some(([, code]) => code !== 0) ? 1 : 0);
