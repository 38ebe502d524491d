/**
 * The network tools as sandbox commands on the hosts, and the same tools inside containers
 * (registered with kubectl's in-pod command hook), each only where the image ships it.
 */
import type { CommandContext, CommandFn, RunResult } from '../../types.ts';
import { ociNotFound, registerPodCommand, type PodCommandContext } from '../kubectl/exec.ts';
import { hostClient, imageHasTool, podClient, type NetClient } from './client.ts';
import { curlWith } from './curl.ts';
import { digFor } from './dig.ts';
import { getentFor, pingFor } from './lookup.ts';
import { nslookupFor } from './nslookup.ts';
import { wgetWith } from './wget.ts';

function abs(ctx: CommandContext, p: string): string {
  const joined = p.startsWith('/') ? p : `${ctx.cwd.replace(/\/$/, '')}/${p}`;
  const parts: string[] = [];
  for (const seg of joined.split('/')) {
    if (!seg || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return '/' + parts.join('/');
}

const onHost = (run: (c: NetClient, ctx: CommandContext) => RunResult): CommandFn => (ctx) => run(hostClient(ctx), ctx);

/** `nslookup` on a host (bind9-dnsutils). */
export const nslookup: CommandFn = onHost((c, ctx) => nslookupFor(c, ctx.argv));
/** `dig` on a host. */
export const dig: CommandFn = onHost((c, ctx) => digFor(c, ctx.argv));
/** `getent` on a host. */
export const getent: CommandFn = onHost((c, ctx) => getentFor(c, ctx.argv));
/** `ping` on a host. */
export const ping: CommandFn = onHost((c, ctx) => pingFor(c, ctx.argv));
/** `curl` on a host. */
export const curl: CommandFn = onHost((c, ctx) =>
  curlWith({ client: c, stdoutIsTTY: ctx.stdoutIsTTY ?? true, writeFile: (p, d) => ctx.host.fs.writeFile(abs(ctx, p), d) }, ctx.argv),
);
/** GNU `wget` on a host. */
export const wget: CommandFn = onHost((c, ctx) => wgetWith(c, ctx.argv, false, (p, d) => ctx.host.fs.writeFile(abs(ctx, p), d)));

function inPod(tool: string, run: (c: NetClient, p: PodCommandContext) => RunResult): void {
  registerPodCommand(tool, (p) => (imageHasTool(String(p.container?.image ?? ''), tool) ? run(podClient(p), p) : ociNotFound(p.pod, p.argv[0])));
}

inPod('nslookup', (c, p) => nslookupFor(c, p.argv));
inPod('dig', (c, p) => digFor(c, p.argv));
inPod('getent', (c, p) => getentFor(c, p.argv));
inPod('ping', (c, p) => pingFor(c, p.argv));
inPod('curl', (c, p) => curlWith({ client: c, stdoutIsTTY: p.k.p.flags.get('tty') === true }, p.argv));
inPod('wget', (c, p) => wgetWith(c, p.argv, !/netshoot|ubuntu|debian/.test(c.image ?? '')));
