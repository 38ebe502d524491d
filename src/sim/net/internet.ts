/**
 * The small fake internet behind the sandbox's resolvers: a few well-known names with fixed
 * addresses (so outputs are stable), and the public resolvers a Corefile may forward to.
 */

/** name → IPv4 addresses (CNAME chains are flattened to the canonical name's addresses). */
const A: Record<string, string[]> = {
  'google.com': ['142.250.196.110'],
  'www.google.com': ['142.250.196.132'],
  'example.com': ['23.192.228.80'],
  'www.example.com': ['23.192.228.84'],
  'kubernetes.io': ['15.197.167.90'],
  'registry.k8s.io': ['34.96.108.209'],
  'github.com': ['20.27.177.113'],
  'www.github.com': ['20.27.177.113'],
  'deb.debian.org': ['151.101.2.132'],
  'pkgs.k8s.io': ['15.197.167.90'],
  'archive.ubuntu.com': ['185.125.190.83'],
  'security.ubuntu.com': ['185.125.190.82'],
};

/** Names that are aliases upstream: name → canonical name. */
const CNAME: Record<string, string> = {
  'www.github.com': 'github.com',
};

/** Resolvers that answer from the internet when a node or a Corefile forwards to them. */
export const PUBLIC_RESOLVERS = new Set(['8.8.8.8', '8.8.4.4', '1.1.1.1', '1.0.0.1', '9.9.9.9', '149.112.112.112']);

/** The TTL public answers carry. */
export const INTERNET_TTL = 300;

/** The upstream answer for a name: its addresses and canonical name, or undefined (NXDOMAIN). */
export function internetLookup(name: string): { addrs: string[]; cname?: string } | undefined {
  const n = name.replace(/\.$/, '').toLowerCase();
  const addrs = A[n];
  if (!addrs) return undefined;
  return { addrs, cname: CNAME[n] };
}

/** The owner of a public address, for PTR answers (only the few names above). */
export function internetReverse(ip: string): string | undefined {
  for (const [n, addrs] of Object.entries(A)) if (addrs.includes(ip) && !CNAME[n]) return n;
  return undefined;
}

/** Whether an address is routable on the fake internet (not private, loopback or link-local). */
export function isPublicIP(ip: string): boolean {
  const [a, b] = ip.split('.').map(Number);
  if (a === 10 || a === 127 || a === 0 || a >= 224) return false;
  if (a === 172 && b >= 16 && b <= 31) return false;
  if (a === 192 && b === 168) return false;
  if (a === 169 && b === 254) return false;
  return true;
}
