/**
 * The state one kubectl invocation works with: the cluster, the resolved namespace and
 * kubeconfig, output buffers. Verbs receive it after flag parsing.
 */
import { loadManifestYaml } from '../../controllers/manifest-yaml.ts';
import type { Cluster } from '../../cluster.ts';
import type { ApiServer } from '../../api/server.ts';
import type { Store } from '../../api/store.ts';
import { pushChunk, runResult, type CommandContext, type OutputChunk, type RunResult } from '../../types.ts';
import { openPath } from '../../shell/paths.ts';
import type { ParsedArgs } from './flags.ts';

/** One kubectl run. */
export interface Kctx {
  ctx: CommandContext;
  cluster: Cluster;
  store: Store;
  api: ApiServer;
  /** Virtual time now (ms). */
  now: number;
  /** -n, or the kubeconfig context's namespace, or "default". */
  namespace: string;
  /** Whether -n was given. */
  explicitNs: boolean;
  /** host:port of the API server as kubeconfig names it. */
  server: string;
  p: ParsedArgs;
  out: string;
  err: string;
  code: number;
}

/** A new context. */
export function makeKctx(ctx: CommandContext, cluster: Cluster, p: ParsedArgs, kubeNs: string | undefined, server: string): Kctx {
  const ns = p.flags.get('namespace');
  const k = {
    ctx,
    cluster,
    store: cluster.store,
    api: cluster.api,
    now: ctx.world.clock.now(),
    namespace: typeof ns === 'string' && ns ? ns : (kubeNs ?? 'default'),
    explicitNs: typeof ns === 'string' && ns !== '',
    server,
    p,
    out: '',
    err: '',
    code: 0,
  };
  trackOrder(k);
  return k;
}

/** The write order of a context's streams; undefined once a verb rewrote a buffer instead of appending. */
/** Where each stream's text ended after each growth, in write order; undefined once a buffer shrank. */
const ORDER = new WeakMap<Kctx, Mark[] | undefined>();
type Mark = { stream: OutputChunk['stream']; end: number };

/**
 * Turns `out` and `err` into accessors that remember the order of what verbs append (`k.out +=`),
 * so that kubectl's interleaving of stdout and stderr survives (drain's warning before its evictions).
 * Only lengths are recorded while the verb runs: reading the growing text on every append would
 * flatten it each time and make a 3000-object apply quadratic. The pieces are cut from the final
 * text, so the output itself is always exact; verbs only ever append.
 */
function trackOrder(k: Kctx): void {
  ORDER.set(k, []);
  for (const [key, stream] of [['out', 'stdout'], ['err', 'stderr']] as const) {
    let value = k[key];
    Object.defineProperty(k, key, {
      enumerable: true,
      get: () => value,
      set: (next: string) => {
        const marks = ORDER.get(k);
        if (marks && next.length >= value.length) {
          if (next.length > value.length) marks.push({ stream, end: next.length });
        } else ORDER.set(k, undefined);
        value = next;
      },
    });
  }
}

/** Finishes a run. */
export function result(k: Kctx): RunResult {
  const marks = ORDER.get(k);
  let chunks: OutputChunk[] | undefined;
  if (marks) {
    chunks = [];
    const at = { stdout: 0, stderr: 0 };
    for (const { stream, end } of marks) {
      pushChunk(chunks, stream, (stream === 'stdout' ? k.out : k.err).slice(at[stream], end));
      at[stream] = end;
    }
  }
  return runResult(k.out, k.err, k.code, chunks);
}

/** Prints `error: msg` and sets exit code 1. */
export function fail(k: Kctx, msg: string): void {
  k.err += msg.endsWith('\n') ? msg : `error: ${msg}\n`;
  k.code = 1;
}

/** Resolves a path against the command's cwd. */
export function resolvePath(ctx: CommandContext, p: string): string {
  return openPath(ctx.cwd, p);
}

/** What a kubeconfig says: the server and the current context's namespace. */
export interface KubeconfigInfo {
  server?: string;
  namespace?: string;
  error?: string;
}

/**
 * Finds the kubeconfig as kubectl does (--kubeconfig, $KUBECONFIG, ~/.kube/config) and reads
 * the current context's server and namespace.
 */
export function loadKubeconfig(ctx: CommandContext, flag: string | undefined, isControlPlane: boolean): KubeconfigInfo {
  const home = ctx.env.HOME || '/root';
  let text: string | undefined;
  if (flag) {
    const path = resolvePath(ctx, flag);
    text = ctx.host.fs.readFile(path);
    if (text === undefined) return { error: `error: stat ${flag}: no such file or directory\n` };
  } else {
    const candidates = (ctx.env.KUBECONFIG ? ctx.env.KUBECONFIG.split(':') : [`${home}/.kube/config`]).filter(Boolean);
    for (const c of candidates) {
      text = ctx.host.fs.readFile(resolvePath(ctx, c));
      if (text !== undefined) break;
    }
    if (text === undefined) {
      // Without any kubeconfig kubectl falls back to localhost:8080. The control plane of the
      // sandbox is lenient so scenarios that do not write ~/.kube/config still work there.
      if (isControlPlane) return {};
      return { server: 'localhost:8080' };
    }
  }
  try {
    // The subset reader first (kubeadm's kubeconfigs are inside it), js-yaml for the rest: the
    // browser loads js-yaml before any line that could write a file (line-scan.ts).
    const cfg = loadManifestYaml(text) as Record<string, any> | undefined;
    const current = cfg?.['current-context'];
    const context = (cfg?.contexts ?? []).find((c: any) => c?.name === current)?.context;
    const cluster = (cfg?.clusters ?? []).find((c: any) => c?.name === context?.cluster)?.cluster ?? cfg?.clusters?.[0]?.cluster;
    const server = typeof cluster?.server === 'string' ? cluster.server.replace(/^https?:\/\//, '') : undefined;
    return { server, namespace: context?.namespace || undefined };
  } catch {
    return { error: `error: error loading config file "${flag ?? `${home}/.kube/config`}": yaml: line 1: did not find expected key\n` };
  }
}
