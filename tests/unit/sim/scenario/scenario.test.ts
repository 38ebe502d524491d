import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { createSimulator } from '../../../../src/sim/index.ts';
import { resolveScenario, scenarioNames } from '../../../../src/sim/scenario/loader.ts';
import { ScenarioError, validateScenario } from '../../../../src/sim/scenario/schema.ts';
import { GENERATED_DIR, renderGenerated } from '../../../../scripts/build-scenarios.mjs';
import { SCENARIO_LOADERS } from '../../../../src/sim/scenario/loaders.generated.ts';
import { OnDemandScenarios } from '../../../../src/sim/scenario/on-demand.ts';

describe('catalog', () => {
  it('is up to date with content/scenarios (run `npm run scenarios` when this fails)', () => {
    const files: Map<string, string> = renderGenerated();
    const root = new URL('../../../../', import.meta.url);
    for (const [path, text] of files) expect(readFileSync(new URL(path, root), 'utf8'), path).toBe(text);
    expect(readdirSync(GENERATED_DIR).map((f) => `src/sim/scenario/generated/${f}`).sort()).toEqual([...files.keys()].filter((p) => p.includes('/generated/')).sort());
  });

  it('validates every module the browser worker loads (the worker trusts them and carries no validator)', async () => {
    expect(Object.keys(SCENARIO_LOADERS).sort()).toEqual(scenarioNames());
    for (const [name, load] of Object.entries(SCENARIO_LOADERS)) {
      const doc = await load();
      expect(validateScenario(doc, `scenario "${name}"`).name, name).toBe(name);
      const trusted = new OnDemandScenarios({ [name]: () => Promise.resolve(doc) });
      await trusted.prepare(name);
      expect(trusted.lookup(name)).toEqual(validateScenario(structuredClone(doc)));
    }
  });

  it('lists the scenarios and each one resolves and builds', () => {
    expect(scenarioNames()).toContain('default');
    for (const name of scenarioNames()) {
      const sim = createSimulator({ scenario: name });
      expect(sim.scenario.name).toBe(name);
      expect(sim.run('hostname').stdout).toBe(`${sim.scenario.start}\n`);
    }
  });
});

describe('schema', () => {
  const err = (doc: unknown): string => {
    try {
      validateScenario(doc);
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      return (e as Error).message;
    }
    return 'valid';
  };

  it('names the field that is wrong', () => {
    expect(err({ name: 'x', hosts: [{ name: 'a', ip: '1.2.3', role: 'worker' }] })).toBe('scenario "x": hosts[0].ip: expected an IPv4 address, got "1.2.3"');
    expect(err({ name: 'x', hosts: [{ name: 'a', ip: '10.0.0.1', role: 'boss' }] })).toBe('scenario "x": hosts[0].role: expected control-plane or worker');
    expect(err({ name: 'x', titel: {} })).toMatch(/^scenario "x": titel: unknown field/);
    expect(err({ name: 'x', cluster: { version: '1.34' } })).toBe('scenario "x": cluster.version: expected a version like v1.34.2');
    expect(err({ name: 'x', files: { node01: { 'etc/hosts': 'x' } } })).toBe('scenario "x": files.node01["etc/hosts"]: expected an absolute path');
    expect(err({ name: 'x', faults: [{ type: 'stop-service', host: 'node01' }] })).toBe('scenario "x": faults[0].service: required for stop-service');
    expect(err({ name: 'x', checks: [{ run: 'ls', expct: 'a' }] })).toMatch(/^scenario "x": checks\[0\]\.expct: unknown field/);
    expect(err({ name: 'X Y' })).toBe('scenario "X Y": name: expected a lowercase name like "kubelet-stopped"');
    expect(err({ name: 'ok', title: { en: 'a', ja: 'b' } })).toBe('valid');
  });

  it('rejects an unknown scenario name and a bad start host', () => {
    expect(() => resolveScenario('nope')).toThrow('unknown scenario "nope"');
    expect(() => resolveScenario({ name: 'x', start: 'node09' })).toThrow('scenario "x": start: no host named "node09"');
  });
});

describe('extends, files and faults', () => {
  it('inherits the default cluster and merges files per host', () => {
    const s = resolveScenario({ name: 'x', files: { node01: { '/root/note.txt': 'hi\n' }, '*': { '/etc/hostname': null } } });
    expect(s.hosts.map((h) => h.name)).toEqual(['controlplane', 'node01', 'node02']);
    const sim = createSimulator({ scenario: { name: 'x', files: { node01: { '/root/note.txt': 'hi\n' }, '*': { '/etc/hostname': null } } } });
    expect(sim.run('ssh node01 cat note.txt').stdout).toBe('hi\n');
    expect(sim.run('cat /etc/hostname').stderr).toBe('cat: /etc/hostname: No such file or directory\n');
    expect(sim.run('cat /etc/hosts').stdout).toContain('127.0.1.1 controlplane\n');
    expect(sim.run('ssh node02 cat /run/flannel/subnet.env').stdout).toContain('FLANNEL_SUBNET=10.244.2.1/24');
  });

  it('applies stop-service and edit-file faults', () => {
    const sim = createSimulator({
      scenario: {
        name: 'broken',
        faults: [
          { type: 'stop-service', host: 'node01', service: 'kubelet' },
          { type: 'edit-file', host: 'controlplane', path: '/etc/kubernetes/manifests/etcd.yaml', sed: 's#/var/lib/etcd#/var/lib/etcd-wrong#g' },
        ],
      },
    });
    expect(sim.world.hosts.get('node01')?.services.get('kubelet')?.active).toBe(false);
    expect(sim.world.hosts.get('node02')?.services.get('kubelet')?.active).toBe(true);
    expect(sim.run('grep -c etcd-wrong /etc/kubernetes/manifests/etcd.yaml').stdout).toBe('3\n');
    // The scenario clock is kept: faults were applied before it.
    expect(sim.run('date +%T').stdout).toBe('09:00:00\n');
  });

  it('evaluates checks without recording them', () => {
    const sim = createSimulator({ scenario: { name: 'c', checks: [{ name: 'file', run: 'cat /tmp/done', expect: 'yes' }, { run: 'test-missing-cmd', exitCode: 127 }] } });
    expect(sim.check().map((c) => [c.name, c.pass])).toEqual([['file', false], ['check 2', true]]);
    sim.run('echo yes > /tmp/done');
    expect(sim.check()[0].pass).toBe(true);
    expect(sim.snapshot().log).toEqual(['echo yes > /tmp/done']);
  });
});

describe('default scenario files', () => {
  const sim = createSimulator();
  it('has kubeadm static pod manifests with the etcd data dir and certs', () => {
    const etcd = sim.run('cat /etc/kubernetes/manifests/etcd.yaml').stdout;
    expect(etcd).toContain('    - --data-dir=/var/lib/etcd\n');
    expect(etcd).toContain('    - --cert-file=/etc/kubernetes/pki/etcd/server.crt\n');
    expect(sim.run('ls /etc/kubernetes/pki/etcd | cat').stdout).toBe('ca.crt\nca.key\nhealthcheck-client.crt\nhealthcheck-client.key\npeer.crt\npeer.key\nserver.crt\nserver.key\n');
    expect(sim.run('head -1 /etc/kubernetes/pki/ca.crt').stdout).toBe('-----BEGIN CERTIFICATE-----\n');
  });
  it('has Ubuntu 24.04 release files and kernel forwarding on', () => {
    expect(sim.run('cat /etc/lsb-release').stdout).toBe('DISTRIB_ID=Ubuntu\nDISTRIB_RELEASE=24.04\nDISTRIB_CODENAME=noble\nDISTRIB_DESCRIPTION="Ubuntu 24.04.3 LTS"\n');
    expect(sim.run('cat /proc/sys/net/ipv4/ip_forward').stdout).toBe('1\n');
    expect(sim.run('grep -c "server: https://192.168.121.10:6443" /root/.kube/config').stdout).toBe('1\n');
  });
});
