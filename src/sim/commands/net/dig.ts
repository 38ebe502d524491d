/**
 * `dig` (BIND 9.18, bin/dig/dig.c and lib/dns/masterdump.c): header, flags, sections with the
 * master-file column layout (TTL at 24, class at 32, type at 40, data at 48, tab width 8), or
 * `+short`. dig does not apply the search list unless `+search`.
 */
import { isIPv4, reverseName } from '../../net/addr.ts';
import { queryServer, searchCandidates, type DnsReply, type Rr, type RrType } from '../../net/resolver.ts';
import { recordDns } from '../../net/trace.ts';
import type { RunResult } from '../../types.ts';
import { strftime } from '../../strftime.ts';
import type { NetClient } from './client.ts';

const TYPES = new Set(['A', 'AAAA', 'CNAME', 'SRV', 'PTR', 'SOA', 'NS', 'TXT', 'ANY', 'MX']);

/** masterdump.c indent(): tabs up to the column, or one space when already past it. */
function indent(cur: number, to: number): { text: string; col: number } {
  const target = to < cur + 1 ? cur + 1 : to;
  const ntabs = Math.max(0, Math.floor(target / 8) - Math.floor(cur / 8));
  let text = '\t'.repeat(ntabs);
  const from = ntabs > 0 ? Math.floor(target / 8) * 8 : cur;
  text += ' '.repeat(target - from);
  return { text, col: target };
}

function fieldsLine(fields: string[], columns: number[]): string {
  let out = fields[0];
  let col = out.length;
  for (let i = 1; i < fields.length; i++) {
    const ind = indent(col, columns[i - 1]);
    out += ind.text + fields[i];
    col = ind.col + fields[i].length;
  }
  return out;
}

function dataText(r: Rr): string {
  if (r.type === 'CNAME' || r.type === 'PTR' || r.type === 'NS') return `${r.data}.`;
  return r.data;
}

/** One record as dig prints it. */
export function rrLine(r: Rr): string {
  return fieldsLine([`${r.name}.`, String(r.ttl), 'IN', r.type, dataText(r)], [24, 32, 40, 48]);
}

/** Wire bytes of a name, compressed against names already in the message (RFC 1035 4.1.4). */
function nameBytes(name: string, seen: Set<string> | undefined): number {
  const labels = name ? name.split('.') : [];
  let n = 0;
  for (let i = 0; i < labels.length; i++) {
    const suffix = labels.slice(i).join('.');
    if (seen?.has(suffix)) {
      n += 2;
      break;
    }
    n += labels[i].length + 1;
    if (i === labels.length - 1) n += 1;
  }
  if (!labels.length) n = 1;
  if (seen) for (let i = 0; i < labels.length; i++) seen.add(labels.slice(i).join('.'));
  return n;
}

/**
 * The reply's size on the wire, with an OPT record. Owners and the names inside NS, CNAME, PTR
 * and SOA data are compressed; an SRV target is not (RFC 2782, and miekg/dns agrees).
 */
function msgSize(qname: string, r: DnsReply): number {
  const seen = new Set<string>();
  const dn = (x: string) => nameBytes(x.replace(/\.$/, ''), seen);
  let n = 12 + dn(qname) + 4 + 11;
  for (const rr of [...r.answer, ...r.authority, ...r.additional]) {
    const owner = dn(rr.name);
    const rd = rr.type === 'A' ? 4 : rr.type === 'SOA' ? rr.data.split(' ').slice(0, 2).reduce((s, x) => s + dn(x), 20) : rr.type === 'SRV' ? 6 + nameBytes(rr.data.split(' ')[3].replace(/\.$/, ''), undefined) : rr.type === 'TXT' ? rr.data.length - 1 : dn(rr.data);
    n += owner + 10 + rd;
  }
  return n;
}

function when(ms: number): string {
  return strftime(ms, '%a %b %d %H:%M:%S UTC %Y');
}

/** The DiG version banner of the client's image (Ubuntu 24.04's bind9-dnsutils on hosts). */
function version(image: string | undefined): string {
  if (image && /jessie-dnsutils/.test(image)) return '9.9.5-9+deb8u19-Debian';
  if (image && /netshoot/.test(image)) return '9.20.11';
  if (image) return '9.18.39-1~deb12u1-Debian';
  return '9.18.39-0ubuntu0.24.04.2-Ubuntu';
}

/** `dig [@server] [-x ip] [name] [type] [+short] [+search] [+noall] [+answer]`. */
export function digFor(c: NetClient, argv: string[]): RunResult {
  let server = c.conf.nameservers[0];
  let name = '';
  let qtype: string = 'A';
  let short = false;
  let typeSet = false;
  let search = false;
  let all = true;
  let answerOnly = false;
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a.startsWith('@')) server = a.slice(1);
    else if (a === '-x' && args[i + 1]) {
      const ip = args[++i];
      if (!isIPv4(ip)) return { stdout: '', stderr: `Invalid IP address ${ip}\n`, exitCode: 1 };
      name = reverseName(ip);
      qtype = 'PTR';
    } else if (a === '-t' && args[i + 1]) qtype = args[++i].toUpperCase();
    else if (a === '+short') short = true;
    else if (a === '+search') search = true;
    else if (a === '+noall') all = false;
    else if (a === '+answer') answerOnly = true;
    else if (a.startsWith('+')) continue;
    else if (TYPES.has(a.toUpperCase()) && !typeSet) {
      qtype = a.toUpperCase();
      typeSet = true;
    }
    else if (!name) name = a;
  }
  // dig.c parse_args(): with no name at all it asks for the root's NS records, whatever type was given.
  if (!name) qtype = 'NS';
  const shown = name || '.';
  // dig.c printgreeting(): " %s" per argument, so no trailing space when there are none.
  const cmdline = argv.slice(1).map((a) => ` ${a}`).join('');
  const banner = `\n; <<>> DiG ${version(c.image)} <<>>${cmdline}\n;; global options: +cmd\n`;
  const qname = shown === '.' ? '' : shown.replace(/\.$/, '').toLowerCase();
  const cands = search && !shown.endsWith('.') ? searchCandidates(qname, c.conf) : [qname];
  const tried: { name: string; rcode: string }[] = [];
  let reply: DnsReply | undefined;
  let asked = qname;
  for (const cand of cands) {
    const r = queryServer(c.world, c.dns, server, cand, (['A', 'AAAA', 'CNAME', 'SRV', 'PTR', 'SOA', 'NS', 'TXT'].includes(qtype) ? qtype : 'A') as RrType);
    if (r.timeout) {
      tried.push({ name: cand, rcode: 'TIMEOUT' });
      recordDns(c.world, { query: shown, client: c.label, server, tried, answer: [] });
      const err = `;; communications error to ${server}#53: timed out\n`.repeat(3);
      if (short) return { stdout: err, stderr: '', exitCode: 9 };
      return { stdout: `${err}${banner};; no servers could be reached\n`, stderr: '', exitCode: 9 };
    }
    tried.push({ name: cand, rcode: r.reply.rcode });
    reply = r.reply;
    asked = cand;
    if (r.reply.rcode === 'NOERROR' && r.reply.answer.length) break;
  }
  const rep = reply!;
  recordDns(c.world, { query: shown, client: c.label, server, tried, answer: rep.answer.map((a) => a.data), source: rep.source });
  if (short) return { stdout: rep.answer.map((a) => `${dataText(a)}\n`).join(''), stderr: '', exitCode: 0 };
  const section = (title: string, rrs: Rr[]) => (rrs.length ? `;; ${title} SECTION:\n${rrs.map((r) => rrLine(r) + '\n').join('')}\n` : '');
  if (!all) {
    return { stdout: answerOnly ? rep.answer.map((r) => rrLine(r) + '\n').join('') : '', stderr: '', exitCode: 0 };
  }
  const flags = ['qr', ...(rep.aa ? ['aa'] : []), 'rd', ...(rep.ra ? ['ra'] : [])].join(' ');
  const id = (Math.floor(c.now / 1000) * 7919 + asked.length * 31) % 65536;
  let out = banner;
  out += ';; Got answer:\n';
  out += `;; ->>HEADER<<- opcode: QUERY, status: ${rep.rcode}, id: ${id}\n`;
  out += `;; flags: ${flags}; QUERY: 1, ANSWER: ${rep.answer.length}, AUTHORITY: ${rep.authority.length}, ADDITIONAL: ${rep.additional.length + 1}\n`;
  if (!rep.ra) out += ';; WARNING: recursion requested but not available\n';
  out += '\n;; OPT PSEUDOSECTION:\n; EDNS: version: 0, flags:; udp: 1232\n';
  out += `;; QUESTION SECTION:\n${fieldsLine([`;${asked}.`, 'IN', qtype], [32, 40])}\n\n`;
  out += section('ANSWER', rep.answer) + section('AUTHORITY', rep.authority) + section('ADDITIONAL', rep.additional);
  out += `;; Query time: 0 msec\n;; SERVER: ${server}#53(${server}) (UDP)\n;; WHEN: ${when(c.now)}\n;; MSG SIZE  rcvd: ${msgSize(asked, rep)}\n\n`;
  return { stdout: out, stderr: '', exitCode: 0 };
}
