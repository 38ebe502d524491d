/**
 * The Docker Engine of a host: containers, named volumes and where their files live
 * (/var/lib/docker/volumes/NAME/_data or a bind source on the host), kept beside the host.
 */
import type { Host, Rng } from '../../types.ts';

/** One mount of a container, as `docker inspect` lists it. */
export interface Mount {
  type: 'volume' | 'bind';
  /** Volume name (volumes only). */
  name?: string;
  source: string;
  destination: string;
  rw: boolean;
  driver?: string;
}

/** One container. */
export interface Container {
  id: string;
  name: string;
  image: string;
  /** Entrypoint + command as `docker ps` shows it. */
  command: string;
  args: string[];
  env: string[];
  created: number;
  status: 'created' | 'running' | 'exited';
  exitCode: number;
  startedAt: number;
  finishedAt: number;
  mounts: Mount[];
  ports: string[];
  logs: string;
  /** Files written outside any mount (the container's writable layer). */
  layer: Map<string, string>;
}

/** One named (or anonymous) volume. */
export interface Volume {
  name: string;
  driver: string;
  created: number;
  anonymous: boolean;
}

/** A host's Docker Engine state. */
export interface DockerState {
  containers: Container[];
  volumes: Map<string, Volume>;
}

const states = new WeakMap<Host, DockerState>();

/** The engine of a host (created on first use; replay rebuilds it). */
export function dockerState(host: Host): DockerState {
  let s = states.get(host);
  if (!s) states.set(host, (s = { containers: [], volumes: new Map() }));
  return s;
}

/** A 64-hex id from the world's rng (container and anonymous volume ids). */
export function hexId(rng: Rng): string {
  return Array.from({ length: 64 }, () => Math.floor(rng.next() * 16).toString(16)).join('');
}

const LEFT = ['admiring', 'brave', 'clever', 'dreamy', 'eager', 'festive', 'gifted', 'happy', 'jolly', 'keen', 'loving', 'nifty', 'quirky', 'serene', 'tender', 'vibrant'];
const RIGHT = ['albattani', 'bell', 'curie', 'darwin', 'einstein', 'fermi', 'goldberg', 'hopper', 'lovelace', 'meitner', 'noether', 'pasteur', 'ritchie', 'shannon', 'turing', 'wozniak'];

/** A name in the style of moby's names-generator (adjective_scientist). */
export function randomName(rng: Rng): string {
  return `${LEFT[Math.floor(rng.next() * LEFT.length)]}_${RIGHT[Math.floor(rng.next() * RIGHT.length)]}`;
}

/** Where a volume's files live on the host. */
export function volumeDir(name: string): string {
  return `/var/lib/docker/volumes/${name}/_data`;
}

/** Finds a container by full id, unique id prefix or name. */
export function findContainer(s: DockerState, ref: string): Container | undefined {
  const byName = s.containers.find((c) => c.name === ref.replace(/^\//, ''));
  if (byName) return byName;
  const hits = ref.length >= 1 ? s.containers.filter((c) => c.id.startsWith(ref)) : [];
  return hits.length === 1 ? hits[0] : undefined;
}
