/** Go's time.Duration as kubectl's flags read it (--timeout) and as `%v` prints it. */

const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Go's time.ParseDuration, in ms; undefined when Go would refuse it. */
export function parseDuration(text: string): number | undefined {
  const m = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|ms|s|m|h))+$/.exec(text);
  if (text === '0' || text === '-0' || text === '+0') return 0;
  if (!m) return undefined;
  let ms = 0;
  for (const part of text.slice(m[1].length).matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/g)) ms += Number(part[1]) * UNITS[part[2]];
  return m[1] === '-' ? -ms : ms;
}

/** time.Duration.String() of whole milliseconds: `500ms`, `30s`, `1m30s`, `5m0s`, `1h0m0s`. */
export function durationString(ms: number): string {
  if (ms === 0) return '0s';
  if (Math.abs(ms) < 1000) return `${ms}ms`;
  const sign = ms < 0 ? '-' : '';
  let rest = Math.abs(ms);
  const h = Math.floor(rest / 3_600_000);
  rest -= h * 3_600_000;
  const m = Math.floor(rest / 60_000);
  const s = (rest - m * 60_000) / 1000;
  return sign + (h ? `${h}h${m}m` : m ? `${m}m` : '') + `${s}s`;
}
