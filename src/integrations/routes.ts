import type { AstroIntegration } from 'astro';

/** Adds the site's own routes (landing page, later parallel reading and cheat-sheets) while keeping their code in src/. */
export function kubeNotesRoutes(): AstroIntegration {
  return {
    name: 'kube-notes-routes',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        injectRoute({ pattern: '/', entrypoint: new URL('../routes/index.astro', import.meta.url) });
        injectRoute({ pattern: '/[locale]/parallel/[...slug]', entrypoint: new URL('../routes/parallel.astro', import.meta.url) });
        injectRoute({ pattern: '/[locale]/cheatsheet', entrypoint: new URL('../routes/cheatsheet.astro', import.meta.url) });
        injectRoute({ pattern: '/[locale]/cheatsheet/[chapter]', entrypoint: new URL('../routes/cheatsheet-chapter.astro', import.meta.url) });
      },
    },
  };
}
