/**
 * The kubelets, as far as the API shows them: bound pods start (image pulled, container
 * created and started), get a pod IP from their node's podCIDR, and report conditions.
 */
import { rfc3339, type Obj, type Store } from '../api/store.ts';
import type { Controller } from './context.ts';
import { imageDigest } from '../runtime/hash.ts';

/** docker.io/library/nginx:latest for "nginx", as containerd reports it. */
export function normalizeImage(image: string): string {
  let ref = image;
  const last = ref.slice(ref.lastIndexOf('/') + 1);
  if (!last.includes(':') && !ref.includes('@')) ref += ':latest';
  const first = ref.split('/')[0];
  if (!ref.includes('/')) return `docker.io/library/${ref}`;
  if (!first.includes('.') && !first.includes(':') && first !== 'localhost') return `docker.io/${ref}`;
  return ref;
}

function hex(store: Store, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += Math.floor(store.rng.next() * 16).toString(16);
  return s;
}

const ipCounters = new WeakMap<Store, Map<string, number>>();
const pulledImages = new WeakMap<Store, Map<string, Set<string>>>();

/** Whether a node already has an image (kubeadm pre-pulled the control-plane and add-on images). */
function imagePresent(store: Store, node: string, image: string): boolean {
  if (/^(registry\.k8s\.io|ghcr\.io\/flannel-io)\//.test(image)) return true;
  return pulledImages.get(store)?.get(node)?.has(normalizeImage(image)) ?? false;
}

function rememberPull(store: Store, node: string, image: string): void {
  let byNode = pulledImages.get(store);
  if (!byNode) pulledImages.set(store, (byNode = new Map()));
  let set = byNode.get(node);
  if (!set) byNode.set(node, (set = new Set()));
  set.add(normalizeImage(image));
}

/** The next pod IP on a node (host-local IPAM hands them out in order from .2). */
function nextPodIP(store: Store, node: Obj): string {
  const cidr: string = node.spec?.podCIDR ?? '10.244.0.0/24';
  const base = cidr.split('/')[0].split('.').slice(0, 3).join('.');
  let counters = ipCounters.get(store);
  if (!counters) ipCounters.set(store, (counters = new Map()));
  const used = new Set(store.list('Pod').map((p) => p.status?.podIP));
  let n = counters.get(node.metadata.name) ?? 1;
  do n = n >= 254 ? 2 : n + 1;
  while (used.has(`${base}.${n}`));
  counters.set(node.metadata.name, n);
  return `${base}.${n}`;
}

/** Deterministic image size for the "Pulled" event. */
function imageSize(image: string): number {
  let h = 0;
  for (const ch of image) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 20_000_000 + (h % 60_000_000);
}

/**
 * Whether a container's process ends on its own: shell-type images (busybox, alpine…) with no
 * command, or a command that does not keep running (no sleep, tail -f, loop or server).
 */
export function exitsImmediately(c: Obj): boolean {
  if (!/(^|\/)(busybox|alpine|ubuntu|debian|curlimages\/curl|bash)(:|@|$)/.test(String(c.image))) return false;
  const cmd = [...(c.command ?? []), ...(c.args ?? [])].join(' ');
  return !/sleep|tail -f|while|infinity|httpd|nc -l|watch/.test(cmd);
}

function startPod(store: Store, pod: Obj, node: Obj, nowMs: number, pullable: (i: string) => boolean): void {
  const ts = rfc3339(nowMs);
  const host = node.metadata.name;
  const hostIP = (node.status?.addresses ?? []).find((a: Obj) => a.type === 'InternalIP')?.address;
  const mirror = pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined;
  const podIP = pod.spec.hostNetwork ? hostIP : nextPodIP(store, node);
  const statuses: Obj[] = [];
  let allReady = true;
  for (const c of pod.spec.containers ?? []) {
    const image = String(c.image);
    const ok = pullable(image);
    if (!mirror) {
      const present = c.imagePullPolicy === 'Never' || (c.imagePullPolicy !== 'Always' && imagePresent(store, host, image));
      if (present && ok) store.event(pod, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, 'kubelet', host, nowMs);
      else {
        store.event(pod, 'Normal', 'Pulling', `Pulling image "${image}"`, 'kubelet', host, nowMs);
        if (ok) {
          rememberPull(store, host, image);
          const size = imageSize(image);
          const secs = (1 + (size % 3000) / 1000).toFixed(3);
          store.event(pod, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${secs}s (${secs}s including waiting). Image size: ${size} bytes.`, 'kubelet', host, nowMs);
        }
      }
    }
    if (!ok) {
      allReady = false;
      store.event(pod, 'Warning', 'Failed', `Failed to pull image "${image}": rpc error: code = NotFound desc = failed to pull and unpack image "${normalizeImage(image)}": failed to resolve reference "${normalizeImage(image)}": ${normalizeImage(image)}: not found`, 'kubelet', host, nowMs);
      store.event(pod, 'Warning', 'Failed', 'Error: ErrImagePull', 'kubelet', host, nowMs);
      statuses.push({
        image,
        imageID: '',
        lastState: {},
        name: c.name,
        ready: false,
        restartCount: 0,
        started: false,
        state: { waiting: { message: `rpc error: code = NotFound desc = failed to pull and unpack image "${normalizeImage(image)}"`, reason: 'ErrImagePull' } },
      });
      continue;
    }
    if (!mirror) {
      store.event(pod, 'Normal', 'Created', `Created container: ${c.name}`, 'kubelet', host, nowMs);
      store.event(pod, 'Normal', 'Started', `Started container ${c.name}`, 'kubelet', host, nowMs);
    }
    const base = {
      containerID: `containerd://${hex(store, 64)}`,
      image: normalizeImage(image),
      // The draw keeps the random sequence (and so the names) the scenarios were written against.
      imageID: `${normalizeImage(image).replace(/:[^:/]+$/, '')}@sha256:${(hex(store, 64), imageDigest(normalizeImage(image)))}`,
      name: c.name,
    };
    if (exitsImmediately(c)) {
      const terminated = { containerID: base.containerID, exitCode: 0, finishedAt: rfc3339(nowMs + 1000), reason: 'Completed', startedAt: ts };
      allReady = false;
      if (pod.spec.restartPolicy === 'Always') {
        // The process ends and the kubelet restarts it with a growing back-off.
        store.event(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${c.name} in pod ${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`, 'kubelet', host, nowMs);
        statuses.push({
          ...base,
          lastState: { terminated },
          ready: false,
          restartCount: 1,
          started: false,
          state: { waiting: { message: `back-off 10s restarting failed container=${c.name} pod=${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`, reason: 'CrashLoopBackOff' } },
        });
      } else statuses.push({ ...base, lastState: {}, ready: false, restartCount: 0, started: false, state: { terminated } });
      continue;
    }
    statuses.push({ ...base, lastState: {}, ready: true, restartCount: 0, started: true, state: { running: { startedAt: ts } } });
  }
  const allDone = statuses.length > 0 && statuses.every((st) => st.state?.terminated) && pod.spec.restartPolicy !== 'Always';
  const cond = (type: string, status: boolean): Obj => ({ lastProbeTime: null, lastTransitionTime: ts, status: status ? 'True' : 'False', type });
  const conditions = [cond('PodReadyToStartContainers', true), cond('Initialized', true), cond('Ready', allReady), cond('ContainersReady', allReady), cond('PodScheduled', true)];
  if (allDone) {
    conditions[2].reason = conditions[3].reason = 'PodCompleted';
    conditions[0].status = 'False';
  } else if (!allReady) {
    conditions[2].reason = 'ContainersNotReady';
    conditions[3].reason = 'ContainersNotReady';
    const names = statuses.filter((s) => !s.ready).map((s) => s.name).join(' ');
    conditions[2].message = conditions[3].message = `containers with unready status: [${names}]`;
  }
  pod.status = {
    conditions,
    containerStatuses: statuses,
    hostIP,
    hostIPs: [{ ip: hostIP }],
    phase: allDone ? 'Succeeded' : allReady || statuses.some((st) => st.lastState?.terminated) ? 'Running' : 'Pending',
    podIP,
    podIPs: [{ ip: podIP }],
    qosClass: pod.status?.qosClass ?? 'BestEffort',
    startTime: ts,
  };
  store.touch(pod);
}

export const kubeletController: Controller = ({ store, now, kubeletUp, imagePullable }) => {
  let changed = false;
  for (const pod of store.list('Pod')) {
    const nodeName = pod.spec.nodeName;
    if (!nodeName || pod.metadata.deletionTimestamp) continue;
    const node = store.get('Node', undefined, nodeName);
    if (!node || !kubeletUp(nodeName)) continue;
    if (pod.status?.phase === 'Pending' && !pod.status.startTime) {
      startPod(store, pod, node, now(), imagePullable);
      changed = true;
    } else if (pod.status?.phase === 'Pending') {
      // After the first failed pull the kubelet backs off.
      for (const s of pod.status.containerStatuses ?? [])
        if (s.state?.waiting?.reason === 'ErrImagePull' && now() - Date.parse(pod.status.startTime) >= 10_000) {
          s.state.waiting = { message: `Back-off pulling image "${s.image}"`, reason: 'ImagePullBackOff' };
          store.event(pod, 'Normal', 'BackOff', `Back-off pulling image "${s.image}"`, 'kubelet', nodeName);
          store.event(pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', 'kubelet', nodeName);
          store.touch(pod);
          changed = true;
        }
    }
  }
  return changed;
};
