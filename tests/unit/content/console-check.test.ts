import { describe, expect, it } from 'vitest';
import { consoleBlocks, fenceAttributes, mergeStreams, parseConsole, readRows, sameOutput, unifiedDiff } from '../../../src/lib/console-check.ts';
import { outline } from '../../../src/lib/mdx-outline.ts';

describe('parseConsole', () => {
  it('splits a block into commands and their output', () => {
    const steps = parseConsole('$ kubectl get ns\nNAME      STATUS   AGE\ndefault   Active   5m\n$ kubectl version --client\nClient Version: v1.34.2\n');
    expect(steps.map((s) => s.command)).toEqual(['kubectl get ns', 'kubectl version --client']);
    expect(steps[0].expected).toBe('NAME      STATUS   AGE\ndefault   Active   5m');
    expect(steps[1].line).toBe(4);
  });
  it('joins continuation lines', () => {
    const [step] = parseConsole('$ kubectl run web \\\n  --image=nginx\npod/web created');
    expect(step.command).toBe('kubectl run web \\\n  --image=nginx');
    expect(step.expected).toBe('pod/web created');
  });
  it('takes a here-document into the command', () => {
    const [step, next] = parseConsole("$ cat <<'EOF' > a.yaml\nkind: Pod\n$ not a command\nEOF\n$ cat a.yaml\nkind: Pod\n$ not a command");
    expect(step.command).toBe("cat <<'EOF' > a.yaml\nkind: Pod\n$ not a command\nEOF");
    expect(step.expected).toBe('');
    expect(next.command).toBe('cat a.yaml');
  });
  it('reads `# ` lines before a command as comments, after it as output', () => {
    const steps = parseConsole('# list the nodes\n$ kubectl get nodes\nx\n# then the pods\n$ cat conf\n# a comment in the file\nkey: 1');
    expect(steps.map((s) => s.command)).toEqual(['kubectl get nodes', 'cat conf']);
    expect(steps[0].expected).toBe('x');
    expect(steps[1].expected).toBe('# a comment in the file\nkey: 1');
  });
  it('reports output that has no command', () => {
    expect(parseConsole('stray\n$ true')[0]).toMatchObject({ command: '', expected: 'stray' });
  });
});

describe('sameOutput', () => {
  // Table layout from k8s.io/cli-runtime/pkg/printers/tablewriter.go (tabwriter, padding 3).
  const nodes = ['NAME           STATUS   ROLES           AGE   VERSION', 'controlplane   Ready    control-plane   12d   v1.34.2', 'node01         Ready    <none>          12d   v1.34.2'].join('\n');
  it('forgives ages, even when they change a column width', () => {
    const actual = ['NAME           STATUS   ROLES           AGE     VERSION', 'controlplane   Ready    control-plane   3d      v1.34.2', 'node01         Ready    <none>          2d23h   v1.34.2'].join('\n');
    expect(sameOutput(nodes, actual)).toBe(true);
  });
  it('notices a changed cell', () => {
    expect(sameOutput(nodes, nodes.replace('node01         Ready ', 'node01         NotReady'))).toBe(false);
    expect(sameOutput(nodes, nodes.replace('v1.34.2\nnode01', 'v1.35.0\nnode01'))).toBe(false);
  });
  it('notices a row out of line with its header', () => {
    expect(sameOutput(nodes, nodes.replace('node01         Ready', 'node01        Ready '))).toBe(false);
  });
  it('keeps empty cells as cells', () => {
    const pending = 'NAME      STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   AGE\nmyclaim   Pending                                      slow           3s';
    const moved = 'NAME      STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   AGE\nmyclaim   Pending                         slow                          3s';
    expect(sameOutput(pending, pending.replace('3s', '1m'))).toBe(true);
    expect(sameOutput(pending, moved)).toBe(false);
    expect(readRows(pending)[1]).toMatchObject({ cells: ['myclaim', 'Pending', '', '', '', 'slow', '<age>'] });
  });
  it('forgives generated name suffixes, not other names', () => {
    const a = 'pod/web-7c5ddbdf54-2xk9p evicted';
    expect(sameOutput(a, 'pod/web-5d8f6b9c4-q7wlm evicted')).toBe(true);
    expect(sameOutput('kube-proxy-2xkqn', 'kube-proxy-8vd4w')).toBe(true);
    expect(sameOutput('kube-proxy', 'kube-proxx')).toBe(false);
    expect(sameOutput(a, 'pod/api-7c5ddbdf54-2xk9p evicted')).toBe(false);
  });
  it('forgives timestamps, uids and resourceVersions', () => {
    expect(sameOutput('creationTimestamp: "2026-11-25T09:00:00Z"\nuid: 0b7a3f4e-1c2d-4e5f-8a9b-0c1d2e3f4a5b\nresourceVersion: "812"', 'creationTimestamp: "2026-11-22T09:12:03Z"\nuid: 9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a\nresourceVersion: "1204"')).toBe(true);
    expect(sameOutput('Start Time:   Mon, 23 Nov 2026 09:00:00 +0000', 'Start Time:   Wed, 25 Nov 2026 10:12:00 +0000')).toBe(true);
  });
  it('keeps durations outside tables exact', () => {
    expect(sameOutput('    health {\n       lameduck 5s\n    }', '    health {\n       lameduck 7s\n    }')).toBe(false);
  });
  it('compares non-table lines exactly, spaces included', () => {
    expect(sameOutput('Server:    10.96.0.10', 'Server:   10.96.0.10')).toBe(false);
    expect(sameOutput('a\n', 'a')).toBe(true);
    expect(sameOutput('a', 'a\nb')).toBe(false);
  });
  it('reads describe Events as a table', () => {
    const ev = '  Type    Reason     Age   From               Message\n  ----    ------     ----  ----               -------\n  Normal  Scheduled  5m    default-scheduler  Successfully assigned default/web to node01';
    expect(sameOutput(ev, ev.replace('5m  ', '12s '))).toBe(true);
  });
});

describe('mergeStreams', () => {
  it('interleaves stderr where the page shows it', () => {
    const page = 'node/node01 cordoned\nerror: unable to drain\nThere are pending nodes to be drained:\n node01\ncannot delete';
    expect(mergeStreams(page, 'node/node01 cordoned\nThere are pending nodes to be drained:\n node01\n', 'error: unable to drain\ncannot delete\n')).toBe(page);
  });
  it('puts stdout first when the page does not say', () => {
    expect(mergeStreams('', 'out\n', 'err\n')).toBe('out\nerr');
  });
});

describe('unifiedDiff', () => {
  it('marks page lines with - and simulator lines with +', () => {
    expect(unifiedDiff('a\nb\nc', 'a\nx\nc')).toBe('--- expected (page)\n+++ actual (simulator)\n@@ -1,3 +1,3 @@\n a\n-b\n+x\n c');
  });
});

describe('fence attributes and blocks', () => {
  it('reads key=value and quoted values', () => {
    expect(fenceAttributes('title="a b" scenario=dns check=false reason="simulator: x y"')).toEqual({ title: 'a b', scenario: 'dns', check: 'false', reason: 'simulator: x y' });
  });
  it('lists console blocks with their section, scenario and the files above them', () => {
    const page = [
      '## Files {/* #files */}',
      '```yaml title="pod.yaml"',
      'kind: Pod',
      '```',
      '```console scenario=dns',
      '$ kubectl create -f pod.yaml',
      '```',
      '## Skip {/* #skip */}',
      '```console check=false reason="needs the network"',
      '$ curl https://example.com',
      '```',
    ].join('\n');
    const blocks = consoleBlocks(outline(page));
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatchObject({ section: 'files', scenario: 'dns', check: true, files: [{ name: 'pod.yaml', content: 'kind: Pod\n' }] });
    expect(blocks[1]).toMatchObject({ section: 'skip', scenario: 'default', check: false, reason: 'needs the network' });
  });
});
