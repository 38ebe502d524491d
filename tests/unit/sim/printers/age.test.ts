import { describe, expect, it } from 'vitest';
import { humanDuration, eventInterval } from '../../../../src/sim/printers/age.ts';

// Expected values follow k8s.io/apimachinery/pkg/util/duration/duration.go (HumanDuration)
// and its duration_test.go table.
describe('humanDuration', () => {
  const s = 1000;
  const m = 60 * s;
  const h = 60 * m;
  const d = 24 * h;
  it.each([
    [-2 * s, '<invalid>'],
    [-1 * s, '0s'],
    [0, '0s'],
    [5 * s, '5s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [2 * m + 3 * s, '2m3s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [3 * h + 4 * m, '3h4m'],
    [8 * h, '8h'],
    [47 * h + 59 * m, '47h'],
    [2 * d, '2d'],
    [2 * d + 3 * h, '2d3h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [729 * d, '729d'],
    [730 * d, '2y'],
    [731 * d, '2y1d'],
    [8 * 365 * d, '8y'],
  ])('%d ms → %s', (ms, want) => {
    expect(humanDuration(ms)).toBe(want);
  });
});

describe('eventInterval (getInterval of describe and kubectl events)', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  const at = (secondsAgo: number) => new Date(now - secondsAgo * 1000).toISOString();
  it('a single event: the time since it first happened', () => {
    expect(eventInterval({ firstTimestamp: at(90), lastTimestamp: at(90), count: 1 }, now)).toBe('90s');
  });
  it('a repeated event: the last time, the count and the first', () => {
    expect(eventInterval({ firstTimestamp: at(270), lastTimestamp: at(120), count: 5 }, now)).toBe('2m (x5 over 4m30s)');
  });
  it('the first time is the eventTime when the event has one (events.k8s.io), else firstTimestamp', () => {
    expect(eventInterval({ eventTime: at(30), firstTimestamp: at(600), count: 1 }, now)).toBe('30s');
    expect(eventInterval({ eventTime: at(300), series: { lastObservedTime: at(10), count: 3 } }, now)).toBe('10s (x3 over 5m)');
  });
  it('an event without times says <unknown>', () => {
    expect(eventInterval({}, now)).toBe('<unknown>');
  });
});
