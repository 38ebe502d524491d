/** systemd's parse_timestamp() as journalctl --since/--until read it (systemd 255, UTC). */
import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../../../src/sim/commands/systemd/timestamp.ts';

const now = Date.UTC(2026, 10, 25, 9, 30, 15);
const at = (s: string) => {
  const t = parseTimestamp(s, now);
  return t === undefined ? undefined : new Date(t).toISOString();
};

describe('parseTimestamp', () => {
  it('reads the words, dates, times of today and epochs', () => {
    expect(at('now')).toBe('2026-11-25T09:30:15.000Z');
    expect(at('today')).toBe('2026-11-25T00:00:00.000Z');
    expect(at('yesterday')).toBe('2026-11-24T00:00:00.000Z');
    expect(at('tomorrow')).toBe('2026-11-26T00:00:00.000Z');
    expect(at('2026-11-22')).toBe('2026-11-22T00:00:00.000Z');
    expect(at('2026-11-22 09:00')).toBe('2026-11-22T09:00:00.000Z');
    expect(at('2026-11-22 09:00:30')).toBe('2026-11-22T09:00:30.000Z');
    expect(at('08:15')).toBe('2026-11-25T08:15:00.000Z');
    expect(at('@0')).toBe('1970-01-01T00:00:00.000Z');
  });

  it('reads relative times: -SPAN, +SPAN and "SPAN ago", with units combined', () => {
    expect(at('-1h')).toBe('2026-11-25T08:30:15.000Z');
    expect(at('+5min')).toBe('2026-11-25T09:35:15.000Z');
    expect(at('10 min ago')).toBe('2026-11-25T09:20:15.000Z');
    expect(at('1h 30min ago')).toBe('2026-11-25T08:00:15.000Z');
    expect(at('2 days ago')).toBe('2026-11-23T09:30:15.000Z');
    expect(at('90 ago')).toBe('2026-11-25T09:28:45.000Z');
  });

  it('refuses what systemd refuses', () => {
    for (const bad of ['', 'soon', '10 parsecs ago', '2026-13-01', '25:00', 'today 9am', '-', '1h ago ago']) expect(at(bad), bad).toBeUndefined();
  });
});
