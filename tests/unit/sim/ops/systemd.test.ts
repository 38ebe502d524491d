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
});
