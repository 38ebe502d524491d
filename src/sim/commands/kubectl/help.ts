/** Short `--help` texts for the main verbs and the top-level usage (kubectl's cobra templates, abridged). */
import { CORE_VERBS, UNSUPPORTED, VERB_PARTS } from './verbs.ts';

const FOOTER = '\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n';

/** Help per verb: description, usage line. */
export const HELP: Record<string, [string, string]> = {
  get: ['Display one or many resources.', 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]'],
  describe: ['Show details of a specific resource or group of resources.', 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)'],
  apply: ['Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn\'t exist yet.', 'kubectl apply (-f FILENAME | -k DIRECTORY)'],
  create: ['Create a resource from a file or from stdin.', 'kubectl create -f FILENAME'],
  run: ['Create and run a particular image in a pod.', 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...]'],
  expose: ['Expose a resource as a new Kubernetes service.', 'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type]'],
  delete: ['Delete resources by file names, stdin, resources and names, or by resources and label selector.', 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)])'],
  scale: ['Set a new size for a deployment, replica set, replication controller, or stateful set.', 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)'],
  set: ['Configure application resources.', 'kubectl set SUBCOMMAND'],
  label: ['Update the labels on a resource.', 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]'],
  annotate: ['Update the annotations on one or more resources.', 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]'],
  logs: ['Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.', 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'],
  exec: ['Execute a command in a container.', 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]'],
  version: ['Print the client and server version information for the current context.', 'kubectl version [flags]'],
  'cluster-info': ['Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use \'kubectl cluster-info dump\'.', 'kubectl cluster-info [flags]'],
  'api-resources': ['Print the supported API resources on the server.', 'kubectl api-resources [flags]'],
  explain: ['Describe fields and structure of various resources.', 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2]'],
  cordon: ['Mark node as unschedulable.', 'kubectl cordon NODE'],
  uncordon: ['Mark node as schedulable.', 'kubectl uncordon NODE'],
  drain: ['Drain node in preparation for maintenance.', 'kubectl drain NODE'],
  taint: ['Update the taints on one or more nodes.', 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N'],
  patch: ['Update fields of a resource.', 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]'],
  edit: ['Edit a resource from the default editor.', 'kubectl edit (RESOURCE/NAME | -f FILENAME)'],
  replace: ['Replace a resource by file name or stdin.', 'kubectl replace -f FILENAME'],
  rollout: ['Manage the rollout of one or many resources.', 'kubectl rollout SUBCOMMAND'],
  config: ['Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".', 'kubectl config SUBCOMMAND'],
  top: ['Display resource (CPU/memory) usage.', 'kubectl top [flags]'],
  wait: ['Experimental: Wait for a specific condition on one or many resources.', "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=delete|--for condition=available|--for=jsonpath='{}'[=value]]"],
};

/** `kubectl VERB --help`. */
export function verbHelp(verb: string): string {
  const h = HELP[verb];
  if (!h) return '';
  return `${h[0]}\n\nUsage:\n  ${h[1]} [options]\n${FOOTER}`;
}

/** `kubectl` with no arguments. */
export function rootHelp(): string {
  const groups: [string, string[]][] = [
    ['Basic Commands (Beginner)', ['create', 'expose', 'run', 'set']],
    ['Basic Commands (Intermediate)', ['explain', 'get', 'edit', 'delete']],
    ['Deploy Commands', ['rollout', 'scale']],
    ['Cluster Management Commands', ['cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint']],
    ['Troubleshooting and Debugging Commands', ['describe', 'logs', 'exec']],
    ['Advanced Commands', ['apply', 'patch', 'replace', 'wait']],
    ['Settings Commands', ['label', 'annotate']],
    ['Other Commands', ['api-resources', 'config', 'version']],
  ];
  let out = 'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n';
  for (const [title, verbs] of groups) {
    out += `\n${title}:\n`;
    for (const v of verbs) out += `  ${v.padEnd(15)}${HELP[v][0].split('.')[0]}\n`;
  }
  out += '\nUsage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return out;
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** cobra's SuggestionsFor over kubectl's verbs (those here and those it lacks): distance ≤ 2 or a prefix match, sorted. */
export function suggestVerbs(word: string): string[] {
  const all = new Set([...Object.keys(VERB_PARTS), ...CORE_VERBS, ...UNSUPPORTED, 'help']);
  return [...all].sort().filter((c) => levenshtein(word.toLowerCase(), c) <= 2 || c.startsWith(word.toLowerCase()));
}
