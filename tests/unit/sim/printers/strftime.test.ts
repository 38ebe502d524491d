import { describe, expect, it } from 'vitest';
import { strftime } from '../../../../src/sim/strftime.ts';

// Thursday 5 March 2026, 09:04:07.250 UTC: a single-digit day shows %e's space and %d's zero.
const t = Date.UTC(2026, 2, 5, 9, 4, 7, 250);

describe('strftime', () => {
  it('writes the layouts the tools print', () => {
    expect(strftime(t, '%a %b %e %H:%M:%S %Z %Y')).toBe('Thu Mar  5 09:04:07 UTC 2026'); // date
    expect(strftime(t, '%c')).toBe('Thu Mar  5 09:04:07 2026'); // ctime(3), ps lstart
    expect(strftime(t, '%a, %d %b %Y %H:%M:%S %z')).toBe('Thu, 05 Mar 2026 09:04:07 +0000'); // RFC1123Z
    expect(strftime(t, '%a %F %T UTC')).toBe('Thu 2026-03-05 09:04:07 UTC'); // systemctl status
    expect(strftime(t, '%b %e %H:%M:%S %Y GMT')).toBe('Mar  5 09:04:07 2026 GMT'); // openssl
    expect(strftime(t, '%d/%b/%Y:%H:%M:%S +0000')).toBe('05/Mar/2026:09:04:07 +0000'); // nginx
  });

  it('knows full names, 12-hour clock, day of year and the epoch', () => {
    expect(strftime(t, '%A %B %I %p %j %u %w %s %N')).toBe('Thursday March 09 AM 064 4 4 1772701447 250000000');
    expect(strftime(Date.UTC(2026, 10, 29, 23, 0, 0), '%a %u %I %p %D %R')).toBe('Sun 7 11 PM 11/29/26 23:00');
  });

  it('leaves an unknown conversion as written and %% as one percent sign', () => {
    expect(strftime(t, '%Q 100%% %n%t')).toBe('%Q 100% \n\t');
  });
});
