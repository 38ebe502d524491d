/** The home directory of root, which every session of the sandbox runs as. */
export const HOME = '/root';

/** Collapses `.`, `..` and repeated slashes of an absolute path; `..` above `/` stays at `/`. */
export function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return '/' + out.join('/');
}

/** Resolves `path` against `cwd` (and `~` against /root) into a normalised absolute path. */
export function resolvePath(cwd: string, path: string): string {
  if (path === '~' || path.startsWith('~/')) return normalize(HOME + path.slice(1));
  return openPath(cwd, path);
}

/** The file a program opens for `path` run in `cwd`: no `~` (only the shell expands it, and not in quotes). */
export function openPath(cwd: string, path: string): string {
  return normalize(path.startsWith('/') ? path : `${cwd}/${path}`);
}

/** The parent directory of a normalised absolute path (`/` for `/`). */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i <= 0 ? '/' : path.slice(0, i);
}

/** The last component of a path, ignoring trailing slashes, as `basename` prints it. */
export function basename(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path === '' ? '' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/** How a path is shown in the prompt: `~` for /root and below. */
export function promptPath(cwd: string): string {
  if (cwd === HOME) return '~';
  if (cwd.startsWith(HOME + '/')) return '~' + cwd.slice(HOME.length);
  return cwd;
}
