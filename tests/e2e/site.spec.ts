import { test, expect } from '@playwright/test';
import { builtPages } from './helpers.ts';

const pages = [...builtPages('ja'), ...builtPages('en')];

test('both languages have every page, under the same path', () => {
  const ja = builtPages('ja').map((p) => p.slice(3));
  const en = builtPages('en').map((p) => p.slice(3));
  expect(ja.length).toBeGreaterThanOrEqual(17);
  expect(en).toEqual(ja);
});

test('every page declares its own language in <html lang>', async ({ request }) => {
  for (const path of pages) {
    const html = await (await request.get(path)).text();
    const lang = /<html[^>]*\blang="([^"]+)"/.exec(html)?.[1];
    expect(lang, path).toBe(path.split('/')[1]);
  }
});

test('no page logs a console error or throws', async ({ page }) => {
  test.setTimeout(600_000);
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`${page.url()}: ${err.message}`));
  for (const path of ['/', ...pages]) {
    await page.goto(path + (path === '/' ? '?stay' : ''));
    await page.waitForLoadState('load');
  }
  expect(errors).toEqual([]);
});

test('the landing page offers both languages and follows the remembered one', async ({ page }) => {
  await page.goto('/?stay');
  await expect(page.getByRole('link', { name: /日本語で読む/ })).toHaveAttribute('href', '/ja/');
  await expect(page.getByRole('link', { name: /Read in English/ })).toHaveAttribute('href', '/en/');
  await page.evaluate(() => localStorage.setItem('kube-notes:locale', 'en'));
  await page.goto('/');
  await expect(page).toHaveURL(/\/en\/$/);
});

test('no page scrolls sideways on a 360 px phone', async ({ page }) => {
  test.setTimeout(600_000);
  await page.setViewportSize({ width: 360, height: 800 });
  const wide: string[] = [];
  for (const path of pages.filter((p) => !p.includes('/parallel/'))) {
    await page.goto(path);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 360) wide.push(`${path}: ${width}px`);
  }
  expect(wide).toEqual([]);
});
