#!/usr/bin/env node
// Terminal latency in Chromium (no pass/fail): time from the reader's first Enter to the first
// output on the playground page, in three cases, each the median of several fresh pages:
//   cold   the worker has not started (the terminal is below the fold): Enter starts it
//   ready  the prompt has just appeared: the command may wait for the lazy command chunks
//   warm   a later command in the same terminal
//   prompt (not a command) the worker's start to its first prompt, on a page whose terminal is seen
// --slow emulates a slow phone network (1.6 Mbit/s down, 150 ms round trip) through DevTools.
// Usage: node bench/terminal-latency.mjs [--url http://host:port] [--port 4461] [--runs 5] [--outDir dist] [--slow]
// Without --url it serves ./dist (or --outDir) with `astro preview` (run `npm run build` first).
import { startPreview } from '../scripts/lib/preview.mjs';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(opt('runs', 5));
const port = Number(opt('port', 4461));
let base = opt('url');
let stop = () => {};

if (!base) ({ base, stop } = await startPreview({ port, outDir: opt('outDir'), readyPath: '/en/playground/' }));

const COMMAND = 'kubectl get nodes';
const slow = args.includes('--slow');

/** A new page, on the slow network when --slow. */
async function open(context) {
  const page = await context.newPage();
  if (slow) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  }
  return page;
}

/** Runs `command` as the ▶ buttons do (the element's runCommand) and resolves with ms until `expect` is in the log. */
function timeCommand(page, command, expect) {
  return page.evaluate(
    ([command, expect]) =>
      new Promise((resolve) => {
        const el = document.querySelector('kube-terminal');
        const log = el.querySelector('[role="log"]');
        const t0 = performance.now();
        const seen = () => log.textContent.includes(expect);
        const observer = new MutationObserver(() => {
          if (seen()) {
            observer.disconnect();
            resolve(performance.now() - t0);
          }
        });
        observer.observe(log, { childList: true, subtree: true, characterData: true });
        el.runCommand(command);
      }),
    [command, expect],
  );
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic'],
});
const results = { cold: [], ready: [], warm: [], prompt: [] };
try {
  for (let i = 0; i < runs; i++) {
    // A new context each time: empty HTTP cache, no saved session.
    const context = await browser.newContext({ viewport: { width: 360, height: 300 } });
    const page = await open(context);
    let workers = 0;
    page.on('worker', () => workers++);
    await page.goto(`${base}/en/playground/`);
    await page.waitForLoadState('networkidle');
    if (workers !== 0) throw new Error('the worker started before the first command; cannot measure a cold start');
    results.cold.push(await timeCommand(page, COMMAND, 'node01 '));
    results.warm.push(await timeCommand(page, 'kubectl get pods -A', 'kube-system '));

    // A fresh page whose terminal is visible: wait for the prompt, then run at once.
    const ready = await open(context);
    await ready.setViewportSize({ width: 1280, height: 900 });
    let startedAt = 0;
    const started = ready.waitForEvent('worker').then(() => (startedAt = performance.now()));
    await ready.goto(`${base}/en/playground/`);
    await ready.locator('kube-terminal').scrollIntoViewIfNeeded();
    await started;
    await ready.waitForFunction(() => !document.querySelector('kube-terminal [role="log"]')?.hasAttribute('aria-busy'), null, { polling: 5 });
    results.prompt.push(performance.now() - startedAt);
    results.ready.push(await timeCommand(ready, COMMAND, 'node01 '));
    await context.close();
  }
} finally {
  await browser.close();
  stop();
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`terminal latency, first Enter to first output (${base}/en/playground/, \`${COMMAND}\`, median of ${runs}${slow ? ', slow network' : ''})`);
for (const [name, xs] of Object.entries(results)) {
  console.log(`  ${name.padEnd(6)} ${median(xs).toFixed(0).padStart(6)} ms   (${xs.map((x) => x.toFixed(0)).join(', ')})`);
}
