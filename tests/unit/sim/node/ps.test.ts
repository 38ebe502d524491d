/**
 * ps, pgrep, pidof and uptime as procps-ng 4.0.4 prints them on the practice nodes: the headers
 * column for column, the static pods' command lines from their manifests, the units' Main PID as
 * systemctl shows it, a width cut only on the terminal, and the exit codes and errors.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

const AUX_HEADER = 'USER         PID %CPU %MEM    VSZ   RSS TTY      STAT START   TIME COMMAND';
const EF_HEADER = 'UID          PID    PPID  C STIME TTY          TIME CMD';

/** The command: list of a static pod's manifest, as the kubelet runs it. */
function manifestCommand(yaml: string): string[] {
  const lines = yaml.split('\n');
  const at = lines.findIndex((l) => /^\s+- command:$/.test(l) || /^\s+command:$/.test(l));
  const out: string[] = [];
  for (const l of lines.slice(at + 1)) {
    const m = /^\s+- (.*)$/.exec(l);
    if (!m) break;
    out.push(m[1]);
  }
  return out;
}

describe('ps', () => {
  it('prints procps 4 headers: the default, BSD u and -f', () => {
    const sim = createSimulator();
    const plain = sim.run('ps').stdout.split('\n');
    expect(plain[0]).toBe('    PID TTY          TIME CMD');
    expect(plain[1]).toMatch(/^ +\d+ pts\/0    00:00:00 bash$/);
    expect(plain[2]).toMatch(/^ +\d+ pts\/0    00:00:00 ps$/);
    expect(plain).toHaveLength(4);
    expect(sim.run('ps aux').stdout.split('\n')[0]).toBe(AUX_HEADER);
    expect(sim.run('ps -aux').stdout.split('\n')[0]).toBe(AUX_HEADER);
    expect(sim.run('ps -ef').stdout.split('\n')[0]).toBe(EF_HEADER);
    expect(sim.run('ps -e').stdout.split('\n')[0]).toBe('    PID TTY          TIME CMD');
    expect(sim.run('ps x').stdout.split('\n')[0]).toBe('    PID TTY      STAT   TIME COMMAND');
  });

  it('lists the Ubuntu system processes, kernel threads in brackets, and itself last', () => {
    const sim = createSimulator();
    const lines = sim.run('ps aux | cat').stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThan(40);
    expect(lines.length).toBeLessThan(72);
    expect(lines[1]).toMatch(/^root {11}1 +\d+\.\d +\d+\.\d +\d+ +\d+ \?        Ss   Nov22 +\d+:\d\d \/sbin\/init$/);
    expect(lines[2]).toMatch(/^root {11}2 .* \[kthreadd\]$/);
    expect(lines.some((l) => /^systemd\+ .* \/usr\/lib\/systemd\/systemd-resolved$/.test(l))).toBe(true);
    expect(lines.some((l) => / sshd: root@pts\/0$/.test(l))).toBe(true);
    expect(lines.some((l) => / pts\/0    Ss   \d\d:\d\d   0:00 -bash$/.test(l))).toBe(true);
    expect(lines[lines.length - 1]).toMatch(/^root +\d+ +0\.0 .* pts\/0    R\+   09:00   0:00 ps aux$/);
    expect(lines.filter((l) => l.endsWith(' /pause'))).toHaveLength(8);
    expect(lines.filter((l) => / \/usr\/bin\/containerd-shim-runc-v2 -namespace k8s\.io -id [0-9a-f]{64} -address \/run\/containerd\/containerd\.sock$/.test(l))).toHaveLength(8);
    expect(lines.some((l) => /^65532 .* \/coredns -conf \/etc\/coredns\/Corefile$/.test(l))).toBe(true);
    expect(lines.some((l) => l.endsWith(' /usr/local/bin/kube-proxy --config=/var/lib/kube-proxy/config.conf --hostname-override=controlplane'))).toBe(true);
    expect(lines.some((l) => l.endsWith(' /opt/bin/flanneld --ip-masq --kube-subnet-mgr'))).toBe(true);
  });

  it('shows the static pods with their manifests’ commands, and follows an edited manifest', () => {
    const sim = createSimulator();
    const cmd = manifestCommand(sim.run('cat /etc/kubernetes/manifests/kube-apiserver.yaml').stdout);
    expect(cmd).toContain('--etcd-servers=https://127.0.0.1:2379');
    const line = sim.run('ps aux | grep kube-apiserver').stdout.trim();
    expect(line.split('\n')).toHaveLength(1);
    expect(line.endsWith(` ${cmd.join(' ')}`)).toBe(true);
    const etcd = manifestCommand(sim.run('cat /etc/kubernetes/manifests/etcd.yaml').stdout);
    expect(sim.run('ps -eo args | grep ^etcd').stdout).toBe(`${etcd.join(' ')}\n`);
    sim.run("sed -i 's/--secure-port=6443/--secure-port=6443\\n    - --v=2/' /etc/kubernetes/manifests/kube-apiserver.yaml");
    sim.run('sleep 5');
    expect(sim.run('ps -ef | grep kube-apiserver').stdout).toMatch(/ --secure-port=6443 --v=2 /);
  });

  it('gives kubelet and containerd the Main PID and command line systemctl status shows, and drops a stopped unit', () => {
    const sim = createSimulator();
    const status = sim.run('systemctl status kubelet').stdout;
    const pid = /Main PID: (\d+) \(kubelet\)/.exec(status)![1];
    const cgroup = new RegExp(`└─${pid} (.*)`).exec(status)![1];
    const kubelet = sim.run('ps -ef | grep [k]ubelet').stdout.split('\n').filter((l) => l.includes('/usr/bin/kubelet'));
    expect(kubelet).toHaveLength(1);
    expect(kubelet[0].split(/\s+/)[1]).toBe(pid);
    expect(kubelet[0].endsWith(` ${cgroup}`)).toBe(true);
    const containerd = /Main PID: (\d+) \(containerd\)/.exec(sim.run('systemctl status containerd').stdout)![1];
    expect(sim.run('pidof containerd kubelet')).toEqual({ stdout: `${containerd} ${pid}\n`, stderr: '', exitCode: 0 });

    sim.run('systemctl stop kubelet');
    expect(sim.run('ps -ef | grep [k]ubelet').stdout).not.toContain('/usr/bin/kubelet');
    expect(sim.run('pgrep -x kubelet')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
    expect(sim.run('pidof kubelet')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
    // The static pods' containers outlive their kubelet.
    expect(sim.run('pgrep -x kube-apiserver').exitCode).toBe(0);

    sim.run('systemctl start kubelet');
    const again = /Main PID: (\d+) \(kubelet\)/.exec(sim.run('systemctl status kubelet').stdout)![1];
    expect(sim.run('pidof kubelet').stdout).toBe(`${again}\n`);
  });

  it('cuts lines at the terminal width (80, or COLUMNS), not in a pipe or with ww', () => {
    const sim = createSimulator();
    const width = (text: string) => Math.max(...text.split('\n').map((l) => l.length));
    expect(width(sim.run('ps aux').stdout)).toBe(80);
    expect(width(sim.run('COLUMNS=100 ps aux').stdout)).toBe(100);
    expect(sim.run('ps aux').stdout).not.toContain('--etcd-servers');
    expect(sim.run('ps aux | cat').stdout).toContain('--etcd-servers=https://127.0.0.1:2379');
    expect(sim.run('ps auxww').stdout).toContain('--etcd-servers=https://127.0.0.1:2379');
    const apiserver = sim.run('ps -ef').stdout.split('\n').find((l) => l.includes(' kube-apiserver '))!;
    expect(apiserver).toMatch(/^root +\d+ +\d+ +\d+ Nov22 \?        \d\d:\d\d:\d\d kube-apiserver --advertise-a$/);
    expect(apiserver).toHaveLength(80);
  });

  it('takes -o, -p, -C, --sort and --forest', () => {
    const sim = createSimulator();
    const pid = sim.run('pidof kubelet').stdout.trim();
    expect(sim.run(`ps -p ${pid} -o pid,comm`).stdout).toBe(`    PID COMMAND\n${pid.padStart(7)} kubelet\n`);
    expect(sim.run('ps -o pid= -C kubelet').stdout).toBe(`${pid.padStart(7)}\n`);
    expect(sim.run('ps -C kube-controller-manager -o comm=').stdout).toBe('kube-controller\n');
    expect(sim.run('ps -eo pid,user,%cpu,%mem,etime,stat,comm | head -1').stdout).toBe('    PID USER     %CPU %MEM     ELAPSED STAT COMMAND\n');
    expect(sim.run('ps aux --sort=-%mem | sed -n 2p').stdout).toMatch(/ kube-apiserver --advertise-address=/);
    const forest = sim.run('ps -ef --forest | grep -A2 containerd-shim | head -3').stdout.split('\n');
    expect(forest[1]).toMatch(/^65535 .* \|   \\_ \/pause$/);
    expect(sim.run('ps -p 99999')).toEqual({ stdout: '    PID TTY          TIME CMD\n', stderr: '', exitCode: 1 });
  });

  it('says what procps says for a bad option, and which real options it does not simulate', () => {
    const sim = createSimulator();
    const usage = "\nUsage:\n ps [options]\n\n Try 'ps --help <simple|list|output|threads|misc|all>'\n  or 'ps --help <s|l|o|t|m|a>'\n for additional help text.\n\nFor more details see ps(1).\n";
    expect(sim.run('ps -o foo')).toEqual({ stdout: '', stderr: `error: unknown user-defined format specifier "foo"\n${usage}`, exitCode: 1 });
    expect(sim.run('ps Q')).toEqual({ stdout: '', stderr: `error: unsupported option (BSD syntax)\n${usage}`, exitCode: 1 });
    expect(sim.run('ps -Q')).toEqual({ stdout: '', stderr: `error: unsupported SysV option\n${usage}`, exitCode: 1 });
    expect(sim.run('ps --sort=bogus').stderr).toBe(`error: unknown sort specifier\n${usage}`);
    expect(sim.run('ps -V')).toEqual({ stdout: 'ps from procps-ng 4.0.4\n', stderr: '', exitCode: 0 });
    expect(sim.run('ps -l')).toEqual({ stdout: '', stderr: 'kubesim: ps: -l (the long format) is not simulated in this sandbox\n', exitCode: 1 });
    expect(sim.run('ps -o wchan').stderr).toBe('kubesim: ps: the wchan column is not simulated in this sandbox\n');
  });

  it('shows a pod’s processes on its node only, and not after the pod is gone', () => {
    const sim = createSimulator();
    sim.run('kubectl run web --image=nginx');
    sim.run('sleep 10');
    const node = sim.run("kubectl get pod web -o jsonpath='{.spec.nodeName}'").stdout;
    const other = ['node01', 'node02'].find((n) => n !== node)!;
    expect(sim.run(`ssh ${other} pgrep nginx`).exitCode).toBe(1);
    sim.run(`ssh ${node}`);
    const nginx = sim.run('pgrep -a nginx').stdout.split('\n').filter(Boolean);
    expect(nginx).toHaveLength(3);
    expect(nginx[0]).toMatch(/^\d+ nginx: master process nginx -g daemon off;$/);
    expect(nginx[1]).toMatch(/^\d+ nginx: worker process$/);
    sim.run('exit');
    sim.run('kubectl delete pod web');
    sim.run('sleep 40');
    expect(sim.run(`ssh ${node} pgrep nginx`).exitCode).toBe(1);
  });

  it('names each pod sandbox as crictl does', () => {
    const sim = createSimulator();
    const ids = sim.run('crictl pods').stdout.trim().split('\n').slice(1).map((l) => l.split(/\s+/)[0]);
    const shims = sim.run('ps -eo args | grep ^/usr/bin/containerd-shim').stdout;
    expect(ids.length).toBe(8);
    for (const id of ids) expect(shims).toContain(`-id ${id}`);
  });

  it('does not read its standard input', () => {
    const sim = createSimulator();
    expect(sim.run('printf "a\\nb\\n" | while read l; do ps >/dev/null; pgrep kubelet >/dev/null; uptime >/dev/null; echo $l; done').stdout).toBe('a\nb\n');
  });
});

describe('pgrep and pidof', () => {
  it('match the 15-character process name, or the command line with -f, never themselves', () => {
    const sim = createSimulator();
    const kubelet = sim.run('pidof kubelet').stdout.trim();
    expect(sim.run('pgrep kubelet')).toEqual({ stdout: `${kubelet}\n`, stderr: '', exitCode: 0 });
    expect(sim.run('pgrep -l kube').stdout).toMatch(/^\d+ kube-controller$/m);
    expect(sim.run('pgrep -a kubelet').stdout).toBe(`${kubelet} ${sim.run(`ps -o args= -p ${kubelet} | cat`).stdout}`);
    expect(sim.run('pgrep kube-controller-manager')).toEqual({
      stdout: '',
      stderr: "pgrep: pattern that searches for process name longer than 15 characters will result in zero matches\nTry `pgrep -f' option to match against the complete command line.\n",
      exitCode: 1,
    });
    expect(sim.run('pgrep -f kube-controller-manager').exitCode).toBe(0);
    expect(sim.run('pgrep -f pgrep')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
    expect(sim.run('pgrep nosuchprocess')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
    expect(sim.run('pgrep -c kube')).toEqual({ stdout: '5\n', stderr: '', exitCode: 0 });
    expect(sim.run('pgrep')).toEqual({ stdout: '', stderr: "pgrep: no matching criteria specified\nTry `pgrep --help' for more information.\n", exitCode: 2 });
    expect(sim.run('pgrep "kube("')).toEqual({ stdout: '', stderr: 'pgrep: regex error: Unmatched ( or \\(\n', exitCode: 2 });
    expect(sim.run('pgrep -z').stderr).toMatch(/^pgrep: invalid option -- 'z'\n\nUsage:\n pgrep \[options\] <pattern>\n/);
  });

  it('pidof prints the PIDs highest first, one with -s, and fails on none', () => {
    const sim = createSimulator();
    const pids = sim.run('pidof pause').stdout.trim().split(' ').map(Number);
    expect(pids).toHaveLength(8);
    expect([...pids].sort((a, b) => b - a)).toEqual(pids);
    expect(sim.run('pidof -s pause').stdout).toBe(`${pids[0]}\n`);
    expect(sim.run('pidof nosuchprogram')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
    expect(sim.run('pidof')).toEqual({ stdout: '', stderr: '', exitCode: 1 });
  });
});

describe('uptime', () => {
  it('counts from the boot systemctl status dates, on the virtual clock', () => {
    const sim = createSimulator();
    expect(sim.run('systemctl status kubelet').stdout).toContain('since Sun 2026-11-22 09:00:00 UTC; 3 days ago');
    expect(sim.run('uptime').stdout).toMatch(/^ 09:00:00 up 3 days, 0 min,  1 user,  load average: \d\.\d\d, \d\.\d\d, \d\.\d\d\n$/);
    expect(sim.run('uptime -s').stdout).toBe('2026-11-22 09:00:00\n');
    sim.run('sleep 41m');
    sim.run('sleep 12');
    expect(sim.run('uptime').stdout).toMatch(/^ 09:41:12 up 3 days, 41 min,  1 user,  load average: \d\.\d\d, \d\.\d\d, \d\.\d\d\n$/);
    expect(sim.run('uptime -p').stdout).toBe('up 3 days, 41 minutes\n');
    sim.run('sleep 2h');
    expect(sim.run('uptime').stdout).toMatch(/^ 11:41:12 up 3 days,  2:41,  1 user,  load/);
    expect(sim.run('uptime --pretty').stdout).toBe('up 3 days, 2 hours, 41 minutes\n');
    expect(sim.run('ssh node01 uptime -s').stdout).toBe('2026-11-22 09:05:00\n');
    expect(sim.run('uptime -x')).toMatchObject({ stdout: '', exitCode: 1, stderr: expect.stringMatching(/^uptime: invalid option -- 'x'\n\nUsage:\n uptime \[options\]\n/) });
  });
});
