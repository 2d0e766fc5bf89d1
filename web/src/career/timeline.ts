// The career timeline in a person's panel: offices as bars on a dated axis (first → last seen, or to a
// successor's first sighting), the person's events as ticks below, the evidence of each end one click
// away, and each office's holders (predecessors, successors) as a table. SVG built from elements, text
// as text nodes only.
import { count } from '../i18n.ts';
import { showArticle } from '../ui/article.ts';
import { el } from '../ui/dom.ts';
import { s } from '../tables/strings.ts';
import type { Career, CareerRow, Evidence } from './model.ts';

const NS = 'http://www.w3.org/2000/svg';
const WIDTH = 300;
const ROW = 18;
const LEFT = 4;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>) {
  const node = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

const day = (date: string) => Date.parse(`${date}T00:00:00Z`);

export function renderCareer(
  career: Career,
  on: { holders(officeId: string, office: string): void },
): HTMLElement {
  const box = el('div', { class: 'career', attrs: { 'data-testid': 'career' } });
  const dated = career.rows.filter((r) => r.from);
  const times = [...dated.flatMap((r) => [r.from!, r.to ?? r.from!]), ...career.events].map(day);
  if (career.rows.length === 0) {
    box.append(el('p', { class: 'hint', text: s('careerNone') }));
    return box;
  }
  if (times.length > 0) {
    let min = Math.min(...times);
    let max = Math.max(...times);
    // A career seen on one day still gets a readable axis: a month either side.
    if (max - min < 60 * 86_400_000) {
      min -= 30 * 86_400_000;
      max += 30 * 86_400_000;
    }
    const x = (date: string) => LEFT + ((day(date) - min) / (max - min)) * (WIDTH - 2 * LEFT);
    const height = dated.length * ROW + 46;
    const chart = svg('svg', {
      width: WIDTH,
      height,
      viewBox: `0 0 ${WIDTH} ${height}`,
      role: 'img',
      'data-testid': 'career-timeline',
    });
    dated.forEach((r, k) => {
      const x0 = x(r.from!);
      const x1 = Math.max(x0 + 4, x(r.to ?? r.from!));
      const bar = svg('rect', {
        x: x0,
        y: k * ROW + 2,
        width: x1 - x0,
        height: ROW - 6,
        rx: 3,
        class: r.toBasis === 'successor' ? 'career-bar successor' : 'career-bar',
        'data-office': r.office,
      });
      const tip = svg('title', {});
      tip.textContent = `${r.office} ${r.title}: ${r.from} – ${r.to ?? '?'}`;
      bar.append(tip);
      const label = svg('text', {
        x: Math.min(x0 + 3, WIDTH - 120),
        y: k * ROW + ROW - 6,
        class: 'career-label',
      });
      label.textContent = `${r.office} ${r.title}`;
      chart.append(bar, label);
    });
    const base = dated.length * ROW + 6;
    chart.append(svg('line', { x1: LEFT, x2: WIDTH - LEFT, y1: base, y2: base, class: 'career-axis' }));
    for (const date of career.events)
      chart.append(
        svg('line', { x1: x(date), x2: x(date), y1: base + 2, y2: base + 10, class: 'career-tick' }),
      );
    // The ends of the axis, then year marks.
    const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
    const ends = [
      svg('text', { x: LEFT, y: base + 36, class: 'career-year', 'text-anchor': 'start' }),
      svg('text', { x: WIDTH - LEFT, y: base + 36, class: 'career-year', 'text-anchor': 'end' }),
    ];
    ends[0]!.textContent = iso(min);
    ends[1]!.textContent = iso(max);
    chart.append(...ends);
    const first = new Date(min).getUTCFullYear();
    const last = new Date(max).getUTCFullYear();
    for (let year = first; year <= last + 1; year++) {
      const at = `${year}-01-01`;
      if (day(at) < min || day(at) > max) continue;
      const mark = svg('text', { x: x(at), y: base + 24, class: 'career-year', 'text-anchor': 'middle' });
      mark.textContent = String(year);
      chart.append(
        svg('line', { x1: x(at), x2: x(at), y1: base - 2, y2: base + 12, class: 'career-axis' }),
        mark,
      );
    }
    box.append(chart);
    box.append(el('p', { class: 'hint', text: s('careerEvents', { n: count(career.events.length) }) }));
  }
  const list = el('ul', { class: 'career-rows' });
  for (const r of career.rows) list.append(careerRow(r, on));
  box.append(list);
  return box;
}

function evidenceLink(label: string, evidence: Evidence): HTMLElement {
  if (!evidence.articleId) return el('span', { text: label });
  const { articleId, start, end } = evidence;
  return el('a', {
    text: label,
    title: evidence.sentence ?? '',
    attrs: { href: '#' },
    onclick: (e) => {
      e.preventDefault();
      void showArticle(articleId, start !== null && end !== null ? { start, end } : null);
    },
  });
}

function careerRow(r: CareerRow, on: { holders(officeId: string, office: string): void }): HTMLElement {
  const decided = {
    appointed: 'careerAppointed',
    elected: 'careerElected',
    removed: 'careerRemoved',
    resigned: 'careerResigned',
  } as const;
  const basis = (date: string, b: string) =>
    b in decided ? `${date} (${s(decided[b as keyof typeof decided])})` : date;
  const from = r.from ? basis(r.from, r.fromBasis) : s('careerUndated');
  const to =
    r.toBasis === 'successor' && r.successor
      ? `${r.to} (${s('careerSuccessor', { name: r.successor.name })})`
      : r.to
        ? basis(r.to, r.toBasis)
        : '?';
  return el('li', {}, [
    el('button', {
      class: 'link',
      text: `${r.office} · ${r.title}`,
      title: s('holders'),
      attrs: { type: 'button', 'data-testid': 'career-holders' },
      onclick: () => on.holders(r.officeId, r.office),
    }),
    el('span', { class: 'career-dates' }, [
      evidenceLink(from, r.fromEvidence),
      ' – ',
      evidenceLink(to, r.toEvidence),
      ` · ${s('careerSightings', { n: count(r.sightings) })}`,
    ]),
  ]);
}
