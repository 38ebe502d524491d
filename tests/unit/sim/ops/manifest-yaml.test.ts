/**
 * The kubelet's small YAML reader (src/sim/controllers/manifest-yaml.ts) reads what it accepts
 * exactly as js-yaml does, and accepts every manifest the scenarios start with, so that the
 * browser worker builds its world before js-yaml is loaded.
 */
import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it, vi } from 'vitest';
import { parseManifestSubset } from '../../../../src/sim/controllers/manifest-yaml.ts';
import { MANIFESTS } from '../../../../src/sim/controllers/staticpods.ts';
import { createSimulator, scenarioNames } from '../../../../src/sim/index.ts';

// Building every scenario takes seconds on a loaded machine.
vi.setConfig({ testTimeout: 60_000 });

/** js-yaml's reading, or the error's constructor name. */
const full = (text: string): unknown => {
  try {
    return { value: yaml.load(text) };
  } catch (e) {
    return (e as Error).name;
  }
};

describe('manifest YAML subset', () => {
  it('reads every static pod manifest of every scenario (after its faults) as js-yaml does', () => {
    let count = 0;
    for (const name of scenarioNames()) {
      const sim = createSimulator({ scenario: name });
      for (const host of sim.world.hosts.values()) {
        for (const file of host.fs.list(MANIFESTS) ?? []) {
          const text = host.fs.readFile(`${MANIFESTS}/${file}`) ?? '';
          expect(parseManifestSubset(text), `${name} ${host.name} ${file}`).toEqual(full(text));
          count++;
        }
      }
    }
    expect(count).toBeGreaterThanOrEqual(4 * scenarioNames().length);
  });

  it('resolves scalars as js-yaml does and leaves the rest to it', () => {
    const doc = [
      'a: 127.0.0.1',
      'b: 2381',
      'c: "0"',
      "d: 'it''s'",
      'e: {}',
      'f: []',
      'g:',
      'h: yes',
      'i: 100m',
      'j: --data-dir=/var/lib/etcd # comment',
      'k: true',
      'l: ~',
      'm:',
      '- x',
      '- name: y',
      '  z: -1',
      '-',
      '  - 0',
      'n: https://10.0.0.1:6443',
    ].join('\n');
    expect(parseManifestSubset(doc)).toEqual({ value: yaml.load(doc) });
    expect(parseManifestSubset('# nothing\n')).toEqual({ value: undefined });
    for (const other of [
      'a: 1.5', 'a: 2026-11-25', 'a: 0x1f', 'a: 0755', 'a: +1', 'a: .inf', 'a: |\n  x', 'a: [1, 2]', 'a: &x 1', 'a: *x', 'a: !!str 1',
      'a: 1\na: 2', 'a:\n  b: 1\n c: 2', 'a: b: c', 'a: "x\\ny"', 'a: "open', '- a', 'a:\tb', '---\na: 1', 'a: x\n  continued', '"k": 1', 'True: 1',
    ]) {
      expect(parseManifestSubset(other), other).toBeUndefined();
    }
  });

  it('reads js-yaml dumps of arbitrary manifests as js-yaml does, and accepts plain ones', () => {
    const key = fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_.\/-]{0,10}$/);
    const tricky = fc.constantFrom('127.0.0.1', '0', '007', '1e3', '1.5', 'true', 'True', 'null', '~', '', ' ', '- x', 'a: b', '#x', 'a #b', "it's", 'say "hi"', '2026-11-25', '.inf', '{}', '[]', '*a', '&a', '!x', '%x', '@x', '`x', 'x:', '-', '--flag=1', '100m', 'yes', '0x1F', '+1', '-0', '9007199254740993');
    const scalar = fc.oneof(fc.string({ maxLength: 12 }), tricky, fc.integer({ min: -1e9, max: 1e9 }), fc.boolean(), fc.constant(null), fc.double({ noNaN: true }));
    const value = fc.letrec<{ node: unknown }>((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(key, tie('node'), { maxKeys: 4 })),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(key, value, { minKeys: 1, maxKeys: 5 }), fc.boolean(), (doc, noArrayIndent) => {
        const text = yaml.dump(doc, { noArrayIndent, lineWidth: -1 });
        const subset = parseManifestSubset(text);
        if (subset !== undefined) expect(subset).toEqual(full(text));
      }),
      { numRuns: 400 },
    );
    // Keys js-yaml writes unquoted (not Y, on, null…), as kubeadm and kubectl write manifests.
    const plainKey = key.filter((k) => yaml.dump({ [k]: 1 }) === `${k}: 1\n` && !['constructor', 'prototype', '__proto__'].includes(k));
    // As kubeadm and kubectl write manifests: no list directly inside a list (`- - x`).
    const plainValue = fc.letrec<{ node: unknown; item: unknown; map: unknown }>((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, tie('item'), fc.array(tie('item'), { maxLength: 3 })),
      item: fc.oneof({ depthSize: 'small' }, fc.stringMatching(/^[a-z][a-z0-9.\/=-]{0,10}$/), fc.integer({ min: 0, max: 1e9 }), fc.boolean(), tie('map')),
      map: fc.dictionary(plainKey, tie('node'), { maxKeys: 3 }),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(plainKey, plainValue, { minKeys: 1, maxKeys: 5 }), fc.boolean(), (doc, noArrayIndent) => {
        const text = yaml.dump(doc, { noArrayIndent, lineWidth: -1 });
        expect(parseManifestSubset(text), text).toEqual({ value: yaml.load(text) });
      }),
      { numRuns: 200 },
    );
  });
});
