/**
 * Which chunks a command line may need, read from its text before it runs (run() is synchronous,
 * so the browser worker must load them first). Over-approximation is fine, missing one is a bug:
 * every word that names a command brings its family, and a line that could run commands its text
 * does not show (a `$CMD` or backtick command word, eval, sh/bash/source of a file, xargs, watch,
 * exec, a variable in kubectl exec's command, ssh HOST CMD, sudo -s, ./script) needs all of them. Aliases need nothing here: an alias
 * comes from an `alias` line whose words were scanned, and loaded chunks stay loaded.
 */
import { COMMAND_FAMILY, type FamilyName } from './command-map.ts';
import { BUILTINS } from '../shell/builtins.ts';
import { CORE_VERBS, VERB_PARTS, type KubectlPart } from './kubectl/verbs.ts';
import { findVerb } from './kubectl/flags.ts';
import { resolveResource } from '../api/kinds.ts';

/**
 * A chunk the browser loads on demand: a command family, a part of kubectl, js-yaml, or the
 * controllers of kinds only users and scenarios create (never a line's own need: see browser.ts).
 */
export type ChunkName = FamilyName | KubectlPart | 'yaml' | 'workloads' | 'unavailable' | 'compound' | 'ssh';

/** What a line needs: some chunks, or every one. */
export type LineNeeds = Set<ChunkName> | 'all';

/** Command words that run commands named elsewhere (a file, stdin, another host, a later argument). */
const RUNS_HIDDEN = new Set(['eval', 'bash', 'sh', 'dash', 'zsh', 'source', '.', 'xargs', 'watch', 'exec', 'su']);
/** Words before the command word that leave it a command word (`sudo kubectl`, `time kubectl`). */
const PREFIXES = new Set(['sudo', 'env', 'time', 'nohup', 'command', 'builtin', 'nice', 'timeout', 'if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'function']);
/** Words that stand where a command word does without being in BUILTINS before their chunk loads: shell keywords, compound's builtins and ssh. */
const KEYWORDS = new Set(['ssh', 'for', 'in', 'case', 'esac', 'fi', 'done', '}', 'test', '[', '[[', 'read', 'local', 'return', 'break', 'continue', 'shift', 'let', 'declare', 'select']);
/** Words that need the compound chunk (shell/compound.ts, with arithmetic.ts) where a command word stands. */
const COMPOUND = new Set(['if', 'while', 'until', 'for', 'case', '{', '[[', 'function', 'then', 'else', 'elif', 'do', 'fi', 'done', 'esac', '}', 'test', '[', 'read', 'break', 'continue', 'return', 'local', 'let', 'shift']);
/** Commands that may write a file the kubelet or kubectl then reads as YAML (static pod manifests, kubeconfigs). */
const WRITERS = new Set(['sed', 'vi', 'vim', 'nano', 'tee', 'cp', 'mv', 'ln', 'install', 'dd', 'truncate', 'touch', 'kubeadm', 'patch', 'apply', 'create', 'replace', 'edit', 'config']);

/**
 * What a command word that is a path runs: its script's text, '' when it runs nothing of the
 * sandbox's (a program's stand-in, a directory, a file without x), undefined when that is not
 * known (no such file yet, no session to ask). For a word without a slash: the alias's text.
 */
export type ScriptAt = (path: string) => string | undefined;

/**
 * The chunks `line` may need. A path that is no command of the sandbox's is a script, which may
 * run anything: with `scriptAt`, its text is scanned as well (scripts it runs, up to a depth);
 * without it, or beyond that depth, the line needs everything.
 */
export function chunksForLine(line: string, scriptAt?: ScriptAt, depth = 0): LineNeeds {
  const text = unquoted(line);
  const segments = commandSegments(line);
  if (segments === 'all') return 'all';
  const needs = new Set<ChunkName>();
  // A command word the sandbox has no command for may be an alias (`k`) of kubectl.
  let maybeAlias = false;
  // Whether every command only reads text (coreutils but no writer, or a builtin): then a manifest's
  // name on the line (`grep image: /etc/kubernetes/manifests/etcd.yaml`) is not YAML that gets parsed.
  let readsText = true;
  // A script's text now is what runs only when nothing on the line runs before it (a command that
  // may write it, make it executable or change the directory) and no redirection writes a file.
  const known = segments.length === 1 && !text.includes('>') ? scriptAt : undefined;
  for (const segment of segments) {
    const words = segment.split(/\s+/).filter(Boolean);
    let i = 0;
    while (i < words.length && (PREFIXES.has(words[i]) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i]) || (i > 0 && /^-|^\d/.test(words[i])))) {
      if (words[i] === 'sudo' && words.slice(i + 1).some((w) => /^-[a-zA-Z]*[si]/.test(w))) return 'all';
      i++;
    }
    const command = words[i];
    if (words.slice(0, i + 1).some((w) => COMPOUND.has(w))) needs.add('compound');
    if (command === undefined) continue;
    if (command.includes('$') || RUNS_HIDDEN.has(command)) return 'all';
    // A script's commands are its own lines' concern; the path itself reads no YAML.
    if (command.includes('/') && !COMMAND_FAMILY.has(command.slice(command.lastIndexOf('/') + 1))) {
      const script = depth < 3 ? known?.(command) : undefined;
      const inner = script === undefined ? 'all' : chunksForLine(script, known, depth + 1);
      if (inner === 'all') return 'all';
      inner.forEach((c) => needs.add(c));
      continue;
    }
    if (!(COMMAND_FAMILY.get(command) === 'coreutils' || Object.hasOwn(BUILTINS, command)) || WRITERS.has(command)) readsText = false;
    // A word the sandbox has no command for: an alias the shell has (what it stands for runs, with
    // the segment's other words; unless the line may define aliases itself), a tool it lacks (its
    // one-line message) or an alias yet to come.
    if (!command.includes('/') && !COMMAND_FAMILY.has(command) && !KEYWORDS.has(command) && !Object.hasOwn(BUILTINS, command)) {
      const alias = depth < 3 && !/\balias\b/.test(text) ? scriptAt?.(command) : undefined;
      if (alias !== undefined) {
        const inner = chunksForLine([alias, ...words.slice(i + 1)].join(' '), scriptAt, depth + 1);
        if (inner === 'all') return 'all';
        inner.forEach((c) => needs.add(c));
        continue;
      }
      needs.add('unavailable');
      if (/^[A-Za-z_][\w-]*$/.test(command)) maybeAlias = true;
    }
    if (command === 'ssh' && words.slice(i + 1).filter((w) => !w.startsWith('-')).length > 1) return 'all';
    // `kubectl exec POD -- CMD…` runs CMD's words, which are scanned below, unless a variable hides them.
    const dashes = words.indexOf('--');
    if (command.endsWith('kubectl') && words.includes('exec') && dashes > 0 && words.slice(dashes + 1).some((w) => w.includes('$'))) return 'all';
  }
  // A function definition, `name() { …; }`, arithmetic, `$((…))`, `((…))`…
  // …and process substitution, `<(…)`.
  if (/\w\s*\(\s*\)|\(\(|<\(/.test(text)) needs.add('compound');
  // Each word by its last path component (`/usr/bin/kubectl` runs kubectl).
  const names = text.split(/[\s;&|()<>{}=,]+/).filter(Boolean).map((raw) => raw.slice(raw.lastIndexOf('/') + 1));
  for (const word of names) {
    const family = COMMAND_FAMILY.get(word);
    if (family) needs.add(family);
    if (Object.hasOwn(VERB_PARTS, word)) needs.add(VERB_PARTS[word]);
    if (WRITERS.has(word)) needs.add('yaml');
    if (word === 'ssh') needs.add('ssh');
  }
  // Each kubectl on the line: the words after it, which the rules below read.
  const calls = kubectlCalls(text);
  const invocations = calls.map((c) => c.args);
  // The verbs kubectl suggests for a mistyped one: kubectl with no verb it knows. The help pages:
  // `-h`, `--help`, `help`, or kubectl with no verb at all (`kubectl`, `kubectl -n kube-system`).
  if (needs.has('kubectl') && invocations.some((args) => !args.some(isVerb))) needs.add('kubectl-help');
  if (needs.has('kubectl') && (/(^|\s)(-h|--help|help)(?=\s|$)/.test(text) || kubectlAlone(calls)))
    needs.add('kubectl-help-texts');
  if (/jsonpath|custom-columns|sort-by/.test(text)) needs.add('kubectl-jsonpath');
  // -l, --selector (drain's --pod-selector) and -l after one bool shorthand (`-Al app=web`, not `-oyaml`): the API server's label parser.
  const selects = (w: string) => /^(-[A-Za-z]?l|--selector|--pod-selector)/.test(w);
  if (invocations.some((args) => args.some(selects)) || (maybeAlias && /\b(get|describe|delete|logs|label|wait)\b/.test(text) && text.split(/\s+/).some(selects))) needs.add('kubectl-selectors');
  if (/\bget\b.*--raw/.test(text) || /\b(cs|componentstatus(es)?)\b/.test(text)) needs.add('kubectl-ops');
  // A resource type the sandbox does not know may be a real one it does not serve: its line comes with the tools' list.
  if (needs.has('kubectl') && invocations.some(unknownType)) needs.add('unavailable');
  // Without kubectl or a word that may alias it, a verb's name is an argument of something else (`kubeadm version`).
  if (!needs.has('kubectl') && !maybeAlias) for (const part of Object.values(VERB_PARTS)) needs.delete(part);
  // What reads events: the kubelet's about static pods are written just before (parts/kubectl-events.ts).
  else if (/\b(describe|ev|events?)\b/.test(text)) needs.add('kubectl-events');
  if (text.includes('template')) needs.add('kubectl-gotemplate');
  if (text.includes('yaml') && !readsText) needs.add('kubectl-yaml');
  // A kubectl line with a variable may expand to any verb or -o format: bring all of kubectl.
  // When every kubectl on it starts with a verb written out, the variable can only add arguments:
  // an -o format, -h, or -f (js-yaml), not another verb's part. explain's texts (the largest part)
  // only when no verb is written out, so the variable may be the verb.
  if (/\$[\w{@*#?]/.test(text) && (maybeAlias || [...needs].some((n) => n.startsWith('kubectl')))) {
    const verbFirst = !maybeAlias && invocations.every((args) => isVerb(args[0] ?? ''));
    for (const part of ['kubectl-help', 'kubectl-jsonpath', 'kubectl-gotemplate', 'kubectl-yaml', 'kubectl-selectors'] as const) needs.add(part);
    for (const part of verbFirst ? ['yaml'] as const : ['kubectl-describe', 'kubectl-ops', 'kubectl-verbs'] as const) needs.add(part);
    if (!names.some(isVerb)) needs.add('kubectl-explain');
  }
  if (text.includes('>') || (!readsText && /manifests|kubeconfig|\.kube|\.conf|\.ya?ml/.test(text)) || invocations.some(readsManifests)) needs.add('yaml');
  return needs;
}

/** Whether a word is a kubectl verb the sandbox knows (in its core or in a part). */
const isVerb = (w: string): boolean => CORE_VERBS.has(w) || Object.hasOwn(VERB_PARTS, w);

/** The line with backslash-newlines joined and quotes and backslashes gone: they only group or escape (`k"ubectl"` and `\\kubectl` still run kubectl). */
function unquoted(line: string): string {
  return line.replace(/\\\n/g, ' ').replace(/["'\\]/g, '');
}

/** Stands for a command substitution's output where the scan reads words: it may be any word. */
const SUBSTITUTED = '$()';

/**
 * The line cut where a new command word may stand, as bash reads it: at `;`, `&`, `|`, newlines
 * and parentheses outside quotes, and around each `$(…)`, whose command is a segment of its own
 * and whose output is one word of the command around it. A backslash-newline joins lines; a
 * backtick substitution is not followed (all).
 */
function commandSegments(input: string): string[] | 'all' {
  if (input.includes('`')) return 'all';
  const line = blankHeredocBodies(input);
  const done: string[] = [];
  // One open segment per open `$(`, with its quoting and the plain parentheses opened inside it.
  const open = [{ text: '', parens: 0, quote: '' }];
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    const top = open[open.length - 1];
    if (top.quote === "'") {
      if (c === "'") top.quote = '';
      else top.text += c === '\n' ? ' ' : c;
      continue;
    }
    if (c === '\\') {
      if (line[i + 1] !== '\n') top.text += line[i + 1] ?? '';
      i++;
      continue;
    }
    if (c === '$' && line[i + 1] === '(') {
      open.push({ text: '', parens: 0, quote: '' });
      i++;
      continue;
    }
    if (c === ')' && !top.quote && top.parens === 0 && open.length > 1) {
      done.push(open.pop()!.text);
      open[open.length - 1].text += SUBSTITUTED;
      continue;
    }
    if (c === '"' || (c === "'" && !top.quote)) {
      top.quote = top.quote ? '' : c;
      continue;
    }
    if (top.quote || !/[;&|()\n]/.test(c)) {
      top.text += c === '\n' ? ' ' : c;
      continue;
    }
    if (c === '(') top.parens++;
    if (c === ')' && top.parens > 0) top.parens--;
    done.push(top.text);
    top.text = '';
  }
  // An unclosed quote or substitution: bash would ask for more; cut as if quotes were not there.
  if (open.length > 1 || open[0].quote) return unquoted(line).split(/[;&|()\n]|\$\(/);
  return [...done, ...open.map((o) => o.text)];
}

/**
 * The line with its here-documents' bodies blanked: they are data, and an apostrophe in one must
 * not quote the commands after it (a body line with a `$(…)` runs it, and stays, unquoted). A body
 * whose delimiter never comes stays as it is (bash would wait for it). The word scan still reads
 * the bodies (it works on the whole text).
 */
function blankHeredocBodies(line: string): string {
  const lines = line.split('\n');
  for (let i = 0; i < lines.length; i++) {
    // Bodies of several here-documents on one line follow each other.
    let end = i;
    for (const m of lines[i].matchAll(/(?<!<)<<(?!<)(-?)\s*(['"]?)([A-Za-z_][\w.-]*)\2/g)) {
      const close = lines.findIndex((l, j) => j > end && (m[1] ? l.replace(/^\t+/, '') : l) === m[3]);
      if (close < 0) break;
      end = close;
    }
    // A body line runs nothing unless it holds a `$(…)`; the delimiter line is no command either.
    for (let j = i + 1; j <= end; j++) lines[j] = j < end && lines[j].includes('$(') ? unquoted(lines[j]) : '';
    i = end;
  }
  return lines.join('\n');
}

/** Each command of the text that names kubectl: the words before `kubectl` and those after it. */
function kubectlCalls(text: string): { lead: string[]; args: string[] }[] {
  const out: { lead: string[]; args: string[] }[] = [];
  for (const segment of text.split(/[;&|()\n]+/)) {
    const words = segment.trim().split(/\s+/);
    const at = words.findIndex((w) => w.slice(w.lastIndexOf('/') + 1) === 'kubectl');
    if (at >= 0) out.push({ lead: words.slice(0, at), args: words.slice(at + 1) });
  }
  return out;
}

/**
 * Whether a call runs kubectl with no verb (`kubectl`, `kubectl -n kube-system`) or `kubectl
 * create` alone, which print a help page; kubectl must be the command, not an argument
 * (`apt-mark hold kubelet kubectl`).
 */
function kubectlAlone(calls: { lead: string[]; args: string[] }[]): boolean {
  return calls.some(({ lead, args }) => {
    if (!lead.every((w) => /^(sudo|time|command|exec|\w+=\S*)$/.test(w))) return false;
    const found = findVerb(args);
    if (typeof found === 'string') return false;
    // `kubectl create` with no generator and no -f prints its help too (create.go Run).
    return !found.verb || (found.verb === 'create' && found.rest.every((w) => w[0] === '-' && !/^-(f|k|-filename|-kustomize)/.test(w)));
  });
}

/** kubectl's verbs whose first argument is a TYPE, and the flags before it that take the next word. */
const TYPED = new Set(['get', 'describe', 'delete', 'explain', 'edit', 'patch', 'label', 'annotate', 'scale', 'expose']);
const VALUED = new Set(['-n', '--namespace', '-l', '--selector', '-o', '--output', '-f', '--filename', '-k', '--kustomize', '--context', '--kubeconfig', '--field-selector']);

/** Whether a kubectl command's TYPE argument (`get roles`, `get pod/web,netpol/x`) names no resource the sandbox serves. */
function unknownType(args: string[]): boolean {
  const at = args.findIndex(isVerb);
  if (at < 0 || !TYPED.has(args[at])) return false;
  for (let i = at + 1; i < args.length; i++) {
    if (VALUED.has(args[i])) i++;
    // explain's argument is a field path (`pod.spec`); the others' a TYPE[.GROUP][/NAME] list.
    else if (!args[i].startsWith('-')) return args[i].split(',').some((t) => /^[^/]/.test(t) && !resolveResource(t.split(args[at] === 'explain' ? '.' : '/')[0]));
  }
  return false;
}

/** Whether a kubectl command reads -f (a file, a directory, stdin: js-yaml, whatever it is called); `logs -f` follows. */
function readsManifests(args: string[]): boolean {
  return !args.includes('logs') && args.some((w) => /^(-[a-zA-Z]*f|--filename|-k|--kustomize)(=|$)/.test(w));
}
