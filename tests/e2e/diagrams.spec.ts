import { test, expect, type Page } from '@playwright/test';

/**
 * Diagrams (src/components/diagrams): each in its chapter in both languages, with its accessible
 * name and description in the page's language; no script on pages without a terminal; and a
 * live diagram following the terminal next to it.
 */

const CASES = [
  { path: 'storage/', id: 'kd-volume-docker', ja: 'Dockerのボリュームマウントとバインドマウント', en: 'Docker volume mount and bind mount', descJa: /ボリュームマウント（docker run -v data_volume/, descEn: /volume mount \(docker run -v data_volume/ },
  { path: 'storage/volumes/', id: 'kd-volume-hostpath', ja: 'PodのhostPathボリューム', en: "A Pod's hostPath volume", descJa: /hostPath（path: \/data/, descEn: /hostPath \(path: \/data/ },
  { path: 'networking/dns/', id: 'kd-dns-names', ja: 'ServiceとPodに付くDNS名', en: 'The DNS names of a Service and a Pod', descJa: /web-service\.default\.svc\.cluster\.local/, descEn: /web-service\.default\.svc\.cluster\.local/ },
  { path: 'networking/dns/', id: 'kd-dns-walk', ja: 'Podからの名前解決とsearchリスト（ndots:5）', en: 'A lookup from a Pod and its search list (ndots:5)', descJa: /NXDOMAIN/, descEn: /NXDOMAIN/ },
  { path: 'networking/ingress/', id: 'kd-ingress-path', ja: 'パスベースの振り分け（Ingress ingress-wear-watch）', en: 'Path-based routing (Ingress ingress-wear-watch)', descJa: /パス\/wear（Prefix）はService wear-serviceへ/, descEn: /path \/wear \(Prefix\) goes to Service wear-service/ },
  { path: 'networking/ingress/', id: 'kd-ingress-host', ja: 'ホスト名ベースの振り分け（Ingress ingress-wear-watch）', en: 'Host-based routing (Ingress ingress-wear-watch)', descJa: /ホストwatch\.my-online-store\.com/, descEn: /host watch\.my-online-store\.com/ },
] as const;

test.describe.configure({ timeout: 90_000 });

for (const c of CASES) {
  for (const lang of ['ja', 'en'] as const) {
    test(`${c.id} is in /${lang}/${c.path} with its name and description in ${lang}`, async ({ page }) => {
      await page.goto(`/${lang}/${c.path}`);
      const figure = page.locator(`figure[data-diagram="${c.id}"]`);
      const img = figure.getByRole('img', { name: lang === 'ja' ? c.ja : c.en, exact: true });
      await expect(img).toBeVisible();
      await expect(img).toHaveAttribute('lang', lang);
      await expect(img).toHaveAccessibleDescription(lang === 'ja' ? c.descJa : c.descEn);
    });
  }
}

/** The JavaScript a page loads, as URLs and inline module text. */
async function scripts(page: Page, path: string): Promise<string[]> {
  const bodies: string[] = [];
  page.on('response', async (r) => {
    if (r.request().resourceType() === 'script') bodies.push(await r.text().catch(() => ''));
  });
  await page.goto(path);
  await page.waitForLoadState('networkidle');
  bodies.push(...(await page.locator('script').evaluateAll((els) => els.map((e) => e.textContent ?? ''))));
  return bodies;
}

test('a page with diagrams and no terminal loads no diagram script', async ({ page }) => {
  for (const path of ['/ja/storage/volumes/', '/en/storage/volumes/']) {
    const js = await scripts(page, path);
    // Both the live diagrams' listener and the terminal name the `kube-terminal:state` event.
    expect(js.some((s) => s.includes('kube-terminal')), path).toBe(false);
    await expect(page.locator('figure[data-live]')).toHaveCount(0);
  }
});

test('at phone width the narrow picture is shown, narrower than the screen', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto('/ja/networking/ingress/');
  const figure = page.locator('figure[data-diagram="kd-ingress-path"]');
  await expect(figure.locator('.kd-pic-narrow svg')).toBeVisible();
  await expect(figure.locator('.kd-pic-wide svg')).toBeHidden();
  const box = await figure.locator('.kd-pic-narrow svg').boundingBox();
  expect(box!.width).toBeLessThanOrEqual(360);
  // Text at full size: the picture is not scaled down.
  const viewBoxWidth = await figure.locator('.kd-pic-narrow svg').evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.width);
  expect(box!.width).toBeGreaterThanOrEqual(viewBoxWidth - 1);
});

const bindEdge = (page: Page) => page.locator('figure[data-diagram="kd-binding-static"] .kd-pic-wide [data-live-key="bind:myclaim"]');
const volumeText = (page: Page) => page.locator('figure[data-diagram="kd-binding-static"] .kd-pic-wide [data-live-text="pvc-volume:myclaim"]');

test('a live diagram follows the state the terminal reports', async ({ page }) => {
  // The page's real terminal reports its own state once its worker is ready; wait for that first,
  // so it cannot land after (and overwrite) the states this test dispatches.
  await page.addInitScript(() => {
    document.addEventListener('kube-terminal:state', () => ((window as unknown as { kdStates: number }).kdStates = ((window as unknown as { kdStates?: number }).kdStates ?? 0) + 1));
  });
  await page.goto('/en/live-diagrams/');
  await page.waitForFunction(() => ((window as unknown as { kdStates?: number }).kdStates ?? 0) > 0, undefined, { timeout: 60_000 });
  const fire = (detail: unknown) =>
    page.locator('kube-terminal').evaluate((el, d) => el.dispatchEvent(new CustomEvent('kube-terminal:state', { detail: d, bubbles: true })), detail);
  await fire({ pvcs: [{ name: 'myclaim', namespace: 'default', phase: 'Pending', volume: '' }] });
  await expect(bindEdge(page)).toHaveClass(/kd-off/);
  await expect(volumeText(page)).toHaveText('VOLUME: —');
  await fire({ pvcs: [{ name: 'myclaim', namespace: 'default', phase: 'Bound', volume: 'pv-vol1' }] });
  await expect(bindEdge(page)).toHaveClass(/kd-on/);
  await expect(volumeText(page)).toHaveText('VOLUME: pv-vol1');
});

test('the live highlight follows commands run in the terminal', async ({ page }) => {
  await page.goto('/ja/live-diagrams/');
  const terminal = page.locator('kube-terminal');
  await terminal.getByText('解答を表示').click();
  const run = terminal.locator('[data-run-command]');
  await run.nth(0).click();
  await expect(terminal.getByRole('log')).toContainText('persistentvolumeclaim/myclaim created');
  await expect(bindEdge(page)).toHaveClass(/kd-off/, { timeout: 10_000 });
  await run.nth(1).click();
  await expect(terminal.getByRole('log')).toContainText('persistentvolume/pv-vol1 created');
  await expect(bindEdge(page)).toHaveClass(/kd-on/, { timeout: 10_000 });
  await expect(volumeText(page)).toHaveText('VOLUME: pv-vol1');
});
