import { test, expect, type Page } from '@playwright/test';

/**
 * Issue #9's keyboard walk: a reader without a mouse reaches everything in a sensible order,
 * always sees where the focus is, and can switch language, search, use a terminal and the ▶
 * buttons of runnable code blocks.
 */

// Each test walks many Tab stops and may boot a simulator on a loaded 2-core machine.
test.describe.configure({ timeout: 180_000 });
test.use({ viewport: { width: 1280, height: 900 } });

type Region = 'skip' | 'header' | 'sidebar' | 'toc' | 'main' | 'dialog' | 'other';

interface Focus {
  tag: string;
  /** Accessible-ish name: aria-label, else the text. */
  name: string;
  region: Region;
  /** A focus indicator is drawn: an outline or box-shadow on the element or on the container that shows its focus. */
  ring: boolean;
  html: string;
}

/** What has the focus now, where it is on the page, and whether the focus is visible. */
async function focused(page: Page): Promise<Focus | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const drawn = (e: Element) => {
      const s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    };
    // Some widgets draw the ring on a container through :focus-within (the terminal's line, a
    // search result's row): look at the element and up to two containers that contain the focus.
    let ring = false;
    for (let e: Element | null = el, i = 0; e && i < 3 && !ring; e = e.parentElement, i++) ring = e.matches(':focus-within') && drawn(e);
    const region = el.closest('.sl-skip-link')
      ? 'skip'
      : el.closest('dialog[open]')
        ? 'dialog'
        : el.closest('header')
          ? 'header'
          : el.closest('#starlight__sidebar, nav.sidebar')
            ? 'sidebar'
            : el.closest('.right-sidebar-container')
              ? 'toc'
              : el.closest('main')
                ? 'main'
                : 'other';
    return {
      tag: el.tagName.toLowerCase(),
      name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 80),
      region,
      ring,
      html: el.outerHTML.slice(0, 160),
    };
  });
}

/** Presses `key` until the focus satisfies `done`; returns every stop on the way (the last one included). */
async function pressUntil(page: Page, done: (f: Focus) => boolean, key = 'Tab', max = 150): Promise<Focus[]> {
  const stops: Focus[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (!f) continue;
    stops.push(f);
    if (done(f)) return stops;
  }
  throw new Error(`${key} ×${max} never got there; last stops:\n${stops.slice(-5).map((s) => s.html).join('\n')}`);
}

function expectRings(stops: Focus[]) {
  const invisible = stops.filter((s) => !s.ring).map((s) => `${s.region}: ${s.html}`);
  expect(invisible, `focused without a visible focus indicator:\n${invisible.join('\n')}`).toEqual([]);
}

test('Tab goes skip link → header (title, search, theme, language) → sidebar → content, always visibly', async ({ page }) => {
  await page.goto('/en/playground/');
  await expect(page.locator('site-search button[data-open-modal]')).toBeEnabled();
  const stops = await pressUntil(page, (f) => f.region === 'main');

  expect(stops[0].region, stops[0].html).toBe('skip');
  const rank: Record<Region, number> = { skip: 0, header: 1, sidebar: 2, toc: 3, main: 4, dialog: 9, other: 9 };
  const regions = stops.map((s) => s.region);
  expect([...regions].sort((a, b) => rank[a] - rank[b]), 'regions in reading order').toEqual(regions);

  const header = stops.filter((s) => s.region === 'header');
  const at = (test: (f: Focus) => boolean, what: string) => {
    const i = header.findIndex(test);
    expect(i, `${what} among the header's stops: ${header.map((h) => h.html).join('\n')}`).toBeGreaterThanOrEqual(0);
    return i;
  };
  const title = at((f) => f.tag === 'a' && f.name === 'kube-notes', 'site title');
  const search = at((f) => f.tag === 'button' && /^Search/.test(f.name), 'search button');
  const theme = at((f) => f.tag === 'select' && /Dark|Light|Auto/.test(f.name), 'theme select');
  const language = at((f) => f.tag === 'select' && /English/.test(f.name), 'language select');
  expect([title, search, theme, language]).toEqual([title, search, theme, language].sort((a, b) => a - b));

  expect(stops.filter((s) => s.region === 'sidebar' && s.tag === 'a').length).toBeGreaterThan(5);
  expectRings(stops);
});

test('the skip link takes the focus past the header and sidebar to the content', async ({ page }) => {
  await page.goto('/en/node-maintenance/');
  await page.keyboard.press('Tab');
  expect((await focused(page))?.region).toBe('skip');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const next = await focused(page);
  expect(next?.region, next?.html).toBe('main');
  expectRings([next!]);
});

test('the language select works from the keyboard and keeps the section', async ({ page }) => {
  await page.goto('/en/upgrades/');
  const ids = await page.locator('.sl-markdown-content h2[id]').evaluateAll((els) => els.map((e) => e.id));
  const id = ids[Math.min(2, ids.length - 1)];
  await page.goto(`/en/upgrades/#${id}`);
  // Back from the section (where a fragment puts the keyboard's starting point) to the header.
  const stops = await pressUntil(page, (f) => f.region === 'header' && f.tag === 'select' && /English/.test(f.name), 'Shift+Tab');
  expectRings(stops.slice(-1));
  await Promise.all([page.waitForURL(`**/ja/upgrades/#${id}`), page.keyboard.press('ArrowUp')]);
  await expect(page.locator(`[id="${id}"]`)).toBeInViewport();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
});

test('search from the keyboard: Ctrl+K and / open it, typing finds, Enter opens a result, Esc closes', async ({ page }) => {
  await page.goto('/en/');
  const dialog = page.locator('site-search dialog');
  const input = page.locator('#starlight__search input.pagefind-ui__search-input');
  await expect(page.locator('site-search button[data-open-modal]')).toBeEnabled();
  // Pagefind's UI is not loaded until the reader reaches for the search (pagefind-ui-on-demand.ts).
  await page.waitForLoadState('networkidle');
  await expect(input).not.toBeAttached();

  await page.keyboard.press('Control+k');
  await expect(dialog).toHaveAttribute('open', '');
  await expect(input).toBeAttached({ timeout: 30_000 });
  await expect(input).toBeFocused();
  expectRings([(await focused(page))!]);
  await page.keyboard.press('Escape');
  await expect(dialog).not.toHaveAttribute('open', '');

  await page.keyboard.press('/');
  await expect(dialog).toHaveAttribute('open', '');
  await expect(input).toBeFocused();
  await expect(input).toHaveValue('');
  await page.keyboard.type('drain');
  await expect(page.locator('#starlight__search .pagefind-ui__result-link').first()).toBeVisible({ timeout: 30_000 });
  const stops = await pressUntil(page, (f) => f.html.includes('pagefind-ui__result-link'), 'Tab', 10);
  expect(stops.every((s) => s.region === 'dialog'), 'focus stays in the dialog').toBe(true);
  expectRings(stops);
  await Promise.all([page.waitForURL('**/en/node-maintenance/**'), page.keyboard.press('Enter')]);

  // On the new page too, / opens the dialog and Esc closes it.
  await expect(page.locator('site-search button[data-open-modal]')).toBeEnabled();
  await page.keyboard.press('/');
  await expect(dialog).toHaveAttribute('open', '');
  await page.keyboard.press('Escape');
  await expect(dialog).not.toHaveAttribute('open', '');
});

test('a terminal and the ▶ buttons of a code block work from the keyboard', async ({ page }) => {
  await page.goto('/en/playground/');
  const terminal = page.locator('kube-terminal').first();
  const log = terminal.getByRole('log');

  const toInput = await pressUntil(page, (f) => f.region === 'main' && f.tag === 'input');
  expectRings(toInput.slice(-1));
  // A / typed in the terminal is part of the command, not the search shortcut.
  await page.keyboard.type('echo typed/from/the/keyboard');
  await page.keyboard.press('Enter');
  await expect(log).toContainText('typed/from/the/keyboard\n');
  await expect(page.locator('site-search dialog')).not.toHaveAttribute('open', '');

  // Tab on an empty line leaves the terminal; the ▶ buttons of the examples block come later.
  const toRun = await pressUntil(page, (f) => f.html.includes('kt-block-run'));
  expectRings(toRun);
  expect(toRun.at(-1)!.name).toBe('Run in the terminal: kubectl get nodes');
  await page.keyboard.press('Enter');
  await expect(log).toContainText('$ kubectl get nodes\nNAME');

  const toNext = await pressUntil(page, (f) => f.html.includes('kt-block-run'), 'Tab', 5);
  expect(toNext.at(-1)!.name).toBe('Run in the terminal: echo hello');
  await page.keyboard.press('Space');
  await expect(log).toContainText('$ echo hello\nhello');
});
