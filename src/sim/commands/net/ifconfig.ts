/**
 * net-tools 2.10: `ifconfig [-a] [IFACE]` (lib/interface.c ife_print_long, interfaces sorted by
 * name) and `route -n` (lib/inet_gr.c: "%-15s %-15s %-15s %-5s %-6d %-2d %7d %s").
 */
import { intToIp, maskOf } from '../../net/addr.ts';
import { interfaces, routes, type Iface } from '../../net/interfaces.ts';
import type { CommandFn } from '../../types.ts';

function flagsOf(i: Iface): { n: number; text: string } {
  const up = i.state !== 'DOWN';
  const names: [string, number][] = [];
  if (up) names.push(['UP', 0x1]);
  if (i.kind === 'loopback') names.push(['LOOPBACK', 0x8]);
  else names.push(['BROADCAST', 0x2]);
  if (up) names.push(['RUNNING', 0x40]);
  if (i.kind !== 'loopback') names.push(['MULTICAST', 0x1000]);
  return { n: names.reduce((a, [, b]) => a | b, 0), text: names.map(([n]) => n).join(',') };
}

function human(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v.toFixed(1)} ${units[u]}`;
}

function block(i: Iface): string {
  const f = flagsOf(i);
  let s = `${i.name}: flags=${f.n}<${f.text}>  mtu ${i.mtu}\n`;
  const a = i.addrs[0];
  if (a) {
    const mask = intToIp(maskOf(a.len));
    s += `        inet ${a.ip}  netmask ${mask}${a.brd ? `  broadcast ${a.brd}` : i.kind === 'loopback' ? '' : '  broadcast 0.0.0.0'}\n`;
  }
  if (i.ipv6) {
    const [addr, len] = i.ipv6.split('/');
    s += `        inet6 ${addr}  prefixlen ${len}  scopeid ${i.kind === 'loopback' ? '0x10<host>' : '0x20<link>'}\n`;
  }
  s += i.kind === 'loopback' ? '        loop  txqueuelen 1000  (Local Loopback)\n' : `        ether ${i.mac}  txqueuelen ${i.qlen ?? 0}  (Ethernet)\n`;
  const rx = i.index * 1373 + 211;
  const tx = i.index * 1019 + 97;
  s += `        RX packets ${rx}  bytes ${rx * 412} (${human(rx * 412)})\n        RX errors 0  dropped 0  overruns 0  frame 0\n`;
  s += `        TX packets ${tx}  bytes ${tx * 386} (${human(tx * 386)})\n        TX errors 0  dropped 0 overruns 0  carrier 0  collisions 0\n\n`;
  return s;
}

/** `ifconfig`: UP interfaces, or all with -a, or one by name. */
export const ifconfig: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  const all = args.includes('-a');
  const name = args.find((a) => !a.startsWith('-'));
  const list = interfaces(ctx.world, ctx.host).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  if (name) {
    const i = list.find((x) => x.name === name);
    if (!i) return { stdout: '', stderr: `${name}: error fetching interface information: Device not found\n`, exitCode: 1 };
    if (args.length > 1 && args[1] !== undefined && args[0] === name) return { stdout: '', stderr: 'SIOCSIFADDR: Operation not permitted\n', exitCode: 1 };
    return { stdout: block(i), stderr: '', exitCode: 0 };
  }
  return { stdout: list.filter((i) => all || i.state !== 'DOWN').map(block).join(''), stderr: '', exitCode: 0 };
};

/** `route [-n]`: the kernel IP routing table. */
export const route: CommandFn = (ctx) => {
  const numeric = ctx.argv.slice(1).some((a) => /^-\w*n/.test(a));
  const gwName = (ip: string) => (numeric ? ip : ip === '0.0.0.0' ? '0.0.0.0' : ip);
  let out = 'Kernel IP routing table\nDestination     Gateway         Genmask         Flags Metric Ref    Use Iface\n';
  for (const r of routes(ctx.world, ctx.host)) {
    const [net, lenText] = r.dst === 'default' ? ['0.0.0.0', '0'] : [r.dst.split('/')[0], r.dst.split('/')[1] ?? '32'];
    const len = Number(lenText);
    const dst = numeric ? net : r.dst === 'default' ? 'default' : net;
    const flags = `U${r.via ? 'G' : ''}${len === 32 ? 'H' : ''}`;
    out += `${dst.padEnd(15)} ${(r.via ? gwName(r.via) : numeric ? '0.0.0.0' : '*').padEnd(15)} ${intToIp(maskOf(len)).padEnd(15)} ${flags.padEnd(5)} ${String(r.metric ?? 0).padEnd(6)} ${'0'.padEnd(2)} ${'0'.padStart(7)} ${r.dev}\n`;
  }
  return { stdout: out, stderr: '', exitCode: 0 };
};
