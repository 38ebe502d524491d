/**
 * `kubectl explain RESOURCE[.field…]` over the simulator's field tree, in the layout of kubectl's
 * OpenAPI v3 plaintext template (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl),
 * with the API's own descriptions and enums (api/explain-docs.json, copied from the upstream spec).
 */
import DOCS from '../../api/explain-docs.json' with { type: 'json' };
import { resolveResource } from '../../api/kinds.ts';
import { fieldsOf, type FieldDef } from '../../api/schema.ts';
import { fail, type Kctx } from './context.ts';
import { bool, type FlagSpec } from './flags.ts';
import { noResourceType } from './errors.ts';
import { wrapString } from './wordwrap.ts';

export const EXPLAIN_FLAGS: FlagSpec[] = [
  { name: 'recursive', type: 'bool' },
  { name: 'api-version', type: 'string' },
  { name: 'output', short: 'o', type: 'string' },
];

interface FieldDoc {
  description: string;
  enum?: string[];
}

const TYPE_DOCS: Record<string, string> = DOCS.types;
const FIELD_DOCS: Record<string, FieldDoc> = DOCS.fields;

/**
 * The template's `wrap N | indent M`. Since kubectl v1.32 (kubernetes#126533) wrap first deletes
 * every line break of the text ("realign all line breaks"), so paragraphs and the parts of a
 * description run together; indent pads every line.
 */
function wrapIndent(text: string, width: number, indent: number): string {
  const pad = ' '.repeat(indent);
  return pad + wrapString(text.replaceAll('\n', ''), width).replaceAll('\n', `\n${pad}`);
}

/** extractEnum: `enum: a, b, c, d, ....` under a field in a list (four at most), `ENUM:` and one per line for the explained field. */
function enumText(values: string[] | undefined, long: boolean, indent = 0): string {
  if (!values?.length) return '';
  const shown = values.map((v) => (v === '' ? '""' : v));
  if (long) return `ENUM:${shown.map((v) => `\n    ${v}`).join('')}`;
  return `\n${' '.repeat(indent)}enum: ${shown.slice(0, 4).join(', ')}${shown.length > 4 ? ', ....' : ''}`;
}

/** The OpenAPI type names of fields the schema keeps free-form ('*'), as explain shows them. */
const FREE_TYPES: Record<string, string> = {
  allowedTopologies: '[]TopologySelectorTerm', awsElasticBlockStore: 'AWSElasticBlockStoreVolumeSource',
  azureDisk: 'AzureDiskVolumeSource', azureFile: 'AzureFileVolumeSource', cephfs: 'CephFSVolumeSource',
  cinder: 'CinderVolumeSource', claimRef: 'ObjectReference', claims: '[]ResourceClaim',
  configSource: 'NodeConfigSource', csi: 'CSIVolumeSource', dataSource: 'TypedLocalObjectReference',
  dataSourceRef: 'TypedObjectReference', dnsConfig: 'PodDNSConfig', downwardAPI: 'DownwardAPIVolumeSource',
  endpoints: '[]Endpoint', ephemeral: 'EphemeralVolumeSource', ephemeralContainers: '[]EphemeralContainer',
  eventTime: 'string', fc: 'FCVolumeSource', fileKeyRef: 'FileKeySelector', flexVolume: 'FlexVolumeSource',
  flocker: 'FlockerVolumeSource', gcePersistentDisk: 'GCEPersistentDiskVolumeSource',
  gitRepo: 'GitRepoVolumeSource', glusterfs: 'GlusterfsVolumeSource', hostAliases: '[]HostAlias',
  image: 'ImageVolumeSource', imagePullSecrets: '[]LocalObjectReference', involvedObject: 'ObjectReference',
  iscsi: 'ISCSIVolumeSource', managedFields: '[]ManagedFieldsEntry', nodeAffinity: 'VolumeNodeAffinity',
  ordinals: 'StatefulSetOrdinals', os: 'PodOS', overhead: 'map[string]Quantity',
  parameters: 'IngressClassParametersReference',
  persistentVolumeClaimRetentionPolicy: 'StatefulSetPersistentVolumeClaimRetentionPolicy',
  photonPersistentDisk: 'PhotonPersistentDiskVolumeSource', podFailurePolicy: 'PodFailurePolicy',
  ports: '[]EndpointPort', portworxVolume: 'PortworxVolumeSource', projected: 'ProjectedVolumeSource',
  quobyte: 'QuobyteVolumeSource', rbd: 'RBDVolumeSource', readinessGates: '[]PodReadinessGate',
  related: 'ObjectReference', resizePolicy: '[]ContainerResizePolicy', resource: 'TypedLocalObjectReference',
  resourceClaims: '[]PodResourceClaim', resources: 'ResourceRequirements', scaleIO: 'ScaleIOVolumeSource',
  schedulingGates: '[]PodSchedulingGate', secrets: '[]ObjectReference', series: 'EventSeries',
  sessionAffinityConfig: 'SessionAffinityConfig', source: 'EventSource', storageos: 'StorageOSVolumeSource',
  subsets: '[]EndpointSubset', successPolicy: 'SuccessPolicy', volumeDevices: '[]VolumeDevice',
  vsphereVolume: 'VsphereVirtualDiskVolumeSource',
};

/** typeGuess: a referenced object type by name; `Time` is a string in the spec, so explain says string. A kind's free-form status is its KindStatus. */
function typeLabel(t: string, name = '', owner = ''): string {
  const label = t !== '*' ? t : name === 'status' && owner ? `${owner}Status` : (FREE_TYPES[name] ?? 'Object');
  return label.replace(/\bTime$/, 'string');
}

function elementType(t: string): string {
  if (t.startsWith('[]')) return t.slice(2);
  if (t.startsWith('map[string]')) return t.slice(11);
  return t;
}

/** The description a field's own continues with: that of the type it refers to (its element type for lists and maps). */
function referencedTypeDoc(d: FieldDef, owner: string): string | undefined {
  return TYPE_DOCS[elementType(d.type === '*' ? typeLabel('*', d.name, owner) : d.type)];
}

/** `kubectl explain`: a kind or one of its fields, its description and its fields (or the whole tree with --recursive). */
export function explain(k: Kctx): void {
  const arg = k.p.args[0];
  if (!arg) {
    k.err += "You must specify the type of resource to explain. Use \"kubectl api-resources\" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl explain -h' for help and examples\n";
    k.code = 1;
    return;
  }
  const [res, ...path] = arg.split('.');
  const r = resolveResource(res);
  if (!r) return fail(k, noResourceType(res));
  let type = r.kind;
  let field: FieldDef | undefined;
  let owner = r.kind;
  for (const p of path) {
    const defs = fieldsOf(elementType(type));
    const f = defs?.find((d) => d.name === p);
    if (!f) return fail(k, `field "${p}" does not exist`);
    owner = elementType(type);
    field = f;
    type = f.type;
  }
  let text = '';
  if (r.group) text += `GROUP:      ${r.group}\n`;
  text += `KIND:       ${r.kind}\nVERSION:    ${r.version}\n\n`;
  const parts: string[] = [];
  if (field) {
    const doc = FIELD_DOCS[`${owner}.${field.name}`];
    text += `FIELD: ${field.name} <${typeLabel(field.type, field.name, owner)}>\n${enumText(doc?.enum, true)}\n\n`;
    if (doc) parts.push(doc.description);
    const typeDoc = referencedTypeDoc(field, owner);
    if (typeDoc) parts.push(typeDoc);
  } else if (TYPE_DOCS[r.kind]) parts.push(TYPE_DOCS[r.kind]);
  // The template ends each part with a line break, which wrap then deletes with the others.
  text += `DESCRIPTION:\n${wrapIndent(parts.length ? parts.join('') : '<empty>', 76, 4)}\n`;
  const defs = fieldsOf(elementType(type));
  if (defs) {
    text += 'FIELDS:\n';
    const recursive = bool(k.p, 'recursive');
    const walk = (list: FieldDef[], ownerType: string, level: number, seen: string[]) => {
      const indent = level * 2;
      for (const d of list) {
        const doc = FIELD_DOCS[`${ownerType}.${d.name}`];
        text += `${' '.repeat(indent)}${d.name}\t<${typeLabel(d.type, d.name, ownerType)}>${d.required ? ' -required-' : ''}${enumText(doc?.enum, false, indent)}\n`;
        if (recursive) {
          const elem = elementType(d.type);
          const inner = fieldsOf(elem);
          if (inner && !seen.includes(elem)) walk(inner, elem, level + 1, [...seen, elem]);
        } else text += `${wrapIndent(doc?.description ?? '<no description>', 78 - indent, indent + 2)}\n\n`;
      }
    };
    walk(defs, elementType(type), 1, [elementType(type)]);
  }
  k.out += text;
}
