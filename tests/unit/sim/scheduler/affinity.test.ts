import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

// kube-scheduler's NodeAffinity and InterPodAffinity plugins (pkg/scheduler/framework/plugins/
// {nodeaffinity,interpodaffinity}) and DefaultPreemption's summary, on the default three-node cluster
// (controlplane tainted NoSchedule, node01 and node02 workers).
const pod = (name: string, affinity: string, labels = `app: ${name}`) => `cat <<EOF | kubectl apply -f -
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    ${labels}
spec:
  affinity:
${affinity}
  containers:
  - name: c
    image: nginx
EOF`;

const nodeOf = (sim: ReturnType<typeof createSimulator>, name: string) => sim.run(`kubectl get pod ${name} -o jsonpath='{.spec.nodeName}'`).stdout;
const scheduling = (sim: ReturnType<typeof createSimulator>, name: string) =>
  sim.run(`kubectl get pod ${name} -o jsonpath='{.status.conditions[?(@.type=="PodScheduled")].message}'`).stdout;

describe('scheduler: node affinity', () => {
  it('places a pod by required matchExpressions, and keeps one Pending with the NodeAffinity reason', () => {
    const sim = createSimulator();
    sim.run('kubectl label node node02 disktype=ssd');
    sim.run(pod('ssd', '    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n        - matchExpressions:\n          - key: disktype\n            operator: In\n            values: [ssd]'));
    expect(nodeOf(sim, 'ssd')).toBe('node02');
    sim.run(pod('nvme', '    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n        - matchExpressions:\n          - key: disktype\n            operator: In\n            values: [nvme]'));
    expect(nodeOf(sim, 'nvme')).toBe('');
    expect(scheduling(sim, 'nvme')).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match Pod's node affinity/selector. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    );
  });

  it('ORs the terms, ANDs the expressions of a term, and knows NotIn, DoesNotExist and Gt', () => {
    const sim = createSimulator();
    sim.run('kubectl label node node01 zone=a gen=3 && kubectl label node node02 zone=b gen=5');
    const required = (exprs: string) => `    nodeAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n        nodeSelectorTerms:\n${exprs}`;
    sim.run(pod('or', required('        - matchExpressions:\n          - {key: zone, operator: In, values: [x]}\n        - matchExpressions:\n          - {key: zone, operator: In, values: [b]}')));
    sim.run(pod('and', required('        - matchExpressions:\n          - {key: zone, operator: In, values: [a, b]}\n          - {key: gen, operator: Gt, values: ["4"]}')));
    sim.run(pod('notin', required('        - matchExpressions:\n          - {key: zone, operator: NotIn, values: [b]}\n          - {key: node-role.kubernetes.io/control-plane, operator: DoesNotExist}')));
    expect([nodeOf(sim, 'or'), nodeOf(sim, 'and'), nodeOf(sim, 'notin')]).toEqual(['node02', 'node02', 'node01']);
  });

  it('prefers the node of the heavier preferred term, when both fit', () => {
    const sim = createSimulator();
    sim.run('kubectl label node node02 tier=fast');
    for (const name of ['p1', 'p2', 'p3'])
      sim.run(pod(name, '    nodeAffinity:\n      preferredDuringSchedulingIgnoredDuringExecution:\n      - weight: 80\n        preference:\n          matchExpressions:\n          - {key: tier, operator: In, values: [fast]}'));
    expect([nodeOf(sim, 'p1'), nodeOf(sim, 'p2'), nodeOf(sim, 'p3')]).toEqual(['node02', 'node02', 'node02']);
    // Without a preference, the least loaded node: node01.
    sim.run('kubectl run plain --image=nginx');
    expect(nodeOf(sim, 'plain')).toBe('node01');
  });
});

describe('scheduler: inter-pod affinity', () => {
  const anti = '    podAntiAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n      - labelSelector:\n          matchLabels:\n            app: web\n        topologyKey: kubernetes.io/hostname';

  it('spreads pods with required anti-affinity one per node; the third stays Pending, and preemption finds no victims', () => {
    const sim = createSimulator();
    for (const name of ['w1', 'w2', 'w3']) sim.run(pod(name, anti, 'app: web'));
    expect(new Set([nodeOf(sim, 'w1'), nodeOf(sim, 'w2')])).toEqual(new Set(['node01', 'node02']));
    expect(nodeOf(sim, 'w3')).toBe('');
    expect(scheduling(sim, 'w3')).toBe(
      "0/3 nodes are available: 1 node(s) had untolerated taint(s), 2 node(s) didn't match pod anti-affinity rules. no new claims to deallocate, preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    );
  });

  it("keeps other pods away from a pod's anti-affinity, and places pods next to their required affinity", () => {
    const sim = createSimulator();
    sim.run('kubectl run db --image=nginx --labels=app=db');
    const dbNode = nodeOf(sim, 'db');
    sim.run(pod('near', '    podAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n      - labelSelector:\n          matchLabels:\n            app: db\n        topologyKey: kubernetes.io/hostname'));
    expect(nodeOf(sim, 'near')).toBe(dbNode);
    sim.run(pod('loner', '    podAntiAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n      - labelSelector:\n          matchLabels:\n            app: guest\n        topologyKey: kubernetes.io/hostname', 'app: loner'));
    const lonerNode = nodeOf(sim, 'loner');
    // Both workers hold a pod now; guests may only go where the loner is not.
    for (const name of ['g1', 'g2']) sim.run(`kubectl run ${name} --image=nginx --labels=app=guest`);
    expect(nodeOf(sim, 'g1')).not.toBe(lonerNode);
    expect(nodeOf(sim, 'g2')).not.toBe(lonerNode);
    sim.run(pod('orphan', '    podAffinity:\n      requiredDuringSchedulingIgnoredDuringExecution:\n      - labelSelector:\n          matchLabels:\n            app: nothing\n        topologyKey: kubernetes.io/hostname'));
    expect(scheduling(sim, 'orphan')).toContain("2 node(s) didn't match pod affinity rules. no new claims to deallocate, preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");
  });
});

describe('kubectl run --overrides', () => {
  it('merges the JSON into the generated pod (RFC 7396 by default), and reports bad input as kubectl does', () => {
    const sim = createSimulator();
    const yaml = sim.run(`kubectl run x --image=busybox --dry-run=client -o yaml --overrides='{"spec":{"nodeName":"node02","containers":[{"name":"x","image":"busybox","command":["sleep","3600"]}]}}'`).stdout;
    expect(yaml).toContain('spec:\n  containers:\n  - command:\n    - sleep\n    - "3600"\n    image: busybox\n    name: x\n  dnsPolicy: ClusterFirst\n  nodeName: node02\n');
    sim.run(`kubectl run pinned --image=nginx --overrides='{"spec":{"nodeName":"node02"}}'`);
    expect(nodeOf(sim, 'pinned')).toBe('node02');
    expect(sim.run(`kubectl run y --image=nginx --overrides='{bad'`).stderr).toBe('error: Invalid JSON Patch\n');
    expect(sim.run(`kubectl run y --image=nginx --overrides='{}' --override-type=foo`).stderr).toBe('error: invalid override type: foo\n');
  });
});

describe('kubectl run --overrides --override-type=json', () => {
  it('refuses an operation without a path instead of writing a field named "undefined"', () => {
    const sim = createSimulator();
    const r = sim.run(`kubectl run z --image=nginx --overrides='[{"op":"add"}]' --override-type=json`);
    expect(r.stderr).toBe('error: doc is missing path: "": missing value\n');
    expect(r.exitCode).toBe(1);
    expect(sim.run(`kubectl run z --image=nginx --overrides='[{"op":"add","path":"/spec/nodeName","value":"node02"}]' --override-type=json`).exitCode).toBe(0);
  });
});
