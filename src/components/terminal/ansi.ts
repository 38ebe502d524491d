/**
 * Turns terminal output with ANSI escapes into plain text runs with a style, so the page can
 * show colours and bold with text nodes only. Every escape other than SGR and "clear screen" is dropped.
 */

/** A run of text in one style; `fg` is an ANSI colour 0–15, or undefined for the default. */
export interface TextRun {
  kind: 'text';
  text: string;
  bold: boolean;
  fg: number | undefined;
}

/** `ESC [ 2 J` (what `clear` prints): everything before it leaves the screen. */
export interface ClearScreen {
  kind: 'clear';
}

/** One piece of parsed output. */
export type AnsiPiece = TextRun | ClearScreen;

// CSI sequences (ESC [ params final), other two-byte escapes, OSC strings, and lone control bytes.
const ESCAPES = /\x1b\[([0-9;?]*)([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|[\x00-\x08\x0b-\x1f\x7f]/g;

/** Splits output into styled text runs and clear-screen markers. */
export function parseAnsi(input: string): AnsiPiece[] {
  const pieces: AnsiPiece[] = [];
  let bold = false;
  let fg: number | undefined;
  let last = 0;
  const push = (text: string) => {
    if (!text) return;
    const prev = pieces[pieces.length - 1];
    if (prev?.kind === 'text' && prev.bold === bold && prev.fg === fg) prev.text += text;
    else pieces.push({ kind: 'text', text, bold, fg });
  };
  for (const match of input.matchAll(ESCAPES)) {
    push(input.slice(last, match.index));
    last = match.index + match[0].length;
    const [, params, final] = match;
    if (final === 'J' && (params === '2' || params === '3')) {
      pieces.push({ kind: 'clear' });
    } else if (final === 'm' && params !== undefined) {
      for (const code of sgrCodes(params)) {
        if (code === 0) [bold, fg] = [false, undefined];
        else if (code === 1) bold = true;
        else if (code === 22) bold = false;
        else if (code >= 30 && code <= 37) fg = code - 30;
        else if (code >= 90 && code <= 97) fg = code - 90 + 8;
        else if (code === 39) fg = undefined;
      }
    }
  }
  push(input.slice(last));
  return pieces;
}

function sgrCodes(params: string): number[] {
  if (params === '') return [0];
  const codes = params.split(';').map((p) => (p === '' ? 0 : Number(p)));
  // 38;5;n and 38;2;r;g;b carry arguments that are not codes of their own.
  const out: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    if (codes[i] === 38 || codes[i] === 48) i += codes[i + 1] === 5 ? 2 : codes[i + 1] === 2 ? 4 : 1;
    else out.push(codes[i]);
  }
  return out;
}

/** The output without any escape, as copied text should be. */
export function stripAnsi(input: string): string {
  return parseAnsi(input)
    .map((p) => (p.kind === 'text' ? p.text : ''))
    .join('');
}
