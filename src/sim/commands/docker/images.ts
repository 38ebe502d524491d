/**
 * What the sandbox knows of common images: default command, exposed ports, what the process
 * does at start (files it writes to its data directory, log lines, exiting on bad config).
 */
import type { Container } from './state.ts';

/** An image's config (as `docker image inspect` would give Entrypoint/Cmd/ExposedPorts). */
export interface ImageInfo {
  command: string;
  ports: string[];
  /** Keeps running when started without a command (servers). */
  server: boolean;
}

/** The repository of a reference without registry and tag: `mysql:8.4` → `mysql`. */
export function repoOf(image: string): string {
  const noTag = image.replace(/@.*$/, '').replace(/:[^/:]+$/, '');
  return noTag.replace(/^docker\.io\//, '').replace(/^library\//, '');
}

/** The image's config, or a plain one for unknown images. */
export function imageInfo(image: string): ImageInfo {
  switch (repoOf(image)) {
    case 'mysql':
      return { command: 'docker-entrypoint.sh mysqld', ports: ['3306/tcp', '33060/tcp'], server: true };
    case 'mariadb':
      return { command: 'docker-entrypoint.sh mariadbd', ports: ['3306/tcp'], server: true };
    case 'postgres':
      return { command: 'docker-entrypoint.sh postgres', ports: ['5432/tcp'], server: true };
    case 'nginx':
      return { command: "/docker-entrypoint.sh nginx -g 'daemon off;'", ports: ['80/tcp'], server: true };
    case 'redis':
      return { command: 'docker-entrypoint.sh redis-server', ports: ['6379/tcp'], server: true };
    case 'busybox':
      return { command: 'sh', ports: [], server: false };
    case 'alpine':
      return { command: '/bin/sh', ports: [], server: false };
    case 'ubuntu':
    case 'debian':
      return { command: '/bin/bash', ports: [], server: false };
    default:
      return { command: 'sh', ports: [], server: false };
  }
}

function stamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('T', ' ').replace('.000Z', '+00:00');
}

/**
 * Starts the image's process: returns the log it prints and whether it keeps running, and
 * writes what it initialises into its data directory through `write`.
 */
export function startProcess(c: Container, now: number, write: (path: string, data: string) => void, exists: (path: string) => boolean): { logs: string; running: boolean; exitCode: number } {
  const repo = repoOf(c.image);
  const env = new Map(c.env.map((e) => [e.slice(0, e.indexOf('=') < 0 ? e.length : e.indexOf('=')), e.slice(e.indexOf('=') + 1)]));
  if (repo === 'mysql') {
    const t = stamp(now);
    const head = `${t} [Note] [Entrypoint]: Entrypoint script for MySQL Server 9.5.0-1.el9 started.\n${t} [Note] [Entrypoint]: Switching to dedicated user 'mysql'\n${t} [Note] [Entrypoint]: Entrypoint script for MySQL Server 9.5.0-1.el9 started.\n`;
    const initialised = exists('/var/lib/mysql/mysql.ibd');
    if (!initialised && !env.has('MYSQL_ROOT_PASSWORD') && !env.has('MYSQL_ALLOW_EMPTY_PASSWORD') && !env.has('MYSQL_RANDOM_ROOT_PASSWORD'))
      return {
        logs: `${head}${t} [ERROR] [Entrypoint]: Database is uninitialized and password option is not specified\n    You need to specify one of the following as an environment variable:\n    - MYSQL_ROOT_PASSWORD\n    - MYSQL_ALLOW_EMPTY_PASSWORD\n    - MYSQL_RANDOM_ROOT_PASSWORD\n`,
        running: false,
        exitCode: 1,
      };
    if (!initialised) {
      for (const f of ['auto.cnf', 'binlog.000001', 'binlog.index', 'ca.pem', 'client-cert.pem', 'ibdata1', 'mysql.ibd', 'undo_001', 'undo_002'])
        write(`/var/lib/mysql/${f}`, `${f} (MySQL data file)\n`);
      for (const d of ['mysql', 'performance_schema', 'sys']) write(`/var/lib/mysql/${d}/.keep`, '');
      if (env.get('MYSQL_DATABASE')) write(`/var/lib/mysql/${env.get('MYSQL_DATABASE')}/.keep`, '');
    }
    return {
      logs: `${head}${initialised ? `${t} [Note] [Entrypoint]: Database files already initialized, skipping\n` : `${t} [Note] [Entrypoint]: Initializing database files\n${t} [Note] [Entrypoint]: Database files initialized\n`}${t}Z 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '9.5.0'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.\n`,
      running: true,
      exitCode: 0,
    };
  }
  const info = imageInfo(c.image);
  if (c.args.length && !info.server) {
    const [cmd, ...rest] = c.args;
    if (cmd === 'echo') return { logs: rest.join(' ') + '\n', running: false, exitCode: 0 };
    if (cmd === 'sleep' || (cmd === 'sh' && rest.join(' ').includes('sleep')) || cmd === 'tail') return { logs: '', running: true, exitCode: 0 };
    return { logs: '', running: false, exitCode: 0 };
  }
  if (repo === 'nginx') return { logs: `/docker-entrypoint.sh: Configuration complete; ready for start up\n`, running: true, exitCode: 0 };
  return { logs: '', running: info.server, exitCode: 0 };
}
