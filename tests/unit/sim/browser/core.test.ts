/**
 * The browser entry (src/sim/browser.ts) before and after its command families load. This file
 * must not import src/sim/index.ts: that registers every command at once.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator, loadCommandFamilies, loadCommandsFor, loadCompletion, OnDemandScenarios, scenarioLoaders } from '../../../../src/sim/browser.ts';
import { loadedChunks } from '../../../../src/sim/commands/lazy.ts';
import { commandNames, loadedCommandNames } from '../../../../src/sim/commands/registry.ts';
import { VERB_PARTS, verbNames } from '../../../../src/sim/commands/kubectl/verbs.ts';

const loads: string[] = [];
const loaders = Object.fromEntries(Object.entries(scenarioLoaders).map(([name, load]) => [name, () => (loads.push(name), load())]));

describe('browser entry', () => {
  it('builds the world and prompts with no command loaded, importing only the scenario and what it extends', async () => {
    const scenarios = new OnDemandScenarios(loaders);
    await scenarios.prepare('broken-worker');
    expect(loads.sort()).toEqual(['broken-worker', 'default']);
    const sim = createSimulator({ scenario: 'broken-worker' }, scenarios);
    expect(loadedCommandNames()).toEqual([]);
    expect(sim.prompt()).toBe('controlplane $ ');
    expect(sim.scenario.hosts.map((h) => h.name)).toEqual(['controlplane', 'node01', 'node02']);
  });

  it('reports an unknown or unprepared scenario as the catalog does', async () => {
    const scenarios = new OnDemandScenarios(loaders);
    await scenarios.prepare('nope');
    expect(() => createSimulator({ scenario: 'nope' }, scenarios)).toThrow(/^unknown scenario "nope" \(known: broken-app, .*default.*\)$/);
    expect(() => createSimulator({ scenario: 'dns' }, scenarios)).toThrow('scenario "dns": could not be loaded');
    const failing = new OnDemandScenarios({ ...loaders, default: () => Promise.reject(new Error('offline')) });
    await failing.prepare('dns');
    expect(() => createSimulator({ scenario: 'dns' }, failing)).toThrow('scenario "default": could not be loaded');
  });

  it('knows every command name before loading any (completion, which, type)', async () => {
    const scenarios = new OnDemandScenarios(loaders);
    await scenarios.prepare('default');
    const sim = createSimulator({ scenario: 'default' }, scenarios);
    expect(commandNames()).toEqual(expect.arrayContaining(['kubectl', 'etcdctl', 'systemctl', 'nslookup', 'ls']));
    // Completion is a chunk of its own, loaded with the first Tab.
    expect(sim.complete('etcd')).toEqual([]);
    await loadCompletion();
    expect(sim.complete('etcd')).toEqual(['etcdctl', 'etcdutl']);
    expect(sim.run('which kubectl etcdctl').stdout).toBe('/usr/bin/kubectl\n/usr/bin/etcdctl\n');
    expect(sim.run('type systemctl').stdout).toBe('systemctl is /usr/bin/systemctl\n');
    expect(loadedCommandNames()).toEqual([]);
    // Only a line scan that missed a family gets here; the worker never runs such a line.
    expect(sim.run('systemctl status kubelet')).toEqual({ stdout: '', stderr: 'kubesim: systemctl: command not loaded\n', exitCode: 126 });
  });

  it('loads kubectl\'s core alone for kubectl get, then each part for the verbs and printers a line names', async () => {
    const scenarios = new OnDemandScenarios(loaders);
    await scenarios.prepare('default');
    const sim = createSimulator({ scenario: 'default' }, scenarios);
    await loadCommandsFor(['kubectl get nodes']);
    expect(loadedChunks()).toEqual(['kubectl']);
    expect(loadedCommandNames()).toEqual(['kubectl']);
    expect(sim.run('kubectl get nodes').stdout.split('\n')[0]).toMatch(/^NAME +STATUS +ROLES +AGE +VERSION$/);
    const core = verbNames();
    expect(core).toEqual(['get', 'top']);
    expect(sim.run('kubectl describe node node01').stderr).toBe('kubesim: kubectl describe: not loaded\n');
    expect(sim.run('kubectl get nodes -o jsonpath={.items[0].metadata.name}').stderr).toBe('error: kubesim: the jsonpath printer is not loaded\n');
    await loadCommandsFor(['kubectl describe node node01']);
    expect(sim.run('kubectl describe node node01').stdout).toMatch(/^Name: +node01\n/);
    await loadCommandsFor(['kubectl get nodes -o jsonpath={.items[0].metadata.name}']);
    expect(sim.run('kubectl get nodes -o jsonpath={.items[0].metadata.name}').stdout).toBe('controlplane');
    expect(loadedChunks().sort()).toEqual(['kubectl', 'kubectl-describe', 'kubectl-events', 'kubectl-jsonpath']);
    // drain comes without js-yaml and the API server's validation; apply brings both.
    await loadCommandsFor(['kubectl drain node01 --ignore-daemonsets']);
    expect(loadedChunks().sort()).toEqual(['kubectl', 'kubectl-describe', 'kubectl-events', 'kubectl-jsonpath', 'kubectl-ops']);
    expect(sim.run('kubectl drain node01 --ignore-daemonsets').stdout).toMatch(/^node\/node01 cordoned\n/);
    await loadCommandsFor(['kubectl apply -f x.yaml']);
    expect(loadedChunks()).toEqual(expect.arrayContaining(['kubectl-verbs', 'yaml']));
    expect(loadedChunks()).not.toContain('kubectl-explain');
    // explain's texts come alone, with explain.
    await loadCommandsFor(['kubectl explain pod.spec']);
    expect(sim.run('kubectl explain pod.spec.nodeName').stdout).toContain('NodeName indicates in which node this pod is scheduled.');
    // completion comes with the help texts.
    await loadCommandsFor(['source <(kubectl completion bash)']);
    expect(loadedChunks()).toContain('kubectl-help');
    expect(sim.run('source <(kubectl completion bash)')).toMatchObject({ stderr: '', exitCode: 0 });
    // Each part registers exactly the verbs VERB_PARTS says it holds.
    expect(verbNames()).toEqual([...core, ...Object.keys(VERB_PARTS)].sort());
  });

  it('has every command once the families are loaded', async () => {
    await Promise.all([loadCommandFamilies(), loadCommandFamilies()]);
    const scenarios = new OnDemandScenarios(loaders);
    await scenarios.prepare('default');
    const sim = createSimulator({ scenario: 'default' }, scenarios);
    expect(sim.run('kubectl get nodes --no-headers | wc -l').stdout).toBe('3\n');
    const { ALL_FAMILIES } = await import('../../../../src/sim/commands/all.ts');
    expect(commandNames()).toEqual(Object.values(ALL_FAMILIES).flatMap((f) => Object.keys(f)).sort());
  });
});
