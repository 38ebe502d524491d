import type { CommandFn } from '../types.ts';
import { awk } from './coreutils/awk.ts';
import { base64 } from './coreutils/base64.ts';
import { echo, printf } from './coreutils/echo.ts';
import { basenameCmd, cat, chmod, cp, dirnameCmd, mkdir, mv, pager, rm, tee, touch } from './coreutils/files.ts';
import { grep } from './coreutils/grep.ts';
import { ls } from './coreutils/ls.ts';
import { sed } from './coreutils/sed.ts';
import { clear, date, env, falseCmd, hostname, id, seq, sleep, trueCmd, uname, whoami } from './coreutils/system.ts';
import { cut, head, sort, tail, tr, uniq, wc } from './coreutils/text.ts';
import { etcdctl } from './etcd/etcdctl.ts';
import { etcdutl } from './etcd/etcdutl.ts';
import { apt, aptCache, aptGet, aptMark, kubeletCmd } from './apt/apt.ts';
import { kubeadm } from './kubeadm/kubeadm.ts';
import { kubectl } from './kubectl/index.ts';
import { crictl } from './node/crictl.ts';
import { openssl } from './node/openssl.ts';
import { df, free } from './node/system.ts';
import { curl, dig, getent, nslookup, ping, wget } from './net/index.ts';
import { ifconfig, route } from './net/ifconfig.ts';
import { ip } from './net/ip.ts';
import { docker } from './docker/docker.ts';
import { journalctl } from './systemd/journalctl.ts';
import { service, systemctl } from './systemd/systemctl.ts';

/**
 * Every command of the sandbox by name. Adding a tool is one line here (plus its import);
 * shell builtins (cd, export, ssh, sudo…) live in shell/builtins.ts because they change the shell.
 */
const COMMANDS: Record<string, CommandFn> = {
  kubectl,
  systemctl, service, journalctl,
  etcdctl, etcdutl,
  curl, dig, getent, nslookup, ping, wget,
  ip, ifconfig, route,
  docker,
  apt, 'apt-get': aptGet, 'apt-cache': aptCache, 'apt-mark': aptMark, kubeadm, kubelet: kubeletCmd,
  crictl, openssl, df, free,
  awk, base64, basename: basenameCmd, cat, chmod, clear, cp, cut, date, dirname: dirnameCmd, echo, egrep: grep,
  env, false: falseCmd, grep, head, hostname, id, less: pager, ls, mkdir, more: pager, mv, printf, rm, sed, seq,
  sleep, sort, tail, tee, touch, tr, true: trueCmd, uname, uniq, wc, whoami,
};

/** Where `which` finds a command, when not /usr/bin/NAME. */
const PATHS: Record<string, string> = {};

/** The command registered under `name`, if any. */
export function lookupCommand(name: string): CommandFn | undefined {
  return Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
}

/** Registers (or replaces) a command at run time, e.g. from a test or a chapter-specific tool. */
export function registerCommand(name: string, fn: CommandFn, path?: string): void {
  COMMANDS[name] = fn;
  if (path) PATHS[name] = path;
}

/** The absolute path `which NAME` prints. */
export function commandPath(name: string): string {
  return PATHS[name] ?? `/usr/bin/${name}`;
}

/** Names of all registered commands, sorted (for completion). */
export function commandNames(): string[] {
  return Object.keys(COMMANDS).sort();
}
