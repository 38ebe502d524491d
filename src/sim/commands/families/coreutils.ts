/** The coreutils-like tools (cat, ls, grep, sed, awk…): a command family of the registry. */
import type { CommandFn } from '../../types.ts';
import { awk } from '../coreutils/awk.ts';
import { base64 } from '../coreutils/base64.ts';
import { echo, printf } from '../coreutils/echo.ts';
import { basenameCmd, cat, chmod, chown, cp, dirnameCmd, mkdir, mv, pager, rm, tee, touch } from '../coreutils/files.ts';
import { grep } from '../coreutils/grep.ts';
import { ls } from '../coreutils/ls.ts';
import { parseSed, runSed, sed } from '../coreutils/sed.ts';
import { useFaultSed } from '../../fault-sed.ts';
import { clear, date, env, falseCmd, hostname, id, seq, sleep, trueCmd, uname, whoami } from '../coreutils/system.ts';
import { cut, head, sort, tail, tr, uniq, wc } from '../coreutils/text.ts';

/** The family's commands by name. */
export const COMMANDS: Record<string, CommandFn> = {
  awk, base64, basename: basenameCmd, cat, chmod, chown, clear, cp, cut, date, dirname: dirnameCmd, echo, egrep: grep,
  env, false: falseCmd, grep, head, hostname, id, less: pager, ls, mkdir, more: pager, mv, printf, rm, sed, seq,
  sleep, sort, tail, tee, touch, tr, true: trueCmd, uname, uniq, wc, whoami,
};

// Scenario faults edit files with sed while the world is built (fault-sed.ts).
useFaultSed((script, text) => runSed(parseSed(script, false), text, false));
