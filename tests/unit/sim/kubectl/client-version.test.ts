import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

// `kubectl version` prints the binary's own version as "Client Version" (staging/src/k8s.io/kubectl/pkg/cmd/version/version.go),
// so upgrading the kubectl package during the chapter 2 walkthrough must move it, while the server stays.
describe('kubectl version follows the installed kubectl package', () => {
  it('changes the client version only after apt-get install kubectl', () => {
    const sim = createSimulator();
    expect(sim.run('kubectl version').stdout).toBe('Client Version: v1.34.2\nKustomize Version: v5.7.1\nServer Version: v1.34.2\n');
    sim.run("sed -i 's/v1.34/v1.35/' /etc/apt/sources.list.d/kubernetes.list && apt-get update && apt-mark unhold kubectl && apt-get install -y kubectl='1.35.0-*'");
    const out = sim.run('kubectl version').stdout;
    expect(out).toMatch(/^Client Version: v1\.35\.0\n/);
    expect(out).toMatch(/Server Version: v1\.34\.2\n$/);
  });
});
