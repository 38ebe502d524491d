import { describe, expect, it } from 'vitest';
import { makeWorld } from '../helpers/world.ts';

const KUBECONFIG = `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: LS0tLS1CRUdJTg==
    server: https://192.168.121.10:6443
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: kubernetes-admin@kubernetes
current-context: kubernetes-admin@kubernetes
kind: Config
users:
- name: kubernetes-admin
  user:
    client-certificate-data: LS0tLS1CRUdJTg==
    client-key-data: LS0tLS1CRUdJTg==
`;

// staging/src/k8s.io/kubectl/pkg/cmd/config/{view,set_context,use_context,get_contexts}.go
describe('kubectl config', () => {
  it('views with data omitted, switches the namespace of the current context', () => {
    const { k, host } = makeWorld({ files: { '/root/.kube/config': KUBECONFIG } });
    const view = k('config view').stdout;
    expect(view).toContain('    certificate-authority-data: DATA+OMITTED\n');
    expect(view).toContain('    client-key-data: DATA+OMITTED\n');
    expect(view).toContain('kind: Config\npreferences: {}\nusers:\n');
    expect(k(['config', 'view', '--minify', '-o', 'jsonpath={.clusters[0].cluster.server}']).stdout).toBe('https://192.168.121.10:6443');
    expect(k('config current-context').stdout).toBe('kubernetes-admin@kubernetes\n');
    expect(k('config set-context --current --namespace=kube-system').stdout).toBe('Context "kubernetes-admin@kubernetes" modified.\n');
    expect(host.fs.readFile('/root/.kube/config')).toContain('    namespace: kube-system\n');
    // The context's namespace now applies to every command.
    expect(k('get deploy -o name').stdout).toBe('deployment.apps/coredns\n');
    expect(k('config get-contexts').stdout).toBe(
      'CURRENT   NAME                          CLUSTER      AUTHINFO           NAMESPACE\n*         kubernetes-admin@kubernetes   kubernetes   kubernetes-admin   kube-system\n',
    );
    expect(k('config use-context nope').stderr).toBe('error: no context exists with the name: "nope"\n');
  });
});

describe('help and file-based printers', () => {
  it('prints help for a verb (the whole page is in help.test.ts)', () => {
    const { k } = makeWorld();
    const r = k('get --help');
    expect(r.stdout.startsWith('Display one or many resources.\n\n Prints a table')).toBe(true);
    expect(r.stdout).toContain('\nUsage:\n  kubectl get ');
    expect(r.exitCode).toBe(0);
  });

  it('reads jsonpath and custom-columns templates from files', () => {
    const { k, host } = makeWorld();
    host.fs.writeFile('/root/names.jsonpath', '{range .items[*]}{.metadata.name}{"\\n"}{end}');
    host.fs.writeFile('/root/cols.txt', 'NAME          ROLE\nmetadata.name metadata.labels.kubernetes\\.io/hostname\n');
    expect(k('get nodes -o jsonpath-file=names.jsonpath').stdout).toBe('controlplane\nnode01\n');
    expect(k('get nodes -o custom-columns-file=cols.txt').stdout).toBe('NAME           ROLE\ncontrolplane   controlplane\nnode01         node01\n');
  });

  it('rejects unknown output formats with the allowed list', () => {
    const { k } = makeWorld();
    expect(k('get pods -o foo').stderr).toBe(
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
  });
});
