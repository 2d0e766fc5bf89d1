// The details panel: a selected node's kind, name, neighbour count and actions (expand, +N more,
// collapse, pin, remove, the views), its properties, positions with dates, and its connections with
// the evidence: the source sentence with the names highlighted, and the article it comes from.
// Text only (no innerHTML), so whatever the news text contains is shown, never executed.
import type { CadreGraph, NodeAttributes } from '../graph/build.ts';
import { showArticle } from './article.ts';
import { styleOf } from '../graph/style.ts';
import { kindName, t } from '../i18n.ts';
import { button, el, highlighted, swatch } from './dom.ts';

export interface ArticleInfo {
  id: string;
  headline: string;
  doc: string;
  date: string | null;
  paper: string | null;
}

export interface Position {
  title: string;
  office: string;
  asOf: string | null;
  sentence: string | null;
  articleId: string | null;
}

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
}

export interface DetailsContext {
  id: string;
  node: NodeAttributes;
  graph: CadreGraph;
  expansion: { loaded: number; total: number } | undefined;
  second: NodeAttributes | null;
  articles: Map<string, ArticleInfo>;
  positions: Position[] | null;
  actions: DetailsActions;
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.join('、');
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
  articles: Map<string, ArticleInfo>,
  offsets: { start: number; end: number } | null = null,
) {
  const quote = el('blockquote', { class: 'evidence' });
  quote.append(highlighted(sentence, names));
  const block = el('div', { class: 'evidence-block' }, [quote]);
  if (articleId) {
    const article = articles.get(articleId);
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
        text: ` · ${articleId}${article?.paper ? ` · ${article.paper}` : ''}${article?.date ? ` · ${article.date}` : ''}`,
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
        ? `${t('neighbours', { n: total })}${ctx.expansion ? ` · ${t('loadedOf', { loaded: ctx.expansion.loaded, total: ctx.expansion.total })}` : ''}`
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

  const title = typeof node.properties.title === 'string' ? node.properties.title : node.label;
  container.replaceChildren(badge, el('h2', { text: title }), counts, primary);
  if (views.childElementCount) container.append(el('h3', { text: t('views') }), views);

  const table = el('dl', { class: 'properties' });
  for (const [key, value] of Object.entries(node.properties).sort(([a], [b]) => a.localeCompare(b))) {
    if (value === null || value === undefined || value === '') continue;
    table.append(el('dt', { text: key }), el('dd', { text: formatValue(value) }));
  }
  container.append(el('h3', { text: t('properties') }), table);

  if (ctx.positions && ctx.positions.length) {
    const list = el('ul', { class: 'positions' });
    for (const p of ctx.positions) {
      const item = el('li', {}, [
        el('div', { class: 'connection-head' }, [
          el('span', { class: 'relation', text: p.asOf ?? '—' }),
          el('span', { text: `${p.office} ${p.title}` }),
        ]),
      ]);
      if (p.sentence)
        item.append(evidenceBlock(p.sentence, [node.label, p.office, p.title], p.articleId, ctx.articles));
      list.append(item);
    }
    container.append(el('h3', { text: t('positions') }), list);
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
  for (const { a, other } of edges.slice(0, 200)) {
    const item = el('li', {}, [
      el('div', { class: 'connection-head' }, [
        el('span', { class: 'relation', text: a.label }),
        swatch(styleOf(other.kind).color),
        el('span', { text: other.label }),
      ]),
    ]);
    const sentence = a.properties.sentence;
    if (typeof sentence === 'string') {
      const names = [
        node.label,
        other.label,
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
}

/** The article ids the panel will cite for a node, so they can be fetched before rendering. */
export function citedArticles(graph: CadreGraph, id: string, positions: Position[] | null): string[] {
  const ids = new Set<string>();
  graph.forEachEdge(id, (_e, a) => {
    if (typeof a.properties.articleId === 'string') ids.add(a.properties.articleId);
  });
  for (const p of positions ?? []) if (p.articleId) ids.add(p.articleId);
  return [...ids];
}
