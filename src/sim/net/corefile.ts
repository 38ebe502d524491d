/**
 * Reads CoreDNS's configuration (the `Corefile` key of ConfigMap kube-system/coredns) the way
 * CoreDNS's Caddy-based parser does, far enough to know whether it loads and what the
 * resolver must do: the cluster zone, `pods insecure`, the `hosts` entries and the `forward`
 * targets.
 */

/** The plugins of CoreDNS's default build (plugin.cfg); anything else is an unknown directive. */
const PLUGINS = new Set([
  'acl', 'any', 'auto', 'autopath', 'azure', 'bind', 'bufsize', 'cache', 'cancel', 'chaos', 'clouddns', 'debug',
  'dns64', 'dnssec', 'dnstap', 'erratic', 'errors', 'etcd', 'file', 'forward', 'geoip', 'grpc', 'header', 'health',
  'hosts', 'k8s_external', 'kubernetes', 'loadbalance', 'local', 'log', 'loop', 'metadata', 'minimal', 'multisocket',
  'nsid', 'pprof', 'prometheus', 'quic', 'ready', 'reload', 'rewrite', 'root', 'route53', 'secondary', 'sign',
  'template', 'timeouts', 'tls', 'trace', 'transfer', 'tsig', 'view', 'whoami', 'https', 'grpc_server',
]);

/** What the resolver needs from a loaded Corefile. */
export interface CoreConfig {
  /** The zone the kubernetes plugin serves (cluster.local). */
  clusterDomain: string;
  /** Whether the kubernetes plugin answers pod A records (`pods insecure` or `verified`). */
  podRecords: boolean;
  ttl: number;
  /** Inline `hosts` entries: name → addresses. */
  hosts: Map<string, string[]>;
  /** `forward .` targets as written (`/etc/resolv.conf`, `8.8.8.8`…); empty when there is no forward. */
  forward: string[];
  /** `rewrite name FROM TO` rules. */
  rewrites: { from: string; to: string }[];
}

interface Directive {
  name: string;
  args: string[];
  block: Directive[];
  line: number;
}

function tokenize(text: string): { t: string; line: number }[] {
  const out: { t: string; line: number }[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '');
    for (const m of line.matchAll(/[{}]|[^\s{}]+/g)) out.push({ t: m[0], line: i + 1 });
    out.push({ t: '\n', line: i + 1 });
  });
  return out;
}

/** Parses directives until the closing brace; throws a Caddy-style message on bad syntax. */
function parseBlock(toks: { t: string; line: number }[], pos: { i: number }, nested: boolean): Directive[] {
  const out: Directive[] = [];
  let cur: Directive | undefined;
  while (pos.i < toks.length) {
    const { t, line } = toks[pos.i++];
    if (t === '\n') {
      cur = undefined;
      continue;
    }
    if (t === '}') {
      if (!nested) throw new Error(`/etc/coredns/Corefile:${line} - Error during parsing: Unexpected '}' because no matching opening brace`);
      return out;
    }
    if (t === '{') {
      if (!cur) throw new Error(`/etc/coredns/Corefile:${line} - Error during parsing: Unexpected '{'`);
      cur.block = parseBlock(toks, pos, true);
      cur = undefined;
      continue;
    }
    if (!cur) out.push((cur = { name: t, args: [], block: [], line }));
    else cur.args.push(t);
  }
  if (nested) throw new Error(`/etc/coredns/Corefile:${toks.at(-1)?.line ?? 1} - Error during parsing: Unexpected EOF`);
  return out;
}

const isIP = (s: string) => /^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/.test(s.replace(/^dns:\/\//, ''));

/**
 * Loads a Corefile: the config for the `.:53` server block, or the error CoreDNS prints when
 * it refuses to start (unknown directive, unbalanced braces, a forward target that is neither
 * an address nor a file).
 */
export function loadCorefile(text: string): { config?: CoreConfig; error?: string } {
  let blocks: Directive[];
  try {
    blocks = parseBlock(tokenize(text), { i: 0 }, false);
  } catch (e) {
    return { error: (e as Error).message };
  }
  if (!blocks.length) return { error: 'No Corefile server blocks' };
  const cfg: CoreConfig = { clusterDomain: 'cluster.local', podRecords: false, ttl: 5, hosts: new Map(), forward: [], rewrites: [] };
  let kubernetes = false;
  for (const server of blocks) {
    for (const d of server.block) {
      if (!PLUGINS.has(d.name))
        return { error: `/etc/coredns/Corefile:${d.line} - Error during parsing: Unknown directive '${d.name}'` };
      const where = `/etc/coredns/Corefile:${d.line} - Error during parsing`;
      if (!server.name.startsWith('.') && !server.name.startsWith('dns://.')) continue;
      switch (d.name) {
        case 'kubernetes':
          kubernetes = true;
          cfg.clusterDomain = d.args.find((a) => !a.endsWith('.arpa')) ?? 'cluster.local';
          for (const sub of d.block) {
            if (sub.name === 'pods') cfg.podRecords = sub.args[0] === 'insecure' || sub.args[0] === 'verified';
            if (sub.name === 'ttl') cfg.ttl = Number(sub.args[0]) || 5;
          }
          break;
        case 'forward': {
          if (d.args.length < 2) return { error: `${where}: Wrong argument count or unexpected line ending after '${d.args[0] ?? 'forward'}'` };
          for (const to of d.args.slice(1)) {
            if (!isIP(to) && to !== '/etc/resolv.conf')
              return { error: `plugin/forward: not an IP address or file: "${to}"` };
          }
          cfg.forward = d.args.slice(1);
          break;
        }
        case 'hosts':
          for (const sub of d.block) {
            if (sub.name === 'fallthrough' || sub.name === 'ttl' || sub.name === 'reload' || sub.name === 'no_reverse') continue;
            for (const n of sub.args) cfg.hosts.set(n.replace(/\.$/, '').toLowerCase(), [...(cfg.hosts.get(n) ?? []), sub.name]);
          }
          break;
        case 'rewrite':
          if (d.args[0] === 'name' && d.args.length >= 3) {
            const [from, to] = d.args.slice(-2);
            cfg.rewrites.push({ from: from.replace(/\.$/, '').toLowerCase(), to: to.replace(/\.$/, '').toLowerCase() });
          }
          break;
      }
    }
  }
  if (!kubernetes) cfg.clusterDomain = '';
  return { config: cfg };
}
