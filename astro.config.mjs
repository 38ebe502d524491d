// @ts-check
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import { remarkHeadingIds } from './src/lib/remark-heading-ids.ts';
import { remarkTerminalLang } from './src/lib/remark-terminal-lang.ts';
import { rehypeSections } from './src/lib/rehype-sections.ts';
import { rehypeAsideNotes } from './src/lib/rehype-aside-notes.ts';
import { kubeNotesRoutes } from './src/integrations/routes.ts';
import { kubeNotesPostBuild } from './src/integrations/post-build.ts';
import { jsYamlWithoutDumper, workerChunkGroups } from './src/integrations/worker-chunks.ts';
import { searchStubInline } from './src/integrations/search-stub-inline.ts';
import { CODE_REGION_SCRIPT } from './src/components/code-region-labels.ts';

/**
 * srcDir is the project root so that Starlight reads its docs and UI strings from the
 * top-level content/ (Starlight only looks in `<srcDir>/content/{docs,i18n}`); our code lives in src/.
 */
export default defineConfig({
  site: 'https://kube-notes.example.org',
  srcDir: '.',
  trailingSlash: 'always',
  // Inlined CSS saves the render-blocking stylesheet round trip on a slow phone (Lighthouse FCP).
  build: { inlineStylesheets: 'always' },
  // Astro hashes the scripts and styles it bundles into a <meta http-equiv="content-security-policy">;
  // kubeNotesPostBuild() (csp-complete.ts) adds the inline ones it leaves out. No 'unsafe-inline', no 'unsafe-eval', no other origin:
  // Pagefind compiles WebAssembly ('wasm-unsafe-eval') and fetches its index (connect-src), the terminal
  // starts a module worker (worker-src).
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  // The terminal's worker (a module worker) loads its scenario and the simulator's command
  // families as separate chunks: ES output, since Vite's default IIFE worker is one file.
  // Starlight's search would import Pagefind's UI (26 KB gzip) on every page once idle; the
  // stand-in loads it when the reader reaches for the search (pagefind-ui-on-demand.ts), and comes
  // in the search script's own chunk rather than one more request (search-stub-inline.ts).
  // The small modules the worker core shares with its lazy chunks go in one chunk, not one each,
  // and js-yaml comes without its dumper (src/integrations/worker-chunks.ts).
  vite: {
    plugins: [searchStubInline()],
    worker: { format: 'es', plugins: () => [jsYamlWithoutDumper()], rolldownOptions: { output: { codeSplitting: { groups: workerChunkGroups } } } },
    resolve: {
      alias: [{ find: /^@pagefind\/default-ui$/, replacement: fileURLToPath(new URL('./src/components/overrides/pagefind-ui-on-demand.ts', import.meta.url)) }],
    },
  },
  markdown: {
    processor: unified({ remarkPlugins: [remarkHeadingIds, remarkTerminalLang], rehypePlugins: [rehypeSections, rehypeAsideNotes] }),
  },
  integrations: [
    starlight({
      title: 'kube-notes',
      description: 'Kubernetesクラスタ管理ノート（日本語 / English）と、ブラウザで動く演習ターミナル',
      favicon: '/favicon.svg',
      defaultLocale: 'ja',
      locales: {
        ja: { label: '日本語', lang: 'ja' },
        en: { label: 'English', lang: 'en' },
      },
      // Order follows the notes; chapter titles carry their numbers, so labels come from the pages.
      sidebar: [
        { slug: 'index' },
        { slug: 'playground' },
        { slug: 'live-diagrams' },
        { slug: 'node-maintenance' },
        { slug: 'upgrades' },
        { slug: 'backup-restore' },
        { label: '4. Storage', items: [{ autogenerate: { directory: 'storage' } }] },
        { label: '5. Networking', items: [{ autogenerate: { directory: 'networking' } }] },
        { slug: 'kubeadm' },
        { slug: 'troubleshooting' },
        { slug: 'advanced-kubectl' },
        { label: 'チートシート', translations: { en: 'Cheat sheets' }, link: '/cheatsheet/' },
      ],
      components: {
        LanguageSelect: './src/components/LanguageSelect.astro',
        Search: './src/components/overrides/Search.astro',
      },
      // Names Expressive Code's sideways-scrolling code regions (see code-region-labels.ts).
      head: [{ tag: 'script', content: CODE_REGION_SCRIPT }],
      customCss: ['./src/styles/theme.css', './src/styles/layout-stability.css', './src/styles/print.css'],
      lastUpdated: false,
      pagination: true,
    }),
    kubeNotesRoutes(),
    kubeNotesPostBuild(),
  ],
});
