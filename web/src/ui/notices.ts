// What the view leaves out or why it is empty: "showing N of M" with "load more", the overview's count
// of officials not shown, and the reason an empty result is empty. Never a silent cut, never a blank.
import { count, t } from '../i18n.ts';
import type { Notice } from '../state/view.ts';
import { button, el } from './dom.ts';

export function renderNotices(
  container: HTMLElement,
  notices: Notice[],
  actions: { loadMore(): void },
): void {
  container.replaceChildren();
  for (const notice of notices) {
    const box = el('div', {
      class: `notice ${notice.kind}`,
      attrs: { 'data-testid': `notice-${notice.kind}` },
    });
    if (notice.kind === 'empty') box.append(el('span', { text: t(notice.reason, notice.vars) }));
    else if (notice.kind === 'overview') {
      box.append(
        el('span', {
          text: t('overviewNotice', {
            shown: count(notice.shown),
            total: count(notice.total),
            events: count(notice.events),
          }),
        }),
      );
      if (notice.more > 0)
        box.append(
          button(t('overviewMore', { n: notice.more }), actions.loadMore, {
            class: 'btn link',
            testid: 'load-more',
          }),
        );
    } else {
      box.append(
        el('span', {
          text:
            notice.total !== null
              ? t(notice.unit === 'people' ? 'truncatedPeople' : 'truncatedView', {
                  shown: count(notice.shown),
                  total: count(notice.total),
                })
              : t('truncatedRows', { shown: count(notice.shown) }),
        }),
      );
      if (notice.more)
        box.append(button(t('loadMore'), actions.loadMore, { class: 'btn link', testid: 'load-more' }));
      box.append(el('span', { class: 'hint', text: ` · ${t('narrow')}` }));
    }
    container.append(box);
  }
}
