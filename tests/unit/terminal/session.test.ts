import { describe, expect, it } from 'vitest';
import { createSimulator, isIncomplete } from '../../../src/sim/index.ts';
import type { FromWorker } from '../../../src/components/terminal/protocol.ts';
import { liveState } from '../../../src/components/diagrams/live-state.ts';
import { SimSession, type TerminalSimulator } from '../../../src/components/terminal/session.ts';

const real = () => {
  const session = new SimSession((scenario) => createSimulator({ scenario }), isIncomplete);
  session.followDiagrams(liveState);
  return session;
};

function result(answer: FromWorker | undefined) {
  if (answer?.type !== 'result') throw new Error(`expected a result, got ${JSON.stringify(answer)}`);
  return answer;
}

describe('SimSession (the worker side)', () => {
  it('runs commands and reports the prompt of the host the session is on', () => {
    const s = real();
    expect(s.handle({ type: 'init', scenario: 'default', replay: [] })).toEqual({
      type: 'ready',
      prompt: 'controlplane $ ',
      transcript: [],
      state: { pvcs: [] },
    });
    expect(result(s.handle({ type: 'run', id: 1, input: 'echo hello' })).entry).toEqual({
      prompt: 'controlplane $ ',
      input: 'echo hello',
      stdout: 'hello\n',
      stderr: '',
      exitCode: 0,
    });
    expect(result(s.handle({ type: 'run', id: 2, input: 'ssh node01' })).prompt).toBe('node01 $ ');
  });

  it('restores state by replaying, returning the transcript with the prompt of each command', () => {
    const s = real();
    const ready = s.handle({ type: 'init', scenario: 'default', replay: ['ssh node01', 'hostname'] });
    expect(ready).toMatchObject({ type: 'ready', prompt: 'node01 $ ' });
    if (ready?.type !== 'ready') throw new Error('not ready');
    expect(ready.transcript.map((e) => [e.prompt, e.input, e.stdout])).toEqual([
      ['controlplane $ ', 'ssh node01', ''],
      ['node01 $ ', 'hostname', 'node01\n'],
    ]);
    // A second init starts over (Reset).
    expect(s.handle({ type: 'init', scenario: 'default', replay: [] })).toMatchObject({ prompt: 'controlplane $ ' });
  });

  it('collects the lines of an unfinished command (heredoc) and runs them as one', () => {
    const s = real();
    s.handle({ type: 'init', scenario: 'default', replay: [] });
    expect(s.handle({ type: 'run', id: 1, input: 'cat <<EOF' })).toEqual({ type: 'more', id: 1, prompt: '> ' });
    expect(s.handle({ type: 'run', id: 2, input: 'hi there' })).toMatchObject({ type: 'more' });
    const done = result(s.handle({ type: 'run', id: 3, input: 'EOF' }));
    expect(done.entry.input).toBe('cat <<EOF\nhi there\nEOF');
    expect(done.entry.stdout).toBe('hi there\n');
    // Ctrl+C forgets an unfinished command.
    s.handle({ type: 'run', id: 4, input: 'echo "open' });
    expect(s.handle({ type: 'cancel' })).toBeUndefined();
    expect(result(s.handle({ type: 'run', id: 5, input: 'echo ok' })).entry.stdout).toBe('ok\n');
  });

  it('answers completions for the word under the cursor', () => {
    const s = real();
    s.handle({ type: 'init', scenario: 'default', replay: [] });
    expect(s.handle({ type: 'complete', id: 7, line: 'kubectl de', cursor: 10 })).toEqual({
      type: 'completions',
      id: 7,
      candidates: ['debug', 'delete', 'describe'],
    });
  });

  it("passes the terminal's width with each command to the programs that fit their output to it", () => {
    const s = real();
    s.handle({ type: 'init', scenario: 'default', replay: [] });
    const ls = (columns: number) => result(s.handle({ type: 'run', id: columns, input: 'ls /etc/kubernetes/manifests', columns })).entry.stdout;
    expect(ls(30).split('\n')).toHaveLength(5);
    expect(ls(200).split('\n')).toHaveLength(2);
  });

  it('says whether the scenario started broken, so the page says "fixed" only after a fault', () => {
    const s = real();
    // dns is a scenario to explore: its one check holds before anything is typed.
    expect(s.handle({ type: 'init', scenario: 'dns', replay: [] })).toMatchObject({ checks: [true], brokenAtStart: false });
    // A restored session of a fixed troubleshooting scenario: it started broken and passes now.
    const fix = [
      `kubectl patch service web-service -p '{"spec":{"selector":{"app":"webapp"}}}'`,
      `kubectl patch service web-service --type=json -p '[{"op":"replace","path":"/spec/ports/0/targetPort","value":80}]'`,
    ];
    expect(s.handle({ type: 'init', scenario: 'broken-app', replay: fix })).toMatchObject({ checks: [true, true, true], brokenAtStart: true });
    expect(s.handle({ type: 'init', scenario: 'broken-app', replay: [] })).toMatchObject({ checks: [false, false, false], brokenAtStart: true });
    // No checks, nothing to say.
    expect(s.handle({ type: 'init', scenario: 'default', replay: [] })).toMatchObject({ checks: undefined, brokenAtStart: undefined });
  });

  it('reports a scenario that cannot be built instead of dying', () => {
    const s = real();
    expect(s.handle({ type: 'init', scenario: 'no-such-scenario', replay: [] })).toMatchObject({ type: 'fail' });
  });

  it('turns a simulator that throws into a line on stderr', () => {
    const throwing: TerminalSimulator = {
      run: () => {
        throw new Error('boom');
      },
      prompt: () => 'x $ ',
    };
    const s = new SimSession(() => throwing);
    s.handle({ type: 'init', scenario: 'default', replay: [] });
    expect(result(s.handle({ type: 'run', id: 1, input: 'anything' })).entry).toMatchObject({
      stderr: 'kubesim: internal error: boom\n',
      exitCode: 1,
    });
    expect(s.handle({ type: 'complete', id: 2, line: 'a', cursor: 1 })).toEqual({ type: 'completions', id: 2, candidates: [] });
  });
});
