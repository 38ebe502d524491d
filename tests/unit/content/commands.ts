/**
 * Reads the commands a page shows — in bash/sh/shell blocks (one command a line, `\`
 * continuations and here-documents kept whole) and after the `$ ` prompts of console blocks —
 * in page order, each with the scenario a reader would try it in and the files the page has
 * shown by then. Shared by the chapter-commands test; no simulator access here.
 */
import { parseConsole, fenceAttributes } from '../../../src/lib/console-check.ts';
import { codeTitle, outline, type OutlineItem } from '../../../src/lib/mdx-outline.ts';
import { splitScript } from '../../../src/sim/index.ts';

/** One command of a page. */
export interface PageCommand {
  /** The command as a shell reads it (continuation lines and here-document bodies included). */
  command: string;
  /** 1-based line of the code fence in the page. */
  line: number;
  /** 1-based index of the code block among the page's shell blocks. */
  block: number;
  /** The block's first command (how the data file names a block). */
  blockFirst: string;
  /** Id of the heading above it. */
  section: string;
  /** Scenario to run it in. */
  scenario: string;
  /** Output the page shows for it (console blocks), undefined for bash blocks. */
  expected: string | undefined;
  /** Titled yaml/json blocks above it on the page: the files a reader has saved by then. */
  files: { name: string; content: string }[];
}

const SHELL = /^(bash|sh|shell|console|shellsession)?$/;
// Prompts a reader does not type: `$ `, `controlplane $ `, `root@node01:~# `.
const PROMPT = /^(?:[\w.-]+@[\w.-]+:[^\s]*[#$] |(?:controlplane|node\d+) \$ |\$ )/;

/** Strips the prompts from a block that shows them and reads it as a console block. */
function promptedCommands(body: string): { command: string; expected: string }[] {
  const normalised = body
    .split('\n')
    .map((l) => (PROMPT.test(l) ? '$ ' + l.replace(PROMPT, '') : l))
    .join('\n');
  return parseConsole(normalised)
    .filter((s) => s.command !== '')
    .map((s) => ({ command: s.command, expected: s.expected }));
}

/** The commands of a block without prompts: what bash would run, line by line, comments left out. */
export function scriptCommands(body: string): string[] {
  const withoutComments = body
    .split('\n')
    .filter((l) => !/^\s*#/.test(l))
    .join('\n');
  return splitScript(withoutComments)
    .map((c) => c.trim())
    .filter((c) => c !== '');
}

/** The commands of one code block, whether it shows prompts or not. */
export function blockCommands(lang: string, body: string): { command: string; expected: string | undefined }[] {
  const prompted = lang === 'console' || body.split('\n').some((l) => PROMPT.test(l));
  // A bash block with prompts (the seed notes' style) shows output only where it has some.
  if (prompted) return promptedCommands(body).map((s) => ({ command: s.command, expected: lang === 'console' || s.expected.trim() !== '' ? s.expected : undefined }));
  return scriptCommands(body).map((command) => ({ command, expected: undefined }));
}

/**
 * The scenario of a bash block: the demo that follows it on the page (the terminal a reader
 * would type it into), else the last one before it, else `default`. A console block names
 * its own (`scenario=`), as the console-output test reads it.
 */
function terminalScenarios(items: readonly OutlineItem[], source: string): Map<number, string> {
  const lines = source.split('\n');
  const byLine = new Map<number, string>();
  for (const item of items) {
    if (item.type !== 'component' || item.name !== 'Terminal') continue;
    const m = /<Terminal\b[^>]*\bscenario=["']([\w-]+)["']/.exec(lines[item.line - 1] ?? '');
    if (m) byLine.set(item.line, m[1]);
  }
  return byLine;
}

/** Every command of a page (an MDX source or a Markdown file), in page order. */
export function pageCommands(source: string): PageCommand[] {
  const items = outline(source);
  const terminals = [...terminalScenarios(items, source)].sort((a, b) => a[0] - b[0]);
  const files: { name: string; content: string }[] = [];
  const out: PageCommand[] = [];
  let section = 'top';
  let block = 0;
  for (const item of items) {
    if (item.type === 'heading' && item.depth >= 2) section = item.id ?? item.text;
    if (item.type !== 'code') continue;
    // The seed notes use Qiita's `yaml:file.yaml` fences; MDX pages `title="…"`.
    const [lang, qiitaTitle] = item.lang.split(':');
    const title = codeTitle(item.meta) ?? qiitaTitle;
    if (title && /^(ya?ml|json)$/.test(lang) && /^[\w./-]+$/.test(title)) {
      files.push({ name: title, content: item.body.endsWith('\n') ? item.body : item.body + '\n' });
    }
    if (!SHELL.test(lang)) continue;
    // An untagged block is a command block only when it shows prompts (the seed notes' style).
    if (lang === '' && !item.body.split('\n').some((l) => PROMPT.test(l))) continue;
    const commands = blockCommands(lang, item.body);
    if (commands.length === 0) continue;
    block++;
    const attrs = fenceAttributes(item.meta);
    const next = terminals.find(([line]) => line > item.line) ?? terminals.at(-1);
    const scenario = lang === 'console' ? (attrs.scenario ?? 'default') : (next?.[1] ?? 'default');
    for (const { command, expected } of commands) {
      out.push({ command, line: item.line, block, blockFirst: commands[0].command, section, scenario, expected, files: [...files] });
    }
  }
  return out;
}
