#!/usr/bin/env node
/**
 * Writes the cheat-sheets as PDFs into dist-pdf/: the whole-site sheet and each chapter's sheet,
 * in Japanese (A4) and English (US Letter), printed by Chromium from the built site served by
 * `astro preview`. Run `npm run build` first. Usage: npm run pdf [-- --port 4398] [--dist dist]
 * (--dist: a build made with `astro build --outDir DIR`).
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { startPreview } from './lib/preview.mjs';

const root = process.cwd();
const option = (name) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const port = Number(option('--port') ?? process.env.PDF_PORT ?? 4398);
const dist = option('--dist');
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

const sheets = sheetPaths();
mkdirSync(out, { recursive: true });
const { base, stop } = await startPreview({ port, outDir: dist, readyPath: '/ja/cheatsheet/', cwd: root });

let browser;
try {
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
