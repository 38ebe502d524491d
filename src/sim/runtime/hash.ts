/**
 * The node tools' stable pseudo-random numbers: FNV-1a finished with murmur3's mixer, so that
 * crictl's container IDs, the shims' `-id` in ps and openssl's serials come out the same every
 * session and agree with each other.
 */
import { fnv32a } from '../controllers/context.ts';

/** murmur3's 32-bit finalizer: spreads FNV's weak low bits. */
export function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A well-mixed 32-bit hash of a string. */
export const hash = (s: string): number => mix(fnv32a(s));

/** `n` hex digits derived from `seed` (64: a containerd ID). */
export function hex(seed: string, n = 64): string {
  let out = '';
  for (let i = 0; out.length < n; i++) out += hash(`${i}:${seed}`).toString(16).padStart(8, '0');
  return out.slice(0, n);
}

/** The 64-hex digest of an image reference: the same image has the same ID on every node and in every pod. */
export const imageDigest = (ref: string): string => hex(`image:${ref}`);
