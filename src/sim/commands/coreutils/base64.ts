import type { CommandFn } from '../../types.ts';
import { fail, readInputs, tryHelp } from './common.ts';
import { getopt, last } from '../getopt.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of UTF-8 bytes, without line breaks. */
export function encodeBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

/** Decodes base64 (newlines allowed) to text; undefined on invalid input, as `base64 -d` rejects it. */
export function decodeBase64(data: string): { text: string; valid: boolean } {
  const clean = data.replace(/\n/g, '');
  const bytes: number[] = [];
  let buf = 0;
  let bits = 0;
  let valid = true;
  let k = 0;
  for (; k < clean.length; k++) {
    const c = clean[k];
    if (c === '=') break;
    const v = ALPHABET.indexOf(c);
    if (v < 0) {
      valid = false;
      break;
    }
    buf = (buf << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buf >> bits) & 0xff);
    }
  }
  if (valid && !/^=*$/.test(clean.slice(k))) valid = false;
  if (valid && clean.length % 4 !== 0) valid = false;
  return { text: new TextDecoder().decode(new Uint8Array(bytes)), valid };
}

/** base64 [-d] [-w COLS] [FILE]: GNU coreutils, 76 columns by default. */
export const base64: CommandFn = (ctx) => {
  const o = getopt(ctx.argv, 'base64', 'diw:', { decode: 'd', 'ignore-garbage': 'i', wrap: 'w' });
  if (o.error) return fail(o.error + tryHelp('base64'));
  if (o.args.length > 1) return fail(`base64: extra operand ‘${o.args[1]}’\n` + tryHelp('base64'));
  const { inputs, errors } = readInputs(ctx, o.args, 'base64');
  if (errors) return fail(errors);
  const text = inputs[0].text;
  if (o.flags.has('d')) {
    const r = decodeBase64(o.flags.has('i') ? text.replace(/[^A-Za-z0-9+/=]/g, '') : text);
    return { stdout: r.text, stderr: r.valid ? '' : 'base64: invalid input\n', exitCode: r.valid ? 0 : 1 };
  }
  const wrap = Number(last(o, 'w') ?? 76);
  if (!Number.isInteger(wrap) || wrap < 0) return fail(`base64: invalid wrap size: ‘${last(o, 'w')}’\n`);
  const enc = encodeBase64(text);
  if (enc === '') return { stdout: '', stderr: '', exitCode: 0 };
  const out = wrap === 0 ? enc : enc.match(new RegExp(`.{1,${wrap}}`, 'g'))!.join('\n');
  // With -w 0 GNU base64 ends without a newline.
  return { stdout: wrap === 0 ? out : out + '\n', stderr: '', exitCode: 0 };
};
