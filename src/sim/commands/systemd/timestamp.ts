/**
 * systemd's parse_timestamp() as journalctl --since/--until read it: "now", "today",
 * "yesterday", "tomorrow", "YYYY-MM-DD [HH:MM[:SS]]", "HH:MM[:SS]" (today), "@EPOCH", and
 * relative times ("-1h", "+5min", "10 min ago"), all in the node's time zone (UTC).
 */

/** Seconds per unit word, as parse_sec() knows them. */
const UNITS: [RegExp, number][] = [
  [/^(us|usec|µs)$/, 1e-6],
  [/^(ms|msec)$/, 1e-3],
  [/^(s|sec|secs|second|seconds)$/, 1],
  [/^(m|min|mins|minute|minutes)$/, 60],
  [/^(h|hr|hour|hours)$/, 3600],
  [/^(d|day|days)$/, 86_400],
  [/^(w|week|weeks)$/, 604_800],
  [/^(M|month|months)$/, 2_629_800],
  [/^(y|year|years)$/, 31_557_600],
];

/** A span such as "1h 30min" or "90", in milliseconds (a bare number is seconds), or undefined. */
function span(text: string): number | undefined {
  const parts = [...text.trim().matchAll(/\s*(\d+(?:\.\d+)?)\s*([a-zA-Zµ]*)/gy)];
  if (!parts.length || parts.map((p) => p[0]).join('').replace(/\s/g, '') !== text.replace(/\s/g, '')) return undefined;
  let ms = 0;
  for (const [, n, unit] of parts) {
    const factor = unit ? UNITS.find(([re]) => re.test(unit))?.[1] : 1;
    if (factor === undefined) return undefined;
    ms += Number(n) * factor * 1000;
  }
  return ms;
}

/** The time (ms since the epoch) `text` names at `now`, or undefined when systemd would refuse it. */
export function parseTimestamp(text: string, now: number): number | undefined {
  const t = text.trim();
  const midnight = now - (now % 86_400_000);
  const words: Record<string, number> = { now, today: midnight, yesterday: midnight - 86_400_000, tomorrow: midnight + 86_400_000 };
  if (Object.hasOwn(words, t)) return words[t];
  if (/^@\d+$/.test(t)) return Number(t.slice(1)) * 1000;
  if (t.endsWith(' ago')) {
    const s = span(t.slice(0, -4));
    return s === undefined ? undefined : now - s;
  }
  if (/^[+-]/.test(t)) {
    const s = span(t.slice(1));
    return s === undefined ? undefined : t[0] === '+' ? now + s : now - s;
  }
  const m = /^(?:(\d{4})-(\d{2})-(\d{2}))?\s*(?:(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  if (!m || (!m[1] && !m[4])) return undefined;
  const day = m[1] ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : midnight;
  if (Number.isNaN(day) || Number(m[2] ?? 1) > 12 || Number(m[3] ?? 1) > 31) return undefined;
  if (Number(m[4] ?? 0) > 23 || Number(m[5] ?? 0) > 59 || Number(m[6] ?? 0) > 60) return undefined;
  return day + (Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0)) * 1000;
}
