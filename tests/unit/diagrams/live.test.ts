import { describe, expect, it } from 'vitest';
import { liveState } from '../../../src/components/diagrams/live-state.ts';
import { dnsLiveWords, podSearchList, searchWalk } from '../../../src/lib/diagrams/dns.ts';
import { keys, liveFacts, NO_WORDS } from '../../../src/lib/diagrams/live-keys.ts';
import { bindingLiveWords } from '../../../src/lib/diagrams/storage-binding.ts';
import { createSimulator } from '../../../src/sim/index.ts';
import { data } from './fixtures.ts';

describe('searchWalk', () => {
  // resolv.conf(5), "ndots": names with fewer dots than ndots are tried with the search list first,
  // then as an absolute name; with at least ndots dots, as an absolute name first.
  const search = podSearchList('default', 'cluster.local');
  it('tries the search list first for a short name', () => {
    expect(searchWalk('kube-dns.kube-system', search)).toEqual([
      'kube-dns.kube-system.default.svc.cluster.local',
      'kube-dns.kube-system.svc.cluster.local',
      'kube-dns.kube-system.cluster.local',
      'kube-dns.kube-system.',
    ]);
  });
  it('tries a name with five dots as it is first, and a trailing dot only as it is', () => {
    expect(searchWalk('a.b.c.d.e.f', search)[0]).toBe('a.b.c.d.e.f.');
    expect(searchWalk('web-service.default.svc.cluster.local.', search)).toEqual(['web-service.default.svc.cluster.local.']);
  });
  it('is the search list kubelet writes for a Pod (dns-pod-service docs)', () => {
    expect(search).toEqual(['default.svc.cluster.local', 'svc.cluster.local', 'cluster.local']);
  });
});

describe('liveFacts', () => {
  it('highlights the rule and the backend that answered, and nothing for a 404', () => {
    const facts = liveFacts(
      { pvcs: [], lastRoute: { host: 'wear.my-online-store.com', path: '/', rule: { host: 'wear.my-online-store.com', path: '/' }, service: 'wear-service', status: 200 } },
      NO_WORDS,
    );
    expect(facts.on).toEqual([keys.routeAny, 'route:rule:wear.my-online-store.com|/', 'route:svc:wear-service']);
    const miss = liveFacts({ pvcs: [], lastRoute: { host: 'x', path: '/nope', status: 404 } }, NO_WORDS);
    expect(miss.on).toEqual([keys.routeAny]);
  });

  it('writes the names the last lookup tried, in the page language', () => {
    const words = dnsLiveWords(data('dns'), 'ja');
    const facts = liveFacts(
      {
        pvcs: [],
        lastDnsWalk: {
          query: 'web-service',
          tries: [{ name: 'web-service.default.svc.cluster.local', answer: '10.104.33.21' }],
        },
      },
      words,
    );
    expect(facts.text[keys.dnsQuery]).toBe('nslookup web-service');
    expect(facts.text[keys.dnsName(0)]).toBe('web-service.default.svc.cluster.local');
    expect(facts.text[keys.dnsStatus(0)]).toBe('A 10.104.33.21');
    expect(facts.text[keys.dnsStatus(1)]).toBe('問い合わせない');
    expect(facts.text[keys.dnsResult]).toBe('10.104.33.21を返す');
    expect(facts.on).toEqual(expect.arrayContaining([keys.dnsSlot(0), keys.dnsAnswer(0), keys.dnsResult]));
    expect(facts.off).toEqual(expect.arrayContaining([keys.dnsSlot(1), keys.dnsNext(0)]));
  });

  it('marks a lookup that found nothing as failed', () => {
    const words = dnsLiveWords(data('dns'), 'en');
    const tries = ['kube-dns.default.svc.cluster.local', 'kube-dns.svc.cluster.local', 'kube-dns.cluster.local', 'kube-dns.'].map((name) => ({ name }));
    const facts = liveFacts({ pvcs: [], lastDnsWalk: { query: 'kube-dns', tries } }, words);
    expect(facts.text[keys.dnsResult]).toBe("can't resolve");
    expect(facts.off).toContain(keys.dnsResult);
    expect([0, 1, 2, 3].map((i) => facts.text[keys.dnsStatus(i)])).toEqual(['NXDOMAIN', 'NXDOMAIN', 'NXDOMAIN', 'NXDOMAIN']);
  });

  it('shows which PV a claim is bound to', () => {
    const words = bindingLiveWords(data('storage-binding'), 'en');
    const bound = liveFacts({ pvcs: [{ name: 'myclaim', namespace: 'default', phase: 'Bound', volume: 'pv-vol1' }] }, words, ['myclaim']);
    expect(bound.on).toEqual([keys.pvc('myclaim'), keys.bind('myclaim')]);
    expect(bound.text[keys.pvcVolume('myclaim')]).toBe('VOLUME: pv-vol1');
    const pending = liveFacts({ pvcs: [{ name: 'myclaim', namespace: 'default', phase: 'Pending', volume: '' }] }, words, ['myclaim']);
    expect(pending.off).toEqual([keys.bind('myclaim')]);
    expect(pending.text[keys.pvcPhase('myclaim')]).toBe('STATUS: Pending');
    const absent = liveFacts({ pvcs: [] }, words, ['myclaim']);
    expect(absent.off).toEqual([keys.bind('myclaim'), keys.pvc('myclaim')]);
  });
});

describe('liveState', () => {
  it('lists the claims of a simulator as the reader applies manifests', () => {
    const sim = createSimulator({ scenario: 'default' });
    expect(liveState(sim.world)).toEqual({ pvcs: [] });
    const manifest = [
      'apiVersion: v1',
      'kind: PersistentVolume',
      'metadata: {name: pv-vol1}',
      'spec: {accessModes: [ReadWriteOnce], capacity: {storage: 1Gi}, hostPath: {path: /tmp/data}}',
      '---',
      'apiVersion: v1',
      'kind: PersistentVolumeClaim',
      'metadata: {name: myclaim}',
      "spec: {accessModes: [ReadWriteOnce], storageClassName: '', resources: {requests: {storage: 500Mi}}}",
    ].join('\n');
    expect(sim.run(`cat > pv.yaml <<'EOF'\n${manifest}\nEOF`).exitCode).toBe(0);
    expect(sim.run('kubectl apply -f pv.yaml').exitCode).toBe(0);
    expect(liveState(sim.world).pvcs).toEqual([{ name: 'myclaim', namespace: 'default', phase: 'Bound', volume: 'pv-vol1' }]);
  });

  it('follows the last ingress request the simulator routed', () => {
    const sim = createSimulator({ scenario: 'ingress' });
    expect(liveState(sim.world).lastRoute).toBeUndefined();
    expect(sim.run('kubectl apply -f /root/Ingress-wear-watch.yaml').exitCode).toBe(0);
    sim.run('curl -s http://node01:30080/wear');
    expect(liveState(sim.world).lastRoute).toMatchObject({ path: '/wear', rule: { host: '', path: '/wear' }, service: 'wear-service', status: 200 });
    sim.run('curl -s http://node01:30080/nothing');
    const miss = liveState(sim.world).lastRoute;
    expect(miss?.status).toBe(404);
    expect(miss?.rule).toBeUndefined();
  });

  it('follows the names the last lookup tried', () => {
    const sim = createSimulator({ scenario: 'dns' });
    sim.run('kubectl exec busybox -- nslookup web-service');
    const walk = liveState(sim.world).lastDnsWalk;
    expect(walk?.query).toBe('web-service');
    expect(walk?.tries[0]).toEqual({ name: 'web-service.default.svc.cluster.local', answer: '10.104.33.21' });
  });
});
