/**
 * Starlight's search imports `@pagefind/default-ui` as soon as every page is idle: 26 KB gzip of
 * UI script parsed on each page, most of which nobody searches from (and on a phone, a long task
 * at load). astro.config.mjs aliases that import to this module, which stands in for Pagefind UI
 * and loads the real one at the first sign of a search: the pointer or the focus on the search
 * button, a touch, a click, Ctrl+K / ⌘K or `/`. The dialog still opens at once; its box appears
 * when the UI is in, and takes the focus if the dialog is open by then.
 *
 * The search root carries the loading state in `data-ui` (`armed`, `loading`, `ready`,
 * `failed`), so a test that finds no box can say which step stalled. A failed load (a dropped
 * request) is tried again a few times, and after that on the reader's next sign, instead of
 * leaving the dialog empty for good.
 */

type Options = { element: string } & Record<string, unknown>;

/** Loads Pagefind's UI module itself (the alias covers only the bare specifier). */
const loadRealUi = (): Promise<{ PagefindUI: new (options: Options) => unknown }> =>
  // @ts-expect-error: Pagefind ships no types for its UI module.
  import('@pagefind/default-ui/npm_dist/mjs/ui-core.mjs');

/** Pagefind UI's constructor, deferred: the real UI is built on the reader's first sign of a search. */
export class PagefindUI {
  constructor(options: Options) {
    const root = document.querySelector<HTMLElement>(options.element);
    const site = root?.closest('site-search');
    const button = site?.querySelector<HTMLButtonElement>('button[data-open-modal]');
    const dialog = site?.querySelector<HTMLDialogElement>('dialog');
    let started = false;
    let failures = 0;
    // One signal takes all the listeners of a wait off again.
    let waiting: AbortController | undefined;
    const setState = (state: 'armed' | 'loading' | 'ready' | 'failed') => root?.setAttribute('data-ui', state);
    const listen = () => {
      started = false;
      waiting = new AbortController();
      const once = { passive: true, signal: waiting.signal };
      for (const type of ['pointerenter', 'focus', 'touchstart', 'click']) button?.addEventListener(type, start, once);
      // Capture phase: Starlight's own Ctrl+K handler opens the dialog in the same event.
      addEventListener('keydown', onKey, { capture: true, signal: waiting.signal });
    };
    const start = () => {
      if (started) return;
      started = true;
      setState('loading');
      waiting?.abort();
      loadRealUi().then(
        ({ PagefindUI: Real }) => {
          new Real(options);
          setState('ready');
          // Starlight focused the (then missing) box when the dialog opened: focus it now.
          if (dialog?.open) root?.querySelector('input')?.focus();
        },
        () => {
          setState('failed');
          listen();
          if (++failures <= 3) setTimeout(start, 500 * failures);
        },
      );
    };
    // `/` typed into a field (a terminal's, say) is text, not a search.
    const onKey = (event: KeyboardEvent) => {
      if ((event.key === 'k' && (event.ctrlKey || event.metaKey)) || (event.key === '/' && !(event.target as Element).closest?.('input,textarea,select,[contenteditable]'))) start();
    };
    if (!root || !button) {
      start();
      return;
    }
    setState('armed');
    listen();
    if (dialog?.open) start();
  }
}
