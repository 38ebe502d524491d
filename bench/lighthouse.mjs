#!/usr/bin/env node
/**
 * Lighthouse (mobile) scores of built pages, served by `astro preview`. Prints figures; no pass/fail.
 * Usage: npm run build && node bench/lighthouse.mjs [/ja/node-maintenance/ …]
 * Lighthouse comes from the npm registry through npx on first use; Chromium from CHROMIUM_PATH or /usr/bin/chromium.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = 4398;
const paths = process.argv.slice(2).length ? process.argv.slice(2) : ['/ja/node-maintenance/', '/en/node-maintenance/'];
const chrome = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

function run(cmd, args, opts = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...opts });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

const server = spawn('npx', ['astro', 'preview', '--ignore-lock', '--port', String(port), '--host', '127.0.0.1'], {
  stdio: 'ignore',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  detached: true,
});
try {
  for (let i = 0; i < 60; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/ja/`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  for (const path of paths) {
    const dir = mkdtempSync(join(tmpdir(), 'lh-'));
    const report = join(dir, 'report.json');
    const { code, out } = await run('npx', ['--yes', 'lighthouse@13', `http://127.0.0.1:${port}${path}`, '--quiet', '--output=json', `--output-path=${report}`,
      '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
    ], { env: { ...process.env, CHROME_PATH: chrome } });
    if (code !== 0) { console.log(`${path}: lighthouse failed\n${out.slice(-2000)}`); continue; }
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const scores = Object.values(json.categories).map((c) => `${c.title} ${Math.round(c.score * 100)}`);
    console.log(`${path} (mobile): ${scores.join(', ')}`);
    const metric = (id) => json.audits[id]?.displayValue ?? '?';
    console.log(`  FCP ${metric('first-contentful-paint')}, LCP ${metric('largest-contentful-paint')}, TBT ${metric('total-blocking-time')}, CLS ${metric('cumulative-layout-shift')}`);
    for (const c of Object.values(json.categories)) {
      if (c.score < 1) {
        for (const ref of c.auditRefs) {
          const a = json.audits[ref.id];
          if (a && a.score !== null && a.score < 1 && ref.weight > 0) console.log(`  ${c.title}: ${a.id} (${a.score}) ${a.title}`);
        }
      }
    }
  }
} finally {
  try { process.kill(-server.pid); } catch { /* already gone */ }
}
