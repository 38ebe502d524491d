import { test, expect, type Page } from '@playwright/test';

/** The requests each page saw fail, so a search that never gets its box can name them. */
const failedRequests = new WeakMap<Page, string[]>();

test.beforeEach(({ page }) => {
  const failed: string[] = [];
  failedRequests.set(page, failed);
  page.on('requestfailed', (request) => failed.push(`${new URL(request.url()).pathname} (${request.failure()?.errorText ?? 'failed'})`));
});

/** Opens Starlight's search dialog, types a query and returns the result links once they settle. */
async function search(page: Page, query: string): Promise<string[]> {
  await page.getByRole('button', { name: /検索|Search/ }).first().click();
  const input = page.locator('#starlight__search input.pagefind-ui__search-input');
  try {
    await input.waitFor({ timeout: 45_000 });
  } catch {
    // Say which step stalled: Starlight never built the UI (no state), or its load is stuck or failed.
    const state = await page.locator('#starlight__search').getAttribute('data-ui');
    const open = await page.locator('site-search dialog').evaluate((d) => (d as HTMLDialogElement).open);
    const failed = failedRequests.get(page)?.join(', ') || 'none';
    throw new Error(`no search box after 45 s: Pagefind UI state ${state ?? '(never constructed)'}, dialog ${open ? 'open' : 'closed'}, failed requests: ${failed}`);
  }
  await input.fill(query);
  const results = page.locator('#starlight__search .pagefind-ui__result-link');
  await expect(results.first()).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(300);
  return results.evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
}

const cases: Array<[locale: 'ja' | 'en', query: string, expected: string]> = [
  ['ja', 'ドレイン', '/ja/node-maintenance/'],
  ['ja', '永続ボリューム', '/ja/storage/persistent-volumes/'],
  ['ja', 'ノード', '/ja/node-maintenance/'],
  ['ja', 'etcdctl snapshot save', '/ja/backup-restore/'],
  ['en', 'drain', '/en/node-maintenance/'],
  ['en', 'persistent volume', '/en/storage/persistent-volumes/'],
  ['en', 'etcdctl snapshot save', '/en/backup-restore/'],
  // Corrected facts are found in their correction asides.
  ['ja', 'etcdutl', '/ja/backup-restore/'],
  ['en', 'etcdutl', '/en/backup-restore/'],
  ['ja', 'kube-controller-manager のフラグ', '/ja/node-maintenance/'],
  ['en', 'pod-eviction-timeout', '/en/node-maintenance/'],
];

for (const [locale, query, expected] of cases) {
  test(`search (${locale}) "${query}" finds ${expected} and only ${locale} pages`, async ({ page }) => {
    await page.goto(`/${locale}/`);
    const found = await search(page, query);
    expect(found.map((p) => p.replace(/#.*$/, ''))).toContain(expected);
    for (const path of found) expect(path.startsWith(`/${locale}/`), path).toBe(true);
  });
}

test('the Japanese search dialog speaks Japanese', async ({ page }) => {
  await page.goto('/ja/');
  await search(page, 'ドレイン');
  await expect(page.locator('#starlight__search .pagefind-ui__message')).toContainText('検索結果');
});

test('a dropped request for the search UI is tried again, so the box still appears', async ({ page }) => {
  let dropped = 0;
  await page.route(/\/_astro\/ui-core\.[\w-]+\.js$/, (route) => {
    if (dropped++ === 0) return route.abort('connectionreset');
    return route.continue();
  });
  await page.goto('/en/');
  const found = await search(page, 'drain');
  expect(dropped, 'the first request was dropped and a second one made').toBeGreaterThanOrEqual(2);
  expect(found.map((p) => p.replace(/#.*$/, ''))).toContain('/en/node-maintenance/');
  await expect(page.locator('#starlight__search')).toHaveAttribute('data-ui', 'ready');
});

test('the search UI stand-in comes with the search script: no request of its own, armed once idle', async ({ page }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto('/en/');
  await expect(page.locator('#starlight__search')).toHaveAttribute('data-ui', 'armed');
  expect(scripts.filter((path) => /pagefind-ui|ui-core/.test(path)), 'no stand-in chunk, and the real UI not yet').toEqual([]);
});

test('on a page that is never idle, the search still gets its box', async ({ page }) => {
  // An idle callback runs only when it has a timeout, and then only once that has passed: a page busy for good.
  await page.addInitScript(() => {
    window.requestIdleCallback = (callback, options) =>
      options?.timeout ? window.setTimeout(() => callback({ didTimeout: true, timeRemaining: () => 0 }), options.timeout) : 0;
  });
  await page.goto('/en/');
  const found = await search(page, 'drain');
  expect(found.map((p) => p.replace(/#.*$/, ''))).toContain('/en/node-maintenance/');
});
