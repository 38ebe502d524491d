/** cobra's "Did you mean this?" for a verb kubectl does not know (command.go SuggestionsFor). */
import { CORE_VERBS, UNSUPPORTED, VERB_PARTS } from './verbs.ts';

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** cobra's SuggestionsFor over kubectl's verbs (those here and those it lacks): distance ≤ 2 or a prefix match, sorted. */
export function suggestVerbs(word: string): string[] {
  const all = new Set([...Object.keys(VERB_PARTS), ...CORE_VERBS, ...UNSUPPORTED, 'help']);
  return [...all].sort().filter((c) => levenshtein(word.toLowerCase(), c) <= 2 || c.startsWith(word.toLowerCase()));
}
