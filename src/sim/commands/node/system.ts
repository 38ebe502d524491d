/**
 * df (GNU coreutils 9.4) and free (procps-ng 4.0.4) with the figures of a 2-vCPU, 4 GiB
 * Ubuntu 24.04 VM like the practice nodes (their capacity in the Node objects).
 */
import type { CommandFn, RunResult } from '../../types.ts';

const res = (stdout: string, stderr = '', exitCode = 0): RunResult => ({ stdout, stderr, exitCode });

export const df: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  const human = args.some((a) => /^-[a-zA-Z]*h/.test(a) || a === '--human-readable');
  if (human)
    return res(`Filesystem      Size  Used Avail Use% Mounted on
tmpfs           392M  1.4M  391M   1% /run
/dev/vda1        39G  9.7G   29G  26% /
tmpfs           2.0G     0  2.0G   0% /dev/shm
tmpfs           5.0M     0  5.0M   0% /run/lock
/dev/vda16      881M  112M  708M  14% /boot
/dev/vda15      105M  6.1M   99M   6% /boot/efi
tmpfs           392M   12K  392M   1% /run/user/0
`);
  return res(`Filesystem     1K-blocks    Used Available Use% Mounted on
tmpfs             401448    1380    400068   1% /run
/dev/vda1       40371200 10101332  30253484  26% /
tmpfs            2007228       0   2007228   0% /dev/shm
tmpfs               5120       0      5120   0% /run/lock
/dev/vda16        901520  114112    724280  14% /boot
/dev/vda15        106832    6246    100586   6% /boot/efi
tmpfs             401444      12    401432   1% /run/user/0
`);
};

export const free: CommandFn = (ctx) => {
  const args = ctx.argv.slice(1);
  const hdr = '               total        used        free      shared  buff/cache   available\n';
  if (args.some((a) => a === '-h' || a === '--human'))
    return res(hdr + 'Mem:           3.8Gi       1.2Gi       714Mi       3.1Mi       2.3Gi       2.6Gi\nSwap:             0B          0B          0B\n');
  if (args.includes('-m') || args.includes('--mebi'))
    return res(hdr + 'Mem:            3920        1243         714           3        2351        2677\nSwap:              0           0           0\n');
  return res(hdr + 'Mem:         4014460     1272904      731496        3172     2407632     2741556\nSwap:              0           0           0\n');
};
