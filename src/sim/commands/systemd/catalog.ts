/**
 * The explanations `journalctl -x` adds under systemd's own messages: the entries of systemd's
 * catalog/systemd.catalog.in for the message IDs of unit jobs and results, with Ubuntu's support
 * URL, each line behind the "░░ " prefix output.c prints. A message without one gets none.
 */

const SUPPORT = 'http://www.ubuntu.com/support';

/** Which catalog entry a systemd line belongs to, and the body with its fields filled in. */
const ENTRIES: { match: RegExp; subject: (m: RegExpMatchArray, job: number) => string; body: (m: RegExpMatchArray, job: number) => string }[] = [
  {
    match: /^Started (\S+?\.(?:service|socket|timer|mount|target))\b/,
    subject: (m) => `A start job for unit ${m[1]} has finished successfully`,
    body: (m, job) => `A start job for unit ${m[1]} has finished successfully.\n\nThe job identifier is ${job}.`,
  },
  {
    match: /^Starting (\S+?\.(?:service|socket|timer|mount|target))\b/,
    subject: (m) => `A start job for unit ${m[1]} has begun execution`,
    body: (m, job) => `A start job for unit ${m[1]} has begun execution.\n\nThe job identifier is ${job}.`,
  },
  {
    match: /^Stopping (\S+?\.(?:service|socket|timer|mount|target))\b/,
    subject: (m) => `A stop job for unit ${m[1]} has begun execution`,
    body: (m, job) => `A stop job for unit ${m[1]} has begun execution.\n\nThe job identifier is ${job}.`,
  },
  {
    match: /^Stopped (\S+?\.(?:service|socket|timer|mount|target))\b/,
    subject: (m) => `A stop job for unit ${m[1]} has finished`,
    body: (m, job) => `A stop job for unit ${m[1]} has finished.\n\nThe job identifier is ${job} and the job result is done.`,
  },
  {
    match: /^(\S+): Deactivated successfully\.$/,
    subject: () => 'Unit succeeded',
    body: (m) => `The unit ${m[1]} has successfully entered the 'dead' state.`,
  },
  {
    match: /^(\S+): Consumed .* CPU time\.$/,
    subject: () => 'Resources consumed by unit runtime',
    body: (m) => `The unit ${m[1]} completed and consumed the indicated resources.`,
  },
  {
    match: /^(\S+): Main process exited, code=(\w+), status=(\d+)/,
    subject: () => 'Unit process exited',
    body: (m) => `An ExecStart= process belonging to unit ${m[1]} has exited.\n\nThe process' exit code is '${m[2]}' and its exit status is ${m[3]}.`,
  },
  {
    match: /^(\S+): Failed with result '([^']+)'\.$/,
    subject: () => 'Unit failed',
    body: (m) => `The unit ${m[1]} has entered the 'failed' state with result '${m[2]}'.`,
  },
  {
    match: /^(\S+): Scheduled restart job/,
    subject: () => 'Automatic restarting of a unit has been scheduled',
    body: (m) => `Automatic restarting of the unit ${m[1]} has been scheduled, as the result for\nthe configured Restart= setting for the unit.`,
  },
];

/** The `-x` lines under a systemd[1] message, or none; `job` numbers the job it reports. */
export function catalogLines(msg: string, job: number): string[] {
  for (const e of ENTRIES) {
    const m = msg.match(e.match);
    if (!m) continue;
    const text = `Subject: ${e.subject(m, job)}\nDefined-By: systemd\nSupport: ${SUPPORT}\n\n${e.body(m, job)}`;
    return text.split('\n').map((l) => `░░ ${l}`);
  }
  return [];
}
