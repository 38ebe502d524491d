/** A simulator on the default scenario (or another) with a terse runner for ops tests. */
import { createSimulator, type Simulator } from '../../../../src/sim/index.ts';
import type { RunResult } from '../../../../src/sim/types.ts';

export interface Ops {
  sim: Simulator;
  run(cmd: string): RunResult;
  /** stdout of a command that must succeed. */
  out(cmd: string): string;
}

export function ops(scenario = 'default'): Ops {
  const sim = createSimulator({ scenario });
  const run = (cmd: string): RunResult => sim.run(cmd);
  const out = (cmd: string): string => {
    const r = sim.run(cmd);
    if (r.exitCode !== 0) throw new Error(`${cmd} failed (${r.exitCode}): ${r.stderr}`);
    return r.stdout;
  };
  return { sim, run, out };
}

/** The TLS flags kubeadm's etcd needs (kubernetes.io/docs/tasks/administer-cluster/configure-upgrade-etcd/). */
export const ETCD_TLS = '--endpoints=https://127.0.0.1:2379 --cacert=/etc/kubernetes/pki/etcd/ca.crt --cert=/etc/kubernetes/pki/etcd/server.crt --key=/etc/kubernetes/pki/etcd/server.key';

/** The row of NAME in a kubectl table. */
export function row(table: string, name: string): string[] | undefined {
  return table.split('\n').map((l) => l.trim().split(/\s{2,}|\s(?=\S)/)).find((cols) => cols[0] === name);
}
