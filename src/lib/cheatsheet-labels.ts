/** The words around the cheat-sheets, in both languages, and the print page setup per language. */
import type { Locale } from './locale-path.ts';

/** Kubernetes version the notes describe (printed in the sheets' page header). */
export const KUBERNETES_VERSION = 'v1.34';

/** Paper per language: A4 in Japan, US Letter for the English sheets. */
export const PAPER: Record<Locale, { css: string; name: string }> = {
  ja: { css: 'A4', name: 'A4' },
  en: { css: 'letter', name: 'Letter' },
};

/** UI strings of the sheet pages. */
export const LABELS = {
  ja: {
    site: 'チートシート',
    chapterSheet: (chapter: string) => `チートシート：${chapter}`,
    description: 'kube-notesの各章のコマンドと一行の説明。印刷して手元に置けます。',
    chapterDescription: (chapter: string) => `${chapter}のコマンドと一行の説明。印刷して手元に置けます。`,
    print: '印刷 / PDF',
    whole: 'サイト全体のチートシート',
    perChapter: '章ごとのチートシート：',
    readChapter: 'この章を読む',
    toSection: '節へ',
    note: 'コマンドは章に書かれたとおり（説明は訳してあります）。',
    linkNote: '§は元の節へのリンクです。',
  },
  en: {
    site: 'Cheat sheet',
    chapterSheet: (chapter: string) => `Cheat sheet: ${chapter}`,
    description: 'The commands of every kube-notes chapter with a one-line explanation, ready to print.',
    chapterDescription: (chapter: string) => `The commands of ${chapter} with a one-line explanation, ready to print.`,
    print: 'Print / PDF',
    whole: 'Whole-site cheat sheet',
    perChapter: 'Cheat sheet per chapter:',
    readChapter: 'Read the chapter',
    toSection: 'to the section',
    note: 'Commands exactly as in the chapters.',
    linkNote: '§ links to the section each comes from.',
  },
} as const;
