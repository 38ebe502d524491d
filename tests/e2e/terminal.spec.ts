import AxeBuilder from '@axe-core/playwright';
import { test, expect, type Locator, type Page } from '@playwright/test';

/** The labels the terminal shows in each language (src/components/terminal/strings.ts). */
const LABELS = {
  ja: { input: 'コマンド入力', reset: 'リセット', timedOut: /コマンドが0\.3秒を超えたため停止し/ },
  en: { input: 'Command input', reset: 'Reset', timedOut: /The command ran longer than 0\.3 s and was stopped/ },
} as const;

type Lang = keyof typeof LABELS;

// The simulator boots in a worker per test; on a loaded machine that takes seconds, not milliseconds.
test.describe.configure({ timeout: 90_000 });

function terminal(page: Page, index = 0) {
  const root = page.locator('kube-terminal').nth(index);
  return {
    root,
    log: root.getByRole('log'),
    input: root.getByRole('textbox'),
  };
}

/** Types a command key by key, as a reader would, and presses Enter. */
async function type(input: Locator, command: string) {
  await input.click();
  await input.pressSequentially(command);
  await input.press('Enter');
}

/** Fails the test on any dialog (an XSS payload would open one) and collects page errors. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on('dialog', (d) => {
    problems.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  return problems;
}

for (const lang of ['ja', 'en'] as const satisfies Lang[]) {
  const labels = LABELS[lang];
  const playground = `/${lang}/playground/`;

  test.describe(`terminal (${lang})`, () => {
    test('runs a typed command and labels its input in the page language', async ({ page }) => {
      const problems = watch(page);
      await page.goto(playground);
      const t = terminal(page);
      await expect(t.root.getByRole('textbox', { name: labels.input })).toBeVisible();
      await expect(t.input).toHaveAttribute('autocapitalize', 'off');
      await expect(t.input).toHaveAttribute('autocomplete', 'off');
      await expect(t.input).toHaveAttribute('spellcheck', 'false');
      await expect(t.log).toHaveAttribute('aria-live', 'polite');
      await type(t.input, 'echo hello');
      await expect(t.log).toContainText('controlplane $ echo hello\nhello');
      expect(problems).toEqual([]);
    });

    test('kubectl get nodes shows the node table', async ({ page }) => {
      await page.goto(playground);
      const t = terminal(page);
      await type(t.input, 'kubectl get nodes');
      // Columns of `kubectl get nodes` (kubernetes/kubernetes pkg/printers/internalversion/printers.go,
      // nodeColumnDefinitions: Name, Status, Roles, Age, Version); nodes of content/scenarios/default.yaml.
      await expect(t.log).toContainText(/NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION/);
      await expect(t.log).toContainText(/controlplane\s+Ready\s+control-plane\s+\S+\s+v1\.34\.2/);
      await expect(t.log).toContainText(/node01\s+Ready\s+<none>/);
    });

    test('↑ recalls the last command, Tab completes, Ctrl+C drops the line', async ({ page }) => {
      await page.goto(playground);
      const t = terminal(page);
      await type(t.input, 'echo one');
      await type(t.input, 'echo two');
      await t.input.press('ArrowUp');
      await expect(t.input).toHaveValue('echo two');
      await t.input.press('ArrowUp');
      await expect(t.input).toHaveValue('echo one');
      await t.input.press('ArrowDown');
      await expect(t.input).toHaveValue('echo two');

      await t.input.fill('');
      await t.input.pressSequentially('ech');
      await t.input.press('Tab');
      await expect(t.input).toHaveValue('echo ');
      await expect(t.input).toBeFocused();

      // Several candidates are listed under the line, as bash does.
      await t.input.fill('');
      await t.input.pressSequentially('kubectl de');
      await t.input.press('Tab');
      await expect(t.log).toContainText(/delete\s+describe/);

      await t.input.press('Control+c');
      await expect(t.input).toHaveValue('');
      await expect(t.log).toContainText('kubectl de^C');
    });

    test('reload keeps the transcript and the state; Reset clears both', async ({ page }) => {
      await page.goto(playground);
      const t = terminal(page);
      await type(t.input, 'echo kept');
      await type(t.input, 'ssh node01');
      await expect(t.root.locator('.kt-prompt')).toHaveText('node01 $ ');
      await page.reload();
      await expect(t.log).toContainText('controlplane $ echo kept\nkept');
      await expect(t.root.locator('.kt-prompt')).toHaveText('node01 $ ');
      await t.input.click();
      await t.input.press('ArrowUp');
      await expect(t.input).toHaveValue('ssh node01');
      await t.input.fill('');

      await t.root.getByRole('button', { name: labels.reset }).click();
      await expect(t.log).not.toContainText('kept');
      await expect(t.root.locator('.kt-prompt')).toHaveText('controlplane $ ');
      await page.reload();
      await type(t.input, 'hostname');
      await expect(t.log).toContainText('controlplane $ hostname\ncontrolplane');
      await expect(t.log).not.toContainText('kept');
    });

    test('typing reset does what the button does', async ({ page }) => {
      await page.goto(playground);
      const t = terminal(page);
      await type(t.input, 'echo gone');
      await expect(t.log).toContainText('gone');
      await type(t.input, 'reset');
      await expect(t.log).not.toContainText('gone');
      await page.reload();
      await expect(t.input).toBeVisible();
      await t.input.click();
      await t.input.press('ArrowUp');
      await expect(t.input).toHaveValue('');
    });

    test('markup typed or printed is shown as text and never runs', async ({ page }) => {
      const problems = watch(page);
      await page.goto(playground);
      const t = terminal(page);
      const payload = '<img src=x onerror=alert(1)>';
      await type(t.input, payload);
      await type(t.input, `echo '${payload}<script>alert(2)</script>'`);
      await expect(t.log).toContainText(`controlplane $ ${payload}`);
      await expect(t.log).toContainText(`\n${payload}<script>alert(2)</script>`);
      await expect(t.log.locator('img, script')).toHaveCount(0);
      await page.waitForTimeout(300);
      expect(problems).toEqual([]);
    });

    test('a command past the time limit is stopped and the terminal restarts in its state before it', async ({ page }) => {
      await page.goto(playground);
      const t = terminal(page);
      await type(t.input, 'ssh node01');
      await expect(t.root.locator('.kt-prompt')).toHaveText('node01 $ ');
      // The element's own time limit, made short, and the worker's test hook for a command that never ends.
      await t.root.evaluate((el) => {
        el.setAttribute('timeout-ms', '300');
        el.setAttribute('data-test-hang', '');
      });
      await type(t.input, 'echo never');
      await expect(t.log.locator('.kt-note')).toHaveText(labels.timedOut);
      await expect(t.log.locator('.kt-note')).toHaveCount(1);
      await t.root.evaluate((el) => el.removeAttribute('data-test-hang'));
      await type(t.input, 'hostname');
      await expect(t.log).toContainText('node01 $ hostname\nnode01');
    });
  });
}

test('clear and Ctrl+L empty the screen; a ▶ button of a runnable block runs its command', async ({ page }) => {
  await page.goto('/en/playground/');
  const t = terminal(page);
  await type(t.input, 'echo before');
  await expect(t.log).toContainText('before');
  await type(t.input, 'clear');
  await expect(t.log).not.toContainText('before');
  await type(t.input, 'echo again');
  await expect(t.log).toContainText('again');
  await t.input.press('Control+l');
  await expect(t.log).toHaveText('');

  const run = page.getByRole('button', { name: 'Run in the terminal: echo hello' });
  await run.click();
  await expect(t.log).toContainText('controlplane $ echo hello\nhello');
  // Comments get no button.
  await expect(page.locator('.kt-block-run')).toHaveCount(2);
});

test('two terminals on one page never share state', async ({ page }) => {
  await page.goto('/en/playground/');
  // A second terminal from the same server-rendered markup, before the first one is used.
  await page.evaluate(() => {
    const first = document.querySelector('kube-terminal')!;
    const copy = first.cloneNode(true) as HTMLElement;
    copy.querySelector('[role="log"]')!.replaceChildren();
    first.after(copy);
  });
  const a = terminal(page, 0);
  const b = terminal(page, 1);
  await type(a.input, 'ssh node01');
  await expect(a.root.locator('.kt-prompt')).toHaveText('node01 $ ');
  await type(b.input, 'hostname');
  await expect(b.log).toContainText('controlplane $ hostname\ncontrolplane');
  await expect(b.root.locator('.kt-prompt')).toHaveText('controlplane $ ');
  expect(await page.evaluate(() => performance.getEntriesByType('resource').filter((e) => /worker/.test(e.name)).length)).toBeGreaterThan(0);
});

test('a page without a terminal loads no terminal or simulator code', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (r) => requested.push(r.url()));
  let workers = 0;
  page.on('worker', () => workers++);
  // The overview is a reading page without a demo (chapters have theirs).
  await page.goto('/en/');
  await page.waitForLoadState('networkidle');
  await page.mouse.wheel(0, 4000);
  await page.waitForTimeout(300);
  expect(requested.filter((url) => /Terminal|terminal|worker|kubesim|sim/i.test(new URL(url).pathname))).toEqual([]);
  expect(workers).toBe(0);
});

test('the terminal starts its worker only when it is seen or used', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 300 });
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto('/en/playground/');
  await page.waitForLoadState('networkidle');
  // The element script is on the page, the simulator is not (it is below the fold).
  expect(workers).toEqual([]);
  await page.locator('kube-terminal').scrollIntoViewIfNeeded();
  await expect.poll(() => workers.length).toBe(1);
  expect(workers[0]).toMatch(/\/_astro\/worker-[\w-]+\.js$/);
});

test('the terminal works from the keyboard alone, with a visible focus ring', async ({ page }) => {
  await page.goto('/en/playground/');
  const t = terminal(page);
  await t.log.focus();
  await page.keyboard.press('Tab');
  await expect(t.input).toBeFocused();
  const ring = await t.root.locator('.kt-line').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(ring).toBe('solid');
  await page.keyboard.type('echo keyboard');
  await page.keyboard.press('Enter');
  await expect(t.log).toContainText('keyboard');
  // Tab on an empty line leaves the terminal (no keyboard trap).
  await page.keyboard.press('Tab');
  await expect(t.root.getByRole('button', { name: 'Reset' })).toBeFocused();
});

for (const theme of ['light', 'dark'] as const) {
  test(`axe finds no violations on the playground with the terminal open (${theme})`, async ({ page }) => {
    await page.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
    await page.goto('/ja/playground/');
    const t = terminal(page);
    await type(t.input, 'echo -e "\\e[1;31mred\\e[0m \\e[32mgreen\\e[0m"');
    await type(t.input, 'ls /etc/kubernetes/manifests');
    await expect(t.log).toContainText('etcd.yaml');
    await page.getByRole('button', { name: 'ターミナルで実行: echo hello' }).focus();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
}

test('no horizontal page scroll on a 360 px phone, even with a wide table', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto('/en/playground/');
  const t = terminal(page);
  await type(t.input, `echo ${'WIDE-'.repeat(40)}`);
  await expect(t.log).toContainText('WIDE-WIDE');
  const [scrollWidth, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scrollWidth).toBeLessThanOrEqual(width);
  const logScrolls = await t.log.evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(logScrolls).toBe(true);
});

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('touch keys recall history, complete and interrupt (a phone keyboard has no ↑, Tab or Ctrl)', async ({ page }) => {
    await page.goto('/en/playground/');
    const t = terminal(page);
    const keys = t.root.getByRole('group', { name: 'Terminal keys' });
    await expect(keys).toBeVisible();
    await t.input.tap();
    await t.input.fill('echo one');
    await t.input.press('Enter');
    await expect(t.log).toContainText('controlplane $ echo one\none');
    await keys.getByRole('button', { name: 'Previous command' }).tap();
    await expect(t.input).toHaveValue('echo one');
    // The input keeps the focus, so the on-screen keyboard stays open.
    await expect(t.input).toBeFocused();
    await keys.getByRole('button', { name: 'Next command' }).tap();
    await expect(t.input).toHaveValue('');
    await t.input.fill('kubectl cord');
    await keys.getByRole('button', { name: 'Complete' }).tap();
    await expect(t.input).toHaveValue('kubectl cordon ');
    await keys.getByRole('button', { name: 'Interrupt (Ctrl+C)' }).tap();
    await expect(t.input).toHaveValue('');
    await expect(t.log).toContainText('controlplane $ kubectl cordon ^C');
  });
});

test('a mouse-and-keyboard screen shows no touch keys', async ({ page }) => {
  await page.goto('/en/playground/');
  const t = terminal(page);
  await expect(t.input).toBeVisible();
  await expect(t.root.locator('.kt-keys')).toBeHidden();
});

test('printing shows the task and hides the interactive parts', async ({ page }) => {
  await page.goto('/en/playground/');
  await page.emulateMedia({ media: 'print' });
  const root = page.locator('kube-terminal');
  await expect(root.locator('.kt-task')).toBeVisible();
  await expect(root.locator('.kt-screen')).toBeHidden();
  await expect(root.locator('.kt-toolbar')).toBeHidden();
});

test('without JavaScript the task is there and the interactive parts are not', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/ja/playground/');
  const root = page.locator('kube-terminal');
  await expect(root.locator('.kt-task')).toContainText('課題');
  await expect(root.locator('.kt-screen')).toBeHidden();
  await expect(root.locator('details summary')).toHaveText('解答を表示');
  await root.locator('details summary').click();
  await expect(root.locator('details code').first()).toBeVisible();
  await expect(root.locator('.kt-run').first()).toBeHidden();
  // Playwright's "JavaScript disabled" still parses <noscript> as text, so read what it holds.
  expect(await root.locator('noscript').textContent()).toContain('ターミナルを使うにはJavaScriptを有効にしてください');
  await context.close();
});

test('the solution disclosure lists the commands and ▶ runs each one', async ({ page }) => {
  await page.goto('/ja/playground/');
  const t = terminal(page);
  const solution = t.root.locator('details');
  await solution.getByText('解答を表示').click();
  await expect(solution.locator('code')).toHaveText(['kubectl get nodes', 'ssh node01', 'hostname', 'exit']);
  await solution.getByRole('button', { name: '実行：ssh node01' }).click();
  await expect(t.root.locator('.kt-prompt')).toHaveText('node01 $ ');
  await solution.getByRole('button', { name: '実行：hostname' }).click();
  await expect(t.log).toContainText('node01 $ hostname\nnode01');
});

test('side by side, each column’s terminal speaks its language and runs its own blocks', async ({ page }) => {
  await page.goto('/en/parallel/playground/');
  const ja = page.locator('kube-terminal').nth(0);
  const en = page.locator('kube-terminal').nth(1);
  expect(await ja.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).toBe('ja');
  expect(await en.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).toBe('en');
  await expect(ja.getByRole('button', { name: 'リセット' })).toBeVisible();
  await expect(ja.locator('.kt-task')).toContainText('課題：');
  await expect(en.getByRole('button', { name: 'Reset' })).toBeVisible();
  await page.getByRole('button', { name: 'ターミナルで実行: echo hello' }).click();
  await expect(ja.getByRole('log')).toContainText('controlplane $ echo hello\nhello');
  await expect(en.getByRole('log')).not.toContainText('echo hello');
});

test('Copy output puts the transcript on the clipboard and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/en/playground/');
  const t = terminal(page);
  await type(t.input, 'echo copied-text');
  // The output line, not the echoed command (which shows at once, before the worker answers).
  await expect(t.log).toContainText('echo copied-text\ncopied-text');
  await t.root.getByRole('button', { name: 'Copy output' }).click();
  await expect(t.root.getByRole('status')).toHaveText('Copied.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('controlplane $ echo copied-text\ncopied-text');
  await expect(t.input).toHaveAccessibleDescription(/Enter runs/);
});

test('a for loop typed over several lines continues on `> ` and runs as one command', async ({ page }) => {
  const problems = watch(page);
  await page.goto('/en/playground/');
  const t = terminal(page);
  await type(t.input, 'for n in $(kubectl get nodes -o name); do');
  await expect(t.root.locator('.kt-prompt')).toHaveText('> ');
  await type(t.input, '  if [ "$n" = node/node01 ]; then continue; fi');
  await expect(t.root.locator('.kt-prompt')).toHaveText('> ');
  await type(t.input, '  echo "== $n"');
  await type(t.input, 'done');
  await expect(t.log).toContainText('> done\n== node/controlplane\n== node/node02');
  await expect(t.root.locator('.kt-prompt')).toHaveText('controlplane $ ');
  expect(problems).toEqual([]);
});

test('a heredoc continues on `> ` lines and runs as one command; Ctrl+C abandons an unfinished one', async ({ page }) => {
  await page.goto('/en/playground/');
  const t = terminal(page);
  await type(t.input, 'cat <<EOF');
  await expect(t.root.locator('.kt-prompt')).toHaveText('> ');
  await type(t.input, 'line one');
  await type(t.input, 'EOF');
  await expect(t.log).toContainText('controlplane $ cat <<EOF\n> line one\n> EOF\nline one');
  await expect(t.root.locator('.kt-prompt')).toHaveText('controlplane $ ');

  await type(t.input, 'echo "open');
  await expect(t.root.locator('.kt-prompt')).toHaveText('> ');
  await t.input.press('Control+c');
  await expect(t.root.locator('.kt-prompt')).toHaveText('controlplane $ ');
  await type(t.input, 'echo closed');
  await expect(t.log).toContainText('controlplane $ echo closed\nclosed');

  // The ▶ of a multi-line command sends it line by line.
  await page.evaluate(() => {
    (document.querySelector('kube-terminal') as HTMLElement & { runCommand(c: string): void }).runCommand(
      'cat <<EOF\nfrom a button\nEOF',
    );
  });
  await expect(t.log).toContainText('> EOF\nfrom a button');
});
