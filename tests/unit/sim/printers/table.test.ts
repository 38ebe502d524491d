import { describe, expect, it } from 'vitest';
import { goTabwriter, tabwrite } from '../../../../src/sim/printers/table.ts';

// text/tabwriter semantics with kubectl's settings (cli-runtime printers.GetNewTabWriter: minwidth 6,
// tabwidth 4, padding 3, padchar ' '; describe uses padding 2).
describe('tabwriter', () => {
  it('pads every column but the last by the widest cell plus 3', () => {
    expect(tabwrite([['NAME', 'READY', 'STATUS'], ['nginx', '1/1', 'Running']])).toBe('NAME    READY   STATUS\nnginx   1/1     Running\n');
  });

  it('aligns columns per block of consecutive lines (describe sections)', () => {
    const text = 'Name:\tx\nService Account:\tdefault\nIPs:\n  IP:\t10.0.0.1\n';
    expect(goTabwriter(text, 2)).toBe('Name:             x\nService Account:  default\nIPs:\n  IP:  10.0.0.1\n');
  });

  it('counts runes, not bytes', () => {
    expect(tabwrite([['ああああ', 'b'], ['cc', 'd']])).toBe('ああああ   b\ncc     d\n');
  });

  it('makes a column at least 6 wide: a short one without its header shows it (get --no-headers)', () => {
    expect(tabwrite([['web', '0', '5s']])).toBe('web   0     5s\n');
  });
});
