import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { createSimulator } from '../../../../src/sim/index.ts';
import { base64, base64Text, pemBlock, pemFile } from '../../../../src/sim/scenario/pem.ts';
import { validateScenario } from '../../../../src/sim/scenario/schema.ts';

/** The DER bytes inside one PEM block. */
const der = (pem: string): Buffer => Buffer.from(pem.split('\n').filter((l) => l && !l.startsWith('-----')).join(''), 'base64');
const bodyLines = (pem: string): string[] => pem.split('\n').filter((l) => l && !l.startsWith('-----'));

describe('pem blocks', () => {
  it('encode base64 as the standard alphabet with padding', () => {
    for (const s of ['', 'a', 'ab', 'abc', '-----BEGIN CERTIFICATE-----\n']) expect(base64Text(s)).toBe(Buffer.from(s).toString('base64'));
    expect(base64([0xfb, 0xff, 0x00])).toBe(Buffer.from([0xfb, 0xff, 0x00]).toString('base64'));
  });

  it('look like kubeadm output: header, 64-character lines, footer, and DER lengths that add up', () => {
    const cert = pemBlock(1, '/etc/kubernetes/pki/ca.crt', 'CERTIFICATE', 17);
    expect(cert.startsWith('-----BEGIN CERTIFICATE-----\nMII')).toBe(true);
    expect(cert.endsWith('\n-----END CERTIFICATE-----\n')).toBe(true);
    const lines = bodyLines(cert);
    expect(lines).toHaveLength(17);
    expect(lines.slice(0, -1).every((l) => l.length === 64)).toBe(true);
    expect(lines[16].length).toBeGreaterThan(0);
    expect(lines[16].length).toBeLessThanOrEqual(64);
    const d = der(cert);
    // SEQUENCE { SEQUENCE tbs { [0] v3, serial, sha256WithRSA … } sha256WithRSA, BIT STRING(2048) }
    expect(d[0]).toBe(0x30);
    expect(d.readUInt16BE(2)).toBe(d.length - 4);
    expect(d.readUInt16BE(6) + 8).toBe(d.length - 276);
    expect([...d.subarray(8, 15)]).toEqual([0xa0, 0x03, 0x02, 0x01, 0x02, 0x02, 0x08]);
    expect(d.subarray(-276, -261).toString('hex')).toBe('300d06092a864886f70d01010b0500');

    const key = pemBlock(1, '/etc/kubernetes/pki/ca.key', 'RSA PRIVATE KEY');
    expect(bodyLines(key)).toHaveLength(25);
    expect(bodyLines(key)[0].startsWith('MIIE')).toBe(true);
    expect(der(key).subarray(4, 12).toString('hex')).toBe('0201000282010100');

    const ec = pemBlock(1, '/var/lib/kubelet/pki/kubelet-client-current.pem', 'EC PRIVATE KEY');
    expect(der(ec)).toHaveLength(121);
    expect(bodyLines(ec)).toHaveLength(3);
    expect(bodyLines(ec)[0]).toMatch(/^MHcCAQEEI.{43}oAoGCCqGSM49$/);

    const pub = pemBlock(1, '/etc/kubernetes/pki/sa.pub', 'PUBLIC KEY');
    expect(der(pub)).toHaveLength(294);
    expect(bodyLines(pub)[0].startsWith('MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA')).toBe(true);
    expect(bodyLines(pub).at(-1)!.endsWith('IDAQAB')).toBe(true);
  });

  it('are the same for the same seed and key, and differ otherwise', () => {
    const a = pemFile(1, '/etc/kubernetes/pki/ca.crt', ['CERTIFICATE']);
    expect(pemFile(1, '/etc/kubernetes/pki/ca.crt', ['CERTIFICATE'])).toBe(a);
    expect(pemFile(2, '/etc/kubernetes/pki/ca.crt', ['CERTIFICATE'])).not.toBe(a);
    expect(pemFile(1, '/etc/kubernetes/pki/etcd/ca.crt', ['CERTIFICATE'])).not.toBe(a);
    const two = pemFile(1, '/x.pem', ['CERTIFICATE', 'CERTIFICATE']).split('-----END CERTIFICATE-----\n');
    expect(two[0]).not.toBe(two[1]);
  });
});

describe('pem files in the default scenario', () => {
  const sim = createSimulator();
  const read = (host: string, path: string): string => sim.world.hosts.get(host)!.fs.readFile(path)!;

  it('has every certificate and key under the pki directories as PEM with 64-character lines', () => {
    const paths = [...Object.keys(sim.scenario.files['*']), ...Object.keys(sim.scenario.files.controlplane)].filter((p) => /\/pki\/.+[^/]$/.test(p));
    expect(paths).toHaveLength(25);
    for (const p of paths) {
      const text = read('controlplane', p);
      expect(text, p).toMatch(/^(-----BEGIN ([A-Z ]+)-----\n([A-Za-z0-9+/]{64}\n)*[A-Za-z0-9+/=]{4,64}\n-----END \2-----\n)+$/);
    }
    expect(bodyLines(read('controlplane', '/etc/kubernetes/pki/apiserver.crt'))).toHaveLength(19);
    expect(sim.run('wc -l < /etc/kubernetes/pki/apiserver.key').stdout).toBe('27\n');
  });

  it('embeds base64 of ca.crt in every kubeconfig, so base64 -d gives the file back', () => {
    const ca = read('controlplane', '/etc/kubernetes/pki/ca.crt');
    for (const conf of ['admin.conf', 'super-admin.conf', 'controller-manager.conf', 'scheduler.conf', 'kubelet.conf']) {
      const data = /certificate-authority-data: (\S+)\n/.exec(read('controlplane', `/etc/kubernetes/${conf}`))![1];
      expect(Buffer.from(data, 'base64').toString(), conf).toBe(ca);
    }
    const decoded = sim.run("grep certificate-authority-data /etc/kubernetes/admin.conf | awk '{print $2}' | base64 -d");
    expect(decoded.stdout).toBe(ca);
    const key = /client-key-data: (\S+)\n/.exec(read('controlplane', '/etc/kubernetes/admin.conf'))![1];
    expect(Buffer.from(key, 'base64').toString()).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\nMIIE/);
  });

  it('shares cluster-wide files across hosts and keeps per-host ones apart', () => {
    for (const p of ['/etc/kubernetes/pki/ca.crt', '/etc/kubernetes/kubelet.conf']) expect(read('node01', p), p).toBe(read('controlplane', p).replaceAll('controlplane', 'node01'));
    expect(read('node02', '/etc/kubernetes/pki/ca.crt')).toBe(read('controlplane', '/etc/kubernetes/pki/ca.crt'));
    for (const p of ['/var/lib/kubelet/pki/kubelet.crt', '/var/lib/kubelet/pki/kubelet.key', '/var/lib/kubelet/pki/kubelet-client-current.pem']) {
      expect(read('node01', p), p).not.toBe(read('controlplane', p));
      expect(read('node01', p), p).not.toBe(read('node02', p));
    }
    expect(read('controlplane', '/root/.kube/config')).toBe(read('controlplane', '/etc/kubernetes/admin.conf'));
    expect(read('controlplane', '/etc/kubernetes/super-admin.conf')).not.toContain(/client-key-data: (\S+)/.exec(read('controlplane', '/etc/kubernetes/admin.conf'))![1]);
  });

  it('is the same in every simulator of the scenario', () => {
    const again = createSimulator();
    for (const p of ['/etc/kubernetes/pki/sa.key', '/etc/kubernetes/admin.conf']) expect(again.world.hosts.get('controlplane')!.fs.readFile(p)).toBe(read('controlplane', p));
  });

  it('reads as PEM to the tools', () => {
    expect(sim.run('openssl x509 -in /etc/kubernetes/pki/apiserver.crt -noout -subject').stdout).toBe('subject=CN = kube-apiserver\n');
    expect(sim.run('head -1 /var/lib/kubelet/pki/kubelet-client-current.pem').stdout).toBe('-----BEGIN CERTIFICATE-----\n');
    expect(sim.run('grep -c BEGIN /var/lib/kubelet/pki/kubelet-client-current.pem').stdout).toBe('2\n');
  });
});

describe('pem descriptors in scenarios', () => {
  const err = (files: unknown): string => {
    try {
      validateScenario({ name: 'x', files: { '*': files } });
      return 'valid';
    } catch (e) {
      return (e as Error).message;
    }
  };

  it('are checked with the field named', () => {
    expect(err({ '/a.crt': { pem: 'CERTIFICATE', lines: 20, perHost: true, mode: '0644' } })).toBe('valid');
    expect(err({ '/a.pem': { pem: ['CERTIFICATE', 'EC PRIVATE KEY'], lines: 13 } })).toBe('valid');
    expect(err({ '/a.crt': { pem: 'CERT' } })).toBe('scenario "x": files.*["/a.crt"].pem: expected a PEM type (CERTIFICATE, RSA PRIVATE KEY, EC PRIVATE KEY, PUBLIC KEY) or a list of them, got "CERT"');
    expect(err({ '/a.key': { pem: 'EC PRIVATE KEY', lines: 5 } })).toBe('scenario "x": files.*["/a.key"].lines: EC PRIVATE KEY has a fixed size');
    expect(err({ '/a.crt': { pem: 'CERTIFICATE', lines: 2 } })).toBe('scenario "x": files.*["/a.crt"].lines: expected a whole number of base64 lines from 8 to 40');
    expect(err({ '/a.crt': { pem: 'CERTIFICATE', line: 20 } })).toMatch(/^scenario "x": files\.\*\["\/a\.crt"\]\.line: unknown field/);
    expect(err({ '/a.conf': 'data: {{pem64 CERTIFICATE}}\n' })).toMatch(/^scenario "x": files\.\*\["\/a\.conf"\]: \{\{pem64 CERTIFICATE\}\}: expected \{\{pem64 \/path\/of\/a\/file\}\} or \{\{pem64 TYPE id\}\}/);
    expect(err({ '/a.conf': { content: 'data: {{pem64 RSA KEY admin}}\n' } })).toMatch(/\{\{pem64 RSA KEY admin\}\}: expected/);
  });

  it('fail the start-up when {{pem64 /path}} names no file on the host', () => {
    const scenario = { name: 'x', files: { node01: { '/etc/a.pem': { pem: 'CERTIFICATE' } }, '*': { '/etc/b.conf': 'data: {{pem64 /etc/a.pem}}\n' } } };
    expect(() => createSimulator({ scenario })).toThrow('scenario "x": files["/etc/b.conf"] on controlplane: {{pem64 /etc/a.pem}}: no such file on this host');
    const loop = { name: 'y', files: { '*': { '/a': '{{pem64 /b}}', '/b': '{{pem64 /a}}' } } };
    expect(() => createSimulator({ scenario: loop })).toThrow('scenario "y": files["/a"] on controlplane: {{pem64 …}} refers back to itself through /a → /b');
  });

  it('leave no literal PEM or long base64 in the scenario files', () => {
    const dir = new URL('../../../../content/scenarios/', import.meta.url);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      expect(text, f).not.toMatch(/-----BEGIN [A-Z ]+-----/);
      expect(text, f).not.toMatch(/[A-Za-z0-9+/=]{200}/);
    }
  });
});
