import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { scenarioText, solutionCommands } from '../../../src/components/terminal/scenario-text.ts';

describe('scenarioText', () => {
  it('reads the bilingual title and task and the solution of a real scenario file', () => {
    const data = yaml.load(readFileSync('content/scenarios/kubelet-stopped.yaml', 'utf8'));
    const en = scenarioText(data, 'en');
    const ja = scenarioText(data, 'ja');
    expect(en.task).toMatch(/node01/);
    expect(ja.task).not.toBe(en.task);
    expect(en.solution).toContain('systemctl start kubelet');
    expect(ja.solution).toEqual(en.solution);
  });

  it('accepts plain fields, per-language solutions, command objects, and skips comments', () => {
    expect(scenarioText({ task: 'Do it', solution: 'ls\n# why\n\npwd' }, 'ja')).toEqual({
      title: undefined,
      task: 'Do it',
      solution: ['ls', 'pwd'],
    });
    expect(solutionCommands({ ja: ['ls -l'], en: ['ls'] }, 'ja')).toEqual(['ls -l']);
    expect(solutionCommands([{ command: 'kubectl get nodes' }, 3, null], 'en')).toEqual(['kubectl get nodes']);
    expect(scenarioText(undefined, 'en')).toEqual({ title: undefined, task: undefined, solution: [] });
  });
});
