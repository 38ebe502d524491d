/**
 * What kube-apiserver rejects, with its wording: strict decoding (unknown fields, wrong
 * types) and field validation (required values, names, enums) as `field.ErrorList` prints.
 */
import { fieldsOf, isObjectType } from './schema.ts';
import type { Obj } from './store.ts';

/** One `field.Error` (k8s.io/apimachinery/pkg/util/validation/field/errors.go). */
export interface FieldError {
  field: string;
  type: 'Required' | 'Invalid' | 'Unsupported' | 'Forbidden' | 'Duplicate' | 'NotFound';
  value?: unknown;
  detail?: string;
  supported?: string[];
}

/** Formats a field error the way field.Error.Error() does. */
export function formatFieldError(e: FieldError): string {
  switch (e.type) {
    case 'Required':
      return `${e.field}: Required value${e.detail ? `: ${e.detail}` : ''}`;
    case 'Forbidden':
      return `${e.field}: Forbidden${e.detail ? `: ${e.detail}` : ''}`;
    case 'Unsupported':
      return `${e.field}: Unsupported value: ${goValue(e.value)}: supported values: ${(e.supported ?? []).map((s) => `"${s}"`).join(', ')}`;
    case 'Duplicate':
      return `${e.field}: Duplicate value: ${goValue(e.value)}`;
    case 'NotFound':
      return `${e.field}: Not found: ${goValue(e.value)}`;
    default:
      return `${e.field}: Invalid value: ${goValue(e.value)}${e.detail ? `: ${e.detail}` : ''}`;
  }
}

function goValue(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v);
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const entries = Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `map[string]string{${entries.map(([k, x]) => `${JSON.stringify(k)}:${JSON.stringify(x)}`).join(', ')}}`;
  }
  return String(v);
}

export { checkDns1035, checkLabel, checkSubdomain } from './name-rules.ts';
import { checkDns1035, checkLabel, checkSubdomain, isQualifiedName, isValidLabelValue } from './name-rules.ts';

/** The result of strict decoding: a message when the body cannot become the kind. */
export function strictDecode(obj: Obj, kind: string, version: string): string | undefined {
  const unknown: string[] = [];
  const typeErr = walk(obj, kind, '', kind, unknown);
  if (typeErr) return `${kind} in version "${version}" cannot be handled as a ${kind}: ${typeErr}`;
  if (unknown.length)
    return `${kind} in version "${version}" cannot be handled as a ${kind}: strict decoding error: ${unknown
      .map((u) => `unknown field "${u}"`)
      .join(', ')}`;
  return undefined;
}

function jsonTypeName(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  if (typeof v === 'object') return 'object';
  if (typeof v === 'boolean') return 'bool';
  return typeof v;
}

const GO_TYPE: Record<string, string> = { integer: 'int32', string: 'string', boolean: 'bool' };

/** Walks a value against a type; records unknown field paths; returns a type error message. */
function walk(value: unknown, type: string, path: string, parentType: string, unknown: string[]): string | undefined {
  if (value === null || value === undefined || type === '*' || type === 'Quantity' || type === 'IntOrString' || type === 'Time') {
    if (type === 'Quantity' && value !== null && value !== undefined && typeof value !== 'string' && typeof value !== 'number')
      return `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`;
    return undefined;
  }
  const goField = `Go struct field ${parentType}.${path.replace(/\[\d+\]/g, '')}`;
  if (type.startsWith('[]')) {
    if (!Array.isArray(value)) return `json: cannot unmarshal ${jsonTypeName(value)} into ${goField} of type ${goTypeOf(type)}`;
    for (let i = 0; i < value.length; i++) {
      const err = walk(value[i], type.slice(2), `${path}[${i}]`, parentType, unknown);
      if (err) return err;
    }
    return undefined;
  }
  if (type.startsWith('map[string]')) {
    if (typeof value !== 'object' || Array.isArray(value))
      return `json: cannot unmarshal ${jsonTypeName(value)} into ${goField} of type ${goTypeOf(type)}`;
    const inner = type.slice('map[string]'.length);
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (inner === 'string' && typeof v !== 'string')
        return `json: cannot unmarshal ${jsonTypeName(v)} into ${goField} of type string`;
      const err = walk(v, inner, `${path}.${k}`, parentType, unknown);
      if (err) return err;
    }
    return undefined;
  }
  if (isObjectType(type)) {
    if (typeof value !== 'object' || Array.isArray(value))
      return `json: cannot unmarshal ${jsonTypeName(value)} into ${goField} of type ${goTypeOf(type)}`;
    const defs = fieldsOf(type) ?? [];
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const def = defs.find((d) => d.name === k);
      const sub = path ? `${path}.${k}` : k;
      if (!def) {
        unknown.push(sub);
        continue;
      }
      const err = walk(v, def.type, sub, type, unknown);
      if (err) return err;
    }
    return undefined;
  }
  const want = type === 'integer' ? 'number' : type;
  if (typeof value !== want || (type === 'integer' && !Number.isInteger(value)))
    return `json: cannot unmarshal ${jsonTypeName(value)} into ${goField} of type ${goTypeOf(type)}`;
  return undefined;
}

function goTypeOf(type: string): string {
  if (type.startsWith('[]')) return `[]${goTypeOf(type.slice(2))}`;
  if (type.startsWith('map[string]')) return `map[string]${goTypeOf(type.slice(11))}`;
  return GO_TYPE[type] ?? `v1.${type}`;
}

const RESTART = ['Always', 'Never', 'OnFailure'];
const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

function isRecord(v: unknown): v is Record<string, any> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function validateName(obj: Obj, kind: string, errs: FieldError[]): void {
  const name = obj.metadata?.name;
  if (!name) {
    if (!obj.metadata?.generateName) errs.push({ field: 'metadata.name', type: 'Required', detail: 'name or generateName is required' });
    return;
  }
  const check = kind === 'Service' ? checkDns1035 : kind === 'Namespace' ? checkLabel : checkSubdomain;
  for (const msg of check(String(name))) errs.push({ field: 'metadata.name', type: 'Invalid', value: name, detail: msg });
}

function validatePodSpec(spec: any, base: string, errs: FieldError[]): void {
  if (!isRecord(spec)) {
    errs.push({ field: `${base}.containers`, type: 'Required' });
    return;
  }
  const containers = spec.containers;
  if (!Array.isArray(containers) || containers.length === 0) errs.push({ field: `${base}.containers`, type: 'Required' });
  else {
    const seen = new Set<string>();
    containers.forEach((c: any, i: number) => {
      const p = `${base}.containers[${i}]`;
      if (!c?.name) errs.push({ field: `${p}.name`, type: 'Required' });
      else {
        for (const msg of checkLabel(String(c.name))) errs.push({ field: `${p}.name`, type: 'Invalid', value: c.name, detail: msg });
        if (seen.has(c.name)) errs.push({ field: `${p}.name`, type: 'Duplicate', value: c.name });
        seen.add(c.name);
      }
      if (!c?.image) errs.push({ field: `${p}.image`, type: 'Required' });
      (Array.isArray(c?.ports) ? c.ports : []).forEach((port: any, j: number) => {
        const pp = `${p}.ports[${j}]`;
        if (port?.containerPort === undefined) errs.push({ field: `${pp}.containerPort`, type: 'Required' });
        else if (port.containerPort < 1 || port.containerPort > 65535)
          errs.push({ field: `${pp}.containerPort`, type: 'Invalid', value: port.containerPort, detail: 'must be between 1 and 65535, inclusive' });
        if (port?.protocol && !PROTOCOLS.includes(port.protocol))
          errs.push({ field: `${pp}.protocol`, type: 'Unsupported', value: port.protocol, supported: PROTOCOLS });
      });
      const volNames = new Set((Array.isArray(spec.volumes) ? spec.volumes : []).map((v: any) => v?.name));
      (Array.isArray(c?.volumeMounts) ? c.volumeMounts : []).forEach((m: any, j: number) => {
        if (m?.name && !volNames.has(m.name))
          errs.push({ field: `${p}.volumeMounts[${j}].name`, type: 'NotFound', value: m.name });
        if (!m?.mountPath) errs.push({ field: `${p}.volumeMounts[${j}].mountPath`, type: 'Required' });
      });
    });
  }
  if (spec.restartPolicy !== undefined && !RESTART.includes(spec.restartPolicy))
    errs.push({ field: `${base}.restartPolicy`, type: 'Unsupported', value: spec.restartPolicy, supported: RESTART });
}

function validateSelectorTemplate(spec: any, errs: FieldError[], needSelector = true): void {
  if (!isRecord(spec)) {
    errs.push({ field: 'spec.selector', type: 'Required' });
    return;
  }
  if (spec.replicas !== undefined && spec.replicas < 0)
    errs.push({ field: 'spec.replicas', type: 'Invalid', value: spec.replicas, detail: 'must be greater than or equal to 0' });
  const sel = spec.selector;
  const hasSel = isRecord(sel) && (Object.keys(sel.matchLabels ?? {}).length > 0 || (sel.matchExpressions ?? []).length > 0);
  if (needSelector && !hasSel) errs.push({ field: 'spec.selector', type: 'Required' });
  if (!isRecord(spec.template)) {
    errs.push({ field: 'spec.template.spec.containers', type: 'Required' });
    return;
  }
  const labels = spec.template.metadata?.labels ?? {};
  if (hasSel && sel.matchLabels) {
    const ok = Object.entries(sel.matchLabels).every(([k, v]) => labels[k] === v);
    if (!ok)
      errs.push({ field: 'spec.template.metadata.labels', type: 'Invalid', value: labels, detail: '`selector` does not match template `labels`' });
  }
  validatePodSpec(spec.template.spec, 'spec.template.spec', errs);
}

/** ValidateLabels (apimachinery/pkg/apis/meta/v1/validation): each key a qualified name, each value a label value. */
function validateLabels(labels: unknown, field: string, errs: FieldError[]): void {
  if (!isRecord(labels)) return;
  for (const key of Object.keys(labels).sort()) {
    for (const msg of isQualifiedName(key)) errs.push({ field, type: 'Invalid', value: key, detail: msg });
    const value = String(labels[key]);
    for (const msg of isValidLabelValue(value)) errs.push({ field, type: 'Invalid', value, detail: msg });
  }
}

/** Field validation for a decoded object (subset of pkg/apis/<group>/validation). */
export function validateObject(obj: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const kind = obj.kind as string;
  validateName(obj, kind, errs);
  validateLabels(obj.metadata?.labels, 'metadata.labels', errs);
  const spec = obj.spec;
  switch (kind) {
    case 'Pod':
      validatePodSpec(spec, 'spec', errs);
      break;
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
      validateSelectorTemplate(spec, errs);
      break;
    case 'Service': {
      const type = spec?.type ?? 'ClusterIP';
      if (!SERVICE_TYPES.includes(type)) errs.push({ field: 'spec.type', type: 'Unsupported', value: type, supported: SERVICE_TYPES });
      const ports = spec?.ports;
      if (type !== 'ExternalName' && (!Array.isArray(ports) || ports.length === 0)) errs.push({ field: 'spec.ports', type: 'Required' });
      (Array.isArray(ports) ? ports : []).forEach((p: any, i: number) => {
        if (p?.port === undefined) errs.push({ field: `spec.ports[${i}].port`, type: 'Required' });
        else if (p.port < 1 || p.port > 65535)
          errs.push({ field: `spec.ports[${i}].port`, type: 'Invalid', value: p.port, detail: 'must be between 1 and 65535, inclusive' });
        if (ports.length > 1 && !p?.name) errs.push({ field: `spec.ports[${i}].name`, type: 'Required' });
        if (p?.nodePort !== undefined && (p.nodePort < 30000 || p.nodePort > 32767))
          errs.push({ field: `spec.ports[${i}].nodePort`, type: 'Invalid', value: p.nodePort, detail: 'provided port is not in the valid range. The range of valid ports is 30000-32767' });
      });
      break;
    }
    case 'PersistentVolume': {
      if (!spec?.capacity) errs.push({ field: 'spec.capacity', type: 'Required' });
      if (!Array.isArray(spec?.accessModes) || spec.accessModes.length === 0) errs.push({ field: 'spec.accessModes', type: 'Required' });
      const sources = ['hostPath', 'nfs', 'local', 'csi', 'iscsi', 'fc', 'cephfs', 'rbd', 'gcePersistentDisk', 'awsElasticBlockStore', 'azureDisk', 'azureFile'];
      if (!sources.some((s) => spec?.[s])) errs.push({ field: 'spec', type: 'Required', detail: 'must specify a volume type' });
      break;
    }
    case 'PersistentVolumeClaim':
      if (!Array.isArray(spec?.accessModes) || spec.accessModes.length === 0)
        errs.push({ field: 'spec.accessModes', type: 'Required', detail: 'at least 1 access mode is required' });
      if (!spec?.resources?.requests?.storage) errs.push({ field: 'spec.resources[storage]', type: 'Required' });
      break;
    case 'Ingress':
      (Array.isArray(spec?.rules) ? spec.rules : []).forEach((r: any, i: number) => {
        (Array.isArray(r?.http?.paths) ? r.http.paths : []).forEach((p: any, j: number) => {
          const base = `spec.rules[${i}].http.paths[${j}]`;
          if (!p?.pathType) errs.push({ field: `${base}.pathType`, type: 'Required', detail: 'pathType must be specified' });
          else if (!PATH_TYPES.includes(p.pathType)) errs.push({ field: `${base}.pathType`, type: 'Unsupported', value: p.pathType, supported: PATH_TYPES });
        });
      });
      break;
    case 'StorageClass':
      if (!obj.provisioner) errs.push({ field: 'provisioner', type: 'Required' });
      break;
  }
  return errs;
}
