/**
 * kubeadm (v1.34/v1.35) for the upgrade chapter: `version`, `upgrade plan`, `upgrade apply`,
 * `upgrade node`, `token create --print-join-command`. The upgrade rewrites the static pod
 * manifests (the kubelet then restarts the components) and the CoreDNS and kube-proxy add-ons.
 * Layouts: cmd/kubeadm/app/cmd/upgrade/plan.go and plan_test.go; apply messages as kubeadm v1.32+
 * prints them (phases), policy errors from app/phases/upgrade/policy.go.
 */
import type { Obj } from '../../api/store.ts';
import type { Cluster } from '../../cluster.ts';
import { runningKubelet } from '../../controllers/nodeagent.ts';
import { resolvePath } from '../../shell/paths.ts';
import type { CommandContext, CommandFn, RunResult } from '../../types.ts';
import { strftime } from '../../strftime.ts';
import { COREDNS_VERSION, ETCD_VERSION, GO_VERSION, KUBERNETES_NEWEST, parseVersion } from '../../versions.ts';
import { kubeVersion, packagesOf } from '../apt/packages.ts';
import { certificateDates, renewCertificates } from '../node/openssl.ts';
import { klog } from '../systemd/journal.ts';

/** Add-on and etcd versions kubeadm deploys per minor (constants.go); 1.35's as kubeadm v1.35.0 ships them. */
const ADDONS: Record<number, { coredns: string; etcd: string }> = {
  34: { coredns: COREDNS_VERSION, etcd: ETCD_VERSION },
  35: { coredns: 'v1.13.1', etcd: '3.6.6-0' },
};

const res = (stdout: string, stderr = '', exitCode = 0): RunResult => ({ stdout, stderr, exitCode });
const MANIFESTS = '/etc/kubernetes/manifests';
const TRACE = 'To see the stack trace of this error execute with --v=5 or higher\n';

function fakeCommit(v: string): string {
  let h = 2166136261;
  let out = '';
  for (let i = 0; out.length < 40; i++) {
    h = Math.imul(h ^ v.charCodeAt(i % v.length) ^ i, 16777619) >>> 0;
    out += (h >>> 4).toString(16).slice(-2);
  }
  return out.slice(0, 40);
}

function tabwrite(rows: string[][], minwidth = 10, padding = 3): string {
  const widths: number[] = [];
  for (const r of rows) r.slice(0, -1).forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.length + padding, minwidth)));
  return rows.map((r) => r.map((c, i) => (i < r.length - 1 ? c.padEnd(widths[i]) : c)).join('') + '\n').join('');
}

function kubeadmVersion(ctx: CommandContext): string {
  return kubeVersion(packagesOf(ctx.world, ctx.host).installed.get('kubeadm') ?? '');
}

function cluster(ctx: CommandContext): Cluster {
  return ctx.world.cluster as Cluster;
}

function unreachable(ctx: CommandContext): RunResult | undefined {
  const c = cluster(ctx);
  if (c.apiAvailable()) return undefined;
  return res(
    '[upgrade] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...\n',
    `error execution phase preflight: unable to fetch the kubeadm-config ConfigMap: failed to get config map: Get "https://${c.apiServerIP}:6443/api/v1/namespaces/kube-system/configmaps/kubeadm-config?timeout=10s": dial tcp ${c.apiServerIP}:6443: connect: connection refused\n${TRACE}`,
    1,
  );
}

function controlPlaneImages(ctx: CommandContext): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of ctx.host.fs.list(MANIFESTS) ?? []) {
    const m = /image: (\S+)/.exec(ctx.host.fs.readFile(`${MANIFESTS}/${name}`) ?? '');
    if (m) out[name.replace(/\.yaml$/, '')] = m[1].replace(/^.*:/, '');
  }
  return out;
}

function version(ctx: CommandContext, output: string | undefined): RunResult {
  const v = kubeadmVersion(ctx);
  const pv = parseVersion(v) ?? { major: 1, minor: 34, patch: 0 };
  if (output === 'short') return res(`${v}\n`);
  const info = { major: String(pv.major), minor: String(pv.minor), emulationMajor: '', emulationMinor: '', minCompatibilityMajor: '', minCompatibilityMinor: '', gitVersion: v, gitCommit: fakeCommit(v), gitTreeState: 'clean', buildDate: '2025-11-11T19:05:22Z', goVersion: GO_VERSION, compiler: 'gc', platform: 'linux/amd64' };
  if (output === 'json') return res(JSON.stringify({ clientVersion: info }, null, 2) + '\n');
  if (output === 'yaml') return res('clientVersion:\n' + Object.entries(info).map(([k, x]) => `  ${k}: ${/^\d+$|^$/.test(x) ? `"${x}"` : x}\n`).join(''));
  if (output) return res('', `error: invalid output format: ${output}\n`, 1);
  const fields = [['Major', info.major], ['Minor', info.minor], ['EmulationMajor', ''], ['EmulationMinor', ''], ['MinCompatibilityMajor', ''], ['MinCompatibilityMinor', ''], ['GitVersion', v], ['GitCommit', info.gitCommit], ['GitTreeState', 'clean'], ['BuildDate', info.buildDate], ['GoVersion', GO_VERSION], ['Compiler', 'gc'], ['Platform', 'linux/amd64']];
  return res(`kubeadm version: &version.Info{${fields.map(([k, x]) => `${k}:"${x}"`).join(', ')}}\n`);
}

/** The newest release kubeadm can upgrade to: the newest in its own minor (dl.k8s.io stable-1.x). */
function target(kubeadm: string): string {
  const k = parseVersion(kubeadm);
  const newest = parseVersion(KUBERNETES_NEWEST);
  if (k && newest && k.minor >= newest.minor) return KUBERNETES_NEWEST;
  return k ? `v${k.major}.${k.minor}.${k.minor === 34 ? 2 : 0}` : kubeadm;
}

function plan(ctx: CommandContext): RunResult {
  const down = unreachable(ctx);
  if (down) return down;
  const c = cluster(ctx);
  const kv = kubeadmVersion(ctx);
  const cur = c.version;
  const t = target(kv);
  const pc = parseVersion(cur)!;
  const pt = parseVersion(t)!;
  let out = '[preflight] Running pre-flight checks.\n[upgrade/config] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...\n[upgrade/config] Use \'kubeadm init phase upload-config --config your-config-file\' to re-upload it.\n[upgrade] Running cluster health checks\n[upgrade] Fetching available versions to upgrade to\n';
  out += `[upgrade/versions] Cluster version: ${cur.replace(/^v/, '')}\n[upgrade/versions] kubeadm version: ${kv}\n`;
  let err = '';
  if (parseVersion(KUBERNETES_NEWEST)!.minor > parseVersion(kv)!.minor)
    err += `${klog('I', ctx.world.clock.now(), 40213, 'version.go:261')}remote version is much newer: ${KUBERNETES_NEWEST}; falling back to: stable-${pc.major}.${parseVersion(kv)!.minor}\n`;
  out += `[upgrade/versions] Target version: ${t}\n[upgrade/versions] Latest version in the v${pc.major}.${pc.minor} series: v${pc.major}.${pc.minor}.${pc.minor === 34 ? 2 : 0}\n\n`;
  if (pt.minor < pc.minor || (pt.minor === pc.minor && pt.patch <= pc.patch)) return res(out + "Awesome, you're up-to-date! Enjoy!\n", err);
  const cp = c.nodes.find((n) => n.role === 'control-plane')?.name ?? 'controlplane';
  const kubelets = c.nodes.map((n) => ['kubelet', n.name, c.store.get('Node', undefined, n.name)?.status?.nodeInfo?.kubeletVersion ?? '', t]);
  out += "Components that must be upgraded manually after you have upgraded the control plane with 'kubeadm upgrade apply':\n";
  out += tabwrite([['COMPONENT', 'NODE', 'CURRENT', 'TARGET'], ...kubelets]);
  out += `\nUpgrade to the latest ${pt.minor > pc.minor ? 'stable version' : `version in the v${pc.major}.${pc.minor} series`}:\n\n`;
  const imgs = controlPlaneImages(ctx);
  const proxy = c.store.get('DaemonSet', 'kube-system', 'kube-proxy')?.spec.template.spec.containers[0].image.replace(/^.*:v?/, '') ?? cur.replace(/^v/, '');
  const dns = c.store.get('Deployment', 'kube-system', 'coredns')?.spec.template.spec.containers[0].image.replace(/^.*:/, '') ?? COREDNS_VERSION;
  const add = ADDONS[pt.minor] ?? ADDONS[34];
  out += tabwrite([
    ['COMPONENT', 'NODE', 'CURRENT', 'TARGET'],
    ['kube-apiserver', cp, imgs['kube-apiserver'] ?? cur, t],
    ['kube-controller-manager', cp, imgs['kube-controller-manager'] ?? cur, t],
    ['kube-scheduler', cp, imgs['kube-scheduler'] ?? cur, t],
    ['kube-proxy', '', proxy, t],
    ['CoreDNS', '', dns, add.coredns],
    ['etcd', cp, imgs.etcd ?? ETCD_VERSION, add.etcd],
  ]);
  out += `\nYou can now apply the upgrade by executing the following command:\n\n\tkubeadm upgrade apply ${t}\n\n`;
  if (kv !== t) out += `Note: Before you can perform this upgrade, you have to update kubeadm to ${t}.\n\n`;
  out += '_____________________________________________________________________\n\n\n';
  out += 'The table below shows the current state of component configs as understood by this version of kubeadm.\nConfigs that have a "yes" mark in the "MANUAL UPGRADE REQUIRED" column require manual config upgrade or\nresetting to kubeadm defaults before a successful upgrade can be performed. The version to manually\nupgrade to is denoted in the "PREFERRED VERSION" column.\n\n';
  out += tabwrite([
    ['API GROUP', 'CURRENT VERSION', 'PREFERRED VERSION', 'MANUAL UPGRADE REQUIRED'],
    ['kubeproxy.config.k8s.io', 'v1alpha1', 'v1alpha1', 'no'],
    ['kubelet.config.k8s.io', 'v1beta1', 'v1beta1', 'no'],
  ]);
  out += '_____________________________________________________________________\n\n';
  return res(out, err);
}

const stamp = (t: number): string => new Date(t).toISOString().slice(0, 19).replace('T', '-').replaceAll(':', '-');

function setImage(text: string, tag: string): string {
  return text.replace(/(image: \S+:)\S+/, `$1${tag}`);
}

function apply(ctx: CommandContext, args: string[], flags: Set<string>): RunResult {
  const down = unreachable(ctx);
  if (down) return down;
  const c = cluster(ctx);
  const kv = kubeadmVersion(ctx);
  const cur = c.version;
  const want = args[0];
  if (!want) return res('', `error execution phase preflight: [upgrade/version] FATAL: missing one or more required arguments. Required arguments: [version]\n${TRACE}`, 1);
  const t = want.startsWith('v') ? want : `v${want}`;
  const pt = parseVersion(t);
  const pk = parseVersion(kv)!;
  const pc = parseVersion(cur)!;
  let out = '[upgrade] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...\n[upgrade] Use \'kubeadm init phase upload-config --config your-config-file\' to re-upload it.\n[upgrade/preflight] Running preflight checks\n[upgrade] Running cluster health checks\n';
  if (!pt) return res(out, `error execution phase preflight: [upgrade/version] FATAL: unable to parse normalized version "${want}" as a semantic version\n${TRACE}`, 1);
  out += `[upgrade/preflight] You have chosen to upgrade the cluster version to "${t}"\n[upgrade/versions] Cluster version: ${cur}\n[upgrade/versions] kubeadm version: ${kv}\n`;
  // upgrade.EnforceVersionPolicies (cmd/kubeadm/app/phases/upgrade/policy.go): mandatory errors
  // stop the upgrade; skippable ones stop it unless --force.
  const force = flags.has('-f') || flags.has('--force');
  const fatal: string[] = [];
  const skippable: string[] = [];
  if (pt.minor > pc.minor + 1) fatal.push(`Specified version to upgrade to "${t}" is too high; kubeadm can upgrade only 1 minor version at a time`);
  if (pt.minor < pc.minor - 1) fatal.push(`Specified version to downgrade to "${t}" is too low; kubeadm can downgrade only 1 minor version at a time`);
  if (pt.minor > pk.minor) fatal.push(`Specified version to upgrade to "${t}" is at least one minor release higher than the kubeadm minor release (${pt.minor} > ${pk.minor}). Such an upgrade is not supported`);
  else if (pt.minor === pk.minor && pt.patch > pk.patch) skippable.push(`Specified version to upgrade to "${t}" is higher than the kubeadm version "${kv}". Upgrade kubeadm first using the tool you used to install kubeadm`);
  if (pk.minor > pt.minor) skippable.push(`Kubeadm version ${kv} can only be used to upgrade to Kubernetes version ${pk.major}.${pk.minor}`);
  const oldKubelets = [...new Set(c.nodes.map((n) => c.store.get('Node', undefined, n.name)?.status?.nodeInfo?.kubeletVersion ?? ''))]
    .filter((v) => { const pv = parseVersion(v); return pv !== undefined && pt.minor > pv.minor + 1; });
  if (oldKubelets.length) skippable.push(`There are kubelets in this cluster that are too old that have these versions [${oldKubelets.join(' ')}]`);
  const list = (errors: string[]) => errors.map((f) => `\t- ${f}\n`).join('');
  if (fatal.length)
    return res(out, `error execution phase preflight: the version argument is invalid due to these fatal errors:\n\n${list(fatal)}\nPlease fix the misalignments highlighted above and try upgrading again\n${TRACE}`, 1);
  if (skippable.length && !force)
    return res(out, `error execution phase preflight: the version argument is invalid due to these errors:\n\n${list(skippable)}\nCan be bypassed if you pass the --force flag\n${TRACE}`, 1);
  if (skippable.length) out += `[upgrade/version] Found ${skippable.length} potential version compatibility errors but skipping since the --force flag is set: \n\n${list(skippable)}`;
  if (!flags.has('-y') && !flags.has('--yes') && !flags.has('-f') && !flags.has('--force') && !flags.has('--dry-run')) {
    // cmdutil.InteractivelyConfirmAction: one line of stdin, "y" or "yes" in any case; anything
    // else, or nothing at all (the terminal cannot type an answer), stops the upgrade.
    const answer = ctx.stdin.split('\n')[0].replace(/\r$/, '').toLowerCase();
    out += '[upgrade] Are you sure you want to proceed? [y/N]: ';
    if (answer !== 'y' && answer !== 'yes') return res(out, `error execution phase preflight: won't proceed; the user didn't answer (Y|y) in order to continue\n${TRACE}`, 1);
  }
  const now = ctx.world.clock.now();
  const fs = ctx.host.fs;
  const backup = `/etc/kubernetes/tmp/kubeadm-backup-manifests-${stamp(now)}`;
  const upgraded = `/etc/kubernetes/tmp/kubeadm-upgraded-manifests${1000000 + (now % 8999999)}`;
  fs.mkdir(backup, true);
  fs.mkdir(upgraded, true);
  const add = ADDONS[pt.minor] ?? ADDONS[34];
  out += "[upgrade/preflight] Pulling images required for setting up a Kubernetes cluster\n[upgrade/preflight] This might take a minute or two, depending on the speed of your internet connection\n[upgrade/preflight] You can also perform this action beforehand using 'kubeadm config images pull'\n";
  const newest = parseVersion(KUBERNETES_NEWEST)!;
  if (pt.minor > newest.minor || (pt.minor === newest.minor && pt.patch > newest.patch)) {
    // Only --force gets here (kubeadm itself is never newer than a release): registry.k8s.io has no such tag.
    const missing = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy'].map((name) => {
      const ref = `registry.k8s.io/${name}:${t}`;
      return `\t[ERROR ImagePull]: failed to pull image ${ref}: failed to pull image ${ref}: rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found\n`;
    });
    return res(out, `error execution phase preflight: [preflight] Some fatal errors occurred:\n${missing.join('')}[preflight] If you know what you are doing, you can make a check non-fatal with \`--ignore-preflight-errors=...\`\n${TRACE}`, 1);
  }
  out += `[upgrade/control-plane] Upgrading your static Pod-hosted control plane to version "${t}" (timeout: 5m0s)...\n[upgrade/staticpods] Writing new Static Pod manifests to "${upgraded}"\n`;
  const certs: Record<string, string[]> = {
    etcd: ['etcd-server', 'etcd-peer', 'etcd-healthcheck-client'],
    'kube-apiserver': ['apiserver', 'apiserver-kubelet-client', 'front-proxy-client', 'apiserver-etcd-client'],
    'kube-controller-manager': ['controller-manager.conf'],
    'kube-scheduler': ['scheduler.conf'],
  };
  for (const comp of ['etcd', 'kube-apiserver', 'kube-controller-manager', 'kube-scheduler']) {
    const file = `${MANIFESTS}/${comp}.yaml`;
    const text = fs.readFile(file);
    if (text === undefined) return res(out, `error execution phase control-plane: couldn't upgrade control plane. kubeadm has tried to recover everything into the earlier state. Errors faced: failed to read manifest "${file}": open ${file}: no such file or directory\n${TRACE}`, 1);
    const tag = comp === 'etcd' ? add.etcd : t;
    const next = setImage(text, tag);
    out += `[upgrade/staticpods] Preparing for "${comp}" upgrade\n`;
    if (next === text) {
      out += `[upgrade/staticpods] Current and new manifests of ${comp} are equal, skipping upgrade\n`;
      continue;
    }
    if (flags.has('--certificate-renewal=false') === false) for (const crt of certs[comp]) out += `[upgrade/staticpods] Renewing ${crt} certificate\n`;
    fs.writeFile(`${backup}/${comp}.yaml`, text);
    fs.writeFile(file, next);
    // kubeadm waits until the kubelet has restarted the component before it moves on.
    ctx.world.clock.advance(15_000);
    ctx.world.tick();
    ctx.world.tick();
    out += `[upgrade/staticpods] Moving new manifest to "${file}" and backing up old manifest to "${backup}/${comp}.yaml"\n[upgrade/staticpods] Waiting for the kubelet to restart the component\n[upgrade/staticpods] This can take up to 5m0s\n[apiclient] Found 1 Pods for label selector component=${comp}\n[upgrade/staticpods] Component "${comp}" upgraded successfully!\n`;
    if (comp === 'etcd') out += '[upgrade/etcd] Waiting for etcd to become available\n';
  }
  out += '[upgrade/control-plane] The control plane instance for this node was successfully upgraded!\n[upload-config] Storing the configuration used in ConfigMap "kubeadm-config" in the "kube-system" Namespace\n[kubelet] Creating a ConfigMap "kubelet-config" in namespace kube-system with the configuration for the kubelets in the cluster\n[upgrade/kubeconfig] The kubeconfig files for this node were successfully upgraded!\n';
  const tmp = `/etc/kubernetes/tmp/kubeadm-kubelet-config${2000000 + (now % 7999999)}`;
  fs.mkdir(tmp, true);
  fs.writeFile(`${tmp}/config.yaml`, fs.readFile('/var/lib/kubelet/config.yaml') ?? '');
  let err = `${klog('W', now, 41877, 'postupgrade.go:117')}Using temporary directory ${tmp} for kubelet config. To override it set the environment variable KUBEADM_UPGRADE_DRYRUN_DIR\n`;
  out += `[upgrade] Backing up kubelet config file to ${tmp}/config.yaml\n[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"\n[upgrade/kubelet-config] The kubelet configuration for this node was successfully upgraded!\n`;
  out += '[upgrade/bootstrap-token] Configuring bootstrap token and cluster-info RBAC rules\n[bootstrap-token] Configured RBAC rules to allow Node Bootstrap tokens to get nodes\n[bootstrap-token] Configured RBAC rules to allow Node Bootstrap tokens to post CSRs in order for nodes to get long term certificate credentials\n[bootstrap-token] Configured RBAC rules to allow the csrapprover controller automatically approve CSRs from a Node Bootstrap Token\n[bootstrap-token] Configured RBAC rules to allow certificate rotation for all node client certificates in the cluster\n';
  if (!flags.has('--certificate-renewal=false')) renewCertificates(ctx.world);
  updateAddon(c, 'DaemonSet', 'kube-proxy', t);
  updateAddon(c, 'Deployment', 'coredns', add.coredns);
  out += '[addons] Applied essential addon: CoreDNS\n[addons] Applied essential addon: kube-proxy\n';
  out += `\n[upgrade] SUCCESS! A control plane node of your cluster was upgraded to "${t}".\n\n[upgrade] Now please proceed with upgrading the rest of the nodes by following the right order.\n`;
  if (pt.minor === pc.minor && pt.patch === pc.patch) err = '';
  return res(out, err);
}

function updateAddon(c: Cluster, kind: string, name: string, tag: string): void {
  const o = c.store.get(kind, 'kube-system', name);
  if (!o) return;
  const next: Obj = JSON.parse(JSON.stringify(o));
  const ctr = next.spec.template.spec.containers[0];
  const img = String(ctr.image).replace(/:[^:/]+$/, `:${tag}`);
  if (img === ctr.image) return;
  ctr.image = img;
  c.api.update(next);
}

function node(ctx: CommandContext): RunResult {
  const c = cluster(ctx);
  if (!c.apiAvailable()) return unreachable(ctx)!;
  const isCp = c.nodes.find((n) => n.name === ctx.host.name)?.role === 'control-plane';
  const now = ctx.world.clock.now();
  let out = '[upgrade] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...\n[upgrade] Use \'kubeadm init phase upload-config --config your-config-file\' to re-upload it.\n[upgrade/preflight] Running pre-flight checks\n';
  if (isCp) return res(out + '[upgrade/preflight] Pulling images required for setting up a Kubernetes cluster\n[upgrade/control-plane] The control plane instance for this node was successfully upgraded!\n[upgrade] The configuration for this node was successfully upgraded!\n[upgrade] Now you should go ahead and upgrade the kubelet package using your package manager.\n');
  const tmp = `/etc/kubernetes/tmp/kubeadm-kubelet-config${2000000 + (now % 7999999)}`;
  ctx.host.fs.mkdir(tmp, true);
  ctx.host.fs.writeFile(`${tmp}/config.yaml`, ctx.host.fs.readFile('/var/lib/kubelet/config.yaml') ?? '');
  out += '[upgrade/preflight] Skipping prepull. Not a control plane node.\n[upgrade/control-plane] Skipping phase. Not a control plane node.\n[upgrade/kubeconfig] Skipping phase. Not a control plane node.\n';
  out += `[upgrade] Backing up kubelet config file to ${tmp}/config.yaml\n[kubelet-start] Writing kubelet configuration to file "/var/lib/kubelet/config.yaml"\n[upgrade/kubelet-config] The kubelet configuration for this node was successfully upgraded!\n[upgrade/addon] Skipping the addon/coredns phase. Not a control plane node.\n[upgrade/addon] Skipping the addon/kube-proxy phase. Not a control plane node.\n[upgrade] The configuration for this node was successfully upgraded!\n[upgrade] Now you should go ahead and upgrade the kubelet package using your package manager.\n`;
  const err = `${klog('W', now, 41877, 'postupgrade.go:117')}Using temporary directory ${tmp} for kubelet config. To override it set the environment variable KUBEADM_UPGRADE_DRYRUN_DIR\n`;
  return res(out, err);
}

/** duration.ShortHumanDuration: 361d, 9y. */
function shortHuman(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 0) return '<invalid>';
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 72) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 365 * 2) return `${d}d`;
  return `${Math.floor(d / 365)}y`;
}

const expires = (t: number): string => strftime(t, '%b %d, %Y %H:%M UTC');

/** kubeadm certs check-expiration (cmd/kubeadm/app/cmd/certs.go: tabwriter, "%-8v" for EXTERNALLY MANAGED). */
function checkExpiration(ctx: CommandContext): RunResult {
  const c = cluster(ctx);
  if (c.nodes.find((n) => n.name === ctx.host.name)?.role !== 'control-plane') return res('', `error execution phase: open /etc/kubernetes/pki/ca.crt: no such file or directory\n${TRACE}`, 1);
  const now = ctx.world.clock.now();
  const leaf: [string, string][] = [['admin.conf', 'ca'], ['apiserver', 'ca'], ['apiserver-etcd-client', 'etcd-ca'], ['apiserver-kubelet-client', 'ca'], ['controller-manager.conf', 'ca'], ['etcd-healthcheck-client', 'etcd-ca'], ['etcd-peer', 'etcd-ca'], ['etcd-server', 'etcd-ca'], ['front-proxy-client', 'front-proxy-ca'], ['scheduler.conf', 'ca'], ['super-admin.conf', 'ca']];
  const [, leafEnd] = certificateDates(ctx.world, false);
  const [, caEnd] = certificateDates(ctx.world, true);
  let out = '[check-expiration] Reading configuration from the "kubeadm-config" ConfigMap in namespace "kube-system"...\n[check-expiration] Use \'kubeadm init phase upload-config --config your-config-file\' to re-upload it.\n\n';
  out += tabwrite([['CERTIFICATE', 'EXPIRES', 'RESIDUAL TIME', 'CERTIFICATE AUTHORITY', 'EXTERNALLY MANAGED'], ...leaf.map(([n, ca]) => [n, expires(leafEnd), shortHuman(leafEnd - now), ca, 'no      '])], 0, 3);
  out += '\n';
  out += tabwrite([['CERTIFICATE AUTHORITY', 'EXPIRES', 'RESIDUAL TIME', 'EXTERNALLY MANAGED'], ...['ca', 'etcd-ca', 'front-proxy-ca'].map((n) => [n, expires(caEnd), shortHuman(caEnd - now), 'no      '])], 0, 3);
  return res(out);
}

function hex(seed: string, n: number): string {
  let out = '';
  for (let i = 0; out.length < n; i++) out += fakeCommit(`${seed}:${i}`);
  return out.slice(0, n);
}

function token(ctx: CommandContext, args: string[], flags: Set<string>): RunResult {
  const c = cluster(ctx);
  if (args[0] !== 'create' && args[0] !== 'list') return res('', `error: unknown command "${args[0] ?? ''}" for "kubeadm token"\n`, 1);
  if (!c.apiAvailable()) return res('', `failed to create or update bootstrap token with name bootstrap-token-: unable to create Secret: Post "https://${c.apiServerIP}:6443/api/v1/namespaces/kube-system/secrets?timeout=10s": dial tcp ${c.apiServerIP}:6443: connect: connection refused\n${TRACE}`, 1);
  const t = ctx.world.clock.now();
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const pick = (n: number): string => Array.from({ length: n }, () => alphabet[Math.floor(ctx.world.rng.next() * alphabet.length)]).join('');
  if (args[0] === 'list') return res(`TOKEN                     TTL         EXPIRES                USAGES                   DESCRIPTION                                                EXTRA GROUPS\n`);
  const tok = `${pick(6)}.${pick(16)}`;
  void t;
  if (!flags.has('--print-join-command')) return res(`${tok}\n`);
  return res(`kubeadm join ${c.apiServerIP}:6443 --token ${tok} --discovery-token-ca-cert-hash sha256:${hex(`ca:${c.apiServerIP}`, 64)} \n`);
}

/** The kubeadm command. */
export const kubeadm: CommandFn = (ctx) => {
  const argv = ctx.argv.slice(1);
  const flags = new Set(argv.filter((a) => a.startsWith('-')));
  const words = argv.filter((a) => !a.startsWith('-'));
  const outIdx = argv.findIndex((a) => a === '-o' || a === '--output');
  const output = outIdx >= 0 ? argv[outIdx + 1] : argv.find((a) => a.startsWith('-o=') || a.startsWith('--output='))?.replace(/^[^=]*=/, '');
  const [cmd, sub, ...rest] = words.filter((w) => w !== output);
  void resolvePath;
  void runningKubelet;
  switch (cmd) {
    case 'version':
      return version(ctx, output);
    case 'upgrade':
      if (sub === 'plan') return plan(ctx);
      if (sub === 'apply') return apply(ctx, rest, flags);
      if (sub === 'node') return node(ctx);
      return res('Upgrade your cluster smoothly to a newer version with this command\n\nUsage:\n  kubeadm upgrade [flags]\n  kubeadm upgrade [command]\n\nAvailable Commands:\n  apply       Upgrade your Kubernetes cluster to the specified version\n  diff        Show what differences would be applied to existing static pod manifests. See also: kubeadm upgrade apply --dry-run\n  node        Upgrade commands for a node in the cluster\n  plan        Check which versions are available to upgrade to and validate whether your current cluster is upgradeable.\n\nFlags:\n  -h, --help   help for upgrade\n\nUse "kubeadm upgrade [command] --help" for more information about a command.\n');
    case 'token':
      return token(ctx, [sub, ...rest].filter(Boolean), flags);
    case 'certs':
      if (sub === 'check-expiration') return checkExpiration(ctx);
      return res('', `kubesim: kubeadm certs ${sub ?? ''} is not simulated (check-expiration is)\n`, 1);
    case undefined:
      return res('\n    ┌──────────────────────────────────────────────────────────┐\n    │ KUBEADM                                                  │\n    │ Easily bootstrap a secure Kubernetes cluster             │\n    └──────────────────────────────────────────────────────────┘\n\nUsage:\n  kubeadm [command]\n\nAvailable Commands:\n  certs       Commands related to handling kubernetes certificates\n  completion  Output shell completion code for the specified shell (bash or zsh)\n  config      Manage configuration for a kubeadm cluster persisted in a ConfigMap in the cluster\n  help        Help about any command\n  init        Run this command in order to set up the Kubernetes control plane\n  join        Run this on any machine you wish to join an existing cluster\n  kubeconfig  Kubeconfig file utilities\n  reset       Performs a best effort revert of changes made to this host by \'kubeadm init\' or \'kubeadm join\'\n  token       Manage bootstrap tokens\n  upgrade     Upgrade your cluster smoothly to a newer version with this command\n  version     Print the version of kubeadm\n\nFlags:\n  -h, --help   help for kubeadm\n\nUse "kubeadm [command] --help" for more information about a command.\n');
    default:
      if (['init', 'join', 'reset', 'config', 'kubeconfig'].includes(cmd)) return res('', `kubesim: kubeadm ${cmd} is not simulated (the practice cluster is already set up)\n`, 1);
      return res('', `unknown command "${cmd}" for "kubeadm"\nTo see the stack trace of this error execute with --v=5 or higher\n`, 1);
  }
};
