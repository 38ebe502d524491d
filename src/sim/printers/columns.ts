/**
 * The columns each kind prints in `kubectl get` and `-o wide`, with the cell rules of
 * kubernetes/pkg/printers/internalversion/printers.go (printPod, printNode, printService…).
 */
import { formatLabelSelector } from '../api/selectors.ts';
import type { Obj } from '../api/store.ts';
import { age, humanDuration } from './age.ts';

/** Columns of one kind: the default ones and those `-o wide` appends. */
export interface KindColumns {
  headers: string[];
  wideHeaders: string[];
  row(o: Obj, now: number): string[];
  wideRow(o: Obj, now: number): string[];
}

const none = (s: string | undefined | null) => (s === undefined || s === null || s === '' ? '<none>' : s);
const created = (o: Obj, now: number) => age(o.metadata.creationTimestamp, now);

function containersOf(spec: Obj | undefined): string[] {
  const cs: Obj[] = spec?.template?.spec?.containers ?? [];
  return [cs.map((c) => c.name).join(','), cs.map((c) => c.image).join(',')];
}

/** formatLabels: "k=v,k2=v2" sorted, "<none>" when empty. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
}

/** printPod's STATUS reason (phase, container waiting/terminated reasons, Terminating). */
export function podStatusReason(pod: Obj): string {
  let reason: string = pod.status?.reason || pod.status?.phase || 'Pending';
  let initializing = false;
  const initStatuses: Obj[] = pod.status?.initContainerStatuses ?? [];
  initStatuses.forEach((c, i) => {
    if (initializing) return;
    const t = c.state?.terminated;
    if (t && t.exitCode === 0) return;
    if (t) reason = t.reason ? `Init:${t.reason}` : t.signal ? `Init:Signal:${t.signal}` : `Init:ExitCode:${t.exitCode}`;
    else if (c.state?.waiting?.reason && c.state.waiting.reason !== 'PodInitializing') reason = `Init:${c.state.waiting.reason}`;
    else reason = `Init:${i}/${(pod.spec?.initContainers ?? []).length}`;
    initializing = true;
  });
  if (!initializing) {
    let hasRunning = false;
    const statuses: Obj[] = pod.status?.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
      else if (c.state?.terminated) reason = c.state.terminated.signal ? `Signal:${c.state.terminated.signal}` : `ExitCode:${c.state.terminated.exitCode}`;
      else if (c.ready && c.state?.running) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) reason = 'Running';
  }
  if (pod.metadata.deletionTimestamp) reason = pod.status?.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  return reason;
}

function podReadyCell(pod: Obj): string {
  const total = (pod.spec?.containers ?? []).length;
  const ready = (pod.status?.containerStatuses ?? []).filter((c: Obj) => c.ready).length;
  return `${ready}/${total}`;
}

function podRestarts(pod: Obj, now: number): string {
  let restarts = 0;
  let last: number | undefined;
  for (const c of pod.status?.containerStatuses ?? []) {
    restarts += c.restartCount ?? 0;
    const fin = c.lastState?.terminated?.finishedAt;
    if (fin && (last === undefined || Date.parse(fin) > last)) last = Date.parse(fin);
  }
  return last !== undefined && restarts > 0 ? `${restarts} (${humanDuration(now - last)} ago)` : String(restarts);
}

/** printNode's STATUS: Ready/NotReady/Unknown plus SchedulingDisabled. */
export function nodeStatus(node: Obj): string {
  const ready = (node.status?.conditions ?? []).find((c: Obj) => c.type === 'Ready');
  const parts = [!ready ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady'];
  if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

/** findNodeRoles: node-role.kubernetes.io/<role> labels, or "<none>". */
export function nodeRoles(node: Obj): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries<string>(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return roles.size ? [...roles].sort().join(',') : '<none>';
}

function nodeAddress(node: Obj, type: string): string {
  return none((node.status?.addresses ?? []).find((a: Obj) => a.type === type)?.address);
}

/** Service PORT(S): "80/TCP", "80:30080/TCP", joined by commas. */
export function servicePorts(svc: Obj): string {
  const ports: Obj[] = svc.spec?.ports ?? [];
  if (!ports.length) return '<none>';
  return ports.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol ?? 'TCP'}` : `${p.port}/${p.protocol ?? 'TCP'}`)).join(',');
}

function serviceExternalIP(svc: Obj): string {
  const type = svc.spec?.type ?? 'ClusterIP';
  const ext: string[] = svc.spec?.externalIPs ?? [];
  if (type === 'ExternalName') return svc.spec.externalName;
  if (type === 'LoadBalancer') {
    const ing: string[] = (svc.status?.loadBalancer?.ingress ?? []).map((i: Obj) => i.ip ?? i.hostname);
    const all = [...ing, ...ext];
    if (all.length) return all.join(',');
    return '<pending>';
  }
  return ext.length ? ext.join(',') : '<none>';
}

function formatEndpoints(ep: Obj): string {
  const list: string[] = [];
  let count = 0;
  for (const ss of ep.subsets ?? [])
    for (const port of ss.ports?.length ? ss.ports : [{}])
      for (const a of ss.addresses ?? []) {
        count++;
        if (list.length < 3) list.push(port.port !== undefined ? `${a.ip}:${port.port}` : a.ip);
      }
  if (!count) return '<none>';
  return list.join(',') + (count > 3 ? ` + ${count - 3} more...` : '');
}

const MODES: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };

function accessModes(modes: string[] | undefined): string {
  return (modes ?? []).map((m) => MODES[m] ?? m).join(',');
}

function ingressHosts(ing: Obj): string {
  const hosts: string[] = [];
  for (const r of ing.spec?.rules ?? []) if (r.host && !hosts.includes(r.host)) hosts.push(r.host);
  if (!hosts.length) return '*';
  return hosts.length > 4 ? hosts.slice(0, 4).join(',') + ` + ${hosts.length - 4} more...` : hosts.join(',');
}

function lbAddresses(o: Obj): string {
  return (o.status?.loadBalancer?.ingress ?? []).map((i: Obj) => i.ip ?? i.hostname).join(',');
}

/** printers.go listWithMoreString: three items, then "+ N more...", and `<unset>` for none. */
function listWithMore(items: string[]): string {
  if (items.length > 3) return `${items.slice(0, 3).join(',')} + ${items.length - 3} more...`;
  return items.join(',') || '<unset>';
}

function sliceEndpoints(s: Obj): string {
  return listWithMore((s.endpoints ?? []).flatMap((e: Obj) => e.addresses ?? []));
}

/** formatDiscoveryPorts: a port's number, else its name, else `*`. */
function slicePorts(s: Obj): string {
  return listWithMore((s.ports ?? []).map((p: Obj) => (p.port !== undefined ? String(p.port) : (p.name ?? '*'))));
}

function eventObject(e: Obj): string {
  return `${String(e.involvedObject?.kind ?? '').toLowerCase()}/${e.involvedObject?.name ?? ''}`;
}

const nothing = () => [] as string[];

/** Column definitions per kind. */
export const COLUMNS: Record<string, KindColumns> = {
  Pod: {
    headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
    wideHeaders: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
    row: (o, now) => [o.metadata.name, podReadyCell(o), podStatusReason(o), podRestarts(o, now), created(o, now)],
    wideRow: (o) => [none(o.status?.podIP), none(o.spec?.nodeName), none(o.status?.nominatedNodeName), (o.spec?.readinessGates ?? []).length ? String(o.spec.readinessGates.length) : '<none>'],
  },
  Node: {
    headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
    wideHeaders: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
    row: (o, now) => [o.metadata.name, nodeStatus(o), nodeRoles(o), created(o, now), o.status?.nodeInfo?.kubeletVersion ?? ''],
    wideRow: (o) => [
      nodeAddress(o, 'InternalIP'),
      nodeAddress(o, 'ExternalIP'),
      o.status?.nodeInfo?.osImage ?? '<unknown>',
      o.status?.nodeInfo?.kernelVersion ?? '<unknown>',
      o.status?.nodeInfo?.containerRuntimeVersion ?? '<unknown>',
    ],
  },
  Namespace: {
    headers: ['NAME', 'STATUS', 'AGE'],
    wideHeaders: [],
    row: (o, now) => [o.metadata.name, o.metadata.deletionTimestamp ? 'Terminating' : (o.status?.phase ?? 'Active'), created(o, now)],
    wideRow: nothing,
  },
  Deployment: {
    headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
    wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => [o.metadata.name, `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`, String(o.status?.updatedReplicas ?? 0), String(o.status?.availableReplicas ?? 0), created(o, now)],
    wideRow: (o) => [...containersOf(o.spec), formatLabelSelector(o.spec?.selector)],
  },
  ReplicaSet: {
    headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
    wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => [o.metadata.name, String(o.spec?.replicas ?? 0), String(o.status?.replicas ?? 0), String(o.status?.readyReplicas ?? 0), created(o, now)],
    wideRow: (o) => [...containersOf(o.spec), formatLabelSelector(o.spec?.selector)],
  },
  DaemonSet: {
    headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
    wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => [
      o.metadata.name,
      String(o.status?.desiredNumberScheduled ?? 0),
      String(o.status?.currentNumberScheduled ?? 0),
      String(o.status?.numberReady ?? 0),
      String(o.status?.updatedNumberScheduled ?? 0),
      String(o.status?.numberAvailable ?? 0),
      formatLabels(o.spec?.template?.spec?.nodeSelector),
      created(o, now),
    ],
    wideRow: (o) => [...containersOf(o.spec), formatLabelSelector(o.spec?.selector)],
  },
  StatefulSet: {
    headers: ['NAME', 'READY', 'AGE'],
    wideHeaders: ['CONTAINERS', 'IMAGES'],
    row: (o, now) => [o.metadata.name, `${o.status?.readyReplicas ?? 0}/${o.spec?.replicas ?? 0}`, created(o, now)],
    wideRow: (o) => containersOf(o.spec),
  },
  // printJob / printCronJob (printers.go).
  Job: {
    headers: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
    wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => {
      const st = o.status ?? {};
      const has = (t: string) => (st.conditions ?? []).some((c: Obj) => c.type === t && c.status === 'True');
      const status = has('Complete') ? 'Complete' : has('Failed') ? 'Failed' : o.metadata.deletionTimestamp ? 'Terminating' : has('Suspended') ? 'Suspended' : has('FailureTarget') ? 'FailureTarget' : 'Running';
      const succeeded = st.succeeded ?? 0;
      const par = o.spec?.parallelism ?? 0;
      const completions = o.spec?.completions !== undefined && o.spec?.completions !== null ? `${succeeded}/${o.spec.completions}` : par > 1 ? `${succeeded}/1 of ${par}` : `${succeeded}/1`;
      const start = st.startTime ? Date.parse(st.startTime) : undefined;
      const duration = start === undefined ? '' : humanDuration((st.completionTime ? Date.parse(st.completionTime) : now) - start);
      return [o.metadata.name, status, completions, duration, created(o, now)];
    },
    wideRow: (o) => [...containersOf(o.spec), formatLabelSelector(o.spec?.selector)],
  },
  CronJob: {
    headers: ['NAME', 'SCHEDULE', 'TIMEZONE', 'SUSPEND', 'ACTIVE', 'LAST SCHEDULE', 'AGE'],
    wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
    row: (o, now) => [
      o.metadata.name,
      o.spec?.schedule ?? '',
      o.spec?.timeZone ?? '<none>',
      o.spec?.suspend === undefined || o.spec?.suspend === null ? '<unset>' : String(o.spec.suspend),
      String((o.status?.active ?? []).length),
      o.status?.lastScheduleTime ? age(o.status.lastScheduleTime, now) : '<none>',
      created(o, now),
    ],
    wideRow: (o) => [...containersOf(o.spec?.jobTemplate?.spec), formatLabelSelector(o.spec?.jobTemplate?.spec?.selector)],
  },
  Service: {
    headers: ['NAME', 'TYPE', 'CLUSTER-IP', 'EXTERNAL-IP', 'PORT(S)', 'AGE'],
    wideHeaders: ['SELECTOR'],
    row: (o, now) => [o.metadata.name, o.spec?.type ?? 'ClusterIP', none(o.spec?.clusterIP), serviceExternalIP(o), servicePorts(o), created(o, now)],
    wideRow: (o) => [formatLabels(o.spec?.selector)],
  },
  Endpoints: {
    headers: ['NAME', 'ENDPOINTS', 'AGE'],
    wideHeaders: [],
    row: (o, now) => [o.metadata.name, formatEndpoints(o), created(o, now)],
    wideRow: nothing,
  },
  EndpointSlice: {
    headers: ['NAME', 'ADDRESSTYPE', 'PORTS', 'ENDPOINTS', 'AGE'],
    wideHeaders: [],
    row: (o, now) => [
      o.metadata.name,
      o.addressType,
      slicePorts(o),
      sliceEndpoints(o),
      created(o, now),
    ],
    wideRow: nothing,
  },
  ConfigMap: {
    headers: ['NAME', 'DATA', 'AGE'],
    wideHeaders: [],
    row: (o, now) => [o.metadata.name, String(Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length), created(o, now)],
    wideRow: nothing,
  },
  Secret: {
    headers: ['NAME', 'TYPE', 'DATA', 'AGE'],
    wideHeaders: [],
    row: (o, now) => [o.metadata.name, o.type ?? 'Opaque', String(Object.keys(o.data ?? {}).length), created(o, now)],
    wideRow: nothing,
  },
  ServiceAccount: {
    headers: ['NAME', 'SECRETS', 'AGE'],
    wideHeaders: [],
    row: (o, now) => [o.metadata.name, String((o.secrets ?? []).length), created(o, now)],
    wideRow: nothing,
  },
  PersistentVolume: {
    headers: ['NAME', 'CAPACITY', 'ACCESS MODES', 'RECLAIM POLICY', 'STATUS', 'CLAIM', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'REASON', 'AGE'],
    wideHeaders: ['VOLUMEMODE'],
    row: (o, now) => [
      o.metadata.name,
      String(o.spec?.capacity?.storage ?? ''),
      accessModes(o.spec?.accessModes),
      o.spec?.persistentVolumeReclaimPolicy ?? '',
      o.metadata.deletionTimestamp ? 'Terminating' : (o.status?.phase ?? ''),
      o.spec?.claimRef ? `${o.spec.claimRef.namespace}/${o.spec.claimRef.name}` : '',
      o.spec?.storageClassName ?? '',
      o.spec?.volumeAttributesClassName ?? '<unset>',
      o.status?.reason ?? '',
      created(o, now),
    ],
    wideRow: (o) => [o.spec?.volumeMode ?? '<unset>'],
  },
  PersistentVolumeClaim: {
    headers: ['NAME', 'STATUS', 'VOLUME', 'CAPACITY', 'ACCESS MODES', 'STORAGECLASS', 'VOLUMEATTRIBUTESCLASS', 'AGE'],
    wideHeaders: ['VOLUMEMODE'],
    row: (o, now) => {
      const bound = o.status?.phase === 'Bound';
      return [
        o.metadata.name,
        o.metadata.deletionTimestamp ? 'Terminating' : (o.status?.phase ?? ''),
        o.spec?.volumeName ?? '',
        bound ? String(o.status?.capacity?.storage ?? '') : '',
        bound ? accessModes(o.status?.accessModes) : '',
        o.spec?.storageClassName ?? '',
        o.spec?.volumeAttributesClassName ?? '<unset>',
        created(o, now),
      ];
    },
    wideRow: (o) => [o.spec?.volumeMode ?? '<unset>'],
  },
  // printPodDisruptionBudget: an unset bound is N/A.
  PodDisruptionBudget: {
    headers: ['NAME', 'MIN AVAILABLE', 'MAX UNAVAILABLE', 'ALLOWED DISRUPTIONS', 'AGE'],
    wideHeaders: [],
    row: (o, now) => [o.metadata.name, String(o.spec?.minAvailable ?? 'N/A'), String(o.spec?.maxUnavailable ?? 'N/A'), String(o.status?.disruptionsAllowed ?? 0), created(o, now)],
    wideRow: nothing,
  },
  StorageClass: {
    headers: ['NAME', 'PROVISIONER', 'RECLAIMPOLICY', 'VOLUMEBINDINGMODE', 'ALLOWVOLUMEEXPANSION', 'AGE'],
    wideHeaders: [],
    row: (o, now) => [
      o.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ? `${o.metadata.name} (default)` : o.metadata.name,
      o.provisioner,
      o.reclaimPolicy ?? 'Delete',
      o.volumeBindingMode ?? 'Immediate',
      String(o.allowVolumeExpansion ?? false),
      created(o, now),
    ],
    wideRow: nothing,
  },
  Ingress: {
    headers: ['NAME', 'CLASS', 'HOSTS', 'ADDRESS', 'PORTS', 'AGE'],
    wideHeaders: [],
    row: (o, now) => [o.metadata.name, o.spec?.ingressClassName ?? '<none>', ingressHosts(o), lbAddresses(o), (o.spec?.tls ?? []).length ? '80, 443' : '80', created(o, now)],
    wideRow: nothing,
  },
  IngressClass: {
    headers: ['NAME', 'CONTROLLER', 'PARAMETERS', 'AGE'],
    wideHeaders: [],
    row: (o, now) => {
      const p = o.spec?.parameters;
      const params = p ? `${p.apiGroup ? `${p.kind}.${p.apiGroup}` : p.kind}/${p.name}` : '<none>';
      return [o.metadata.name, o.spec?.controller ?? '', params, created(o, now)];
    },
    wideRow: nothing,
  },
  Event: {
    headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
    wideHeaders: [],
    row: (o, now) => [age(o.lastTimestamp ?? o.eventTime ?? o.metadata.creationTimestamp, now), o.type ?? '', o.reason ?? '', eventObject(o), String(o.message ?? '').trim()],
    wideRow: nothing,
  },
};

/** Wide event columns: LAST SEEN TYPE REASON OBJECT SUBOBJECT SOURCE MESSAGE FIRST SEEN COUNT NAME. */
export function eventWideRow(o: Obj, now: number): string[] {
  const src = o.source?.component ? (o.source.host ? `${o.source.component}, ${o.source.host}` : o.source.component) : (o.reportingComponent ?? '');
  return [
    age(o.lastTimestamp ?? o.metadata.creationTimestamp, now),
    o.type ?? '',
    o.reason ?? '',
    eventObject(o),
    o.involvedObject?.fieldPath ?? '',
    src,
    String(o.message ?? '').trim(),
    age(o.firstTimestamp ?? o.metadata.creationTimestamp, now),
    String(o.count ?? 1),
    o.metadata.name,
  ];
}
