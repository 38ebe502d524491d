/**
 * apt-get, apt-cache, apt-mark and apt (apt 2.7, Ubuntu 24.04) for the pkgs.k8s.io packages:
 * `update` fetches the lists of the repository kubernetes.list names, `install pkg=VER` upgrades
 * one host's package (refusing held ones), `madison` lists candidates. Messages follow apt's
 * sources (apt-private/private-install.cc, cmdline/apt-mark.cc) and real Ubuntu 24.04 output.
 */
import type { CommandContext, CommandFn, RunResult } from '../../types.ts';
import { kubeVersion, packagesOf } from './packages.ts';
import { candidates, compareDeb, K8S_PACKAGES, repoExists, repoMinor } from './repository.ts';

const res = (stdout: string, stderr = '', exitCode = 0): RunResult => ({ stdout, stderr, exitCode });
const CDN = (minor: string): string => `https://prod-cdn.packages.k8s.io/repositories/isv:/kubernetes:/core:/stable:/v${minor}/deb`;
const SIZES: Record<string, number> = { kubeadm: 12.2, kubelet: 15.2, kubectl: 11.2, 'cri-tools': 16.1, 'kubernetes-cni': 37.5 };
/** Packages of the base system apt reports as upgradable, to make "N not upgraded" realistic. */
const OTHER_UPGRADABLE = 4;

function reading(): string {
  return 'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n';
}

function update(ctx: CommandContext): RunResult {
  const s = packagesOf(ctx.world, ctx.host);
  const minor = repoMinor(ctx.host);
  let out = 'Hit:1 http://archive.ubuntu.com/ubuntu noble InRelease\nHit:2 http://archive.ubuntu.com/ubuntu noble-updates InRelease\nHit:3 http://archive.ubuntu.com/ubuntu noble-backports InRelease\nHit:4 http://security.ubuntu.com/ubuntu noble-security InRelease\n';
  let err = '';
  if (minor && !repoExists(minor)) {
    out += `Err:5 ${CDN(minor)}  InRelease\n  403  Forbidden [IP: 13.33.33.104 443]\n`;
    out += 'Reading package lists... Done\n';
    err += `E: Failed to fetch ${CDN(minor)}/InRelease  403  Forbidden [IP: 13.33.33.104 443]\nE: The repository 'https://pkgs.k8s.io/core:/stable:/v${minor}/deb  InRelease' is not signed.\nN: Updating from such a repository can't be done securely, and is therefore disabled by default.\nN: See apt-secure(8) manpage for repository creation and user configuration details.\n`;
    s.listMinor = undefined;
    return res(out, err, 100);
  }
  if (minor && minor !== s.listMinor) {
    out += `Get:5 ${CDN(minor)}  InRelease [1,227 B]\nGet:6 ${CDN(minor)}  Packages [${minor === '1.35' ? '4,518' : '19,830'} B]\nFetched ${minor === '1.35' ? '5,745' : '21,057'} B in 1s (5,021 B/s)\n`;
  } else if (minor) out += `Hit:5 ${CDN(minor)}  InRelease\n`;
  s.listMinor = minor;
  out += 'Reading package lists... Done\n';
  return res(out, err);
}

/** Matches apt's `pkg=VERSION` where VERSION may end in a `*` glob. */
function matchVersion(spec: string, v: string): boolean {
  if (!spec.includes('*')) return spec === v;
  const re = new RegExp('^' + spec.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
  return re.test(v);
}

function install(ctx: CommandContext, specs: string[], opts: Set<string>, upgradeAll: boolean): RunResult {
  const s = packagesOf(ctx.world, ctx.host);
  const plan: { pkg: string; from: string; to: string }[] = [];
  let err = '';
  let out = reading();
  const requested = new Set<string>();
  for (const spec of specs) {
    const [pkg, ver] = spec.split('=');
    if (!K8S_PACKAGES.includes(pkg) && !s.installed.has(pkg)) return res(out, `E: Unable to locate package ${pkg}\n`, 100);
    const cands = candidates(ctx.world, ctx.host, pkg);
    const to = ver === undefined ? cands[0] : cands.find((v) => matchVersion(ver, v));
    if (!to) {
      if (ver === undefined) return res(out, `E: Package '${pkg}' has no installation candidate\n`, 100);
      return res(out, `E: Version '${ver}' for '${pkg}' was not found\n`, 100);
    }
    requested.add(pkg);
    const from = s.installed.get(pkg) ?? '';
    if (from === to) out += `${pkg} is already the newest version (${to}).\n`;
    else plan.push({ pkg, from, to });
  }
  if (upgradeAll) {
    for (const [pkg, from] of s.installed) {
      const to = candidates(ctx.world, ctx.host, pkg)[0];
      if (!to || compareDeb(to, from) <= 0 || s.held.has(pkg) || requested.has(pkg)) continue;
      plan.push({ pkg, from, to });
    }
  }
  plan.sort((a, b) => (a.pkg < b.pkg ? -1 : 1));
  const inPlan = new Set(plan.map((p) => p.pkg));
  const kept = [...s.installed].filter(([pkg, from]) => {
    const top = candidates(ctx.world, ctx.host, pkg)[0];
    return top && compareDeb(top, from) > 0 && !inPlan.has(pkg);
  });
  const notUpgraded = kept.length + OTHER_UPGRADABLE;
  if (upgradeAll) out = 'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\nCalculating upgrade... Done\n';
  const heldChanged = plan.filter((p) => s.held.has(p.pkg));
  const downgrades = plan.filter((p) => p.from && compareDeb(p.to, p.from) < 0);
  const upgrades = plan.filter((p) => p.from && compareDeb(p.to, p.from) > 0);
  const fresh = plan.filter((p) => !p.from);
  const list = (ps: { pkg: string }[]): string => `  ${ps.map((p) => p.pkg).join(' ')}\n`;
  if (upgradeAll && kept.length) out += `The following packages have been kept back:\n${list(kept.map(([pkg]) => ({ pkg })))}`;
  if (heldChanged.length) out += `The following held packages will be changed:\n${list(heldChanged)}`;
  if (fresh.length) out += `The following NEW packages will be installed:\n${list(fresh)}`;
  if (upgrades.length) out += `The following packages will be upgraded:\n${list(upgrades)}`;
  if (downgrades.length) out += `The following packages will be DOWNGRADED:\n${list(downgrades)}`;
  out += `${upgrades.length} upgraded, ${fresh.length} newly installed, ${downgrades.length} downgraded, 0 to remove and ${notUpgraded} not upgraded.\n`.replace(', 0 downgraded', '');
  if (!plan.length) return res(out);
  const yes = opts.has('-y') || opts.has('--yes') || opts.has('--assume-yes') || opts.has('-qy');
  if (heldChanged.length && !opts.has('--allow-change-held-packages')) {
    err = yes ? 'E: Held packages were changed and -y was used without --allow-change-held-packages.\n' : '';
    if (!yes) out += 'Do you want to continue? [Y/n] Abort.\n';
    return res(out, err, 100);
  }
  if (downgrades.length && !opts.has('--allow-downgrades')) return res(out, 'E: Packages were downgraded and -y was used without --allow-downgrades.\n', 100);
  if (!yes && !opts.has('--dry-run')) return res(out + 'Do you want to continue? [Y/n] Abort.\n', '', 1);
  const mb = plan.reduce((n, p) => n + (SIZES[p.pkg] ?? 1), 0);
  out += `Need to get ${mb.toFixed(1)} MB of archives.\nAfter this operation, 0 B of additional disk space will be used.\n`;
  plan.forEach((p, i) => (out += `Get:${i + 1} ${CDN(s.listMinor ?? '')}  ${p.pkg} ${p.to} [${(SIZES[p.pkg] ?? 1).toFixed(1)} MB]\n`));
  out += `Fetched ${mb.toFixed(1)} MB in 1s (21.7 MB/s)\n(Reading database ... 140016 files and directories currently installed.)\n`;
  for (const p of plan) {
    out += `Preparing to unpack .../${p.pkg}_${p.to}_amd64.deb ...\n`;
    out += p.from ? `Unpacking ${p.pkg} (${p.to}) over (${p.from}) ...\n` : `Unpacking ${p.pkg} (${p.to}) ...\n`;
  }
  for (const p of plan) {
    out += `Setting up ${p.pkg} (${p.to}) ...\n`;
    s.installed.set(p.pkg, p.to);
    if (p.pkg === 'kubelet') s.unitChanged = true;
  }
  return res(out);
}

function aptGetLike(tool: string): CommandFn {
  return (ctx) => {
    const args = ctx.argv.slice(1);
    const opts = new Set(args.filter((a) => a.startsWith('-')));
    const words = args.filter((a) => !a.startsWith('-'));
    const [verb, ...pkgs] = words;
    if (!verb) return res('', tool === 'apt' ? '' : 'E: Invalid operation \n', tool === 'apt' ? 1 : 100);
    switch (verb) {
      case 'update':
        return update(ctx);
      case 'install':
        if (!pkgs.length) return res(reading() + '0 upgraded, 0 newly installed, 0 to remove and 4 not upgraded.\n');
        return install(ctx, pkgs, opts, false);
      case 'upgrade':
      case 'full-upgrade':
      case 'dist-upgrade':
        return pkgs.length ? install(ctx, pkgs, opts, false) : install(ctx, [], opts, true);
      case 'list':
        if (tool !== 'apt') break;
        return aptList(ctx, opts);
      case 'policy':
      case 'madison':
      case 'show':
        if (tool === 'apt') return aptCache({ ...ctx, argv: ['apt-cache', verb, ...pkgs] });
        break;
    }
    return res('', `E: Invalid operation ${verb}\n`, 100);
  };
}

function aptList(ctx: CommandContext, opts: Set<string>): RunResult {
  const s = packagesOf(ctx.world, ctx.host);
  let out = 'Listing... Done\n';
  for (const [pkg, v] of [...s.installed].sort()) {
    const top = candidates(ctx.world, ctx.host, pkg)[0] ?? v;
    const upgradable = compareDeb(top, v) > 0;
    if (opts.has('--upgradable') && !upgradable) continue;
    out += upgradable ? `${pkg}/unknown ${top} amd64 [upgradable from: ${v}]\n` : `${pkg}/unknown,now ${v} amd64 [installed]\n`;
  }
  return res(out, '\nWARNING: apt does not have a stable CLI interface. Use with caution in scripts.\n\n');
}

/** apt-get. */
export const aptGet = aptGetLike('apt-get');
/** apt (same verbs for what the chapters use, plus `list`). */
export const apt = aptGetLike('apt');

/** apt-cache madison|policy|show PKG. */
export const aptCache: CommandFn = (ctx) => {
  const [verb, ...pkgs] = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const s = packagesOf(ctx.world, ctx.host);
  if (!verb) return res('', 'E: No packages found\n', 100);
  let out = '';
  for (const pkg of pkgs) {
    const cands = candidates(ctx.world, ctx.host, pkg);
    const url = `https://pkgs.k8s.io/core:/stable:/v${s.listMinor}/deb`;
    if (verb === 'madison') {
      for (const v of cands) out += `${pkg.padStart(10)} | ${v} | ${url}  Packages\n`;
    } else if (verb === 'policy') {
      const inst = s.installed.get(pkg);
      out += `${pkg}:\n  Installed: ${inst ?? '(none)'}\n  Candidate: ${cands[0] ?? inst ?? '(none)'}\n`;
      out += `  Version table:\n`;
      const all = [...new Set([...cands, ...(inst ? [inst] : [])])].sort((a, b) => compareDeb(b, a));
      for (const v of all) {
        out += ` ${v === inst ? '***' : '   '} ${v} 500\n`;
        if (cands.includes(v)) out += `        500 ${url}  Packages\n`;
        if (v === inst) out += `        100 /var/lib/dpkg/status\n`;
      }
      if (s.held.has(pkg)) out = out.replace(`${pkg}:\n`, `${pkg}:\n`);
    } else if (verb === 'show') {
      const v = cands[0] ?? s.installed.get(pkg);
      if (!v) return res(out, `E: No packages found\n`, 100);
      out += `Package: ${pkg}\nVersion: ${v}\nPriority: optional\nSection: admin\nMaintainer: Kubernetes Authors <dev@kubernetes.io>\nArchitecture: amd64\nHomepage: https://kubernetes.io\nDescription: ${pkg === 'kubeadm' ? 'Command-line utility for administering a Kubernetes cluster' : pkg === 'kubelet' ? 'Node agent for Kubernetes clusters' : pkg === 'kubectl' ? 'Command-line utility for interacting with a Kubernetes cluster' : pkg}\n\n`;
    } else return res('', `E: Invalid operation ${verb}\n`, 100);
  }
  if (verb === 'madison' && !out && pkgs.length) return res('', `N: Unable to locate package ${pkgs[0]}\n`, 0);
  return res(out);
};

/** apt-mark hold|unhold|showhold PKG… */
export const aptMark: CommandFn = (ctx) => {
  const [verb, ...pkgs] = ctx.argv.slice(1).filter((a) => !a.startsWith('-'));
  const s = packagesOf(ctx.world, ctx.host);
  let out = '';
  switch (verb) {
    case 'hold':
    case 'unhold':
      if (!pkgs.length) return res('', 'E: No packages found\n', 100);
      for (const p of pkgs) {
        if (!s.installed.has(p)) return res(out, `E: Unable to locate package ${p}\n`, 100);
        if (verb === 'hold') out += s.held.has(p) ? `${p} was already set on hold.\n` : `${p} set on hold.\n`;
        else out += s.held.has(p) ? `Canceled hold on ${p}.\n` : `${p} was already not on hold.\n`;
        if (verb === 'hold') s.held.add(p);
        else s.held.delete(p);
      }
      return res(out);
    case 'showhold':
      return res([...s.held].filter((p) => !pkgs.length || pkgs.includes(p)).sort().map((p) => p + '\n').join(''));
    case undefined:
      return res('', 'E: No operation specified\n', 100);
    default:
      return res('', `E: Invalid operation ${verb}\n`, 100);
  }
};

/** `kubelet --version`: the installed binary. */
export const kubeletCmd: CommandFn = (ctx) => {
  const v = kubeVersion(packagesOf(ctx.world, ctx.host).installed.get('kubelet') ?? '');
  if (ctx.argv.includes('--version')) return res(`Kubernetes ${v}\n`);
  return res('', 'kubesim: run the kubelet with systemctl (systemctl start kubelet); only `kubelet --version` is simulated\n', 1);
};
