/**
 * Names the code blocks that scroll sideways. Expressive Code makes such
 * a `<pre>` focusable with `role="region"` but no name, so a page with two of them has unnamed,
 * indistinguishable regions (axe `landmark-unique`; WCAG 4.1.2 wants a name for the tab stop).
 * The role comes and goes with the width, so a page script names the block whenever it gets the
 * role: "Code block 3" / "コードブロック 3" (the block's place among the blocks of its language,
 * as the side-by-side view has a column of each), followed by the block's title if it has one.
 */
/** The word for "code block" in each page language (fallback English). */
export const CODE_BLOCK_WORDS: Record<string, string> = { ja: 'コードブロック', en: 'Code block' };

/**
 * The page script, as plain JavaScript, inlined in every page's head by astro.config.mjs. Not an
 * Expressive Code jsModule: those are merged into Expressive Code's own script file, which would
 * then count as ours in the reading-page JS budget (tests/unit/site/budgets.test.ts).
 */
export const CODE_REGION_SCRIPT = `(() => {
  const words = ${JSON.stringify(CODE_BLOCK_WORDS)};
  const langOf = (el) => (el.closest('[lang]')?.getAttribute('lang') ?? '').slice(0, 2);
  const nameOf = (pre) => {
    const lang = langOf(pre);
    const blocks = [...document.querySelectorAll('.expressive-code pre')].filter((p) => langOf(p) === lang);
    const title = pre.closest('figure')?.querySelector('figcaption .title')?.textContent?.trim();
    return (words[lang] ?? words.en) + ' ' + (blocks.indexOf(pre) + 1) + (title ? ': ' + title : '');
  };
  const sync = (pre) => {
    if (!(pre instanceof HTMLPreElement) || !pre.closest('.expressive-code')) return;
    if (pre.getAttribute('role') === 'region') pre.setAttribute('aria-label', nameOf(pre));
    else pre.removeAttribute('aria-label');
  };
  new MutationObserver((records) => records.forEach((r) => sync(r.target))).observe(document.documentElement, {
    subtree: true,
    attributes: true,
    attributeFilter: ['role'],
  });
  document.querySelectorAll('.expressive-code pre[role="region"]').forEach(sync);
})();`;
