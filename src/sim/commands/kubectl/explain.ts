/** `kubectl explain RESOURCE[.field…]` over the simulator's field tree, in the openapi v3 plaintext layout. */
import { resolveResource } from '../../api/kinds.ts';
import { fieldsOf, type FieldDef } from '../../api/schema.ts';
import { fail, type Kctx } from './context.ts';
import { bool, type FlagSpec } from './flags.ts';

export const EXPLAIN_FLAGS: FlagSpec[] = [
  { name: 'recursive', type: 'bool' },
  { name: 'api-version', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
];

/** Short descriptions for the types and fields the chapters explain (from the API's Go doc comments). */
const DESCRIPTIONS: Record<string, string> = {
  Pod: 'Pod is a collection of containers that can run on a host. This resource is created by clients and scheduled onto hosts.',
  Deployment: 'Deployment enables declarative updates for Pods and ReplicaSets.',
  Service:
    'Service is a named abstraction of software service (for example, mysql) consisting of local port (for example 3306) that the proxy listens on, and the selector that determines which pods will answer requests sent through the proxy.',
  PersistentVolume:
    'PersistentVolume (PV) is a storage resource provisioned by an administrator. It is analogous to a node. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes',
  PersistentVolumeClaim: "PersistentVolumeClaim is a user's request for and claim to a persistent volume",
  Ingress:
    'Ingress is a collection of rules that allow inbound connections to reach the endpoints defined by a backend. An Ingress can be configured to give services externally-reachable urls, load balance traffic, terminate SSL, offer name based virtual hosting etc.',
  'Pod.spec': 'Specification of the desired behavior of the pod. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status\nPodSpec is a description of a pod.',
  'Pod.spec.volumes':
    'List of volumes that can be mounted by containers belonging to the pod. More info: https://kubernetes.io/docs/concepts/storage/volumes\nVolume represents a named volume in a pod that may be accessed by any container in the pod.',
  'PersistentVolume.spec':
    'spec defines a specification of a persistent volume owned by the cluster. Provisioned by an administrator. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistent-volumes\nPersistentVolumeSpec is the specification of a persistent volume.',
  'PersistentVolumeClaim.spec':
    'spec defines the desired characteristics of a volume requested by a pod author. More info: https://kubernetes.io/docs/concepts/storage/persistent-volumes#persistentvolumeclaims\nPersistentVolumeClaimSpec describes the common attributes of storage devices and allows a Source for provider-specific attributes',
  'Ingress.spec':
    'spec is the desired state of the Ingress. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-status\nIngressSpec describes the Ingress the user wishes to exist.',
  'Deployment.spec.replicas': 'Number of desired pods. This is a pointer to distinguish between explicit zero and not specified. Defaults to 1.',
  apiVersion:
    'APIVersion defines the versioned schema of this representation of an object. Servers should convert recognized schemas to the latest internal value, and may reject unrecognized values. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources',
  kind: 'Kind is a string value representing the REST resource this object represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. In CamelCase. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds',
  metadata: "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
};

/** Wraps text at 80 columns with an indent, as the plaintext template's wrap helper does. */
function wrap(text: string, indent: number): string {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      if (line && pad.length + line.length + 1 + word.length > 80) {
        out.push(pad + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(pad + line);
  }
  return out.join('\n') + '\n';
}

/** The OpenAPI type names of fields the schema keeps free-form ('*'), as explain shows them. */
const FREE_TYPES: Record<string, string> = {
  affinity: 'Affinity', awsElasticBlockStore: 'AWSElasticBlockStoreVolumeSource', azureDisk: 'AzureDiskVolumeSource',
  azureFile: 'AzureFileVolumeSource', cephfs: 'CephFSVolumeSource', cinder: 'CinderVolumeSource', claimRef: 'ObjectReference',
  configMap: 'ConfigMapVolumeSource', csi: 'CSIVolumeSource', dataSource: 'TypedLocalObjectReference',
  dataSourceRef: 'TypedObjectReference', dnsConfig: 'PodDNSConfig', downwardAPI: 'DownwardAPIVolumeSource',
  envFrom: '[]EnvFromSource', ephemeral: 'EphemeralVolumeSource', ephemeralContainers: '[]EphemeralContainer',
  fc: 'FCVolumeSource', flexVolume: 'FlexVolumeSource', flocker: 'FlockerVolumeSource',
  gcePersistentDisk: 'GCEPersistentDiskVolumeSource', gitRepo: 'GitRepoVolumeSource', glusterfs: 'GlusterfsVolumeSource',
  hostAliases: '[]HostAlias', image: 'ImageVolumeSource', iscsi: 'ISCSIVolumeSource', lifecycle: 'Lifecycle',
  livenessProbe: 'Probe', nodeAffinity: 'VolumeNodeAffinity', os: 'PodOS', overhead: 'map[string]Quantity',
  photonPersistentDisk: 'PhotonPersistentDiskVolumeSource', portworxVolume: 'PortworxVolumeSource',
  projected: 'ProjectedVolumeSource', quobyte: 'QuobyteVolumeSource', rbd: 'RBDVolumeSource', readinessGates: '[]PodReadinessGate',
  readinessProbe: 'Probe', resizePolicy: '[]ContainerResizePolicy', resourceClaims: '[]PodResourceClaim',
  resources: 'ResourceRequirements', scaleIO: 'ScaleIOVolumeSource', schedulingGates: '[]PodSchedulingGate',
  secret: 'SecretVolumeSource', securityContext: 'SecurityContext', startupProbe: 'Probe', storageos: 'StorageOSVolumeSource',
  strategy: 'DeploymentStrategy', topologySpreadConstraints: '[]TopologySpreadConstraint', updateStrategy: 'UpdateStrategy',
  valueFrom: 'EnvVarSource', volumeDevices: '[]VolumeDevice', vsphereVolume: 'VsphereVirtualDiskVolumeSource',
};

function typeLabel(t: string, name = ''): string {
  return t === '*' ? (FREE_TYPES[name] ?? 'Object') : t;
}

function elementType(t: string): string {
  if (t.startsWith('[]')) return t.slice(2);
  if (t.startsWith('map[string]')) return t.slice(11);
  return t;
}

export function explain(k: Kctx): void {
  const arg = k.p.args[0];
  if (!arg) {
    k.err += "You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl explain -h' for help and examples\n";
    k.code = 1;
    return;
  }
  const [res, ...path] = arg.split('.');
  const r = resolveResource(res);
  if (!r) return fail(k, `the server doesn't have a resource type "${res}"`);
  let type = r.kind;
  let field: FieldDef | undefined;
  const key = [r.kind];
  for (const p of path) {
    const defs = fieldsOf(elementType(type));
    const f = defs?.find((d) => d.name === p);
    if (!f) return fail(k, `field "${p}" does not exist`);
    field = f;
    type = f.type;
    key.push(p);
  }
  let text = '';
  if (r.group) text += `GROUP:      ${r.group}\n`;
  text += `KIND:       ${r.kind}\nVERSION:    ${r.version}\n\n`;
  if (field) text += `FIELD: ${field.name} <${typeLabel(field.type, field.name)}>${field.required ? ' -required-' : ''}\n\n`;
  const desc = DESCRIPTIONS[key.join('.')] ?? (field ? DESCRIPTIONS[field.name] : undefined) ?? (path.length === 0 ? DESCRIPTIONS[r.kind] : undefined);
  text += `DESCRIPTION:\n${desc ? wrap(desc, 4) : '    <empty>\n'}    \n`;
  const defs = fieldsOf(elementType(type));
  if (defs) {
    text += 'FIELDS:\n';
    const recursive = bool(k.p, 'recursive');
    const walk = (list: FieldDef[], depth: number, seen: string[]) => {
      for (const d of list) {
        text += `${'  '.repeat(depth + 1)}${d.name}\t<${typeLabel(d.type, d.name)}>${d.required ? ' -required-' : ''}\n`;
        if (recursive) {
          const inner = fieldsOf(elementType(d.type));
          if (inner && !seen.includes(elementType(d.type))) walk(inner, depth + 1, [...seen, elementType(d.type)]);
        } else {
          const dd = DESCRIPTIONS[[...key, d.name].join('.')] ?? DESCRIPTIONS[d.name];
          // The simulator keeps descriptions only for the fields the chapters explain.
          if (dd) text += wrap(dd, 4) + '\n';
        }
      }
    };
    walk(defs, 0, [elementType(type)]);
  }
  k.out += text;
}
