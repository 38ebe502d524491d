/** `kubectl describe TYPE [NAME_PREFIX]`, `TYPE/NAME`, `-l`, `-A` (pkg/cmd/describe/describe.go). */
import { notFound } from '../../api/server.ts';
import type { Obj } from '../../api/store.ts';
import { describe as describeObject } from '../../printers/describe.ts';
import { fail, type Kctx } from './context.ts';
import { formatApiError } from './errors.ts';
import { bool, str, type FlagSpec } from './flags.ts';
import { listObjects, parseLabelSelector, parseResourceArgs } from './resources.ts';
import { writeEvents } from './verbs.ts';

export const DESCRIBE_FLAGS: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-events', type: 'bool' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'chunk-size', type: 'int' },
];

export function describeCmd(k: Kctx): void {
  if (!k.p.args.length) {
    k.err += `You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl describe -h' for help and examples\n`;
    k.code = 1;
    return;
  }
  const reqs = parseResourceArgs(k.p.args);
  if (typeof reqs === 'string') return fail(k, reqs);
  const all = bool(k.p, 'all-namespaces');
  const sel = str(k.p, 'selector');
  const labels = sel ? parseLabelSelector(sel, reqs[0].resource) : undefined;
  if (typeof labels === 'string') return fail(k, labels);
  const showEvents = k.p.flags.get('show-events') !== false;
  if (showEvents) writeEvents(k);
  const objs: Obj[] = [];
  for (const req of reqs) {
    if (req.names.length) {
      for (const name of req.names) {
        const exact = k.store.get(req.resource.kind, req.resource.namespaced ? k.namespace : undefined, name);
        if (exact) {
          objs.push(exact);
          continue;
        }
        // DescribeMatchingResources: fall back to every object whose name starts with the argument.
        const prefixed = listObjects(k, req.resource, { allNamespaces: false }).filter((o) => o.metadata.name.startsWith(name));
        if (prefixed.length) objs.push(...prefixed);
        else {
          k.err += formatApiError(notFound(req.resource, name));
          k.code = 1;
        }
      }
    } else objs.push(...listObjects(k, req.resource, { allNamespaces: all, labels }));
  }
  const texts = objs.map((o) => describeObject(o, { store: k.store, now: k.now, showEvents }));
  k.out += texts.join('\n\n');
  if (!objs.length && k.code === 0) k.err += all ? 'No resources found\n' : `No resources found in ${k.namespace} namespace.\n`;
}
