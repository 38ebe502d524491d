/**
 * The browser entry prints what the Node entry prints: every scenario's solution, run in both,
 * gives the same transcript. And the lazy families are the families Node registers at once.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator as browserSimulator, loadCommandFamilies, OnDemandScenarios, scenarioLoaders } from '../../../../src/sim/browser.ts';
import { ALL_FAMILIES } from '../../../../src/sim/commands/all.ts';
import { FAMILY_COMMANDS } from '../../../../src/sim/commands/command-map.ts';
import { FAMILIES } from '../../../../src/sim/commands/lazy.ts';
import { createSimulator, scenarioNames } from '../../../../src/sim/index.ts';

const scenarios = new OnDemandScenarios(scenarioLoaders);

describe('browser entry parity', () => {
  it('imports the same scenarios as Node', () => {
    expect(Object.keys(scenarioLoaders).sort()).toEqual(scenarioNames());
  });

  it('loads the same families as Node, with the same commands', async () => {
    expect(Object.keys(FAMILIES).sort()).toEqual(Object.keys(ALL_FAMILIES).sort());
    for (const [name, load] of Object.entries(FAMILIES)) expect((await load()).COMMANDS).toEqual(ALL_FAMILIES[name]);
  });

  it('knows, before loading, the commands each family registers (command-map.ts)', () => {
    const sorted = (r: Record<string, string[]>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, [...v].sort()]));
    expect(sorted(FAMILY_COMMANDS)).toEqual(sorted(Object.fromEntries(Object.entries(ALL_FAMILIES).map(([k, v]) => [k, Object.keys(v)]))));
  });

  for (const name of scenarioNames()) {
    it(`scenario ${name}: same transcript as Node`, async () => {
      await loadCommandFamilies();
      await scenarios.prepare(name);
      const node = createSimulator({ scenario: name });
      const browser = browserSimulator({ scenario: name }, scenarios);
      expect(browser.scenario).toEqual(node.scenario);
      for (const line of [...(node.scenario.solution ?? []), 'kubectl get pods -A -o wide', 'systemctl status kubelet']) {
        expect(browser.run(line)).toEqual(node.run(line));
        expect(browser.prompt()).toBe(node.prompt());
      }
      expect(browser.check()).toEqual(node.check());
    });
  }
});
