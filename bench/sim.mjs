#!/usr/bin/env node
// Simulator figures (no pass/fail): commands per second and per-command latency on a mixed
// 1,000-command script, and the size of the simulator in the browser: the core the worker needs
// before its first prompt, the scenario modules, each lazily loaded command family, and the whole.
import { build } from 'esbuild';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { createSimulator, scenarioNames } from '../src/sim/index.ts';

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

/** Minified bytes and gzip bytes of some output files (each gzipped alone, as a server sends them). */
const size = (files) => files.reduce((t, f) => [t[0] + f.contents.length, t[1] + gzipSync(f.contents).length], [0, 0]);
const kb = ([min, gz]) => `${(min / 1024).toFixed(1).padStart(6)} KiB min ${(gz / 1024).toFixed(1).padStart(6)} KiB gzip`;
const common = { bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' };

// What the worker imports (src/sim/browser.ts), split as the site's build splits it: the entry
// and its static imports are the core, needed before the first prompt; each scenario module and
// each command family (with js-yaml) is a dynamic import, loaded on demand.
const split = await build({
  ...common,
  entryPoints: [new URL('../src/sim/browser.ts', import.meta.url).pathname],
  splitting: true,
  metafile: true,
  outdir: '/kubesim-bench',
});
const outputs = split.metafile.outputs;
const file = (key) => split.outputFiles.find((f) => f.path === `/kubesim-bench/${key.split('/').pop()}`);
const closure = (key, kinds, into = new Set()) => {
  if (into.has(key)) return into;
  into.add(key);
  for (const i of outputs[key].imports) if (kinds.includes(i.kind)) closure(Object.keys(outputs).find((k) => k.endsWith(`/${i.path.split('/').pop()}`)), kinds, into);
  return into;
};
const entryKey = Object.keys(outputs).find((k) => outputs[k].entryPoint?.endsWith('src/sim/browser.ts'));
const core = closure(entryKey, ['import-statement']);
/** Dynamic entries (chunks loaded on demand) whose source path contains `part`. */
const lazyEntries = (part) => Object.keys(outputs).filter((k) => k !== entryKey && outputs[k].entryPoint?.includes(part));
const families = lazyEntries('/commands/families/');
const lazyOnly = new Map(families.map((k) => [k, [...closure(k, ['import-statement'])].filter((c) => !core.has(c))]));
const sharedLazy = [...lazyOnly.values()].flat().filter((c, i, all) => all.indexOf(c) !== i && !families.includes(c));
const scenarioChunk = (n) => Object.keys(outputs).find((k) => outputs[k].entryPoint?.endsWith(`/scenario/generated/${n}.ts`));
const scenarioFiles = (n) => [...closure(scenarioChunk(n), ['import-statement'])].filter((c) => !core.has(c)).map(file);
const entryName = (k) => outputs[k].entryPoint.split('/').pop().replace(/\.(ts|mjs|js)$/, '');

// What the worker loaded before (src/sim/index.ts in one piece: every scenario and command).
const whole = await build({ ...common, entryPoints: [new URL('../src/sim/index.ts', import.meta.url).pathname] });

console.log(`kubesim benchmark (${COMMANDS} commands, ${MIX.length}-command mix)`);
console.log(`  commands/s        ${(COMMANDS / (total / 1000)).toFixed(0)}`);
console.log(`  median latency    ${pct(50).toFixed(2)} ms`);
console.log(`  p99 latency       ${pct(99).toFixed(2)} ms`);
console.log(`  max latency       ${times[times.length - 1].toFixed(2)} ms`);
console.log(`  non-zero exits    ${failures}`);
console.log('browser (src/sim/browser.ts, esbuild, minified, code splitting)');
console.log(`  core, before the first prompt  ${kb(size([...core].map(file)))}  (${core.size} files; ${kb(size([{ contents: Buffer.concat([...core].map((k) => file(k).contents)) }])).trim()} as one file, as Vite ships it)`);
const scenarioSize = (n) => size(scenarioFiles(n))[1];
const biggest = scenarioNames().filter((n) => n !== 'default').sort((a, b) => scenarioSize(b) - scenarioSize(a))[0];
console.log(`  + scenario default             ${kb(size(scenarioFiles('default')))}  (a parsed module; every scenario extends it)`);
console.log(`  + its own, at most             ${kb(size(scenarioFiles(biggest)))}  (${biggest})`);
for (const k of families) {
  const own = lazyOnly.get(k).filter((c) => !sharedLazy.includes(c) || c === k);
  console.log(`  lazy ${entryName(k).padEnd(24)}  ${kb(size(own.map(file)))}`);
}
// js-yaml: imported by kubectl and, for the kubelet, by browser.ts; its code is a chunk shared by both.
const yamlChunks = Object.keys(outputs).filter((k) => !core.has(k) && Object.keys(outputs[k].inputs).some((i) => i.includes('node_modules/js-yaml/')));
console.log(`  lazy, shared by families       ${kb(size([...new Set(sharedLazy)].map(file)))}  (of which js-yaml ${kb(size(yamlChunks.map(file))).trim()})`);
const scenarioKeys = new Set(scenarioNames().map(scenarioChunk));
const simulatorOnly = split.outputFiles.filter((f) => ![...scenarioKeys].some((k) => f.path.endsWith(`/${k.split('/').pop()}`)));
console.log(`  whole, without the scenarios   ${kb(size(simulatorOnly))}  (${simulatorOnly.length} files)`);
console.log(`  whole                          ${kb(size(split.outputFiles))}  (${split.outputFiles.length} files, every scenario included)`);
console.log(`  before (src/sim/index.ts whole) ${kb(size(whole.outputFiles)).trimStart()}`);
