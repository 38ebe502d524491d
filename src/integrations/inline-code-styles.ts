import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const EC_LINK = /<link rel="stylesheet" href="(\/_astro\/ec\.[\w-]+\.css)"\s*\/?>/g;

/** Every HTML file under a folder, recursively. */
async function htmlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) out.push(path);
  }
  return out;
}

/**
 * Moves Expressive Code's stylesheet into each page's `<head>` as an inline `<style>`, and lists its
 * hash in the page's CSP `style-src` when the page has one.
 * Why after the build: Expressive Code links its stylesheet from the first code block of a page, a
 * render-blocking request that costs a phone ~170 ms of first paint (Lighthouse); its own
 * `emitExternalStylesheet: false` puts a `<style>` in the first block instead, which Starlight's
 * `<Steps>` drops when that block sits inside it, so pages lost their code styles.
 */
export function inlineCodeStyles(): AstroIntegration {
  return {
    name: 'kube-notes-inline-code-styles',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const sheets = new Map<string, string>();
        let pages = 0;
        for (const file of await htmlFiles(root)) {
          const html = await readFile(file, 'utf8');
          const hrefs = [...html.matchAll(EC_LINK)].map((m) => m[1]);
          if (!hrefs.length) continue;
          let css = '';
          for (const href of new Set(hrefs)) {
            if (!sheets.has(href)) sheets.set(href, (await readFile(join(root, href), 'utf8')).trim());
            css += sheets.get(href);
          }
          await writeFile(file, withInlineStyle(html.replace(EC_LINK, ''), css));
          pages++;
        }
        logger.info(`Expressive Code styles inlined in ${pages} pages`);
      },
    },
  };
}

/** The page with `css` as the last `<style>` of its head and its hash allowed by a CSP meta tag, if any. */
export function withInlineStyle(html: string, css: string): string {
  const hash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
  const page = html.replace('</head>', `<style>${css}</style></head>`);
  return page.replace(/(<meta http-equiv="content-security-policy" content=")([^"]*)(")/i, (_m, open: string, policy: string, close: string) => {
    const directives = policy.split(';').map((d) => d.trim()).filter(Boolean);
    const i = directives.findIndex((d) => d.startsWith('style-src '));
    if (i === -1) return open + policy + close;
    // With 'unsafe-inline' and no hash or nonce, any inline style is already allowed; a hash would disable that.
    if (!/'(sha\d+|nonce)-/.test(directives[i]) && directives[i].includes("'unsafe-inline'")) return open + policy + close;
    directives[i] += ` ${hash}`;
    return open + directives.join('; ') + close;
  });
}
