/**
 * ▶ buttons on runnable code blocks (```` ```bash run ````, marked `data-run` by the Expressive
 * Code plugin): each command line gets a button that types the command into the nearest
 * terminal after the block (or, if none follows, the last one before it) and runs it.
 */
import { terminalMessages } from './strings.ts';

/** A command of a block and the index of the line it starts on. */
export interface BlockCommand {
  line: number;
  command: string;
}

const HEREDOC = /<<-?\s*(['"]?)([A-Za-z_][\w-]*)\1/;

/**
 * The commands of a shell block's lines: comments and blank lines are skipped, a line ending in
 * `\` continues on the next, and a heredoc runs up to its delimiter as one command.
 */
export function blockCommands(lines: readonly string[]): BlockCommand[] {
  const out: BlockCommand[] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = lines[i];
    if (first.trim() === '' || first.trim().startsWith('#')) continue;
    const start = i;
    const parts = [first];
    while (/\\$/.test(parts[parts.length - 1]) && i + 1 < lines.length) parts.push(lines[++i]);
    const heredoc = HEREDOC.exec(parts.join('\n'));
    if (heredoc) {
      const end = heredoc[2];
      while (i + 1 < lines.length) {
        parts.push(lines[++i]);
        if (lines[i].trim() === end) break;
      }
    }
    out.push({ line: start, command: parts.join('\n') });
  }
  return out;
}

interface RunnableTerminal extends Element {
  runCommand(command: string): void;
}

const langOf = (el: Element) => el.closest('[lang]')?.getAttribute('lang') ?? '';

/**
 * The terminal a block's commands run in: the next one on the page, else the last before it,
 * among those in the block's language (the side-by-side view has a column of each).
 */
function terminalFor(block: Element, doc: Document): RunnableTerminal | undefined {
  const all = [...doc.querySelectorAll('kube-terminal')] as RunnableTerminal[];
  const sameLang = all.filter((t) => langOf(t) === langOf(block));
  const terminals = sameLang.length > 0 ? sameLang : all;
  return (
    terminals.find((t) => block.compareDocumentPosition(t) & Node.DOCUMENT_POSITION_FOLLOWING) ?? terminals.at(-1)
  );
}

/** Adds the ▶ buttons to every runnable block of the page (once). */
export function addRunButtons(doc: Document): void {
  for (const block of doc.querySelectorAll<HTMLElement>('[data-run]')) {
    const strings = terminalMessages(block.closest<HTMLElement>('[lang]')?.lang ?? doc.documentElement.lang);
    if (block.hasAttribute('data-run-ready') || !terminalFor(block, doc)) continue;
    block.setAttribute('data-run-ready', '');
    const lines = [...block.querySelectorAll<HTMLElement>('.ec-line .code')];
    for (const { line, command } of blockCommands(lines.map((el) => el.textContent ?? ''))) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.className = 'kt-block-run';
      button.textContent = '▶\uFE0E'; // text presentation, not the emoji
      button.setAttribute('aria-label', `${strings.runInTerminal}: ${command.split('\n')[0]}`);
      button.addEventListener('click', () => {
        const terminal = terminalFor(block, doc);
        if (!terminal) return;
        terminal.scrollIntoView({ block: 'nearest' });
        terminal.runCommand(command);
      });
      lines[line].prepend(button);
    }
  }
}
