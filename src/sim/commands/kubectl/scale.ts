/** `kubectl scale` and `kubectl set image`. */
import { resolveResource } from '../../api/kinds.ts';
import { notFound } from '../../api/server.ts';
import { clone } from '../../api/store.ts';
import { fail, type Kctx } from './context.ts';
import { kindName } from './common.ts';
import { formatApiError, NO_RESOURCES, noResourceType } from './errors.ts';
import { getOrNotFound } from './lookup.ts';
import { has, str, type FlagSpec } from './flags.ts';
import { parseResourceArgs } from './resources.ts';

export const SCALE_FLAGS: FlagSpec[] = [
  { name: 'replicas', type: 'int' },
  { name: 'current-replicas', type: 'int' },
  { name: 'resource-version', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
  { name: 'timeout', type: 'string' },
];

export function scale(k: Kctx): void {
  if (!has(k.p, 'replicas')) {
    k.err += 'error: required flag(s) "replicas" not set\n';
    k.code = 1;
    return;
  }
  const replicas = Number(str(k.p, 'replicas'));
  if (replicas < 0) return fail(k, 'The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (!k.p.args.length) return fail(k, NO_RESOURCES);
  const reqs = parseResourceArgs(k.p.args);
  if (typeof reqs === 'string') return fail(k, reqs);
  for (const req of reqs) {
    if (!['Deployment', 'ReplicaSet', 'StatefulSet'].includes(req.resource.kind)) {
      for (const n of req.names) k.err += `error: no objects passed to scale ${req.resource.plural}/${n}\n`;
      k.code = 1;
      continue;
    }
    if (!req.names.length) return fail(k, 'resource(s) were provided, but no name was specified');
    for (const name of req.names) {
      const o = k.store.get(req.resource.kind, k.namespace, name);
      if (!o) {
        k.err += formatApiError(notFound(req.resource, name));
        k.code = 1;
        continue;
      }
      const cur = str(k.p, 'current-replicas');
      if (cur && Number(cur) !== o.spec.replicas) {
        k.err += `error: Expected replicas to be ${cur}, was ${o.spec.replicas}\n`;
        k.code = 1;
        continue;
      }
      const next = clone(o);
      next.spec.replicas = replicas;
      const res = k.api.update(next);
      if (res.error) {
        k.err += formatApiError(res.error);
        k.code = 1;
        continue;
      }
      k.out += `${kindName(o)} scaled\n`;
    }
  }
}

export const SET_FLAGS: FlagSpec[] = [
  { name: 'all', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' },
  { name: 'record', type: 'bool' },
  { name: 'local', type: 'bool' },
];

export function setImage(k: Kctx): void {
  const [sub, target, ...rest] = k.p.args;
  if (sub !== 'image') {
    k.err += `error: unknown command "${sub ?? ''}" for "kubectl set"\n\nDid you mean this?\n\timage\n\nRun 'kubectl set --help' for usage.\n`;
    k.code = 1;
    return;
  }
  let kind = target ?? '';
  let name = '';
  let pairs = rest;
  if (kind.includes('/')) [kind, name] = kind.split('/');
  else {
    name = rest[0] ?? '';
    pairs = rest.slice(1);
  }
  if (!pairs.length || !pairs.every((p) => p.includes('='))) {
    k.err += "error: at least one image update is required\nSee 'kubectl set image -h' for help and examples\n";
    k.code = 1;
    return;
  }
  const r = resolveResource(kind);
  if (!r) return fail(k, noResourceType(kind));
  const o = getOrNotFound(k, r, name);
  if (!o) return;
  const next = clone(o);
  const spec = r.kind === 'Pod' ? next.spec : next.spec?.template?.spec;
  for (const pair of pairs) {
    const [cname, image] = [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)];
    const cs = [...(spec?.containers ?? []), ...(spec?.initContainers ?? [])];
    const targets = cname === '*' ? cs : cs.filter((c) => c.name === cname);
    if (!targets.length) return fail(k, `unable to find container named "${cname}"`);
    for (const c of targets) c.image = image;
  }
  const res = k.api.update(next);
  if (res.error) {
    k.err += formatApiError(res.error);
    k.code = 1;
    return;
  }
  k.out += `${kindName(o)} image updated\n`;
}
