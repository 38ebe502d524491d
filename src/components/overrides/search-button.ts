/**
 * Starlight's search button is named by `aria-label="Search"` while it shows "Search" and the
 * shortcut ("Ctrl K"): a name that leaves out visible text fails WCAG 2.5.3 (axe
 * `label-content-name-mismatch`), and hiding the shortcut from the accessibility tree does not
 * help, since the check compares the name with what is seen. Named by its content instead, the
 * button reads "Search Ctrl K" (or "⌘ K" once Starlight's script swaps the key on Apple devices).
 */

const OPEN_BUTTON = /<button\b[^>]*\bdata-open-modal\b[^>]*>/;
const ARIA_LABEL = /\s+aria-label="[^"]*"/;
// The visible "Search" word: hidden below 50rem and from assistive technology at all widths.
const LABEL_SPAN = /<span class="sl-hidden md:sl-block((?: [\w-]+)*)" aria-hidden="true">/;

/** CSS class of the button's word, visually hidden on narrow screens but always in the name (src/styles/search.css). */
export const SEARCH_LABEL_CLASS = 'kn-search-label';

/**
 * Rewrites Starlight's rendered search markup so the open button takes its name from its text.
 * Throws when Starlight's markup no longer has the expected shape, so an upgrade fails the build
 * instead of shipping the old mismatch.
 */
export function nameSearchButtonByText(html: string): string {
  const button = OPEN_BUTTON.exec(html);
  if (!button) throw new Error('Search override: Starlight\'s search button (button[data-open-modal]) not found');
  if (!ARIA_LABEL.test(button[0])) throw new Error('Search override: the search button has no aria-label to remove');
  const start = button.index;
  const end = html.indexOf('</button>', start);
  const inner = html.slice(start + button[0].length, end);
  if (!LABEL_SPAN.test(inner)) throw new Error('Search override: the search button\'s visible label span not found');
  const fixed =
    button[0].replace(ARIA_LABEL, '') +
    inner.replace(LABEL_SPAN, (_m, rest: string) => `<span class="${SEARCH_LABEL_CLASS}${rest}">`);
  return html.slice(0, start) + fixed + html.slice(end);
}
