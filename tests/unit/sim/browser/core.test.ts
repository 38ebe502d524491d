/**
 * The browser entry (src/sim/browser.ts) before and after its command families load. This file
 * must not import src/sim/index.ts: that registers every command at once.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator, loadCommandFamilies, OnDemandScenarios, scenarioLoaders } from '../../../../src/sim/browser.ts';
import { commandNames } from '../../../../src/sim/commands/registry.ts';

const loads: string[] = [];
const loaders = Object.fromEntries(Object.entries(scenarioLoaders).map(([name, load]) => [name, () => (loads.push(name), load())]));

describe('browser entry', () => {
  it('builds the world and prompts with no command loaded, importing only the scenario and what it extends', async () => {
    const scenarios = new OnDemandScenarios(loaders);
    await scenarios.prepare('broken-worker');
    expect(loads.sort()).toEqual(['broken-worker', 'default']);
    const sim = createSimulator({ scenario: 'broken-worker' }, scenarios);
    expect(commandNames()).toEqual([]);
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
