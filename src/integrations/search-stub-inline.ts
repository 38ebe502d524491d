/**
 * Starlight's search script loads Pagefind's UI with `await import('@pagefind/default-ui')` once the
 * page is idle. astro.config.mjs aliases that specifier to a 1 KB stand-in
 * (pagefind-ui-on-demand.ts), but a dynamic import still makes it a chunk of its own, fetched at
 * idle on every page: one more request, and one that, if dropped, leaves the search dialog empty
 * for good, since nothing imports it again (CI saw exactly that: a dialog open, no stand-in ever
 * constructed). Importing the stand-in statically puts it in the search script's own chunk, so
 * the only request left is the real UI's, which the stand-in retries.
 */

/** The dynamic import in Starlight's Search.astro script that this plugin makes static. */
const DYNAMIC_IMPORT = /\bimport\(\s*(['"])@pagefind\/default-ui\1\s*\)/g;

/** The name the static import binds in Starlight's script; long so it cannot clash. */
const BINDING = '__kubeNotesPagefindUi';

/**
 * A Vite plugin: Starlight's search script imports the Pagefind UI stand-in statically. A Starlight
 * whose script no longer has the dynamic import fails the build here, rather than quietly fetching
 * the stand-in again.
 */
export function searchStubInline(): { name: string; enforce: 'pre'; transform(code: string, id: string): string | undefined } {
  return {
    name: 'kube-notes:search-stub-inline',
    enforce: 'pre',
    transform(code, id) {
      if (!/@astrojs[\\/]starlight[\\/].*Search\.astro\?astro&type=script/.test(id)) return undefined;
      if (!DYNAMIC_IMPORT.test(code)) {
        throw new Error(`search-stub-inline: no import('@pagefind/default-ui') in ${id}; update DYNAMIC_IMPORT for this Starlight`);
      }
      DYNAMIC_IMPORT.lastIndex = 0;
      // A named import, not a namespace: a namespace object would bring the bundler's helper for it.
      return `import { PagefindUI as ${BINDING} } from '@pagefind/default-ui';\n${code.replace(DYNAMIC_IMPORT, `Promise.resolve({ PagefindUI: ${BINDING} })`)}`;
    },
  };
}
