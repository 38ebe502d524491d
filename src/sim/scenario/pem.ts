/**
 * Stand-in PEM blocks (certificates and keys) generated at start-up from a seed, so that a
 * scenario carries a short descriptor (`{ pem: CERTIFICATE }`) instead of kilobytes of random
 * base64 that gzip cannot shrink. The bytes are not real keys: they start with the DER headers
 * real ones have (so the base64 begins `MII…`, `MHcCAQEEI…`) and are filled from a seeded PRNG,
 * so the same scenario always shows the same files.
 */

/** A PEM block type a scenario may ask for. */
export type PemType = 'CERTIFICATE' | 'RSA PRIVATE KEY' | 'EC PRIVATE KEY' | 'PUBLIC KEY';

/** What a block type looks like: its default line count (undefined: fixed size) and its DER bytes. */
interface PemShape {
  /** Base64 lines when the scenario does not say; undefined for the fixed-size types. */
  lines?: number;
  /** Inclusive range a scenario's `lines` may take. */
  range?: [number, number];
  der: (rng: () => number, lines: number | undefined) => Uint8Array;
}

const SHA256_RSA = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b, 0x05, 0x00];
const RSA_ENCRYPTION = [0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00];
const PRIME256V1 = [0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07];
const EXPONENT_65537 = [0x02, 0x03, 0x01, 0x00, 0x01];

/** `n` random bytes; a modulus or a signature has its top bit set, as a 2048-bit one does. */
function random(rng: () => number, n: number, topBit = false): number[] {
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = (rng() * 256) | 0;
  if (topBit && n > 0) out[0] |= 0x80;
  return out;
}

const len2 = (n: number): number[] => [0x82, n >> 8, n & 0xff];

/** A DER length that gives `lines` base64 lines of 64 characters (48 bytes each), the last one partial. */
const bytesFor = (rng: () => number, lines: number): number => (lines - 1) * 48 + 1 + Math.floor(rng() * 47);

/** A whole DER structure of `total` bytes: SEQUENCE header, `head`, random filler, `tail`. */
function sequence(total: number, head: number[], fill: () => number[], tail: number[]): Uint8Array {
  const body = [...head, ...fill(), ...tail];
  return Uint8Array.from([0x30, ...len2(total - 4), ...body]);
}

const SHAPES: Record<PemType, PemShape> = {
  // x509 v3, 8-byte serial (as kubeadm writes), sha256WithRSAEncryption, 2048-bit signature.
  CERTIFICATE: {
    lines: 18,
    range: [8, 40],
    der: (rng, lines) => {
      const total = bytesFor(rng, lines ?? 18);
      const sig = [...SHA256_RSA, 0x03, ...len2(257), 0x00, ...random(rng, 256, true)];
      const tbsHead = [0xa0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x08, ...random(rng, 8), ...SHA256_RSA];
      const tbsLen = total - 4 - sig.length - 4;
      return sequence(total, [0x30, ...len2(tbsLen), ...tbsHead], () => random(rng, tbsLen - tbsHead.length), sig);
    },
  },
  // PKCS#1 RSAPrivateKey, 2048 bits: version 0, modulus, e = 65537, then the private parts.
  'RSA PRIVATE KEY': {
    lines: 25,
    range: [12, 60],
    der: (rng, lines) => {
      const total = lines === undefined ? 1189 + Math.floor(rng() * 5) : bytesFor(rng, lines);
      const head = [0x02, 0x01, 0x00, 0x02, ...len2(257), 0x00, ...random(rng, 256, true), ...EXPONENT_65537];
      return sequence(total, head, () => random(rng, total - 4 - head.length), []);
    },
  },
  // SEC 1 ECPrivateKey on P-256, as the kubelet's client certificate key: always 121 bytes.
  'EC PRIVATE KEY': {
    der: (rng) =>
      Uint8Array.from([0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20, ...random(rng, 32), 0xa0, 0x0a, ...PRIME256V1, 0xa1, 0x44, 0x03, 0x42, 0x00, 0x04, ...random(rng, 64)]),
  },
  // SubjectPublicKeyInfo of a 2048-bit RSA key (sa.pub): always 294 bytes.
  'PUBLIC KEY': {
    der: (rng) =>
      Uint8Array.from([0x30, ...len2(290), ...RSA_ENCRYPTION, 0x03, ...len2(271), 0x00, 0x30, ...len2(266), 0x02, ...len2(257), 0x00, ...random(rng, 256, true), ...EXPONENT_65537]),
  },
};

/** The block types a scenario may name, in the order the README lists them. */
export const PEM_TYPES = Object.keys(SHAPES) as PemType[];

/** Whether `t` names a block type this module generates. */
export const isPemType = (t: unknown): t is PemType => typeof t === 'string' && Object.hasOwn(SHAPES, t);

/** The `lines` a block type accepts, or undefined when its size is fixed. */
export const pemLineRange = (t: PemType): [number, number] | undefined => SHAPES[t].range;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (with padding, no line breaks) of bytes. */
export function base64(bytes: ArrayLike<number>): string {
  const out: string[] = [];
  const whole = bytes.length - (bytes.length % 3);
  // Full triples first: reading past the end of a typed array is slow in V8.
  for (let i = 0; i < whole; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out.push(B64[n >> 18], B64[(n >> 12) & 63], B64[(n >> 6) & 63], B64[n & 63]);
  }
  if (whole < bytes.length) {
    const two = whole + 1 < bytes.length;
    const n = (bytes[whole] << 16) | (two ? bytes[whole + 1] << 8 : 0);
    out.push(B64[n >> 18], B64[(n >> 12) & 63], two ? B64[(n >> 6) & 63] : '=', '=');
  }
  return out.join('');
}

/** Base64 of ASCII text (PEM files are ASCII), as `base64 -w0` prints it. */
export function base64Text(text: string): string {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return base64(bytes);
}

/** FNV-1a of the key, mixed with the seed: the start state of the key's PRNG. */
function hashKey(seed: number, key: string): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** mulberry32, as the world's name generator: small, seeded, good enough for filler bytes. */
function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Blocks already made: every simulator of a scenario (the tests start hundreds) and every host
 * of a cluster-wide file ask for the same ones. Emptied when full, so many seeds cannot grow it.
 */
const made = new Map<string, string>();
const MADE_MAX = 512;

/**
 * One PEM block (header, 64-character base64 lines, footer, trailing newline). The same
 * (seed, key, type, lines) always gives the same block; `key` is the file path, or the path
 * and host for per-host files, or the id of a block embedded in a kubeconfig.
 */
export function pemBlock(seed: number, key: string, type: PemType, lines?: number): string {
  const id = `${seed}\0${key}\0${type}\0${lines}`;
  const known = made.get(id);
  if (known !== undefined) return known;
  if (made.size >= MADE_MAX) made.clear();
  const shape = SHAPES[type];
  const rng = mulberry32(hashKey(seed, `${key}\0${type}`));
  const b64 = base64(shape.der(rng, shape.range ? lines : undefined));
  const wrapped: string[] = [];
  for (let i = 0; i < b64.length; i += 64) wrapped.push(b64.slice(i, i + 64));
  const pem = `-----BEGIN ${type}-----\n${wrapped.join('\n')}\n-----END ${type}-----\n`;
  made.set(id, pem);
  return pem;
}

/** The blocks of one PEM file in order (a cert and its key may share a file, as kubelet-client-current.pem). */
export function pemFile(seed: number, key: string, types: readonly PemType[], lines?: number): string {
  return types.map((t, i) => pemBlock(seed, i === 0 ? key : `${key}#${i}`, t, lines)).join('');
}
