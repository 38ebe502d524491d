/**
 * The systemd journal of each host, with times: `Service.journal` (the shared contract) keeps the
 * text, this keeps when and by whom each line was logged so `journalctl` can print real prefixes.
 */
import type { Host, Service } from '../../types.ts';

/** One journal record. */
export interface JournalEntry {
  t: number;
  /** syslog identifier and pid as journalctl shows them: `kubelet[1234]`, `systemd[1]`. */
  ident: string;
  msg: string;
}

const entries = new WeakMap<Service, JournalEntry[]>();
const pids = new WeakMap<Service, number>();
const mains = new WeakMap<Host, number>();

/** The records of a unit; lines the contract holds without times are dated by the unit's `since`. */
export function journalOf(svc: Service): JournalEntry[] {
  let list = entries.get(svc);
  if (!list) {
    list = svc.journal.map((msg, i) => ({ t: i === svc.journal.length - 1 ? svc.since : svc.since - 60_000 * (svc.journal.length - i), ident: 'systemd[1]', msg }));
    entries.set(svc, list);
  }
  return list;
}

/** Appends a record (and its text to the contract's `journal`). */
export function logUnit(svc: Service, t: number, ident: string, msg: string): void {
  journalOf(svc).push({ t, ident, msg });
  svc.journal.push(msg);
  if (svc.journal.length > 500) svc.journal.splice(0, svc.journal.length - 500);
  const list = journalOf(svc);
  if (list.length > 500) list.splice(0, list.length - 500);
}

/** The main PID of a running unit: stable per start, derived from the host and unit names. */
export function mainPid(host: Host, svc: Service): number {
  let pid = pids.get(svc);
  if (pid === undefined) {
    let h = 0;
    for (const ch of host.name + svc.name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    pid = 600 + (h % 900);
    pids.set(svc, pid);
  }
  return pid;
}

/** Gives a unit a new main PID (after a start or restart), as the kernel hands out the next one. */
export function newPid(host: Host, svc: Service): number {
  const next = (mains.get(host) ?? 48_000) + 37 + (svc.name.length % 7);
  mains.set(host, next);
  pids.set(svc, next);
  return next;
}


/** klog's header: `E1125 09:00:00.123456    1234 file.go:12] `. */
export function klog(level: 'I' | 'W' | 'E', t: number, pid: number, file: string): string {
  // Spelled out rather than strftime: the controllers log through klog, so this module is in the
  // worker core, which strftime (and its day and month names) stays out of.
  const d = new Date(t);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  const micro = String((t % 1000) * 1000 + 123).padStart(6, '0');
  return `${level}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micro} ${String(pid).padStart(7)} ${file}] `;
}
