import { test, expect, type Page } from '@playwright/test';

/**
 * The Content-Security-Policy (astro.config.mjs `security.csp` + src/integrations/csp-complete.ts) on every
 * kind of page: it is there, it allows no eval, no inline code without a hash and no other origin,
 * nothing on the page violates it, and what the page does (terminal, search, copy, theme) still works.
 */

type Recorded = { violations: string[]; errors: string[] };

/** Records CSP violations (from the page's first script on) and console errors / page errors. */
async function watch(page: Page): Promise<Recorded> {
  const recorded: Recorded = { violations: [], errors: [] };
  await page.exposeFunction('__cspViolation', (text: string) => recorded.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __cspViolation: (t: string) => void }).__cspViolation;
      void report(`${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} at ${e.sourceFile}:${e.lineNumber} ${e.sample}`);
    });
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') recorded.errors.push(msg.text());
  });
  page.on('pageerror', (err) => recorded.errors.push(String(err)));
  return recorded;
}

/** The page's policy, from its meta element (a static site has no header to carry it). */
async function policyOf(page: Page): Promise<string> {
  const metas = page.locator('meta[http-equiv="content-security-policy" i]');
  await expect(metas).toHaveCount(1);
  return (await metas.getAttribute('content')) ?? '';
}

/** Asserts the policy is strict: no eval, no inline scripts without a hash, nothing but this origin. */
async function assertStrictPolicy(page: Page) {
  const policy = await policyOf(page);
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(policy).not.toContain("'unsafe-eval'");
  expect(directives.get('script-src')).toEqual(expect.arrayContaining(["'self'"]));
  expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  expect(directives.get('script-src')).not.toContain('*');
  expect(directives.get('style-src')).not.toContain("'unsafe-inline'");
  expect(directives.get('object-src')).toEqual(["'none'"]);
  // Every source is a keyword ('self', 'sha256-…', 'wasm-unsafe-eval', …) or data: for images: no host, no scheme-wide source.
  for (const [name, sources] of directives) {
    for (const source of sources) {
      const allowed = /^'[a-z0-9-]+'$/.test(source) || /^'sha(256|384|512)-[A-Za-z0-9+/=]+'$/.test(source) || (name === 'img-src' && source === 'data:');
      expect(allowed, `${name} ${source}`).toBe(true);
    }
  }
}

function assertClean(recorded: Recorded) {
  expect(recorded.violations, 'CSP violations').toEqual([]);
  expect(recorded.errors, 'console errors').toEqual([]);
}

async function open(page: Page, path: string, status = 200): Promise<Recorded> {
  const recorded = await watch(page);
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(status);
  await page.waitForLoadState('load');
  await assertStrictPolicy(page);
  return recorded;
}

async function typeCommand(page: Page, command: string) {
  await page.locator('kube-terminal').first().getByRole('textbox').click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

test.describe.configure({ timeout: 90_000 });

test('the landing page', async ({ page }) => {
  const recorded = await open(page, '/');
  await expect(page.locator('h1').first()).toBeVisible();
  assertClean(recorded);
});

for (const lang of ['ja', 'en'] as const) {
  test(`a chapter (${lang}): theme switch and copy button work`, async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const recorded = await open(page, `/${lang}/backup-restore/`);
    const select = page.locator('starlight-theme-select select').first();
    await select.selectOption('light');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await select.selectOption('dark');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    const copy = page.locator('.expressive-code .copy button').first();
    await copy.scrollIntoViewIfNeeded();
    await copy.click();
    // Expressive Code's copy script (plugin-frames) announces the copy in the live region next to the button.
    await expect(page.locator('.expressive-code .copy [aria-live]').first()).not.toBeEmpty();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.length).toBeGreaterThan(0);
    assertClean(recorded);
  });
}

test('a demo page: the terminal answers typed commands and ▶ buttons', async ({ page }) => {
  const recorded = await open(page, '/en/playground/');
  const log = page.locator('kube-terminal').first().getByRole('log');
  await typeCommand(page, 'kubectl get nodes');
  await expect(log).toContainText(/controlplane\s+Ready/);
  await page.getByRole('button', { name: 'Run in the terminal: kubectl get nodes' }).first().click();
  await page.getByRole('button', { name: 'Run in the terminal: echo hello' }).first().click();
  await expect(log).toContainText('hello');
  assertClean(recorded);
});

test('the search dialog finds results (Pagefind WebAssembly and index fetches)', async ({ page }) => {
  const recorded = await open(page, '/en/');
  await page.getByRole('button', { name: /Search/ }).first().click();
  await page.locator('#starlight__search input.pagefind-ui__search-input').fill('drain');
  const results = page.locator('#starlight__search .pagefind-ui__result-link');
  await expect(results.first()).toBeVisible({ timeout: 30_000 });
  expect(await results.count()).toBeGreaterThan(0);
  assertClean(recorded);
});

test('the live-diagrams page follows its terminal', async ({ page }) => {
  const recorded = await open(page, '/ja/live-diagrams/');
  const terminal = page.locator('kube-terminal');
  await terminal.getByText('解答を表示').click();
  await terminal.locator('[data-run-command]').nth(0).click();
  await expect(terminal.getByRole('log')).toContainText('persistentvolumeclaim/myclaim created');
  await expect(page.locator('svg').first()).toBeVisible();
  assertClean(recorded);
});

for (const path of ['/ja/cheatsheet/', '/en/cheatsheet/backup-restore/']) {
  test(`a cheat-sheet page ${path}`, async ({ page }) => {
    const recorded = await open(page, path);
    await expect(page.locator('h1').first()).toBeVisible();
    assertClean(recorded);
  });
}

test('the parallel view', async ({ page }) => {
  const recorded = await open(page, '/en/parallel/upgrades/');
  await expect(page.locator('.kn-col[data-col="en"] > .kn-section').first()).toBeVisible();
  assertClean(recorded);
});

test('the 404 page', async ({ page }) => {
  const recorded = await open(page, '/en/no-such-page/', 404);
  // The 404 response itself is logged by Chromium as a failed resource load; nothing else may be.
  recorded.errors = recorded.errors.filter((e) => !/status of 404/.test(e));
  await expect(page.locator('h1').first()).toBeVisible();
  assertClean(recorded);
});
