/**
 * Chapter 5.4 (content/docs/en/networking/dns.mdx): every console block, run in the dns
 * scenario, prints what the page shows (AGE and generated suffixes aside). The nslookup
 * layout is busybox 1.28's networking/nslookup.c (print_host: "%-10s %s", "Address %u: %s %s";
 * server_print adds the blank line; failures are bb_error_msg "can't resolve '%s'" with exit 1),
 * and kubectl's "command terminated with exit code 1" follows the container's stderr.
 */
import { describe, expect, it } from 'vitest';
import { createSimulator } from '../../../../src/sim/index.ts';
import { consoleSteps, normalizeTable } from './pages.ts';

describe('DNS page console blocks (dns scenario)', () => {
  const sim = createSimulator({ scenario: 'dns' });
  for (const step of consoleSteps('networking/dns')) {
    it(step.command, () => {
      const r = sim.run(step.command);
      const shown = r.stdout + r.stderr;
      if (/ get /.test(step.command)) expect(normalizeTable(shown)).toBe(normalizeTable(step.output));
      else expect(shown).toBe(step.output);
    });
  }
});
