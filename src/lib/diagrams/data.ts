/**
 * Reading a diagram's data file (content/diagrams/*.yaml): a writer edits names and labels
 * there, so a missing field stops the build with the file and the field's path.
 */
import yaml from 'js-yaml';
import type { Label, Lang } from './model.ts';
import { t } from './model.ts';

/** A parsed data file with typed getters that name the file in their errors. */
export class DiagramData {
  readonly file: string;
  readonly root: unknown;

  constructor(file: string, root: unknown) {
    this.file = file;
    this.root = root;
  }

  /** Parses YAML text. */
  static parse(file: string, text: string): DiagramData {
    return new DiagramData(file, yaml.load(text));
  }

  /** The value at a dotted path (`examples.path.rules`), or an error naming it. */
  get(path: string): unknown {
    let v: unknown = this.root;
    for (const part of path.split('.')) {
      if (v === null || typeof v !== 'object' || !(part in v)) throw new Error(`${this.file}: missing ${path}`);
      v = (v as Record<string, unknown>)[part];
    }
    return v;
  }

  /** A string or number at `path`, as a string. */
  str(path: string): string {
    const v = this.get(path);
    if (typeof v !== 'string' && typeof v !== 'number') throw new Error(`${this.file}: ${path} must be a string`);
    return String(v);
  }

  /** A label (string or { ja, en }) at `path`. */
  label(path: string): Label {
    const v = this.get(path);
    if (typeof v === 'string') return v;
    if (v && typeof v === 'object' && typeof (v as Record<string, unknown>).ja === 'string' && typeof (v as Record<string, unknown>).en === 'string') {
      return v as Label;
    }
    throw new Error(`${this.file}: ${path} must be a string or { ja, en }`);
  }

  /** A label at `path` in a language, placeholders filled. */
  text(path: string, lang: Lang, vars: Record<string, string | number> = {}): string {
    return t(this.label(path), lang, vars);
  }

  /** A list of objects at `path`, each a DiagramData rooted at the item. */
  list(path: string): DiagramData[] {
    const v = this.get(path);
    if (!Array.isArray(v)) throw new Error(`${this.file}: ${path} must be a list`);
    return v.map((item, i) => new DiagramData(`${this.file} ${path}[${i}]`, item));
  }

  /** A list of strings at `path`. */
  strings(path: string): string[] {
    const v = this.get(path);
    if (!Array.isArray(v) || v.some((s) => typeof s !== 'string')) throw new Error(`${this.file}: ${path} must be a list of strings`);
    return v as string[];
  }

  /** Whether `path` exists. */
  has(path: string): boolean {
    try {
      this.get(path);
      return true;
    } catch {
      return false;
    }
  }
}
