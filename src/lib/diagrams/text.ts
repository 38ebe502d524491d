/**
 * Text measuring and wrapping without a browser: widths are estimated from character classes,
 * on the safe side, so a label never spills out of the box drawn for it.
 */

/** Font roles of the diagrams and their sizes in px. */
export const FONT = {
  mono: 12.5,
  caption: 12,
  note: 11,
  edge: 11,
  title: 13,
} as const;

export type FontRole = keyof typeof FONT;

/** Height of one text line of a role (px). */
export function lineHeight(role: FontRole): number {
  return Math.round(FONT[role] * 1.35);
}

/** Whether a character is drawn full width (CJK, kana, full-width forms). */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6)
  );
}

/** Estimated width in px of `text` in a font role (monospace 0.6 em; body font up to 0.62 em). */
export function textWidth(text: string, role: FontRole): number {
  const size = FONT[role];
  const bold = role === 'caption' || role === 'title';
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (isWide(code)) em += 1;
    else if (role === 'mono') em += 0.6;
    else if (/[A-Z@%#MW]/.test(ch)) em += bold ? 0.74 : 0.7;
    else if (/[ il.,:;'|!()[\]/]/.test(ch)) em += 0.34;
    else em += bold ? 0.62 : 0.58;
  }
  return Math.ceil(em * size);
}

/** Splits text into pieces after which a line may break: after `/ . - , space`, and around wide characters. */
function pieces(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of text) {
    const wide = isWide(ch.codePointAt(0) ?? 0);
    if (wide && cur) {
      out.push(cur);
      cur = '';
    }
    cur += ch;
    // Japanese may break after any character, but not before closing punctuation.
    if (wide || '/.-, ）'.includes(ch)) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur) out.push(cur);
  // Keep closing brackets and sentence punctuation with the character before them.
  const merged: string[] = [];
  for (const p of out) {
    if (merged.length && /^[、。）」』：]/.test(p)) merged[merged.length - 1] += p;
    else merged.push(p);
  }
  return merged;
}

/** Wraps text into lines no wider than `max` px (a piece wider than `max` is cut by characters). */
export function wrap(text: string, max: number, role: FontRole): string[] {
  if (textWidth(text, role) <= max) return [text];
  const lines: string[] = [];
  let cur = '';
  for (const piece of pieces(text)) {
    if (textWidth(cur + piece, role) <= max) {
      cur += piece;
      continue;
    }
    if (cur) lines.push(cur.trimEnd());
    cur = '';
    for (const ch of piece) {
      if (cur && textWidth(cur + ch, role) > max) {
        lines.push(cur);
        cur = '';
      }
      cur += ch;
    }
  }
  if (cur.trim()) lines.push(cur.trimEnd());
  return lines;
}
