const EC_LINK = /<link rel="stylesheet" href="(\/_astro\/ec\.[\w-]+\.css)"\s*\/?>/g;

/**
 * The page with Expressive Code's stylesheet links replaced by one inline `<style>` at the end of
 * its `<head>`; `readSheet` gives a stylesheet's text by its href.
 * Why after the build: Expressive Code links its stylesheet from the first code block of a page, a
 * render-blocking request that costs a phone ~170 ms of first paint (Lighthouse); its own
 * `emitExternalStylesheet: false` puts a `<style>` in the first block instead, which Starlight's
 * `<Steps>` drops when that block sits inside it, so pages lost their code styles. The CSP hash of
 * the new `<style>` is added afterwards by csp-complete.ts, which hashes every inline style.
 */
export async function inlineCodeStyles(html: string, readSheet: (href: string) => Promise<string>): Promise<string> {
  const hrefs = new Set([...html.matchAll(EC_LINK)].map((m) => m[1] ?? ''));
  if (!hrefs.size) return html;
  let css = '';
  for (const href of hrefs) css += await readSheet(href);
  return html.replace(EC_LINK, '').replace('</head>', `<style>${css}</style></head>`);
}
