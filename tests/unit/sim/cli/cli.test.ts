import { scenarioNames } from '../../../../src/sim/index.ts';
import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '../../../../bin/kubesim.js');

/** Runs the CLI with stdin (async, so the test runner is never blocked). */
function kubesim(args: string[], stdin: string): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ stdout, stderr, code }));
    child.stdin.end(stdin);
  });
}

describe('kubesim CLI', { timeout: 60_000 }, () => {
  it('runs a script from stdin and exits with the last status', async () => {
    const r = await kubesim([], 'hostname\ncat <<EOF\nbody\nEOF\nls /nope\n');
    expect(r.stdout).toBe('controlplane\nbody\n');
    expect(r.stderr).toBe("ls: cannot access '/nope': No such file or directory\n");
    expect(r.code).toBe(2);
  });

  it('echoes each command after the prompt with --echo', async () => {
    const r = await kubesim(['--echo'], 'ssh node01\nhostname\n');
    expect(r.stdout).toBe('controlplane $ ssh node01\nnode01 $ hostname\nnode01\nnode01 $ \n');
    expect(r.code).toBe(0);
  });

  it('reads --script and --scenario', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubesim-'));
    const file = join(dir, 'demo.sh');
    writeFileSync(file, 'date +%T\n');
    const r = await kubesim(['--scenario', 'kubelet-stopped', '--script', file], '');
    expect(r.stdout).toBe('09:00:00\n');
    expect(r.code).toBe(0);
  });

  it('explains bad options and unknown scenarios', async () => {
    const help = await kubesim(['--help'], '');
    expect(help.stdout).toMatch(/^Usage: kubesim /);
    const bad = await kubesim(['--scenario', 'nope'], '');
    expect(bad.stderr).toBe(`kubesim: unknown scenario "nope" (known: ${scenarioNames().join(', ')})\n`);
    expect(bad.code).toBe(2);
    const opt = await kubesim(['--frob'], '');
    expect(opt.stderr).toMatch(/^kubesim: unknown option --frob\n/);
  });
});
