import { ExpressiveCodeEngine } from '@expressive-code/core';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { pluginRunnableBlocks } from '../../../src/components/terminal/expressive-code-run.ts';

describe('pluginRunnableBlocks', () => {
  const engine = new ExpressiveCodeEngine({ plugins: [pluginRunnableBlocks()] });
  const render = async (meta: string) =>
    toHtml((await engine.render({ code: 'kubectl get nodes', language: 'bash', meta })).renderedGroupAst);

  it('marks a block whose meta says run', async () => {
    expect(await render('run')).toMatch(/data-run=""/);
    expect(await render('title="x.sh" run')).toMatch(/data-run=""/);
  });

  it('leaves other blocks alone', async () => {
    expect(await render('')).not.toMatch(/data-run/);
    expect(await render('run=false')).not.toMatch(/data-run/);
    expect(await render('title="run"')).not.toMatch(/data-run/);
  });
});
