import type { AstroIntegration } from 'astro';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { completeCsp } from './csp-complete.ts';
import { inlineCodeStyles } from './inline-code-styles.ts';

/** Every HTML file under a folder, recursively. */
async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/**
 * After the build, one pass over every page: Expressive Code's stylesheet moves inline
 * (inline-code-styles.ts), then the CSP meta gets the hashes of every inline script and style
 * (csp-complete.ts), the inlined stylesheet included. One read and one write per page; the order
 * is fixed here rather than by the order of integrations in the config.
 */
export function kubeNotesPostBuild(): AstroIntegration {
  return {
    name: 'kube-notes-post-build',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const root = fileURLToPath(dir);
        const sheets = new Map<string, string>();
        const readSheet = async (href: string) => {
          if (!sheets.has(href)) sheets.set(href, (await readFile(join(root, href), 'utf8')).trim());
          return sheets.get(href) ?? '';
        };
        const files = await htmlFiles(root);
        let styled = 0;
        let policed = 0;
        for (const file of files) {
          const html = await readFile(file, 'utf8');
          const withStyles = await inlineCodeStyles(html, readSheet);
          const out = completeCsp(withStyles);
          if (withStyles !== html) styled++;
          if (out !== withStyles) policed++;
          if (out !== html) await writeFile(file, out);
        }
        logger.info(`Expressive Code styles inlined in ${styled} pages; CSP completed in ${policed} of ${files.length} pages`);
      },
    },
  };
}
