import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every built reading page of one locale, as a URL path (`/ja/storage/volumes/`). */
export function builtPages(locale: 'ja' | 'en'): string[] {
  const root = join(process.cwd(), 'dist');
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name === 'index.html') out.push('/' + relative(root, dir).split('\\').join('/') + '/');
    }
  };
  walk(join(root, locale));
  return out.sort();
}
