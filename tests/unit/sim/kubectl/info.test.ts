import { describe, expect, it } from 'vitest';
import { makeWorld } from '../helpers/world.ts';

describe('kubectl version, cluster-info, api-resources, explain', () => {
  // staging/src/k8s.io/kubectl/pkg/cmd/version/version.go
  it('prints client, kustomize and server versions', () => {
    const { k } = makeWorld();
    expect(k('version').stdout).toBe('Client Version: v1.34.2\nKustomize Version: v5.7.1\nServer Version: v1.34.2\n');
    expect(k('version --client').stdout).toBe('Client Version: v1.34.2\nKustomize Version: v5.7.1\n');
    const y = k('version -o yaml').stdout;
    expect(y).toContain('clientVersion:\n  buildDate: ');
    expect(y).toContain('kustomizeVersion: v5.7.1\n');
    expect(y).toContain('  gitVersion: v1.34.2\n');
    expect(y).toContain('  minor: "34"\n');
  });

  it('reports the upgraded server version (kubeadm upgrade apply)', () => {
    const { k, cluster } = makeWorld();
    cluster.setServerVersion('v1.35.0');
    expect(k('version').stdout).toBe('Client Version: v1.34.2\nKustomize Version: v5.7.1\nServer Version: v1.35.0\n');
    expect(k('version').stderr).toBe('');
  });

  it('prints the connection error when the API server is down', () => {
    const { k, cluster } = makeWorld();
    cluster.setComponentUp('kube-apiserver', false);
    const r = k('get pods');
    expect(r.stderr).toBe('The connection to the server 192.168.121.10:6443 was refused - did you specify the right host or port?\n');
    expect(r.exitCode).toBe(1);
    const v = k('version');
    expect(v.stdout).toBe('Client Version: v1.34.2\nKustomize Version: v5.7.1\n');
    expect(v.stderr).toContain('was refused');
  });

  // staging/src/k8s.io/kubectl/pkg/cmd/clusterinfo/clusterinfo.go
  it('prints cluster-info with the debug hint', () => {
    const { k } = makeWorld();
    expect(k('cluster-info').stdout).toBe(
      "Kubernetes control plane is running at https://192.168.121.10:6443\nCoreDNS is running at https://192.168.121.10:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });

  it('prints api-resources', () => {
    const { k } = makeWorld();
    const lines = k('api-resources').stdout.split('\n');
    expect(lines[0]).toBe('NAME                     SHORTNAMES   APIVERSION             NAMESPACED   KIND');
    expect(lines).toContain('pods                     po           v1                     true         Pod');
    expect(lines).toContain('deployments              deploy       apps/v1                true         Deployment');
    expect(k('api-resources --namespaced=false -o name').stdout).toBe('componentstatuses\nnamespaces\nnodes\npersistentvolumes\ningressclasses.networking.k8s.io\nstorageclasses.storage.k8s.io\n');
  });

  it('explains fields', () => {
    const { k } = makeWorld();
    const out = k('explain pod.spec.volumes').stdout;
    expect(out.startsWith('KIND:       Pod\nVERSION:    v1\n\nFIELD: volumes <[]Volume>\n')).toBe(true);
    expect(out).toContain('  persistentVolumeClaim\t<PersistentVolumeClaimVolumeSource>\n');
    expect(k('explain deploy.spec.replicas').stdout.startsWith('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nFIELD: replicas <integer>\n')).toBe(true);
    expect(k('explain pod.spac').stderr).toBe('error: field "spac" does not exist\n');
  });

  // Layout: kubectl's plaintext.tmpl (explain v2); texts: the upstream OpenAPI spec. Since v1.32
  // (kubernetes#126533) the template's wrap deletes the text's line breaks before wrapping at 76
  // columns (go-wordwrap), so a description's parts run together and no padded line follows it.
  it('explains with the API\'s descriptions, wrapped as kubectl v1.34 wraps them', () => {
    const { k } = makeWorld();
    expect(k('explain pod.spec').stdout.startsWith(
      'KIND:       Pod\nVERSION:    v1\n\nFIELD: spec <PodSpec>\n\n\nDESCRIPTION:\n' +
        '    Specification of the desired behavior of the pod. More info:\n' +
        '    https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#spec-and-statusPodSpec\n' +
        '    is a description of a pod.\nFIELDS:\n' +
        '  activeDeadlineSeconds\t<integer>\n' +
        '    Optional duration in seconds the pod may be active on the node relative to\n' +
        '    StartTime before the system will actively try to mark it failed and kill\n' +
        '    associated containers. Value must be a positive integer.\n\n' +
        '  affinity\t<Affinity>\n    If specified, the pod\'s scheduling constraints\n\n' +
        '  automountServiceAccountToken\t<boolean>\n',
    )).toBe(true);
    // Time is a string in the spec.
    expect(k('explain pod.metadata').stdout).toContain('  creationTimestamp\t<string>\n    CreationTimestamp is a timestamp representing the server time when this\n    object was created.');
    expect(k('explain pod').stdout).toContain('DESCRIPTION:\n    Pod is a collection of containers that can run on a host. This resource is\n    created by clients and scheduled onto hosts.\nFIELDS:\n  apiVersion\t<string>\n');
  });

  it('shows enums: a short list under a field, one per line for the explained field, and in --recursive', () => {
    const { k } = makeWorld();
    expect(k('explain pod.spec.tolerations').stdout).toContain('  effect\t<string>\n  enum: NoExecute, NoSchedule, PreferNoSchedule\n    Effect indicates the taint effect to match.');
    expect(k('explain pod.spec.tolerations.effect').stdout.startsWith('KIND:       Pod\nVERSION:    v1\n\nFIELD: effect <string>\nENUM:\n    NoExecute\n    NoSchedule\n    PreferNoSchedule\n\nDESCRIPTION:\n    Effect indicates the taint effect to match. Empty means match all taint\n    effects. When specified, allowed values are NoSchedule, PreferNoSchedule and\n    NoExecute.Possible enum values: - `"NoExecute"` Evict any already-running\n')).toBe(true);
    const tree = k('explain pod.spec --recursive').stdout;
    expect(tree).toContain('  tolerations\t<[]Toleration>\n    effect\t<string>\n    enum: NoExecute, NoSchedule, PreferNoSchedule\n    key\t<string>\n    operator\t<string>\n    enum: Equal, Exists\n');
    expect(tree).not.toContain('Effect indicates');
  });

  it('walks into affinity, probes and strategies, and names free-form types as the spec does', () => {
    const { k } = makeWorld();
    const node = k('explain pod.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms.matchExpressions').stdout;
    expect(node).toContain('FIELD: matchExpressions <[]NodeSelectorRequirement>\n');
    expect(node).toContain('  operator\t<string> -required-\n  enum: DoesNotExist, Exists, Gt, In, ....\n');
    expect(k('explain deploy.spec.strategy').stdout).toContain('  type\t<string>\n  enum: Recreate, RollingUpdate\n');
    expect(k('explain pod.spec.containers.livenessProbe.httpGet').stdout).toContain('  port\t<IntOrString> -required-\n');
    expect(k('explain pod').stdout).toContain('  status\t<PodStatus>\n');
    expect(k('explain pod.spec.securityContext').stdout).toContain('FIELD: securityContext <PodSecurityContext>\n');
  });

  it('has a description for every field and type of its schema, as upstream has', () => {
    const { k } = makeWorld();
    for (const r of ['pod', 'deploy', 'svc', 'node', 'pv', 'pvc', 'ingress', 'sc', 'cm', 'ds', 'sts', 'job', 'cronjob', 'ns', 'sa', 'secret', 'ep', 'ingressclass', 'rs']) {
      const out = k(`explain ${r}`).stdout;
      expect(out, r).not.toContain('<empty>');
      expect(out, r).not.toContain('<no description>');
    }
    for (const path of ['pod.spec', 'pod.spec.containers', 'pod.spec.volumes', 'pod.metadata', 'deploy.spec', 'svc.spec', 'svc.spec.ports', 'node.spec', 'node.spec.taints', 'pv.spec', 'pvc.spec', 'ingress.spec', 'cronjob.spec', 'job.spec']) {
      expect(k(`explain ${path}`).stdout, path).not.toContain('<no description>');
    }
    // The spec gives IngressRule.http no description of its own (only its type's), so kubectl has none either.
    expect(k('explain ingress.spec.rules').stdout).toContain('  http\t<HTTPIngressRuleValue>\n    <no description>\n\n');
  });

  it('suggests verbs for unknown commands (cobra SuggestionsFor)', () => {
    const { k } = makeWorld();
    expect(k('gett pods').stderr).toBe('error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tget\n\tset\n');
  });

  it('reads --kubeconfig and reports a missing file', () => {
    const { k } = makeWorld();
    expect(k('--kubeconfig /nope get pods').stderr).toBe('error: stat /nope: no such file or directory\n');
  });

  it('falls back to localhost:8080 without a kubeconfig on a worker', () => {
    const { world } = makeWorld();
    const node = world.hosts.get('node01')!;
    return import('../../../../src/sim/commands/kubectl/index.ts').then(({ kubectl }) => {
      const r = kubectl({ argv: ['kubectl', 'get', 'nodes'], stdin: '', env: { HOME: '/root' }, cwd: '/root', host: node, world });
      expect(r.stderr).toBe('The connection to the server localhost:8080 was refused - did you specify the right host or port?\n');
    });
  });
});

describe('kubectl logs and exec', () => {
  it('prints nginx startup logs and runs commands in the container', () => {
    const { k } = makeWorld();
    k('run web --image=nginx');
    expect(k('logs web').stdout.split('\n')[0]).toBe('/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration');
    expect(k('exec web -- hostname').stdout).toBe('web\n');
    expect(k('exec web -- cat /etc/resolv.conf').stdout).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(k('exec web -- env').stdout).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1\n');
    const bad = k('exec web -- nope');
    expect(bad.stderr).toMatch(/^error: Internal error occurred: .*OCI runtime exec failed: exec failed: unable to start container process: exec: "nope": executable file not found in \$PATH\n$/);
    expect(k('exec web hostname').stderr).toBe("error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n");
  });

  it('lets other modules register in-pod commands', async () => {
    const { registerPodCommand } = await import('../../../../src/sim/commands/kubectl/exec.ts');
    registerPodCommand('simtest-hello', ({ pod }) => ({ stdout: `hello from ${pod.metadata.name}\n`, stderr: '', exitCode: 0 }));
    const { k } = makeWorld();
    k('run web --image=nginx');
    expect(k('exec web -- simtest-hello').stdout).toBe('hello from web\n');
  });

  // logs.go: a selector reads every matching pod in turn, its --tail defaulting to 10 lines each,
  // and --prefix names the source of each line as [pod/NAME/CONTAINER].
  it('reads the logs of every pod a selector matches, the last 10 lines of each by default', () => {
    const { k } = makeWorld();
    k('create deployment web --image=nginx --replicas=2');
    const pods = k('get pods -l app=web -o name').stdout.trim().split('\n').map((n) => n.slice('pod/'.length));
    expect(pods).toHaveLength(2);
    const lines = k('logs -l app=web').stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(20);
    expect(lines[0]).toBe(k(`logs ${pods[0]} --tail=10`).stdout.split('\n')[0]);
    expect(k('logs -l app=web --tail=1 --prefix').stdout).toBe(pods.map((p) => `[pod/${p}/nginx] ${k(`logs ${p} --tail=1`).stdout}`).join(''));
    expect(k('logs -l app=none')).toMatchObject({ stdout: '', stderr: 'No resources found in default namespace.\n' });
  });

  it('explains why logs are not available for a pod that cannot pull its image', () => {
    const { k } = makeWorld({ badImages: ['nginx:nope'] });
    k('run web --image=nginx:nope');
    expect(k('get pod web').stdout).toBe('NAME   READY   STATUS         RESTARTS   AGE\nweb    0/1     ErrImagePull   0          0s\n');
    expect(k('logs web').stderr).toBe('Error from server (BadRequest): container "web" in pod "web" is waiting to start: trying and failing to pull image\n');
  });
});

describe('kubectl describe', () => {
  it('describes a pod with events', () => {
    const { k, world } = makeWorld();
    k('run web --image=nginx');
    world.clock.advance(10_000);
    world.tick();
    const out = k('describe pod web').stdout;
    expect(out.startsWith('Name:             web\nNamespace:        default\nPriority:         0\nService Account:  default\nNode:             node01/192.168.121.11\nStart Time:       Sun, 01 Mar 2026 09:00:00 +0000\nLabels:           run=web\nAnnotations:      <none>\nStatus:           Running\n')).toBe(true);
    expect(out).toContain('Conditions:\n  Type                        Status\n  PodReadyToStartContainers   True \n');
    expect(out).toContain('Events:\n  Type    Reason     Age   From               Message\n  ----    ------     ----  ----               -------\n  Normal  Scheduled  10s   default-scheduler  Successfully assigned default/web to node01\n');
  });

  it('describes by name prefix and reports NotFound', () => {
    const { k } = makeWorld();
    k('create deployment web --image=nginx --replicas=2');
    const out = k('describe pod web').stdout;
    expect(out.match(/^Name:/gm)?.length).toBe(2);
    expect(k('describe pod nope').stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
  });
});

describe('container lifecycle', () => {
  it('completes run-to-exit pods and crash-loops them under restartPolicy Always', () => {
    const { k, world } = makeWorld();
    k(['run', 'hello', '--image=busybox', '--restart=Never', '--', 'echo', 'hello world']);
    k('run bb --image=busybox');
    k(['run', 'sl', '--image=busybox', '--', 'sleep', '3600']);
    world.clock.advance(120_000);
    world.tick();
    // printers.go printPod: Completed from the terminated reason, CrashLoopBackOff from waiting,
    // RESTARTS "N (AGE ago)" from lastState.terminated.finishedAt.
    expect(k('get pods').stdout).toBe(
      'NAME    READY   STATUS             RESTARTS       AGE\nbb      0/1     CrashLoopBackOff   1 (119s ago)   2m\nhello   0/1     Completed          0              2m\nsl      1/1     Running            0              2m\n',
    );
    expect(k('logs hello').stdout).toBe('hello world\n');
    expect(k('exec hello -- ls').stderr).toBe('error: cannot exec into a container in a completed pod; current phase is Succeeded\n');
  });
});
