/** `getent hosts|ahosts NAME` and `ping`: the libc (nsswitch "files dns") view of names and reachability. */
import type { Obj } from '../../api/store.ts';
import { isIPv4 } from '../../net/addr.ts';
import { isPublicIP } from '../../net/internet.ts';
import { resolveHost } from '../../net/resolver.ts';
import { recordDns } from '../../net/trace.ts';
import type { RunResult } from '../../types.ts';
import { clusterOf, type NetClient } from './client.ts';

/** getent(1): `hosts` prints `%-15s %s` per address (glibc nss/getent.c print_hosts). */
export function getentFor(c: NetClient, argv: string[]): RunResult {
  const [db, ...keys] = argv.slice(1);
  if (!db) return { stdout: '', stderr: 'Usage: getent [OPTION...] database [key ...]\nTry `getent --help\' or `getent --usage\' for more information.\n', exitCode: 1 };
  if (db !== 'hosts' && db !== 'ahosts' && db !== 'ahostsv4') return { stdout: '', stderr: `Unknown database: ${db}\nTry \`getent --help' or \`getent --usage' for more information.\n`, exitCode: 1 };
  if (!keys.length) return { stdout: c.hostsFile ?? '', stderr: '', exitCode: 0 };
  let out = '';
  let code = 0;
  for (const k of keys) {
    const r = resolveHost(c.world, c.dns, c.conf, c.hostsFile, k);
    recordDns(c.world, { query: k, client: c.label, server: r.server, tried: r.tried, answer: r.addrs, source: r.source });
    if (!r.addrs.length) {
      code = 2;
      continue;
    }
    const name = r.fqdn ?? k;
    if (db === 'hosts') out += `${r.addrs[0].padEnd(15)} ${name}\n`;
    else r.addrs.forEach((ip, i) => (out += `${ip.padEnd(15)} STREAM ${i === 0 ? name : ''}\n${ip.padEnd(15)} DGRAM  \n${ip.padEnd(15)} RAW    \n`));
  }
  return { stdout: out, stderr: '', exitCode: code };
}

/** Whether an address answers ICMP echo: nodes, running Pods, addresses on the fake internet. */
function answersPing(c: NetClient, ip: string): boolean {
  if (ip.startsWith('127.')) return true;
  const cl = clusterOf(c.world);
  const store = cl?.store;
  if (store?.list('Node').some((n) => (n.status?.addresses ?? []).some((a: Obj) => a.address === ip))) return true;
  if (store?.list('Pod').some((p) => p.status?.podIP === ip && p.status?.phase === 'Running')) return true;
  return isPublicIP(ip);
}

/** iputils ping (Ubuntu 24.04): `-c COUNT`; without -c it stops after 4 here (the sandbox cannot be interrupted). */
export function pingFor(c: NetClient, argv: string[]): RunResult {
  let count = 4;
  let target = '';
  for (let i = 1; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-c') count = Math.max(1, Math.min(20, Number(argv[++i]) || 1));
    else if (/^-c\d+$/.test(a)) count = Math.max(1, Math.min(20, Number(a.slice(2))));
    else if (a === '-W' || a === '-i' || a === '-w' || a === '-s') i++;
    else if (!a.startsWith('-')) target = a;
  }
  if (!target) return { stdout: '', stderr: 'ping: usage error: Destination address required\n', exitCode: 1 };
  let ip = target;
  if (!isIPv4(target)) {
    const r = resolveHost(c.world, c.dns, c.conf, c.hostsFile, target);
    recordDns(c.world, { query: target, client: c.label, server: r.server, tried: r.tried, answer: r.addrs, source: r.source });
    if (!r.addrs.length) return { stdout: '', stderr: `ping: ${target}: ${r.error === 'NXDOMAIN' ? 'Name or service not known' : 'Temporary failure in name resolution'}\n`, exitCode: 2 };
    ip = r.addrs[0];
  }
  const label = isIPv4(target) ? ip : `${target} (${ip})`;
  let out = `PING ${target} (${ip}) 56(84) bytes of data.\n`;
  const up = answersPing(c, ip);
  const times: number[] = [];
  for (let i = 1; i <= count; i++) {
    if (!up) continue;
    const t = 0.03 + ((i * 37) % 50) / 1000;
    times.push(t);
    out += `64 bytes from ${label}: icmp_seq=${i} ttl=${ip.startsWith('10.244.') ? 63 : 64} time=${t.toFixed(3)} ms\n`;
  }
  const elapsed = (count - 1) * 1000 + (up ? 3 : 55);
  out += `\n--- ${target} ping statistics ---\n${count} packets transmitted, ${times.length} received, ${up ? 0 : 100}% packet loss, time ${elapsed}ms\n`;
  if (times.length) {
    const min = Math.min(...times);
    const max = Math.max(...times);
    const avg = times.reduce((a, b) => a + b, 0) / times.length;
    const mdev = Math.sqrt(times.reduce((a, b) => a + (b - avg) ** 2, 0) / times.length);
    out += `rtt min/avg/max/mdev = ${min.toFixed(3)}/${avg.toFixed(3)}/${max.toFixed(3)}/${mdev.toFixed(3)} ms\n`;
  }
  return { stdout: out, stderr: '', exitCode: up ? 0 : 1 };
}
