/**
 * Defaulting and admission the API server applies on create: the values `kubectl get -o yaml`
 * shows that nobody wrote (pkg/apis/<group>/v1/defaults.go, the ServiceAccount admission plugin,
 * the service IP and node port allocators).
 */
import type { Obj, Store } from './store.ts';

/** Whether an image reference has no tag or the `latest` tag (imagePullPolicy Always). */
export function isLatest(image: string): boolean {
  if (image.includes('@')) return false;
  const last = image.slice(image.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return colon < 0 || last.slice(colon + 1) === 'latest';
}

function defaultContainer(c: Obj): void {
  if (!c || typeof c !== 'object') return;
  c.imagePullPolicy ??= isLatest(String(c.image ?? '')) ? 'Always' : 'IfNotPresent';
  c.resources ??= {};
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  for (const p of Array.isArray(c.ports) ? c.ports : []) p.protocol ??= 'TCP';
}

/** Pod spec defaults shared by pods and templates. */
export function defaultPodSpec(spec: Obj): void {
  if (!spec || typeof spec !== 'object') return;
  for (const c of Array.isArray(spec.containers) ? spec.containers : []) defaultContainer(c);
  for (const c of Array.isArray(spec.initContainers) ? spec.initContainers : []) defaultContainer(c);
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.restartPolicy ??= 'Always';
  spec.schedulerName ??= 'default-scheduler';
  spec.securityContext ??= {};
  spec.terminationGracePeriodSeconds ??= 30;
  for (const v of Array.isArray(spec.volumes) ? spec.volumes : []) {
    if (v?.hostPath) v.hostPath.type ??= '';
    if (v?.configMap) v.configMap.defaultMode ??= 420;
    if (v?.secret) v.secret.defaultMode ??= 420;
  }
}

function defaultTemplate(spec: Obj): void {
  if (spec?.template?.spec) defaultPodSpec(spec.template.spec);
}

/** Pod-only admission: service account token volume, tolerations, priority. */
function admitPod(pod: Obj, store: Store, create: boolean): void {
  const spec = pod.spec;
  defaultPodSpec(spec);
  spec.enableServiceLinks ??= true;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
  spec.priority ??= 0;
  const mirror = pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined;
  // Admission (service account token, default tolerations) runs on create only.
  if (!mirror && create) {
    spec.serviceAccountName ??= spec.serviceAccount ?? 'default';
    spec.serviceAccount ??= spec.serviceAccountName;
    spec.tolerations ??= [];
    for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'])
      if (!spec.tolerations.some((t: Obj) => t.key === key && t.effect === 'NoExecute'))
        spec.tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
    if (spec.automountServiceAccountToken !== false) {
      const vol = `kube-api-access-${store.rng.suffix(5)}`;
      spec.volumes ??= [];
      spec.volumes.push({
        name: vol,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
            { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
          ],
        },
      });
      for (const c of spec.containers ?? []) {
        c.volumeMounts ??= [];
        c.volumeMounts.push({ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: vol, readOnly: true });
      }
    }
  }
  // The server ignores status on create.
  if (!pod.status?.phase) pod.status = { phase: 'Pending', qosClass: qosClass(spec) };
}

/** The pod's QoS class from its containers' requests and limits. */
export function qosClass(spec: Obj): string {
  const cs: Obj[] = spec?.containers ?? [];
  let any = false;
  let guaranteed = true;
  for (const c of cs) {
    const r = c.resources ?? {};
    if (Object.keys(r.requests ?? {}).length || Object.keys(r.limits ?? {}).length) any = true;
    for (const k of ['cpu', 'memory']) {
      const lim = r.limits?.[k];
      const req = r.requests?.[k] ?? lim;
      if (lim === undefined || String(req) !== String(lim)) guaranteed = false;
    }
  }
  if (!any) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function allocateClusterIP(store: Store): string {
  const used = new Set(store.list('Service').map((s) => s.spec?.clusterIP));
  for (;;) {
    const ip = `10.${96 + Math.floor(store.rng.next() * 16)}.${Math.floor(store.rng.next() * 256)}.${1 + Math.floor(store.rng.next() * 254)}`;
    if (!used.has(ip) && !ip.startsWith('10.96.0.')) return ip;
  }
}

function allocateNodePort(store: Store): number {
  const used = new Set(store.list('Service').flatMap((s) => (s.spec?.ports ?? []).map((p: Obj) => p.nodePort)));
  for (;;) {
    const port = 30000 + Math.floor(store.rng.next() * 2768);
    if (!used.has(port)) return port;
  }
}

function base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** batch/v1 SetDefaults_Job: one completion, one pod at a time, six retries. */
export function defaultJobSpec(spec: Obj): void {
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= 'TerminatingOrFailed';
  defaultTemplate(spec);
}

/** Applies the defaults of the object's kind in place before it is stored. */
export function applyDefaults(obj: Obj, store: Store, create = true): void {
  const spec = obj.spec;
  switch (obj.kind) {
    case 'Pod':
      admitPod(obj, store, create);
      break;
    case 'Deployment':
      spec.replicas ??= 1;
      spec.revisionHistoryLimit ??= 10;
      spec.progressDeadlineSeconds ??= 600;
      spec.strategy ??= {};
      spec.strategy.type ??= 'RollingUpdate';
      if (spec.strategy.type === 'RollingUpdate') {
        spec.strategy.rollingUpdate ??= {};
        spec.strategy.rollingUpdate.maxSurge ??= '25%';
        spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
      }
      defaultTemplate(spec);
      obj.status ??= {};
      break;
    case 'Job':
      defaultJobSpec(spec);
      obj.status ??= {};
      break;
    case 'CronJob':
      // batch/v1 SetDefaults_CronJob.
      spec.concurrencyPolicy ??= 'Allow';
      spec.suspend ??= false;
      spec.successfulJobsHistoryLimit ??= 3;
      spec.failedJobsHistoryLimit ??= 1;
      if (spec.jobTemplate?.spec) defaultTemplate(spec.jobTemplate.spec);
      obj.status ??= {};
      break;
    case 'ReplicaSet':
      spec.replicas ??= 1;
      defaultTemplate(spec);
      obj.status ??= { replicas: 0 };
      break;
    case 'DaemonSet':
      spec.revisionHistoryLimit ??= 10;
      spec.updateStrategy ??= {};
      spec.updateStrategy.type ??= 'RollingUpdate';
      if (spec.updateStrategy.type === 'RollingUpdate') {
        spec.updateStrategy.rollingUpdate ??= {};
        spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
        spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
      }
      defaultTemplate(spec);
      obj.status ??= { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
      break;
    case 'StatefulSet':
      spec.replicas ??= 1;
      spec.podManagementPolicy ??= 'OrderedReady';
      spec.revisionHistoryLimit ??= 10;
      spec.updateStrategy ??= {};
      spec.updateStrategy.type ??= 'RollingUpdate';
      if (spec.updateStrategy.type === 'RollingUpdate') {
        spec.updateStrategy.rollingUpdate ??= {};
        spec.updateStrategy.rollingUpdate.partition ??= 0;
      }
      spec.persistentVolumeClaimRetentionPolicy ??= { whenDeleted: 'Retain', whenScaled: 'Retain' };
      defaultTemplate(spec);
      obj.status ??= { replicas: 0, availableReplicas: 0 };
      break;
    case 'Service': {
      spec.type ??= 'ClusterIP';
      spec.sessionAffinity ??= 'None';
      if (spec.type !== 'ExternalName') {
        if (spec.clusterIP === undefined || spec.clusterIP === '') spec.clusterIP = allocateClusterIP(store);
        spec.clusterIPs ??= [spec.clusterIP];
        spec.internalTrafficPolicy ??= 'Cluster';
        spec.ipFamilies ??= ['IPv4'];
        spec.ipFamilyPolicy ??= 'SingleStack';
      }
      for (const p of spec.ports ?? []) {
        p.protocol ??= 'TCP';
        p.targetPort ??= p.port;
        if ((spec.type === 'NodePort' || spec.type === 'LoadBalancer') && p.nodePort === undefined) p.nodePort = allocateNodePort(store);
      }
      if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
      if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
      obj.status ??= { loadBalancer: {} };
      break;
    }
    case 'Namespace':
      obj.metadata.labels = { ...(obj.metadata.labels ?? {}), 'kubernetes.io/metadata.name': obj.metadata.name };
      obj.spec = { finalizers: ['kubernetes'], ...(spec ?? {}) };
      obj.status = { phase: 'Active' };
      break;
    case 'Secret':
      obj.type ??= 'Opaque';
      if (obj.stringData) {
        obj.data = { ...(obj.data ?? {}) };
        for (const [k, v] of Object.entries(obj.stringData)) obj.data[k] = base64(String(v));
        delete obj.stringData;
      }
      break;
    case 'PersistentVolume':
      spec.persistentVolumeReclaimPolicy ??= 'Retain';
      spec.volumeMode ??= 'Filesystem';
      if (spec.hostPath) spec.hostPath.type ??= '';
      obj.status ??= { phase: 'Pending' };
      break;
    case 'PersistentVolumeClaim': {
      spec.volumeMode ??= 'Filesystem';
      if (spec.storageClassName === undefined) {
        const def = store
          .list('StorageClass')
          .find((sc) => sc.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true');
        if (def) spec.storageClassName = def.metadata.name;
      }
      obj.status ??= { phase: 'Pending' };
      break;
    }
    case 'StorageClass':
      obj.reclaimPolicy ??= 'Delete';
      obj.volumeBindingMode ??= 'Immediate';
      break;
    case 'Ingress':
      for (const r of spec?.rules ?? []) for (const p of r.http?.paths ?? []) p.path ??= p.pathType === 'ImplementationSpecific' ? undefined : '/';
      obj.status ??= { loadBalancer: {} };
      break;
  }
}
