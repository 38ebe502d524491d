/**
 * Renames ids in a fragment of built HTML, with every reference to them inside that fragment
 * (`href="#x"`, `aria-labelledby`, `for`, SVG `url(#x)` …), so two renderings of the same
 * content can share one page without duplicate ids (the parallel view: both languages carry the
 * same heading ids by design).
 */

/** Attributes whose value is a space-separated list of ids. */
const IDREF_ATTRS = new Set(['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-activedescendant', 'aria-details', 'aria-errormessage', 'aria-flowto', 'for', 'headers', 'list', 'form', 'popovertarget', 'commandfor']);

// A start tag: text content cannot hold a raw `<`, so attributes are only ever matched inside tags.
const START_TAG = /<[a-zA-Z][^<>]*>/g;
const ATTR = /(\s)([a-zA-Z:-]+)(=")([^"]*)(")/g;

/** The ids of the elements in an HTML fragment, in order. */
export function idsIn(html: string): string[] {
  const out: string[] = [];
  for (const [tag] of html.matchAll(START_TAG)) for (const m of tag.matchAll(ATTR)) if (m[2] === 'id') out.push(m[4]);
  return out;
}

/** `html` with each id in `rename` given `prefix`, and every reference to it in the fragment with it. */
export function prefixIds(html: string, rename: ReadonlySet<string>, prefix: string): string {
  if (rename.size === 0) return html;
  const ref = (id: string) => (rename.has(id) ? prefix + id : id);
  return html.replace(START_TAG, (tag) =>
    tag.replace(ATTR, (all, sp: string, name: string, eq: string, value: string, end: string) => {
      let next = value;
      if (name === 'id') next = ref(value);
      else if (IDREF_ATTRS.has(name)) next = value.split(/(\s+)/).map((t) => (/\S/.test(t) ? ref(t) : t)).join('');
      else if ((name === 'href' || name === 'xlink:href') && value.startsWith('#')) next = `#${ref(value.slice(1))}`;
      if (next.includes('url(#') || value.includes('url(#')) next = next.replace(/url\(#([^)]+)\)/g, (_u, id: string) => `url(#${ref(id)})`);
      return next === value ? all : `${sp}${name}${eq}${next}${end}`;
    }),
  );
}
