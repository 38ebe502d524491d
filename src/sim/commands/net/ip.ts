/**
 * `ip` (iproute2 6.1, Ubuntu 24.04): link, addr, route show/add/del, link set up/down. Layout
 * from ip/ipaddress.c (print_linkinfo, print_addrinfo) and ip/iproute.c (print_route), trailing
 * spaces included; messages from the kernel's extack ("Error: Nexthop has invalid gateway.")
 * and iproute2 ("Cannot find device", "RTNETLINK answers: File exists").
 */
import { broadcastOf, ipToInt, isIPv4, maskOf, networkOf, parseCidr } from '../../net/addr.ts';
import { connectedDev, hostChanges, interfaces, routes, type Iface, type Route } from '../../net/interfaces.ts';
import type { CommandContext, CommandFn, RunResult } from '../../types.ts';

const ok = (stdout: string): RunResult => ({ stdout, stderr: '', exitCode: 0 });
const err = (stderr: string, exitCode = 2): RunResult => ({ stdout: '', stderr, exitCode });

function linkHead(i: Iface, withMode: boolean): string {
  const name = i.peer ? `${i.name}@${i.peer}` : i.name;
  let s = `${i.index}: ${name}: <${i.flags.join(',')}> mtu ${i.mtu} qdisc ${i.qdisc} `;
  if (i.master) s += `master ${i.master} `;
  s += `state ${i.state} `;
  if (withMode) s += 'mode DEFAULT ';
  s += 'group default ';
  if (i.qlen) s += `qlen ${i.qlen}`;
  s += '\n';
  s += `    link/${i.kind === 'loopback' ? 'loopback' : 'ether'} ${i.mac} brd ${i.kind === 'loopback' ? '00:00:00:00:00:00' : 'ff:ff:ff:ff:ff:ff'}`;
  if (i.netns) s += ` link-netns ${i.netns}`;
  return s + '\n';
}

function addrLines(i: Iface, family: '4' | '6' | 'all'): string {
  let s = '';
  if (family !== '6')
    for (const a of i.addrs) {
      s += `    inet ${a.ip}/${a.len} ${a.brd ? `brd ${a.brd} ` : ''}scope ${a.scope} ${a.scope === 'host' ? '' : ''}${i.name}\n`;
      s += '       valid_lft forever preferred_lft forever\n';
    }
  if (family !== '4' && i.ipv6) {
    s += i.kind === 'loopback' ? `    inet6 ${i.ipv6} scope host noprefixroute \n` : `    inet6 ${i.ipv6} scope link \n`;
    s += '       valid_lft forever preferred_lft forever\n';
  }
  return s;
}

/** A route as `ip route show` lists it: local and broadcast ones carry their type and table. */
interface ShownRoute extends Route {
  type?: 'local' | 'broadcast';
  table?: 'local';
}

/** print_route(): `dev` is left out when the listing is filtered by device, `table` unless a table was asked for. */
function routeLine(r: ShownRoute, opts: { hideDev?: boolean; showTable?: boolean } = {}): string {
  let s = r.type ? `${r.type} ${r.dst} ` : `${r.dst} `;
  if (r.via) s += `via ${r.via} `;
  if (!opts.hideDev) s += `dev ${r.dev} `;
  if (opts.showTable && r.table) s += `table ${r.table} `;
  if (r.proto) s += `proto ${r.proto} `;
  if (r.scope) s += `scope ${r.scope} `;
  if (r.src) s += `src ${r.src} `;
  if (r.metric !== undefined) s += `metric ${r.metric} `;
  if (r.onlink) s += 'onlink ';
  return s + '\n';
}

/**
 * The local table (255) the kernel fills from the addresses: a `local` route per address and
 * its network, a `broadcast` route per broadcast address, in address order as the fib dump gives.
 */
function localTable(ifaces: Iface[]): ShownRoute[] {
  const out: ShownRoute[] = [];
  for (const i of ifaces)
    for (const a of i.addrs) {
      const base = { dev: i.name, proto: 'kernel', src: a.ip, table: 'local' as const };
      if (i.kind === 'loopback') out.push({ ...base, type: 'local', dst: `${networkOf({ addr: ipToInt(a.ip)!, len: a.len })}/${a.len}`, scope: 'host' });
      out.push({ ...base, type: 'local', dst: a.ip, scope: 'host' });
      if (a.brd) out.push({ ...base, type: 'broadcast', dst: a.brd, scope: 'link' });
    }
  const key = (r: ShownRoute) => ipToInt(r.dst.split('/')[0])! * 64 + Number(r.dst.split('/')[1] ?? 32);
  return out.sort((a, b) => key(a) - key(b));
}

const INCOMPLETE = 'Command line is not complete. Try option "help"\n';

/**
 * `ip route show [table ID] [dev NAME] [PREFIX]` (ip/iproute.c iproute_list_flush_or_save): a
 * keyword without its value is an incomplete command line, as NEXT_ARG() reports it.
 */
function routeShow(main: Route[], ifaces: Iface[], words: string[]): RunResult {
  let table: 'main' | 'local' | 'all' | 'empty' = 'main';
  let dev: string | undefined;
  let prefix: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (w === 'table' || w === 'dev' || w === 'oif') {
      const v = words[++i];
      if (v === undefined) return err(INCOMPLETE, 255);
      if (w !== 'table') {
        if (!ifaces.some((f) => f.name === v)) return err(`Cannot find device "${v}"\n`, 1);
        dev = v;
      } else if (v === 'main' || v === '254') table = 'main';
      else if (v === 'local' || v === '255') table = 'local';
      else if (v === 'all' || v === '0') table = 'all';
      else if (v === 'default' || /^\d+$/.test(v)) table = 'empty';
      else return err(`Error: argument "${v}" is wrong: table id value is invalid\n\n`, 255);
    } else {
      const p = normalizeDst(w === 'root' || w === 'match' || w === 'exact' ? (words[++i] ?? '') : w);
      if (!p) return err(`Error: any valid prefix is expected rather than "${w}".\n`, 1);
      prefix = p;
    }
  }
  // A table nothing wrote to does not exist, and the kernel's strict dump says so.
  if (table === 'empty') return err('Error: ipv4: FIB table does not exist.\nDump terminated\n', 2);
  const rows: ShownRoute[] = table === 'main' ? main : table === 'local' ? localTable(ifaces) : [...main, ...localTable(ifaces)];
  const shown = rows.filter((r) => (!dev || r.dev === dev) && (!prefix || r.dst === prefix));
  return ok(shown.map((r) => routeLine(r, { hideDev: !!dev, showTable: table === 'all' })).join(''));
}

/** Expands iproute2's unique-prefix object names (`a` → addr, `r` → route, `l` → link). */
function object(word: string | undefined): string | undefined {
  if (!word) return undefined;
  for (const full of ['address', 'addr', 'link', 'route', 'neighbour', 'netns']) if (full.startsWith(word)) return full === 'address' ? 'addr' : full;
  return word;
}

function normalizeDst(dst: string): string | undefined {
  if (dst === 'default' || dst === '0.0.0.0/0') return 'default';
  const c = parseCidr(dst);
  if (!c) return undefined;
  return `${networkOf(c)}/${c.len}`.replace(/\/32$/, '');
}

/**
 * `ip netns add|delete|list` (iproute2 ip/ipnetns.c): a named namespace is a file under
 * /run/netns (where `/var/run/netns/NAME` also points, /var/run being /run). Entering one
 * (`ip netns exec`) is not simulated.
 */
function netns(ctx: CommandContext, verb: string, rest: string[]): RunResult {
  const fs = ctx.host.fs;
  const dir = '/run/netns';
  if (['list', 'show', 'ls', 'l'].includes(verb)) return ok((fs.list(dir) ?? []).map((n) => n + '\n').join(''));
  const name = rest[0];
  if (verb === 'add' || verb === 'a') {
    if (!name) return err('No netns name specified\n', 1);
    if (!fs.isDir(dir)) fs.mkdir(dir, true);
    if (fs.exists(`${dir}/${name}`)) return err(`Cannot create namespace file "${dir}/${name}": File exists\n`, 1);
    fs.writeFile(`${dir}/${name}`, '');
    if (fs.isDir('/var/run') && !fs.exists('/var/run/netns')) fs.mkdir('/var/run/netns', true);
    if (fs.isDir('/var/run/netns')) fs.writeFile(`/var/run/netns/${name}`, '');
    return ok('');
  }
  if (verb === 'delete' || verb === 'del' || verb === 'd') {
    if (!name) return err('No netns name specified\n', 1);
    if (!fs.exists(`${dir}/${name}`)) return err(`Cannot remove namespace file "${dir}/${name}": No such file or directory\n`, 1);
    fs.remove(`${dir}/${name}`);
    fs.remove(`/var/run/netns/${name}`);
    return ok('');
  }
  return err(`Command "${verb}" is unknown, try "ip netns help".\n`, 1);
}

/** The `ip` command. */
export const ip: CommandFn = (ctx: CommandContext) => {
  const { world, host } = ctx;
  let args = ctx.argv.slice(1);
  let family: '4' | '6' | 'all' = 'all';
  let brief = false;
  while (args[0]?.startsWith('-')) {
    const o = args.shift()!;
    if (o === '-4') family = '4';
    else if (o === '-6') family = '6';
    else if (o === '-br' || o === '-brief') brief = true;
    else if (o === '-c' || o === '-color' || o === '-d' || o === '-s') continue;
    else return err(`Option "${o}" is unknown, try "ip -help".\n`, 255);
  }
  const obj = object(args[0]);
  const verb = args[1] ?? 'show';
  const rest = args.slice(2);
  if (!obj) return err('Usage: ip [ OPTIONS ] OBJECT { COMMAND | help }\n       ip [ -force ] -batch filename\nwhere  OBJECT := { address | addrlabel | fou | help | ila | ioam | l2tp | link |\n                   macsec | maddress | monitor | mptcp | mroute | mrule |\n                   neighbor | neighbour | netconf | netns | nexthop | ntable |\n                   ntbl | route | rule | sr | stats | tap | tcpmetrics |\n                   token | tunnel | tuntap | vrf | xfrm }\n', 255);
  const ifs = interfaces(world, host);
  const findDev = (name: string | undefined) => ifs.find((i) => i.name === name);
  const devArg = (words: string[]) => {
    const k = words.indexOf('dev');
    return k >= 0 ? words[k + 1] : words.find((w) => !['show', 'list', 'lst', 'up'].includes(w));
  };
  if (obj === 'link' || obj === 'addr') {
    if (['show', 'list', 'lst', 'ls', 's', 'sh'].includes(verb) || (obj === 'link' && verb === 'show')) {
      const d = devArg(rest);
      const sel = d ? ifs.filter((i) => i.name === d) : ifs;
      if (d && !sel.length) return err(`Device "${d}" does not exist.\n`, 1);
      if (brief)
        return ok(
          sel
            .map((i) => {
              const name = (i.peer ? `${i.name}@${i.peer}` : i.name).padEnd(16);
              if (obj === 'link') return `${name} ${i.state.padEnd(14)} ${i.mac} <${i.flags.join(',')}> \n`;
              const addrs = [...(family !== '6' ? i.addrs.map((a) => `${a.ip}/${a.len}`) : []), ...(family !== '4' && i.ipv6 ? [i.ipv6] : [])];
              return `${name} ${i.state.padEnd(14)} ${addrs.join(' ')} \n`;
            })
            .join(''),
        );
      return ok(sel.map((i) => linkHead(i, obj === 'link') + (obj === 'addr' ? addrLines(i, family) : '')).join(''));
    }
    if (obj === 'addr' && (verb === 'add' || verb === 'del' || verb === 'delete')) {
      const cidrText = rest[0];
      const dev = devArg(rest.slice(1));
      const c = cidrText ? parseCidr(cidrText) : undefined;
      if (!cidrText || !c) return err(`Error: any valid prefix is expected rather than "${cidrText ?? ''}".\n`, 1);
      if (!dev) return err('Not enough information: "dev" argument is required.\n', 1);
      const iface = findDev(dev);
      if (!iface) return err(`Cannot find device "${dev}"\n`, 1);
      const ipText = cidrText.split('/')[0];
      const ch = hostChanges(host);
      if (verb === 'add') {
        if (iface.addrs.some((a) => a.ip === ipText && a.len === c.len)) return err('Error: ipv4: Address already assigned.\n');
        const brdIdx = rest.indexOf('brd');
        const brd = brdIdx >= 0 ? (rest[brdIdx + 1] === '+' ? broadcastOf(c) : rest[brdIdx + 1]) : undefined;
        ch.addrs.push({ dev, addr: { ip: ipText, len: c.len, brd, scope: 'global' } });
        return ok('');
      }
      const k = ch.addrs.findIndex((a) => a.dev === dev && a.addr.ip === ipText);
      if (k < 0) return err('Error: ipv4: Address not found.\n');
      ch.addrs.splice(k, 1);
      return ok('');
    }
    if (obj === 'link' && verb === 'set') {
      const dev = devArg(rest);
      if (!dev || !findDev(dev)) return err(`Cannot find device "${dev ?? ''}"\n`, 1);
      const ch = hostChanges(host);
      if (rest.includes('down')) ch.down.add(dev);
      if (rest.includes('up')) ch.down.delete(dev);
      return ok('');
    }
    return err(`Command "${verb}" is unknown, try "ip ${obj} help".\n`, 255);
  }
  if (obj === 'netns') return netns(ctx, args[1] ?? 'list', rest);
  if (obj === 'route') {
    const table = routes(world, host);
    if (['show', 'list', 'lst', 'ls', 's', 'sh'].includes(verb)) return routeShow(table, interfaces(world, host), rest);
    if (verb === 'get') {
      const to = rest.find((w) => isIPv4(w));
      if (!to) return err('Error: an inet prefix is expected rather than "' + (rest[0] ?? '') + '".\n', 1);
      const n = ipToInt(to)!;
      const best = table
        .filter((r) => r.dst === 'default' || ((n & maskOf(Number(r.dst.split('/')[1] ?? 32))) >>> 0) === ipToInt(r.dst.split('/')[0]))
        .sort((a, b) => Number(b.dst.split('/')[1] ?? (b.dst === 'default' ? -1 : 32)) - Number(a.dst.split('/')[1] ?? (a.dst === 'default' ? -1 : 32)))[0];
      const src = interfaces(world, host).find((i) => i.name === best.dev)?.addrs[0]?.ip ?? host.ip;
      return ok(`${to} ${best.via ? `via ${best.via} ` : ''}dev ${best.dev} src ${src} uid 0 \n    cache \n`);
    }
    if (verb === 'add' || verb === 'del' || verb === 'delete' || verb === 'replace') {
      const dst = normalizeDst(rest[0] ?? '');
      if (!dst) return err(`Error: any valid prefix is expected rather than "${rest[0] ?? ''}".\n`, 1);
      const ch = hostChanges(host);
      if (verb === 'del' || verb === 'delete') {
        const k = ch.routes.findIndex((r) => r.dst === dst);
        if (k >= 0) ch.routes.splice(k, 1);
        else if (table.some((r) => r.dst === dst)) ch.removedRoutes.push(dst);
        else return err('RTNETLINK answers: No such process\n');
        return ok('');
      }
      const viaIdx = rest.indexOf('via');
      const via = viaIdx >= 0 ? rest[viaIdx + 1] : undefined;
      let dev = rest.includes('dev') ? rest[rest.indexOf('dev') + 1] : undefined;
      if (via !== undefined && !isIPv4(via)) return err(`Error: inet address is expected rather than "${via}".\n`, 1);
      if (dev && !findDev(dev)) return err(`Cannot find device "${dev}"\n`, 1);
      if (via) {
        const reach = connectedDev(world, host, via);
        if (!reach || (dev && reach !== dev)) return err('Error: Nexthop has invalid gateway.\n');
        dev ??= reach;
      }
      if (!dev) return err('Error: Device for nexthop is not up.\n');
      if (verb === 'add' && table.some((r) => r.dst === dst)) return err('RTNETLINK answers: File exists\n');
      const k = ch.routes.findIndex((r) => r.dst === dst);
      if (k >= 0) ch.routes.splice(k, 1);
      ch.removedRoutes = ch.removedRoutes.filter((r) => r !== dst);
      const metricIdx = rest.indexOf('metric');
      ch.routes.push({ dst, via, dev, scope: via ? undefined : 'link', metric: metricIdx >= 0 ? Number(rest[metricIdx + 1]) : undefined });
      return ok('');
    }
    return err(`Command "${verb}" is unknown, try "ip route help".\n`, 255);
  }
  return err(`Object "${args[0]}" is unknown, try "ip help".\n`, 1);
};
