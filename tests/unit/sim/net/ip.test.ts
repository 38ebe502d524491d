/**
 * Host networking commands: iproute2's `ip addr`/`ip route` layout (ip/ipaddress.c,
 * ip/iproute.c: fields followed by a space), kernel extack messages for `ip route add`
 * (net/ipv4/fib_semantics.c "Nexthop has invalid gateway"), net-tools `route -n`
 * (lib/inet_gr.c) and `ifconfig` (lib/interface.c).
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

describe('ip, route, ifconfig on the nodes', () => {
  it('ip route: default, the node’s cni0 subnet, flannel routes to the other nodes, eth0', () => {
    const sim = createSimulator();
    expect(sim.run('ip route').stdout).toBe(
      'default via 192.168.121.1 dev eth0 proto static \n' +
        '10.244.0.0/24 dev cni0 proto kernel scope link src 10.244.0.1 \n' +
        '10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink \n' +
        '10.244.2.0/24 via 10.244.2.0 dev flannel.1 onlink \n' +
        '192.168.121.0/24 dev eth0 proto kernel scope link src 192.168.121.10 \n',
    );
  });
  it('ip route show filters by table, device and prefix as iproute.c does', () => {
    const sim = createSimulator();
    expect(sim.run('ip route show table')).toEqual({ stdout: '', stderr: 'Command line is not complete. Try option "help"\n', exitCode: 255 });
    expect(sim.run('ip route show table main').stdout).toBe(sim.run('ip route').stdout);
    expect(sim.run('ip route show table local').stdout).toBe(
      'local 10.244.0.0 dev flannel.1 proto kernel scope host src 10.244.0.0 \n' +
        'local 10.244.0.1 dev cni0 proto kernel scope host src 10.244.0.1 \n' +
        'broadcast 10.244.0.255 dev cni0 proto kernel scope link src 10.244.0.1 \n' +
        'local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1 \n' +
        'local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 \n' +
        'local 192.168.121.10 dev eth0 proto kernel scope host src 192.168.121.10 \n' +
        'broadcast 192.168.121.255 dev eth0 proto kernel scope link src 192.168.121.10 \n',
    );
    // Only a listing of every table names the table of each route.
    expect(sim.run('ip route show table all').stdout).toContain('local 127.0.0.1 dev lo table local proto kernel scope host src 127.0.0.1 \n');
    expect(sim.run('ip route show dev eth0').stdout).toBe('default via 192.168.121.1 proto static \n192.168.121.0/24 proto kernel scope link src 192.168.121.10 \n');
    expect(sim.run('ip route show 10.244.1.0/24').stdout).toBe('10.244.1.0/24 via 10.244.1.0 dev flannel.1 onlink \n');
    expect(sim.run('ip route show table 100')).toEqual({ stdout: '', stderr: 'Error: ipv4: FIB table does not exist.\nDump terminated\n', exitCode: 2 });
    expect(sim.run('ip route show table foo')).toEqual({ stdout: '', stderr: 'Error: argument "foo" is wrong: table id value is invalid\n\n', exitCode: 255 });
    expect(sim.run('ip route show dev eth9')).toEqual({ stdout: '', stderr: 'Cannot find device "eth9"\n', exitCode: 1 });
  });
  it('ip addr: lo, eth0 with the host address, flannel.1 as /32, cni0 with .1/24', () => {
    const out = createSimulator().run('ip addr').stdout;
    expect(out).toMatch(/^1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n    link\/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n    inet 127\.0\.0\.1\/8 scope host lo\n       valid_lft forever preferred_lft forever\n/);
    expect(out).toContain('    inet 192.168.121.10/24 brd 192.168.121.255 scope global eth0\n');
    expect(out).toContain('3: flannel.1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1450 qdisc noqueue state UNKNOWN group default \n');
    expect(out).toContain('    inet 10.244.0.0/32 scope global flannel.1\n');
    expect(out).toContain('    inet 10.244.0.1/24 brd 10.244.0.255 scope global cni0\n');
  });
  it('ip addr add shows the new address and its connected route; duplicates are refused', () => {
    const sim = createSimulator();
    expect(sim.run('ip addr add 192.168.1.10/24 dev eth0')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
    expect(sim.run('ip addr show eth0').stdout).toContain('    inet 192.168.1.10/24 scope global eth0\n');
    expect(sim.run('ip route').stdout).toContain('192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10 \n');
    expect(sim.run('ip addr add 192.168.1.10/24 dev eth0')).toEqual({ stdout: '', stderr: 'Error: ipv4: Address already assigned.\n', exitCode: 2 });
    expect(sim.run('ip addr add 192.168.1.10/24 dev eth9')).toEqual({ stdout: '', stderr: 'Cannot find device "eth9"\n', exitCode: 1 });
  });
  it('ip route add needs a gateway on a connected network', () => {
    const sim = createSimulator();
    expect(sim.run('ip route add 192.168.1.0/24 via 192.168.2.1')).toEqual({ stdout: '', stderr: 'Error: Nexthop has invalid gateway.\n', exitCode: 2 });
    expect(sim.run('ip route add 192.168.1.0/24 via 192.168.121.254').exitCode).toBe(0);
    expect(sim.run('ip route').stdout).toContain('192.168.1.0/24 via 192.168.121.254 dev eth0 \n');
    expect(sim.run('ip route add 192.168.1.0/24 via 192.168.121.254')).toEqual({ stdout: '', stderr: 'RTNETLINK answers: File exists\n', exitCode: 2 });
  });
  it('route -n prints the same table in net-tools columns', () => {
    expect(createSimulator().run('route -n').stdout).toBe(
      'Kernel IP routing table\n' +
        'Destination     Gateway         Genmask         Flags Metric Ref    Use Iface\n' +
        '0.0.0.0         192.168.121.1   0.0.0.0         UG    0      0        0 eth0\n' +
        '10.244.0.0      0.0.0.0         255.255.255.0   U     0      0        0 cni0\n' +
        '10.244.1.0      10.244.1.0      255.255.255.0   UG    0      0        0 flannel.1\n' +
        '10.244.2.0      10.244.2.0      255.255.255.0   UG    0      0        0 flannel.1\n' +
        '192.168.121.0   0.0.0.0         255.255.255.0   U     0      0        0 eth0\n',
    );
  });
  it('ifconfig -a lists interfaces by name with net-tools’ flags line', () => {
    const out = createSimulator().run('ifconfig -a').stdout;
    expect(out.split('\n').filter((l) => /^\S/.test(l)).map((l) => l.split(':')[0])).toEqual(['cni0', 'eth0', 'flannel.1', 'lo', ...out.split('\n').filter((l) => /^veth/.test(l)).map((l) => l.split(':')[0])]);
    expect(out).toContain('eth0: flags=4163<UP,BROADCAST,RUNNING,MULTICAST>  mtu 1500\n        inet 192.168.121.10  netmask 255.255.255.0  broadcast 192.168.121.255\n');
    expect(out).toContain('lo: flags=73<UP,LOOPBACK,RUNNING>  mtu 65536\n        inet 127.0.0.1  netmask 255.0.0.0\n');
  });
  it('ip_forward is 1 on every node (the kubeadm prerequisite)', () => {
    const sim = createSimulator();
    expect(sim.run('cat /proc/sys/net/ipv4/ip_forward').stdout).toBe('1\n');
  });
});
