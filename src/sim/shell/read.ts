/**
 * bash's `read`: one line of standard input split into variables by IFS. Inside a loop or a
 * function the body's commands share one input (Shell.input): each `read` takes the next line.
 */
import type { RunResult } from '../types.ts';
import type { Shell } from './interpreter.ts';

const USAGE = 'read: usage: read [-ers] [-a array] [-d delim] [-i text] [-n nchars] [-N nchars] [-p prompt] [-t timeout] [-u fd] [name ...]\n';
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `read [-r] [-d DELIM] [-n N] [-p PROMPT] [-s] [-t T] [NAME…]`: 0 when a whole line was read, 1 at end of input. */
export function read(sh: Shell, argv: string[], stdin: string, env: Record<string, string>): RunResult {
  let raw = false;
  let delim = '\n';
  let count: number | undefined;
  let i = 1;
  for (; i < argv.length && argv[i].startsWith('-') && argv[i] !== '-'; i++) {
    if (argv[i] === '--') {
      i++;
      break;
    }
    for (let k = 1; k < argv[i].length; k++) {
      const o = argv[i][k];
      if (o === 'r' || o === 's' || o === 'e') {
        if (o === 'r') raw = true;
        continue;
      }
      if (!'dnNptuia'.includes(o)) return { stdout: '', stderr: `bash: read: -${o}: invalid option\n${USAGE}`, exitCode: 2 };
      // An option's argument is the rest of the word, else the next word.
      const value = argv[i].slice(k + 1) || argv[++i];
      if (value === undefined) return { stdout: '', stderr: `bash: read: -${o}: option requires an argument\n${USAGE}`, exitCode: 2 };
      if (o === 'd') delim = value[0] ?? '\0';
      if (o === 'n' || o === 'N') {
        if (!/^\d+$/.test(value)) return { stdout: '', stderr: `bash: read: ${value}: invalid number\n`, exitCode: 1 };
        count = Number(value);
      }
      break;
    }
  }
  const names = argv.slice(i);
  const bad = names.find((n) => !NAME.test(n));
  if (bad !== undefined) return { stdout: '', stderr: `bash: read: \`${bad}': not a valid identifier\n`, exitCode: 1 };

  // Read up to the delimiter; without -r a backslash escapes the next character and joins lines.
  let line = '';
  let at = 0;
  let complete = false;
  while (at < stdin.length && (count === undefined || line.length < count)) {
    const c = stdin[at++];
    if (c === delim) {
      complete = true;
      break;
    }
    if (c === '\\' && !raw) {
      const next = stdin[at++];
      if (next !== undefined && next !== '\n') line += '\\' + next;
      continue;
    }
    line += c;
  }
  if (count !== undefined && line.length >= count) complete = true;
  // The input a body shares loses what this read took.
  if (sh.input && stdin === sh.input.rest) sh.input.rest = stdin.slice(at);

  const vars = sh.frame.vars;
  const unescape = (s: string): string => (raw ? s : s.replace(/\\(.)/gs, '$1'));
  if (names.length === 0) {
    vars.set('REPLY', unescape(line));
  } else {
    const ifs = env.IFS ?? vars.get('IFS') ?? ' \t\n';
    const white = [...ifs].filter((c) => ' \t\n'.includes(c)).join('');
    const isWhite = (c: string): boolean => white.includes(c);
    const isSep = (c: string): boolean => ifs.includes(c);
    let rest = line;
    const trimStart = (s: string): string => {
      let k = 0;
      while (k < s.length && isWhite(s[k])) k++;
      return s.slice(k);
    };
    rest = trimStart(rest);
    names.forEach((name, n) => {
      if (n === names.length - 1) {
        let end = rest.length;
        while (end > 0 && isWhite(rest[end - 1]) && rest[end - 2] !== '\\') end--;
        vars.set(name, unescape(rest.slice(0, end)));
        return;
      }
      let k = 0;
      while (k < rest.length && !(isSep(rest[k]) && rest[k - 1] !== '\\')) k++;
      vars.set(name, unescape(rest.slice(0, k)));
      rest = rest.slice(k);
      // One separator, with the IFS whitespace around it.
      rest = trimStart(rest);
      if (rest && isSep(rest[0]) && !isWhite(rest[0])) rest = trimStart(rest.slice(1));
    });
  }
  return { stdout: '', stderr: '', exitCode: complete ? 0 : 1 };
}
