/**
 * The @page rules of a printed sheet: paper size, and the title, version, online URL and page
 * number in the page's margin boxes (Chromium has painted @page margin boxes since version 131;
 * they repeat on every page without taking room from the columns).
 */

/** A string as a CSS string literal. */
export function cssString(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, ' ')}"`;
}

/** The print-only page setup of one sheet. */
export function pageSetupCss(options: { size: string; title: string; version: string; url: string }): string {
  const box = 'font-family: "Noto Sans CJK JP", "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif; font-size: 7.5pt; color: #000;';
  return `@media print {
  @page {
    size: ${options.size};
    margin: 12mm 9mm 11mm;
    @top-left { content: ${cssString(options.title)}; ${box} font-weight: 700; font-size: 9pt; vertical-align: bottom; padding-bottom: 1.5mm; }
    @top-right { content: ${cssString(options.version)}; ${box} vertical-align: bottom; padding-bottom: 1.5mm; }
    @bottom-left { content: ${cssString(options.url)}; ${box} vertical-align: top; padding-top: 1.5mm; }
    @bottom-right { content: counter(page) " / " counter(pages); ${box} vertical-align: top; padding-top: 1.5mm; }
  }
}`;
}
