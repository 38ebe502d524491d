/**
 * Every object a scenario declares is one the API server accepts: Node, which decodes strictly and
 * validates every write, creates each of them. This is what lets the browser worker build a
 * scenario's world with the controllers of its kinds alone, without the validation and js-yaml
 * chunks (src/sim/browser.ts initChunks).
 */
import { describe, expect, it } from 'vitest';
import type { Cluster } from '../../../../src/sim/cluster.ts';
import { createSimulator, scenarioNames } from '../../../../src/sim/index.ts';

interface Declared {
  kind: string;
  metadata?: { name?: string; namespace?: string };
}

describe('scenario objects', () => {
  for (const name of scenarioNames()) {
    it(`${name}: each declared object exists once the world is built`, () => {
      const sim = createSimulator({ scenario: name });
      const store = (sim.world.cluster as Cluster).store;
      const missing = (sim.scenario.objects as Declared[])
        .filter((o) => {
          const id = o.metadata?.name ?? '';
          return !store.get(o.kind, o.metadata?.namespace ?? 'default', id) && !store.get(o.kind, undefined, id);
        })
        .map((o) => `${o.kind}/${o.metadata?.name}`);
      expect(missing, `${name}: objects the API server refused`).toEqual([]);
    });
  }

  it('a declared object the API server refuses is caught (the check can fail)', () => {
    const sim = createSimulator({
      scenario: { name: 'bad-object', extends: 'default', objects: [{ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'Bad_Name' }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }] },
    });
    expect((sim.world.cluster as Cluster).store.get('Pod', 'default', 'Bad_Name')).toBeUndefined();
  });
});
