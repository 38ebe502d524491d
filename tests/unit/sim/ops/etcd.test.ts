import { describe, expect, it, vi } from 'vitest';
import { ETCD_TLS, ops } from './helpers.ts';

// Whole-cluster sequences with long sleeps take a few seconds each.
vi.setConfig({ testTimeout: 60_000 });

// etcdctl 3.6 (etcdctl/ctlv3/command/snapshot_command.go: only `save` left; printer_table.go with
// olekukonko/tablewriter), etcdutl 3.6 (etcdutl/etcdutl/snapshot_command.go, etcdutl/snapshot/v3_snapshot.go
// "restoring snapshot" / "restored snapshot", `data-dir %q not empty or could not be read`).
// grpc-go connection errors as etcdctl's retry interceptor logs them, ending in "Error: context deadline exceeded".
// Procedure: kubernetes.io/docs/tasks/administer-cluster/configure-upgrade-etcd/ (kubeadm static pod restore).
describe('etcdctl', () => {
  it('needs the TLS flags kubeadm etcd requires', () => {
    const { run } = ops();
    const plain = run('etcdctl member list');
    expect(plain.exitCode).toBe(1);
    expect(plain.stderr).toContain('"msg":"retrying of unary invoker failed"');
    expect(plain.stderr).toContain('desc = \\"error reading server preface: EOF\\""');
    expect(plain.stderr.endsWith('Error: context deadline exceeded\n')).toBe(true);
    expect(run('etcdctl --endpoints=https://127.0.0.1:2379 member list').stderr).toContain('x509: certificate signed by unknown authority');
    expect(run('etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt member list').stderr).toContain('remote error: tls: certificate required');
    expect(run('etcdctl --endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/nope.crt --key=/nope.key member list').stderr).toBe('Error: open /nope.crt: no such file or directory\n');
    const save = run('etcdctl snapshot save /opt/x.db');
    expect(save.stderr).toContain('"msg":"created temporary db file","path":"/opt/x.db.part"');
    expect(save.exitCode).toBe(1);
    expect(run('ls /opt/x.db').exitCode).not.toBe(0);
  });

  it('lists members, health and version; ETCDCTL_API=3 and ETCDCTL_* variables are accepted', () => {
    const { run, out } = ops();
    expect(out('etcdctl version')).toBe('etcdctl version: 3.6.4\nAPI version: 3.6\n');
    const table = out(`ETCDCTL_API=3 etcdctl ${ETCD_TLS} member list -w table`).split('\n');
    expect(table[1]).toBe('|        ID        | STATUS  |     NAME     |         PEER ADDRS          |        CLIENT ADDRS         | IS LEARNER |');
    expect(table[3]).toMatch(/^\| [0-9a-f]{16} \| started \| controlplane \| https:\/\/192\.168\.121\.10:2380 \| https:\/\/192\.168\.121\.10:2379 \|      false \|$/);
    expect(out('ETCDCTL_ENDPOINTS=https://127.0.0.1:2379 ETCDCTL_CACERT=/etc/kubernetes/pki/etcd/ca.crt ETCDCTL_CERT=/etc/kubernetes/pki/etcd/server.crt ETCDCTL_KEY=/etc/kubernetes/pki/etcd/server.key etcdctl endpoint health')).toMatch(/^https:\/\/127\.0\.0\.1:2379 is healthy: successfully committed proposal: took = [\d.]+ms\n$/);
    expect(out(`etcdctl ${ETCD_TLS} get /registry/namespaces --prefix --keys-only`)).toBe('/registry/namespaces/default\n\n/registry/namespaces/kube-flannel\n\n/registry/namespaces/kube-node-lease\n\n/registry/namespaces/kube-public\n\n/registry/namespaces/kube-system\n\n');
    expect(out(`etcdctl ${ETCD_TLS} get /registry/minions --prefix --keys-only`)).toContain('/registry/minions/node01\n');
  });

  it('has no snapshot restore in 3.6', () => {
    const { run } = ops();
    expect(run('ETCDCTL_API=3 etcdctl snapshot restore /opt/s.db --data-dir=/var/lib/etcd-from-backup')).toEqual({ stdout: '', stderr: 'Error: unknown flag: --data-dir\n', exitCode: 1 });
    const help = run('etcdctl snapshot restore /opt/s.db');
    expect(help.exitCode).toBe(0);
    expect(help.stdout).toContain('COMMANDS:\n\tsave\tStores an etcd node backend snapshot to a given file\n');
  });
});

describe('etcd backup and restore (kubeadm static pods)', () => {
  it('brings back what the snapshot had: deleted objects return, later ones vanish', () => {
    const { run, out } = ops();
    out('kubectl create deployment important --image=nginx --replicas=2');
    const save = run(`etcdctl ${ETCD_TLS} snapshot save /opt/snapshot-pre-boot.db`);
    // etcdctl/ctlv3/command/snapshot_command.go (v3.6): SaveWithVersion's zap log on stderr first,
    // then "Snapshot saved at %s" and "Server version %s" on stdout.
    expect(save.stdout).toBe('Snapshot saved at /opt/snapshot-pre-boot.db\nServer version 3.6.4\n');
    expect(save.stderr).toContain('"msg":"saved","path":"/opt/snapshot-pre-boot.db"');
    expect(save.chunks?.map((c) => c.stream)).toEqual(['stderr', 'stdout']);
    expect(out('ls -l /opt/snapshot-pre-boot.db')).toMatch(/^-rw-r--r-- 1 root root \d+ Nov 25 09:00 \/opt\/snapshot-pre-boot\.db\n$/);
    const status = out('etcdutl --write-out=table snapshot status /opt/snapshot-pre-boot.db').split('\n');
    expect(status[0]).toBe('+----------+----------+------------+------------+---------+');
    expect(status[1]).toBe('|   HASH   | REVISION | TOTAL KEYS | TOTAL SIZE | VERSION |');
    expect(status[3]).toMatch(/^\| [0-9a-f]{8} \| +\d+ \| +\d+ \| +[\d.]+ kB \|   3\.6\.0 \|$/);

    out('kubectl delete deployment important');
    out('kubectl create deployment later --image=nginx');
    out('mv /etc/kubernetes/manifests/kube-apiserver.yaml /root/');
    const restore = run('etcdutl --data-dir /var/lib/etcd-from-backup snapshot restore /opt/snapshot-pre-boot.db');
    expect(restore.exitCode).toBe(0);
    expect(restore.stderr).toMatch(/^2026-11-25T09:00:00\.000Z\tinfo\tsnapshot\/v3_snapshot\.go:265\trestoring snapshot\t\{"path": "\/opt\/snapshot-pre-boot\.db", "wal-dir": "\/var\/lib\/etcd-from-backup\/member\/wal", "data-dir": "\/var\/lib\/etcd-from-backup"/);
    expect(restore.stderr).toContain('\tinfo\tsnapshot/v3_snapshot.go:293\trestored snapshot\t');
    expect(out('ls -1 /var/lib/etcd-from-backup/member')).toBe('snap\nwal\n');
    expect(run('etcdutl --data-dir /var/lib/etcd-from-backup snapshot restore /opt/snapshot-pre-boot.db').stderr).toBe('Error: data-dir "/var/lib/etcd-from-backup" not empty or could not be read\n');

    out("sed -i 's|path: /var/lib/etcd$|path: /var/lib/etcd-from-backup|' /etc/kubernetes/manifests/etcd.yaml");
    out('mv /root/kube-apiserver.yaml /etc/kubernetes/manifests/');
    // The kubelet recreates etcd and kube-apiserver; for a moment the API is not there.
    expect(run('kubectl get deployments').stderr).toBe('The connection to the server 192.168.121.10:6443 was refused - did you specify the right host or port?\n');
    run('sleep 20');
    const deps = out('kubectl get deployments');
    expect(deps).toContain('important');
    expect(deps).not.toContain('later');
    expect(out('kubectl get pods')).toMatch(/important-\S+ +1\/1 +Running/);
  });

  it('the etcd-backup scenario passes its checks after its solution', () => {
    const { sim } = ops('etcd-backup');
    for (const s of sim.scenario.solution ?? []) sim.run(s);
    expect(sim.check().map((c) => c.pass)).toEqual([true, true, true]);
  });
});
