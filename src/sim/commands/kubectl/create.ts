/** `kubectl create -f` and the generators: deployment, namespace, configmap, secret generic, service, serviceaccount, ingress. */
import type { Obj } from '../../api/store.ts';
import { fail, resolvePath, type Kctx } from './context.ts';
import { labelRequirements } from './resources.ts';
import { applyOrCreate } from './apply.ts';
import { clean, containerNameFromImage, dryRunMode, MUTATE_FLAGS, printOp } from './common.ts';
import { formatApiError } from './errors.ts';
import { arr, findVerb, parseFlags, str, type FlagSpec, type ParsedArgs } from './flags.ts';
import { subcommandNames } from './subcommands.ts';
import { helpTexts } from './verbs.ts';

/** `kubectl create` generators that exist upstream but not in the sandbox (RBAC, quotas, priority classes, tokens). */
const UNSIMULATED = new Set(['role', 'rolebinding', 'clusterrole', 'clusterrolebinding', 'quota', 'resourcequota', 'priorityclass', 'pc', 'token']);

/** Flags only those generators have (create_role.go, create_rolebinding.go, create_quota.go, create_priorityclass.go, create_token.go). */
const UNSIMULATED_ONLY_FLAGS = ['verb', 'resource', 'resource-name', 'role', 'clusterrole', 'serviceaccount', 'group', 'hard', 'scopes', 'value', 'global-default', 'preemption-policy', 'description', 'duration', 'audience', 'bound-object-kind', 'bound-object-name', 'bound-object-uid', 'aggregation-rule', 'non-resource-url'];

/** The generators' aliases (their cobra Aliases), to their names. */
const GENERATOR_ALIASES: Record<string, string> = { ns: 'namespace', pdb: 'poddisruptionbudget', deploy: 'deployment', cj: 'cronjob', cm: 'configmap', svc: 'service', sa: 'serviceaccount', ing: 'ingress' };

/**
 * Each generator's own flags by its command path (pkg/cmd/create/create_*.go). Every generator
 * also has the printer, dry-run, validate, save-config and field-manager flags (GENERATOR_COMMON),
 * but none of `kubectl create`'s own (-f, --edit, --raw, …): cobra does not pass a parent's local
 * flags down to its subcommands.
 */
const GENERATOR_FLAGS: Record<string, string[]> = {
  namespace: [],
  serviceaccount: [],
  deployment: ['image', 'port', 'replicas'],
  job: ['image', 'from'],
  cronjob: ['image', 'schedule', 'restart'],
  configmap: ['from-file', 'from-literal', 'from-env-file', 'append-hash'],
  'secret generic': ['from-file', 'from-literal', 'from-env-file', 'type', 'append-hash'],
  'secret tls': ['cert', 'key', 'append-hash'],
  'secret docker-registry': ['docker-username', 'docker-password', 'docker-email', 'docker-server', 'from-file', 'append-hash'],
  'service clusterip': ['tcp', 'clusterip'],
  'service nodeport': ['tcp', 'node-port'],
  'service loadbalancer': ['tcp'],
  'service externalname': ['tcp', 'external-name'],
  ingress: ['class', 'rule', 'default-backend', 'annotation'],
  poddisruptionbudget: ['selector', 'min-available', 'max-unavailable'],
};

/** `kubectl create`'s subcommands by name and alias, for a flag error's hint (create.go AddCommand). */
export const CREATE_SUBCOMMANDS = subcommandNames(
  [...Object.keys(GENERATOR_FLAGS), 'secret', 'service', 'role', 'rolebinding', 'clusterrole', 'clusterrolebinding', 'quota', 'priorityclass', 'token'],
  { ...GENERATOR_ALIASES, resourcequota: 'quota', pc: 'priorityclass' },
);

// The printer, dry-run, validation, save-config and field-manager flags every generator has.
const GENERATOR_COMMON = ['dry-run', 'output', 'template', 'allow-missing-template-keys', 'show-managed-fields', 'save-config', 'validate', 'field-manager'];

/** `kubectl create`'s own flags with all its generators': the first parse, before the generator is known. */
export const CREATE_FLAGS: FlagSpec[] = [
  ...MUTATE_FLAGS,
  { name: 'image', type: 'stringArray' },
  { name: 'replicas', short: 'r', type: 'int' },
  { name: 'port', type: 'int' },
  { name: 'from-literal', type: 'stringArray' },
  { name: 'from-file', type: 'stringArray' },
  { name: 'from-env-file', type: 'stringArray' },
  { name: 'type', type: 'string' },
  { name: 'tcp', type: 'stringArray' },
  { name: 'node-port', type: 'int' },
  { name: 'clusterip', type: 'string' },
  { name: 'external-name', type: 'string' },
  { name: 'rule', type: 'stringArray' },
  { name: 'class', type: 'string' },
  { name: 'default-backend', type: 'string' },
  { name: 'annotation', type: 'stringArray' },
  { name: 'append-hash', type: 'bool' },
  { name: 'cert', type: 'string' },
  { name: 'key', type: 'string' },
  { name: 'docker-username', type: 'string' },
  { name: 'docker-password', type: 'string' },
  { name: 'docker-email', type: 'string' },
  { name: 'docker-server', type: 'string' },
  { name: 'schedule', type: 'string' },
  { name: 'restart', type: 'string' },
  { name: 'from', type: 'string' },
  { name: 'min-available', type: 'string' },
  { name: 'max-unavailable', type: 'string' },
  // Flags of the generators the sandbox does not simulate, so that their lines reach create()
  // and get the sandbox's one-line answer instead of "unknown flag".
  ...UNSIMULATED_ONLY_FLAGS.map((name): FlagSpec => ({ name, type: 'stringArray' })),
];

/**
 * The line's flags parsed again against its generator's flag set, as cobra parses them once it
 * has found the subcommand: a flag of another generator, or of `kubectl create` itself, is then an
 * unknown flag, in pflag's words, with the generator's full command path in the hint. Undefined
 * after writing that error.
 */
function generatorFlags(k: Kctx, path: string): ParsedArgs | undefined {
  const own = new Set([...GENERATOR_COMMON, ...GENERATOR_FLAGS[path]]);
  const found = findVerb(k.ctx.argv.slice(1));
  const p = parseFlags(typeof found === 'string' ? [] : found.rest, CREATE_FLAGS.filter((f) => own.has(f.name)));
  if (typeof p !== 'string') return p;
  k.err += `error: ${p}\nSee 'kubectl create ${path} --help' for usage.\n`;
  k.code = 1;
  return undefined;
}

function base64(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

function store(k: Kctx, obj: Obj): void {
  const dry = dryRunMode(k);
  if (dry !== 'none' && dry !== 'client' && dry !== 'server') return fail(k, dry);
  if (dry === 'client') {
    const shown = clean(obj);
    // Generators set the namespace only when -n was given (EnforceNamespace).
    if (!k.explicitNs) delete shown.metadata.namespace;
    return printOp(k, shown, 'created', dry);
  }
  const res = k.api.create(obj, obj.metadata.namespace, dry === 'server');
  if (res.error) {
    k.err += formatApiError(res.error);
    k.code = 1;
    return;
  }
  printOp(k, res.obj, 'created', dry);
}

function oneName(k: Kctx, sub: string, args: string[]): string | undefined {
  if (args.length !== 1) {
    k.err += `error: exactly one NAME is required, got ${args.length}\nSee 'kubectl create ${sub} -h' for help and examples\n`;
    k.code = 1;
    return undefined;
  }
  return args[0];
}

function readData(k: Kctx, asBase64: boolean): Record<string, string> | undefined {
  const data: Record<string, string> = {};
  const put = (key: string, v: string) => {
    data[key] = asBase64 ? base64(v) : v;
  };
  for (const lit of arr(k.p, 'from-literal')) {
    const eq = lit.indexOf('=');
    if (eq <= 0) {
      fail(k, `invalid literal source ${lit}, expected key=value`);
      return undefined;
    }
    put(lit.slice(0, eq), lit.slice(eq + 1));
  }
  for (const spec of arr(k.p, 'from-file')) {
    const eq = spec.indexOf('=');
    const key = eq > 0 ? spec.slice(0, eq) : undefined;
    const path = eq > 0 ? spec.slice(eq + 1) : spec;
    const abs = resolvePath(k.ctx, path);
    const fs = k.ctx.host.fs;
    if (fs.isDir(abs)) {
      for (const n of fs.list(abs) ?? []) if (!fs.isDir(`${abs}/${n}`)) put(n, fs.readFile(`${abs}/${n}`) ?? '');
      continue;
    }
    const text = fs.readFile(abs);
    if (text === undefined) {
      fail(k, `error reading ${path}: no such file or directory`);
      return undefined;
    }
    put(key ?? path.split('/').pop()!, text);
  }
  for (const path of arr(k.p, 'from-env-file')) {
    const text = k.ctx.host.fs.readFile(resolvePath(k.ctx, path));
    if (text === undefined) {
      fail(k, `open ${path}: no such file or directory`);
      return undefined;
    }
    for (const line of text.split('\n')) {
      const t = line.trim();
      if (!t || t.startsWith('#')) continue;
      const eq = t.indexOf('=');
      put(eq < 0 ? t : t.slice(0, eq), eq < 0 ? '' : t.slice(eq + 1));
    }
  }
  return data;
}

/** Service generator ports from --tcp=port:targetPort. */
function servicePorts(k: Kctx): Obj[] | undefined {
  const tcp = arr(k.p, 'tcp');
  const ports: Obj[] = [];
  for (const spec of tcp) {
    const [p, t] = spec.split(':');
    if (!/^\d+$/.test(p) || (t !== undefined && !/^\d+$/.test(t))) {
      fail(k, `invalid port: ${spec}`);
      return undefined;
    }
    ports.push({ name: `${p}-${t ?? p}`, port: Number(p), protocol: 'TCP', targetPort: Number(t ?? p) });
  }
  return ports;
}

/**
 * `kubectl create` with no generator (create.go Run): a generator's flag is unknown to it; without
 * -f it says so and, as DefaultSubCommandRun, refuses its words as an unknown command or prints
 * its help, all on stderr.
 */
function createItself(k: Kctx): void {
  const foreign = [...k.p.flags.keys()].find((f) => !MUTATE_FLAGS.some((m) => m.name === f) && CREATE_FLAGS.some((c) => c.name === f));
  if (foreign) return fail(k, `error: unknown flag: --${foreign}\nSee 'kubectl create --help' for usage.\n`);
  if (!arr(k.p, 'filename').length) {
    k.code = 1;
    k.err += 'Error: must specify one of -f and -k\n\n';
    if (k.p.args.length) k.err += `error: unknown command "${k.p.args.join(' ')}"\nSee 'kubectl create -h' for help and examples\n`;
    else k.err += helpTexts().help?.(['create'], k.ctx).stdout ?? '';
    return;
  }
  if (k.p.args.length) return fail(k, `error: Unexpected args: [${k.p.args.join(' ')}]\nSee 'kubectl create -h' for help and examples\n`);
  applyOrCreate(k, 'create');
}

/** `kubectl create`: -f manifests, or one of the generators by its subcommand. */
export function create(k: Kctx): void {
  const [given, ...rest] = k.p.args;
  if (given && UNSIMULATED.has(given)) {
    k.err += `kubesim: kubectl create ${given}: not available in this sandbox\n`;
    k.code = 1;
    return;
  }
  const sub = given === undefined ? undefined : CREATE_SUBCOMMANDS.get(given);
  if (!sub) return createItself(k);
  const path = sub === 'secret' || sub === 'service' ? `${sub} ${rest[0] ?? ''}` : sub;
  if (Object.hasOwn(GENERATOR_FLAGS, path)) {
    const p = generatorFlags(k, path);
    if (!p) return;
    k.p = p;
  }
  const ns = k.namespace;
  switch (sub) {
    case 'namespace': {
      const name = oneName(k, 'namespace', rest);
      if (name) store(k, { apiVersion: 'v1', kind: 'Namespace', metadata: { name }, spec: {}, status: {} });
      return;
    }
    case 'deployment': {
      const name = oneName(k, 'deployment', rest);
      if (!name) return;
      const images = arr(k.p, 'image');
      if (!images.length) {
        k.err += `error: required flag(s) "image" not set\n`;
        k.code = 1;
        return;
      }
      const port = str(k.p, 'port');
      const containers = images.map((image) => {
        const c: Obj = { image, name: containerNameFromImage(image), resources: {} };
        if (port) c.ports = [{ containerPort: Number(port) }];
        return c;
      });
      store(k, {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { labels: { app: name }, name, namespace: ns },
        spec: {
          replicas: Number(str(k.p, 'replicas', '1')),
          selector: { matchLabels: { app: name } },
          strategy: {},
          template: { metadata: { labels: { app: name } }, spec: { containers } },
        },
        status: {},
      });
      return;
    }
    case 'job':
      return createJob(k, rest);
    case 'cronjob':
      return createCronJob(k, rest);
    case 'configmap': {
      const name = oneName(k, 'configmap', rest);
      if (!name) return;
      const data = readData(k, false);
      if (!data) return;
      const obj: Obj = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: ns } };
      if (Object.keys(data).length) obj.data = data;
      store(k, obj);
      return;
    }
    case 'secret': {
      const [type, ...names] = rest;
      if (type !== 'generic' && type !== 'tls' && type !== 'docker-registry') {
        k.err += `error: unknown command "${type ?? ''}" for "kubectl create secret"\n`;
        k.code = 1;
        return;
      }
      const name = oneName(k, `secret ${type}`, names);
      if (!name) return;
      const registry = type === 'docker-registry' ? dockerConfig(k) : undefined;
      if (registry === null) return;
      const data = readData(k, true);
      if (!data) return;
      const obj: Obj = { apiVersion: 'v1', kind: 'Secret', metadata: { name, namespace: ns } };
      if (Object.keys(data).length) obj.data = data;
      if (str(k.p, 'type')) obj.type = str(k.p, 'type');
      if (type === 'tls') {
        obj.type = 'kubernetes.io/tls';
        const cert = k.ctx.host.fs.readFile(resolvePath(k.ctx, str(k.p, 'cert')));
        const key = k.ctx.host.fs.readFile(resolvePath(k.ctx, str(k.p, 'key')));
        if (cert === undefined || key === undefined) return fail(k, `open ${cert === undefined ? str(k.p, 'cert') : str(k.p, 'key')}: no such file or directory`);
        obj.data = { 'tls.crt': base64(cert), 'tls.key': base64(key) };
      }
      if (type === 'docker-registry') {
        obj.type = 'kubernetes.io/dockerconfigjson';
        if (registry) obj.data = { '.dockerconfigjson': base64(registry) };
      }
      store(k, obj);
      return;
    }
    case 'service': {
      const [type, ...names] = rest;
      const types: Record<string, string> = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName' };
      if (!type || !types[type]) {
        k.err += `error: unknown command "${type ?? ''}" for "kubectl create service"\n`;
        k.code = 1;
        return;
      }
      const name = oneName(k, `service ${type}`, names);
      if (!name) return;
      const ports = servicePorts(k);
      if (!ports) return;
      const spec: Obj = { type: types[type] };
      if (type === 'externalname') spec.externalName = str(k.p, 'external-name');
      else {
        spec.ports = ports;
        spec.selector = { app: name };
      }
      if (str(k.p, 'clusterip')) spec.clusterIP = str(k.p, 'clusterip');
      if (type === 'nodeport' && str(k.p, 'node-port')) for (const p of spec.ports) p.nodePort = Number(str(k.p, 'node-port'));
      store(k, { apiVersion: 'v1', kind: 'Service', metadata: { labels: { app: name }, name, namespace: ns }, spec, status: { loadBalancer: {} } });
      return;
    }
    case 'serviceaccount': {
      const name = oneName(k, 'serviceaccount', rest);
      if (name) store(k, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: ns } });
      return;
    }
    case 'poddisruptionbudget':
      return createBudget(k, rest);
    case 'ingress': {
      const name = oneName(k, 'ingress', rest);
      if (!name) return;
      const rules: Obj[] = [];
      const tls: Obj[] = [];
      for (const rule of arr(k.p, 'rule')) {
        const m = /^([^/]*)(\/[^=]*)?=([^:]+):([^,]+)(,tls(=(.+))?)?$/.exec(rule);
        if (!m) return fail(k, `rule ${rule} is invalid and should be in format host/path=svcname:svcport[,tls[=secret]]`);
        const [, host, path, svc, port, hasTls, , secret] = m;
        const backend = ingressBackend(svc, port);
        const p: Obj = { backend, path: path ?? '/', pathType: path?.endsWith('*') ? 'Prefix' : 'Exact' };
        if (p.path.endsWith('*')) p.path = p.path.slice(0, -1);
        let r = rules.find((x) => (x.host ?? '') === host);
        if (!r) {
          r = host ? { host, http: { paths: [] } } : { http: { paths: [] } };
          rules.push(r);
        }
        r.http.paths.push(p);
        if (hasTls) tls.push(secret ? { hosts: [host], secretName: secret } : { hosts: [host] });
      }
      const annotations: Record<string, string> = {};
      for (const a of arr(k.p, 'annotation')) {
        const eq = a.indexOf('=');
        if (eq < 0) return fail(k, `annotation ${a} is invalid and should be in format key=[value]`);
        annotations[a.slice(0, eq)] = a.slice(eq + 1);
      }
      const fallback = str(k.p, 'default-backend');
      if (fallback && fallback.split(':').length !== 2) return fail(k, 'default-backend should be in format servicename:serviceport');
      const spec: Obj = {};
      if (str(k.p, 'class')) spec.ingressClassName = str(k.p, 'class');
      if (fallback) spec.defaultBackend = ingressBackend(...(fallback.split(':') as [string, string]));
      if (rules.length) spec.rules = rules;
      if (tls.length) spec.tls = tls;
      const metadata: Obj = Object.keys(annotations).length ? { annotations, name, namespace: ns } : { name, namespace: ns };
      store(k, { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata, spec, status: { loadBalancer: {} } });
      return;
    }
  }
}

/** An Ingress backend for a service and its port, a number or a port name (create_ingress.go buildIngressBackendSvc). */
function ingressBackend(service: string, port: string): Obj {
  return { service: { name: service, port: /^\d+$/.test(port) ? { number: Number(port) } : { name: port } } };
}

/** Go's json.Marshal, which escapes <, >, & and the JavaScript line separators. */
function goJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The .dockerconfigjson of `create secret docker-registry` (create_secret_docker.go): undefined
 * when --from-file gives it (its files are then keyed .dockerconfigjson unless named), null after
 * writing the error when neither it nor the username, password and server are given.
 */
function dockerConfig(k: Kctx): string | undefined | null {
  const files = arr(k.p, 'from-file');
  if (files.length) {
    k.p.flags.set('from-file', files.map((f) => (f.includes('=') ? f : `.dockerconfigjson=${f}`)));
    return undefined;
  }
  const [username, password, email] = ['docker-username', 'docker-password', 'docker-email'].map((f) => str(k.p, f));
  const server = k.p.flags.has('docker-server') ? str(k.p, 'docker-server') : 'https://index.docker.io/v1/';
  if (!username || !password || !server) {
    fail(k, 'either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
    return null;
  }
  const entry = { username, password, ...(email ? { email } : {}), auth: base64(`${username}:${password}`) };
  return goJson({ auths: { [server]: entry } });
}

/** `kubectl create job NAME --image=IMAGE [-- COMMAND]` or `--from=cronjob/NAME` (pkg/cmd/create/create_job.go). */
function createJob(k: Kctx, rest: string[]): void {
  const name = oneName(k, 'job', rest);
  if (!name) return;
  const image = arr(k.p, 'image')[0];
  const from = str(k.p, 'from');
  if (!image && !from) return fail(k, 'either --image or --from must be specified');
  if (image && from) return fail(k, 'either --image or --from must be specified');
  if (from) {
    const [kind, src] = from.split('/');
    if (!['cronjob', 'cronjobs', 'cronjob.batch', 'cj'].includes(kind) || !src) return fail(k, `from must be an existing cronjob: ${from}`);
    const cj = k.store.get('CronJob', k.namespace, src);
    if (!cj) {
      k.err += `Error from server (NotFound): cronjobs.batch "${src}" not found\n`;
      k.code = 1;
      return;
    }
    const tpl = cj.spec.jobTemplate ?? {};
    store(k, {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name,
        namespace: k.namespace,
        labels: { ...(tpl.metadata?.labels ?? {}) },
        annotations: { ...(tpl.metadata?.annotations ?? {}), 'cronjob.kubernetes.io/instantiate': 'manual' },
        ownerReferences: [{ apiVersion: 'batch/v1', blockOwnerDeletion: true, controller: true, kind: 'CronJob', name: cj.metadata.name, uid: cj.metadata.uid }],
      },
      spec: JSON.parse(JSON.stringify(tpl.spec ?? {})),
    });
    return;
  }
  const container: Obj = { image, name, resources: {} };
  if (k.p.sawDash && k.p.dashArgs.length) container.command = [...k.p.dashArgs];
  store(k, {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace: k.namespace },
    spec: { template: { metadata: {}, spec: { containers: [container], restartPolicy: 'Never' } } },
    status: {},
  });
}

/** `kubectl create cronjob NAME --image=IMAGE --schedule='*\/1 * * * *' [--restart=…] [-- COMMAND]` (create_cronjob.go). */
function createCronJob(k: Kctx, rest: string[]): void {
  const name = oneName(k, 'cronjob', rest);
  if (!name) return;
  const image = arr(k.p, 'image')[0];
  const schedule = str(k.p, 'schedule');
  if (!image) {
    k.err += 'error: required flag(s) "image", "schedule" not set\n'.replace(schedule ? ', "schedule"' : '', '');
    k.code = 1;
    return;
  }
  if (!schedule) {
    k.err += 'error: required flag(s) "schedule" not set\n';
    k.code = 1;
    return;
  }
  const restart = str(k.p, 'restart', 'OnFailure');
  if (restart !== 'OnFailure' && restart !== 'Never') return fail(k, `invalid restart policy: ${restart}`);
  const container: Obj = { image, name, resources: {} };
  if (k.p.sawDash && k.p.dashArgs.length) container.command = [...k.p.dashArgs];
  store(k, {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: k.namespace },
    spec: {
      jobTemplate: { metadata: { name }, spec: { template: { metadata: {}, spec: { containers: [container], restartPolicy: restart } } } },
      schedule,
    },
    status: {},
  });
}

/**
 * `kubectl create poddisruptionbudget` (create_pdb.go): Validate's checks in its order, the selector
 * as metav1.ParseToLabelSelector turns it into matchLabels and matchExpressions, and each bound as
 * intstr.Parse reads it (a number, else a percentage string).
 */
function createBudget(k: Kctx, rest: string[]): void {
  const name = oneName(k, 'poddisruptionbudget', rest);
  if (!name) return;
  const selector = str(k.p, 'selector');
  const min = str(k.p, 'min-available');
  const max = str(k.p, 'max-unavailable');
  if (!selector) return fail(k, 'a selector must be specified');
  if (!min && !max) return fail(k, 'one of min-available or max-unavailable must be specified');
  if (min && max) return fail(k, 'min-available and max-unavailable cannot be both specified');
  if (min && !/^[0-9]+%?$/.test(min)) return fail(k, 'invalid format specified for min-available');
  if (max && !/^[0-9]+%?$/.test(max)) return fail(k, 'invalid format specified for max-unavailable');
  const reqs = labelRequirements(selector);
  if (typeof reqs === 'string') return fail(k, `couldn't parse the selector string "${selector}": ${reqs}`);
  const matchLabels: Record<string, string> = {};
  const matchExpressions: Obj[] = [];
  const OPERATORS: Record<string, string> = { in: 'In', notin: 'NotIn', exists: 'Exists', '!': 'DoesNotExist' };
  for (const r of reqs) {
    if (r.op === '=') matchLabels[r.key] = r.values[0];
    else if (OPERATORS[r.op]) matchExpressions.push(r.values.length ? { key: r.key, operator: OPERATORS[r.op], values: r.values } : { key: r.key, operator: OPERATORS[r.op] });
    // A metav1.LabelSelector has no != and no numeric comparison.
    else if (r.op === 'gt' || r.op === 'lt') return fail(k, `"${r.op}" isn't supported in label selectors`);
    else return fail(k, `"${r.op}" is not a valid label selector operator`);
  }
  const sel: Obj = {};
  if (Object.keys(matchLabels).length) sel.matchLabels = matchLabels;
  if (matchExpressions.length) sel.matchExpressions = matchExpressions;
  const bound = (v: string) => (/^\d+$/.test(v) ? Number(v) : v);
  const spec: Obj = { selector: sel };
  if (min) spec.minAvailable = bound(min);
  if (max) spec.maxUnavailable = bound(max);
  // The status counts are int32 without omitempty: a dry run prints them as 0.
  const status = { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
  store(k, { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name, namespace: k.namespace }, spec, status });
}
