import { test, expect as baseExpect, type Page, type Request } from '@playwright/test';

/**
 * The simulator has no network (issue #9): a demo session with commands that look like network
 * traffic (curl, nslookup, `kubectl apply -f https://…`) and a ▶ button sends no request but the
 * module chunks the worker imports (its scenario, the command families), and inside the worker
 * every network API throws.
 */

// The simulator boots in a worker; on a loaded machine that takes seconds.
test.describe.configure({ timeout: 90_000 });
const expect = baseExpect.configure({ timeout: 20_000 });

const NO_NETWORK = 'kubesim: no network in this sandbox';

/** The ingress demo of the networking chapter (content/scenarios/ingress.yaml). */
function ingress(page: Page) {
  const root = page.locator('kube-terminal[scenario="ingress"]');
  return { root, log: root.getByRole('log'), input: root.getByRole('textbox'), prompt: root.locator('.kt-prompt') };
}

async function typeCommand(page: Page, command: string) {
  const t = ingress(page);
  await t.input.click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

test('a terminal session sends no request but module chunks, and fetch throws in the worker', async ({ page, context }) => {
  // Every request of the page and its workers, from the moment the page is loaded.
  const requests: { request: Request; after: boolean }[] = [];
  let pageLoaded = false;
  context.on('request', (request) => requests.push({ request, after: pageLoaded }));
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));

  await page.goto('/en/networking/ingress/', { waitUntil: 'load' });
  pageLoaded = true;
  const t = ingress(page);
  await t.input.scrollIntoViewIfNeeded();

  await typeCommand(page, 'kubectl apply -f Ingress-wear-watch.yaml');
  await expect(t.log).toContainText('ingress.networking.k8s.io/ingress-wear-watch created');
  // The ▶ of the page's ```bash run block.
  await page.getByRole('button', { name: 'Run in the terminal: curl http://node01:30080/wear', exact: true }).click();
  await expect(t.log).toContainText(/Server name: wear-/);
  await typeCommand(page, 'nslookup kubernetes.default');
  await expect(t.log).toContainText("** server can't find kubernetes.default: NXDOMAIN");
  await typeCommand(page, 'kubectl apply -f https://github.com/flannel-io/flannel/releases/latest/download/kube-flannel.yml');
  await expect(t.log).toContainText('dial tcp: lookup github.com: no such host');
  await typeCommand(page, 'curl -sI https://example.com');
  await expect(t.log).toContainText('HTTP/1.1 200 OK');
  await typeCommand(page, 'echo done');
  await expect(t.log).toContainText('$ echo done\ndone');

  // Inside the worker, every way to send a request throws (the module loader still works).
  const workers = page.workers();
  expect(workers.length).toBeGreaterThan(0);
  for (const worker of workers) {
    const probe = await worker.evaluate(() => {
      const attempt = (f: () => unknown): string => {
        try {
          f();
          return 'sent';
        } catch (e) {
          return (e as Error).message;
        }
      };
      const scope = self as unknown as Record<string, unknown>;
      // Same-origin addresses: were the lock missing, the probe would still reach no other host.
      const probe = `${location.origin}/kubesim-network-probe`;
      return {
        fetch: attempt(() => fetch(probe)),
        xhr: attempt(() => new XMLHttpRequest()),
        webSocket: attempt(() => new WebSocket(probe.replace(/^http/, 'ws'))),
        eventSource: attempt(() => new EventSource(probe)),
        importScripts: 'importScripts' in scope ? attempt(() => (scope.importScripts as (u: string) => void)(probe)) : NO_NETWORK,
      };
    });
    expect(probe).toEqual({ fetch: NO_NETWORK, xhr: NO_NETWORK, webSocket: NO_NETWORK, eventSource: NO_NETWORK, importScripts: NO_NETWORK });
  }

  // What the page and its workers requested once the page was loaded: the worker's module
  // chunks only (scripts from this site), never fetch, XHR, WebSocket or EventSource. The
  // browser's own request for the page's icon (<link rel="icon">) may come at any time: it is left out.
  const origin = new URL(page.url()).origin;
  const icons = await page.evaluate(() => [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]')].map((l) => l.href));
  const after = requests
    .filter((r) => r.after && !icons.includes(r.request.url()))
    .map(({ request }) => ({ url: request.url(), type: request.resourceType() }));
  expect(after.length).toBeGreaterThan(0);
  expect(after.filter((r) => r.type !== 'script' || !r.url.startsWith(`${origin}/_astro/`))).toEqual([]);
  // The worker imported its scenario and the command families as chunks.
  expect(after.some((r) => /\/_astro\/ingress-[\w-]+\.js$/.test(r.url))).toBe(true);
  expect(after.some((r) => /\/_astro\/kubectl-[\w-]+\.js$/.test(r.url))).toBe(true);
  // No request of any kind went anywhere but this site.
  expect(requests.map(({ request }) => new URL(request.url()).origin).filter((o) => o !== origin)).toEqual([]);
  expect(problems).toEqual([]);
});
