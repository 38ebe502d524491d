import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Page } from '@playwright/test';

/**
 * Issue #9's gate: axe-core with its default rule set (WCAG 2.0/2.1 A and AA, best practices)
 * finds nothing on any built page, in either theme, at phone width, and in the states a reader
 * brings about (a terminal that has run a command, a diagram, the search dialog, the mobile menu).
 * Nothing is excluded.
 */

/** Every built page as the URL a reader opens: each `index.html` as its directory, `404.html` as itself. */
function everyBuiltPage(): string[] {
  const root = join(process.cwd(), 'dist');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === 'pagefind' || name === '_astro') continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'index.html') out.push(('/' + relative(root, dir).split('\\').join('/') + '/').replace('//', '/'));
      else if (name.endsWith('.html')) out.push('/' + relative(root, path).split('\\').join('/'));
    }
  };
  walk(root);
  return out.sort();
}

type Theme = 'light' | 'dark';

/** Opens a page in the given theme (Starlight keeps the reader's choice in localStorage `starlight-theme`). */
async function open(page: Page, path: string, theme: Theme = 'light') {
  await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
  await page.goto(path);
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await codeBlocksSettled(page);
}

/**
 * Waits until Expressive Code has made each code block that scrolls sideways a focusable region
 * (and left the others alone). Its script does that after a resize observation, a 250 ms pause
 * and an idle callback, so on a loaded machine axe could otherwise look before it ran, and fail
 * on a state a reader never keeps. A block that never gets its tab stop still fails, here.
 */
async function codeBlocksSettled(page: Page) {
  const unsettled = () =>
    page.locator('.expressive-code pre').evaluateAll((pres) =>
      pres.filter((p) => (p.scrollWidth > p.clientWidth) !== (p.getAttribute('tabindex') === '0')).map((p) => p.textContent?.slice(0, 40) ?? ''),
    );
  await expect.poll(unsettled, { timeout: 20_000, message: 'code blocks whose tab stop does not match their overflow' }).toEqual([]);
}

/** Runs axe on the page as it is now and fails naming the page, each rule and the nodes it flagged. */
async function expectNoViolations(page: Page, where: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const report = violations.map(
    (v) =>
      `${where}: ${v.id} (${v.impact}) ${v.help}\n` +
      v.nodes.map((n) => `    ${n.target.join(' ')}\n      ${n.failureSummary?.split('\n').join('\n      ')}`).join('\n'),
  );
  expect(report, `axe violations on ${where}:\n${report.join('\n')}`).toEqual([]);
}

/**
 * axe leaves SVG text out of its contrast check, so the diagrams' labels are measured here: each
 * shown `<text>` against the box or label background behind it (else the page), with the
 * opacity of its groups applied (a dimmed group is drawn over the page). Returns the failures.
 */
async function diagramTextContrastFailures(page: Page): Promise<string[]> {
  return page.locator('figure.kd-figure').evaluateAll((figures) => {
    type RGB = [number, number, number];
    const parse = (c: string): RGB => {
      const srgb = /color\(srgb ([\d.]+) ([\d.]+) ([\d.]+)/.exec(c);
      if (srgb) return [Number(srgb[1]) * 255, Number(srgb[2]) * 255, Number(srgb[3]) * 255];
      const [r, g, b] = (/rgba?\(([^)]+)\)/.exec(c)?.[1] ?? '0,0,0').split(/[ ,/]+/).map(Number);
      return [r, g, b];
    };
    const mix = (top: RGB, bottom: RGB, alpha: number): RGB => top.map((v, i) => v * alpha + bottom[i] * (1 - alpha)) as RGB;
    const luminance = (c: RGB) => {
      const [r, g, b] = c.map((v) => {
        const s = v / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a: RGB, b: RGB) => {
      const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
      return (hi + 0.05) / (lo + 0.05);
    };
    const pageBackground = (el: Element): RGB => {
      for (let e: Element | null = el; e; e = e.parentElement) {
        const bg = getComputedStyle(e).backgroundColor;
        if (bg && !/rgba\(.*,\s*0\)$|transparent/.test(bg)) return parse(bg);
      }
      return [255, 255, 255];
    };
    const failures: string[] = [];
    for (const figure of figures) {
      const ground = pageBackground(figure);
      for (const text of figure.querySelectorAll<SVGTextElement>('svg text')) {
        if (text.getClientRects().length === 0 || !text.textContent?.trim()) continue;
        let opacity = 1;
        for (let e: Element | null = text; e && e !== figure; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
        const rect = text.parentElement?.querySelector(':scope > rect');
        const behind = rect ? parse(getComputedStyle(rect).fill) : ground;
        const fg = mix(parse(getComputedStyle(text).fill), ground, opacity);
        const bg = rect ? mix(behind, ground, opacity) : ground;
        const r = ratio(fg, bg);
        if (r < 4.5) failures.push(`"${text.textContent.trim()}" in ${figure.getAttribute('data-diagram')}: ${r.toFixed(2)}:1`);
      }
    }
    return failures;
  });
}

const pages = everyBuiltPage();

// axe takes seconds per page on a loaded 2-core machine; the interactive states also boot a simulator.
test.describe.configure({ timeout: 180_000 });

test('the page list covers the landing page, both languages, parallel view, cheat-sheets and 404', () => {
  expect(pages).toContain('/');
  expect(pages).toContain('/404.html');
  for (const locale of ['ja', 'en']) {
    for (const section of ['', 'parallel/', 'cheatsheet/']) {
      expect(pages.filter((p) => p.startsWith(`/${locale}/${section}`)).length, `/${locale}/${section}`).toBeGreaterThan(0);
    }
  }
});

test.describe('every built page (light theme)', () => {
  for (const path of pages) {
    test(`axe: ${path}`, async ({ page }) => {
      await open(page, path);
      await expectNoViolations(page, `${path} (light)`);
    });
  }
});

const darkPages = ['/', '/ja/', '/en/node-maintenance/', '/ja/parallel/node-maintenance/', '/en/cheatsheet/', '/404.html'];

test.describe('dark theme', () => {
  for (const path of darkPages) {
    test(`axe (dark): ${path}`, async ({ page }) => {
      await open(page, path, 'dark');
      await expectNoViolations(page, `${path} (dark)`);
    });
  }
});

const phonePages = ['/', '/ja/node-maintenance/', '/en/live-diagrams/', '/ja/parallel/upgrades/', '/en/cheatsheet/'];

test.describe('phone width (390 px)', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const path of phonePages) {
    test(`axe (390 px): ${path}`, async ({ page }) => {
      await open(page, path);
      await expectNoViolations(page, `${path} (390 px)`);
    });
  }

  test('code blocks that scroll sideways are named, each differently', async ({ page }) => {
    await open(page, '/ja/parallel/node-maintenance/');
    const regions = page.locator('.expressive-code pre[role="region"]');
    // Expressive Code adds the role after layout, on idle.
    await expect.poll(() => regions.count()).toBeGreaterThan(1);
    const names = await regions.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    expect(names.filter((n) => !/^(Code block|コードブロック) \d+/.test(n)), names.join(' | ')).toEqual([]);
    expect(new Set(names).size, names.join(' | ')).toBe(names.length);
  });

  for (const theme of ['light', 'dark'] as const) {
    test(`axe (390 px, ${theme}): the mobile menu open`, async ({ page }) => {
      await open(page, '/en/node-maintenance/', theme);
      // Starlight's menu button opens the sidebar as a popover.
      await page.locator('button[popovertarget="starlight__sidebar"]').click();
      const sidebar = page.locator('#starlight__sidebar');
      await expect.poll(() => sidebar.evaluate((el) => el.matches(':popover-open'))).toBe(true);
      await expect(sidebar.getByRole('link').first()).toBeVisible();
      await expectNoViolations(page, `/en/node-maintenance/ mobile menu open (${theme})`);
    });
  }
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`interactive states (${theme})`, () => {
    test(`axe: a terminal that has run a command (${theme})`, async ({ page }) => {
      await open(page, '/en/node-maintenance/', theme);
      const terminal = page.locator('kube-terminal').first();
      const input = terminal.getByRole('textbox');
      await input.click();
      await input.pressSequentially('kubectl get nodes');
      await input.press('Enter');
      await expect(terminal.getByRole('log')).toContainText('STATUS');
      await expectNoViolations(page, `/en/node-maintenance/ terminal after kubectl get nodes (${theme})`);
    });

    test(`axe: a live diagram following its terminal (${theme})`, async ({ page }) => {
      await open(page, '/en/live-diagrams/', theme);
      const terminal = page.locator('kube-terminal').first();
      const input = terminal.getByRole('textbox');
      await input.click();
      await input.pressSequentially('kubectl get pv,pvc');
      await input.press('Enter');
      await expect(page.locator('figure[data-live]').first()).toHaveClass(/kd-following/);
      await expectNoViolations(page, `/en/live-diagrams/ diagram following the terminal (${theme})`);
      expect(await diagramTextContrastFailures(page), 'diagram text below 4.5:1').toEqual([]);
    });

    test(`diagram labels have enough contrast (${theme})`, async ({ page }) => {
      for (const path of ['/en/storage/', '/ja/networking/dns/', '/en/networking/ingress/']) {
        await open(page, path, theme);
        await expect(page.locator('figure.kd-figure').first()).toBeAttached();
        expect(await diagramTextContrastFailures(page), `${path}: diagram text below 4.5:1`).toEqual([]);
      }
    });

    test(`axe: the search dialog open with results for "drain" (${theme})`, async ({ page }) => {
      await open(page, '/en/', theme);
      await page.getByRole('button', { name: /Search/ }).first().click();
      await page.locator('#starlight__search input.pagefind-ui__search-input').fill('drain');
      await expect(page.locator('#starlight__search .pagefind-ui__result-link').first()).toBeVisible({ timeout: 30_000 });
      await expectNoViolations(page, `/en/ search dialog with results for "drain" (${theme})`);
    });
  });
}
