import { describe, expect, it } from 'vitest';
import { makeWorld } from '../helpers/world.ts';

const POD = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: web\n    image: nginx:1.27\n';

// Messages: staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go (created/configured/unchanged via
// the name printer), pkg/cmd/util/helpers.go (StandardErrorMessage, MultilineError),
// apiserver handlers (strict decoding), pkg/cmd/delete/delete.go (v1.34: "deleted from NS namespace").
describe('kubectl apply', () => {
  it('creates, reports unchanged, then configured', () => {
    const { k, host } = makeWorld();
    host.fs.writeFile('/root/pod.yaml', POD);
    expect(k('apply -f pod.yaml').stdout).toBe('pod/web created\n');
    expect(k('apply -f pod.yaml').stdout).toBe('pod/web unchanged\n');
    host.fs.writeFile('/root/pod.yaml', POD.replace('nginx:1.27', 'nginx:1.28'));
    expect(k('apply -f /root/pod.yaml').stdout).toBe('pod/web configured\n');
  });

  it('reads multi-document YAML and kind: List from stdin', () => {
    const { k } = makeWorld();
    const docs = `${POD}---\napiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: cfg\n  data:\n    a: "1"\n- apiVersion: v1\n  kind: Namespace\n  metadata:\n    name: team\n`;
    expect(k('apply -f -', docs).stdout).toBe('pod/web created\nconfigmap/cfg created\nnamespace/team created\n');
  });

  it('reports unknown fields as a strict decoding error', () => {
    const { k } = makeWorld();
    const r = k('apply -f -', POD.replace('spec:', 'spac:'));
    expect(r.stderr).toBe('Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spac"\n');
    expect(r.exitCode).toBe(1);
  });

  it('decodes affinity, probes and strategies strictly too, and accepts them when well formed', () => {
    const { k } = makeWorld();
    const affinity = (term: string) =>
      POD + `  affinity:\n    nodeAffinity:\n      ${term}:\n        nodeSelectorTerms:\n        - matchExpressions:\n          - key: disk\n            operator: In\n            values: [ssd]\n`;
    expect(k('apply -f -', affinity('requiredDuringScheduling')).stderr).toBe(
      'Error from server (BadRequest): error when creating "STDIN": Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.affinity.nodeAffinity.requiredDuringScheduling"\n',
    );
    expect(k('apply -f -', affinity('requiredDuringSchedulingIgnoredDuringExecution')).stdout).toBe('pod/web created\n');
    const probe = POD.replace('    image: nginx:1.27\n', '    image: nginx:1.27\n    livenessProbe:\n      httpGet:\n        path: /\n        port: 80\n      periodSecond: 5\n');
    expect(k('apply -f -', probe.replace('name: web', 'name: probed')).stderr).toContain('strict decoding error: unknown field "spec.containers[0].livenessProbe.periodSecond"');
  });

  it('reports invalid objects the way CheckErr prints Invalid errors', () => {
    const { k } = makeWorld();
    expect(k('apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers: []\n').stderr).toBe('The Pod "x" is invalid: spec.containers: Required value\n');
    const multi = k('apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  containers:\n  - name: A\n').stderr;
    expect(multi).toBe(
      'The Pod "x" is invalid: \n* spec.containers[0].name: Invalid value: "A": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or \'-\', and must start and end with an alphanumeric character (e.g. \'my-name\',  or \'123-abc\', regex used for validation is \'[a-z0-9]([-a-z0-9]*[a-z0-9])?\')\n* spec.containers[0].image: Required value\n',
    );
  });

  it('reports kinds the server does not serve', () => {
    const { k } = makeWorld();
    const r = k('apply -f -', 'apiVersion: extensions/v1beta1\nkind: Ingress\nmetadata:\n  name: web\n');
    expect(r.stderr).toBe(
      'error: resource mapping not found for name: "web" namespace: "" from "STDIN": no matches for kind "Ingress" in version "extensions/v1beta1"\nensure CRDs are installed first\n',
    );
  });

  it('reports a missing file and a missing namespace', () => {
    const { k } = makeWorld();
    expect(k('apply -f nope.yaml').stderr).toBe('error: the path "nope.yaml" does not exist\n');
    expect(k('apply -f -', POD.replace('name: web\n', 'name: web\n  namespace: ghost\n')).stderr).toBe(
      'Error from server (NotFound): error when creating "STDIN": namespaces "ghost" not found\n',
    );
  });

  it('reports YAML syntax errors', () => {
    const { k } = makeWorld();
    const r = k('apply -f -', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: a: b\n');
    expect(r.stderr).toMatch(/^error: error parsing STDIN: error converting YAML to JSON: yaml: line \d+: /);
  });
});

describe('kubectl create', () => {
  it('reports AlreadyExists from a file', () => {
    const { k, host } = makeWorld();
    host.fs.writeFile('/root/pod.yaml', POD);
    expect(k('create -f pod.yaml').stdout).toBe('pod/web created\n');
    expect(k('create -f pod.yaml').stderr).toBe('Error from server (AlreadyExists): error when creating "pod.yaml": pods "web" already exists\n');
  });

  it('generates objects (create deployment/namespace/configmap/secret/service/serviceaccount)', () => {
    const { k, cluster } = makeWorld();
    expect(k('create namespace team').stdout).toBe('namespace/team created\n');
    expect(k('create deployment web --image=nginx:1.27 --replicas=3 -n team').stdout).toBe('deployment.apps/web created\n');
    expect(k('create configmap cfg --from-literal=a=1 --from-literal=b=2').stdout).toBe('configmap/cfg created\n');
    expect(k('create secret generic s --from-literal=password=hunter2').stdout).toBe('secret/s created\n');
    expect(k('create service clusterip api --tcp=80:8080').stdout).toBe('service/api created\n');
    expect(k('create serviceaccount bot').stdout).toBe('serviceaccount/bot created\n');
    expect(cluster.store.get('Secret', 'default', 's')?.data.password).toBe('aHVudGVyMg==');
    expect(cluster.store.list('Pod', 'team').length).toBe(3);
  });

  it('prints generated manifests with --dry-run=client -o yaml (no creationTimestamp: null since v1.34)', () => {
    const { k, cluster } = makeWorld();
    expect(k('create deployment web --image=nginx --dry-run=client -o yaml').stdout).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  labels:
    app: web
  name: web
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`);
    expect(cluster.store.get('Deployment', 'default', 'web')).toBeUndefined();
  });

  it('requires a name and an image', () => {
    const { k } = makeWorld();
    expect(k('create deployment web').stderr).toBe('error: required flag(s) "image" not set\n');
    expect(k('create deployment --image=nginx').stderr).toBe("error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n");
  });
  it('answers generators the sandbox lacks in one line, and keeps their flags off the others', () => {
    const { k } = makeWorld();
    expect(k('create role pod-reader --verb=get,list --resource=pods')).toEqual({ stdout: '', stderr: 'kubesim: kubectl create role: not available in this sandbox\n', exitCode: 1 });
    expect(k('-n kube-system create rolebinding rb --role=pod-reader --user=jane').stderr).toBe('kubesim: kubectl create rolebinding: not available in this sandbox\n');
    expect(k('create deployment web --image=nginx --verb=get').stderr).toBe("error: unknown flag: --verb\nSee 'kubectl create deployment --help' for usage.\n");
    expect(k('get deploy web').stderr).toContain('NotFound');
  });
  it("parses a generator's line against its own flags, as cobra does once it has found the subcommand", () => {
    const { k } = makeWorld();
    const unknown = (flag: string, path: string) => `error: unknown ${flag}\nSee 'kubectl create ${path} --help' for usage.\n`;
    // Aliases name the generator by its name in the hint.
    expect(k('create deploy web --image=nginx --schedule="* * * * *"').stderr).toBe(unknown('flag: --schedule', 'deployment'));
    expect(k('create deployment web --image=nginx -f web.yaml').stderr).toBe(unknown("shorthand flag: 'f' in -f", 'deployment'));
    expect(k('create svc clusterip web --tcp=80 --node-port=30080').stderr).toBe(unknown('flag: --node-port', 'service clusterip'));
    expect(k('create cm cfg --from-literal=a=1 --type=Opaque').stderr).toBe(unknown('flag: --type', 'configmap'));
    // `kubectl create` itself takes -f and its companions, not a generator's flags.
    expect(k('create --image=nginx').stderr).toBe(unknown('flag: --image', '').replace('create  --help', 'create --help'));
    expect(k('get deploy web').stderr).toContain('NotFound');
    // Global flags before the verb, and the generator's own and common flags, still pass.
    expect(k('-n kube-system create deploy web --image=nginx -r 2 --port=80 --dry-run=client -o name')).toEqual({ stdout: 'deployment.apps/web\n', stderr: '', exitCode: 0 });
  });
  it('creates a docker-registry secret whose .dockerconfigjson is what Go marshals', () => {
    const { k } = makeWorld();
    const out = k("create secret docker-registry reg --docker-username=jane --docker-password=p<&> --docker-email=jane@example.com --dry-run=client -o jsonpath={.type}{.data.\\.dockerconfigjson}").stdout;
    expect(out.startsWith('kubernetes.io/dockerconfigjson')).toBe(true);
    expect(atob(out.slice('kubernetes.io/dockerconfigjson'.length))).toBe(
      '{"auths":{"https://index.docker.io/v1/":{"username":"jane","password":"p\\u003c\\u0026\\u003e","email":"jane@example.com","auth":"amFuZTpwPCY+"}}}',
    );
    expect(k('create secret docker-registry reg --docker-username=jane').stderr).toBe('error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n');
    expect(k("create secret docker-registry reg --docker-username=jane --docker-password=x --docker-server=").exitCode).toBe(1);
  });
  it('creates an ingress with annotations and a default backend, and checks their format', () => {
    const { k } = makeWorld();
    const r = k('create ingress web --rule=web.example.com/=web:80 --annotation=team=blue --default-backend=fallback:http --dry-run=client -o jsonpath={.metadata.annotations}{.spec.defaultBackend}');
    expect(r.stdout).toBe('{"team":"blue"}{"service":{"name":"fallback","port":{"name":"http"}}}');
    expect(k('create ingress web --annotation=team').stderr).toBe('error: annotation team is invalid and should be in format key=[value]\n');
    expect(k('create ingress web --default-backend=fallback').stderr).toBe('error: default-backend should be in format servicename:serviceport\n');
  });
});

describe('kubectl run', () => {
  it('creates a pod with the run label', () => {
    const { k, cluster } = makeWorld();
    expect(k('run nginx --image=nginx --port=80').stdout).toBe('pod/nginx created\n');
    const pod = cluster.store.get('Pod', 'default', 'nginx')!;
    expect(pod.metadata.labels).toEqual({ run: 'nginx' });
    expect(pod.spec.containers[0].ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(pod.status.phase).toBe('Running');
    expect(pod.status.podIP).toMatch(/^10\.244\.1\.\d+$/);
  });

  it('prints the pod with --dry-run=client -o yaml', () => {
    const { k } = makeWorld();
    expect(k('run bb --image=busybox --restart=Never --dry-run=client -o yaml -- sleep 3600').stdout).toBe(`apiVersion: v1
kind: Pod
metadata:
  labels:
    run: bb
  name: bb
spec:
  containers:
  - args:
    - sleep
    - "3600"
    image: busybox
    name: bb
    resources: {}
  dnsPolicy: ClusterFirst
  restartPolicy: Never
status: {}
`);
  });

  it('runs a command attached with --rm and deletes the pod', () => {
    const { k, cluster } = makeWorld();
    const r = k(['run', 'tmp', '--image=busybox', '--rm', '-it', '--restart=Never', '--', 'cat', '/etc/resolv.conf']);
    expect(r.stdout).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\npod "tmp" deleted from default namespace\n');
    expect(cluster.store.get('Pod', 'default', 'tmp')).toBeUndefined();
  });
});

describe('kubectl run errors', () => {
  // pkg/cmd/run/run.go Run and getRestartPolicy.
  it('checks image, tty and --rm like upstream, and defaults attached runs to OnFailure', () => {
    const { k, cluster } = makeWorld();
    expect(k('run x').stderr).toBe('error: --image is required\n');
    expect(k('run x --image=nginx -t').stderr).toBe("error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n");
    expect(k('run x --image=nginx --rm').stderr).toBe("error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n");
    k(['run', 'att', '--image=busybox', '-i', '--', 'echo', 'hi']);
    expect(cluster.store.get('Pod', 'default', 'att')?.spec.restartPolicy).toBe('OnFailure');
  });
});

describe('kubectl delete', () => {
  it('prints v1.34 messages with the namespace and removes owned objects', () => {
    const { k, cluster } = makeWorld();
    k('run a --image=nginx');
    expect(k('delete pod a').stdout).toBe('pod "a" deleted from default namespace\n');
    k('create deployment web --image=nginx --replicas=2');
    expect(k('delete deployment web').stdout).toBe('deployment.apps "web" deleted from default namespace\n');
    expect(cluster.store.list('ReplicaSet', 'default')).toEqual([]);
    expect(cluster.store.list('Pod', 'default')).toEqual([]);
    k('create namespace team');
    expect(k('delete ns team').stdout).toBe('namespace "team" deleted\n');
    expect(cluster.store.get('Namespace', undefined, 'team')).toBeUndefined();
  });

  it('warns on --force --grace-period=0', () => {
    const { k } = makeWorld();
    k('run a --image=nginx');
    const r = k('delete pod a --force --grace-period=0');
    expect(r.stderr).toBe('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
    expect(r.stdout).toBe('pod "a" force deleted from default namespace\n');
  });

  it('reports NotFound and protects system namespaces', () => {
    const { k } = makeWorld();
    expect(k('delete pod nope').stderr).toBe('Error from server (NotFound): pods "nope" not found\n');
    expect(k('delete ns kube-system').stderr).toBe('Error from server (Forbidden): namespaces "kube-system" is forbidden: this namespace may not be deleted\n');
  });

  it('deletes by label selector', () => {
    const { k } = makeWorld();
    k('run a --image=nginx --labels=app=x');
    k('run b --image=nginx --labels=app=x');
    expect(k('delete pods -l app=x').stdout).toBe('pod "a" deleted from default namespace\npod "b" deleted from default namespace\n');
  });
});

describe('kubectl scale, set image, label, expose', () => {
  it('scales a deployment and its pods follow', () => {
    const { k, cluster } = makeWorld();
    k('create deployment web --image=nginx');
    expect(k('scale deployment web --replicas=4').stdout).toBe('deployment.apps/web scaled\n');
    expect(cluster.store.list('Pod', 'default').length).toBe(4);
    expect(k('scale deploy/web').stderr).toBe('error: required flag(s) "replicas" not set\n');
  });

  it('rolls out a new ReplicaSet on set image', () => {
    const { k, cluster } = makeWorld();
    k('create deployment web --image=nginx:1.27 --replicas=2');
    expect(k('set image deployment/web nginx=nginx:1.28').stdout).toBe('deployment.apps/web image updated\n');
    const rss = cluster.store.list('ReplicaSet', 'default');
    expect(rss.length).toBe(2);
    expect(rss.map((r) => r.spec.replicas).sort()).toEqual([0, 2]);
    expect(cluster.store.list('Pod', 'default').every((p) => p.spec.containers[0].image === 'nginx:1.28')).toBe(true);
    expect(k('set image deployment/web nope=x').stderr).toBe('error: unable to find container named "nope"\n');
  });

  it('labels with --overwrite and removes with key-', () => {
    const { k, cluster } = makeWorld();
    k('run a --image=nginx');
    expect(k('label pod a env=prod').stdout).toBe('pod/a labeled\n');
    expect(k('label pod a env=dev').stderr).toBe("error: 'env' already has a value (prod), and --overwrite is false\n");
    expect(k('label pod a env=dev --overwrite').stdout).toBe('pod/a labeled\n');
    expect(k('label pod a env-').stdout).toBe('pod/a unlabeled\n');
    expect(cluster.store.get('Pod', 'default', 'a')?.metadata.labels).toEqual({ run: 'a' });
  });

  it('exposes a deployment and endpoints follow ready pods', () => {
    const { k, cluster } = makeWorld();
    k('create deployment web --image=nginx --replicas=2 --port=80');
    expect(k('expose deployment web --port=80 --target-port=80').stdout).toBe('service/web exposed\n');
    const ep = cluster.store.get('Endpoints', 'default', 'web')!;
    expect(ep.subsets[0].addresses.length).toBe(2);
    expect(cluster.store.list('EndpointSlice', 'default').some((s) => s.metadata.labels['kubernetes.io/service-name'] === 'web')).toBe(true);
  });
});

describe('kubectl replace', () => {
  // pkg/cmd/replace/replace.go: --force deletes then creates.
  it('replaces with --force after deleting', () => {
    const { k, host, cluster } = makeWorld();
    host.fs.writeFile('/root/pod.yaml', POD);
    k('apply -f pod.yaml');
    host.fs.writeFile('/root/pod.yaml', POD.replace('name: web\n    image', 'name: app\n    image'));
    expect(k('replace -f pod.yaml').stderr).toMatch(/^The Pod "web" is invalid: spec: Forbidden: pod updates may not change fields other than/);
    expect(k('replace --force -f pod.yaml').stdout).toBe('pod "web" deleted from default namespace\npod/web replaced\n');
    expect(cluster.store.get('Pod', 'default', 'web')?.spec.containers[0].name).toBe('app');
  });
});

describe('kubectl rollout', () => {
  it('shows history, undoes and restarts', () => {
    const { k, cluster } = makeWorld();
    k('create deployment web --image=nginx:1.27');
    k('set image deployment/web nginx=nginx:1.28');
    expect(k('rollout status deployment/web').stdout).toBe('deployment "web" successfully rolled out\n');
    expect(k('rollout history deployment/web').stdout).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
    expect(k('rollout undo deployment/web').stdout).toBe('deployment.apps/web rolled back\n');
    expect(cluster.store.get('Deployment', 'default', 'web')?.spec.template.spec.containers[0].image).toBe('nginx:1.27');
    expect(k('rollout restart deployment/web').stdout).toBe('deployment.apps/web restarted\n');
  });
});

describe('kubectl patch', () => {
  // pkg/cmd/patch/patch.go: "patched" / "patched (no change)".
  it('applies strategic, merge and json patches', () => {
    const { k, cluster } = makeWorld();
    k('create deployment web --image=nginx');
    expect(k(['patch', 'deployment', 'web', '-p', '{"spec":{"replicas":3}}']).stdout).toBe('deployment.apps/web patched\n');
    expect(cluster.store.list('Pod', 'default').length).toBe(3);
    expect(k(['patch', 'deployment', 'web', '-p', '{"spec":{"replicas":3}}']).stdout).toBe('deployment.apps/web patched (no change)\n');
    expect(k(['patch', 'deploy/web', '--type=json', '-p', '[{"op":"replace","path":"/spec/replicas","value":1}]']).stdout).toBe('deployment.apps/web patched\n');
    expect(cluster.store.get('Deployment', 'default', 'web')?.spec.replicas).toBe(1);
    k('create namespace team');
    expect(k(['patch', 'ns', 'team', '--type=merge', '-p', '{"metadata":{"labels":{"env":"dev"}}}']).stdout).toBe('namespace/team patched\n');
    expect(cluster.store.get('Namespace', undefined, 'team')?.metadata.labels.env).toBe('dev');
  });
});
