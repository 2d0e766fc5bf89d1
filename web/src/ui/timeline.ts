// The timeline: event counts per day (or month, for long spans) as bars on a dated axis, the events in
// the view drawn over those of the whole database, and a two-handle slider that sets the date filter.
// The readout counts the events in the view within the range. Data from GET /api/timeline.
import type { TimelineResponse } from '../../contract.ts';
import type { CadreGraph } from '../graph/derive.ts';
import { count, t } from '../i18n.ts';
import { isDated } from '../state/filters.ts';
import type { Filters } from '../state/store.ts';
import { button, el } from './dom.ts';

interface Bin {
  start: string;
  end: string;
  events: number;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function binsOf(data: TimelineResponse): Bin[] {
  if (data.days.length === 0) return [];
  const first = Date.parse(data.days[0]!.date);
  const last = Date.parse(data.days[data.days.length - 1]!.date);
  const counts = new Map(data.days.map((d) => [d.date, d.events]));
  const bins: Bin[] = [];
  if ((last - first) / DAY <= 120) {
    for (let ms = first; ms <= last; ms += DAY)
      bins.push({ start: iso(ms), end: iso(ms), events: counts.get(iso(ms)) ?? 0 });
    return bins;
  }
  const byMonth = new Map<string, number>();
  for (const d of data.days)
    byMonth.set(d.date.slice(0, 7), (byMonth.get(d.date.slice(0, 7)) ?? 0) + d.events);
  const date = new Date(first);
  date.setUTCDate(1);
  while (date.getTime() <= last) {
    const month = iso(date.getTime()).slice(0, 7);
    const next = new Date(date);
    next.setUTCMonth(next.getUTCMonth() + 1);
    bins.push({ start: `${month}-01`, end: iso(next.getTime() - DAY), events: byMonth.get(month) ?? 0 });
    date.setUTCMonth(date.getUTCMonth() + 1);
  }
  return bins;
}

/** Axis ticks: about eight evenly spaced bins, labelled by month (daily bins) or year-month. */
export function ticksOf(bins: Bin[]): { index: number; label: string }[] {
  if (bins.length === 0) return [];
  const daily = bins[0]!.start === bins[0]!.end;
  const step = Math.max(1, Math.ceil(bins.length / 8));
  const ticks: { index: number; label: string }[] = [];
  for (let i = 0; i < bins.length; i += step)
    ticks.push({ index: i, label: daily ? bins[i]!.start.slice(5) : bins[i]!.start.slice(0, 7) });
  return ticks;
}

export function mountTimeline(
  container: HTMLElement,
  data: TimelineResponse,
  range: { from: string | null; to: string | null },
  onChange: (from: string | null, to: string | null) => void,
) {
  const bins = binsOf(data);
  const max = Math.max(1, ...bins.map((b) => b.events));
  const total = data.days.reduce((sum, d) => sum + d.events, 0) + data.undated;
  const indexOf = (date: string | null, fallback: number) => {
    if (!date) return fallback;
    const i = bins.findIndex((b) => b.end >= date);
    return i < 0 ? bins.length - 1 : i;
  };
  let lo = indexOf(range.from, 0);
  let hi = range.to
    ? Math.max(
        0,
        bins.findLastIndex((b) => b.start <= range.to!),
      )
    : bins.length - 1;
  /** Events in the view, per bin, and undated ones. */
  let inView = bins.map(() => 0);
  let undatedInView = 0;

  const bars = el('div', { class: 'bars', attrs: { 'aria-hidden': 'true' } });
  const barEls = bins.map((bin) => {
    const bar = el('div', { class: 'bar' });
    bar.style.height = `${bin.events ? Math.max(8, (bin.events / max) * 100) : 0}%`;
    const mine = el('div', { class: 'bar-view' });
    bar.append(mine);
    bars.append(bar);
    return { bar, mine, bin };
  });
  const axis = el('div', { class: 'axis', attrs: { 'aria-hidden': 'true' } });
  for (const tick of ticksOf(bins)) {
    const label = el('span', { class: 'tick', text: tick.label });
    label.style.left = `${((tick.index + 0.5) / bins.length) * 100}%`;
    axis.append(label);
  }
  const slider = (value: number, name: string) =>
    el('input', {
      class: 'range',
      attrs: {
        type: 'range',
        min: '0',
        max: String(Math.max(0, bins.length - 1)),
        step: '1',
        value: String(value),
        'aria-label': name,
        'data-handle': name,
      },
    });
  const from = slider(lo, 'from');
  const to = slider(hi, 'to');
  const readout = el('div', { class: 'readout', attrs: { 'data-testid': 'timeline-readout' } });
  const reset = button(
    '',
    () => {
      lo = 0;
      hi = bins.length - 1;
      from.value = String(lo);
      to.value = String(hi);
      paint();
      onChange(null, null);
    },
    { class: 'link', testid: 'timeline-reset' },
  );

  const active = () => lo > 0 || hi < bins.length - 1;
  const paint = () => {
    barEls.forEach(({ bar, mine, bin }, i) => {
      bar.classList.toggle('out', i < lo || i > hi);
      bar.title = `${bin.start === bin.end ? bin.start : `${bin.start} – ${bin.end}`}: ${inView[i]} / ${bin.events}`;
      // The view's share of the database's bar, at least a sliver when it has any.
      mine.style.height = inView[i] && bin.events ? `${Math.max(10, (inView[i]! / bin.events) * 100)}%` : '0';
    });
    const shown = inView.slice(lo, hi + 1).reduce((sum, n) => sum + n, 0);
    const undated = active() ? '' : undatedInView ? t('timelineUndated', { n: count(undatedInView) }) : '';
    readout.textContent = bins.length
      ? active()
        ? t('timelineView', { from: bins[lo]!.start, to: bins[hi]!.end, n: count(shown), m: count(total) })
        : t('timelineAll', { n: count(shown + undatedInView), m: count(total), undated })
      : t('allDates');
    reset.textContent = t('allDates');
    reset.hidden = !active();
  };
  const changed = () => {
    lo = Number(from.value);
    hi = Number(to.value);
    if (lo > hi) [lo, hi] = [hi, lo];
    paint();
  };
  const commit = () => {
    changed();
    onChange(active() ? bins[lo]!.start : null, active() ? bins[hi]!.end : null);
  };
  for (const input of [from, to]) {
    input.addEventListener('input', changed);
    input.addEventListener('change', commit);
  }
  container.replaceChildren(
    el('div', { class: 'timeline-track' }, [bars, from, to]),
    axis,
    el('div', { class: 'timeline-foot' }, [readout, reset]),
  );
  paint();
  return {
    /** Counts the view's events per bin (all of them, hidden or not: the range is what the readout shows). */
    update(graph: CadreGraph, _filters: Filters) {
      inView = bins.map(() => 0);
      undatedInView = 0;
      graph.forEachNode((_id, a) => {
        if (a.kind !== 'Event') return;
        const date = a.properties.date;
        if (!isDated(date)) {
          undatedInView++;
          return;
        }
        const i = bins.findIndex((b) => b.end >= date);
        if (i >= 0 && bins[i]!.start <= date) inView[i]!++;
      });
      paint();
    },
  };
}
