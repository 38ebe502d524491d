import { defineConfig } from '@playwright/test';

/** Port of the `astro preview` server the browser tests use (kept apart from the dev default 4321). */
const PORT = Number(process.env.E2E_PORT ?? 4399);

/**
 * Browser tests run in the machine's Chromium (Debian's package), never a downloaded browser:
 * CHROMIUM_PATH if set, else /usr/bin/chromium.
 */
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  // A test may wait on the search index, a PDF render or a simulator worker booting on a 2-core machine.
  timeout: 90_000,
  // Terminal outputs come from a Web Worker that starts the simulator on first use: give it time on a small machine.
  expect: { timeout: 20_000 },
  reporter: process.env.PW_JSON_OUTPUT ? [['list'], ['json', { outputFile: process.env.PW_JSON_OUTPUT }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    command: `npx astro preview --ignore-lock --port ${PORT} --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/ja/`,
    reuseExistingServer: false,
    timeout: 60_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
