/** sed: a family of its own, loaded for a line that runs it and for a scenario whose fault edits a file with it. */
import type { CommandFn } from '../../types.ts';
import { parseSed, runSed, sed } from '../coreutils/sed.ts';
import { useFaultSed } from '../../fault-sed.ts';

/** The family's commands by name. */
export const COMMANDS: Record<string, CommandFn> = { sed };

// Scenario faults edit files with sed while the world is built (fault-sed.ts).
useFaultSed((script, text) => runSed(parseSed(script, false), text, false));
