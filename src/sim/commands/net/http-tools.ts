/**
 * The HTTP clients (curl, wget) as sandbox commands on the hosts, and inside containers
 * (kubectl's in-pod command hook) where the image ships them.
 */
import { openPath } from '../../shell/paths.ts';
import type { CommandFn } from '../../types.ts';
import { inPod, onHost } from './client.ts';
import { curlWith } from './curl.ts';
import { wgetWith } from './wget.ts';

/** `curl` on a host. */
export const curl: CommandFn = onHost((c, ctx) =>
  curlWith({ client: c, stdoutIsTTY: ctx.stdoutIsTTY ?? true, writeFile: (p, d) => ctx.host.fs.writeFile(openPath(ctx.cwd, p), d) }, ctx.argv),
);
/** GNU `wget` on a host. */
export const wget: CommandFn = onHost((c, ctx) => wgetWith(c, ctx.argv, false, (p, d) => ctx.host.fs.writeFile(openPath(ctx.cwd, p), d)));

inPod('curl', (c, p) => curlWith({ client: c, stdoutIsTTY: p.k.p.flags.get('tty') === true }, p.argv));
// busybox's wget, unless the image ships GNU's.
inPod('wget', (c, p) => wgetWith(c, p.argv, !/netshoot|ubuntu|debian/.test(c.image ?? '')));
