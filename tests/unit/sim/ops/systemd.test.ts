import { describe, expect, it, vi } from 'vitest';
import { ops } from './helpers.ts';

// Whole-cluster sequences with long sleeps take a few seconds each.
vi.setConfig({ testTimeout: 60_000 });

// Layouts: systemd 255 (Ubuntu 24.04) src/systemctl/systemctl-show.c print_status_info; messages from
// src/systemctl/systemctl-start-unit.c and systemctl-show.c; exit codes from systemctl(1) "EXIT STATUS"
// (3 = unit not active, 4 = no such unit); the kubelet unit and drop-in paths as the pkgs.k8s.io deb installs them.
describe('systemctl', () => {
  it('shows a running kubelet with its drop-in, main PID, cgroup and journal', () => {
    const { run } = ops();
    const r = run('systemctl status kubelet');
    expect(r.exitCode).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('● kubelet.service - kubelet: The Kubernetes Node Agent');
    expect(lines[1]).toBe('     Loaded: loaded (/usr/lib/systemd/system/kubelet.service; enabled; preset: enabled)');
    expect(lines[2]).toBe('    Drop-In: /usr/lib/systemd/system/kubelet.service.d');
    expect(lines[3]).toBe('             └─10-kubeadm.conf');
    // Started when the node joined, three days before the scenario clock (format_timestamp_relative: "N days ago").
    expect(lines[4]).toBe('     Active: active (running) since Sun 2026-11-22 09:00:00 UTC; 3 days ago');
    expect(lines[5]).toBe('       Docs: https://kubernetes.io/docs/');
    expect(lines[6]).toMatch(/^   Main PID: \d+ \(kubelet\)$/);
    expect(r.stdout).toContain('     CGroup: /system.slice/kubelet.service\n');
    expect(r.stdout).toContain('/usr/bin/kubelet --bootstrap-kubeconfig=/etc/kubernetes/bootstrap-kubelet.conf --kubeconfig=/etc/kubernetes/kubelet.conf --config=/var/lib/kubelet/config.yaml --container-runtime-endpoint=unix:///var/run/containerd/containerd.sock --node-ip=192.168.121.10');
    expect(r.stdout).toContain('controlplane systemd[1]: Started kubelet.service - kubelet: The Kubernetes Node Agent.\n');
  });

  it('stops a unit: inactive (dead), exit status 3, the stop logged', () => {
    const { run } = ops();
    expect(run('systemctl stop kubelet')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    const r = run('systemctl status kubelet');
    expect(r.exitCode).toBe(3);
    expect(r.stdout.split('\n')[0]).toBe('○ kubelet.service - kubelet: The Kubernetes Node Agent');
    expect(r.stdout).toContain('     Active: inactive (dead) since Wed 2026-11-25 09:00:00 UTC; now\n');
    expect(r.stdout).toContain('(code=exited, status=0/SUCCESS)');
    expect(r.stdout).toContain('systemd[1]: Stopping kubelet.service - kubelet: The Kubernetes Node Agent...\n');
    expect(r.stdout).toContain('systemd[1]: kubelet.service: Deactivated successfully.\n');
    expect(r.stdout).toContain('systemd[1]: Stopped kubelet.service - kubelet: The Kubernetes Node Agent.\n');
    expect(run('systemctl is-active kubelet')).toEqual({ stdout: 'inactive\n', stderr: '', exitCode: 3 });
    run('sleep 120');
    expect(run('systemctl status kubelet').stdout).toContain('; 2min 0s ago\n');
    expect(run('systemctl start kubelet').exitCode).toBe(0);
    expect(run('systemctl is-active kubelet')).toEqual({ stdout: 'active\n', stderr: '', exitCode: 0 });
  });

  // A scenario's fault stops the unit before the reader arrives: its journal must read as if
  // `systemctl stop` had run then (systemd 255's four lines, the kubelet's shutdown line first),
  // after a boot dated by status's Duration:, and status's CPU: is what the stop logged as consumed.
  it('journals a unit a fault stopped as a stop at that time, after the boot', () => {
    const { run } = ops('kubelet-stopped');
    run('ssh node01');
    const status = run('systemctl status kubelet').stdout;
    expect(status).toContain('     Active: inactive (dead) since Wed 2026-11-25 08:55:00 UTC; 5min ago\n   Duration: 2d 23h 55min\n');
    const cpu = /^ {8}CPU: (.+)$/m.exec(status)?.[1];
    const lines = run('journalctl -u kubelet --no-pager').stdout.split('\n');
    expect(lines[0]).toBe('Nov 22 09:00:00 node01 systemd[1]: Started kubelet.service - kubelet: The Kubernetes Node Agent.');
    expect(lines[1]).toMatch(/^Nov 22 09:00:00 node01 kubelet\[(\d+)\]: I1122 09:00:00\.\d{6} +\1 server\.go:529\] "Kubelet version" kubeletVersion="v1\.34\.2"$/);
    expect(lines.slice(5, 10).map((l) => l.replace(/^Nov 25 08:55:00 node01 /, ''))).toEqual([
      expect.stringMatching(/^kubelet\[\d+\]: I1125 08:55:00\.\d{6} +\d+ dynamic_cafile_content\.go:175\] "Shutting down controller"/),
      'systemd[1]: Stopping kubelet.service - kubelet: The Kubernetes Node Agent...',
      'systemd[1]: kubelet.service: Deactivated successfully.',
      'systemd[1]: Stopped kubelet.service - kubelet: The Kubernetes Node Agent.',
      `systemd[1]: kubelet.service: Consumed ${cpu} CPU time.`,
    ]);
    expect(cpu).not.toBe('1.234s');
    // Starting it adds a new boot after the stop; nothing before it moves.
    run('systemctl start kubelet');
    const after = run('journalctl -u kubelet --no-pager').stdout.split('\n');
    expect(after.slice(0, 10)).toEqual(lines.slice(0, 10));
    expect(after[10]).toBe('Nov 25 09:00:00 node01 systemd[1]: Started kubelet.service - kubelet: The Kubernetes Node Agent.');
  });

  it('reports unknown units the way systemctl does', () => {
    const { run } = ops();
    expect(run('systemctl status foo')).toEqual({ stdout: '', stderr: 'Unit foo.service could not be found.\n', exitCode: 4 });
    expect(run('systemctl start foo')).toEqual({ stdout: '', stderr: 'Failed to start foo.service: Unit foo.service not found.\n', exitCode: 5 });
    expect(run('systemctl stop foo')).toEqual({ stdout: '', stderr: 'Failed to stop foo.service: Unit foo.service not loaded.\n', exitCode: 5 });
    expect(run('systemctl frobnicate kubelet')).toEqual({ stdout: '', stderr: "Unknown command verb 'frobnicate'.\n", exitCode: 1 });
    expect(run('systemctl start')).toEqual({ stdout: '', stderr: 'Too few arguments.\n', exitCode: 1 });
  });

  it('enables and disables with the symlink messages of systemd 255', () => {
    const { run } = ops();
    expect(run('systemctl disable kubelet').stderr).toBe('Removed "/etc/systemd/system/multi-user.target.wants/kubelet.service".\n');
    expect(run('systemctl is-enabled kubelet')).toEqual({ stdout: 'disabled\n', stderr: '', exitCode: 1 });
    expect(run('systemctl enable kubelet').stderr).toBe('Created symlink /etc/systemd/system/multi-user.target.wants/kubelet.service → /usr/lib/systemd/system/kubelet.service.\n');
  });
});

// Ubuntu's /usr/sbin/service (init-system-helpers) runs `systemctl ACTION NAME.service` on systemd hosts.
describe('service', () => {
  it('forwards to systemctl; kube-apiserver is no systemd unit on a kubeadm host', () => {
    const { run } = ops();
    expect(run('service kube-apiserver stop')).toEqual({ stdout: '', stderr: 'Failed to stop kube-apiserver.service: Unit kube-apiserver.service not loaded.\n', exitCode: 5 });
    expect(run('service etcd restart')).toEqual({ stdout: '', stderr: 'Failed to restart etcd.service: Unit etcd.service not found.\n', exitCode: 5 });
    expect(run('service kubelet status').stdout.split('\n')[0]).toBe('● kubelet.service - kubelet: The Kubernetes Node Agent');
    expect(run('service').stderr).toBe('Usage: service < option > | --status-all | [ service_name [ command | --full-restart ] ]\n');
  });
});

// journalctl short output: "MMM DD HH:MM:SS host ident[pid]: message"; "-- No entries --" when nothing matches.
describe('journalctl', () => {
  it('prints the unit journal, -n limits it, unknown units have no entries', () => {
    const { run } = ops();
    run('systemctl restart kubelet');
    const all = run('journalctl -u kubelet --no-pager').stdout.split('\n').filter(Boolean);
    expect(all.some((l) => /^Nov 25 09:00:00 controlplane kubelet\[\d+\]: I1125 09:00:00\.\d{6} +\d+ server\.go:\d+\] "Kubelet version" kubeletVersion="v1\.34\.2"$/.test(l))).toBe(true);
    expect(run('journalctl -u kubelet -n 2').stdout.split('\n').filter(Boolean)).toHaveLength(2);
    expect(run('journalctl -u nosuch').stdout).toBe('-- No entries --\n');
  });

  it('shows the kubelet failing to reach a stopped API server', () => {
    const { run } = ops();
    run('mv /etc/kubernetes/manifests/kube-apiserver.yaml /root/');
    run('sleep 30');
    const j = run('journalctl -u kubelet -n 1').stdout;
    // kubelet_node_status.go: "Error updating node status, will retry"
    expect(j).toContain('"Error updating node status, will retry" err="error getting node \\"controlplane\\": Get \\"https://192.168.121.10:6443/api/v1/nodes/controlplane?timeout=10s\\": dial tcp 192.168.121.10:6443: connect: connection refused"');
  });

  // journalctl.c parse_argv (getopt_long "hefo:aln::qmb::kD:p:g:c:S:U:t:T:u:NF:xrM:i:"), parse_timestamp(),
  // and systemd.catalog.in's entries behind output.c's "░░ " prefix for -x.
  it('reads options as getopt_long does: -xeu kubelet, -n20, --unit=, --since/--until, -r, -g, -o cat', () => {
    const { run } = ops();
    run('systemctl restart kubelet');
    const x = run('journalctl -xeu kubelet').stdout.split('\n');
    const started = x.findIndex((l) => / systemd\[1\]: Started kubelet\.service - /.test(l));
    expect(x.slice(started + 1, started + 8)).toEqual([
      '░░ Subject: A start job for unit kubelet.service has finished successfully',
      '░░ Defined-By: systemd',
      '░░ Support: http://www.ubuntu.com/support',
      '░░ ',
      '░░ A start job for unit kubelet.service has finished successfully.',
      '░░ ',
      expect.stringMatching(/^░░ The job identifier is \d+\.$/),
    ]);
    expect(x.some((l) => l === "░░ The unit kubelet.service has successfully entered the 'dead' state.")).toBe(true);
    // Without -x, the same lines and no explanations.
    expect(run('journalctl -eu kubelet').stdout).not.toContain('░░');
    expect(run('journalctl -u kubelet -n20').stdout.split('\n').filter(Boolean).length).toBeLessThanOrEqual(20);
    expect(run('journalctl --unit=kubelet -n 1 -o cat').stdout).toMatch(/^I1125 .*"Successfully registered node" node="controlplane"\n$/);
    expect(run('journalctl -u kubelet --since "1 min ago" -o cat').stdout).not.toContain('Started kubelet.service - kubelet: The Kubernetes Node Agent.\nStarted');
    expect(run('journalctl -u kubelet --until "2026-11-22 00:00"').stdout).toBe('-- No entries --\n');
    expect(run('journalctl -u kubelet --since today -r -n 1 -o cat').stdout).toMatch(/"Successfully registered node"/);
    // The boot's kubelet (three days up) and the restarted one.
    expect(run('journalctl -u kubelet -g "kubelet version" -o cat').stdout).toMatch(/^I1122 09:00:00\.\d+ +\d+ server\.go:529\] "Kubelet version" kubeletVersion="v1\.34\.2"\nI1125 .*"Kubelet version"[^\n]*\n$/);
    expect(run('journalctl -u kubelet -g "KUBELET version"').stdout).toBe('-- No entries --\n');
  });

  it('tells a real systemctl verb it does not run from an unknown one', () => {
    const { run } = ops();
    expect(run('systemctl list-units --type=service')).toMatchObject({ stdout: '', exitCode: 1 });
    expect(run('systemctl list-units').stderr).toMatch(/^kubesim: systemctl list-units: not simulated in this sandbox/);
    expect(run('systemctl frob kubelet').stderr).toBe("Unknown command verb 'frob'.\n");
  });

  // journald records what the kubelet writes on stderr at info (no <N> prefix, SyslogLevel=info),
  // whatever klog's letter says: -p err finds none of its E lines, -p info finds them all.
  it('filters by syslog priority: the kubelet\'s klog errors are info to the journal', () => {
    const { run } = ops('broken-control-plane');
    const all = run('journalctl -u kubelet --no-pager').stdout;
    expect(all).toMatch(/ kubelet\[\d+\]: E1125 /);
    expect(run('journalctl -u kubelet -p err')).toEqual({ stdout: '-- No entries --\n', stderr: '', exitCode: 0 });
    expect(run('journalctl -u kubelet -p 3')).toEqual({ stdout: '-- No entries --\n', stderr: '', exitCode: 0 });
    expect(run('journalctl -u kubelet -p info --no-pager').stdout).toBe(all);
    expect(run('journalctl -u kubelet -p debug..info --no-pager').stdout).toBe(all);
  });

  it('refuses what journalctl refuses, with its messages', () => {
    const { run } = ops();
    expect(run('journalctl --since yesterdayish')).toMatchObject({ stderr: 'Failed to parse timestamp: yesterdayish\n', exitCode: 1 });
    expect(run('journalctl --since now --until yesterday').stderr).toBe('--since= must be before --until=.\n');
    expect(run('journalctl -z').stderr).toBe("journalctl: invalid option -- 'z'\n");
    expect(run('journalctl --bogus').stderr).toBe("journalctl: unrecognized option '--bogus'\n");
    expect(run('journalctl -u').stderr).toBe("journalctl: option requires an argument -- 'u'\n");
    expect(run('journalctl --unit').stderr).toBe("journalctl: option '--unit' requires an argument\n");
    // A value-less -n leaves a word that is no number to be a match (parse_lines(…, graceful)).
    expect(run('journalctl -n x').stderr).toBe("Failed to add match 'x': Invalid argument\n");
    expect(run('journalctl --lines=x').stderr).toBe("Failed to parse lines 'x'.\n");
    expect(run('journalctl -o bogus').stderr).toBe("Unknown output format 'bogus'.\n");
    // -p takes log_level_from_string's names or 0–7, or FROM..TO.
    expect(run('journalctl -p error')).toMatchObject({ stderr: 'Unknown log level error\n', exitCode: 1 });
    expect(run('journalctl -p err..bad').stderr).toBe('Failed to parse log level range err..bad\n');
    expect(run('journalctl -k').stderr).toMatch(/^kubesim: journalctl --dmesg: not simulated in this sandbox/);
  });

  // glibc getopt_long through the shared parser: unique abbreviations, glibc's ambiguity and
  // argument refusals, an optional argument; -b as parse_boot_descriptor reads it, on hosts booted once.
  it('reads long options as getopt_long does and -b as a boot descriptor', () => {
    const { run } = ops();
    expect(run('journalctl --no-pag -u kubelet -n 1').stdout).toMatch(/ kubelet\[\d+\]: I1122 .*"Successfully registered node"/);
    expect(run('journalctl --no -n 1').stderr).toBe("journalctl: option '--no' is ambiguous; possibilities: '--no-pager' '--no-full' '--no-tail' '--no-hostname'\n");
    expect(run('journalctl --no-pager=yes').stderr).toBe("journalctl: option '--no-pager' doesn't allow an argument\n");
    expect(run('journalctl --unit=kubelet --lin=5 -o cat').stdout).toMatch(/^Started kubelet\.service - kubelet: The Kubernetes Node Agent\.\n(I1122 [^\n]*\n){4}$/);
    expect(run('journalctl -u kubelet -g "started" --case-sensitive -n 1').stdout).toBe('-- No entries --\n');
    expect(run('journalctl -u kubelet -g "STARTED" --case-sensitive=no -n 1').stdout).toMatch(/Started kubelet\.service/);
    expect(run('journalctl --case-sensitive=maybe').stderr).toBe('Bad --case-sensitive= argument "maybe": Invalid argument\n');
    expect(run('journalctl -b -u kubelet -n 5 -o cat').stdout).toMatch(/^Started kubelet\.service - kubelet: The Kubernetes Node Agent\.\n/);
    expect(run('journalctl -b 0 -u kubelet -n 5 -o cat').stdout).toMatch(/^Started kubelet\.service - kubelet: The Kubernetes Node Agent\.\n/);
    expect(run('journalctl -b -1')).toMatchObject({ stderr: 'Data from the specified boot (-1) is not available: No such boot ID in journal\n', exitCode: 1 });
    expect(run('journalctl --boot=2').stderr).toBe('Data from the specified boot (+2) is not available: No such boot ID in journal\n');
    expect(run('journalctl -bnow').stderr).toBe("Failed to parse boot descriptor 'now'\n");
    expect(run('journalctl --vacuum-size=1G').stderr).toMatch(/^kubesim: journalctl --vacuum-size: not simulated in this sandbox/);
  });
});
