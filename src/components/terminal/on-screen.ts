/**
 * When terminals come onto the screen: one IntersectionObserver for every terminal of the page
 * (rather than one each), and the work a seen terminal starts deferred until the page is idle.
 */

/** What each watched element does once it is on the screen. */
const onScreen = new WeakMap<Element, () => void>();
let watcher: IntersectionObserver | undefined;

/** Calls `seen` once, the first time `el` is on the screen (at once where there is no IntersectionObserver). */
export function watchScreen(el: Element, seen: () => void): void {
  if (typeof IntersectionObserver !== 'function') {
    seen();
    return;
  }
  watcher ??= new IntersectionObserver((entries) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      const callback = onScreen.get(entry.target);
      unwatchScreen(entry.target);
      callback?.();
    }
  });
  onScreen.set(el, seen);
  watcher.observe(el);
}

/** Stops watching `el` (it was used before it was seen, or left the page). */
export function unwatchScreen(el: Element): void {
  watcher?.unobserve(el);
  onScreen.delete(el);
}

/** Runs `task` when the main thread is idle, and within two seconds at the latest. */
export function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 1);
}
