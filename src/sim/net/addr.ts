/** IPv4 arithmetic shared by the resolver, the router and the `ip`/`route` commands. */

/** The 32-bit value of a dotted quad, or undefined when it is not one. */
export function ipToInt(ip: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

/** The dotted quad of a 32-bit value. */
export function intToIp(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
}

/** Whether a string is a dotted-quad IPv4 address. */
export function isIPv4(s: string): boolean {
  return ipToInt(s) !== undefined;
}

/** A prefix: network address (masked) and length. */
export interface Cidr {
  addr: number;
  len: number;
}

/** The netmask of a prefix length. */
export function maskOf(len: number): number {
  return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
}

/** Parses `a.b.c.d/len` (or a bare address as /32); undefined when malformed. */
export function parseCidr(s: string): Cidr | undefined {
  const [ip, lenText] = s.split('/');
  const addr = ipToInt(ip);
  if (addr === undefined) return undefined;
  const len = lenText === undefined ? 32 : /^\d{1,2}$/.test(lenText) ? Number(lenText) : NaN;
  if (!(len >= 0 && len <= 32)) return undefined;
  return { addr, len };
}

/** Whether `ip` lies inside `net/len`. */
export function inCidr(ip: string | number, c: Cidr): boolean {
  const n = typeof ip === 'number' ? ip : ipToInt(ip);
  if (n === undefined) return false;
  return ((n & maskOf(c.len)) >>> 0) === ((c.addr & maskOf(c.len)) >>> 0);
}

/** The network address of a prefix (its host bits cleared). */
export function networkOf(c: Cidr): string {
  return intToIp((c.addr & maskOf(c.len)) >>> 0);
}

/** The broadcast address of a prefix. */
export function broadcastOf(c: Cidr): string {
  return intToIp((c.addr | (~maskOf(c.len) >>> 0)) >>> 0);
}

/** `10.244.2.5` → `5.2.244.10.in-addr.arpa` (the PTR owner name). */
export function reverseName(ip: string): string {
  return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
}

/** `5.2.244.10.in-addr.arpa` → `10.244.2.5`, or undefined when not a full IPv4 reverse name. */
export function fromReverseName(name: string): string | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\.in-addr\.arpa\.?$/i.exec(name);
  if (!m) return undefined;
  const ip = `${m[4]}.${m[3]}.${m[2]}.${m[1]}`;
  return isIPv4(ip) ? ip : undefined;
}
