import { RESOURCES } from '../api/kinds.ts';
import { commandNames } from '../commands/registry.ts';
import type { Store } from '../api/store.ts';
import { BUILTINS } from './builtins.ts';
import type { Shell } from './interpreter.ts';
import { resolvePath } from './paths.ts';

const KUBECTL_VERBS = [
  'annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info',
  'completion', 'config', 'cordon', 'cp', 'create', 'debug', 'delete', 'describe', 'diff', 'drain', 'edit', 'events',
  'exec', 'explain', 'expose', 'get', 'kustomize', 'label', 'logs', 'patch', 'plugin', 'port-forward', 'proxy',
  'replace', 'rollout', 'run', 'scale', 'set', 'taint', 'top', 'uncordon', 'version', 'wait',
];
const TAKES_RESOURCE = new Set(['get', 'describe', 'delete', 'edit', 'explain', 'label', 'annotate', 'patch', 'scale', 'autoscale', 'expose', 'wait']);

/**
 * What could replace the word under the cursor: command names first, kubectl verbs, resource
 * types and object names after `kubectl`, file paths otherwise. Never throws.
 */
export function complete(sh: Shell, line: string, cursor = line.length): string[] {
  try {
    const before = line.slice(0, cursor);
    const segment = before.split(/\|\||&&|[|;]/).pop() ?? '';
    const words = segment.trimStart().split(/\s+/);
    const current = words.pop() ?? '';
    while (words[0] === 'sudo') words.shift();
    const match = (xs: Iterable<string>): string[] => [...new Set(xs)].filter((x) => x.startsWith(current)).sort();
    if (words.length === 0) return match([...commandNames(), ...Object.keys(BUILTINS), ...sh.aliases.keys()]);
    const cmd = sh.aliases.get(words[0])?.split(/\s+/)[0] ?? words[0];
    if (cmd === 'kubectl') {
      const args = words.slice(1).filter((w) => !w.startsWith('-'));
      if (args.length === 0) return match(KUBECTL_VERBS);
      if (args.length === 1 && TAKES_RESOURCE.has(args[0])) return match(RESOURCES.flatMap((r) => [r.plural, r.singular, ...r.shortNames]));
      if (args.length === 2 && TAKES_RESOURCE.has(args[0])) return match(objectNames(sh, args[1], namespaceOf(words)));
    }
    return completePath(sh, current);
  } catch {
    return [];
  }
}

function namespaceOf(words: string[]): string {
  const i = words.findIndex((w) => w === '-n' || w === '--namespace');
  if (i >= 0 && words[i + 1]) return words[i + 1];
  const eq = words.find((w) => w.startsWith('--namespace='));
  return eq ? eq.slice(12) : 'default';
}

function objectNames(sh: Shell, resource: string, ns: string): string[] {
  const r = RESOURCES.find((x) => x.plural === resource || x.singular === resource || x.shortNames.includes(resource));
  const store = (sh.world.cluster as { store?: Store } | undefined)?.store;
  if (!r || !store) return [];
  return store.list(r.kind, r.namespaced ? ns : undefined).map((o) => String(o.metadata?.name ?? ''));
}

function completePath(sh: Shell, current: string): string[] {
  const slash = current.lastIndexOf('/');
  const dirPart = slash >= 0 ? current.slice(0, slash + 1) : '';
  const base = slash >= 0 ? current.slice(slash + 1) : current;
  const fs = sh.frame.host.fs;
  const dir = resolvePath(sh.frame.cwd, dirPart || '.');
  return (fs.list(dir) ?? [])
    .filter((n) => n.startsWith(base) && (base.startsWith('.') || !n.startsWith('.')))
    .map((n) => dirPart + n + (fs.isDir(`${dir}/${n}`) ? '/' : ''));
}
