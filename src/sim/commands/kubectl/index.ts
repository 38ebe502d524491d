/**
 * kubectl: global flags, kubeconfig, the API-server reachability check, then one verb.
 * Verbs live one per file; this module only dispatches.
 */
import type { Cluster } from '../../cluster.ts';
import type { CommandContext, CommandFn, RunResult } from '../../types.ts';
import { loadKubeconfig, makeKctx, result } from './context.ts';
import { connectionRefused, seeHelp } from './errors.ts';
import { findVerb, parseFlags } from './flags.ts';
import { get, GET_FLAGS } from './get.ts';
import { helpTexts, lookupVerb, registerVerbs, UNSUPPORTED, VERB_PARTS } from './verbs.ts';

registerVerbs({
  get: { flags: GET_FLAGS, run: get, server: true },
  top: {
    flags: [{ name: 'all-namespaces', short: 'A', type: 'bool' }, { name: 'containers', type: 'bool' }],
    run: (k) => {
      k.err += 'error: Metrics API not available\n';
      k.code = 1;
    },
    server: true,
  },
});

/** The kubectl command of the sandbox. */
export const kubectl: CommandFn = (ctx: CommandContext): RunResult => {
  const found = findVerb(ctx.argv.slice(1));
  if (typeof found === 'string') return { stdout: '', stderr: `error: ${found}\nSee 'kubectl --help' for usage.\n`, exitCode: 1 };
  const { verb, rest } = found;
  const help = helpTexts();
  // Only reached without the help texts when the browser's line scan missed a help request.
  const helpMissing = { stdout: '', stderr: 'kubesim: kubectl help: not loaded\n', exitCode: 1 };
  // `kubectl` alone prints its help; cobra's help command, `kubectl help drain`, is `kubectl drain --help`.
  if (!verb || verb === 'help') return help.help ? { ...help.help(verb ? rest.filter((a) => a[0] !== '-') : [], ctx), exitCode: 0 } : helpMissing;
  const v = lookupVerb(verb);
  // Only reached when the browser's line scan missed a verb: say so rather than "unknown command".
  if (!v && Object.hasOwn(VERB_PARTS, verb)) return { stdout: '', stderr: `kubesim: kubectl ${verb}: not loaded\n`, exitCode: 1 };
  if (!v && UNSUPPORTED.has(verb))
    return { stdout: '', stderr: `kubesim: kubectl ${verb}: not available in this sandbox\n`, exitCode: 1 };
  if (!v) {
    // The suggestions are the kubectl-help chunk's (the line scan loads it for a verb kubectl does not know).
    if (!help.suggest) return helpMissing;
    const s = help.suggest(verb);
    const hint = s.length ? `\nDid you mean this?\n${s.map((x) => `\t${x}\n`).join('')}` : '';
    return { stdout: '', stderr: `error: unknown command "${verb}" for "kubectl"\n${hint}`, exitCode: 1 };
  }
  const p = parseFlags(rest, v.flags);
  if (typeof p === 'string') {
    // cobra found the subcommand before parsing its flags: the hint names it (`kubectl create deployment`).
    const words = rest.filter((a) => a[0] !== '-');
    const sub = v.subcommands?.get(words.slice(0, 2).join(' ')) ?? v.subcommands?.get(words[0]);
    return { stdout: '', stderr: `error: ${p}\n${seeHelp(sub ? `${verb} ${sub}` : verb)}`, exitCode: 1 };
  }
  if (p.flags.get('help') === true) return help.help ? { ...help.help([verb, ...p.args], ctx), exitCode: 0 } : helpMissing;
  const cluster = ctx.world.cluster as Cluster | undefined;
  if (!cluster || !cluster.store) return { stdout: '', stderr: connectionRefused('localhost:8080'), exitCode: 1 };
  const cp = cluster.nodes.find((n) => n.role === 'control-plane');
  const kubeFlag = p.flags.get('kubeconfig');
  const kc = loadKubeconfig(ctx, typeof kubeFlag === 'string' ? kubeFlag : undefined, ctx.host.name === cp?.name);
  if (kc.error) return { stdout: '', stderr: kc.error, exitCode: 1 };
  const serverFlag = p.flags.get('server');
  const server = typeof serverFlag === 'string' && serverFlag ? serverFlag.replace(/^https?:\/\//, '') : (kc.server ?? `${cluster.apiServerIP}:6443`);
  const k = makeKctx(ctx, cluster, p, kc.namespace, server);
  const reachable = cluster.apiAvailable() && server === `${cluster.apiServerIP}:6443`;
  if (v.server && !reachable) {
    if (verb === 'cluster-info') k.err += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
    k.err += connectionRefused(server);
    k.code = 1;
    return result(k);
  }
  try {
    v.run(k);
  } catch (e) {
    // A bug in the simulator must not crash the terminal; say so the way kubectl would fail.
    k.err += `error: ${(e as Error).message}\n`;
    k.code = 1;
  }
  return result(k);
};
