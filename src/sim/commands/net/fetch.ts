/**
 * What curl and wget share: parsing a URL, resolving its host like getaddrinfo, sending the
 * request through the simulated network and recording the routing decision.
 */
import { isIPv4 } from '../../net/addr.ts';
import { sendHttp, type HttpOutcome, type HttpRequest } from '../../net/http.ts';
import { resolveHost } from '../../net/resolver.ts';
import { recordDns, recordRoute } from '../../net/trace.ts';
import type { NetClient } from './client.ts';

/** A URL split as curl does (scheme defaults to http). */
export interface Url {
  scheme: 'http' | 'https';
  host: string;
  port: number;
  /** Whether the URL named the port (it then appears in the Host header). */
  explicitPort: boolean;
  path: string;
}

/** Parses `[scheme://]host[:port][/path]`; undefined for a scheme curl does not speak here. */
export function parseUrl(raw: string): Url | { error: string } {
  const m = /^(?:([a-zA-Z][a-zA-Z0-9+.-]*):\/\/)?([^/:?#]*)(?::(\d*))?([/?#].*)?$/.exec(raw.trim());
  if (!m) return { error: 'malformed' };
  const scheme = (m[1] ?? 'http').toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return { error: `Protocol "${scheme}" not supported` };
  if (!m[2]) return { error: 'no host' };
  const port = m[3] ? Number(m[3]) : scheme === 'https' ? 443 : 80;
  if (!(port > 0 && port < 65536)) return { error: 'port' };
  const path = (m[4] ?? '/').replace(/#.*$/, '') || '/';
  return { scheme, host: m[2].toLowerCase(), port, explicitPort: !!m[3], path: path.startsWith('/') ? path : `/${path}` };
}

/** The Host header a client sends for a URL (the port only when not the scheme's default). */
export function hostHeader(u: Url): string {
  const def = u.scheme === 'https' ? 443 : 80;
  return u.port === def ? u.host : `${u.host}:${u.port}`;
}

/** Result of a fetch: the resolved address and what happened. */
export interface Fetched {
  ip?: string;
  /** Name resolution failed (curl exit 6). */
  unresolved?: boolean;
  outcome?: HttpOutcome;
}

/** Resolves and sends one request, recording the DNS walk and the route. */
export function fetchUrl(c: NetClient, tool: string, u: Url, req: HttpRequest): Fetched {
  let ip = u.host;
  if (u.host === 'localhost') ip = '127.0.0.1';
  else if (!isIPv4(u.host)) {
    const r = resolveHost(c.world, c.dns, c.conf, c.hostsFile, u.host);
    recordDns(c.world, { query: u.host, client: c.label, server: r.server, tried: r.tried, answer: r.addrs, source: r.source });
    if (!r.addrs.length) {
      recordRoute(c.world, { tool, url: `${u.scheme}://${hostHeader(u)}${u.path}`, host: req.host, path: req.path, via: 'unresolved' });
      return { unresolved: true };
    }
    ip = r.addrs[0];
  }
  const outcome = sendHttp(c.world, c.node, ip, u.port, { ...req, from: { ip: c.ip, node: c.node } });
  recordRoute(c.world, {
    tool,
    url: `${u.scheme}://${hostHeader(u)}${u.path}`,
    host: req.host,
    path: req.path,
    via: outcome.error ?? outcome.via,
    ingress: outcome.route ? `${outcome.route.ingress.metadata.namespace}/${outcome.route.ingress.metadata.name}` : undefined,
    rule: outcome.route ? (outcome.route.defaultBackend ? 'defaultBackend' : outcome.route.rule) : undefined,
    service: outcome.service,
    pod: outcome.pod,
    status: outcome.response?.status,
  });
  return { ip, outcome };
}
