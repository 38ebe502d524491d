/** The coreutils-like tools (cat, ls, grep, sort…): a command family of the registry; sed and awk are families of their own. */
import type { CommandFn } from '../../types.ts';
import { base64 } from '../coreutils/base64.ts';
import { echo, printf } from '../coreutils/echo.ts';
import { basenameCmd, cat, chmod, chown, cp, dirnameCmd, mkdir, mv, pager, rm, tee, touch } from '../coreutils/files.ts';
import { grep } from '../coreutils/grep.ts';
import { ls } from '../coreutils/ls.ts';
import { clear, date, env, falseCmd, hostname, id, seq, sleep, trueCmd, uname, whoami } from '../coreutils/system.ts';
import { cut, head, sort, tail, tr, uniq, wc } from '../coreutils/text.ts';

/** The family's commands by name. */
export const COMMANDS: Record<string, CommandFn> = {
  base64, basename: basenameCmd, cat, chmod, chown, clear, cp, cut, date, dirname: dirnameCmd, echo, egrep: grep,
  env, false: falseCmd, grep, head, hostname, id, less: pager, ls, mkdir, more: pager, mv, printf, rm, seq,
  sleep, sort, tail, tee, touch, tr, true: trueCmd, uname, uniq, wc, whoami,
};

