#!/usr/bin/env node
/**
 * `npm run bench`: runs the benchmarks and prints one table of figures (no pass/fail; the budgets
 * are enforced by `npm test`). Needs a built site (`npm run build`) for the page, search and
 * latency figures; the build time comes from reports/build-time.txt, written by `npm test`.
 * Usage: node bench/all.mjs [--port 4471] [--runs 3] [--no-browser]
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { freePort } from '../scripts/lib/free-port.mjs';
import { join } from 'node:path';
import { pageScripts, totalGzip, gzipBytes } from '../src/lib/site-check/page-js.ts';
import { ScriptOrigins } from '../src/lib/site-check/script-origin.ts';
import { sumGzip as sum, WorkerChunks, workerLoad } from '../src/lib/site-check/worker-load.ts';
import { demoPages } from './demo-pages.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const root = process.cwd();
const dist = join(root, 'dist');
const rows = [];
const add = (what, value, note = '') => rows.push([what, value, note]);
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Runs a node script and resolves with its stdout (its stderr passes through). */
function node(script, scriptArgs = []) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...scriptArgs], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('close', (code) => resolve(code === 0 ? out : `${out}\n(exit ${code})`));
  });
}
const figure = (text, label) => new RegExp(`^\\s*${label}\\s+([\\d.]+)`, 'm').exec(text)?.[1];


// Simulator: throughput and latency on the mixed 1,000-command script.
console.error('bench: simulator (bench/sim.mjs)…');
const sim = await node('bench/sim.mjs');
add('simulator commands/s', figure(sim, 'commands/s') ?? '?', '1,000-command mix, Node');
add('simulator median latency', `${figure(sim, 'median latency') ?? '?'} ms`);
add('simulator p99 latency', `${figure(sim, 'p99 latency') ?? '?'} ms`);

const built = existsSync(join(dist, 'index.html'));
if (!built) add('site figures', 'skipped', 'run `npm run build` first');
else {
  const page = (url) => readFileSync(join(dist, url, 'index.html'), 'utf8');
  const origins = new ScriptOrigins(root);
  const reading = pageScripts(page('/en/networking/'), dist);
  const starlight = totalGzip(reading.filter((s) => origins.originOf(s.code).origin === 'starlight'));
  add('JS, reading page /en/networking/', kb(totalGzip(reading)), `gzip; Starlight's own ${kb(starlight)}`);
  const demoBefore = totalGzip(pageScripts(page('/en/playground/'), dist));
  const load = workerLoad(dist, 'kubectl get pods');
  add('JS, demo page /en/playground/ before interaction', kb(demoBefore), 'gzip');
  add(
    'JS, /en/playground/ after a first kubectl get pods',
    kb(demoBefore + sum(load.core) + sum(load.scenario) + sum(load.command)),
    `gzip; worker core ${kb(sum(load.core))} + default scenario ${kb(sum(load.scenario))} + kubectl ${kb(sum(load.command))}`,
  );
  // Each chapter's demos: the terminals ready, then every command the page shows run once.
  const chunks = new WorkerChunks(dist);
  for (const demo of await demoPages(dist, chunks, 'en')) {
    add(`JS, ${demo.url} demos`, `${kb(demo.ready.total)} → ${kb(demo.all.total)}`, `gzip; terminals ready (${demo.terminals.join(', ')}) → all ${demo.commands} commands run`);
  }
  const chapter = page('/en/upgrades/');
  const css = [...chapter.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*>/g)].map((m) => /href="([^"]+)"/.exec(m[0])[1]);
  add('HTML + CSS, chapter /en/upgrades/', kb(gzipBytes(chapter) + css.reduce((t, h) => t + gzipBytes(readFileSync(join(dist, h))), 0)), 'gzip, inline and linked CSS');
  // The search index on disk, without a browser: every file under dist/pagefind/ (fragments
  // and index chunks are stored gzipped, as they are sent); a query loads a part of it.
  let files = 0;
  let bytes = 0;
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else {
        files++;
        bytes += statSync(path).size;
      }
    }
  };
  if (existsSync(join(dist, 'pagefind'))) {
    walk(join(dist, 'pagefind'));
    add('search index on disk (dist/pagefind/)', kb(bytes), `${files} files, both languages; one query loads part (tests/e2e/search-budget.spec.ts)`);
  }
  if (!args.includes('--no-browser')) {
    console.error('bench: terminal latency in Chromium (bench/terminal-latency.mjs)…');
    const port = opt('port', String(await freePort()));
    const latency = await node('bench/terminal-latency.mjs', ['--port', port, '--runs', opt('runs', '3')]);
    add('first output after first Enter, cold', `${figure(latency, 'cold') ?? '?'} ms`, 'Chromium, worker not started');
    add('first output after first Enter, ready', `${figure(latency, 'ready') ?? '?'} ms`, 'prompt just shown');
    add('first output, warm', `${figure(latency, 'warm') ?? '?'} ms`, 'a later command');
  }
}

const buildTime = join(root, 'reports', 'build-time.txt');
add('build time', existsSync(buildTime) ? `${readFileSync(buildTime, 'utf8').trim()} s` : 'n/a', existsSync(buildTime) ? `last \`npm test\` (${statSync(buildTime).mtime.toISOString().slice(0, 16)})` : 'written by `npm test`');

const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => String(r[i]).length), ['figure', 'value', 'note'][i].length));
const line = (r) => `| ${r.map((c, i) => String(c).padEnd(w[i])).join(' | ')} |`;
console.log(line(['figure', 'value', 'note']));
console.log(`|${w.map((n) => '-'.repeat(n + 2)).join('|')}|`);
for (const r of rows) console.log(line(r));
