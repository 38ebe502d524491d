/**
 * The <head> entry of a cheat-sheet page: its print page setup as a <style> (a <style> in the
 * body is invalid HTML, so the routes pass it to StarlightPage's `head` instead).
 */
import { KUBERNETES_VERSION, PAPER } from './cheatsheet-labels.ts';
import { pageSetupCss } from './cheatsheet-print.ts';
import type { Locale } from './locale-path.ts';

/** A Starlight `head` entry holding the @page setup of the sheet at `url`. */
export function sheetHead(options: { locale: Locale; title: string; url: string; siteVersion: string }): { tag: 'style'; content: string } {
  const { locale, title, url, siteVersion } = options;
  return {
    tag: 'style',
    content: pageSetupCss({ size: PAPER[locale].css, title, version: `kube-notes v${siteVersion} · Kubernetes ${KUBERNETES_VERSION}`, url }),
  };
}
