import { describe, expect, it } from 'vitest';
import { makeWorld } from '../helpers/world.ts';

// Columns from kubernetes/pkg/printers/internalversion/printers.go (AddHandlers), padding from
// printers.GetNewTabWriter (3 spaces), messages from staging/src/k8s.io/kubectl/pkg/cmd/get/get.go.
describe('kubectl get', () => {
  it('prints nodes with ROLES, AGE and VERSION', () => {
    const { k } = makeWorld();
    expect(k('get nodes').stdout).toBe(
      'NAME           STATUS   ROLES           AGE     VERSION\ncontrolplane   Ready    control-plane   3d      v1.34.2\nnode01         Ready    <none>          2d23h   v1.34.2\n',
    );
  });

  it('prints the wide node columns', () => {
    const { k } = makeWorld();
    const lines = k('get nodes -o wide').stdout.split('\n');
    expect(lines[0]).toBe(
      'NAME           STATUS   ROLES           AGE     VERSION   INTERNAL-IP      EXTERNAL-IP   OS-IMAGE             KERNEL-VERSION     CONTAINER-RUNTIME',
    );
    expect(lines[1]).toBe('controlplane   Ready    control-plane   3d      v1.34.2   192.168.121.10   <none>        Ubuntu 24.04.3 LTS   6.8.0-87-generic   containerd://2.1.4');
  });

  it('says "No resources found in default namespace." on stderr', () => {
    const { k } = makeWorld();
    const r = k('get pods');
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('No resources found in default namespace.\n');
    expect(r.exitCode).toBe(0);
    expect(k('get pods -n kube-public').stderr).toBe('No resources found in kube-public namespace.\n');
  });

  it('adds a NAMESPACE column with -A', () => {
    const { k } = makeWorld();
    const out = k('get pods -A').stdout;
    expect(out.split('\n')[0]).toMatch(/^NAMESPACE\s{3,}NAME\s{3,}READY   STATUS    RESTARTS   AGE$/);
    expect(out).toMatch(/kube-system\s+etcd-controlplane\s+1\/1\s+Running\s+0\s+2d23h/);
  });

  it('prints several kinds with kind/name and a blank line between tables', () => {
    const { k } = makeWorld();
    k('create deployment web --image=nginx --replicas=2');
    const out = k('get deploy,rs').stdout;
    const [deploy, rs] = out.split('\n\n');
    expect(deploy).toBe('NAME                  READY   UP-TO-DATE   AVAILABLE   AGE\ndeployment.apps/web   2/2     2            2           0s');
    expect(rs).toMatch(/^NAME\s+DESIRED   CURRENT   READY   AGE\nreplicaset\.apps\/web-[bcdfghjklmnpqrstvwxz2456789]+\s+2\s+2\s+2\s+0s\n$/);
  });

  it('filters with label selectors and shows labels', () => {
    const { k } = makeWorld();
    k('run a --image=nginx --labels=app=a,tier=web');
    k('run b --image=nginx --labels=app=b');
    expect(k('get pods -l tier=web -o name').stdout).toBe('pod/a\n');
    expect(k('get pods -l app!=a -o name').stdout).toBe('pod/b\n');
    expect(k(['get', 'pods', '-l', 'app in (a,b),!tier', '-o', 'name']).stdout).toBe('pod/b\n');
    expect(k('get pod a --show-labels').stdout).toBe('NAME   READY   STATUS    RESTARTS   AGE   LABELS\na      1/1     Running   0          0s    app=a,tier=web\n');
  });

  // The API server parses -l and --field-selector (labels.Parse, fields.ParseSelector) and answers
  // 400; cli-runtime's EnhanceListError (pkg/resource/helper.go) adds the resource and both selectors.
  it("refuses a bad selector with the server's BadRequest, as kubectl words it", () => {
    const { k } = makeWorld();
    const r = k(['get', 'pods', '-l', 'app in (x']);
    expect(r.stderr).toBe(
      `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "app in (x", field selector "": unable to parse requirement: found '', expected: ',' or ')'\n`,
    );
    expect(r.exitCode).toBe(1);
    expect(k(['get', 'deploy', '-l', 'a=b c', '--field-selector', 'metadata.name=x']).stderr).toBe(
      `Error from server (BadRequest): Unable to find "apps/v1, Resource=deployments" that match label selector "a=b c", field selector "metadata.name=x": found 'c', expected: ',' or 'end of string'\n`,
    );
    expect(k(['get', 'pods', '--field-selector', 'foo']).stderr).toBe(
      `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "", field selector "foo": invalid selector: 'foo'; can't understand 'foo'\n`,
    );
    for (const verb of ['delete pods', 'describe pods', 'logs', 'label pods x=y', 'wait pods --for=delete'])
      expect(k(`${verb} -l a,`.split(' ')).stderr, verb).toBe(
        `Error from server (BadRequest): Unable to find "/v1, Resource=pods" that match label selector "a,", field selector "": found '', expected: identifier after ','\n`,
      );
  });

  it('deletes only what --field-selector selects', () => {
    const { k } = makeWorld();
    k('run a --image=nginx');
    k('run b --image=nginx');
    expect(k('delete pods --field-selector metadata.name=a').stdout).toBe('pod "a" deleted from default namespace\n');
    expect(k('get pods -o name').stdout).toBe('pod/b\n');
  });

  it('prints services with PORT(S) and EXTERNAL-IP per type', () => {
    const { k } = makeWorld();
    k('create service nodeport np --tcp=80:8080 --node-port=30080');
    const out = k('get svc np').stdout;
    expect(out).toMatch(/^NAME   TYPE       CLUSTER-IP\s+EXTERNAL-IP   PORT\(S\)\s+AGE\nnp     NodePort   10\.\d+\.\d+\.\d+\s+<none>        80:30080\/TCP   0s\n$/);
  });

  it('returns NotFound for a missing name', () => {
    const { k } = makeWorld();
    const r = k('get pod nope');
    expect(r.stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(r.exitCode).toBe(1);
    expect(k('get deploy nope').stderr).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
  });

  it('rejects unknown resource types and flags', () => {
    const { k } = makeWorld();
    expect(k('get podz').stderr).toBe('error: the server doesn\'t have a resource type "podz"\n');
    const r = k('get pods --bogus');
    expect(r.stderr).toBe("error: unknown flag: --bogus\nSee 'kubectl get --help' for usage.\n");
    expect(r.exitCode).toBe(1);
  });

  it('prints a single object as YAML and a list as a List', () => {
    const { k } = makeWorld();
    k('run a --image=nginx:1.27');
    const one = k('get pod a -o yaml').stdout;
    expect(one.startsWith('apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: "2026-03-01T09:00:00Z"\n')).toBe(true);
    expect(one).toContain('    imagePullPolicy: IfNotPresent\n');
    const list = k('get pods -o yaml').stdout;
    expect(list.startsWith('apiVersion: v1\nitems:\n- apiVersion: v1\n')).toBe(true);
    expect(list.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
    const json = JSON.parse(k('get pod a -o json').stdout);
    expect(json.metadata.name).toBe('a');
  });

  it('supports jsonpath, custom-columns and --sort-by through the shared printers', () => {
    const { k } = makeWorld();
    k('run b --image=nginx');
    k('run a --image=busybox');
    expect(k(['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}']).stdout).toBe('a b');
    expect(k(['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[0].image']).stdout).toBe('NAME   IMAGE\na      busybox\nb      nginx\n');
    expect(k(['get', 'pods', '--sort-by=.spec.containers[0].image', '-o', 'name']).stdout).toBe('pod/a\npod/b\n');
  });

  it('prints events with LAST SEEN TYPE REASON OBJECT MESSAGE', () => {
    const { k, world } = makeWorld();
    k('run a --image=nginx');
    world.clock.advance(30_000);
    const out = k('get events').stdout;
    expect(out.split('\n')[0]).toBe('LAST SEEN   TYPE     REASON      OBJECT   MESSAGE');
    expect(out).toContain('30s         Normal   Scheduled   pod/a    Successfully assigned default/a to node01\n');
  });

  it('warns that v1 Endpoints is deprecated (v1.33+)', () => {
    const { k } = makeWorld();
    const r = k('get ep');
    expect(r.stderr).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n');
    expect(r.stdout).toBe('NAME         ENDPOINTS             AGE\nkubernetes   192.168.121.10:6443   2d23h\n');
  });
});

// A Service that selects no Pod keeps the reconciler's placeholder slice: empty ports and endpoints,
// stored as null (staging/src/k8s.io/endpointslice/reconciler.go), printed by printers.go
// listWithMoreString as <unset>, and by describe.go describeEndpointSliceV1 as "Ports: <unset>".
// Real resource types the sandbox's API server does not serve get the sandbox's line; a type no
// cluster has gets kubectl's own error (cli-runtime's mapper: the server doesn't have a resource type).
describe('resource types', () => {
  it('tells a real type the sandbox does not serve from one that does not exist', () => {
    const { k } = makeWorld();
    expect(k('get clusterroles')).toMatchObject({ stdout: '', stderr: 'kubesim: kubectl: the resource type "clusterroles" is real, but this sandbox\'s API server does not serve it\n', exitCode: 1 });
    expect(k('describe netpol x').stderr).toBe('kubesim: kubectl: the resource type "netpol" is real, but this sandbox\'s API server does not serve it\n');
    expect(k('get foos')).toMatchObject({ stderr: 'error: the server doesn\'t have a resource type "foos"\n', exitCode: 1 });
  });
});

describe('EndpointSlices', () => {
  it('keeps a placeholder slice for a Service with no Pod, and lists the Pods once one matches', () => {
    const { k } = makeWorld();
    k('create service clusterip web --tcp=80:8080');
    const list = () => k('get endpointslices -l kubernetes.io/service-name=web').stdout;
    expect(list()).toMatch(/^NAME +ADDRESSTYPE +PORTS +ENDPOINTS +AGE\nweb-[a-z0-9]{5} +IPv4 +<unset> +<unset> +0s\n$/);
    const yaml = k('get endpointslices -l kubernetes.io/service-name=web -o yaml').stdout;
    expect(yaml).toContain('\n  endpoints: null\n');
    expect(yaml).toContain('\n  ports: null\n');
    const text = k('describe endpointslice -l kubernetes.io/service-name=web').stdout;
    expect(text).toContain('\nAddressType:  IPv4\nPorts: <unset>\nEndpoints: <none>\nEvents:  <none>\n');
    // describeEndpoints writes a subset's blank line inside its loop: none without a subset.
    expect(k('describe ep web').stdout).toContain('\nSubsets:\nEvents:  <none>\n');

    k('run a --image=nginx --labels=app=web');
    expect(list()).toMatch(/\nweb-[a-z0-9]{5} +IPv4 +8080 +10\.244\.\d+\.\d+ +0s\n$/);
    expect(k('describe endpointslice -l kubernetes.io/service-name=web').stdout).toMatch(
      /\nPorts:\n  Name {5}Port  Protocol\n  ----     ----  --------\n  80-8080  8080  TCP\nEndpoints:\n  - Addresses:  10\.244\.\d+\.\d+\n    Conditions:\n      Ready:    true\n    Hostname:   <unset>\n    TargetRef:  Pod\/a\n    NodeName:   node0\d\n    Zone:       <unset>\nEvents:         <none>\n$/,
    );
  });
});

describe('event TTL', () => {
  it('forgets events after an hour (kube-apiserver --event-ttl=1h)', () => {
    const { k, world } = makeWorld();
    expect(k('get events -n kube-system').stderr).toBe('No resources found in kube-system namespace.\n');
    k('run a --image=nginx');
    expect(k('get events -o name').stdout).not.toBe('');
    world.clock.advance(3600_000);
    world.tick();
    expect(k('get events').stderr).toBe('No resources found in default namespace.\n');
  });
});

describe('kind column', () => {
  // get.go Complete: resource.MultipleTypesRequested(args) → PrintFlags.EnsureWithKind().
  it('prefixes kind/name when several types are requested, even if one type has results', () => {
    const { k } = makeWorld();
    expect(k('get all').stdout).toBe('NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   2d23h\n');
    expect(k('get pods,svc').stdout).toBe('NAME                 TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nservice/kubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   2d23h\n');
    expect(k('get svc').stdout).toBe('NAME         TYPE        CLUSTER-IP   EXTERNAL-IP   PORT(S)   AGE\nkubernetes   ClusterIP   10.96.0.1    <none>        443/TCP   2d23h\n');
  });
});

// staging/src/k8s.io/kubectl/pkg/cmd/describe/describe.go: when nothing matched, describe names the
// namespace unless -A was given, even for cluster-scoped kinds (unlike get.go, which checks
// whether every resource is namespaced).
describe('kubectl describe with nothing to describe', () => {
  it('says "No resources found in default namespace." for cluster-scoped kinds too', () => {
    const { k } = makeWorld();
    expect(k('describe ingressclass')).toEqual({ stdout: '', stderr: 'No resources found in default namespace.\n', exitCode: 0 });
    expect(k('describe ingressclass -A').stderr).toBe('No resources found\n');
    expect(k('get ingressclass').stderr).toBe('No resources found\n');
  });

  // get.go watch(): one resource type (SingleResourceType), the current list unless --watch-only;
  // here the cluster has settled when the command ends, so the watch ends with one kubesim line.
  it('watches one resource type: the list (none with --watch-only), then says the watch ends', () => {
    const { k } = makeWorld();
    const NOTE = 'kubesim: the watch ends here: the simulated cluster has settled, and kubectl would wait for changes until Ctrl+C\n';
    const w = k('get nodes -w');
    expect(w.stdout).toBe(k('get nodes').stdout);
    expect(w.stderr).toBe(NOTE);
    expect(k('get nodes --watch-only')).toEqual({ stdout: '', stderr: NOTE, exitCode: 0 });
    expect(k('get nodes,pods -w')).toEqual({ stdout: '', stderr: 'error: you may only specify a single resource type\n', exitCode: 1 });
  });
});
