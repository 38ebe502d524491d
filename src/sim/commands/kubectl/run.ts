/** `kubectl run NAME --image=…`: the pod generator, `--dry-run=client -o yaml`, `--rm -it … -- cmd`. */
import type { Obj } from '../../api/store.ts';
import { fail, type Kctx } from './context.ts';
import { clean, dryRunMode, MUTATE_FLAGS, printOp } from './common.ts';
import { formatApiError } from './errors.ts';
import { arr, bool, str, type FlagSpec } from './flags.ts';
import { runInPod } from './exec.ts';
import { jsonPatch, mergePatch } from './patch.ts';

export const RUN_FLAGS: FlagSpec[] = [
  ...MUTATE_FLAGS,
  { name: 'image', type: 'string' },
  { name: 'restart', type: 'string' },
  { name: 'labels', short: 'l', type: 'string' },
  { name: 'port', type: 'string' },
  { name: 'env', type: 'stringArray' },
  { name: 'command', type: 'bool' },
  { name: 'expose', type: 'bool' },
  { name: 'rm', type: 'bool' },
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'attach', type: 'bool' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'image-pull-policy', type: 'string' },
  { name: 'annotations', type: 'stringArray' },
  { name: 'overrides', type: 'string' },
  { name: 'override-type', type: 'string' },
  { name: 'privileged', type: 'bool' },
  { name: 'pod-running-timeout', type: 'string' },
];

export function run(k: Kctx): void {
  const name = k.p.args[0];
  if (!name) {
    k.err += "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n";
    k.code = 1;
    return;
  }
  // pkg/cmd/run/run.go Run: the checks in upstream order.
  const image = str(k.p, 'image');
  if (!image) return fail(k, '--image is required');
  if (bool(k.p, 'tty') && !bool(k.p, 'stdin')) {
    k.err += "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n";
    k.code = 1;
    return;
  }
  if (bool(k.p, 'rm') && !bool(k.p, 'stdin') && !bool(k.p, 'attach')) {
    k.err += "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n";
    k.code = 1;
    return;
  }
  const dry = dryRunMode(k);
  if (dry !== 'none' && dry !== 'client' && dry !== 'server') return fail(k, dry);
  // getRestartPolicy: attached runs default to OnFailure.
  const restart = str(k.p, 'restart', bool(k.p, 'stdin') ? 'OnFailure' : 'Always');
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) return fail(k, `invalid restart policy: ${restart}`);
  const labels: Record<string, string> = {};
  const labelText = str(k.p, 'labels');
  if (labelText) {
    for (const part of labelText.split(',')) {
      const [lk, lv] = part.split('=');
      if (lv === undefined) return fail(k, `invalid label spec: ${part}`);
      labels[lk] = lv;
    }
  } else labels.run = name;
  const container: Obj = { image, name };
  const cmd = k.p.sawDash ? k.p.dashArgs : k.p.args.slice(1);
  if (cmd.length) {
    if (bool(k.p, 'command')) container.command = cmd;
    else container.args = cmd;
  }
  const env = arr(k.p, 'env');
  if (env.length)
    container.env = env.map((e) => {
      const eq = e.indexOf('=');
      return { name: e.slice(0, eq), value: e.slice(eq + 1) };
    });
  if (str(k.p, 'image-pull-policy')) container.imagePullPolicy = str(k.p, 'image-pull-policy');
  const port = str(k.p, 'port');
  if (port) container.ports = [{ containerPort: Number(port) }];
  container.resources = {};
  let pod: Obj = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { labels, name, namespace: k.namespace },
    spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart },
    status: {},
  };
  const overridden = override(k, pod);
  if (typeof overridden === 'string') return fail(k, overridden);
  pod = overridden;
  const interactive = bool(k.p, 'stdin') || bool(k.p, 'tty');
  if (dry === 'client') {
    const shown = clean(pod);
    // Generators set the namespace only when -n was given (EnforceNamespace).
    if (!k.explicitNs) delete shown.metadata.namespace;
    return printOp(k, shown, 'created', dry);
  }
  const res = k.api.create(pod, k.namespace, dry === 'server');
  if (res.error) {
    k.err += formatApiError(res.error);
    k.code = 1;
    return;
  }
  if (!interactive || dry === 'server') return printOp(k, res.obj, 'created', dry);
  // Attached runs: the pod starts, its command's output streams, and --rm deletes it.
  k.cluster.reconcile();
  const live = k.store.get('Pod', k.namespace, name)!;
  if (cmd.length) {
    const r = runInPod(k, live, container.name, cmd, k.ctx.stdin);
    k.out += r.stdout;
    k.err += r.stderr;
  } else k.out += "If you don't see a command prompt, try pressing enter.\n";
  if (bool(k.p, 'rm')) {
    k.store.delete('Pod', k.namespace, name);
    k.out += `pod "${name}" deleted from ${k.namespace} namespace\n`;
  }
}

/**
 * `--overrides` on the generated pod (cmdutil.OverrideOptions): an RFC 7396 merge patch by
 * default, so a `containers` list replaces the generated one whole; `--override-type` json or
 * strategic as `kubectl patch`. Returns the patched pod or kubectl's error text.
 */
function override(k: Kctx, pod: Obj): Obj | string {
  const text = str(k.p, 'overrides');
  if (!text) return pod;
  const type = str(k.p, 'override-type', 'merge');
  if (!['json', 'merge', 'strategic'].includes(type)) return `invalid override type: ${type}`;
  let fragment: unknown;
  try {
    fragment = JSON.parse(text);
  } catch {
    return type === 'json' ? 'invalid character in JSON patch' : 'Invalid JSON Patch';
  }
  if (type === 'json') {
    if (!Array.isArray(fragment)) return 'json: cannot unmarshal object into Go value of type jsonpatch.Patch';
    return jsonPatch(pod, fragment);
  }
  if (fragment === null || typeof fragment !== 'object' || Array.isArray(fragment)) return 'Invalid JSON Patch';
  return mergePatch(pod, fragment, type === 'strategic');
}
