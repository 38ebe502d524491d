import { test, expect } from '@playwright/test';

/** The search index a reader downloads for one query: every /pagefind/ response, in bytes on the wire. */
const BUDGET = 100 * 1024;

const cases: Array<[locale: 'ja' | 'en', query: string]> = [
  ['en', 'kubectl'],
  ['ja', 'ノード'],
];

for (const [locale, query] of cases) {
  test(`search budget (${locale}) "${query}": the /pagefind/ downloads stay under 100 KB`, async ({ page }) => {
    const responses: Promise<number>[] = [];
    const files: string[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (!url.pathname.startsWith('/pagefind/')) return;
      files.push(url.pathname);
      // Bytes as transferred (Pagefind's fragments and index chunks are already gzip files); the
      // body length when the server sent no Content-Length.
      responses.push(
        response.body().then(
          async (body) => Number((await response.allHeaders())['content-length'] ?? body.length),
          () => 0,
        ),
      );
    });
    await page.goto(`/${locale}/`);
    await page.getByRole('button', { name: /検索|Search/ }).first().click();
    await page.locator('#starlight__search input.pagefind-ui__search-input').fill(query);
    await expect(page.locator('#starlight__search .pagefind-ui__result-link').first()).toBeVisible({ timeout: 30_000 });
    // Result fragments load as results render: wait until the network is quiet.
    await page.waitForLoadState('networkidle');
    const total = (await Promise.all(responses)).reduce((a, b) => a + b, 0);
    console.log(`search ${locale} "${query}": ${files.length} /pagefind/ files, ${(total / 1024).toFixed(1)} KB`);
    expect(files.length).toBeGreaterThan(0);
    expect(total, `/${locale}/ search "${query}": ${total} B from /pagefind/, ${total - BUDGET} B over the 100 KB budget`).toBeLessThanOrEqual(BUDGET);
  });
}
