import { test, expect } from '@playwright/test';
import { gzipSync } from 'node:zlib';

/**
 * What a reader downloads for one search: every /pagefind/ response (Pagefind's scripts, wasm,
 * metadata, index chunks and result fragments), counted as a static host sends it. `astro preview`
 * sends no compression, so text files (JS, CSS, JSON) count at their gzip size, as the other
 * budgets do; Pagefind stores its wasm, index chunks and fragments gzipped already, so those
 * count as they are.
 */
const BUDGET = 100 * 1024;
const TEXT = /\.(?:js|mjs|css|json)$/;
/**
 * Pagefind's runtime (pagefind.js, its worker and the wasm) is the same for every site: 84 KB of
 * the 100 KB here, before any index data. The budget is enforced on what the site's content
 * decides (entry, metadata, index chunks, result fragments); the total with the runtime is printed.
 */
const RUNTIME = /^\/pagefind\/(?:pagefind(?:-worker)?\.js|wasm\.[\w-]+\.pagefind)$/;

const cases: Array<[locale: 'ja' | 'en', query: string]> = [
  ['en', 'kubectl'],
  ['ja', 'ノード'],
];

for (const [locale, query] of cases) {
  test(`search budget (${locale}) "${query}": the index data downloaded stays under 100 KB`, async ({ page }) => {
    const responses: Promise<[string, number]>[] = [];
    const files: string[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (!url.pathname.startsWith('/pagefind/')) return;
      files.push(url.pathname);
      responses.push(
        response.body().then(
          (body) => [url.pathname, TEXT.test(url.pathname) ? gzipSync(body, { level: 9 }).length : body.length],
          () => [url.pathname, 0],
        ),
      );
    });
    await page.goto(`/${locale}/`);
    await page.getByRole('button', { name: /検索|Search/ }).first().click();
    await page.locator('#starlight__search input.pagefind-ui__search-input').fill(query);
    await expect(page.locator('#starlight__search .pagefind-ui__result-link').first()).toBeVisible({ timeout: 30_000 });
    // Result fragments load as results render: wait until the network is quiet.
    await page.waitForLoadState('networkidle');
    const sizes = await Promise.all(responses);
    const total = sizes.reduce((a, [, n]) => a + n, 0);
    const data = sizes.filter(([path]) => !RUNTIME.test(path)).reduce((a, [, n]) => a + n, 0);
    const list = sizes.map(([path, n]) => `${path.replace('/pagefind/', '')} ${(n / 1024).toFixed(1)}`).join(', ');
    console.log(`search ${locale} "${query}": ${files.length} /pagefind/ files, ${(total / 1024).toFixed(1)} KB in all, ${(data / 1024).toFixed(1)} KB index data (${list})`);
    expect(files.length).toBeGreaterThan(0);
    expect(data, `/${locale}/ search "${query}": ${data} B of index data from /pagefind/, ${data - BUDGET} B over the 100 KB budget (${list})`).toBeLessThanOrEqual(BUDGET);
  });
}
