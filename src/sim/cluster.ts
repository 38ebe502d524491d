/**
 * The Kubernetes side of the world: the API server and its store, the controllers that make
 * it live, and a kubeadm-like bootstrap. kubectl talks to it; the shell calls `reconcile()`.
 */
import {
  coreDnsObjects,
  defaultStaticPods,
  flannelObjects,
  healthyConditions,
  kubeadmConfigMaps,
  kubeProxyObjects,
  kubernetesServiceObjects,
  nodeObject,
  staticPodsFromHost,
} from './api/bootstrap.ts';
import { ApiServer } from './api/server.ts';
import { clone, rfc3339, Store, type Obj } from './api/store.ts';
import type { Controller, ControllerContext } from './controllers/context.ts';
import { daemonSetController } from './controllers/daemonset.ts';
import { deploymentController } from './controllers/deployment.ts';
import { endpointsController } from './controllers/endpoints.ts';
import { eventTTL, garbageCollector } from './controllers/garbagecollector.ts';
import { kubeletController } from './controllers/kubelet.ts';
import { namespaceController } from './controllers/namespace.ts';
import { componentUp, syncNodeAgents } from './controllers/nodeagent.ts';
import { nodeLifecycleController } from './controllers/nodelifecycle.ts';
import { replicaSetController } from './controllers/replicaset.ts';
import { scheduler } from './controllers/scheduler.ts';
import { serviceAccountController } from './controllers/serviceaccount.ts';
import { taintEvictionController } from './controllers/tainteviction.ts';
import type { Clock, World } from './types.ts';
import { KUBERNETES_VERSION } from './versions.ts';

/** A node of the simulated cluster as a scenario declares it. */
export interface NodeSpec {
  name: string;
  ip: string;
  role: 'control-plane' | 'worker';
  /** The kubelet's version, when it differs from the cluster's. */
  kubeletVersion?: string;
}

/** What a scenario says about its cluster. */
export interface ClusterOptions {
  /** Control-plane version, e.g. "v1.34.2". */
  version: string;
  nodes: NodeSpec[];
  /** Plain manifests applied after the kubeadm-like bootstrap (as `kubectl apply` would). */
  manifests?: unknown[];
  /** How long before the scenario's clock the cluster was created (default 3 days). */
  ageMs?: number;
  /** Images that fail to pull (ErrImagePull / ImagePullBackOff demos); default: none. */
  badImages?: string[];
}

/** The Kubernetes side of the world. */
export interface Cluster {
  /** Runs every controller until the state settles; called after each command and clock move. */
  reconcile(): void;
  readonly store: Store;
  readonly api: ApiServer;
  /** The API server's version (`kubectl version` Server Version); see setServerVersion. */
  readonly version: string;
  /** After `kubeadm upgrade apply`: the API server now reports this version. */
  setServerVersion(version: string): void;
  readonly nodes: NodeSpec[];
  /** The control plane's advertise address (https://IP:6443). */
  readonly apiServerIP: string;
  /** Whether kube-apiserver answers; kubectl checks it first (part 2 stops it). */
  apiAvailable(): boolean;
  /** `kubeadm join`: registers a node now (Ready, next free podCIDR); DaemonSets follow on reconcile. */
  addNode(spec: NodeSpec): void;
  /** Marks kube-apiserver or etcd up or down (static pod removed, etcd stopped…). */
  setComponentUp(component: 'kube-apiserver' | 'etcd', up: boolean): void;
}

const DAY = 24 * 3600 * 1000;

/**
 * The controllers in the order one reconcile pass runs them, by name. Those of kinds the default
 * cluster has no objects of (StatefulSets, CronJobs, Jobs, volumes and claims, Ingresses) are registered by
 * controllers/workloads.ts, which the browser worker loads with what can create such objects
 * (kubectl's verbs, a scenario's objects); a pass runs the registered ones in this order.
 */
const ORDER = [
  'namespace', 'serviceaccount', 'nodelifecycle', 'deployment', 'replicaset', 'daemonset', 'statefulset', 'cronjob', 'job', 'pvbinder',
  'local-path-provisioner', 'scheduler', 'kubelet', 'endpoints', 'disruption', 'garbagecollector', 'eventttl', 'tainteviction', 'ingress-status',
] as const;

/** A controller's name in ORDER. */
export type ControllerName = (typeof ORDER)[number];

/** Controllers that run in kube-scheduler, the kubelets or add-ons, not in kube-controller-manager. */
const NOT_KCM = new Set<ControllerName>(['scheduler', 'kubelet', 'ingress-status', 'local-path-provisioner']);

const registered = new Map<ControllerName, Controller>([
  ['namespace', namespaceController],
  ['serviceaccount', serviceAccountController],
  ['nodelifecycle', nodeLifecycleController],
  ['deployment', deploymentController],
  ['replicaset', replicaSetController],
  ['daemonset', daemonSetController],
  ['scheduler', scheduler],
  ['kubelet', kubeletController],
  ['endpoints', endpointsController],
  ['garbagecollector', garbageCollector],
  ['eventttl', eventTTL],
  ['tainteviction', taintEvictionController],
]);
/** The registered controllers in ORDER with their names; rebuilt when a chunk registers more. */
let passOrder: [ControllerName, Controller][] = [];
const sortControllers = () => {
  passOrder = ORDER.flatMap((name) => {
    const c = registered.get(name);
    return c ? [[name, c] as [ControllerName, Controller]] : [];
  });
};
sortControllers();

/** Adds controllers to every cluster's reconcile passes, each at its place in ORDER (idempotent). */
export function registerControllers(controllers: Partial<Record<ControllerName, Controller>>): void {
  for (const [name, c] of Object.entries(controllers) as [ControllerName, Controller][]) registered.set(name, c);
  sortControllers();
}

/** Bootstraps a kubeadm-like cluster and applies the scenario's manifests. */
export function createCluster(world: World, options: ClusterOptions): Cluster {
  let timeOverride: number | undefined;
  const clock: Clock = {
    now: () => timeOverride ?? world.clock.now(),
    advance: (ms) => world.clock.advance(ms),
  };
  const store = new Store(clock, world.rng);
  const api = new ApiServer(store);
  const version = options.version || KUBERNETES_VERSION;
  const nodes = options.nodes.length ? options.nodes : [{ name: 'controlplane', ip: '192.168.121.10', role: 'control-plane' as const }];
  const cp = nodes.find((n) => n.role === 'control-plane') ?? nodes[0];
  const down = new Set<string>();
  const bad = new Set(options.badImages ?? []);

  const ctx: ControllerContext = {
    store,
    api,
    now: () => clock.now(),
    kubeletUp: (node) => {
      const svc = world.hosts.get(node)?.services.get('kubelet');
      return !svc || svc.active;
    },
    kubeletStoppedAt: (node) => {
      const svc = world.hosts.get(node)?.services.get('kubelet');
      return svc && !svc.active ? svc.since : undefined;
    },
    imagePullable: (image) => !bad.has(image),
    hostFs: (node) => world.hosts.get(node)?.fs,
  };

  // Until the bootstrap is done the node agents (static pods, part 2) stay out of the way.
  let booted = false;
  let self: Cluster | undefined;
  /**
   * What the controllers read besides the store's objects (which store.changes() stands for): the
   * time, which components run and each kubelet's service state. After a pass that changed nothing,
   * another pass on the same inputs changes nothing either, so a reconcile on unchanged inputs (most
   * commands: cat, grep, kubectl get…) skips the controllers.
   */
  const inputs = (kcm: boolean, sched: boolean): string => {
    let key = `${store.changes()} ${clock.now()} ${kcm} ${sched}`;
    for (const n of nodes) {
      const svc = world.hosts.get(n.name)?.services.get('kubelet');
      key += svc ? ` ${svc.active}:${svc.since}` : ' -';
    }
    return key;
  };
  /** The inputs of the last pass that changed nothing. */
  let settled: string | undefined;
  const reconcile = () => {
    if (booted && self) syncNodeAgents(world, self, ctx.imagePullable);
    if (self && !self.apiAvailable()) return;
    const kcm = !booted || componentUp(world, 'kube-controller-manager');
    const sched = !booted || componentUp(world, 'kube-scheduler');
    if (settled !== undefined && settled === inputs(kcm, sched)) return;
    settled = undefined;
    for (let i = 0; i < 60; i++) {
      const before = store.changes();
      let changed = false;
      for (const [name, c] of passOrder) {
        if (name === 'scheduler' ? !sched : !NOT_KCM.has(name) && !kcm) continue;
        if (c(ctx)) changed = true;
      }
      if (!changed) {
        // Only a pass that wrote nothing at all proves the state settled.
        if (store.changes() === before) settled = inputs(kcm, sched);
        break;
      }
    }
  };

  const put = (obj: Obj, at: number) => {
    timeOverride = at;
    const res = api.create(obj, obj.metadata?.namespace);
    if (res.obj) store.touch(res.obj);
    return res.obj;
  };

  // Bootstrap, backdated so that AGE looks like a cluster that has been up for days.
  const start = world.clock.now();
  const t0 = start - (options.ageMs ?? 3 * DAY);
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system'])
    put({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } }, t0);
  const addNode = (n: NodeSpec, index: number, at: number) => {
    const machine = Array.from({ length: 32 }, () => Math.floor(world.rng.next() * 16).toString(16)).join('');
    const obj = nodeObject(n.name, n.ip, index, n.role === 'control-plane', n.kubeletVersion ?? version, machine);
    store.create(obj, at);
    obj.status.conditions = healthyConditions(rfc3339(at));
  };
  addNode(cp, 0, t0);
  timeOverride = t0 + 5000;
  reconcile();
  const statics = staticPodsFromHost(world.hosts.get(cp.name)) ?? defaultStaticPods(cp.name, cp.ip, version);
  for (const pod of statics) addMirrorPod(pod, cp, t0 + 10_000);
  for (const o of kubernetesServiceObjects(cp.ip)) put(o, t0 + 12_000);
  for (const o of kubeadmConfigMaps(version, cp.ip, rfc3339(t0).slice(0, 10), 'LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCg==')) put(o, t0 + 8_000);
  for (const o of coreDnsObjects()) put(o, t0 + 20_000);
  for (const o of kubeProxyObjects(version, cp.ip)) put(o, t0 + 20_000);
  timeOverride = t0 + 21_000;
  reconcile();
  for (const o of flannelObjects()) put(o, t0 + 60_000);
  timeOverride = t0 + 62_000;
  reconcile();
  nodes
    .filter((n) => n !== cp)
    .forEach((n, i) => {
      addNode(n, i + 1, t0 + 5 * 60_000 + i * 60_000);
      timeOverride = t0 + 5 * 60_000 + i * 60_000 + 10_000;
      reconcile();
    });
  timeOverride = undefined;

  function addMirrorPod(manifest: Obj, node: NodeSpec, at: number): void {
    const pod = clone(manifest);
    const base = pod.metadata.name;
    pod.metadata.name = `${base}-${node.name}`;
    pod.metadata.namespace ??= 'kube-system';
    const nodeObj = store.get('Node', undefined, node.name);
    const hash = Array.from({ length: 32 }, () => Math.floor(world.rng.next() * 16).toString(16)).join('');
    pod.metadata.annotations = {
      ...(pod.metadata.annotations ?? {}),
      'kubernetes.io/config.hash': hash,
      'kubernetes.io/config.mirror': hash,
      'kubernetes.io/config.seen': new Date(at).toISOString().replace('Z', '000000Z').replace(/\.(\d{3})000000Z/, '.$1123456Z'),
      'kubernetes.io/config.source': 'file',
    };
    pod.metadata.ownerReferences = [{ apiVersion: 'v1', controller: true, kind: 'Node', name: node.name, uid: nodeObj?.metadata.uid }];
    pod.spec.nodeName = node.name;
    put(pod, at);
  }

  for (const m of options.manifests ?? []) {
    if (m && typeof m === 'object') api.create(m as Obj, (m as Obj).metadata?.namespace);
  }
  reconcile();

  booted = true;
  let serverVersion = version;
  return (self = {
    reconcile,
    store,
    api,
    get version() {
      return serverVersion;
    },
    setServerVersion: (v: string) => {
      serverVersion = v;
    },
    nodes,
    addNode: (spec: NodeSpec) => {
      if (store.get('Node', undefined, spec.name)) return;
      const used = new Set(store.list('Node').map((n) => Number(String(n.spec?.podCIDR ?? '').split('.')[2])));
      let index = 0;
      while (used.has(index)) index++;
      if (!nodes.includes(spec)) nodes.push(spec);
      addNode(spec, index, world.clock.now());
      reconcile();
    },
    apiServerIP: cp.ip,
    apiAvailable: () => !down.has('kube-apiserver') && !down.has('etcd'),
    setComponentUp: (component, up) => {
      if (up) down.delete(component);
      else down.add(component);
    },
  });
}
