/**
 * The kubelet's static pods: every file in a host's /etc/kubernetes/manifests runs as a pod whose
 * mirror `<name>-<node>` the API shows. A changed file restarts the pod; a file that does not
 * parse is skipped (its pod stops); a bad command, image or flag file makes it crash or fail to pull.
 */
import { clone, rfc3339, type Obj, type Store } from '../api/store.ts';
import type { ApiServer } from '../api/server.ts';
import { klog, logUnit, mainPid } from '../commands/systemd/journal.ts';
import type { Host } from '../types.ts';
import { fnv32a } from './context.ts';
import { loadManifestYaml } from './manifest-yaml.ts';

/** The directory the kubelet config names (staticPodPath). */
export const MANIFESTS = '/etc/kubernetes/manifests';
/** How long a restarted control-plane container takes before it serves. */
export const START_MS = 15_000;

/** Why a static pod does not run. */
export interface Failure {
  kind: 'start' | 'exit' | 'image';
  message: string;
  exitCode: number;
}

/** One static pod as the kubelet runs it. */
export interface StaticRun {
  file: string;
  content: string;
  /** config.hash of the mirror pod. */
  hash: string;
  manifest: Obj;
  component: string;
  podName: string;
  namespace: string;
  startedAt: number;
  /** The node-agent pass that started it (a pod counts as up from the next pass or after START_MS). */
  startPass: number;
  failure?: Failure;
}

function hex32(text: string): string {
  let out = '';
  for (let i = 0; out.length < 32; i++) out += fnv32a(`${i}:${text}`).toString(16).padStart(8, '0');
  return out.slice(0, 32);
}

/** Images the sandbox's registry has (registry.k8s.io tags kubeadm uses). */
function knownImage(image: string, pullable: (i: string) => boolean): boolean {
  const m = /^registry\.k8s\.io\/([a-z-/]+):(.+)$/.exec(image);
  if (!m) return pullable(image);
  const [, repo, tag] = m;
  if (['kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kube-proxy'].includes(repo)) return /^v1\.(3[0-4]\.([0-9]|1[0-9])|35\.0)$/.test(tag);
  if (repo === 'etcd') return /^3\.(5\.\d{1,2}|6\.[0-6])-0$/.test(tag);
  if (repo === 'coredns/coredns') return /^v1\.1[0-3]\.\d$/.test(tag);
  if (repo === 'pause') return /^3\.(9|10|10\.1)$/.test(tag);
  return pullable(image);
}

const FILE_FLAG = /^--[a-z-]*(file|kubeconfig|cafile|certfile|keyfile)=(\/.+)$/;

/** What stops a manifest's container, if anything. */
export function evaluate(host: Host, pod: Obj, pullable: (i: string) => boolean): Failure | undefined {
  const c = pod.spec?.containers?.[0] ?? {};
  const image = String(c.image ?? '');
  if (!knownImage(image, pullable)) {
    const ref = image.includes('/') ? image : `docker.io/library/${image}`;
    return { kind: 'image', exitCode: 0, message: `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found` };
  }
  const binary = image.replace(/^.*\//, '').replace(/:.*$/, '');
  const cmd = Array.isArray(c.command) && c.command.length ? String(c.command[0]) : binary;
  if (cmd !== binary && cmd !== `/usr/local/bin/${binary}`)
    return {
      kind: 'start',
      exitCode: 128,
      message: `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: exec: "${cmd}": executable file not found in $PATH: unknown`,
    };
  for (const arg of [...(c.command ?? []).slice(1), ...(c.args ?? [])]) {
    const m = FILE_FLAG.exec(String(arg));
    if (m && !host.fs.exists(m[2])) return { kind: 'exit', exitCode: 1, message: `"command failed" err="open ${m[2]}: no such file or directory"` };
  }
  return undefined;
}

/** Restarts after `ms` of crashing (the kubelet's back-off doubles from 10 s up to 5 min), and when the last one began. */
export function restartsAfter(ms: number): { count: number; backoff: number; last: number } {
  let t = 0;
  let b = 10_000;
  let n = 0;
  while (t + b <= ms && n < 10_000) {
    t += b;
    n++;
    b = Math.min(b * 2, 300_000);
  }
  return { count: n + 1, backoff: b / 1000, last: t };
}

/** Reads a host's static pod files (dotfiles are ignored, as the kubelet's file source does). */
export function readManifests(host: Host): { file: string; content: string }[] {
  const names = host.fs.list(MANIFESTS) ?? [];
  return names
    .filter((n) => !n.startsWith('.') && !host.fs.isDir(`${MANIFESTS}/${n}`))
    .map((n) => ({ file: `${MANIFESTS}/${n}`, content: host.fs.readFile(`${MANIFESTS}/${n}`) ?? '' }));
}

/** Parses a manifest; a string is the kubelet's error for the file. */
export function parseManifest(file: string, content: string): Obj | string {
  let doc: unknown;
  try {
    doc = loadManifestYaml(content);
  } catch (e) {
    const mark = (e as { mark?: { line: number } }).mark;
    const reason = String((e as { reason?: string }).reason ?? 'invalid YAML');
    return `${file}: couldn't parse as pod(yaml: line ${(mark?.line ?? 0) + 1}: ${reason}), please check config file`;
  }
  const pod = doc as Obj;
  if (!pod || typeof pod !== 'object' || pod.kind !== 'Pod' || !pod.metadata?.name || !Array.isArray(pod.spec?.containers) || !pod.spec.containers.length)
    return `${file}: invalid pod: [metadata.name: Required value: name or generateName is required spec.containers: Required value]`;
  return pod;
}

/** Starts (or restarts) the run of a manifest. */
export function startRun(host: Host, file: string, content: string, pod: Obj, now: number, pass: number, pullable: (i: string) => boolean): StaticRun {
  return {
    file,
    content,
    hash: hex32(host.name + content),
    manifest: pod,
    component: String(pod.metadata.labels?.component ?? pod.metadata.name),
    podName: `${pod.metadata.name}-${host.name}`,
    namespace: String(pod.metadata.namespace ?? 'default'),
    startedAt: now,
    startPass: pass,
    failure: evaluate(host, pod, pullable),
  };
}

/** Creates the mirror pod of a run. */
export function createMirror(api: ApiServer, store: Store, run: StaticRun, node: string): Obj | undefined {
  const pod = clone(run.manifest);
  delete pod.status;
  pod.metadata.name = run.podName;
  pod.metadata.namespace = run.namespace;
  const nodeObj = store.get('Node', undefined, node);
  const seen = new Date(run.startedAt).toISOString().replace(/Z$/, '');
  pod.metadata.annotations = {
    ...(pod.metadata.annotations ?? {}),
    'kubernetes.io/config.hash': run.hash,
    'kubernetes.io/config.mirror': run.hash,
    'kubernetes.io/config.seen': `${seen}456789Z`,
    'kubernetes.io/config.source': 'file',
  };
  if (nodeObj) pod.metadata.ownerReferences = [{ apiVersion: 'v1', controller: true, kind: 'Node', name: node, uid: nodeObj.metadata.uid }];
  pod.spec.nodeName = node;
  const res = api.create(pod, run.namespace);
  return res.obj;
}

/** Writes the status of a failing static pod (CrashLoopBackOff or an image pull error). */
export function failedStatus(store: Store, pod: Obj, run: StaticRun, hostIP: string, now: number): void {
  const f = run.failure;
  if (!f) return;
  const c = run.manifest.spec.containers[0];
  const elapsed = now - run.startedAt;
  let state: Obj;
  let last: Obj = {};
  let restartCount = 0;
  if (f.kind === 'image') {
    state = { waiting: { message: elapsed >= 10_000 ? `Back-off pulling image "${c.image}"` : f.message, reason: elapsed >= 10_000 ? 'ImagePullBackOff' : 'ErrImagePull' } };
  } else {
    const r = restartsAfter(elapsed);
    restartCount = r.count;
    state = { waiting: { message: `back-off ${r.backoff < 60 ? '' : `${Math.floor(r.backoff / 60)}m`}${r.backoff % 60}s restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${run.hash})`, reason: 'CrashLoopBackOff' } };
    last = { terminated: { exitCode: f.exitCode, finishedAt: rfc3339(now), message: f.message, reason: f.kind === 'start' ? 'StartError' : 'Error', startedAt: f.kind === 'start' ? '1970-01-01T00:00:00Z' : rfc3339(now) } };
  }
  const prev = pod.status?.containerStatuses?.[0];
  if (prev && prev.restartCount === restartCount && prev.state?.waiting?.reason === state.waiting.reason) return;
  const ts = rfc3339(run.startedAt);
  const cond = (type: string, ok: boolean): Obj => ({ lastProbeTime: null, lastTransitionTime: ts, status: ok ? 'True' : 'False', type, ...(ok ? {} : { reason: 'ContainersNotReady', message: `containers with unready status: [${c.name}]` }) });
  pod.status = {
    conditions: [cond('PodReadyToStartContainers', true), cond('Initialized', true), cond('Ready', false), cond('ContainersReady', false), cond('PodScheduled', true)],
    containerStatuses: [{ image: String(c.image), imageID: '', lastState: last, name: c.name, ready: false, restartCount, started: false, state }],
    hostIP,
    hostIPs: [{ ip: hostIP }],
    phase: f.kind === 'image' ? 'Pending' : 'Running',
    podIP: hostIP,
    podIPs: [{ ip: hostIP }],
    qosClass: 'Burstable',
    startTime: ts,
  };
  store.touch(pod);
}

/** Logs what the kubelet says about a run that cannot start. */
export function logFailure(host: Host, run: StaticRun, now: number): void {
  const svc = host.services.get('kubelet');
  if (!svc || !run.failure) return;
  const pid = mainPid(host, svc);
  const c = run.manifest.spec.containers[0];
  const what = run.failure.kind === 'image'
    ? `failed to "StartContainer" for "${c.name}" with ErrImagePull: "${run.failure.message.replaceAll('"', '\\"')}"`
    : `failed to "StartContainer" for "${c.name}" with CrashLoopBackOff: "back-off 10s restarting failed container=${c.name} pod=${run.podName}_${run.namespace}(${run.hash})"`;
  logUnit(svc, now, `kubelet[${pid}]`, `${klog('E', now, pid, 'pod_workers.go:1324')}"Error syncing pod, skipping" err="${what.replaceAll('"', '\\"')}" pod="${run.namespace}/${run.podName}" podUID="${run.hash}"`);
}
