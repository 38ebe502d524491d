/**
 * What containerd holds on a host: one sandbox per pod with its containers, the static pods'
 * from the manifests the kubelet last read (so they exist while the API server is down) and the
 * others' from the pods bound to the host. crictl lists these and ps shows their processes; one
 * list keeps the two agreeing on every ID and start time.
 */
import type { Obj } from '../api/store.ts';
import type { Cluster } from '../cluster.ts';
import { runsOf } from '../controllers/nodeagent.ts';
import { hex, imageDigest } from './hash.ts';
import type { Host, World } from '../types.ts';

/** One container of a sandbox. */
export interface RuntimeContainer {
  /** 64 hex digits; crictl prints the first 13. */
  id: string;
  name: string;
  /** The image reference the pod asked for. */
  image: string;
  /** The image's 64-hex ID. */
  imageId: string;
  /** Virtual time (ms) the container started. */
  created: number;
  state: 'Running' | 'Exited';
  attempt: number;
  /** The pod, or the static pod's manifest, that declares it. */
  pod: Obj;
  /** Its entry in the pod's spec.containers. */
  spec: Obj;
  /** For a static pod that fails: the line it wrote before it exited. */
  failure?: string;
}

/** A pod sandbox: its pause container and the pod's containers. */
export interface RuntimeSandbox {
  id: string;
  name: string;
  namespace: string;
  /** Virtual time (ms) the sandbox was created: a second before its first container. */
  created: number;
  containers: RuntimeContainer[];
}

const SEC = 1000;

/** The host's sandboxes, static pods first, each with its running and exited containers. */
export function hostSandboxes(world: World, host: Host): RuntimeSandbox[] {
  const cluster = world.cluster as Cluster | undefined;
  const now = world.clock.now();
  const out: RuntimeSandbox[] = [];
  for (const run of runsOf(world, host.name)) {
    // An image that cannot be pulled leaves no sandbox behind.
    if (run.failure?.kind === 'image') continue;
    const spec = run.manifest.spec.containers[0];
    const mirror = cluster?.store.get('Pod', run.namespace, run.podName);
    const attempt = mirror?.status?.containerStatuses?.[0]?.restartCount ?? 0;
    out.push({
      id: hex(`pod:${run.hash}`),
      name: run.podName,
      namespace: run.namespace,
      created: run.startedAt - SEC,
      containers: [{
        id: hex(`${run.hash}:${attempt}`),
        name: spec.name,
        image: String(spec.image),
        imageId: imageDigest(String(spec.image)),
        // A crash-looping component was last started a few seconds ago.
        created: run.failure ? now - 5 * SEC : run.startedAt,
        state: run.failure ? 'Exited' : 'Running',
        attempt,
        pod: run.manifest,
        spec,
        failure: run.failure?.kind === 'exit' ? run.failure.message : undefined,
      }],
    });
  }
  for (const pod of cluster?.store.list('Pod') ?? []) {
    if (pod.spec?.nodeName !== host.name || pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) continue;
    const statuses: Obj[] = (pod.status?.containerStatuses ?? []).filter((s: Obj) => s.state?.running || s.lastState?.terminated);
    if (!statuses.length) continue;
    const started = Date.parse(pod.status?.startTime ?? pod.metadata.creationTimestamp);
    const containers = statuses.map((s): RuntimeContainer => {
      const spec = (pod.spec.containers ?? []).find((x: Obj) => x.name === s.name) ?? { name: s.name, image: s.image };
      return {
        id: String(s.containerID ?? '').replace(/^containerd:\/\//, '') || hex(`${pod.metadata.uid}:${s.name}`),
        name: s.name,
        image: String(s.image ?? spec.image),
        imageId: String(s.imageID ?? '').replace(/^.*sha256:/, '') || imageDigest(String(s.image)),
        created: Date.parse(s.state?.running?.startedAt ?? s.lastState?.terminated?.startedAt ?? pod.metadata.creationTimestamp),
        state: s.state?.running ? 'Running' : 'Exited',
        attempt: s.restartCount ?? 0,
        pod,
        spec,
      };
    });
    out.push({
      id: hex(`pod:${pod.metadata.uid}`),
      name: pod.metadata.name,
      namespace: pod.metadata.namespace,
      created: (Number.isNaN(started) ? now : started) - SEC,
      containers,
    });
  }
  return out;
}
