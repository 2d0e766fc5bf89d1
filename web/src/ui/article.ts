// The article reader: the full text of the item a piece of evidence comes from, with that sentence
// marked and scrolled into view. Text nodes only: the news text is shown, never executed.
import { fetchArticle } from '../api.ts';
import { t } from '../i18n.ts';
import { button, el } from './dom.ts';

let dialog: HTMLDialogElement | null = null;

function ensureDialog(): HTMLDialogElement {
  if (!dialog) {
    dialog = el('dialog', { class: 'article-dialog', attrs: { id: 'article-dialog' } }) as HTMLDialogElement;
    document.body.append(dialog);
  }
  return dialog;
}

/** Opens the article; `evidence` (offsets in the source file) is marked in the text when given. */
export async function showArticle(
  id: string,
  evidence?: { start: number; end: number } | null,
): Promise<void> {
  const box = ensureDialog();
  box.replaceChildren(el('p', { class: 'hint', text: t('loading') }));
  if (!box.open) box.showModal();
  let article;
  try {
    article = await fetchArticle(id);
  } catch (error) {
    box.replaceChildren(el('p', { text: `${t('failed')}: ${(error as Error).message}` }), closeButton(box));
    return;
  }
  const text = article.text ?? '';
  const body = el('div', { class: 'article-text', attrs: { 'data-testid': 'article-text' } });
  const from = evidence ? evidence.start - article.start : -1;
  const to = evidence ? evidence.end - article.start : -1;
  let mark: HTMLElement | null = null;
  if (from >= 0 && to <= text.length && from < to) {
    mark = el('mark', { text: text.slice(from, to) });
    body.append(text.slice(0, from), mark, text.slice(to));
  } else body.append(text);
  const meta = [article.doc, article.paper, article.date].filter(Boolean).join(' · ');
  box.replaceChildren(
    el('h2', { text: article.headline }),
    el('p', { class: 'hint', text: meta }),
    body,
    ...(text.length >= 100_000 ? [el('p', { class: 'hint', text: t('textCut') })] : []),
    closeButton(box),
  );
  mark?.scrollIntoView({ block: 'center' });
}

function closeButton(box: HTMLDialogElement) {
  return button(t('close'), () => box.close(), { class: 'btn', testid: 'article-close' });
}
