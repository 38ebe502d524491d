/**
 * `kubectl wait --for=condition=C[=V]|delete|jsonpath='{…}'[=V] TYPE/NAME | TYPE -l SEL | --all`
 * (staging/src/k8s.io/kubectl/pkg/cmd/wait/wait.go). The wait is in virtual time: the clock
 * moves on (a second at a time, or a 20th of the timeout) and the cluster reconciles, until every
 * object meets the condition or `--timeout` (default 30s) runs out.
 */
import { parseDuration } from './duration.ts';
import type { ResourceInfo } from '../../api/kinds.ts';
import { notFound } from '../../api/server.ts';
import type { Obj } from '../../api/store.ts';
import { relaxedJsonPathExpression } from '../../printers/custom-columns.ts';
import { compileJsonPath, findResults, sprintVal, type Val } from '../../printers/jsonpath.ts';
import { kindName } from './common.ts';
import { fail, type Kctx } from './context.ts';
import { formatApiError, NO_RESOURCES, seeHelp } from './errors.ts';
import { bool, str, type FlagSpec } from './flags.ts';
import { getObject, listObjects, parseLabelSelector, parseResourceArgs } from './resources.ts';

/** The flags `kubectl wait` accepts. */
export const WAIT_FLAGS: FlagSpec[] = [
  { name: 'for', type: 'string' },
  { name: 'timeout', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'all', type: 'bool' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'field-selector', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'local', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
];

/** One object's check: met, not yet, or an error that ends the wait. */
type Check = (o: Obj | undefined) => boolean | string;

const WEEK_MS = 168 * 3_600_000;
/** splitJSONPathInput: splits on single `=`, keeping `==` inside the expression. */
function splitJsonPathInput(input: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < input.length; i++) {
    if (input[i] !== '=') cur += input[i];
    else if (input[i + 1] === '=') {
      cur += '==';
      i++;
    } else {
      out.push(cur);
      cur = '';
    }
  }
  return [...out, cur];
}

/** conditionFuncFor: the check of `--for`, or kubectl's error text. */
function conditionFor(condition: string): Check | string {
  if (condition.toLowerCase() === 'delete') return (o) => o === undefined;
  if (condition.startsWith('condition=')) {
    let name = condition.slice('condition='.length);
    let want = 'true';
    const eq = name.indexOf('=');
    if (eq >= 0) [name, want] = [name.slice(0, eq), name.slice(eq + 1)];
    return (o) => {
      if (!o) return false;
      for (const c of o.status?.conditions ?? []) {
        if (typeof c?.type !== 'string' || c.type.toLowerCase() !== name.toLowerCase() || typeof c.status !== 'string') continue;
        const observed = c.observedGeneration ?? o.status?.observedGeneration;
        if (o.metadata?.generation !== undefined && observed !== undefined && observed < o.metadata.generation) return false;
        return c.status.toLowerCase() === want.toLowerCase();
      }
      return false;
    };
  }
  if (condition.startsWith('jsonpath=')) {
    const parts = splitJsonPathInput(condition.slice('jsonpath='.length));
    if (parts.length < 1 || parts.length > 2)
      return "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'";
    let expression: string;
    try {
      expression = relaxedJsonPathExpression(parts[0]);
    } catch (e) {
      return (e as Error).message;
    }
    const value = parts.length === 2 ? parts[1].replace(/^['"]+|['"]+$/g, '') : undefined;
    if (value === '') return "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3";
    if (expression === '') return 'jsonpath expression cannot be empty';
    let root: ReturnType<typeof compileJsonPath>;
    try {
      root = compileJsonPath(expression);
    } catch (e) {
      return (e as Error).message;
    }
    return (o) => {
      if (!o) return false;
      let results: Val[][];
      try {
        results = findResults(root, o, true);
      } catch (e) {
        return (e as Error).message;
      }
      if (results.length === 0 || results[0].length === 0) return false;
      if (results.length > 1) return 'given jsonpath expression matches more than one list';
      if (results[0].length > 1) return 'given jsonpath expression matches more than one value';
      if (value === undefined) return true;
      const found = results[0][0];
      if (found.kind === 'map' || found.kind === 'slice') return 'jsonpath leads to a nested object or list which is not supported';
      return sprintVal(found).trim() === value.trim();
    };
  }
  return `unrecognized condition: "${condition}"`;
}

/** Runs `kubectl wait`. */
export function wait(k: Kctx): void {
  const check = conditionFor(str(k.p, 'for'));
  if (typeof check === 'string') return fail(k, check);
  const timeoutText = str(k.p, 'timeout', '30s');
  const parsed = parseDuration(timeoutText);
  // A flag cobra could not parse: kubectl adds its usage hint.
  if (parsed === undefined) return fail(k, `error: invalid argument "${timeoutText}" for "--timeout" flag: time: invalid duration "${timeoutText}"\n${seeHelp('wait')}`);
  const timeout = parsed < 0 ? WEEK_MS : parsed;
  const forDelete = str(k.p, 'for').toLowerCase() === 'delete';

  if (!k.p.args.length) return fail(k, NO_RESOURCES);
  const reqs = parseResourceArgs(k.p.args);
  if (typeof reqs === 'string') return fail(k, reqs);
  const selText = str(k.p, 'selector');
  const labels = selText ? parseLabelSelector(selText, reqs[0].resource) : undefined;
  if (typeof labels === 'string') return fail(k, labels);
  const allNamespaces = bool(k.p, 'all-namespaces');

  // The objects to wait on, resolved once, as the resource builder does before any wait.
  const targets: Array<{ info: ResourceInfo; namespace?: string; name: string; shown: string }> = [];
  for (const req of reqs) {
    if (req.names.length) {
      for (const name of req.names) {
        const got = getObject(k, req.resource, name);
        if (got.error) {
          if (forDelete) continue;
          k.err += formatApiError(got.error);
          k.code = 1;
          return;
        }
        targets.push({ info: req.resource, namespace: got.obj!.metadata.namespace, name, shown: kindName(got.obj!) });
      }
    } else if (labels || bool(k.p, 'all')) {
      for (const o of listObjects(k, req.resource, { labels, allNamespaces }))
        targets.push({ info: req.resource, namespace: o.metadata.namespace, name: o.metadata.name, shown: kindName(o) });
    } else return fail(k, 'resource(s) were provided, but no name was specified');
  }
  if (!targets.length) {
    if (!forDelete) fail(k, 'no matching resources found');
    return;
  }

  const clock = k.ctx.world.clock;
  const deadline = clock.now() + timeout;
  // At most about 20 reconciles per wait, so that an hour's timeout costs what 20 seconds' does.
  const step = Math.max(1000, Math.ceil(timeout / 20));
  for (const t of targets) {
    const current = () => k.store.get(t.info.kind, t.namespace, t.name);
    for (;;) {
      const met = check(current());
      if (typeof met === 'string') return fail(k, met);
      if (met) break;
      if (timeout === 0) return fail(k, `condition not met for ${t.info.plural}/${t.name}`);
      if (!forDelete && !current()) {
        k.err += formatApiError(notFound(t.info, t.name));
        k.code = 1;
        return;
      }
      if (clock.now() >= deadline) return fail(k, `timed out waiting for the condition on ${t.info.plural}/${t.name}`);
      clock.advance(Math.min(step, deadline - clock.now()));
      k.ctx.world.tick();
    }
    k.out += `${t.shown} condition met\n`;
  }
}
