// The timeline: event counts per day (or month, for long spans) as bars, and a two-handle slider that
// sets the date filter. Data from GET /api/timeline.
import type { TimelineResponse } from '../../contract.ts';
import { t } from '../i18n.ts';
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

export function mountTimeline(
  container: HTMLElement,
  data: TimelineResponse,
  range: { from: string | null; to: string | null },
  onChange: (from: string | null, to: string | null) => void,
) {
  const bins = binsOf(data);
  const max = Math.max(1, ...bins.map((b) => b.events));
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

  const bars = el('div', { class: 'bars', attrs: { 'aria-hidden': 'true' } });
  const barEls = bins.map((bin) => {
    const bar = el('div', {
      class: 'bar',
      title: `${bin.start === bin.end ? bin.start : `${bin.start} – ${bin.end}`}: ${bin.events}`,
    });
    bar.style.height = `${bin.events ? Math.max(8, (bin.events / max) * 100) : 0}%`;
    bars.append(bar);
    return bar;
  });
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
  const readout = el('div', { class: 'readout' });
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
    barEls.forEach((bar, i) => bar.classList.toggle('out', i < lo || i > hi));
    const inRange = bins.slice(lo, hi + 1).reduce((sum, b) => sum + b.events, 0);
    readout.textContent = bins.length
      ? `${bins[lo]!.start} – ${bins[hi]!.end} · ${inRange}${data.undated ? ` (+${data.undated} ${t('undated')})` : ''}`
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
    el('div', { class: 'timeline-foot' }, [readout, reset]),
  );
  paint();
  return { relabel: paint };
}
