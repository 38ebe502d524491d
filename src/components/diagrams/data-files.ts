/** The diagrams' data files (content/diagrams/*.yaml), read at build time. */
import { DiagramData } from '../../lib/diagrams/data.ts';
import { diagramLang, type Lang } from '../../lib/diagrams/model.ts';

const files = import.meta.glob<string>('/content/diagrams/*.yaml', { query: '?raw', import: 'default', eager: true });

/** The data file `content/diagrams/<name>.yaml`. */
export function diagramData(name: string): DiagramData {
  const path = `/content/diagrams/${name}.yaml`;
  const text = files[path];
  if (text === undefined) throw new Error(`diagram data not found: ${path}`);
  return DiagramData.parse(path, text);
}

/** The page's language: the `lang` prop, else Starlight's locale, else the URL's first segment. */
export function pageLang(prop: string | undefined, locals: unknown, url: URL): Lang {
  if (prop) return diagramLang(prop);
  try {
    const route = (locals as { starlightRoute?: { locale?: string; lang?: string } }).starlightRoute;
    if (route) return diagramLang(route.locale ?? route.lang);
  } catch {
    // Outside Starlight (the parallel view) there is no route: fall back to the URL.
  }
  return diagramLang(url.pathname.split('/')[1]);
}
