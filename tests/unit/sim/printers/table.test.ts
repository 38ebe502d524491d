import { describe, expect, it } from 'vitest';
import { goTabwriter, tabwrite } from '../../../../src/sim/printers/table.ts';

// text/tabwriter semantics with kubectl's settings (printers.GetNewTabWriter: minwidth 0,
// tabwidth 8, padding 3, padchar ' ', flags 0; describe uses padding 2).
describe('tabwriter', () => {
  it('pads every column but the last by the widest cell plus 3', () => {
    expect(tabwrite([['NAME', 'READY', 'STATUS'], ['nginx', '1/1', 'Running']])).toBe('NAME    READY   STATUS\nnginx   1/1     Running\n');
  });

  it('aligns columns per block of consecutive lines (describe sections)', () => {
    const text = 'Name:\tx\nService Account:\tdefault\nIPs:\n  IP:\t10.0.0.1\n';
    expect(goTabwriter(text, 2)).toBe('Name:             x\nService Account:  default\nIPs:\n  IP:  10.0.0.1\n');
  });

  it('counts runes, not bytes', () => {
    expect(tabwrite([['あ', 'b'], ['cc', 'd']])).toBe('あ    b\ncc   d\n');
  });
});
