import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';
import { orderedOutput } from '../../../../src/sim/types.ts';

// PodDisruptionBudgets, checked against upstream: kubectl's create_pdb.go (Validate), printers.go
// (printPodDisruptionBudget), describe.go (describePodDisruptionBudgetV1), the disruption
// controller (pkg/controller/disruption: getExpectedPodCount, countHealthyPods), the eviction
// subresource (pkg/registry/core/pod/storage/eviction.go) and kubectl's drain (pkg/drain/drain.go
// evictPods, pkg/cmd/drain/drain.go deleteOrEvictPodsSimple and RunDrain).

/** The drain scenario: web has four replicas, two on node01 (with an emptyDir) and two on node02. */
function drainWorld() {
  const sim = createSimulator({ scenario: 'drain' });
  const run = (line: string) => {
    const r = sim.run(line);
    return { ...r, text: orderedOutput(r).map((c) => c.text).join('') };
  };
  return { sim, run };
}

const DRAIN = 'kubectl drain node01 --ignore-daemonsets --force --delete-emptydir-data';
const VIOLATES = "Cannot evict pod as it would violate the pod's disruption budget.";

describe('PodDisruptionBudgets', () => {
  it('kubectl create pdb checks its flags as create_pdb.go does, then creates a policy/v1 budget', () => {
    const { run } = drainWorld();
    expect(run('kubectl create pdb x --min-available=1').stderr).toBe('error: a selector must be specified\n');
    expect(run('kubectl create pdb x --selector=app=web').stderr).toBe('error: one of min-available or max-unavailable must be specified\n');
    expect(run('kubectl create pdb x --selector=app=web --min-available=1 --max-unavailable=1').stderr).toBe('error: min-available and max-unavailable cannot be both specified\n');
    expect(run('kubectl create pdb x --selector=app=web --min-available=1x').stderr).toBe('error: invalid format specified for min-available\n');
    expect(run('kubectl create pdb x --selector=app=web --max-unavailable=-1').stderr).toBe('error: invalid format specified for max-unavailable\n');
    // The status counts have no omitempty (policy/v1 types.go): a dry run prints them.
    expect(run('kubectl create pdb web-pdb --selector=app=web --min-available=3 --dry-run=client -o yaml').stdout).toBe(
      'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata:\n  name: web-pdb\nspec:\n  minAvailable: 3\n  selector:\n    matchLabels:\n      app: web\nstatus:\n  currentHealthy: 0\n  desiredHealthy: 0\n  disruptionsAllowed: 0\n  expectedPods: 0\n',
    );
    expect(run('kubectl create pdb web-pdb --selector=app=web --min-available=3').stdout).toBe('poddisruptionbudget.policy/web-pdb created\n');
    expect(run("kubectl get pdb web-pdb -o jsonpath='{.spec}'").stdout).toBe('{"minAvailable":3,"selector":{"matchLabels":{"app":"web"}}}');
    // metav1.ParseToLabelSelector: a LabelSelector has no != and no gt/lt.
    expect(run('kubectl create pdb x --selector=app!=web --min-available=1').stderr).toBe('error: "!=" is not a valid label selector operator\n');
    expect(run("kubectl create pdb x --selector='size>2' --min-available=1").stderr).toBe(`error: "gt" isn't supported in label selectors\n`);
    expect(run("kubectl create pdb x --selector='app in (web' --min-available=1").stderr).toBe(`error: couldn't parse the selector string "app in (web": unable to parse requirement: found '', expected: ',' or ')'\n`);
    // intstr.Parse: a percentage stays a string; ParseToLabelSelector turns set-based terms into expressions.
    run("kubectl create pdb half --selector='app in (web)' --max-unavailable=50%");
    expect(run("kubectl get pdb half -o jsonpath='{.spec}'").stdout).toBe('{"maxUnavailable":"50%","selector":{"matchExpressions":[{"key":"app","operator":"In","values":["web"]}]}}');
  });

  it('a budget that selects no pods says so in its events (trySync: NoPods)', () => {
    const { run } = drainWorld();
    run('kubectl create pdb ghost --selector=app=ghost --min-available=1');
    expect(run('kubectl describe pdb ghost').stdout).toMatch(/\nEvents:\n  Type    Reason  Age   From               Message\n  ----    ------  ----  ----               -------\n  Normal  NoPods  \S+\s+controllermanager  No matching pods found\n$/);
  });

  it('kubectl get and describe show the status the disruption controller computes', () => {
    const { run } = drainWorld();
    run('kubectl create pdb web-pdb --selector=app=web --min-available=3');
    run('kubectl create pdb half --selector=app=web --max-unavailable=50%');
    expect(run('kubectl get pdb').stdout).toBe(
      [
        'NAME      MIN AVAILABLE   MAX UNAVAILABLE   ALLOWED DISRUPTIONS   AGE',
        'half      N/A             50%               2                     0s',
        'web-pdb   3               N/A               1                     0s',
        '',
      ].join('\n'),
    );
    expect(run('kubectl describe pdb web-pdb').stdout).toBe(
      [
        'Name:           web-pdb',
        'Namespace:      default',
        'Min available:  3',
        'Selector:       app=web',
        'Status:',
        '    Allowed disruptions:  1',
        '    Current:              4',
        '    Desired:              3',
        '    Total:                4',
        'Events:                   <none>',
        '',
      ].join('\n'),
    );
    // 50% of the Deployment's 4 replicas, rounded up, may be unavailable: 2 must stay.
    expect(run("kubectl get pdb half -o jsonpath='{.status.desiredHealthy} {.status.expectedPods} {.status.conditions[0].reason}'").stdout).toBe('2 4 SufficientPods');
  });

  it('drain waits for the budget: a refused eviction is tried again 5 s later, once a replacement is ready', () => {
    const { run } = drainWorld();
    run('kubectl create pdb web-pdb --selector=app=web --min-available=3');
    const pods = run("kubectl get pods -l app=web --field-selector spec.nodeName=node01 -o jsonpath='{.items[*].metadata.name}'").stdout.split(' ');
    const r = run(DRAIN);
    expect(r.exitCode).toBe(0);
    const [first, second] = pods;
    expect(r.text).toContain(
      `evicting pod default/${first}\nevicting pod default/${second}\nerror when evicting pods/"${second}" -n "default" (will retry after 5s): ${VIOLATES}\npod/debug evicted\npod/${first} evicted\nevicting pod default/${second}\npod/${second} evicted\nnode/node01 drained\n`,
    );
    expect(r.stderr).toContain(`error when evicting pods/"${second}"`);
    expect(run('kubectl get pdb web-pdb --no-headers').stdout).toMatch(/^web-pdb\s+3\s+N\/A\s+1\s+/);
  });

  it('drain gives up at --timeout with the errors drain.go prints', () => {
    const { run } = drainWorld();
    run('kubectl create pdb web-pdb --selector=app=web --min-available=4');
    const pods = run("kubectl get pods -l app=web --field-selector spec.nodeName=node01 -o jsonpath='{.items[*].metadata.name}'").stdout.split(' ');
    const r = run(`${DRAIN} --timeout=12s`);
    expect(r.exitCode).toBe(1);
    // Tries at 0, 5 and 10 s; at 15 s the deadline has passed.
    expect(r.text.split(`evicting pod default/${pods[0]}\n`).length - 1).toBe(4);
    const errs = pods.map((p) => `error when evicting pods/"${p}" -n "default": global timeout reached: 12s`);
    expect(r.stderr).toContain(
      `There are pending pods in node "node01" when an error occurred: [${errs.join(', ')}]\n${pods.map((p) => `pod/${p}\n`).join('')}error: unable to drain node "node01" due to error: [${errs.join(', ')}], continuing command...\nThere are pending nodes to be drained:\n node01\n${errs.map((e) => `${e}\n`).join('')}`,
    );
    expect(run('kubectl drain node01 --timeout=abc').stderr).toBe(`error: invalid argument "abc" for "--timeout" flag: time: invalid duration "abc"\nSee 'kubectl drain --help' for usage.\n`);
  });

  it('without --timeout, a budget nothing can satisfy ends in one line of the sandbox instead of a hang', () => {
    const { run } = drainWorld();
    run('kubectl create pdb web-pdb --selector=app=web --min-available=4');
    const r = run(DRAIN);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/\nkubesim: kubectl drain tries each refused eviction again every 5s for as long as the budget refuses it \(a real one until Ctrl\+C, or --timeout\); the sandbox stops here, with node\/node01 cordoned\n$/);
    expect(run('kubectl get pods -l app=web --field-selector spec.nodeName=node01 --no-headers').stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('--disable-eviction deletes the pods without asking the budget (Helper.deletePods)', () => {
    const { run } = drainWorld();
    run('kubectl create pdb web-pdb --selector=app=web --min-available=4');
    const pods = run("kubectl get pods -l app=web --field-selector spec.nodeName=node01 -o jsonpath='{.items[*].metadata.name}'").stdout.split(' ');
    const r = run(`${DRAIN} --disable-eviction`);
    expect(r.stdout).toBe(`node/node01 cordoned\npod/debug deleted\n${pods.map((p) => `pod/${p} deleted\n`).join('')}node/node01 drained\n`);
    expect(r.exitCode).toBe(0);
  });

  it('--pod-selector drains only the pods it selects, and must parse (drain.go Complete)', () => {
    const { run } = drainWorld();
    expect(run("kubectl drain node01 --pod-selector='app in (web'").stderr).toBe('error: --pod-selector=<pod_selector> must be a valid label selector\n');
    const r = run(`${DRAIN} --pod-selector=app!=web`);
    expect(r.stdout).toBe('node/node01 cordoned\nevicting pod default/debug\npod/debug evicted\nnode/node01 drained\n');
    expect(run('kubectl get pods -l app=web --field-selector spec.nodeName=node01 --no-headers').stdout.split('\n').filter(Boolean)).toHaveLength(2);
  });

  it('a finished pod goes without --force, whatever owns it (filters.go: any finished pod can be removed)', () => {
    const { run } = drainWorld();
    run(`kubectl run done --image=busybox --restart=Never --overrides='{"spec":{"nodeName":"node01"}}' -- true`);
    expect(run('kubectl get pod done --no-headers').stdout).toMatch(/^done\s+0\/1\s+Completed\s/);
    const r = run('kubectl drain node01 --pod-selector=run=done');
    expect(r.text).toBe('node/node01 cordoned\nevicting pod default/done\npod/done evicted\nnode/node01 drained\n');
  });

  it('cordon and drain take several nodes, by name or -l: every node is cordoned first, then each drained (drain.go RunDrain)', () => {
    const { run } = drainWorld();
    expect(run('kubectl cordon node01 node02').stdout).toBe('node/node01 cordoned\nnode/node02 cordoned\n');
    expect(run('kubectl uncordon -l kubernetes.io/hostname=node02').stdout).toBe('node/node02 uncordoned\n');
    // cmdutil.UsageErrorf's message starts with "error: " already.
    expect(run('kubectl cordon node01 -l x=y').stderr).toBe("error: error: cannot specify both a node name and a --selector option\nSee 'kubectl cordon -h' for help and examples\n");
    expect(run('kubectl cordon node01 nodeX').stderr).toBe('Error from server (NotFound): nodes "nodeX" not found\n');
    expect(run("kubectl drain -l 'a in (b'").stderr).toMatch(/^Error from server \(BadRequest\): Unable to find "\/v1, Resource=nodes" that match label selector "a in \(b"/);
    const r = run(`kubectl drain -l 'kubernetes.io/hostname in (node01,node02)' --ignore-daemonsets`);
    expect(r.stdout).toBe('node/node01 already cordoned\nnode/node02 cordoned\n');
    const lines = r.stderr.split('\n');
    expect(lines[0]).toMatch(/^error: unable to drain node "node01" due to error: \[cannot delete Pods that declare no controller .*\], continuing command\.\.\.$/);
    expect(lines[1]).toMatch(/^error: unable to drain node "node02" due to error: cannot delete Pods with local storage .*, continuing command\.\.\.$/);
    expect(lines.slice(2, 5)).toEqual(['There are pending nodes to be drained:', ' node01', ' node02']);
    // Two nodes' errors: an aggregate of two, each line in its own aggregate's form.
    expect(lines[5]).toMatch(/^\[cannot delete Pods that declare no controller/);
    expect(lines[6]).toMatch(/^cannot delete Pods with local storage/);
    expect(r.exitCode).toBe(1);
  });

  it('a pod two budgets cover cannot be evicted at all', () => {
    const { run } = drainWorld();
    run('kubectl create pdb a --selector=app=web --min-available=1');
    run('kubectl create pdb b --selector=app=web --max-unavailable=1');
    const r = run(DRAIN);
    expect(r.stderr).toMatch(/error when evicting pods\/"web-[\w-]+" -n "default": This pod has more than one PodDisruptionBudget, which the eviction subresource does not support\./);
    expect(r.exitCode).toBe(1);
  });
});
