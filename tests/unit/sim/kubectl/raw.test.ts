/**
 * `kubectl get --raw`: get.go's Complete and Validate messages, the generic API server's health
 * endpoints ("ok" with no newline, healthz.go), /version as WriteRawJSON writes it (indented, no
 * newline), the 404 of an unknown path, and one sandbox line for the bodies it does not simulate.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

describe('kubectl get --raw', () => {
  const sim = createSimulator();
  const run = (line: string) => sim.run(line);

  it('answers the health endpoints and their checks with ok and no newline', () => {
    for (const path of ['/healthz', '/livez', '/readyz', '/readyz/etcd', '/livez/ping', '/healthz?timeout=32s'])
      expect(run(`kubectl get --raw '${path}'`), path).toMatchObject({ stdout: 'ok', stderr: '', exitCode: 0 });
    expect(run('kubectl get --raw=/healthz; echo').stdout).toBe('ok\n');
  });

  it('prints /version as the server writes it: the same fields as kubectl version\'s serverVersion', () => {
    const raw = run('kubectl get --raw /version').stdout;
    expect(raw.endsWith('}')).toBe(true);
    const server = JSON.parse(run('kubectl version -o json').stdout).serverVersion;
    expect(JSON.parse(raw)).toEqual(server);
    expect(raw).toBe(JSON.stringify(server, null, 2));
  });

  it('refuses what get.go refuses, with its words', () => {
    expect(run('kubectl get pods --raw /healthz').stderr).toBe('error: arguments may not be passed when --raw is specified\n');
    expect(run('kubectl get --raw /healthz -o yaml').stderr).toBe('error: --raw and --output are mutually exclusive\n');
    expect(run('kubectl get --raw /healthz -l app=x').stderr).toBe('error: --raw may not be specified with other flags that filter the server request or alter the output\n');
    expect(run('kubectl get --raw healthz').stderr).toBe('error: --raw must be a valid URL path: parse "healthz": invalid URI for request\n');
    expect(run('kubectl get --raw /nope')).toMatchObject({ stdout: '', stderr: 'Error from server (NotFound): the server could not find the requested resource\n', exitCode: 1 });
  });

  it('says in one line what it does not simulate', () => {
    for (const path of ['/readyz?verbose', '/api/v1/namespaces/default/pods', '/metrics']) {
      const r = run(`kubectl get --raw '${path}'`);
      expect(r.stderr, path).toMatch(/^kubesim: kubectl get --raw .*not simulated in this sandbox.*\n$/);
      expect(r.exitCode).toBe(1);
    }
  });

  it('cannot reach a stopped API server, like every other get', () => {
    const s = createSimulator();
    s.run('mv /etc/kubernetes/manifests/kube-apiserver.yaml /tmp/');
    const r = s.run('kubectl get --raw /healthz');
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/connection to the server .* was refused/);
  });
});
