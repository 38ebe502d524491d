/**
 * The command families as separate chunks, for the browser worker: it shows its first prompt
 * with none of them and loads them all right after. Keep the list in step with all.ts (a test
 * compares them).
 */
import type { CommandFn } from '../types.ts';
import { registerCommands } from './registry.ts';

type Family = () => Promise<{ COMMANDS: Record<string, CommandFn> }>;

/** Each family's loader by name; each import becomes a chunk of its own in the browser build. */
export const FAMILIES: Record<string, Family> = {
  coreutils: () => import('./families/coreutils.ts'),
  kubectl: () => import('./families/kubectl.ts'),
  systemd: () => import('./families/systemd.ts'),
  etcd: () => import('./families/etcd.ts'),
  net: () => import('./families/net.ts'),
  docker: () => import('./families/docker.ts'),
  apt: () => import('./families/apt.ts'),
  kubeadm: () => import('./families/kubeadm.ts'),
  node: () => import('./families/node.ts'),
};

let loading: Promise<void> | undefined;

/** Loads and registers every family (once; later calls share the first one's promise). */
export function loadCommandFamilies(): Promise<void> {
  loading ??= Promise.all(Object.values(FAMILIES).map(async (load) => registerCommands((await load()).COMMANDS))).then(
    () => undefined,
    (error: unknown) => {
      // A chunk that failed to download may come on a later try.
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
