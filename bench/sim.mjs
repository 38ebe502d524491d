#!/usr/bin/env node
// Simulator figures (no pass/fail): commands per second and per-command latency on a mixed
// 1,000-command script, and the gzip size of the browser bundle of src/sim/index.ts.
import { build } from 'esbuild';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { createSimulator } from '../src/sim/index.ts';

const MIX = [
  'kubectl get nodes',
  'kubectl get pods -A',
  'kubectl describe node node01',
  'kubectl get pods -n kube-system -o jsonpath="{.items[*].metadata.name}"',
  'kubectl create deployment web-$((RANDOM % 5)) --image=nginx:1.27 --replicas=2',
  'kubectl get deploy -o wide',
  "cat > /tmp/pod.yaml <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p-$((RANDOM % 7))\nspec:\n  containers:\n  - name: c\n    image: busybox\nEOF",
  'kubectl apply -f /tmp/pod.yaml',
  'kubectl get pods | grep -c Running',
  'grep -n data-dir /etc/kubernetes/manifests/etcd.yaml',
  "cat /etc/os-release | head -3 | awk -F= '{print $2}'",
  'ls -l /etc/kubernetes/pki | wc -l',
  "sed 's/etcd/ETCD/g' /etc/kubernetes/manifests/etcd.yaml | grep -c ETCD",
  'mkdir -p /tmp/work && cp /etc/hosts /tmp/work/ && ls /tmp/work',
  'echo $(hostname) | base64 | base64 -d',
  'sleep 2',
];

const COMMANDS = 1000;
const sim = createSimulator();
const times = [];
let failures = 0;
const t0 = performance.now();
for (let i = 0; i < COMMANDS; i++) {
  const cmd = MIX[i % MIX.length];
  const s = performance.now();
  const r = sim.run(cmd);
  times.push(performance.now() - s);
  if (r.exitCode !== 0) failures++;
}
const total = performance.now() - t0;
times.sort((a, b) => a - b);
const pct = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))];

const bundle = await build({
  entryPoints: [new URL('../src/sim/index.ts', import.meta.url).pathname],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  write: false,
  logLevel: 'silent',
});
const js = bundle.outputFiles[0].contents;

console.log(`kubesim benchmark (${COMMANDS} commands, ${MIX.length}-command mix)`);
console.log(`  commands/s        ${(COMMANDS / (total / 1000)).toFixed(0)}`);
console.log(`  median latency    ${pct(50).toFixed(2)} ms`);
console.log(`  p99 latency       ${pct(99).toFixed(2)} ms`);
console.log(`  max latency       ${times[times.length - 1].toFixed(2)} ms`);
console.log(`  non-zero exits    ${failures}`);
console.log(`  browser bundle    ${(js.length / 1024).toFixed(1)} KiB minified, ${(gzipSync(js).length / 1024).toFixed(1)} KiB gzip`);
