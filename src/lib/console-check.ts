/**
 * Reads the ```console blocks of our chapters (`$ command` lines and the output after them) and
 * compares a documented output with what the simulator printed, forgiving only what differs
 * between two runs of the same cluster: ages, generated name suffixes, timestamps, uids and
 * resourceVersions. Pure: no file or simulator access.
 */
import { codeTitle, type OutlineItem } from './mdx-outline.ts';

/** One command of a console block and the output the page shows for it. */
export interface ConsoleStep {
  /** The command as a shell would read it (continuation lines and here-documents included). */
  command: string;
  /** The output lines after it, joined with `\n` (empty string for no output). */
  expected: string;
  /** 1-based line of the `$ ` line within the block. */
  line: number;
}

const HEREDOC = /<<-?\s*(['"]?)([A-Za-z_][\w-]*)\1/g;

/**
 * Splits a console block into steps. A step starts at a `$ ` line; a trailing `\` continues the
 * command on the next line, and a here-document (`<<EOF` … `EOF`) takes its body into the
 * command. Lines starting with `# ` just before a `$ ` line (or before the first one) are
 * comments of the page, not output.
 */
export function parseConsole(body: string): ConsoleStep[] {
  const lines = body.replace(/\n$/, '').split('\n');
  const steps: ConsoleStep[] = [];
  let i = 0;
  const isComment = (n: number): boolean => {
    // A run of `# ` lines is a comment when a command (or nothing yet) follows it.
    if (!/^#( |$)/.test(lines[n])) return false;
    let k = n;
    while (k < lines.length && /^#( |$)/.test(lines[k])) k++;
    return steps.length === 0 || (k < lines.length && lines[k].startsWith('$ '));
  };
  while (i < lines.length) {
    if (isComment(i) || (steps.length === 0 && lines[i].trim() === '')) {
      i++;
      continue;
    }
    if (!lines[i].startsWith('$ ')) {
      // Output before any command: keep it visible as a step with no command, so a test fails.
      steps.push({ command: '', expected: lines[i], line: i + 1 });
      i++;
      continue;
    }
    const start = i;
    const commandLines = [lines[i].slice(2)];
    i++;
    for (;;) {
      const last = commandLines[commandLines.length - 1];
      if (/(^|[^\\])(\\\\)*\\$/.test(last) && i < lines.length) {
        commandLines.push(lines[i].replace(/^> /, ''));
        i++;
        continue;
      }
      break;
    }
    const heredocs = [...commandLines.join('\n').matchAll(HEREDOC)].map((m) => m[2]);
    for (const word of heredocs) {
      while (i < lines.length) {
        const line = lines[i].replace(/^> /, '');
        commandLines.push(line);
        i++;
        if (line.replace(/^\t+/, '') === word) break;
      }
    }
    const output: string[] = [];
    while (i < lines.length && !lines[i].startsWith('$ ') && !isComment(i)) output.push(lines[i++]);
    steps.push({ command: commandLines.join('\n'), expected: output.join('\n'), line: start + 1 });
  }
  return steps;
}

/** The attributes of a code fence's meta string: `scenario=dns check=false reason="…"`. */
export function fenceAttributes(meta: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of meta.matchAll(/([A-Za-z][\w-]*)=(?:"([^"]*)"|'([^']*)'|(\S+))/g)) out[m[1]] = m[2] ?? m[3] ?? m[4];
  return out;
}

// Kubernetes' generated suffixes use utilrand's alphabet: no vowels, no 0, 1, 3
// (k8s.io/apimachinery/pkg/util/rand/rand.go, `alphanums`).
const ALNUM = '[bcdfghjklmnpqrstvwxz2456789]';
const POD_OF_REPLICASET = new RegExp(`-${ALNUM}{6,10}-${ALNUM}{5}(?![\\w-])`, 'g');
const GENERATED = new RegExp(`-${ALNUM}{5}(?![\\w-])`, 'g');
// kubectl's HumanDuration (k8s.io/apimachinery/pkg/util/duration/duration.go): 45s, 6m24s, 2d23h, 3y120d.
const DURATION = /(?<![\w.:/-])(?:\d+[smhdy])+(?![\w.:/-])|<invalid>|<unknown>/g;
const ISO_TIME = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d)/g;
// describe's time format: "Mon, 25 Nov 2026 09:00:00 +0000" (k8s.io/kubectl/pkg/describe, time.RFC1123Z).
const RFC1123 = /[A-Z][a-z]{2}, \d\d [A-Z][a-z]{2} \d{4} \d\d:\d\d:\d\d [+-]\d{4}/g;
const UID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const RESOURCE_VERSION = /("?resourceVersion"?\s*:\s*"?)\d+/g;

/** Replaces what legitimately changes between runs in free text (not durations: "lameduck 5s" must stay). */
export function normaliseText(text: string): string {
  return text
    .replace(ISO_TIME, '<time>')
    .replace(RFC1123, '<time>')
    .replace(UID, '<uid>')
    .replace(RESOURCE_VERSION, '$1<rv>')
    .replace(POD_OF_REPLICASET, '-<hash>-<id>')
    .replace(GENERATED, '-<id>');
}

/** Normalises one table cell: free-text rules plus ages. */
export function normaliseCell(cell: string): string {
  return normaliseText(cell).replace(DURATION, '<age>');
}

const HEADER_CELL = /^[A-Z][A-Z0-9()/_.-]*(?: [A-Z][A-Z0-9()/_.-]*)*$/;

/** Where each column of a table header starts (header cells are separated by 2+ spaces). */
function headerColumns(line: string): number[] | undefined {
  const cells = [...line.matchAll(/\S+(?: \S+)*/g)];
  if (cells.length < 2) return undefined;
  return cells.map((m) => m.index);
}

function isHeader(lines: string[], n: number): number[] | undefined {
  const line = lines[n];
  const columns = headerColumns(line);
  if (!columns) return undefined;
  const cells = line.trim().split(/\s{2,}/);
  if (cells.every((c) => HEADER_CELL.test(c))) return columns;
  // describe's Events: "Type    Reason  Age  From  Message" over a "----    ------" rule.
  const rule = lines[n + 1];
  if (rule !== undefined && /^\s*-+(\s+-+)+\s*$/.test(rule)) return columns;
  return undefined;
}

/** A line of output as it is compared: a table row as its cells, anything else as normalised text. */
type Row = { kind: 'text'; text: string } | { kind: 'row'; cells: string[]; aligned: boolean };

/**
 * Reads output into rows. A table is a header line (upper-case cells, as kubectl's printers
 * write them) and the lines after it up to a blank line; each row is cut at the header's column
 * starts, so an empty cell stays a cell and a row out of line with its header is noticed.
 */
export function readRows(output: string): Row[] {
  const lines = output.split('\n').map((l) => l.replace(/\s+$/, ''));
  const rows: Row[] = [];
  let columns: number[] | undefined;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n];
    if (line === '') {
      columns = undefined;
      rows.push({ kind: 'text', text: '' });
      continue;
    }
    if (!columns) {
      const header = isHeader(lines, n);
      if (header) {
        columns = header;
        rows.push({ kind: 'row', cells: cut(line, header).cells.map(normaliseCell), aligned: true });
        continue;
      }
      rows.push({ kind: 'text', text: normaliseText(line) });
      continue;
    }
    const { cells, aligned } = cut(line, columns);
    rows.push({ kind: 'row', cells: cells.map(normaliseCell), aligned });
  }
  return rows;
}

function cut(line: string, columns: number[]): { cells: string[]; aligned: boolean } {
  let aligned = true;
  const cells = columns.map((start, k) => {
    const end = k + 1 < columns.length ? columns[k + 1] : line.length;
    const raw = line.slice(start, Math.max(start, end));
    // A cell starts exactly at its column and ends before the next one, with at least one space.
    if (k > 0 && start < line.length && line[start - 1] !== ' ') aligned = false;
    if (raw.startsWith(' ') && raw.trim() !== '') aligned = false;
    return raw.trim();
  });
  if (columns[0] > 0 && line.slice(0, columns[0]).trim() !== '') aligned = false;
  return { cells, aligned };
}

/** Whether two outputs are the same up to ages, generated names, timestamps, uids and resourceVersions. */
export function sameOutput(expected: string, actual: string): boolean {
  const a = readRows(trimBlankEnd(expected));
  const b = readRows(trimBlankEnd(actual));
  if (a.length !== b.length) return false;
  return a.every((row, n) => {
    const other = b[n];
    if (row.kind !== other.kind) return false;
    if (row.kind === 'text' && other.kind === 'text') return row.text === other.text;
    if (row.kind === 'row' && other.kind === 'row') {
      return row.aligned && other.aligned && row.cells.length === other.cells.length && row.cells.every((c, k) => c === other.cells[k]);
    }
    return false;
  });
}

function trimBlankEnd(text: string): string {
  return text.replace(/\s+$/, '');
}

/** A unified diff (`-` expected, `+` actual) of two texts, line by line, for failure messages. */
export function unifiedDiff(expected: string, actual: string, context = 3): string {
  const a = expected.split('\n');
  const b = actual.split('\n');
  // Longest common subsequence table; the outputs are short (tens of lines).
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const ops: { op: ' ' | '-' | '+'; text: string; ai: number; bi: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ op: ' ', text: a[i], ai: i++, bi: j++ });
    else if (i < a.length && (j >= b.length || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ op: '-', text: a[i], ai: i++, bi: j });
    else ops.push({ op: '+', text: b[j], ai: i, bi: j++ });
  }
  const out = ['--- expected (page)', '+++ actual (simulator)'];
  let k = 0;
  while (k < ops.length) {
    if (ops[k].op === ' ') {
      k++;
      continue;
    }
    const from = Math.max(0, k - context);
    let to = k;
    // Extend the hunk while changes are within 2 * context lines of each other.
    for (let m = k; m < ops.length; m++) {
      if (ops[m].op !== ' ') to = m;
      else if (m - to > 2 * context) break;
    }
    to = Math.min(ops.length - 1, to + context);
    const hunk = ops.slice(from, to + 1);
    const aStart = hunk[0].ai + 1;
    const bStart = hunk[0].bi + 1;
    const aLen = hunk.filter((o) => o.op !== '+').length;
    const bLen = hunk.filter((o) => o.op !== '-').length;
    out.push(`@@ -${aStart},${aLen} +${bStart},${bLen} @@`);
    for (const o of hunk) out.push(o.op + o.text);
    k = to + 1;
  }
  return out.join('\n');
}

/**
 * What a terminal would have shown for a command, given its two streams: a real terminal
 * interleaves stdout and stderr as they are written, which a RunResult no longer records. Picks
 * the interleaving (each stream kept in order) that lines up best with the page's output, so a
 * page showing `kubectl drain`'s mixed messages is compared line for line.
 */
export function mergeStreams(expected: string, stdout: string, stderr: string): string {
  const lines = (text: string) => (text === '' ? [] : text.replace(/\n$/, '').split('\n'));
  const out = lines(stdout);
  const err = lines(stderr);
  if (err.length === 0) return out.join('\n');
  if (out.length === 0) return err.join('\n');
  const want = lines(expected).map(looseKey);
  const o = out.map(looseKey);
  const e = err.map(looseKey);
  // best[i][j]: most page lines matched using out[i..] and err[j..] from page line i + j.
  const best: number[][] = Array.from({ length: out.length + 1 }, () => new Array<number>(err.length + 1).fill(0));
  for (let i = out.length; i >= 0; i--) {
    for (let j = err.length; j >= 0; j--) {
      if (i === out.length && j === err.length) continue;
      const at = want[i + j];
      const takeOut = i < out.length ? best[i + 1][j] + (o[i] === at ? 1 : 0) : -1;
      const takeErr = j < err.length ? best[i][j + 1] + (e[j] === at ? 1 : 0) : -1;
      best[i][j] = Math.max(takeOut, takeErr);
    }
  }
  const merged: string[] = [];
  let i = 0;
  let j = 0;
  while (i < out.length || j < err.length) {
    const at = want[i + j];
    const takeOut = i < out.length ? best[i + 1][j] + (o[i] === at ? 1 : 0) : -1;
    const takeErr = j < err.length ? best[i][j + 1] + (e[j] === at ? 1 : 0) : -1;
    // On a tie stdout first, as a terminal shows a command that writes its errors last.
    if (takeOut >= takeErr) merged.push(out[i++]);
    else merged.push(err[j++]);
  }
  return merged.join('\n');
}

function looseKey(line: string): string {
  return normaliseCell(line.trim()).replace(/\s+/g, ' ');
}

/** A console block of a page with what the test needs to run it. */
export interface ConsoleBlock {
  /** Id of the heading the block is under ("top" before the first one). */
  section: string;
  /** 1-based line of the fence in the page. */
  line: number;
  meta: string;
  body: string;
  /** Scenario to run in (`scenario=` attribute, default `default`). */
  scenario: string;
  /** False when the block carries `check=false`. */
  check: boolean;
  /** The `reason="…"` of a skipped block. */
  reason: string | undefined;
  /** Files a reader would have saved by now: titled yaml/json blocks above, in page order. */
  files: { name: string; content: string }[];
}

/** The console blocks of a page outline, each with its section, scenario and the page's files above it. */
export function consoleBlocks(items: readonly OutlineItem[]): ConsoleBlock[] {
  const blocks: ConsoleBlock[] = [];
  const files: { name: string; content: string }[] = [];
  let section = 'top';
  for (const item of items) {
    if (item.type === 'heading' && item.depth >= 2) section = item.id ?? item.text;
    if (item.type !== 'code') continue;
    const title = codeTitle(item.meta);
    if (title && /^(ya?ml|json)$/.test(item.lang) && /^[\w./-]+$/.test(title)) {
      files.push({ name: title, content: item.body.endsWith('\n') ? item.body : item.body + '\n' });
    }
    if (item.lang !== 'console') continue;
    const attrs = fenceAttributes(item.meta);
    blocks.push({
      section,
      line: item.line,
      meta: item.meta,
      body: item.body,
      scenario: attrs.scenario ?? 'default',
      check: attrs.check !== 'false',
      reason: attrs.reason,
      files: [...files],
    });
  }
  return blocks;
}
