#!/usr/bin/env node
/**
 * Writes the cheat-sheets as PDFs into dist-pdf/: the whole-site sheet and each chapter's sheet,
 * in Japanese (A4) and English (US Letter), printed by Chromium from the built site served by
 * `astro preview`. Run `npm run build` first. Usage: npm run pdf [-- --port 4398] [--dist dist]
 * (--dist: a build made with `astro build --outDir DIR`).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';

const root = process.cwd();
const option = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const port = Number(option('--port') ?? process.env.PDF_PORT ?? 4398);
const dist = option('--dist');
const base = `http://127.0.0.1:${port}`;
const out = join(root, 'dist-pdf');

/** The sheet pages of the build: `/ja/cheatsheet/`, `/ja/cheatsheet/upgrades/`, … */
function sheetPaths() {
  const paths = [];
  for (const locale of ['ja', 'en']) {
    const dir = join(dist ? resolve(root, dist) : join(root, 'dist'), locale, 'cheatsheet');
    if (!existsSync(join(dir, 'index.html'))) throw new Error(`${dir}/index.html is missing: run npm run build first`);
    paths.push({ locale, chapter: '', path: `/${locale}/cheatsheet/` });
    for (const name of readdirSync(dir).sort()) {
      if (statSync(join(dir, name)).isDirectory()) paths.push({ locale, chapter: name, path: `/${locale}/cheatsheet/${name}/` });
    }
  }
  return paths;
}

/** Resolves once the preview server answers. */
async function waitFor(url, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} did not answer within ${ms / 1000}s`);
}

const sheets = sheetPaths();
mkdirSync(out, { recursive: true });
// Its own process group, so that stopping it also stops the node process npx starts.
const server = spawn('npx', ['astro', 'preview', '--ignore-lock', '--port', String(port), '--host', '127.0.0.1', ...(dist ? ['--outDir', dist] : [])], {
  cwd: root,
  detached: true,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
});
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
};
process.on('exit', stop);

let browser;
try {
  await waitFor(`${base}/ja/cheatsheet/`);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage();
  for (const sheet of sheets) {
    const response = await page.goto(base + sheet.path, { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`${sheet.path}: HTTP ${response?.status()} (is dist/ being rebuilt?)`);
    await page.evaluate(() => document.fonts.ready);
    const file = join(out, `cheatsheet-${sheet.locale}${sheet.chapter ? `-${sheet.chapter}` : ''}.pdf`);
    // The paper size (A4 / Letter) and the margins come from the sheet's own @page rules.
    await page.pdf({ path: file, preferCSSPageSize: true, printBackground: false });
    console.log(`${sheet.path} -> ${file.slice(root.length + 1)}`);
  }
} finally {
  await browser?.close();
  stop();
}
