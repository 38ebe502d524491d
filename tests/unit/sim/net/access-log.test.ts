/**
 * nginx's access lines in its container's log (the official image's `main` log_format:
 * `$remote_addr - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer"
 * "$http_user_agent" "$http_x_forwarded_for"`), with the address the Pod sees: a Pod client's
 * own, a host's flannel.1 address toward another node's Pods (the route's source), and the
 * masquerading node's for NodePort traffic.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';

describe('nginx access log', () => {
  const sim = createSimulator();
  const run = (line: string) => sim.run(line);
  run('kubectl create deploy web --image=nginx');
  run('kubectl expose deploy web --port 80 --type NodePort');
  run('kubectl run client --image=busybox -- sleep 3600');
  run('sleep 20');
  const podIP = (name: string) => run(`kubectl get pod ${name} -o jsonpath='{.status.podIP}'`).stdout;
  const webPod = run('kubectl get pods -l app=web -o name').stdout.trim();
  const accessLines = () => run(`kubectl logs ${webPod}`).stdout.split('\n').filter((l) => l.includes('HTTP/1.1'));

  it('logs each request with the client address the Pod sees', () => {
    const nodeOf = (pod: string) => run(`kubectl get ${pod} -o jsonpath='{.spec.nodeName}'`).stdout;
    const flannel = (node: string) => run(`kubectl get node ${node} -o jsonpath='{.spec.podCIDR}'`).stdout.replace(/\/24$/, '');
    run('curl -s web.default.svc.cluster.local >/dev/null; curl -s $(kubectl get svc web -o jsonpath={.spec.clusterIP})/nope >/dev/null');
    run('kubectl exec client -- wget -qO- web >/dev/null');
    const other = ['node01', 'node02'].find((n) => n !== nodeOf(webPod))!;
    run(`ssh ${other} curl -sI localhost:$(kubectl get svc web -o jsonpath={.spec.ports[0].nodePort}) >/dev/null`);
    const [cpHost, viaPod, nodePort] = accessLines();
    // The host name did not resolve on the host (it is no cluster DNS client): only the ClusterIP request reached nginx.
    expect(cpHost).toMatch(new RegExp(`^${flannel('controlplane').replace(/\./g, '\\.')} - - \\[\\d\\d/Nov/2026:\\d\\d:\\d\\d:\\d\\d \\+0000\\] "GET /nope HTTP/1\\.1" 404 153 "-" "curl/8\\.5\\.0" "-"$`));
    expect(viaPod).toMatch(new RegExp(`^${podIP('client').replace(/\./g, '\\.')} - - \\[[^\\]]+\\] "GET / HTTP/1\\.1" 200 615 "-" "Wget" "-"$`));
    expect(nodePort).toMatch(new RegExp(`^${flannel(other).replace(/\./g, '\\.')} - - \\[[^\\]]+\\] "HEAD / HTTP/1\\.1" 200 0 "-" "curl/8\\.5\\.0" "-"$`));
    // crictl on the node reads the same log.
    const node = nodeOf(webPod);
    expect(run(`ssh ${node} 'crictl logs $(crictl ps -q --name nginx)'`).stdout.split('\n').filter((l) => l.includes('HTTP/1.1'))).toEqual(accessLines());
  });
});
