import { describe, expect, it } from 'vitest';
import { blockCommands } from '../../../src/components/terminal/run-buttons.ts';

describe('blockCommands', () => {
  it('gives one command per line, skipping comments and blank lines', () => {
    expect(blockCommands(['# nodes', 'kubectl get nodes', '', 'echo hello'])).toEqual([
      { line: 1, command: 'kubectl get nodes' },
      { line: 3, command: 'echo hello' },
    ]);
  });

  it('joins continuation lines and heredocs into one command', () => {
    expect(blockCommands(['kubectl run web \\', '  --image=nginx', "cat <<'EOF' > a.yaml", 'kind: Pod', 'EOF', 'ls'])).toEqual([
      { line: 0, command: 'kubectl run web \\\n  --image=nginx' },
      { line: 2, command: "cat <<'EOF' > a.yaml\nkind: Pod\nEOF" },
      { line: 5, command: 'ls' },
    ]);
  });
});
