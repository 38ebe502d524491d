/**
 * Relabels a server-rendered terminal in another language: the side-by-side view renders the
 * Japanese and English columns under one URL, so the server labels both in the URL's language
 * and the element fixes the column that is in the other one.
 */
import type { TerminalStrings, TextKey } from './strings.ts';

/** Sets every `data-l10n` text and `data-l10n-label` name, and the title and task sent for the other language. */
export function localize(root: HTMLElement, strings: TerminalStrings): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-l10n]')) {
    el.textContent = strings[el.dataset.l10n as TextKey] ?? el.textContent;
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-l10n-label]')) {
    const label = strings[el.dataset.l10nLabel as TextKey];
    if (label) el.setAttribute('aria-label', label + (el.dataset.runCommand ?? ''));
  }
  const swap = (part: string, text: string | undefined) => {
    const el = root.querySelector(`[data-part="${part}"]`);
    if (el && text) el.textContent = text;
  };
  swap('title', root.dataset.otherTitle);
  swap('task', root.dataset.otherTask);
}
