/**
 * `kubectl exec POD -- sh -c SCRIPT`: the container's shell runs lists, pipelines and `$VAR`
 * from the container's environment (busybox sh: a missing program is `sh: X: not found`, 127);
 * what it does not simulate says so in one line, never as a JavaScript error.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

describe('kubectl exec with a shell script', () => {
  const sim = createSimulator({ scenario: 'dns' });
  const run = (line: string) => sim.run(line);

  it('runs a list of commands, each with its output in turn', () => {
    const r = run(`kubectl exec busybox -- sh -c 'cat /etc/resolv.conf; hostname'`);
    expect(r.stdout).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\nbusybox\n');
    expect(r.exitCode).toBe(0);
  });

  it('passes standard input to the container only with -i (kubectl attaches none without it)', () => {
    expect(run(`echo hi | kubectl exec busybox -- cat`).stdout).toBe('');
    expect(run(`echo hi | kubectl exec -i busybox -- cat`).stdout).toBe('hi\n');
    expect(run(`echo hi | kubectl exec --stdin busybox -- sh -c 'cat; echo end'`).stdout).toBe('hi\nend\n');
    expect(run(`echo hi | kubectl exec busybox -- sh -c 'cat; echo end'`).stdout).toBe('end\n');
  });

  it('expands variables from the container environment, keeps quoted spaces and follows && and ||', () => {
    expect(run(`kubectl exec busybox -- sh -c 'echo "$HOSTNAME  home=\${HOME}"'`).stdout).toBe('busybox  home=/root\n');
    const r = run(`kubectl exec busybox -- sh -c 'false && echo no || echo yes'`);
    expect(r.stdout).toBe('yes\n');
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
  });

  it('expands words as the sandbox shell does: $?, $(…), globs over the container files, ${VAR:?}', () => {
    expect(run(`kubectl exec busybox -- sh -c 'false; echo $? "$(hostname)"; ls /etc/*.conf'`).stdout).toBe('1 busybox\n/etc/resolv.conf\n');
    expect(run(`kubectl exec busybox -- sh -c 'echo \${NOPE:?unset}'`).stderr).toBe('sh: NOPE: unset\ncommand terminated with exit code 1\n');
  });

  it('says "not found" the way busybox sh does, and kubectl reports the exit code', () => {
    const r = run(`kubectl exec busybox -- sh -c 'nope'`);
    expect(r.stderr).toBe('sh: nope: not found\ncommand terminated with exit code 127\n');
    expect(r.exitCode).toBe(127);
  });

  it('names what it does not simulate in one line', () => {
    expect(run(`kubectl exec busybox -- sh -c 'echo hi > /tmp/x'`).stderr).toBe(
      'kubesim: writing files, subshells and variables before a command inside a container are not simulated\ncommand terminated with exit code 1\n',
    );
    expect(run('kubectl exec -it busybox -- sh')).toEqual({
      stdout: '',
      stderr: 'kubesim: an interactive shell in a container is not simulated; run one command at a time: kubectl exec busybox -- CMD\n',
      exitCode: 0,
    });
  });

  it("pipes the container's files through its text tools (wc, grep, cut, head, sort…), which touch nothing on the node", () => {
    expect(run(`kubectl exec busybox -- sh -c 'grep nameserver /etc/resolv.conf | cut -d" " -f2'`).stdout).toBe('10.96.0.10\n');
    expect(run('kubectl exec busybox -- wc -l /etc/resolv.conf').stdout).toBe('3 /etc/resolv.conf\n');
    expect(run(`kubectl exec busybox -- sh -c 'seq 3 | sort -r | head -n 2'`).stdout).toBe('3\n2\n');
    const missing = run('kubectl exec busybox -- head -n 1 /nope');
    expect(missing.stderr).toBe("head: cannot open '/nope' for reading: No such file or directory\ncommand terminated with exit code 1\n");
    run(`kubectl exec busybox -- sh -c 'echo x | tee /tmp/from-pod'`);
    expect(run('cat /tmp/from-pod').stderr).toBe('cat: /tmp/from-pod: No such file or directory\n');
  });

  it('sends output nowhere or to the other stream (2>/dev/null, 2>&1, &>/dev/null), reads < FILE, and sets NAME=value', () => {
    expect(run(`kubectl exec busybox -- sh -c 'cat /nope 2>/dev/null; echo done'`)).toMatchObject({ stdout: 'done\n', stderr: '', exitCode: 0 });
    expect(run(`kubectl exec busybox -- sh -c 'cat /nope 2>&1 | wc -l'`)).toMatchObject({ stdout: '1\n', stderr: '' });
    expect(run(`kubectl exec busybox -- sh -c 'cat /etc/hostname /nope &>/dev/null; echo $?'`).stdout).toBe('1\n');
    expect(run(`kubectl exec busybox -- sh -c 'echo to-err 1>&2'`)).toMatchObject({ stdout: '', stderr: 'to-err\n' });
    expect(run(`kubectl exec busybox -- sh -c 'wc -l < /etc/resolv.conf'`).stdout).toBe('3\n');
    expect(run(`kubectl exec busybox -- sh -c 'wc -l < /nope'`).stderr).toBe("sh: can't open '/nope': No such file or directory\ncommand terminated with exit code 1\n");
    expect(run(`kubectl exec busybox -- sh -c 'N=web; echo "$N-1"'`).stdout).toBe('web-1\n');
  });

  it('keeps the OCI runtime error for a program run directly', () => {
    expect(run('kubectl exec busybox -- nope').stderr).toMatch(/^error: Internal error occurred: .*OCI runtime exec failed: exec failed: unable to start container process: exec: "nope": executable file not found in \$PATH\n$/);
  });
});
