/**
 * mitchellh/go-wordwrap v1.0.1's WrapString, which kubectl's help printer, its responsive writer
 * and explain's `wrap` template function use: breaks only at white space (never inside a word), counts runes, keeps a
 * non-breaking space inside its word, and drops the spaces where it breaks.
 */

const NBSP = '\u00a0';
// Go's unicode.IsSpace.
const isSpace = (c: string) => /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/.test(c);

/** WrapString(s, lim): `lim` of 0 or less wraps nothing (kubectl passes 0 when stdout is no terminal). */
export function wrapString(s: string, lim: number): string {
  if (lim <= 0) return s;
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  // Lengths in runes, as the Go code counts them (word.length counts UTF-16 units).
  let wordLen = 0;
  let spaceLen = 0;
  for (const ch of s) {
    if (ch === '\n') {
      if (!word) {
        if (current + spaceLen <= lim) out += space;
      } else out += space + word;
      space = '';
      spaceLen = 0;
      word = '';
      wordLen = 0;
      out += ch;
      current = 0;
    } else if (isSpace(ch) && ch !== NBSP) {
      if (!space || word) {
        current += spaceLen + wordLen;
        out += space + word;
        space = '';
        spaceLen = 0;
        word = '';
        wordLen = 0;
      }
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + spaceLen + wordLen > lim && wordLen < lim) {
        out += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (!word) {
    if (current + spaceLen <= lim) out += space;
  } else out += space + word;
  return out;
}
