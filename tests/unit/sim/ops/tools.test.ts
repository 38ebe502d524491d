import { describe, expect, it, vi } from 'vitest';
import { ops } from './helpers.ts';

// Whole-cluster sequences with long sleeps take a few seconds each.
vi.setConfig({ testTimeout: 60_000 });

// crictl: cri-tools cmd/crictl/container.go and sandbox.go (tabwriter minwidth 20, padding 3; 13-char IDs;
// CREATED via go-units HumanDuration + " ago"). openssl: OpenSSL 3.0 `x509 -text` layout; certificate
// contents from kubeadm's certlist.go (CN kube-apiserver, issuer CN kubernetes, the apiserver SANs; 365 days, CAs 10×365 days: constants.go).
// df: GNU coreutils; free: procps-ng 4.0 header.
describe('node troubleshooting tools', () => {
  it('crictl ps lists the static pods even while the API server is down', () => {
    const { run, out } = ops();
    const ps = out('crictl ps').split('\n');
    expect(ps[0]).toMatch(/^CONTAINER {11}IMAGE {15}CREATED {13}STATE {15}NAME {2,}ATTEMPT {13}POD ID {14}POD {2,}NAMESPACE$/);
    expect(ps.some((l) => /^[0-9a-f]{13} {7}[0-9a-f]{13} {7}3 days ago {10}Running {13}kube-apiserver +0 +[0-9a-f]{13} +kube-apiserver-controlplane +kube-system$/.test(l))).toBe(true);
    out("sed -i 's/- kube-scheduler$/- kube-schedulerr/' /etc/kubernetes/manifests/kube-scheduler.yaml");
    out('mv /etc/kubernetes/manifests/kube-apiserver.yaml /root/');
    run('sleep 30');
    expect(run('kubectl get pods').exitCode).toBe(1);
    const now = out('crictl ps -a');
    expect(now).not.toContain('kube-apiserver-controlplane');
    expect(now).toMatch(/Exited +kube-scheduler +\d+ +[0-9a-f]{13} +kube-scheduler-controlplane/);
    expect(out('crictl ps')).not.toContain('kube-scheduler');
    expect(out('ssh node01 crictl ps')).toContain('kube-proxy');
  });

  it('openssl x509 shows the API server certificate as kubeadm makes it', () => {
    const { out, run } = ops();
    const t = out('openssl x509 -in /etc/kubernetes/pki/apiserver.crt -text -noout');
    expect(t.startsWith('Certificate:\n    Data:\n        Version: 3 (0x2)\n        Serial Number: ')).toBe(true);
    expect(t).toContain('        Issuer: CN = kubernetes\n        Validity\n            Not Before: Nov 22 08:55:00 2026 GMT\n            Not After : Nov 22 09:00:00 2027 GMT\n        Subject: CN = kube-apiserver\n');
    expect(t).toContain('            X509v3 Subject Alternative Name: \n                DNS:controlplane, DNS:kubernetes, DNS:kubernetes.default, DNS:kubernetes.default.svc, DNS:kubernetes.default.svc.cluster.local, IP Address:10.96.0.1, IP Address:192.168.121.10\n');
    expect(out('openssl x509 -in /etc/kubernetes/pki/etcd/server.crt -noout -subject -issuer')).toBe('subject=CN = controlplane\nissuer=CN = etcd-ca\n');
    expect(out('openssl x509 -in /etc/kubernetes/pki/ca.crt -noout -enddate')).toBe('notAfter=Nov 19 08:55:00 2036 GMT\n');
    expect(run('openssl x509 -in /nope.crt -noout').stderr).toContain('Could not open file or uri for loading certificate from /nope.crt\n');
  });

  it('df -h and free -m print their headers', () => {
    const { out } = ops();
    expect(out('df -h').split('\n')[0]).toBe('Filesystem      Size  Used Avail Use% Mounted on');
    expect(out('free -m').split('\n')[0]).toBe('               total        used        free      shared  buff/cache   available');
  });

  // cmd/kubeadm/app/cmd/certs.go check-expiration: tabwriter table, ShortHumanDuration residual times.
  it('kubeadm certs check-expiration lists leaf certificates and CAs', () => {
    const { out } = ops();
    const t = out('kubeadm certs check-expiration').split('\n');
    expect(t[3]).toBe('CERTIFICATE                EXPIRES                  RESIDUAL TIME   CERTIFICATE AUTHORITY   EXTERNALLY MANAGED');
    expect(t[5]).toBe('apiserver                  Nov 22, 2027 09:00 UTC   362d            ca                      no      ');
    expect(t).toContain('ca                      Nov 19, 2036 08:55 UTC   9y              no      ');
  });
});

describe('apt lists', () => {
  it('only see the new repository after apt-get update', () => {
    const { run, out } = ops();
    out("sed -i 's|/v1.34/|/v1.35/|' /etc/apt/sources.list.d/kubernetes.list");
    expect(out('apt-cache madison kubelet')).toContain('   kubelet | 1.34.2-1.1 | https://pkgs.k8s.io/core:/stable:/v1.34/deb  Packages\n');
    out('apt-get update');
    expect(out('apt-cache madison kubelet')).toBe('   kubelet | 1.35.0-1.1 | https://pkgs.k8s.io/core:/stable:/v1.35/deb  Packages\n');
    out("sed -i 's|/v1.35/|/v1.36/|' /etc/apt/sources.list.d/kubernetes.list");
    expect(run('apt-get update').exitCode).toBe(100);
    expect(run('apt-get install -y kubelet=1.36.0-1.1').stderr).toBe("E: Version '1.36.0-1.1' for 'kubelet' was not found\n");
  });
});
