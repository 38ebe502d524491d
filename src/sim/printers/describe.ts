/**
 * `kubectl describe` text per kind, following staging/src/k8s.io/kubectl/pkg/describe/describe.go:
 * a prefix writer (2 spaces per level) over a tabwriter with padding 2, `<none>` for empty
 * maps, RFC 1123Z times, the Events table at the end.
 */
import { formatLabelSelector } from '../api/selectors.ts';
import type { Obj, Store } from '../api/store.ts';
import { formatBytes, formatMilliCPU, parseQuantity } from '../api/quantity.ts';
import { eventInterval, humanDuration } from './age.ts';
import { goTabwriter } from './table.ts';
import { strftime } from '../strftime.ts';
import { nodeRoles, servicePorts } from './columns.ts';


/** time.RFC1123Z in UTC: "Sun, 01 Mar 2026 09:00:00 +0000". */
export function rfc1123z(ts: string | undefined): string {
  if (!ts) return '<unset>';
  return strftime(Date.parse(ts), '%a, %d %b %Y %H:%M:%S %z');
}

/** describe's PrefixWriter: lines with tabs, indented by level. */
class Writer {
  private text = '';
  write(level: number, s: string): void {
    this.text += '  '.repeat(level) + s;
  }
  toString(): string {
    return goTabwriter(this.text, 2);
  }
}

/** Context describers need. */
export interface DescribeContext {
  store: Store;
  now: number;
  /** Whether to print the Events section (`--show-events`). */
  showEvents: boolean;
}

function mapLines(w: Writer, title: string, m: Record<string, string> | undefined, skip: string[] = []): void {
  const entries = Object.entries(m ?? {})
    .filter(([k]) => !skip.includes(k))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  if (!entries.length) {
    w.write(0, `${title}:\t<none>\n`);
    return;
  }
  entries.forEach(([k, v], i) => w.write(0, `${i === 0 ? `${title}:` : ''}\t${k}=${v}\n`));
}

function annotations(w: Writer, m: Record<string, string> | undefined): void {
  const entries = Object.entries(m ?? {})
    .filter(([k]) => k !== 'kubectl.kubernetes.io/last-applied-configuration')
    .sort(([a], [b]) => (a < b ? -1 : 1));
  if (!entries.length) {
    w.write(0, 'Annotations:\t<none>\n');
    return;
  }
  entries.forEach(([k, v], i) => w.write(0, `${i === 0 ? 'Annotations:' : ''}\t${k}: ${v}\n`));
}

function eventsFor(ctx: DescribeContext, obj: Obj): Obj[] {
  return ctx.store
    .list('Event', obj.metadata.namespace ?? 'default')
    .concat(obj.metadata.namespace ? [] : [])
    // A mirror pod's events name its static pod, whose UID is the config hash (kubernetes/kubernetes#74156).
    .filter((e) => e.involvedObject?.uid === (obj.metadata.annotations?.['kubernetes.io/config.mirror'] ?? obj.metadata.uid))
    .sort((a, b) => (a.firstTimestamp < b.firstTimestamp ? -1 : a.firstTimestamp > b.firstTimestamp ? 1 : 0));
}

function events(w: Writer, ctx: DescribeContext, obj: Obj): void {
  if (!ctx.showEvents) return;
  const evs = eventsFor(ctx, obj);
  if (!evs.length) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of evs) {
    const from = e.source?.host ? `${e.source.component}` : (e.source?.component ?? e.reportingComponent ?? '');
    w.write(1, `${e.type}\t${e.reason}\t${eventInterval(e, ctx.now)}\t${from}\t${String(e.message ?? '').trim()}\n`);
  }
}

function controlledBy(w: Writer, obj: Obj): void {
  const ref = (obj.metadata.ownerReferences ?? []).find((r: Obj) => r.controller);
  if (ref) w.write(0, `Controlled By:\t${ref.kind}/${ref.name}\n`);
}

function tolerationsText(tols: Obj[] | undefined): string[] {
  return (tols ?? []).map((t) => {
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += ' op=Exists';
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    return s;
  });
}

function listLines(w: Writer, level: number, title: string, items: string[]): void {
  if (!items.length) {
    w.write(level, `${title}:\t<none>\n`);
    return;
  }
  items.forEach((s, i) => w.write(level, `${i === 0 ? `${title}:` : ''}\t${s}\n`));
}

function describeVolumes(w: Writer, volumes: Obj[] | undefined, level = 0): void {
  if (!volumes?.length) {
    w.write(level, 'Volumes:\t<none>\n');
    return;
  }
  w.write(level, 'Volumes:\n');
  for (const v of volumes) {
    w.write(level + 1, `${v.name}:\n`);
    const l = level + 2;
    if (v.hostPath) {
      w.write(l, 'Type:\tHostPath (bare host directory volume)\n');
      w.write(l, `Path:\t${v.hostPath.path}\n`);
      w.write(l, `HostPathType:\t${v.hostPath.type ?? ''}\n`);
    } else if (v.emptyDir) {
      w.write(l, 'Type:\tEmptyDir (a temporary directory that shares a pod\'s lifetime)\n');
      w.write(l, `Medium:\t${v.emptyDir.medium ?? ''}\n`);
      w.write(l, `SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`);
    } else if (v.persistentVolumeClaim) {
      w.write(l, 'Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n');
      w.write(l, `ClaimName:\t${v.persistentVolumeClaim.claimName}\n`);
      w.write(l, `ReadOnly:\t${v.persistentVolumeClaim.readOnly ?? false}\n`);
    } else if (v.configMap) {
      w.write(l, 'Type:\tConfigMap (a volume populated by a ConfigMap)\n');
      w.write(l, `Name:\t${v.configMap.name}\n`);
      w.write(l, `Optional:\t${v.configMap.optional ?? false}\n`);
    } else if (v.secret) {
      w.write(l, 'Type:\tSecret (a volume populated by a Secret)\n');
      w.write(l, `SecretName:\t${v.secret.secretName}\n`);
      w.write(l, `Optional:\t${v.secret.optional ?? false}\n`);
    } else if (v.nfs) {
      w.write(l, 'Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n');
      w.write(l, `Server:\t${v.nfs.server}\n`);
      w.write(l, `Path:\t${v.nfs.path}\n`);
      w.write(l, `ReadOnly:\t${v.nfs.readOnly ?? false}\n`);
    } else if (v.projected) {
      w.write(l, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const s of v.projected.sources ?? []) {
        if (s.serviceAccountToken) w.write(l, `TokenExpirationSeconds:\t${s.serviceAccountToken.expirationSeconds ?? 3607}\n`);
        else if (s.configMap) {
          w.write(l, `ConfigMapName:\t${s.configMap.name}\n`);
          w.write(l, `Optional:\t${s.configMap.optional ?? false}\n`);
        } else if (s.downwardAPI) w.write(l, 'DownwardAPI:\ttrue\n');
      }
    } else w.write(l, 'Type:\t<unknown>\n');
  }
}

function containerState(w: Writer, title: string, state: Obj | undefined, level: number): void {
  if (state?.running) {
    w.write(level, `${title}:\tRunning\n`);
    w.write(level + 1, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.waiting) {
    w.write(level, `${title}:\tWaiting\n`);
    if (state.waiting.reason) w.write(level + 1, `Reason:\t${state.waiting.reason}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(level, `${title}:\tTerminated\n`);
    if (t.reason) w.write(level + 1, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(level + 1, `Message:\t${t.message}\n`);
    w.write(level + 1, `Exit Code:\t${t.exitCode}\n`);
    if (t.signal > 0) w.write(level + 1, `Signal:\t${t.signal}\n`);
    w.write(level + 1, `Started:\t${rfc1123z(state.terminated.startedAt)}\n`);
    w.write(level + 1, `Finished:\t${rfc1123z(state.terminated.finishedAt)}\n`);
  } else w.write(level, `${title}:\tWaiting\n`);
}

/**
 * Containers of a pod (title at level 0) or of a pod template (title at level 1, names with
 * describe.go's extra " " prefix); the fields are at level 2 either way.
 */
function describeContainers(w: Writer, title: string, containers: Obj[], statuses: Obj[] | undefined, level: number, template = false): void {
  w.write(level, `${title}:\n`);
  for (const c of containers) {
    const st = statuses?.find((s) => s.name === c.name);
    w.write(1, `${template ? ' ' : ''}${c.name}:\n`);
    const l = 2;
    if (st?.containerID) w.write(l, `Container ID:\t${st.containerID}\n`);
    w.write(l, `Image:\t${c.image}\n`);
    if (!template) w.write(l, `Image ID:\t${st?.imageID ?? ''}\n`);
    const ports: Obj[] = c.ports ?? [];
    const portText = ports.length ? ports.map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>';
    const hostText = ports.length ? ports.map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ') : '<none>';
    w.write(l, `Port${ports.length > 1 ? 's' : ''}:\t${portText}\n`);
    w.write(l, `Host Port${ports.length > 1 ? 's' : ''}:\t${hostText}\n`);
    if (c.command?.length) {
      w.write(l, 'Command:\n');
      for (const x of c.command) w.write(l + 1, `${x}\n`);
    }
    if (c.args?.length) {
      w.write(l, 'Args:\n');
      for (const x of c.args) w.write(l + 1, `${x}\n`);
    }
    if (!template) {
      containerState(w, 'State', st?.state, l);
      if (st?.lastState?.terminated) containerState(w, 'Last State', st.lastState, l);
      w.write(l, `Ready:\t${st?.ready ? 'True' : 'False'}\n`);
      w.write(l, `Restart Count:\t${st?.restartCount ?? 0}\n`);
    }
    const lim = c.resources?.limits ?? {};
    const req = c.resources?.requests ?? {};
    if (Object.keys(lim).length) {
      w.write(l, 'Limits:\n');
      for (const k of Object.keys(lim).sort()) w.write(l + 1, `${k}:\t${lim[k]}\n`);
    }
    if (Object.keys(req).length) {
      w.write(l, 'Requests:\n');
      for (const k of Object.keys(req).sort()) w.write(l + 1, `${k}:\t${req[k]}\n`);
    }
    const env: Obj[] = c.env ?? [];
    if (!env.length) w.write(l, 'Environment:\t<none>\n');
    else {
      w.write(l, 'Environment:\n');
      for (const e of env) {
        if (e.value !== undefined) w.write(l + 1, `${e.name}:\t${e.value}\n`);
        else if (e.valueFrom?.fieldRef) w.write(l + 1, `${e.name}:\t (${e.valueFrom.fieldRef.apiVersion ?? 'v1'}:${e.valueFrom.fieldRef.fieldPath})\n`);
        else if (e.valueFrom?.configMapKeyRef)
          w.write(l + 1, `${e.name}:\t<set to the key '${e.valueFrom.configMapKeyRef.key}' of config map '${e.valueFrom.configMapKeyRef.name}'>\tOptional: ${e.valueFrom.configMapKeyRef.optional ?? false}\n`);
        else if (e.valueFrom?.secretKeyRef)
          w.write(l + 1, `${e.name}:\t<set to the key '${e.valueFrom.secretKeyRef.key}' in secret '${e.valueFrom.secretKeyRef.name}'>\tOptional: ${e.valueFrom.secretKeyRef.optional ?? false}\n`);
        else w.write(l + 1, `${e.name}:\t\n`);
      }
    }
    const mounts: Obj[] = c.volumeMounts ?? [];
    if (!mounts.length) w.write(l, 'Mounts:\t<none>\n');
    else {
      w.write(l, 'Mounts:\n');
      for (const m of [...mounts].sort((a, b) => (a.mountPath < b.mountPath ? -1 : 1))) {
        const flags = [m.readOnly ? 'ro' : 'rw'];
        if (m.subPath) flags.push(`path="${m.subPath}"`);
        w.write(l + 1, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
      }
    }
  }
}

/** describe pod. */
export function describePod(pod: Obj, ctx: DescribeContext): string {
  const w = new Writer();
  const s = pod.spec ?? {};
  const st = pod.status ?? {};
  w.write(0, `Name:\t${pod.metadata.name}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace}\n`);
  if (s.priority !== undefined) {
    w.write(0, `Priority:\t${s.priority}\n`);
    if (s.priorityClassName) w.write(0, `Priority Class Name:\t${s.priorityClassName}\n`);
  }
  w.write(0, `Service Account:\t${s.serviceAccountName ?? ''}\n`);
  if (s.nodeName) w.write(0, `Node:\t${s.nodeName}/${st.hostIP ?? ''}\n`);
  else w.write(0, 'Node:\t<none>\n');
  if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime)}\n`);
  mapLines(w, 'Labels', pod.metadata.labels);
  annotations(w, pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp) {
    w.write(0, `Status:\tTerminating (lasts ${humanDuration(ctx.now - Date.parse(pod.metadata.deletionTimestamp))})\n`);
    w.write(0, `Termination Grace Period:\t${s.terminationGracePeriodSeconds ?? 30}s\n`);
  } else w.write(0, `Status:\t${st.phase ?? 'Pending'}\n`);
  if (st.reason) w.write(0, `Reason:\t${st.reason}\n`);
  if (st.message) w.write(0, `Message:\t${st.message}\n`);
  if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) {
    // Mirror pods say where they came from.
  }
  w.write(0, `IP:\t${st.podIP ?? ''}\n`);
  const ips: Obj[] = st.podIPs ?? [];
  if (ips.length) {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${ip.ip}\n`);
  } else w.write(0, 'IPs:\t<none>\n');
  controlledBy(w, pod);
  if (s.initContainers?.length) describeContainers(w, 'Init Containers', s.initContainers, st.initContainerStatuses, 0);
  describeContainers(w, 'Containers', s.containers ?? [], st.containerStatuses, 0);
  if (st.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of st.conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, s.volumes);
  w.write(0, `QoS Class:\t${st.qosClass ?? 'BestEffort'}\n`);
  mapLines(w, 'Node-Selectors', s.nodeSelector);
  listLines(w, 0, 'Tolerations', tolerationsText(s.tolerations));
  events(w, ctx, pod);
  return w.toString();
}

/** describe node. */
export function describeNode(node: Obj, ctx: DescribeContext): string {
  const w = new Writer();
  const st = node.status ?? {};
  w.write(0, `Name:\t${node.metadata.name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node)}\n`);
  mapLines(w, 'Labels', node.metadata.labels);
  annotations(w, node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}\n`);
  const taints: Obj[] = node.spec?.taints ?? [];
  listLines(w, 0, 'Taints', taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`));
  w.write(0, `Unschedulable:\t${node.spec?.unschedulable ?? false}\n`);
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${node.metadata.name}\n`);
  w.write(1, 'AcquireTime:\t<unset>\n');
  w.write(1, `RenewTime:\t${rfc1123z(new Date(ctx.now - 3000).toISOString())}\n`);
  w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
  w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
  for (const c of st.conditions ?? [])
    w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason} \t${c.message}\n`);
  w.write(0, 'Addresses:\n');
  for (const a of st.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, m] of [['Capacity', st.capacity], ['Allocatable', st.allocatable]] as const) {
    w.write(0, `${title}:\n`);
    for (const k of Object.keys(m ?? {}).sort()) w.write(1, `${k}:\t${m[k]}\n`);
  }
  const info = st.nodeInfo ?? {};
  w.write(0, 'System Info:\n');
  w.write(1, `Machine ID:\t${info.machineID}\n`);
  w.write(1, `System UUID:\t${info.systemUUID}\n`);
  w.write(1, `Boot ID:\t${info.bootID}\n`);
  w.write(1, `Kernel Version:\t${info.kernelVersion}\n`);
  w.write(1, `OS Image:\t${info.osImage}\n`);
  w.write(1, `Operating System:\t${info.operatingSystem}\n`);
  w.write(1, `Architecture:\t${info.architecture}\n`);
  w.write(1, `Container Runtime Version:\t${info.containerRuntimeVersion}\n`);
  w.write(1, `Kubelet Version:\t${info.kubeletVersion}\n`);
  if (info.kubeProxyVersion) w.write(1, `Kube-Proxy Version:\t${info.kubeProxyVersion}\n`);
  w.write(0, `PodCIDR:\t${node.spec?.podCIDR ?? ''}\n`);
  w.write(0, `PodCIDRs:\t${(node.spec?.podCIDRs ?? []).join(',')}\n`);
  const pods = ctx.store
    .list('Pod')
    .filter((p) => p.spec.nodeName === node.metadata.name && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
  const alloc = st.allocatable ?? {};
  const allocCpu = parseQuantity(alloc.cpu ?? '0');
  const allocMem = parseQuantity(alloc.memory ?? '0');
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t------------\t----------\t---------------\t-------------\t---\n');
  let tCpuReq = 0;
  let tCpuLim = 0;
  let tMemReq = 0;
  let tMemLim = 0;
  const pct = (v: number, total: number) => (total ? Math.trunc((v / total) * 100) : 0);
  for (const p of pods) {
    let cr = 0;
    let cl = 0;
    let mr = 0;
    let ml = 0;
    for (const c of p.spec.containers ?? []) {
      const r = c.resources ?? {};
      cr += parseQuantity(r.requests?.cpu ?? r.limits?.cpu ?? 0) || 0;
      cl += parseQuantity(r.limits?.cpu ?? 0) || 0;
      mr += parseQuantity(r.requests?.memory ?? r.limits?.memory ?? 0) || 0;
      ml += parseQuantity(r.limits?.memory ?? 0) || 0;
    }
    tCpuReq += cr;
    tCpuLim += cl;
    tMemReq += mr;
    tMemLim += ml;
    w.write(
      1,
      `${p.metadata.namespace}\t${p.metadata.name}\t${formatMilliCPU(cr)} (${pct(cr, allocCpu)}%)\t${formatMilliCPU(cl)} (${pct(cl, allocCpu)}%)\t${formatBytes(mr)} (${pct(mr, allocMem)}%)\t${formatBytes(ml)} (${pct(ml, allocMem)}%)\t${humanDuration(ctx.now - Date.parse(p.metadata.creationTimestamp))}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  w.write(1, `cpu\t${formatMilliCPU(tCpuReq)} (${pct(tCpuReq, allocCpu)}%)\t${formatMilliCPU(tCpuLim)} (${pct(tCpuLim, allocCpu)}%)\n`);
  w.write(1, `memory\t${formatBytes(tMemReq)} (${pct(tMemReq, allocMem)}%)\t${formatBytes(tMemLim)} (${pct(tMemLim, allocMem)}%)\n`);
  w.write(1, 'ephemeral-storage\t0 (0%)\t0 (0%)\n');
  w.write(1, 'hugepages-1Gi\t0 (0%)\t0 (0%)\n');
  w.write(1, 'hugepages-2Mi\t0 (0%)\t0 (0%)\n');
  events(w, ctx, node);
  return w.toString();
}

function podTemplate(w: Writer, tpl: Obj): void {
  w.write(0, 'Pod Template:\n');
  const labels = Object.entries<string>(tpl?.metadata?.labels ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  if (!labels.length) w.write(1, 'Labels:\t<none>\n');
  else labels.forEach(([k, v], i) => w.write(1, `${i === 0 ? 'Labels:' : ''}\t${k}=${v}\n`));
  const ann = Object.entries<string>(tpl?.metadata?.annotations ?? {});
  if (ann.length) ann.forEach(([k, v], i) => w.write(1, `${i === 0 ? 'Annotations:' : ''}\t${k}: ${v}\n`));
  if (tpl?.spec?.serviceAccountName) w.write(1, `Service Account:\t${tpl.spec.serviceAccountName}\n`);
  if (tpl?.spec?.initContainers?.length) describeContainers(w, 'Init Containers', tpl.spec.initContainers, undefined, 1, true);
  describeContainers(w, 'Containers', tpl?.spec?.containers ?? [], undefined, 1, true);
  describeVolumes(w, tpl?.spec?.volumes, 1);
  const sel = Object.entries<string>(tpl?.spec?.nodeSelector ?? {});
  w.write(1, `Node-Selectors:\t${sel.length ? sel.map(([k, v]) => `${k}=${v}`).join('\n') : '<none>'}\n`);
  const tols = tolerationsText(tpl?.spec?.tolerations);
  listLines(w, 1, 'Tolerations', tols);
}

/** describe deployment. */
export function describeDeployment(d: Obj, ctx: DescribeContext): string {
  const w = new Writer();
  const st = d.status ?? {};
  w.write(0, `Name:\t${d.metadata.name}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  mapLines(w, 'Labels', d.metadata.labels);
  annotations(w, d.metadata.annotations);
  w.write(0, `Selector:\t${formatLabelSelector(d.spec.selector)}\n`);
  const want = d.spec.replicas ?? 1;
  w.write(0, `Replicas:\t${want} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`);
  w.write(0, `StrategyType:\t${d.spec.strategy?.type ?? 'RollingUpdate'}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  const ru = d.spec.strategy?.rollingUpdate;
  if (ru) w.write(0, `RollingUpdateStrategy:\t${ru.maxUnavailable} max unavailable, ${ru.maxSurge} max surge\n`);
  podTemplate(w, d.spec.template);
  if (st.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of st.conditions) w.write(1, `${c.type} \t${c.status}\t${c.reason}\n`);
  }
  const rss = ctx.store.list('ReplicaSet', d.metadata.namespace).filter((rs) => (rs.metadata.ownerReferences ?? []).some((r: Obj) => r.uid === d.metadata.uid));
  const newHash = rss.find((rs) => rs.spec.replicas > 0 || rss.length === 1);
  const cur = rss.sort((a, b) => Number(b.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0) - Number(a.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0))[0];
  const olds = rss.filter((rs) => rs !== cur && rs.spec.replicas > 0);
  w.write(0, `OldReplicaSets:\t${olds.length ? olds.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas} replicas created)`).join(', ') : '<none>'}\n`);
  w.write(0, `NewReplicaSet:\t${cur ? `${cur.metadata.name} (${cur.status?.replicas ?? 0}/${cur.spec.replicas} replicas created)` : '<none>'}\n`);
  void newHash;
  events(w, ctx, d);
  return w.toString();
}

/** describe replicaset / daemonset / statefulset share this shape. */
function describeWorkload(o: Obj, ctx: DescribeContext): string {
  const w = new Writer();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  if (o.kind === 'StatefulSet') {
    w.write(0, `Namespace:\t${o.metadata.namespace}\n`);
    w.write(0, `CreationTimestamp:\t${rfc1123z(o.metadata.creationTimestamp)}\n`);
  } else w.write(0, `Namespace:\t${o.metadata.namespace}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(o.spec.selector)}\n`);
  if (o.kind === 'DaemonSet') w.write(0, `Node-Selector:\t${Object.entries<string>(o.spec.template?.spec?.nodeSelector ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>'}\n`);
  mapLines(w, 'Labels', o.metadata.labels);
  annotations(w, o.metadata.annotations);
  if (o.kind !== 'DaemonSet') controlledBy(w, o);
  const pods = ctx.store.list('Pod', o.metadata.namespace).filter((p) => (p.metadata.ownerReferences ?? []).some((r: Obj) => r.uid === o.metadata.uid));
  const running = pods.filter((p) => p.status?.phase === 'Running').length;
  const waiting = pods.filter((p) => p.status?.phase === 'Pending').length;
  const succeeded = pods.filter((p) => p.status?.phase === 'Succeeded').length;
  const failed = pods.filter((p) => p.status?.phase === 'Failed').length;
  if (o.kind === 'DaemonSet') {
    w.write(0, `Desired Number of Nodes Scheduled: ${o.status?.desiredNumberScheduled ?? 0}\n`);
    w.write(0, `Current Number of Nodes Scheduled: ${o.status?.currentNumberScheduled ?? 0}\n`);
    w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${o.status?.updatedNumberScheduled ?? 0}\n`);
    w.write(0, `Number of Nodes Scheduled with Available Pods: ${o.status?.numberAvailable ?? 0}\n`);
    w.write(0, `Number of Nodes Misscheduled: ${o.status?.numberMisscheduled ?? 0}\n`);
  } else if (o.kind === 'StatefulSet') {
    w.write(0, `Replicas:\t${o.spec.replicas} desired | ${o.status?.replicas ?? 0} total\n`);
    w.write(0, `Update Strategy:\t${o.spec.updateStrategy?.type ?? 'RollingUpdate'}\n`);
    w.write(1, `Partition:\t${o.spec.updateStrategy?.rollingUpdate?.partition ?? 0}\n`);
  } else w.write(0, `Replicas:\t${o.status?.replicas ?? 0} current / ${o.spec.replicas} desired\n`);
  w.write(0, `Pods Status:\t${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed\n`);
  podTemplate(w, o.spec.template);
  if (o.kind === 'StatefulSet') {
    const vcts: Obj[] = o.spec.volumeClaimTemplates ?? [];
    if (!vcts.length) w.write(0, 'Volume Claims:\t<none>\n');
    else {
      w.write(0, 'Volume Claims:\n');
      for (const v of vcts) {
        w.write(1, `Name:\t${v.metadata?.name}\n`);
        w.write(1, `StorageClass:\t${v.spec?.storageClassName ?? ''}\n`);
        w.write(1, `Labels:\t<none>\n`);
        w.write(1, `Annotations:\t<none>\n`);
        w.write(1, `Capacity:\t${v.spec?.resources?.requests?.storage ?? ''}\n`);
        w.write(1, `Access Modes:\t[${(v.spec?.accessModes ?? []).join(' ')}]\n`);
      }
    }
  }
  events(w, ctx, o);
  return w.toString();
}

/** describe service. */
export function describeService(svc: Obj, ctx: DescribeContext): string {
  const w = new Writer();
  const s = svc.spec ?? {};
  w.write(0, `Name:\t${svc.metadata.name}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace}\n`);
  mapLines(w, 'Labels', svc.metadata.labels);
  annotations(w, svc.metadata.annotations);
  w.write(0, `Selector:\t${Object.entries<string>(s.selector ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${v}`).join(',') || '<none>'}\n`);
  w.write(0, `Type:\t${s.type}\n`);
  w.write(0, `IP Family Policy:\t${s.ipFamilyPolicy ?? 'SingleStack'}\n`);
  w.write(0, `IP Families:\t${(s.ipFamilies ?? ['IPv4']).join(',')}\n`);
  if (s.type !== 'ExternalName') {
    w.write(0, `IP:\t${s.clusterIP}\n`);
    w.write(0, `IPs:\t${(s.clusterIPs ?? [s.clusterIP]).join(',')}\n`);
  } else w.write(0, `External Name:\t${s.externalName}\n`);
  if (s.externalIPs?.length) w.write(0, `External IPs:\t${s.externalIPs.join(',')}\n`);
  const slices = ctx.store.list('EndpointSlice', svc.metadata.namespace).filter((x) => x.metadata.labels?.['kubernetes.io/service-name'] === svc.metadata.name);
  for (const p of s.ports ?? []) {
    const name = p.name || '<unset>';
    w.write(0, `Port:\t${name}\t${p.port}/${p.protocol}\n`);
    const tp = typeof p.targetPort === 'number' ? `${p.targetPort}/${p.protocol}` : `${p.targetPort}/${p.protocol}`;
    w.write(0, `TargetPort:\t${tp}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${p.protocol}\n`);
    const eps: string[] = [];
    for (const sl of slices) {
      const port = (sl.ports ?? []).find((x: Obj) => (x.name ?? '') === (p.name ?? ''));
      for (const e of sl.endpoints ?? []) if (e.conditions?.ready !== false) for (const a of e.addresses ?? []) eps.push(port ? `${a}:${port.port}` : a);
    }
    w.write(0, `Endpoints:\t${eps.length ? eps.slice(0, 3).join(',') + (eps.length > 3 ? ` + ${eps.length - 3} more...` : '') : ''}\n`);
  }
  w.write(0, `Session Affinity:\t${s.sessionAffinity ?? 'None'}\n`);
  if (s.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${s.externalTrafficPolicy}\n`);
  w.write(0, `Internal Traffic Policy:\t${s.internalTrafficPolicy ?? 'Cluster'}\n`);
  events(w, ctx, svc);
  return w.toString();
}

const MODES: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };

/** printVolumeNodeAffinity and printNodeSelectorTermsMultilineWithIndent of kubectl's describe.go. */
function nodeAffinity(w: Writer, affinity: Obj | undefined): void {
  if (!affinity?.required) {
    w.write(0, 'Node Affinity:\t<none>\n');
    return;
  }
  w.write(0, 'Node Affinity:\t\n');
  const terms: Obj[] = affinity.required.nodeSelectorTerms ?? [];
  if (!terms.length) {
    w.write(1, 'Required Terms:\t<none>\n');
    return;
  }
  w.write(1, 'Required Terms:\t\n');
  terms.forEach((t, i) => {
    const reqs: Obj[] = t.matchExpressions ?? [];
    if (!reqs.length) {
      w.write(2, `Term ${i}:\t<none>\n`);
      return;
    }
    reqs.forEach((r, j) => {
      const expr = `${r.key} ${String(r.operator).toLowerCase()}${(r.values ?? []).length ? ` [${r.values.join(', ')}]` : ''}`;
      w.write(2, `${j === 0 ? `Term ${i}:` : ''}\t${expr}\n`);
    });
  });
}

/** describe pv. */
export function describePV(pv: Obj, ctx: DescribeContext): string {
  const w = new Writer();
  const s = pv.spec ?? {};
  w.write(0, `Name:\t${pv.metadata.name}\n`);
  mapLines(w, 'Labels', pv.metadata.labels);
  annotations(w, pv.metadata.annotations);
  listLines(w, 0, 'Finalizers', [`[${(pv.metadata.finalizers ?? ['kubernetes.io/pv-protection']).join(' ')}]`]);
  w.write(0, `StorageClass:\t${s.storageClassName ?? ''}\n`);
  w.write(0, `Status:\t${pv.status?.phase ?? ''}\n`);
  w.write(0, `Claim:\t${s.claimRef ? `${s.claimRef.namespace}/${s.claimRef.name}` : ''}\n`);
  w.write(0, `Reclaim Policy:\t${s.persistentVolumeReclaimPolicy}\n`);
  w.write(0, `Access Modes:\t${(s.accessModes ?? []).map((m: string) => MODES[m] ?? m).join(',')}\n`);
  w.write(0, `VolumeMode:\t${s.volumeMode ?? 'Filesystem'}\n`);
  w.write(0, `Capacity:\t${s.capacity?.storage ?? ''}\n`);
  nodeAffinity(w, s.nodeAffinity);
  w.write(0, `Message:\t${pv.status?.message ?? ''}\n`);
  w.write(0, 'Source:\n');
  if (s.hostPath) {
    w.write(1, 'Type:\tHostPath (bare host directory volume)\n');
    w.write(1, `Path:\t${s.hostPath.path}\n`);
    w.write(1, `HostPathType:\t${s.hostPath.type ?? ''}\n`);
  } else if (s.nfs) {
    w.write(1, 'Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n');
    w.write(1, `Server:\t${s.nfs.server}\n`);
    w.write(1, `Path:\t${s.nfs.path}\n`);
    w.write(1, `ReadOnly:\t${s.nfs.readOnly ?? false}\n`);
  } else if (s.local) {
    w.write(1, 'Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n');
    w.write(1, `Path:\t${s.local.path}\n`);
  }
  events(w, ctx, pv);
  return w.toString();
}

/** describe pvc. */
export function describePVC(pvc: Obj, ctx: DescribeContext): string {
  const w = new Writer();
  const s = pvc.spec ?? {};
  const bound = pvc.status?.phase === 'Bound';
  w.write(0, `Name:\t${pvc.metadata.name}\n`);
  w.write(0, `Namespace:\t${pvc.metadata.namespace}\n`);
  w.write(0, `StorageClass:\t${s.storageClassName ?? ''}\n`);
  w.write(0, `Status:\t${pvc.status?.phase ?? ''}\n`);
  w.write(0, `Volume:\t${s.volumeName ?? ''}\n`);
  mapLines(w, 'Labels', pvc.metadata.labels);
  annotations(w, pvc.metadata.annotations);
  listLines(w, 0, 'Finalizers', [`[${(pvc.metadata.finalizers ?? ['kubernetes.io/pvc-protection']).join(' ')}]`]);
  w.write(0, `Capacity:\t${bound ? (pvc.status?.capacity?.storage ?? '') : ''}\n`);
  w.write(0, `Access Modes:\t${bound ? (pvc.status?.accessModes ?? []).map((m: string) => MODES[m] ?? m).join(',') : ''}\n`);
  w.write(0, `VolumeMode:\t${s.volumeMode ?? 'Filesystem'}\n`);
  const users = ctx.store
    .list('Pod', pvc.metadata.namespace)
    .filter((p) => (p.spec.volumes ?? []).some((v: Obj) => v.persistentVolumeClaim?.claimName === pvc.metadata.name))
    .map((p) => p.metadata.name);
  w.write(0, `Used By:\t${users.length ? users.join('\n\t') : '<none>'}\n`);
  events(w, ctx, pvc);
  return w.toString();
}

/** describe ingress. */
export function describeIngress(ing: Obj, ctx: DescribeContext): string {
  const w = new Writer();
  const s = ing.spec ?? {};
  w.write(0, `Name:\t${ing.metadata.name}\n`);
  mapLines(w, 'Labels', ing.metadata.labels);
  w.write(0, `Namespace:\t${ing.metadata.namespace}\n`);
  w.write(0, `Address:\t${(ing.status?.loadBalancer?.ingress ?? []).map((i: Obj) => i.ip ?? i.hostname).join(',')}\n`);
  w.write(0, `Ingress Class:\t${s.ingressClassName ?? '<none>'}\n`);
  const backend = (b: Obj | undefined): string => {
    if (!b?.service) return '<default>';
    const port = b.service.port?.number ?? b.service.port?.name;
    const svc = ctx.store.get('Service', ing.metadata.namespace, b.service.name);
    let eps = '<error: services "' + b.service.name + '" not found>';
    if (svc) {
      const sl = ctx.store.list('EndpointSlice', ing.metadata.namespace).filter((x) => x.metadata.labels?.['kubernetes.io/service-name'] === b.service.name);
      const addrs: string[] = [];
      const sp = (svc.spec.ports ?? []).find((p: Obj) => p.port === port || p.name === port);
      for (const x of sl) for (const e of x.endpoints ?? []) for (const a of e.addresses ?? []) {
        const tp = (x.ports ?? []).find((pp: Obj) => (pp.name ?? '') === (sp?.name ?? ''));
        addrs.push(tp ? `${a}:${tp.port}` : a);
      }
      eps = addrs.length ? addrs.slice(0, 3).join(',') + (addrs.length > 3 ? ` + ${addrs.length - 3} more...` : '') : '';
    }
    return `${b.service.name}:${port} (${eps})`;
  };
  w.write(0, `Default backend:\t${s.defaultBackend ? backend(s.defaultBackend) : '<default>'}\n`);
  if (s.tls?.length) {
    w.write(0, 'TLS:\n');
    for (const t of s.tls) w.write(1, `${t.secretName ?? ''} terminates ${(t.hosts ?? []).join(',')}\n`);
  }
  w.write(0, 'Rules:\n');
  w.write(1, 'Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  for (const r of s.rules ?? []) {
    w.write(1, `${r.host || '*'}\t\n`);
    for (const p of r.http?.paths ?? []) w.write(2, `\t${p.path ?? ''} \t${backend(p.backend)}\n`);
  }
  annotations(w, ing.metadata.annotations);
  events(w, ctx, ing);
  return w.toString();
}

/** describe namespace. */
export function describeNamespace(ns: Obj, ctx: DescribeContext): string {
  const w = new Writer();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  mapLines(w, 'Labels', ns.metadata.labels);
  annotations(w, ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? 'Active'}\n`);
  w.write(0, '\nNo resource quota.\n');
  w.write(0, '\nNo LimitRange resource.\n');
  void ctx;
  return w.toString();
}

/** describe configmap. */
export function describeConfigMap(cm: Obj, ctx: DescribeContext): string {
  const w = new Writer();
  w.write(0, `Name:\t${cm.metadata.name}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace}\n`);
  mapLines(w, 'Labels', cm.metadata.labels);
  annotations(w, cm.metadata.annotations);
  w.write(0, '\nData\n====\n');
  for (const k of Object.keys(cm.data ?? {}).sort()) w.write(0, `${k}:\n----\n${cm.data[k]}\n\n`);
  w.write(0, '\nBinaryData\n====\n');
  for (const k of Object.keys(cm.binaryData ?? {}).sort()) w.write(0, `${k}: ${atob(cm.binaryData[k]).length} bytes\n`);
  w.write(0, '\n');
  events(w, ctx, cm);
  return w.toString();
}

/** describe secret. */
export function describeSecret(sec: Obj, ctx: DescribeContext): string {
  const w = new Writer();
  w.write(0, `Name:\t${sec.metadata.name}\n`);
  w.write(0, `Namespace:\t${sec.metadata.namespace}\n`);
  mapLines(w, 'Labels', sec.metadata.labels);
  annotations(w, sec.metadata.annotations);
  w.write(0, `\nType:\t${sec.type ?? 'Opaque'}\n`);
  w.write(0, '\nData\n====\n');
  for (const k of Object.keys(sec.data ?? {}).sort()) w.write(0, `${k}:\t${atob(sec.data[k]).length} bytes\n`);
  void ctx;
  return w.toString();
}

/** describe serviceaccount. */
export function describeServiceAccount(sa: Obj, ctx: DescribeContext): string {
  const w = new Writer();
  w.write(0, `Name:\t${sa.metadata.name}\n`);
  w.write(0, `Namespace:\t${sa.metadata.namespace}\n`);
  mapLines(w, 'Labels', sa.metadata.labels);
  annotations(w, sa.metadata.annotations);
  w.write(0, `Image pull secrets:\t${(sa.imagePullSecrets ?? []).map((s: Obj) => s.name).join(', ') || '<none>'}\n`);
  w.write(0, `Mountable secrets:\t<none>\n`);
  w.write(0, `Tokens:\t<none>\n`);
  events(w, ctx, sa);
  return w.toString();
}

/** describe storageclass. */
export function describeStorageClass(sc: Obj, ctx: DescribeContext): string {
  const w = new Writer();
  w.write(0, `Name:\t${sc.metadata.name}\n`);
  w.write(0, `IsDefaultClass:\t${sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true' ? 'Yes' : 'No'}\n`);
  annotations(w, sc.metadata.annotations);
  w.write(0, `Provisioner:\t${sc.provisioner}\n`);
  w.write(0, `Parameters:\t${Object.entries<string>(sc.parameters ?? {}).map(([k, v]) => `${k}=${v}`).join(',') || '<none>'}\n`);
  w.write(0, `AllowVolumeExpansion:\t${sc.allowVolumeExpansion === undefined ? '<unset>' : String(sc.allowVolumeExpansion)}\n`);
  w.write(0, `MountOptions:\t${(sc.mountOptions ?? []).join(', ') || '<none>'}\n`);
  w.write(0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
  w.write(0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
  events(w, ctx, sc);
  return w.toString();
}

/** describe poddisruptionbudget (describePodDisruptionBudgetV1): no labels or annotations, the status at level 2. */
export function describePodDisruptionBudget(pdb: Obj, ctx: DescribeContext): string {
  const w = new Writer();
  w.write(0, `Name:\t${pdb.metadata.name}\n`);
  w.write(0, `Namespace:\t${pdb.metadata.namespace}\n`);
  if (pdb.spec?.minAvailable !== undefined) w.write(0, `Min available:\t${pdb.spec.minAvailable}\n`);
  else if (pdb.spec?.maxUnavailable !== undefined) w.write(0, `Max unavailable:\t${pdb.spec.maxUnavailable}\n`);
  w.write(0, `Selector:\t${pdb.spec?.selector ? formatLabelSelector(pdb.spec.selector) : '<unset>'}\n`);
  const st = pdb.status ?? {};
  w.write(0, 'Status:\n');
  w.write(2, `Allowed disruptions:\t${st.disruptionsAllowed ?? 0}\n`);
  w.write(2, `Current:\t${st.currentHealthy ?? 0}\n`);
  w.write(2, `Desired:\t${st.desiredHealthy ?? 0}\n`);
  w.write(2, `Total:\t${st.expectedPods ?? 0}\n`);
  events(w, ctx, pdb);
  return w.toString();
}

/** describe endpoints. */
export function describeEndpoints(ep: Obj, ctx: DescribeContext): string {
  const w = new Writer();
  w.write(0, `Name:\t${ep.metadata.name}\n`);
  w.write(0, `Namespace:\t${ep.metadata.namespace}\n`);
  mapLines(w, 'Labels', ep.metadata.labels);
  annotations(w, ep.metadata.annotations);
  w.write(0, 'Subsets:\n');
  for (const s of ep.subsets ?? []) {
    w.write(1, `Addresses:\t${(s.addresses ?? []).map((a: Obj) => a.ip).join(',') || '<none>'}\n`);
    w.write(1, `NotReadyAddresses:\t${(s.notReadyAddresses ?? []).map((a: Obj) => a.ip).join(',') || '<none>'}\n`);
    if (s.ports?.length) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const p of s.ports) w.write(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol}\n`);
    }
    w.write(0, '\n');
  }
  events(w, ctx, ep);
  return w.toString();
}

/** describe endpointslice (describe.go describeEndpointSliceV1). */
export function describeEndpointSlice(eps: Obj, ctx: DescribeContext): string {
  const w = new Writer();
  w.write(0, `Name:\t${eps.metadata.name}\n`);
  w.write(0, `Namespace:\t${eps.metadata.namespace}\n`);
  mapLines(w, 'Labels', eps.metadata.labels);
  annotations(w, eps.metadata.annotations);
  w.write(0, `AddressType:\t${eps.addressType}\n`);
  if (!eps.ports?.length) w.write(0, 'Ports: <unset>\n');
  else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const p of eps.ports) w.write(1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol}\n`);
  }
  if (!eps.endpoints?.length) w.write(0, 'Endpoints: <none>\n');
  else {
    w.write(0, 'Endpoints:\n');
    for (const e of eps.endpoints) {
      w.write(1, `- Addresses:\t${(e.addresses ?? []).join(', ') || '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      w.write(3, `Ready:\t${e.conditions?.ready ?? '<unset>'}\n`);
      w.write(2, `Hostname:\t${e.hostname ?? '<unset>'}\n`);
      if (e.targetRef) w.write(2, `TargetRef:\t${e.targetRef.kind}/${e.targetRef.name}\n`);
      w.write(2, `NodeName:\t${e.nodeName ?? '<unset>'}\n`);
      w.write(2, `Zone:\t${e.zone ?? '<unset>'}\n`);
    }
  }
  events(w, ctx, eps);
  return w.toString();
}

/** Generic describer for kinds without a dedicated one. */
function describeGeneric(o: Obj, ctx: DescribeContext): string {
  const w = new Writer();
  w.write(0, `Name:\t${o.metadata.name}\n`);
  if (o.metadata.namespace) w.write(0, `Namespace:\t${o.metadata.namespace}\n`);
  mapLines(w, 'Labels', o.metadata.labels);
  annotations(w, o.metadata.annotations);
  w.write(0, `API Version:\t${o.apiVersion}\n`);
  w.write(0, `Kind:\t${o.kind}\n`);
  events(w, ctx, o);
  return w.toString();
}

/** The describe text of any object. */
export function describe(o: Obj, ctx: DescribeContext): string {
  switch (o.kind) {
    case 'Pod':
      return describePod(o, ctx);
    case 'Node':
      return describeNode(o, ctx);
    case 'Deployment':
      return describeDeployment(o, ctx);
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
      return describeWorkload(o, ctx);
    case 'Service':
      return describeService(o, ctx);
    case 'PersistentVolume':
      return describePV(o, ctx);
    case 'PersistentVolumeClaim':
      return describePVC(o, ctx);
    case 'Ingress':
      return describeIngress(o, ctx);
    case 'Namespace':
      return describeNamespace(o, ctx);
    case 'ConfigMap':
      return describeConfigMap(o, ctx);
    case 'Secret':
      return describeSecret(o, ctx);
    case 'ServiceAccount':
      return describeServiceAccount(o, ctx);
    case 'StorageClass':
      return describeStorageClass(o, ctx);
    case 'PodDisruptionBudget':
      return describePodDisruptionBudget(o, ctx);
    case 'Endpoints':
      return describeEndpoints(o, ctx);
    case 'EndpointSlice':
      return describeEndpointSlice(o, ctx);
    default:
      return describeGeneric(o, ctx);
  }
}
