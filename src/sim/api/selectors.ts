/** Label selectors: kubectl's `-l` syntax and metav1.LabelSelector, as labels.Parse reads them. */

/** One requirement of a selector. */
export interface Requirement {
  key: string;
  op: 'in' | 'notin' | 'exists' | '!' | '=' | '!=';
  values: string[];
}

/** Parses `app=web,tier!=db,env in (a,b),!legacy`; returns an error message on bad syntax. */
export function parseSelector(text: string): Requirement[] | string {
  const reqs: Requirement[] = [];
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim() || parts.length) parts.push(cur);
  for (const raw of parts) {
    const p = raw.trim();
    if (!p) return `found '', expected: identifier`;
    let m = /^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(p);
    if (m) {
      reqs.push({ key: m[1], op: m[2] as 'in' | 'notin', values: m[3].split(',').map((s) => s.trim()).filter(Boolean) });
      continue;
    }
    m = /^!\s*([\w./-]+)$/.exec(p);
    if (m) {
      reqs.push({ key: m[1], op: '!', values: [] });
      continue;
    }
    m = /^([\w./-]+)\s*(!=|==|=)\s*([\w.-]*)$/.exec(p);
    if (m) {
      reqs.push({ key: m[1], op: m[2] === '!=' ? '!=' : '=', values: [m[3]] });
      continue;
    }
    m = /^([\w./-]+)$/.exec(p);
    if (m) {
      reqs.push({ key: m[1], op: 'exists', values: [] });
      continue;
    }
    return `unable to parse requirement: found '${p}', expected: in, notin, =, ==, !=, gt, lt`;
  }
  return reqs;
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
        return has && l[r.key] === r.values[0];
      case '!=':
        return !has || l[r.key] !== r.values[0];
      case 'in':
        return has && r.values.includes(l[r.key]);
      case 'notin':
        return !has || !r.values.includes(l[r.key]);
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
