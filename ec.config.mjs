// Expressive Code options shared by Starlight's code blocks and the <Code> component; plugins
// (functions) belong here rather than in astro.config.mjs so both renderers see them.
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginRunnableBlocks } from './src/components/terminal/expressive-code-run.ts';

export default defineEcConfig({
  plugins: [pluginRunnableBlocks()],
  // Inline the code-block styles with the page's own (inlined) CSS: a separate stylesheet is a
  // render-blocking round trip on a phone (Lighthouse: ~170 ms of FCP).
  emitExternalStylesheet: false,
});
