import { test, expect, type Page } from '@playwright/test';

/** Picks a language in the header's select (the desktop one; the mobile menu has its own). */
async function switchTo(page: Page, to: string, label: string) {
  const select = page.locator('kube-lang-select select').filter({ visible: true }).first();
  await Promise.all([page.waitForURL(new RegExp(`/${to}/`)), select.selectOption({ label })]);
  await page.waitForLoadState('load');
}

/** The id of the first section heading on the page below the first, so the test does not depend on wording. */
async function aSectionId(page: Page): Promise<string> {
  const ids = await page.locator('.sl-markdown-content h2[id]').evaluateAll((els) => els.map((e) => e.id));
  expect(ids.length, 'page has sections').toBeGreaterThan(1);
  return ids[Math.min(2, ids.length - 1)];
}

for (const [from, to, label] of [
  ['ja', 'en', 'English'],
  ['en', 'ja', '日本語'],
] as const) {
  test(`${from} → ${to} keeps the section named in the URL`, async ({ page }) => {
    await page.goto(`/${from}/upgrades/`);
    const id = await aSectionId(page);
    await page.goto(`/${from}/upgrades/#${id}`);
    await switchTo(page, to, label);
    await expect(page).toHaveURL(new RegExp(`/${to}/upgrades/#${id}$`));
    await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
    expect(await page.evaluate(() => localStorage.getItem('kube-notes:locale'))).toBe(to);
  });

  test(`${from} → ${to} keeps the section scrolled to, without a fragment`, async ({ page }) => {
    await page.goto(`/${from}/backup-restore/`);
    const id = await aSectionId(page);
    await page.locator(`[id="${id}"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.mouse.wheel(0, 40);
    await page.waitForTimeout(100);
    await switchTo(page, to, label);
    await expect(page).toHaveURL(new RegExp(`/${to}/backup-restore/#${id}$`));
  });
}
