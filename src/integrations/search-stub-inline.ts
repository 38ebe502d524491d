/**
 * Starlight's search script builds Pagefind's UI with `await import('@pagefind/default-ui')` in an
 * idle callback. astro.config.mjs aliases that specifier to a 1 KB stand-in
 * (pagefind-ui-on-demand.ts), but two things could still leave the search dialog without a box for
 * good, and CI saw it once (a dialog open, no stand-in ever constructed):
 * - the dynamic import makes the stand-in a chunk of its own, fetched at idle on every page; if
 *   that request is dropped, nothing imports it again;
 * - an idle callback without a timeout waits as long as the page stays busy.
 * So the plugin imports the stand-in statically (it joins the search script's own chunk, and the
 * only request left is the real UI's, which the stand-in retries), and gives the idle callback a
 * timeout.
 */

/** The dynamic import in Starlight's Search.astro script that this plugin makes static. */
const DYNAMIC_IMPORT = /\bimport\(\s*(['"])@pagefind\/default-ui\1\s*\)/g;

/** Starlight's idle scheduler, which this plugin gives a timeout. */
const ON_IDLE = /const onIdle = window\.requestIdleCallback \|\| \(\(cb\) => setTimeout\(cb, 1\)\);/;

/** How long the search waits for an idle moment before it builds the stand-in anyway. */
const IDLE_TIMEOUT_MS = 2000;

/** The name the static import binds in Starlight's script; long so it cannot clash. */
const BINDING = '__kubeNotesPagefindUi';

/**
 * A Vite plugin: Starlight's search script imports the Pagefind UI stand-in statically, and builds
 * it within two seconds even on a page that is never idle. A Starlight whose script no longer has
 * those lines fails the build here, rather than quietly going back to the old ways.
 */
export function searchStubInline(): { name: string; enforce: 'pre'; transform(code: string, id: string): string | undefined } {
  return {
    name: 'kube-notes:search-stub-inline',
    enforce: 'pre',
    transform(code, id) {
      if (!/@astrojs[\\/]starlight[\\/].*Search\.astro\?astro&type=script/.test(id)) return undefined;
      const missing = [DYNAMIC_IMPORT, ON_IDLE].find((pattern) => code.search(pattern) < 0);
      if (missing) throw new Error(`search-stub-inline: ${missing} matches nothing in ${id}; update it for this Starlight`);
      // A named import, not a namespace: a namespace object would bring the bundler's helper for it.
      return `import { PagefindUI as ${BINDING} } from '@pagefind/default-ui';\n${code
        .replace(DYNAMIC_IMPORT, `Promise.resolve({ PagefindUI: ${BINDING} })`)
        .replace(ON_IDLE, `const onIdle = (cb) => window.requestIdleCallback ? requestIdleCallback(cb, { timeout: ${IDLE_TIMEOUT_MS} }) : setTimeout(cb, 1);`)}`;
    },
  };
}
