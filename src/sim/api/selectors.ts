/**
 * Label selectors: their requirements and how objects match them (`-l`'s parser, with its error
 * messages, is selector-parse.ts: only lines with a selector load it in the browser).
 */

/** One requirement of a selector. */
export interface Requirement {
  key: string;
  op: 'in' | 'notin' | 'exists' | '!' | '=' | '!=' | 'gt' | 'lt';
  values: string[];
}

/** strconv.ParseInt(v, 10, 64) succeeds. */
export function isInt64(v: string): boolean {
  return /^[+-]?\d+$/.test(v) && BigInt(v) >= -(2n ** 63n) && BigInt(v) < 2n ** 63n;
}

/** Whether labels satisfy every requirement. */
export function matches(reqs: Requirement[], labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  return reqs.every((r) => {
    const has = Object.prototype.hasOwnProperty.call(l, r.key);
    switch (r.op) {
      case 'exists':
        return has;
      case '!':
        return !has;
      case '=':
      case 'in':
        return has && r.values.includes(l[r.key]);
      case '!=':
      case 'notin':
        return !has || !r.values.includes(l[r.key]);
      case 'gt':
      case 'lt':
        // A label value that is not an integer matches neither (Requirement.Matches).
        if (!has || !isInt64(l[r.key])) return false;
        return r.op === 'gt' ? BigInt(l[r.key]) > BigInt(r.values[0]) : BigInt(l[r.key]) < BigInt(r.values[0]);
    }
    return false;
  });
}

/** Whether labels match a metav1.LabelSelector (matchLabels and matchExpressions). */
export function matchesLabelSelector(sel: any, labels: Record<string, string> | undefined): boolean {
  if (!sel) return false;
  const reqs: Requirement[] = Object.entries(sel.matchLabels ?? {}).map(([k, v]) => ({ key: k, op: '=', values: [String(v)] }));
  for (const e of sel.matchExpressions ?? []) {
    const op = String(e.operator ?? '').toLowerCase();
    if (op === 'in' || op === 'notin') reqs.push({ key: e.key, op, values: e.values ?? [] });
    else if (op === 'exists') reqs.push({ key: e.key, op: 'exists', values: [] });
    else if (op === 'doesnotexist') reqs.push({ key: e.key, op: '!', values: [] });
  }
  if (reqs.length === 0) return false;
  return matches(reqs, labels);
}

/** Whether labels match a Service's plain map selector. */
export function matchesMap(sel: Record<string, string> | undefined, labels: Record<string, string> | undefined): boolean {
  if (!sel || Object.keys(sel).length === 0) return false;
  return Object.entries(sel).every(([k, v]) => labels?.[k] === v);
}

/** `app=web,tier=db`: how kubectl prints a map selector. */
export function formatSelector(sel: Record<string, string> | undefined): string {
  return Object.entries(sel ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** metav1.FormatLabelSelector: `app=web` or `app in (a,b)` forms. */
export function formatLabelSelector(sel: any): string {
  if (!sel) return '<none>';
  const parts = Object.entries(sel.matchLabels ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${v}`);
  for (const e of sel.matchExpressions ?? []) {
    const op = String(e.operator);
    if (op === 'In') parts.push(`${e.key} in (${(e.values ?? []).join(',')})`);
    else if (op === 'NotIn') parts.push(`${e.key} notin (${(e.values ?? []).join(',')})`);
    else if (op === 'Exists') parts.push(e.key);
    else if (op === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  const s = parts.join(',');
  return s || '<none>';
}
