// How each kind of node looks and what it is called. Colours are distinct on white and keep their
// meaning across views; captions and edge labels follow the language. Computed once per node by
// graph/derive.ts, never in a reducer.
import { count, relationName, t } from '../i18n.ts';

export const LABEL_STYLES: Record<string, { color: string }> = {
  Person: { color: '#d1495b' },
  Event: { color: '#2e86ab' },
  Place: { color: '#3c9d5d' },
  Office: { color: '#edae49' },
  Article: { color: '#8d6a9f' },
  Reporter: { color: '#7a7a7a' },
};

const FALLBACK = { color: '#555555' };

/** The label that decides a node's style: the first one we know, else the first one it has. */
export function primaryLabel(labels: string[]): string {
  return labels.find((label) => label in LABEL_STYLES) ?? labels[0] ?? 'Other';
}

export function styleOf(label: string) {
  return LABEL_STYLES[label] ?? FALLBACK;
}

const FULL_DATE = /^\d{4}-\d\d-\d\d$/;
const NO_YEAR = /^--(\d\d)-(\d\d)$/;

/** A date as stored (`2022-04-01`, or `--01-12` when the year is unknown) as people read it. */
export function formatDate(date: unknown): string | null {
  if (typeof date !== 'string' || !date) return null;
  if (FULL_DATE.test(date)) return date;
  const noYear = NO_YEAR.exec(date);
  if (noYear) return `${noYear[1]}-${noYear[2]} (${t('unknownYear')})`;
  return date;
}

/** The text shown next to a node: a name, else a title (events: shortened, with the full date). */
export function displayName(labels: string[], properties: Record<string, unknown>): string {
  const pick = (key: string) =>
    typeof properties[key] === 'string' && properties[key] ? (properties[key] as string) : undefined;
  if (primaryLabel(labels) === 'Event') {
    const title = pick('title') ?? pick('kind') ?? '?';
    const short = title.length > 14 ? `${title.slice(0, 14)}…` : title;
    const date = formatDate(properties.date);
    return date ? `${short} · ${date}` : short;
  }
  return pick('name') ?? pick('headline') ?? pick('title') ?? pick('id') ?? '?';
}

/** Edge labels: the role (主持, 参加 …), the title held, the number of shared events or visits. */
export function edgeLabel(type: string, properties: Record<string, unknown>): string {
  if (type === 'ATTENDED' && typeof properties.role === 'string') return properties.role;
  if (type === 'HOLDS' && typeof properties.title === 'string') return properties.title;
  if (type === 'APPOINTED' && typeof properties.title === 'string')
    return `${relationName(type)} ${properties.title}`;
  if (type === 'MET' && typeof properties.meetings === 'number')
    return t('met', { n: count(properties.meetings) });
  if (type === 'VISITED' && typeof properties.events === 'number')
    return t('visits', { n: count(properties.events) });
  return relationName(type);
}
