import type { FileStat, Vfs } from '../types.ts';
import { dirname, normalize } from './paths.ts';

interface Node {
  dir: boolean;
  data: string;
  mtime: number;
  mode: number;
}

/**
 * An in-memory file system: one map from normalised absolute path to node. Directories are
 * explicit nodes so that empty ones exist; writing a file never creates its parents (as open(2)).
 */
export class MemoryVfs implements Vfs {
  private readonly nodes = new Map<string, Node>();
  private readonly now: () => number;
  private changed = 0;

  constructor(now: () => number = () => 0) {
    this.now = now;
    this.nodes.set('/', { dir: true, data: '', mtime: now(), mode: 0o755 });
  }

  /** Counts writes, mkdirs, removals and chmods: equal counts mean an unchanged tree. */
  changes(): number {
    return this.changed;
  }

  readFile(path: string): string | undefined {
    const n = this.nodes.get(normalize(path));
    return n && !n.dir ? n.data : undefined;
  }

  writeFile(path: string, data: string): boolean {
    const p = normalize(path);
    const existing = this.nodes.get(p);
    if (existing?.dir || !this.isDir(dirname(p))) return false;
    this.nodes.set(p, { dir: false, data, mtime: this.now(), mode: existing?.mode ?? 0o644 });
    this.changed++;
    return true;
  }

  exists(path: string): boolean {
    return this.nodes.has(normalize(path));
  }

  isDir(path: string): boolean {
    return this.nodes.get(normalize(path))?.dir === true;
  }

  list(path: string): string[] | undefined {
    const p = normalize(path);
    if (!this.isDir(p)) return undefined;
    const prefix = p === '/' ? '/' : p + '/';
    const names: string[] = [];
    for (const key of this.nodes.keys()) {
      if (key.startsWith(prefix) && key.length > prefix.length && !key.slice(prefix.length).includes('/')) {
        names.push(key.slice(prefix.length));
      }
    }
    return names.sort();
  }

  mkdir(path: string, parents = false): boolean {
    const p = normalize(path);
    if (this.nodes.has(p)) return parents && this.isDir(p);
    const parent = dirname(p);
    if (!this.isDir(parent)) {
      if (!parents || this.exists(parent) || !this.mkdir(parent, true)) return false;
    }
    this.nodes.set(p, { dir: true, data: '', mtime: this.now(), mode: 0o755 });
    this.changed++;
    return true;
  }

  remove(path: string, recursive = false): boolean {
    const p = normalize(path);
    const n = this.nodes.get(p);
    if (!n || p === '/') return false;
    if (n.dir) {
      const prefix = p + '/';
      const children = [...this.nodes.keys()].filter((k) => k.startsWith(prefix));
      if (children.length > 0 && !recursive) return false;
      for (const k of children) this.nodes.delete(k);
    }
    this.nodes.delete(p);
    this.changed++;
    return true;
  }

  stat(path: string): FileStat | undefined {
    const n = this.nodes.get(normalize(path));
    if (!n) return undefined;
    return { isDir: n.dir, size: n.dir ? 4096 : new TextEncoder().encode(n.data).length, mtime: n.mtime, mode: n.mode };
  }

  chmod(path: string, mode: number): boolean {
    const n = this.nodes.get(normalize(path));
    if (!n) return false;
    n.mode = mode;
    this.changed++;
    return true;
  }

  /** Writes a file and creates its missing parent directories (for scenario seeding). */
  seed(path: string, data: string, mode?: number): void {
    const p = normalize(path);
    this.mkdir(dirname(p), true);
    this.writeFile(p, data);
    if (mode !== undefined) this.chmod(p, mode);
  }
}
