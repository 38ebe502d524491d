/**
 * `kubectl events` (staging/src/k8s.io/kubectl/pkg/cmd/events: events.go, event_printer.go): the
 * namespace's events sorted by last time, LAST SEEN as getInterval writes it, OBJECT as Kind/name,
 * --for TYPE/NAME (kind, apiVersion and name), --types (Normal or Warning, any case), -A with a
 * NAMESPACE column, --no-headers, and the messages of ToOptions, Validate and Run.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

describe('kubectl events', () => {
  it('lists a pod\'s events oldest first, and one object\'s with --for', () => {
    const sim = createSimulator();
    expect(sim.run('kubectl events')).toEqual({ stdout: '', stderr: 'No events found in default namespace.\n', exitCode: 0 });
    sim.run('kubectl run web --image=nginx');
    sim.run('sleep 5');
    const out = sim.run('kubectl events').stdout.split('\n');
    expect(out[0]).toBe('LAST SEEN   TYPE     REASON      OBJECT    MESSAGE');
    expect(out[1]).toBe('5s          Normal   Scheduled   Pod/web   Successfully assigned default/web to node01');
    expect(out.slice(2, 6).map((l) => l.split(/ {3,}/)[2])).toEqual(['Pulling', 'Pulled', 'Created', 'Started']);
    expect(sim.run('kubectl events --for pod/web --no-headers').stdout.split('\n')[0]).toBe('5s    Normal   Scheduled   Pod/web   Successfully assigned default/web to node01');
    expect(sim.run('kubectl events --for deployment/web')).toEqual({ stdout: '', stderr: 'No events found in default namespace.\n', exitCode: 0 });
    expect(sim.run('kubectl events --types=warning')).toEqual({ stdout: '', stderr: 'No events found in default namespace.\n', exitCode: 0 });
    expect(sim.run('kubectl events -n kube-system -A --for pod/web').stdout).toMatch(/^NAMESPACE +LAST SEEN +TYPE +REASON +OBJECT +MESSAGE\ndefault +5s +Normal +Scheduled +Pod\/web /);
    expect(sim.run('kubectl events --for pod/web -o name').stdout).toMatch(/^(event\/web\.[0-9a-f]+\n){5}$/);
    expect(sim.run('kubectl events --for pod/web -o json').stdout).toMatch(/^\{\n {4}"apiVersion": "v1",\n {4}"items": \[\n/);
  });

  it('counts a repeated event as getInterval does, with the kubelet\'s events about a static pod', () => {
    const sim = createSimulator();
    sim.run("sed -i 's/- kube-scheduler$/- kube-schedulerr/' /etc/kubernetes/manifests/kube-scheduler.yaml");
    sim.run('sleep 60');
    const rows = sim.run('kubectl events -n kube-system --types Warning').stdout.split('\n');
    expect(rows[1]).toMatch(/^30s \(x3 over 60s\) +Warning +Failed +Pod\/kube-scheduler-controlplane +Error: failed to create containerd task: /);
    expect(rows[2]).toMatch(/^0s \(x6 over 50s\) +Warning +BackOff +Pod\/kube-scheduler-controlplane +Back-off restarting failed container kube-scheduler in pod /);
  });

  it('refuses what kubectl refuses, with its messages', () => {
    const sim = createSimulator();
    expect(sim.run('kubectl events --for pod')).toMatchObject({ stderr: 'error: --for must be in resource/name form\n', exitCode: 1 });
    expect(sim.run('kubectl events --for pod/a/b').stderr).toBe('error: arguments in resource/name form may not have more than one slash\n');
    expect(sim.run('kubectl events --for foo/x').stderr).toBe('error: no matches for /, Resource=foo\n');
    expect(sim.run('kubectl events --types=Normal,Bad').stderr).toBe('error: valid --types are Normal or Warning\n');
    expect(sim.run('kubectl events -o wide').stderr).toBe(
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    );
  });
});
