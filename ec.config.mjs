// Expressive Code options shared by Starlight's code blocks and the <Code> component; plugins
// (functions) belong here rather than in astro.config.mjs so both renderers see them.
import { defineEcConfig } from '@astrojs/starlight/expressive-code';
import { pluginRunnableBlocks } from './src/components/terminal/expressive-code-run.ts';

export default defineEcConfig({
  plugins: [pluginRunnableBlocks()],
});
