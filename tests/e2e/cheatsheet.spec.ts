import { test, expect, type Page } from '@playwright/test';
import { loadSheets } from '../../src/lib/cheatsheet-files.ts';
import { sectionUrl, type ChapterSheet } from '../../src/lib/cheatsheet-data.ts';
import { pdfInfo, pdfText, squeeze } from './pdf-info.ts';

const sheets = loadSheets();
const entriesOf = (list: ChapterSheet[]) => list.flatMap((s) => s.groups.flatMap((g) => g.entries));

/** Paper per language, in PDF points (ISO 216 A4 = 210×297 mm; US Letter = 8.5×11 in), and the printable width in CSS px (9 mm side margins). */
const PAPER = {
  ja: { name: 'A4', width: 595, height: 842, printableWidthPx: Math.floor(((210 - 18) / 25.4) * 96) },
  en: { name: 'Letter', width: 612, height: 792, printableWidthPx: Math.floor(((215.9 - 18) / 25.4) * 96) },
} as const;

async function open(page: Page, path: string) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await page.evaluate(() => document.fonts.ready);
}

async function printPdf(page: Page): Promise<Buffer> {
  // The sheet's own @page rule gives the paper size, as it does for window.print().
  return page.pdf({ preferCSSPageSize: true, printBackground: false });
}

for (const locale of ['ja', 'en'] as const) {
  const paper = PAPER[locale];
  const targets = [
    { path: `/${locale}/cheatsheet/`, list: sheets, maxPages: 2 },
    ...sheets.map((s) => ({ path: `/${locale}/cheatsheet/${s.chapter}/`, list: [s], maxPages: 1 })),
  ];

  for (const { path, list, maxPages } of targets) {
    test(`${path} prints on at most ${maxPages} ${paper.name} page(s) with every entry`, async ({ page }) => {
      // Chromium takes several seconds per CJK font face it subsets into the PDF (minutes on a loaded machine).
      test.setTimeout(240_000);
      await open(page, path);
      const pdf = await printPdf(page);
      const { pages, mediaBoxes } = pdfInfo(pdf);
      expect(pages, `${path}: pages`).toBeGreaterThanOrEqual(1);
      expect(pages, `${path}: pages`).toBeLessThanOrEqual(maxPages);
      expect(mediaBoxes.length, path).toBe(pages);
      for (const box of mediaBoxes) {
        expect(Math.round(box[2] - box[0]), `${path}: width`).toBe(paper.width);
        expect(Math.round(box[3] - box[1]), `${path}: height`).toBe(paper.height);
      }
      const text = pdfText(pdf);
      if (text !== undefined) {
        // poppler-utils is installed: look for each entry in the PDF's own text.
        const all = squeeze(text);
        for (const entry of entriesOf(list)) {
          expect(all, `${path}: command in the PDF`).toContain(squeeze(entry.command));
          expect(all, `${path}: explanation in the PDF`).toContain(squeeze(entry[locale]));
        }
        expect(all, `${path}: URL in the footer`).toContain(squeeze(`https://kube-notes.example.org${path}`));
      }
      // Without pdftotext, and in any case: every entry is laid out in print media.
      await page.emulateMedia({ media: 'print' });
      const shown = await page.locator('.kn-cs-entry').evaluateAll((els) =>
        els.map((el) => ({ text: el.textContent ?? '', visible: el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden' })),
      );
      expect(shown.length, path).toBe(entriesOf(list).length);
      for (const [i, entry] of entriesOf(list).entries()) {
        expect(shown[i].visible, `${path}: ${entry.command}`).toBe(true);
        expect(shown[i].text).toContain(entry.command);
        expect(shown[i].text).toContain(entry[locale]);
      }
      await page.emulateMedia({ media: null });
    });
  }

  test(`${locale}: in print media no entry line is clipped and no entry or heading is split across columns`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: paper.printableWidthPx, height: 1100 });
    await page.emulateMedia({ media: 'print' });
    for (const path of [`/${locale}/cheatsheet/`, `/${locale}/cheatsheet/troubleshooting/`]) {
      await open(page, path);
      const report = await page.evaluate(() => {
        const boxes = [...document.querySelectorAll<HTMLElement>('.kn-cs-entry, .kn-cs-cmd, .kn-cs-desc')];
        return {
          clipped: boxes.filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent),
          split: [...document.querySelectorAll<HTMLElement>('.kn-cs-entry, .kn-cs-keep')].filter((el) => el.getClientRects().length !== 1).map((el) => el.textContent),
          columns: getComputedStyle(document.querySelector('.kn-cs-columns')!).columnCount,
          smallest: Math.min(...[...document.querySelectorAll<HTMLElement>('.kn-cs *')].filter((el) => el.getClientRects().length > 0 && el.textContent?.trim()).map((el) => parseFloat(getComputedStyle(el).fontSize))),
          chrome: [...document.querySelectorAll<HTMLElement>('.page > header, nav.sidebar, .kn-cs-toolbar, h1#_top')].filter((el) => el.getClientRects().length > 0).length,
        };
      });
      expect(report.clipped, path).toEqual([]);
      expect(report.split, path).toEqual([]);
      expect(report.columns, path).toBe('3');
      // 7.5 pt = 10 CSS px.
      expect(report.smallest, path).toBeGreaterThanOrEqual(10);
      expect(report.chrome, `${path}: header, sidebar, toolbar hidden`).toBe(0);
    }
  });

  test(`${locale}: on screen the sheet looks like the site, links each entry to its section and has a print button`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.addInitScript(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed++;
      };
    });
    await open(page, `/${locale}/cheatsheet/`);
    await expect(page.locator('nav.sidebar')).toBeAttached();
    await expect(page.locator('h1#_top')).toHaveText(locale === 'ja' ? 'チートシート' : 'Cheat sheet');
    await page.locator('kn-print-button button').click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // Every § link points at its section, and that section exists on the chapter page.
    const hrefs = await page.locator('.kn-cs-src').evaluateAll((els) => els.map((a) => a.getAttribute('href')));
    expect(hrefs).toEqual(entriesOf(sheets).map((e) => sectionUrl(locale, e)));
    const ids = new Map<string, string>();
    for (const href of new Set(hrefs as string[])) {
      const [path, id] = href.split('#');
      if (!ids.has(path)) {
        const response = await page.request.get(path);
        expect(response.status(), path).toBe(200);
        ids.set(path, await response.text());
      }
      expect(ids.get(path), href).toContain(`id="${id}"`);
    }
    // The chapter sheets are linked from the whole-site sheet.
    for (const s of sheets) await expect(page.locator(`.kn-cs-links a[href="/${locale}/cheatsheet/${s.chapter}/"]`)).toHaveCount(1);
  });
}

test('a chapter prints without site chrome, with wrapped code and the targets of external links', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await open(page, '/en/backup-restore/');
  for (const selector of ['.page > header', 'nav.sidebar', '.right-sidebar-container', '.pagination-links']) {
    await expect(page.locator(selector).first(), selector).toBeHidden();
  }
  await expect(page.locator('.sl-markdown-content h2').first()).toBeVisible();
  const pre = page.locator('.sl-markdown-content .expressive-code pre').first();
  expect(await pre.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-wrap');
  expect(await pre.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  const external = page.locator('.sl-markdown-content a[href^="http"]').first();
  const href = await external.getAttribute('href');
  expect(await external.evaluate((el) => getComputedStyle(el, '::after').content)).toBe(`" (${href})"`);
  const aside = page.locator('.starlight-aside').first();
  expect(await aside.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgba(0, 0, 0, 0)');
});

test('a terminal prints as its task and commands (the server-rendered fallback stays visible)', async ({ page }) => {
  await page.emulateMedia({ media: 'print' });
  await open(page, '/en/playground/');
  const terminal = page.locator('kube-terminal').first();
  await expect(terminal).toBeVisible();
  await expect(terminal.locator('.kt-print')).toBeVisible();
  await expect(terminal.locator('.kt-print code').first()).toHaveText('kubectl get nodes');
});
