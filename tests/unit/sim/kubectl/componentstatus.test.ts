/**
 * `kubectl get componentstatuses`: computed by the API server on each read
 * (pkg/registry/core/componentstatus: rest.go, validator.go), printed by printComponentStatus
 * (NAME STATUS MESSAGE ERROR), with the deprecation warning the server sends.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

describe('kubectl get componentstatuses', () => {
  it('lists the scheduler, the controller manager and etcd as healthy, with the deprecation warning', () => {
    const sim = createSimulator();
    const r = sim.run('kubectl get cs');
    expect(r.stdout).toBe(
      'NAME                 STATUS    MESSAGE   ERROR\n' +
      'scheduler            Healthy   ok        \n' +
      'controller-manager   Healthy   ok        \n' +
      'etcd-0               Healthy   ok        \n',
    );
    expect(r.stderr).toBe('Warning: v1 ComponentStatus is deprecated in v1.19+\n');
    expect(sim.run('kubectl api-resources | grep ComponentStatus').stdout).toMatch(/^componentstatuses +cs +v1 +false +ComponentStatus\n$/);
  });

  it('reports a stopped scheduler with the probe error as its message (DoHTTPProbe: a failed request is a Failure)', () => {
    const sim = createSimulator();
    sim.run('ssh controlplane mv /etc/kubernetes/manifests/kube-scheduler.yaml /root/');
    sim.run('sleep 30');
    const rows = sim.run('kubectl get componentstatuses').stdout.split('\n');
    expect(rows[1].trimEnd()).toBe('scheduler            Unhealthy   Get "https://127.0.0.1:10259/healthz": dial tcp 127.0.0.1:10259: connect: connection refused');
    expect(rows[2]).toMatch(/^controller-manager +Healthy +ok +$/);
  });

  it('prints one as an object, and a name it does not know as the server\'s internal error', () => {
    const sim = createSimulator();
    expect(sim.run('kubectl get componentstatus etcd-0 -o yaml').stdout).toBe(
      'apiVersion: v1\nconditions:\n- message: ok\n  status: "True"\n  type: Healthy\nkind: ComponentStatus\nmetadata:\n  creationTimestamp: null\n  name: etcd-0\n',
    );
    expect(sim.run('kubectl get cs -o name').stdout).toBe('componentstatus/scheduler\ncomponentstatus/controller-manager\ncomponentstatus/etcd-0\n');
    expect(sim.run('kubectl get cs etcd')).toMatchObject({
      stderr: 'Warning: v1 ComponentStatus is deprecated in v1.19+\nError from server (InternalError): Internal error occurred: Component not found: etcd\n',
      exitCode: 1,
    });
  });

  it('explains the kind from the API\'s descriptions, and refuses to delete it (get and list only: 405)', () => {
    const sim = createSimulator();
    expect(sim.run('kubectl explain cs').stdout).toContain('DESCRIPTION:\n    ComponentStatus (and ComponentStatusList) holds the cluster validation info.\n    Deprecated: This API is deprecated in v1.19+\n');
    expect(sim.run('kubectl explain componentstatus.conditions.type').stdout).toContain('    Type of condition for a component. Valid value: "Healthy"\n');
    expect(sim.run('kubectl delete cs scheduler')).toMatchObject({ stderr: 'Error from server (MethodNotAllowed): the server does not allow this method on the requested resource\n', exitCode: 1 });
  });
});
