#!/usr/bin/env node
/**
 * The main-thread cost of loading pages in Chromium (Debian's), from the DevTools Performance
 * metrics: style recalculation, layout and script time, with the CPU slowed 4× as Lighthouse's
 * mobile run assumes. Prints the median of a few loads per page; no pass/fail. Needs a built site.
 * Usage: node bench/page-render.mjs [--runs 5] [--port N] [/ja/node-maintenance/ …]
 */
import { chromium } from '@playwright/test';
import { freePort } from '../scripts/lib/free-port.mjs';
import { startPreview } from '../scripts/lib/preview.mjs';

const args = process.argv.slice(2);
const take = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args.splice(i, 2)[1] : fallback;
};
const runs = Number(take('runs', '5'));
const port = Number(take('port', String(await freePort())));
const paths = args.length ? args : ['/ja/node-maintenance/', '/en/node-maintenance/', '/ja/networking/service-networking/', '/en/networking/service-networking/'];

const preview = await startPreview({ port });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  console.log(`${'page'.padEnd(40)} ${'style ms'.padStart(9)} ${'layout ms'.padStart(10)} ${'script ms'.padStart(10)} ${'tasks ms'.padStart(9)} ${'layouts'.padStart(8)} ${'styles'.padStart(8)}  (median of ${runs}, CPU 4× slower)`);
  for (const path of paths) {
    const samples = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      await page.goto(`${preview.base}${path}`, { waitUntil: 'load' });
      await page.waitForTimeout(1500);
      const { metrics } = await cdp.send('Performance.getMetrics');
      const m = Object.fromEntries(metrics.map((x) => [x.name, x.value * 1000]));
      samples.push([m.RecalcStyleDuration, m.LayoutDuration, m.ScriptDuration, m.TaskDuration, m.LayoutCount / 1000, m.RecalcStyleCount / 1000]);
      await context.close();
    }
    const col = (i) => median(samples.map((s) => s[i])).toFixed(0);
    console.log(`${path.padEnd(40)} ${col(0).padStart(9)} ${col(1).padStart(10)} ${col(2).padStart(10)} ${col(3).padStart(9)} ${col(4).padStart(8)} ${col(5).padStart(8)}`);
  }
} finally {
  await browser.close();
  preview.stop();
}
