/**
 * nslookup in its three flavours: bind9's (Ubuntu's dnsutils, dnsutils images), busybox 1.28's
 * (getaddrinfo-based, the one the Kubernetes DNS docs show) and later busybox's.
 *
 * bind9's nslookup asks the nameserver of /etc/resolv.conf directly and never reads
 * /etc/hosts. On Ubuntu that nameserver is systemd-resolved's stub (127.0.0.53), which itself
 * answers names from /etc/hosts (ReadEtcHosts=yes), so a name added there does resolve; with
 * another nameserver in resolv.conf it does not, while getent/ping/curl (nsswitch "files
 * dns") always see it.
 */
import { isIPv4, reverseName } from '../../net/addr.ts';
import { queryServer, resolveHost, reverseLookup, searchCandidates, type DnsReply } from '../../net/resolver.ts';
import { recordDns } from '../../net/trace.ts';
import type { RunResult } from '../../types.ts';
import { isOldBusybox, type NetClient } from './client.ts';

const ok = (stdout: string, stderr = '', exitCode = 0): RunResult => ({ stdout, stderr, exitCode });

/** busybox 1.28 (networking/nslookup.c, print_host/server_print): `%-10s %s` then `Address N: ip name`. */
function busyboxOld(c: NetClient, name: string, server?: string): RunResult {
  const conf = server ? { ...c.conf, nameservers: [server] } : c.conf;
  const srv = conf.nameservers[0];
  const srvName = reverseLookup(c.world, c.dns, conf, srv);
  let out = `${'Server:'.padEnd(10)} ${srv}\nAddress 1: ${srv}${srvName ? ` ${srvName}` : ''}\n\n`;
  const r = resolveHost(c.world, c.dns, conf, c.hostsFile, name);
  recordDns(c.world, { query: name, client: c.label, server: r.server, tried: r.tried, answer: r.addrs, source: r.source });
  if (!r.addrs.length) return ok(out, `nslookup: can't resolve '${name}'\n`, 1);
  out += `${'Name:'.padEnd(10)} ${name}\n`;
  r.addrs.forEach((ip, i) => {
    const rev = reverseLookup(c.world, c.dns, conf, ip);
    out += `Address ${i + 1}: ${ip}${rev ? ` ${rev}` : ''}\n`;
  });
  return ok(out);
}

interface Lookup {
  fqdn: string;
  reply?: DnsReply;
  timeout?: boolean;
  tried: { name: string; rcode: string }[];
}

/** The search-list walk of bind9's nslookup (it applies search domains like the libc resolver). */
function walk(c: NetClient, server: string, name: string, qtype: 'A' | 'PTR' | 'SRV' | 'CNAME'): Lookup {
  const tried: { name: string; rcode: string }[] = [];
  let last: Lookup | undefined;
  const cands = qtype === 'PTR' ? [name] : searchCandidates(name, c.conf);
  for (const cand of cands) {
    const r = queryServer(c.world, c.dns, server, cand, qtype);
    if (r.timeout) {
      tried.push({ name: cand, rcode: 'TIMEOUT' });
      return { fqdn: cand, timeout: true, tried };
    }
    tried.push({ name: cand, rcode: r.reply.rcode });
    last = { fqdn: cand, reply: r.reply, tried };
    if (r.reply.rcode === 'NOERROR' && r.reply.answer.length) return last;
  }
  return last ?? { fqdn: name, tried };
}

/** bind9's nslookup (bin/dig/nslookup.c): `Server:\t\t`, `Address:\tIP#53`, `Name:\t`, `Address: `. */
function bind(c: NetClient, name: string, server?: string, qtype: 'A' | 'SRV' | 'PTR' | 'CNAME' = 'A'): RunResult {
  const srv = server ?? c.conf.nameservers[0];
  const ptr = isIPv4(name);
  const q = ptr ? reverseName(name) : name;
  const l = walk(c, srv, q, ptr ? 'PTR' : qtype);
  recordDns(c.world, { query: name, client: c.label, server: srv, tried: l.tried, answer: (l.reply?.answer ?? []).map((a) => a.data), source: l.reply?.source });
  if (l.timeout) return ok(';; connection timed out; no servers could be reached\n\n', '', 1);
  let out = `Server:\t\t${srv}\nAddress:\t${srv}#53\n\n`;
  const reply = l.reply;
  if (!reply || reply.rcode !== 'NOERROR') return ok(out + `** server can't find ${ptr ? q : name}: ${reply?.rcode ?? 'NXDOMAIN'}\n\n`, '', 1);
  if (!reply.aa) out += 'Non-authoritative answer:\n';
  if (!reply.answer.length) return ok(out + `*** Can't find ${name}: No answer\n\n`, '', 1);
  for (const a of reply.answer) {
    if (a.type === 'A') out += `Name:\t${a.name}\nAddress: ${a.data}\n`;
    else if (a.type === 'CNAME') out += `${a.name}\tcanonical name = ${a.data}.\n`;
    else if (a.type === 'PTR') out += `${a.name}\tname = ${a.data}.\n`;
    else if (a.type === 'SRV') out += `${a.name}\tservice = ${a.data}\n`;
  }
  return ok(out + '\n');
}

/** busybox ≥ 1.29 (the rewritten nslookup): tab-separated, `Address:\tIP:53`, FQDN in `Name:`. */
function busyboxNew(c: NetClient, name: string, server?: string): RunResult {
  const srv = server ?? c.conf.nameservers[0];
  const l = walk(c, srv, isIPv4(name) ? reverseName(name) : name, isIPv4(name) ? 'PTR' : 'A');
  recordDns(c.world, { query: name, client: c.label, server: srv, tried: l.tried, answer: (l.reply?.answer ?? []).map((a) => a.data), source: l.reply?.source });
  if (l.timeout) return ok(';; connection timed out; no servers could be reached\n\n', '', 1);
  let out = `Server:\t\t${srv}\nAddress:\t${srv}:53\n\n`;
  const reply = l.reply;
  if (!reply || reply.rcode !== 'NOERROR' || !reply.answer.length) return ok(out + `** server can't find ${name}: ${reply?.rcode === 'NOERROR' ? 'NXDOMAIN' : (reply?.rcode ?? 'NXDOMAIN')}\n\n`, '', 1);
  if (!reply.aa) out += 'Non-authoritative answer:\n';
  for (const a of reply.answer) {
    if (a.type === 'A') out += `Name:\t${a.name}\nAddress: ${a.data}\n`;
    else if (a.type === 'CNAME') out += `${a.name}\tcanonical name = ${a.data}\n`;
    else if (a.type === 'PTR') out += `${a.name}\tname = ${a.data}\n`;
  }
  return ok(out + '\n');
}

/** `nslookup [-type=T] NAME [SERVER]` in the flavour the client's image (or Ubuntu) ships. */
export function nslookupFor(c: NetClient, argv: string[]): RunResult {
  let qtype: 'A' | 'SRV' | 'PTR' | 'CNAME' = 'A';
  const pos: string[] = [];
  for (const a of argv.slice(1)) {
    const m = /^-(?:type|query|q|t)=(\w+)$/i.exec(a);
    if (m) {
      const t = m[1].toUpperCase();
      if (t === 'SRV' || t === 'PTR' || t === 'CNAME' || t === 'A') qtype = t;
    } else if (!a.startsWith('-')) pos.push(a);
  }
  const [name, server] = pos;
  const img = c.image ?? '';
  const flavour = img && /(^|\/)busybox(:|@|$)/.test(img) ? (isOldBusybox(img) ? 'old' : 'new') : img && /(^|\/)alpine|curlimages/.test(img) ? 'new' : 'bind';
  if (!name) {
    // bind9's nslookup with no name starts its interactive mode, which waits for typed questions.
    if (flavour === 'bind') return ok('', 'kubesim: nslookup: interactive mode is not simulated in this sandbox; give the name on the command line: nslookup NAME [SERVER]\n', 1);
    return { stdout: '', stderr: 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n\nQuery DNS about HOST\n\nQUERY_TYPE: soa,ns,a,aaaa,cname,mx,txt,ptr,srv,any\n', exitCode: 1 };
  }
  if (flavour === 'old') return busyboxOld(c, name, server);
  if (flavour === 'new') return busyboxNew(c, name, server);
  return bind(c, name, server, qtype);
}
