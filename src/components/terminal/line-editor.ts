/**
 * The line editing a shell's readline does, as pure functions over the `<input>`'s value and
 * cursor: which key does what, history recall and Tab completion. The element applies the results.
 */

/** What a key press means in the command input. */
export type LineAction = 'submit' | 'history-up' | 'history-down' | 'complete' | 'interrupt' | 'clear-screen';

/** The parts of a KeyboardEvent the editor looks at. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
}

/**
 * The action for a key, or undefined to leave the key to the browser. Tab completes only on a
 * non-empty line so that keyboard users can still Tab out of the terminal (no keyboard trap);
 * Ctrl+C with a selection stays "copy".
 */
export function keyAction(key: KeyLike, value: string, hasSelection: boolean): LineAction | undefined {
  if (key.isComposing || key.metaKey || key.altKey) return undefined;
  if (key.ctrlKey) {
    const k = key.key.toLowerCase();
    if (k === 'c' && !hasSelection) return 'interrupt';
    if (k === 'l') return 'clear-screen';
    return undefined;
  }
  switch (key.key) {
    case 'Enter':
      return 'submit';
    case 'ArrowUp':
      return 'history-up';
    case 'ArrowDown':
      return 'history-down';
    case 'Tab':
      return key.shiftKey || value.trim() === '' ? undefined : 'complete';
    default:
      return undefined;
  }
}

/**
 * Command history with bash's recall: ↑ walks back, ↓ forward, and the line being typed is kept
 * as a draft below the newest entry. Consecutive duplicates are stored once (HISTCONTROL=ignoredups,
 * which Ubuntu's default .bashrc sets).
 */
export class LineHistory {
  #entries: string[];
  #index: number;
  #draft = '';

  constructor(entries: readonly string[] = []) {
    this.#entries = [...entries];
    this.#index = this.#entries.length;
  }

  /** The stored lines, oldest first. */
  get entries(): readonly string[] {
    return this.#entries;
  }

  /** Records a submitted line and returns to the bottom of the history. */
  push(line: string): void {
    if (line.trim() !== '' && this.#entries[this.#entries.length - 1] !== line) this.#entries.push(line);
    this.#index = this.#entries.length;
    this.#draft = '';
  }

  /** The older line to show, or undefined at the oldest. */
  up(current: string): string | undefined {
    if (this.#index === 0) return undefined;
    if (this.#index === this.#entries.length) this.#draft = current;
    this.#index--;
    return this.#entries[this.#index];
  }

  /** The newer line to show (the draft after the newest), or undefined at the bottom. */
  down(): string | undefined {
    if (this.#index >= this.#entries.length) return undefined;
    this.#index++;
    return this.#index === this.#entries.length ? this.#draft : this.#entries[this.#index];
  }

  /** Forgets everything. */
  clear(): void {
    this.#entries = [];
    this.#index = 0;
    this.#draft = '';
  }
}

/** The line after a Tab, and the candidates to list below it (empty when nothing is listed). */
export interface Completion {
  line: string;
  cursor: number;
  list: string[];
}

/** The longest string every candidate starts with. */
export function commonPrefix(words: readonly string[]): string {
  if (words.length === 0) return '';
  let prefix = words[0];
  for (const word of words) {
    let i = 0;
    while (i < prefix.length && i < word.length && prefix[i] === word[i]) i++;
    prefix = prefix.slice(0, i);
  }
  return prefix;
}

/** Where the word being completed starts: after the last space before the cursor. */
export function wordStart(line: string, cursor: number): number {
  let i = cursor;
  while (i > 0 && !/\s/.test(line[i - 1])) i--;
  return i;
}

/**
 * Applies completion candidates (whole words for the word at the cursor), as bash does: one
 * candidate completes with a space after it (none after a directory's `/` or a `=`); several
 * complete their common prefix and are listed.
 */
export function applyCompletion(line: string, cursor: number, candidates: readonly string[]): Completion {
  const unique = [...new Set(candidates)];
  const start = wordStart(line, cursor);
  const typed = line.slice(start, cursor);
  const replace = (word: string, suffix: string): Completion => {
    const after = line.slice(cursor);
    const space = suffix && !after.startsWith(suffix) ? suffix : '';
    const next = line.slice(0, start) + word + space + after;
    return { line: next, cursor: start + word.length + (suffix && after.startsWith(suffix) ? 1 : space.length), list: [] };
  };
  if (unique.length === 0) return { line, cursor, list: [] };
  if (unique.length === 1) {
    const word = unique[0];
    return replace(word, /[/=]$/.test(word) ? '' : ' ');
  }
  const common = commonPrefix(unique);
  const extended = common.length > typed.length && common.startsWith(typed);
  const result = extended ? replace(common, '') : { line, cursor, list: [] };
  return { ...result, list: [...unique].sort() };
}

/** Candidates in columns, filled down then across like bash's listing, within `width` characters. */
export function formatColumns(words: readonly string[], width = 80): string {
  if (words.length === 0) return '';
  const col = Math.max(...words.map((w) => w.length)) + 2;
  const cols = Math.max(1, Math.floor(width / col));
  const rows = Math.ceil(words.length / cols);
  const lines: string[] = [];
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < cols; c++) {
      const word = words[c * rows + r];
      if (word === undefined) break;
      line += word.padEnd(col);
    }
    lines.push(line.trimEnd());
  }
  return lines.join('\n');
}
