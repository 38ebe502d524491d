import { describe, expect, it } from 'vitest';
import { makeWorld } from '../helpers/world.ts';

// staging/src/k8s.io/kubectl/pkg/cmd/drain/drain.go and pkg/drain/{cordon,filters}.go messages;
// pkg/cmd/taint/taint.go.
describe('kubectl cordon, drain, taint', () => {
  it('cordons and uncordons', () => {
    const { k } = makeWorld();
    expect(k('cordon node01').stdout).toBe('node/node01 cordoned\n');
    expect(k('cordon node01').stdout).toBe('node/node01 already cordoned\n');
    expect(k('get node node01').stdout).toBe('NAME     STATUS                     ROLES    AGE     VERSION\nnode01   Ready,SchedulingDisabled   <none>   2d23h   v1.34.2\n');
    expect(k('uncordon node01').stdout).toBe('node/node01 uncordoned\n');
  });

  it('keeps new pods Pending on a cordoned worker, with the scheduler message', () => {
    const { k, cluster } = makeWorld();
    k('cordon node01');
    k('run a --image=nginx');
    const pod = cluster.store.get('Pod', 'default', 'a')!;
    expect(pod.status.phase).toBe('Pending');
    expect(pod.status.conditions[0].message).toBe(
      // Wording as v1.34 clusters print it (taint details dropped; DRA's "no new claims to deallocate").
      '0/2 nodes are available: 1 node(s) had untolerated taint(s), 1 node(s) were unschedulable. no new claims to deallocate, preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
    );
  });

  it('refuses to drain DaemonSet and unmanaged pods without flags', () => {
    const { k } = makeWorld();
    k('run lone --image=nginx');
    const r = k('drain node01');
    expect(r.stdout).toBe('node/node01 cordoned\n');
    expect(r.stderr).toMatch(
      /^error: unable to drain node "node01" due to error: \[cannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\): kube-flannel\/kube-flannel-ds-\w+, kube-system\/kube-proxy-\w+, cannot delete Pods that declare no controller \(use --force to override\): default\/lone\], continuing command...\nThere are pending nodes to be drained:\n node01\n/,
    );
    expect(r.exitCode).toBe(1);
  });

  it('drains with --ignore-daemonsets, evicting managed pods', () => {
    const { k, cluster } = makeWorld();
    k('create deployment web --image=nginx --replicas=2');
    const before = cluster.store.list('Pod', 'default').map((p) => p.metadata.name);
    const r = k('drain node01 --ignore-daemonsets');
    expect(r.stderr).toMatch(/^Warning: ignoring DaemonSet-managed Pods: kube-flannel\/kube-flannel-ds-\w+, kube-system\/kube-proxy-\w+\n$/);
    expect(r.stdout).toBe(
      `node/node01 cordoned\n${before.map((n) => `evicting pod default/${n}\n`).join('')}${before.map((n) => `pod/${n} evicted\n`).join('')}node/node01 drained\n`,
    );
    // The warning (stderr) comes between the cordon line and the evictions (stdout), as drain.go writes them.
    expect(r.chunks?.map((c) => c.stream)).toEqual(['stdout', 'stderr', 'stdout']);
    expect(r.chunks?.[0].text).toBe('node/node01 cordoned\n');
    // The ReplicaSet recreates them, but no node is schedulable for them now.
    expect(cluster.store.list('Pod', 'default').every((p) => p.status.phase === 'Pending')).toBe(true);
  });

  // cmd/drain/drain.go: PrintFlagsWithDryRunStrategy suffixes, deleteOrEvictPodsSimple's client dry run
  // ("evicting pod %s/%s (dry run)"); pkg/drain/drain.go evictPods' server dry run ("evicting pod %s/%s
  // (server dry run)", no wait for deletion, so no "evicted" lines).
  it('drains in dry-run modes without touching the node or its pods', () => {
    const { k, cluster } = makeWorld();
    k('create deployment web --image=nginx --replicas=2');
    const pods = cluster.store.list('Pod', 'default').map((p) => p.metadata.name);
    for (const [mode, suffix] of [['client', ' (dry run)'], ['server', ' (server dry run)']]) {
      const r = k(`drain node01 --ignore-daemonsets --dry-run=${mode}`);
      expect(r.exitCode).toBe(0);
      expect(r.stdout).toBe(`node/node01 cordoned${suffix}\n${pods.map((n) => `evicting pod default/${n}${suffix}\n`).join('')}node/node01 drained${suffix}\n`);
      expect(r.stderr).toMatch(/^Warning: ignoring DaemonSet-managed Pods: /);
    }
    expect(cluster.store.get('Node', undefined, 'node01')?.spec.unschedulable).toBeUndefined();
    expect(cluster.store.list('Pod', 'default').map((p) => p.metadata.name)).toEqual(pods);
    expect(k('drain node01 --dry-run=maybe').stderr).toBe('error: Invalid dry-run value (maybe). Must be "none", "server", or "client".\n');
  });

  it('taints and untaints nodes', () => {
    const { k, cluster } = makeWorld();
    expect(k('taint nodes node01 dedicated=gpu:NoSchedule').stdout).toBe('node/node01 tainted\n');
    expect(k('taint nodes node01 dedicated=gpu:NoSchedule').stderr).toBe('error: node node01 already has dedicated taint(s) with same effect(s) and --overwrite is false\n');
    expect(cluster.store.get('Node', undefined, 'node01')?.spec.taints).toEqual([{ effect: 'NoSchedule', key: 'dedicated', value: 'gpu' }]);
    expect(k('taint nodes node01 dedicated:NoSchedule-').stdout).toBe('node/node01 untainted\n');
  });

  // parseTaints / parseTaint / reorganizeTaints in kubectl/pkg/cmd/taint/utils.go; the key and value
  // rules and their wording from apimachinery/pkg/util/validation.
  it('checks each taint spec as kubectl does, before the node changes', () => {
    const { k, cluster } = makeWorld();
    const err = (args: string) => k(`taint nodes node01 ${args}`).stderr;
    expect(err('key=value:Bogus')).toBe('error: invalid taint effect: Bogus, unsupported taint effect\n');
    expect(err(`key=${'v'.repeat(64)}:NoSchedule`)).toBe(`error: invalid taint spec: key=${'v'.repeat(64)}:NoSchedule, must be no more than 63 characters\n`);
    expect(err('bad_=v:NoSchedule')).toMatch(/^error: invalid taint spec: bad_=v:NoSchedule, name part must consist of alphanumeric characters, '-', '_' or '\.', and must start and end with an alphanumeric character \(e\.g\. 'MyName',  or 'my\.name',  or '123-abc', regex used for validation is/);
    expect(err('a=b=c:NoSchedule')).toBe('error: invalid taint spec: a=b=c:NoSchedule\n');
    expect(err('a:b:NoSchedule')).toBe('error: invalid taint spec: a:b:NoSchedule\n');
    expect(err('justakey')).toBe('error: invalid taint spec: justakey\n');
    expect(err('a=c:NoSchedule a=d:NoSchedule')).toBe('error: duplicated taints with the same key and effect: {a d NoSchedule <nil>}\n');
    expect(err('gone:NoSchedule- zz-')).toBe('error: [taint "gone:NoSchedule" not found, taint "zz" not found]\n');
    expect(cluster.store.get('Node', undefined, 'node01')?.spec.taints).toBeUndefined();
    // New taints come first, then the old ones they do not replace; adding and removing at once is "modified".
    expect(k('taint nodes node01 a=1:NoSchedule').stdout).toBe('node/node01 tainted\n');
    expect(k('taint nodes node01 b:NoExecute a:NoSchedule-').stdout).toBe('node/node01 modified\n');
    expect(cluster.store.get('Node', undefined, 'node01')?.spec.taints).toEqual([{ effect: 'NoExecute', key: 'b' }]);
    expect(k('taint nodes node01 b=2:NoExecute --overwrite').stdout).toBe('node/node01 modified\n');
  });
});

describe('kubectl label', () => {
  // parseLabels in kubectl/pkg/cmd/label/label.go checks values; the API server checks keys (ValidateLabels).
  it('refuses a bad value itself and a bad key from the API server', () => {
    const { k } = makeWorld();
    expect(k('label node node01 a=b=c').stderr).toBe('error: invalid label spec: a=b=c\n');
    expect(k('label node node01 a=-x').stderr).toMatch(/^error: invalid label value: "a=-x": a valid label must be an empty string or consist of alphanumeric characters/);
    expect(k('label node node01 bad_=v').stderr).toMatch(/^The Node "node01" is invalid: metadata\.labels: Invalid value: "bad_": name part must consist of alphanumeric characters/);
    expect(k('label node node01 tier=web').stdout).toBe('node/node01 labeled\n');
  });
});

describe('node lifecycle', () => {
  it('turns a node NotReady 50 s (node-monitor-grace-period, v1.32+) after its kubelet stops and Ready when it starts again', () => {
    const { k, world } = makeWorld();
    const kubelet = { name: 'kubelet', active: true, enabled: true, since: world.clock.now(), journal: [] as string[] };
    world.hosts.get('node01')!.services.set('kubelet', kubelet);
    kubelet.active = false;
    kubelet.since = world.clock.now();
    world.clock.advance(45_000);
    world.tick();
    expect(k('get node node01 --no-headers').stdout).toMatch(/^node01\s+Ready\s/);
    world.clock.advance(6_000);
    world.tick();
    expect(k('get node node01 --no-headers').stdout).toMatch(/^node01\s+NotReady\s/);
    expect(k('describe node node01').stdout).toContain('Taints:             node.kubernetes.io/unreachable:NoSchedule\n                    node.kubernetes.io/unreachable:NoExecute\n');
    kubelet.active = true;
    world.tick();
    expect(k('get node node01 --no-headers').stdout).toMatch(/^node01\s+Ready\s/);
  });
});

describe('kubeadm join seam', () => {
  it('adds a Ready node with the next podCIDR and runs the DaemonSets on it', () => {
    const { k, cluster, world } = makeWorld();
    world.clock.advance(60_000);
    cluster.addNode({ name: 'node02', ip: '192.168.121.12', role: 'worker' });
    expect(k('get node node02').stdout).toBe('NAME     STATUS   ROLES    AGE   VERSION\nnode02   Ready    <none>   0s    v1.34.2\n');
    expect(cluster.store.get('Node', undefined, 'node02')?.spec.podCIDR).toBe('10.244.2.0/24');
    expect(cluster.store.list('Pod').filter((p) => p.spec.nodeName === 'node02').map((p) => p.metadata.name.replace(/-\w{5}$/, '')).sort()).toEqual(['kube-flannel-ds', 'kube-proxy']);
    // The clock keeps moving after a join.
    world.clock.advance(120_000);
    expect(k('get node node02 --no-headers').stdout).toMatch(/\s2m\s/);
  });
});
