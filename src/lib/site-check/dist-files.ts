/**
 * The built site as files: which HTML pages dist/ holds, and which file a same-origin URL path
 * is served from, as `astro preview` (and a static host) serves it with `trailingSlash: 'always'`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The dist/ folder of the project in the working directory. */
export const DIST = join(process.cwd(), 'dist');

/** One built HTML page: its file and the URL path it is served at (`/en/upgrades/`, `/404.html`). */
export interface BuiltPage {
  file: string;
  url: string;
}

/** Throws the message a reader needs when dist/ has not been built. */
export function requireDist(dist = DIST): void {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`no built site in ${dist}: run \`npm run build\` first`);
}

/** Every HTML file under dist/ with its URL path, sorted by URL. */
export function builtHtmlPages(dist = DIST): BuiltPage[] {
  const out: BuiltPage[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.html')) {
        const rel = relative(dist, path).split(sep).join('/');
        const url = name === 'index.html' ? `/${rel.slice(0, -'index.html'.length)}` : `/${rel}`;
        out.push({ file: path, url });
      }
    }
  };
  walk(dist);
  return out.sort((a, b) => a.url.localeCompare(b.url));
}

/** Where a URL path resolves in dist/: the file, or why it does not. */
export type Resolution = { file: string } | { error: string };

/**
 * The file a same-origin path is served from. `/x/` is dist/x/index.html; `/x` must name a file
 * (with `trailingSlash: 'always'` a folder without its slash is a 404, not a redirect).
 */
export function resolvePath(pathname: string, dist = DIST): Resolution {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { error: 'malformed percent-encoding' };
  }
  const path = join(dist, ...decoded.split('/').filter(Boolean));
  if (!path.startsWith(dist)) return { error: 'outside the site' };
  if (decoded.endsWith('/')) {
    const index = join(path, 'index.html');
    return existsSync(index) ? { file: index } : { error: 'no such page' };
  }
  if (!existsSync(path)) return { error: 'no such file' };
  if (statSync(path).isDirectory()) return { error: 'a folder without its trailing slash (trailingSlash: always)' };
  return { file: path };
}
