import { test, expect } from '@playwright/test';
import { builtPages } from './helpers.ts';

const chapters = builtPages('ja').filter((p) => !p.startsWith('/ja/parallel/'));

test('every chapter has a parallel view whose Japanese and English sections sit side by side', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  for (const path of chapters) {
    const parallel = path.replace(/^\/ja\//, '/ja/parallel/');
    await page.goto(parallel);
    const ja = page.locator('.kn-col[data-col="ja"] > .kn-section');
    const en = page.locator('.kn-col[data-col="en"] > .kn-section');
    const n = await ja.count();
    expect(await en.count(), parallel).toBe(n);
    for (let i = 0; i < n; i++) {
      expect(await en.nth(i).getAttribute('data-section'), parallel).toBe(await ja.nth(i).getAttribute('data-section'));
      const [a, b] = [await ja.nth(i).boundingBox(), await en.nth(i).boundingBox()];
      expect(Math.abs((a?.y ?? 0) - (b?.y ?? 1)), `${parallel} section ${i}`).toBeLessThan(1);
      expect(b!.x, `${parallel} en column is to the right`).toBeGreaterThan(a!.x + 100);
    }
  }
});

test('on a phone the parallel view stacks each section, Japanese first', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/en/parallel/upgrades/');
  const ja = page.locator('.kn-col[data-col="ja"] > .kn-section');
  const en = page.locator('.kn-col[data-col="en"] > .kn-section');
  expect(await ja.count()).toBeGreaterThan(1);
  for (let i = 0; i < Math.min(3, await ja.count()); i++) {
    const a = (await ja.nth(i).boundingBox())!;
    const b = (await en.nth(i).boundingBox())!;
    expect(b.y).toBeGreaterThan(a.y);
    if (i + 1 < (await ja.count())) expect((await ja.nth(i + 1).boundingBox())!.y).toBeGreaterThan(b.y);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
});

test('the header links a chapter to its parallel view and back', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/ja/upgrades/');
  await page.locator('a.kn-parallel-link').filter({ visible: true }).first().click();
  await expect(page).toHaveURL(/\/ja\/parallel\/upgrades\/$/);
  await page.locator('a.kn-parallel-link').filter({ visible: true }).first().click();
  await expect(page).toHaveURL(/\/ja\/upgrades\/$/);
});
