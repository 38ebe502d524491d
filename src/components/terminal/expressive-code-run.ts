/**
 * Expressive Code plugin: a code block fenced as ```` ```bash run ```` gets `data-run` on its
 * rendered block, which the terminal's script on the page turns into ▶ buttons (one per command).
 * Meta is the robust place for the flag: Expressive Code parses it and Markdown never shows it.
 */
import type { ExpressiveCodePlugin } from '@expressive-code/core';

/** Marks blocks whose meta has the bare word `run` (or `run=true`). */
export function pluginRunnableBlocks(): ExpressiveCodePlugin {
  return {
    name: 'kube-notes-runnable-blocks',
    hooks: {
      postprocessRenderedBlock: ({ codeBlock, renderData }) => {
        if (codeBlock.metaOptions.getBoolean('run') !== true) return;
        renderData.blockAst.properties = { ...renderData.blockAst.properties, dataRun: '' };
      },
    },
  };
}
