import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { completeCsp } from './csp-complete.ts';

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.html')).map((e) => join(e.parentPath, e.name));
}

/** After the build, completes each page's CSP meta with the inline hashes Astro leaves out (see csp-complete.ts). */
export function kubeNotesCsp(): AstroIntegration {
  return {
    name: 'kube-notes-csp',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const files = await htmlFiles(fileURLToPath(dir));
        let changed = 0;
        for (const file of files) {
          const html = await readFile(file, 'utf8');
          const out = completeCsp(html);
          if (out !== html) {
            await writeFile(file, out);
            changed += 1;
          }
        }
        logger.info(`completed the CSP of ${changed} of ${files.length} pages`);
      },
    },
  };
}
