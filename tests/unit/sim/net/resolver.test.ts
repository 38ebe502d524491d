/**
 * Cluster DNS beyond the page: namespaces and the search list (dns-pod-service docs), headless
 * Services, SRV for named ports and ExternalName CNAMEs (CoreDNS kubernetes plugin README),
 * bind9 nslookup/dig layouts (bin/dig/nslookup.c, bin/dig/dig.c with masterdump.c columns),
 * Corefile failures, and /etc/hosts on a node (systemd-resolved's ReadEtcHosts, nsswitch files).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';
import { parseResolvConf, searchCandidates } from '../../../../src/sim/net/resolver.ts';
import { netTrace } from '../../../../src/sim/net/trace.ts';

describe('search list walk', () => {
  const conf = parseResolvConf('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
  it('fewer dots than ndots: search domains first, then the name', () => {
    expect(searchCandidates('web-service.apps', conf)).toEqual(['web-service.apps.default.svc.cluster.local', 'web-service.apps.svc.cluster.local', 'web-service.apps.cluster.local', 'web-service.apps']);
  });
  it('a trailing dot is absolute', () => {
    expect(searchCandidates('www.google.com.', conf)).toEqual(['www.google.com']);
  });
});

describe('cluster DNS from Pods (dns scenario)', () => {
  const sim = createSimulator({ scenario: 'dns' });
  it('a short name resolves in the client’s own namespace only', () => {
    expect(sim.run('kubectl exec -n apps busybox -- nslookup web-service').stdout).toContain('Address 1: 10.98.140.17 web-service.apps.svc.cluster.local');
    expect(sim.run('kubectl exec busybox -- nslookup web-service.apps').stdout).toContain('Address 1: 10.98.140.17 web-service.apps.svc.cluster.local');
    expect(netTrace(sim.world).lastDns?.tried.map((t) => t.name)).toEqual(['web-service.apps.default.svc.cluster.local', 'web-service.apps.svc.cluster.local']);
  });
  it('bind9 nslookup in the dnsutils image: authoritative answer, NXDOMAIN with exit 1', () => {
    expect(sim.run('kubectl exec dnsutils -- nslookup web-service').stdout).toBe('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\nName:\tweb-service.default.svc.cluster.local\nAddress: 10.104.33.21\n\n');
    const r = sim.run('kubectl exec dnsutils -- nslookup nothing-here');
    expect(r.stdout).toBe("Server:\t\t10.96.0.10\nAddress:\t10.96.0.10#53\n\n** server can't find nothing-here: NXDOMAIN\n\n");
    expect(r.stderr).toBe('command terminated with exit code 1\n');
  });
  it('dig: sections in master-file columns, +short, no search list without +search', () => {
    const r = sim.run('kubectl exec dnsutils -- dig web-service.default.svc.cluster.local');
    expect(r.stdout).toContain(';; flags: qr aa rd; QUERY: 1, ANSWER: 1, AUTHORITY: 0, ADDITIONAL: 1\n;; WARNING: recursion requested but not available\n');
    expect(r.stdout).toContain(';; ANSWER SECTION:\nweb-service.default.svc.cluster.local. 30 IN A\t10.104.33.21\n');
    expect(sim.run('kubectl exec dnsutils -- dig +short web-service.default.svc.cluster.local').stdout).toBe('10.104.33.21\n');
    expect(sim.run('kubectl exec dnsutils -- dig web-service').stdout).toContain('status: NXDOMAIN');
    expect(sim.run('kubectl exec dnsutils -- dig +short -x 10.104.33.21').stdout).toBe('web-service.default.svc.cluster.local.\n');
  });
  it('dig with no name asks for the root NS set (dig.c parse_args), whatever type was given', () => {
    const host = createSimulator();
    for (const line of ['dig', 'dig MX']) {
      const out = host.run(line).stdout;
      // printgreeting() writes " %s" per argument, so a bare dig has no space after <<>>.
      expect(out).toContain(`; <<>> DiG 9.18.39-0ubuntu0.24.04.2-Ubuntu <<>>${line.slice(3)}\n;; global options: +cmd\n`);
      expect(out).toContain(';; QUESTION SECTION:\n;.\t\t\t\tIN\tNS\n');
      expect(out).toContain(';; flags: qr rd ra; QUERY: 1, ANSWER: 13, AUTHORITY: 0, ADDITIONAL: 1\n');
      expect(out).toContain('.\t\t\t518400\tIN\tNS\ta.root-servers.net.\n');
      // 13 NS records whose names after the first compress to "x" + a pointer: the real 239 bytes.
      expect(out).toContain(';; MSG SIZE  rcvd: 239\n');
    }
    expect(host.run('nslookup')).toEqual({ stdout: '', stderr: 'kubesim: nslookup: interactive mode is not simulated in this sandbox; give the name on the command line: nslookup NAME [SERVER]\n', exitCode: 1 });
    expect(host.run('dig +short').stdout.split('\n').filter(Boolean)).toEqual('abcdefghijklm'.split('').map((l) => `${l}.root-servers.net.`));
  });
  it('headless Services answer one A per ready Pod; named ports get SRV; ExternalName is a CNAME', () => {
    sim.run('kubectl create service clusterip web-headless --clusterip=None --tcp=80:80');
    sim.run('kubectl label service web-headless app=web --overwrite');
    sim.run("kubectl patch service web-headless -p '{\"spec\":{\"selector\":{\"app\":\"web\"}}}'");
    const apply = sim.run(`cat <<'EOF' | kubectl apply -f -
apiVersion: v1
kind: Service
metadata:
  name: web-named
spec:
  selector:
    app: web
  ports:
  - name: http
    port: 80
---
apiVersion: v1
kind: Service
metadata:
  name: search
spec:
  type: ExternalName
  externalName: www.google.com
EOF`);
    expect(apply.exitCode).toBe(0);
    const srv = sim.run('kubectl exec dnsutils -- dig +short SRV _http._tcp.web-named.default.svc.cluster.local');
    expect(srv.stdout).toBe('0 100 80 web-named.default.svc.cluster.local.\n');
    const cname = sim.run('kubectl exec dnsutils -- dig +short search.default.svc.cluster.local');
    expect(cname.stdout).toBe('www.google.com.\n142.250.196.132\n');
  });
  it('external names go through CoreDNS’s forward; a forward to an unreachable upstream gives SERVFAIL', () => {
    const ok = sim.run('kubectl exec dnsutils -- nslookup www.google.com');
    expect(ok.stdout).toContain('Non-authoritative answer:\nName:\twww.google.com\nAddress: 142.250.196.132\n');
    const other = createSimulator({ scenario: 'dns' });
    other.run("kubectl -n kube-system get configmap coredns -o yaml | sed 's#forward . /etc/resolv.conf#forward . 10.255.255.1#' | kubectl replace -f -");
    const r = other.run('kubectl exec dnsutils -- nslookup www.google.com.');
    expect(r.stdout).toContain("** server can't find www.google.com.: SERVFAIL");
    expect(other.run('kubectl exec dnsutils -- nslookup web-service').stdout).toContain('Address: 10.104.33.21');
  });
  it('a Corefile CoreDNS refuses to load (unknown plugin) takes DNS down once the Pods restart', () => {
    const s = createSimulator({ scenario: 'dns' });
    s.run("kubectl -n kube-system get configmap coredns -o yaml | sed 's#forward . /etc/resolv.conf#proxy . /etc/resolv.conf#' | kubectl replace -f -");
    // The running Pods keep the last good configuration (the reload plugin rejects the new one).
    expect(s.run('kubectl exec dnsutils -- nslookup web-service').stdout).toContain('Address: 10.104.33.21');
    s.run('kubectl -n kube-system rollout restart deployment coredns');
    s.run('sleep 60');
    expect(s.run('kubectl exec dnsutils -- nslookup web-service').stdout).toBe(';; connection timed out; no servers could be reached\n\n');
  });
  it('random names never throw', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9.-]{0,40}$/), (name) => {
        expect(() => sim.run(`kubectl exec dnsutils -- dig +short ${name || 'x'}`)).not.toThrow();
      }),
      { numRuns: 40 },
    );
  });
});

describe('names on a node', () => {
  it('/etc/hosts: getent and curl see it; nslookup sees it only through systemd-resolved’s stub', () => {
    const sim = createSimulator({ scenario: 'dns' });
    sim.run('echo "192.168.121.11 db" >> /etc/hosts');
    expect(sim.run('getent hosts db').stdout).toBe('192.168.121.11  db\n');
    expect(sim.run('nslookup db').stdout).toBe('Server:\t\t127.0.0.53\nAddress:\t127.0.0.53#53\n\nNon-authoritative answer:\nName:\tdb\nAddress: 192.168.121.11\n\n');
    sim.run('echo "nameserver 8.8.8.8" > /etc/resolv.conf');
    expect(sim.run('nslookup db').stdout).toBe("Server:\t\t8.8.8.8\nAddress:\t8.8.8.8#53\n\n** server can't find db: NXDOMAIN\n\n");
    expect(sim.run('getent hosts db').stdout).toBe('192.168.121.11  db\n');
    expect(sim.run('ping -c 1 db').stdout).toMatch(/^PING db \(192\.168\.121\.11\) 56\(84\) bytes of data\.\n64 bytes from db \(192\.168\.121\.11\): icmp_seq=1 ttl=64 time=/);
  });
  it('cluster names do not resolve on a node (its resolver is not CoreDNS)', () => {
    const sim = createSimulator({ scenario: 'dns' });
    expect(sim.run('curl http://web-service/').stderr).toBe('curl: (6) Could not resolve host: web-service\n');
    expect(sim.run('curl -s http://10.104.33.21/').stdout).toContain('<title>Welcome to nginx!</title>');
  });
});
