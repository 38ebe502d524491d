/**
 * `/` opens the search dialog, as on many documentation sites, besides Starlight's Ctrl+K
 * (⌘K), unless the reader is typing into a field (the terminal's input among them).
 */

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || target.closest('input, textarea, select') !== null);
}

/** Listens for `/` on `doc` and opens Starlight's search dialog through its own button. */
export function openSearchWithSlash(doc: Document): void {
  const button = doc.querySelector<HTMLButtonElement>('site-search button[data-open-modal]');
  const dialog = doc.querySelector<HTMLDialogElement>('site-search dialog');
  if (!button || !dialog) return;
  button.setAttribute('aria-keyshortcuts', `${button.getAttribute('aria-keyshortcuts') ?? 'Control+K'} /`);
  doc.addEventListener('keydown', (event) => {
    if (event.key !== '/' || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    if (isTyping(event.target) || dialog.open || button.disabled) return;
    event.preventDefault();
    button.click();
  });
}
