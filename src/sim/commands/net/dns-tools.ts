/**
 * The name-resolving tools (nslookup, dig, getent, ping) as sandbox commands on the hosts, and
 * the same tools inside containers (registered with kubectl's in-pod command hook), each only
 * where the image ships it.
 */
import type { CommandFn } from '../../types.ts';
import { inPod, onHost } from './client.ts';
import { digFor } from './dig.ts';
import { getentFor, pingFor } from './lookup.ts';
import { nslookupFor } from './nslookup.ts';

/** `nslookup` on a host (bind9-dnsutils). */
export const nslookup: CommandFn = onHost((c, ctx) => nslookupFor(c, ctx.argv));
/** `dig` on a host. */
export const dig: CommandFn = onHost((c, ctx) => digFor(c, ctx.argv));
/** `getent` on a host. */
export const getent: CommandFn = onHost((c, ctx) => getentFor(c, ctx.argv));
/** `ping` on a host. */
export const ping: CommandFn = onHost((c, ctx) => pingFor(c, ctx.argv));

inPod('nslookup', (c, p) => nslookupFor(c, p.argv));
inPod('dig', (c, p) => digFor(c, p.argv));
inPod('getent', (c, p) => getentFor(c, p.argv));
inPod('ping', (c, p) => pingFor(c, p.argv));
