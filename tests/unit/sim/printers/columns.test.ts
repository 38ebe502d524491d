import { describe, expect, it } from 'vitest';
import { nodeRoles, nodeStatus, podStatusReason, servicePorts } from '../../../../src/sim/printers/columns.ts';
import { rfc1123z } from '../../../../src/sim/printers/describe.ts';

// Cell rules of kubernetes/pkg/printers/internalversion/printers.go: printPod (reason), printNode
// (findNodeRoles, SchedulingDisabled), printService (makePortString).
describe('printers.go cell rules', () => {
  const meta = { name: 'p' };
  it('derives the pod STATUS from phase, container states and deletion', () => {
    expect(podStatusReason({ metadata: meta, status: { phase: 'Running', containerStatuses: [{ ready: true, state: { running: {} } }] } })).toBe('Running');
    expect(podStatusReason({ metadata: meta, status: { phase: 'Pending', containerStatuses: [{ state: { waiting: { reason: 'ImagePullBackOff' } } }] } })).toBe('ImagePullBackOff');
    expect(podStatusReason({ metadata: meta, status: { phase: 'Succeeded', containerStatuses: [{ state: { terminated: { reason: 'Completed', exitCode: 0 } } }] } })).toBe('Completed');
    expect(podStatusReason({ metadata: meta, status: { phase: 'Failed', containerStatuses: [{ state: { terminated: { exitCode: 2 } } }] } })).toBe('ExitCode:2');
    expect(podStatusReason({ metadata: { ...meta, deletionTimestamp: '2026-01-01T00:00:00Z' }, status: { phase: 'Running' } })).toBe('Terminating');
    expect(podStatusReason({ metadata: meta, spec: { initContainers: [{}, {}] }, status: { phase: 'Pending', initContainerStatuses: [{ state: { terminated: { exitCode: 0 } } }, { state: { running: {} } }] } })).toBe('Init:1/2');
    expect(podStatusReason({ metadata: meta, status: { phase: 'Pending', initContainerStatuses: [{ state: { waiting: { reason: 'CrashLoopBackOff' } } }] } })).toBe('Init:CrashLoopBackOff');
  });

  it('derives node STATUS and ROLES', () => {
    const ready = { status: { conditions: [{ type: 'Ready', status: 'True' }] } };
    expect(nodeStatus({ metadata: {}, spec: {}, ...ready })).toBe('Ready');
    expect(nodeStatus({ metadata: {}, spec: { unschedulable: true }, ...ready })).toBe('Ready,SchedulingDisabled');
    expect(nodeStatus({ metadata: {}, spec: {}, status: { conditions: [{ type: 'Ready', status: 'Unknown' }] } })).toBe('NotReady');
    expect(nodeRoles({ metadata: { labels: { 'node-role.kubernetes.io/control-plane': '', 'node-role.kubernetes.io/etcd': '' } } })).toBe('control-plane,etcd');
    expect(nodeRoles({ metadata: { labels: { 'kubernetes.io/role': 'worker' } } })).toBe('worker');
    expect(nodeRoles({ metadata: { labels: {} } })).toBe('<none>');
  });

  it('formats service ports', () => {
    expect(servicePorts({ spec: { ports: [{ port: 80, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] } })).toBe('80/TCP,53/UDP');
    expect(servicePorts({ spec: { ports: [{ port: 80, nodePort: 30080, protocol: 'TCP' }] } })).toBe('80:30080/TCP');
    expect(servicePorts({ spec: {} })).toBe('<none>');
  });

  it('prints describe times as time.RFC1123Z', () => {
    expect(rfc1123z('2026-03-01T09:05:07Z')).toBe('Sun, 01 Mar 2026 09:05:07 +0000');
  });
});
