/**
 * ss -tulnp as misc/ss.c renders it: tokens per field, each column as wide as its longest token
 * plus its left delimiter, addresses right-aligned; piped output compact, a terminal's spread to
 * 80 columns. The sockets follow the host's processes.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';
import { renderColumns } from '../../../../src/sim/commands/node/ss.ts';

describe('ss', () => {
  it('lists the control plane\'s listening sockets, compact when piped', () => {
    const sim = createSimulator();
    const lines = sim.run('ss -tlnp | cat').stdout.split('\n');
    expect(lines[0].trimEnd()).toBe('State  Recv-Q Send-Q  Local Address:Port  Peer Address:PortProcess');
    // Every row is as long as the longest: the Process column is padded (ss prints the spaces).
    expect(new Set(lines.filter(Boolean).map((l) => l.length)).size).toBe(1);
    expect(lines.map((l) => l.trimEnd())).toContain('LISTEN 0      4096                *:6443             *:*    users:(("kube-apiserver",pid=1528,fd=3))');
    expect(lines.map((l) => l.trimEnd())).toContain('LISTEN 0      4096   192.168.121.10:2380       0.0.0.0:*    users:(("etcd",pid=1525,fd=6))');
    // The PIDs are those ps and systemctl show.
    expect(sim.run('ss -tlnp | grep 10250').stdout).toContain(`pid=${sim.run('pidof kubelet').stdout.trim()},`);
    expect(sim.run('systemctl status kubelet').stdout).toContain(`Main PID: ${sim.run('pidof kubelet').stdout.trim()} (kubelet)`);
  });

  it('adds Netid for tcp and udp together, names ports without -n, and spreads to 80 columns on a terminal', () => {
    const sim = createSimulator();
    const both = sim.run('ss -tuln | cat').stdout.split('\n');
    expect(both[0]).toMatch(/^Netid State  Recv-Q Send-Q +Local Address:Port  Peer Address:PortProcess$/);
    expect(both[1]).toMatch(/^udp   UNCONN 0      0 +127\.0\.0\.54:53 +0\.0\.0\.0:\* +$/);
    expect(sim.run('ss -tl | cat').stdout).toMatch(/ 0\.0\.0\.0:ssh +0\.0\.0\.0:\*/);
    const tty = sim.run('ss -tln').stdout.split('\n').filter(Boolean);
    for (const l of tty) expect(l).toHaveLength(80);
  });

  it('is compact over ssh with a command, which has no terminal unless -t', () => {
    const sim = createSimulator();
    const remote = sim.run('ssh node01 ss -tln').stdout.split('\n');
    expect(remote[0].trimEnd()).toBe('State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess');
    expect(sim.run('ssh -t node01 ss -tln').stdout.split('\n')[0]).toHaveLength(80);
    // ls, too, prints one name a line without a terminal.
    expect(sim.run('ssh node01 ls /etc/kubernetes/manifests').stdout).toBe('');
    expect(sim.run('ssh node01 ls /etc/kubernetes').stdout).toBe('kubelet.conf\nmanifests\npki\n');
  });

  it('loses a port when its process goes', () => {
    const sim = createSimulator();
    sim.run('systemctl stop kubelet');
    expect(sim.run('ss -tlnp | grep -c kubelet').stdout).toBe('0\n');
    expect(sim.run('ss -tlnp | grep -c kube-apiserver').stdout).toBe('1\n');
  });

  it('says what it does not simulate, and refuses unknown options as ss does', () => {
    const sim = createSimulator();
    expect(sim.run('ss -t').stderr).toMatch(/^kubesim: ss: established connections are not simulated/);
    expect(sim.run("ss -tln 'sport = :6443'").stderr).toMatch(/^kubesim: ss: filter expressions are not simulated/);
    // getopt_long's line, then ss.c's whole _usage() on stderr, exit(-1).
    const bad = sim.run('ss -Q');
    expect(bad.exitCode).toBe(255);
    expect(bad.stderr).toMatch(/^ss: invalid option -- 'Q'\nUsage: ss \[ OPTIONS \]\n       ss \[ OPTIONS \] \[ FILTER \]\n   -h, --help          this message\n/);
    expect(bad.stderr).toMatch(/\n                big := \{established\|syn-sent\|fin-wait-\{1,2\}\|closed\|close-wait\|last-ack\|listening\|closing\}\n$/);
    expect(sim.run('ss --bogus').stderr).toMatch(/^ss: unrecognized option '--bogus'\nUsage: ss/);
    expect(sim.run('ss -h')).toMatchObject({ stdout: bad.stderr.slice(bad.stderr.indexOf('\n') + 1), exitCode: 0 });
    expect(sim.run('ss -V').stdout).toBe('ss utility, iproute2-6.1.0\n');
    expect(sim.run('ss -f foo').stderr).toMatch(/^ss: "foo" is invalid family\nUsage: ss/);
    expect(sim.run('ss -Z')).toMatchObject({ stderr: 'ss: SELinux is not enabled.\n', exitCode: 1 });
    expect(sim.run('ss -tlnp --cgroup').stderr).toMatch(/^kubesim: ss --cgroup: not simulated in this sandbox/);
    // Long options by unique prefix, and -f inet as -4.
    expect(sim.run('ss --tcp --listen --numer | cat').stdout).toBe(sim.run('ss -tln | cat').stdout);
    expect(sim.run('ss -f inet -tln | cat').stdout).toBe(sim.run('ss -4tln | cat').stdout);
  });

  it('spreads spare width from the rightmost column, as render_calc_width does', () => {
    const rows = [['Netid', 'State', 'Recv-Q', 'Send-Q', 'Local Address:', 'Port', 'Peer Address:', 'Port', 'Process'], ['tcp', 'LISTEN', '0     ', '4096  ', '*:', '6443', '*:', '*', '']];
    // 70 columns of content on a 75-column screen: the five rightmost columns get one more each.
    const [header, row] = renderColumns(rows.map((r) => [...r]), 75).split('\n');
    expect(header).toBe('Netid State  Recv-Q Send-Q  Local Address:Port   Peer Address:Port Process ');
    expect(row).toBe(`tcp   LISTEN 0      4096  ${' '.repeat(14)}*:6443 ${' '.repeat(13)}*:*${' '.repeat(12)}`);
    expect(row).toHaveLength(75);
    // Wider than the screen: the columns that do not fit start a line of their own (and wrap).
    expect(renderColumns(rows.map((r) => [...r]), 60).split('\n')[0]).toHaveLength(120);
    expect(renderColumns(rows.map((r) => [...r]), undefined).split('\n')[1]).toBe(`tcp   LISTEN 0      4096  ${' '.repeat(13)}*:6443${' '.repeat(12)}*:*${' '.repeat(10)}`);
  });
});
