/**
 * Pagefind UI renders its search box with a placeholder and a `title` but no label, so its only
 * name is the tooltip (axe `label-title-only`); Pagefind has no option for it. Once the box is
 * in the dialog, it gets `aria-label` with the same translated text as the placeholder.
 */

function labelInput(root: Element): boolean {
  const input = root.querySelector<HTMLInputElement>('input.pagefind-ui__search-input');
  if (!input) return false;
  if (!input.hasAttribute('aria-label')) input.setAttribute('aria-label', input.placeholder || input.title);
  return true;
}

/** Labels the Pagefind search box inside `#starlight__search` now or as soon as Pagefind UI renders it. */
export function labelSearchInput(doc: Document): void {
  const root = doc.getElementById('starlight__search');
  if (!root || labelInput(root)) return;
  const observer = new MutationObserver(() => {
    if (labelInput(root)) observer.disconnect();
  });
  observer.observe(root, { childList: true, subtree: true });
}
