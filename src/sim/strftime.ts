/**
 * strftime(3) in UTC, the one place that knows day and month names: every tool that prints a
 * date (date, ls -l, ps, journalctl, systemctl, openssl, kubeadm, dig, nginx's log, kubectl
 * describe) writes its layout as a format string here instead of spelling out its own arrays.
 */

const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number, w = 2, c = '0'): string => String(n).padStart(w, c);

/** Formats a UTC instant (ms since the epoch) with C's strftime conversions, in the C locale. */
export function strftime(t: number, fmt: string): string {
  const d = new Date(t);
  const map: Record<string, () => string> = {
    Y: () => String(d.getUTCFullYear()), y: () => pad(d.getUTCFullYear() % 100), m: () => pad(d.getUTCMonth() + 1),
    d: () => pad(d.getUTCDate()), e: () => pad(d.getUTCDate(), 2, ' '), H: () => pad(d.getUTCHours()),
    I: () => pad(((d.getUTCHours() + 11) % 12) + 1), M: () => pad(d.getUTCMinutes()), S: () => pad(d.getUTCSeconds()),
    p: () => (d.getUTCHours() < 12 ? 'AM' : 'PM'), s: () => String(Math.floor(t / 1000)), N: () => pad(d.getUTCMilliseconds() * 1e6, 9),
    a: () => DAYS[d.getUTCDay()].slice(0, 3), A: () => DAYS[d.getUTCDay()], b: () => MONTHS[d.getUTCMonth()].slice(0, 3),
    h: () => MONTHS[d.getUTCMonth()].slice(0, 3), B: () => MONTHS[d.getUTCMonth()], Z: () => 'UTC', z: () => '+0000',
    F: () => strftime(t, '%Y-%m-%d'), T: () => strftime(t, '%H:%M:%S'), D: () => strftime(t, '%m/%d/%y'), R: () => strftime(t, '%H:%M'),
    c: () => strftime(t, '%a %b %e %H:%M:%S %Y'),
    j: () => pad(Math.floor((t - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1, 3), u: () => String(d.getUTCDay() || 7),
    w: () => String(d.getUTCDay()), n: () => '\n', t: () => '\t', '%': () => '%',
  };
  return fmt.replace(/%([A-Za-z%])/g, (m, c: string) => map[c]?.() ?? m);
}
