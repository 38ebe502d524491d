/** kubectl's AGE: k8s.io/apimachinery/pkg/util/duration.HumanDuration. */

/** Formats a duration in ms the way HumanDuration does ("5s", "2m3s", "10m", "3h4m", "2d3h", "5d", "2y10d"). */
export function humanDuration(ms: number): string {
  const seconds = Math.trunc(ms / 1000);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(seconds / 60);
  if (minutes < 10) {
    const s = seconds % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(minutes / 60);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    const y = Math.trunc(hours / 24 / 365);
    return dy === 0 ? `${y}y` : `${y}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** AGE of an RFC 3339 timestamp at `now` (translateTimestampSince: "<unknown>" when unset). */
export function age(timestamp: string | undefined | null, now: number): string {
  if (!timestamp) return '<unknown>';
  return humanDuration(now - Date.parse(timestamp));
}

/**
 * When an event happened, as kubectl's describe and `kubectl events` both write it (getInterval):
 * the first time, or for a repeated event the last time, the count and the first.
 */
export function eventInterval(e: { eventTime?: string; firstTimestamp?: string; lastTimestamp?: string; count?: number; series?: { lastObservedTime?: string; count?: number } }, now: number): string {
  const first = age(e.eventTime || e.firstTimestamp, now);
  if (e.series) return `${age(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  return (e.count ?? 0) > 1 ? `${age(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
}
