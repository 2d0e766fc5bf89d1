// The details panel: a selected node's kind, name, neighbour count and actions (expand, +N more,
// collapse, pin, remove, the views), its properties, positions with dates, and its connections with
// the evidence: the source sentence with the names highlighted, and the article it comes from.
// Text only (no innerHTML), so whatever the news text contains is shown, never executed.
import type { ArticleInfo } from '../../contract.ts';
import type { CadreGraph, NodeAttributes } from '../graph/derive.ts';
import { formatDate, styleOf } from '../graph/style.ts';
import { count, keyName, kindName, levelName, t } from '../i18n.ts';
import type { Extra, Position } from '../state/store.ts';
import { showArticle } from './article.ts';
import { s } from '../tables/strings.ts';
import type { Career } from '../career/model.ts';
import { renderCareer } from '../career/timeline.ts';
import { button, el, highlighted, swatch } from './dom.ts';

/** Connections listed in the panel; the rest are counted. */
const LISTED = 200;

export interface DetailsActions {
  expand(): void;
  more(): void;
  collapse(): void;
  togglePin(): void;
  remove(): void;
  personEvents(): void;
  placeEvents(): void;
  coAttendance(): void;
  shortest(): void;
  filterPlace(): void;
  filterOffice(): void;
  /** The events of the person, place or office as a table; a place's place × official matrix. */
  table(): void;
  matrix(): void;
  /** The holders of an office (predecessors, successors) as a table. */
  holders(officeId: string, office: string): void;
  /** The person's events in one place (the overview's drill-down), by the place's id. */
  visitEvents(place: string): void;
  retryPositions(): void;
}

export interface DetailsContext {
  id: string;
  node: NodeAttributes;
  graph: CadreGraph;
  expansion: { loaded: number; total: number } | undefined;
  second: NodeAttributes | null;
  articles: Readonly<Record<string, ArticleInfo>>;
  /** A person's positions (null for other kinds). */
  positions: Extra<Position[]> | null;
  /** A person's career for the timeline (null for other kinds). */
  career: Extra<Career> | null;
  actions: DetailsActions;
}

function formatValue(key: string, value: unknown): string {
  if (Array.isArray(value)) return value.join('、');
  if (typeof value === 'boolean') return value ? t('yes') : t('no');
  if (key === 'level' && typeof value === 'string') return levelName(value);
  if (key === 'date') return formatDate(value) ?? '';
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function renderEmptyDetails(container: HTMLElement): void {
  container.replaceChildren(
    el('p', { class: 'hint', text: t('clickHint') }),
    el('p', { class: 'hint keys', text: t('shortcuts') }),
  );
}

function evidenceBlock(
  sentence: string,
  names: string[],
  articleId: string | null,
  articles: Readonly<Record<string, ArticleInfo>>,
  offsets: { start: number; end: number } | null = null,
) {
  const quote = el('blockquote', { class: 'evidence' });
  quote.append(highlighted(sentence, names));
  const block = el('div', { class: 'evidence-block' }, [quote]);
  if (articleId) {
    const article = articles[articleId];
    const source = el('div', { class: 'source' }, [
      el('span', { class: 'source-label', text: `${t('article')}: ` }),
      // The headline opens the full article with this sentence marked.
      button(article?.headline ?? t('readArticle'), () => void showArticle(articleId, offsets), {
        class: 'link headline',
        title: t('readArticle'),
        testid: 'article-link',
      }),
      el('span', {
        class: 'doc',
        // The file and the item's number in it (the id itself is a hash: ingest/load/identity.ts).
        text: ` · ${article ? `${article.doc}#${articleId.slice(articleId.lastIndexOf('#') + 1)}` : articleId}${article?.paper ? ` · ${article.paper}` : ''}${article?.date ? ` · ${formatDate(article.date)}` : ''}`,
      }),
    ]);
    block.append(source);
  }
  return block;
}

export function renderDetails(container: HTMLElement, ctx: DetailsContext): void {
  const { node, graph, id, actions } = ctx;
  const style = styleOf(node.kind);
  const badge = el('span', {
    class: 'badge',
    text: kindName(node.kind) === node.kind ? node.kind : `${kindName(node.kind)} · ${node.kind}`,
  });
  badge.style.background = style.color;

  const inView = graph.degree(id);
  const total = ctx.expansion?.total ?? node.degree;
  const rest = ctx.expansion ? ctx.expansion.total - ctx.expansion.loaded : null;
  const counts = el('div', {
    class: 'counts',
    text:
      total != null
        ? `${t('neighbours', { n: count(total) })}${ctx.expansion ? ` · ${t('loadedOf', { loaded: count(ctx.expansion.loaded), total: count(ctx.expansion.total) })}` : ''}`
        : `${inView}`,
  });

  const primary = el('div', { class: 'actions' });
  if (!ctx.expansion)
    primary.append(button(t('expand'), actions.expand, { class: 'btn primary', testid: 'expand' }));
  if (rest !== null && rest > 0)
    primary.append(
      button(t('more', { n: Math.min(25, rest) }), actions.more, { class: 'btn primary', testid: 'more' }),
    );
  if (ctx.expansion) primary.append(button(t('collapse'), actions.collapse, { testid: 'collapse' }));
  primary.append(
    button(node.fixed ? t('unpin') : t('pin'), actions.togglePin, { testid: 'pin' }),
    button(t('remove'), actions.remove, { testid: 'remove' }),
  );

  const views = el('div', { class: 'actions views' });
  if (node.kind === 'Person') {
    views.append(
      button(t('personEvents'), actions.personEvents, { testid: 'view-person-events' }),
      button(t('coAttendance'), actions.coAttendance, { testid: 'view-co-attendance' }),
    );
    if (ctx.second?.kind === 'Person')
      views.append(
        button(t('shortest', { name: ctx.second.label }), actions.shortest, { testid: 'view-shortest' }),
      );
  }
  if (node.kind === 'Place')
    views.append(
      button(t('placeEvents'), actions.placeEvents, { testid: 'view-place-events' }),
      button(t('filterPlace'), actions.filterPlace, { testid: 'filter-place' }),
    );
  if (node.kind === 'Office')
    views.append(button(t('filterOffice'), actions.filterOffice, { testid: 'filter-office' }));
  if (node.kind === 'Person' || node.kind === 'Place' || node.kind === 'Office')
    views.append(button(s('table'), actions.table, { testid: 'view-table' }));
  if (node.kind === 'Place') views.append(button(s('matrix'), actions.matrix, { testid: 'view-matrix' }));

  const title = typeof node.properties.title === 'string' ? node.properties.title : node.caption;
  container.replaceChildren(badge, el('h2', { text: title }), counts, primary);
  if (views.childElementCount) container.append(el('h3', { text: t('views') }), views);

  const table = el('dl', { class: 'properties' });
  for (const [key, value] of Object.entries(node.properties).sort(([a], [b]) => a.localeCompare(b))) {
    if (value === null || value === undefined || value === '') continue;
    table.append(el('dt', { text: keyName(key), title: key }), el('dd', { text: formatValue(key, value) }));
  }
  container.append(el('h3', { text: t('properties') }), table);

  if (ctx.career) {
    container.append(el('h3', { text: s('career') }));
    const career = ctx.career;
    if (career.state === 'loading') container.append(el('p', { class: 'hint', text: t('loading') }));
    else if (career.state === 'error')
      container.append(el('p', { class: 'hint error', text: career.message }));
    else container.append(renderCareer(career.value, { holders: actions.holders }));
  }

  if (ctx.positions) {
    container.append(el('h3', { text: t('positions') }));
    const positions = ctx.positions;
    if (positions.state === 'loading')
      container.append(el('p', { class: 'hint', text: t('positionsLoading') }));
    else if (positions.state === 'error')
      container.append(
        el('p', { class: 'hint error', text: positions.message }),
        button(t('retry'), actions.retryPositions, { testid: 'retry-positions' }),
      );
    else if (positions.value.length === 0)
      container.append(el('p', { class: 'hint', text: t('positionsNone') }));
    else {
      const list = el('ul', { class: 'positions', attrs: { 'data-testid': 'positions' } });
      for (const p of positions.value) {
        const item = el('li', {}, [
          el('div', { class: 'connection-head' }, [
            el('span', { class: 'relation', text: formatDate(p.asOf) ?? '—' }),
            el('span', { text: `${p.office} ${p.title}` }),
          ]),
        ]);
        const offsets = p.start !== null && p.end !== null ? { start: p.start, end: p.end } : null;
        if (p.sentence)
          item.append(
            evidenceBlock(p.sentence, [node.caption, p.office, p.title], p.articleId, ctx.articles, offsets),
          );
        list.append(item);
      }
      container.append(list);
    }
  }

  const edges = graph.mapEdges(id, (_edge, a, source, target) => ({
    a,
    other: graph.getNodeAttributes(source === id ? target : source),
  }));
  edges.sort((x, y) =>
    String(x.other.properties.date ?? '').localeCompare(String(y.other.properties.date ?? '')),
  );
  container.append(el('h3', { text: t('connections', { n: edges.length }) }));
  const list = el('ul', { class: 'connections' });
  for (const { a, other } of edges.slice(0, LISTED)) {
    const head = el('div', { class: 'connection-head' }, [
      el('span', { class: 'relation', text: a.label }),
      swatch(styleOf(other.kind).color),
      el('span', { text: other.caption }),
    ]);
    // An aggregated visit opens the events behind it.
    if (a.relType === 'VISITED' && node.kind === 'Person' && typeof other.properties.id === 'string') {
      const place = other.properties.id;
      head.append(
        button(t('visitEvents', { place: other.caption }), () => actions.visitEvents(place), {
          class: 'btn link',
          testid: 'view-visit-events',
        }),
      );
    }
    const item = el('li', {}, [head]);
    const sentence = a.properties.sentence;
    if (typeof sentence === 'string') {
      const names = [
        node.caption,
        other.caption,
        String(node.properties.name ?? ''),
        String(other.properties.name ?? ''),
        String(a.properties.asWritten ?? ''),
      ];
      const articleId = typeof a.properties.articleId === 'string' ? a.properties.articleId : null;
      const { start, end } = a.properties;
      const offsets = typeof start === 'number' && typeof end === 'number' ? { start, end } : null;
      item.append(evidenceBlock(sentence, names, articleId, ctx.articles, offsets));
    }
    list.append(item);
  }
  container.append(list);
  if (edges.length > LISTED)
    container.append(el('p', { class: 'hint', text: t('connectionsCut', { n: LISTED }) }));
}

/** The article ids the panel cites for a node's connections, so their headlines can be fetched. */
export function citedArticles(graph: CadreGraph, id: string): string[] {
  const ids = new Set<string>();
  let listed = 0;
  graph.forEachEdge(id, (_e, a) => {
    if (listed++ < LISTED && typeof a.properties.articleId === 'string') ids.add(a.properties.articleId);
  });
  return [...ids];
}
