/** `kubectl version` (cluster-info and api-resources are in cluster-info.ts). */
import { toJson } from '../../printers/json.ts';
import { GO_VERSION, KUBERNETES_VERSION, KUSTOMIZE_VERSION, parseVersion } from '../../versions.ts';
import { packagesOf } from '../apt/packages.ts';
import { fail, type Kctx } from './context.ts';
import { connectionRefused } from './errors.ts';
import { bool, str, type FlagSpec } from './flags.ts';
import { yamlFormat } from './formats.ts';

export const VERSION_FLAGS: FlagSpec[] = [
  { name: 'client', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
];

/** A stable 40-hex "commit" derived from the version text (the simulator has no real build). */
function fakeCommit(v: string): string {
  let h = 2166136261;
  let out = '';
  for (let i = 0; out.length < 40; i++) {
    h = Math.imul(h ^ v.charCodeAt(i % v.length) ^ i, 16777619) >>> 0;
    out += (h >>> 4).toString(16).slice(-2);
  }
  return out.slice(0, 40);
}

/** The version.Info the API server (server) or kubectl reports for version `v`. */
export function versionInfo(v: string, server: boolean): Record<string, string> {
  const pv = parseVersion(v) ?? { major: 1, minor: 34, patch: 0 };
  const info: Record<string, string> = { major: String(pv.major), minor: String(pv.minor) };
  if (server) {
    info.emulationMajor = String(pv.major);
    info.emulationMinor = String(pv.minor);
    info.minCompatibilityMajor = String(pv.major);
    info.minCompatibilityMinor = String(pv.minor - 1);
  }
  Object.assign(info, {
    gitVersion: v,
    gitCommit: fakeCommit(v),
    gitTreeState: 'clean',
    buildDate: '2025-11-11T19:05:22Z',
    goVersion: GO_VERSION,
    compiler: 'gc',
    platform: 'linux/amd64',
  });
  return info;
}

/** kubectl's own version: that of the kubectl package on this host, so `apt-get install kubectl=…` moves it. */
function clientVersion(k: Kctx): string {
  const deb = packagesOf(k.ctx.world, k.ctx.host).installed.get('kubectl');
  const m = deb ? /^(\d+\.\d+\.\d+)/.exec(deb) : null;
  return m ? `v${m[1]}` : KUBERNETES_VERSION;
}

/** kubectl version: the client's, and the server's when the API server answers (not a server verb: --client needs none). */
export function version(k: Kctx): void {
  const apiUp = k.cluster.apiAvailable() && k.server === `${k.cluster.apiServerIP}:6443`;
  const client = clientVersion(k);
  const output = str(k.p, 'output');
  if (output && output !== 'yaml' && output !== 'json') return fail(k, `--output must be 'yaml' or 'json'`);
  const clientOnly = bool(k.p, 'client');
  const data: Record<string, unknown> = { clientVersion: versionInfo(client, false), kustomizeVersion: KUSTOMIZE_VERSION };
  const serverUp = !clientOnly && apiUp;
  if (serverUp) data.serverVersion = versionInfo(k.cluster.version, true);
  if (output === 'yaml') k.out += yamlFormat()(data);
  else if (output === 'json') k.out += JSON.stringify(data, null, 2) + '\n';
  else {
    k.out += `Client Version: ${client}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`;
    if (serverUp) k.out += `Server Version: ${k.cluster.version}\n`;
  }
  if (!clientOnly && !apiUp) {
    k.err += connectionRefused(k.server);
    k.code = 1;
    return;
  }
  if (serverUp) {
    const c = parseVersion(client)!;
    const s = parseVersion(k.cluster.version);
    if (s && Math.abs(c.minor - s.minor) > 1)
      k.err += `WARNING: version difference between client (${c.major}.${c.minor}) and server (${s.major}.${s.minor}) exceeds the supported minor version skew of +/-1\n`;
  }
}
