/** etcdctl and etcdutl: a command family of the registry. */
import type { CommandFn } from '../../types.ts';
import { etcdctl } from '../etcd/etcdctl.ts';
import { etcdutl } from '../etcd/etcdutl.ts';

/** The family's commands by name. */
export const COMMANDS: Record<string, CommandFn> = { etcdctl, etcdutl };
