// How each kind of node looks. Colours are distinct on white and keep their meaning across views.

export const LABEL_STYLES: Record<string, { color: string; name: string }> = {
  Person: { color: '#d1495b', name: '人物 Person' },
  Event: { color: '#2e86ab', name: '事件 Event' },
  Place: { color: '#3c9d5d', name: '地点 Place' },
  Office: { color: '#edae49', name: '机构 Office' },
  Article: { color: '#8d6a9f', name: '报道 Article' },
  Reporter: { color: '#7a7a7a', name: '记者 Reporter' },
};

const FALLBACK = { color: '#555555', name: 'Other' };

/** The label that decides a node's style: the first one we know, else the first one it has. */
export function primaryLabel(labels: string[]): string {
  return labels.find((label) => label in LABEL_STYLES) ?? labels[0] ?? 'Other';
}

export function styleOf(label: string) {
  return LABEL_STYLES[label] ?? FALLBACK;
}

/** The text shown next to a node: a name, else a title (events, shortened), else the id. */
export function displayName(labels: string[], properties: Record<string, unknown>): string {
  const pick = (key: string) =>
    typeof properties[key] === 'string' ? (properties[key] as string) : undefined;
  if (primaryLabel(labels) === 'Event') {
    const title = pick('title') ?? pick('kind') ?? 'event';
    const short = title.length > 14 ? `${title.slice(0, 14)}…` : title;
    const date = pick('date');
    return date ? `${short} (${date.slice(-5)})` : short;
  }
  return pick('name') ?? pick('headline') ?? pick('title') ?? pick('id') ?? '?';
}

const RELATION_NAMES: Record<string, string> = {
  ATTENDED: '参加',
  HELD_IN: '地点',
  HOLDS: '任职',
  GOVERNS: '管辖',
  PART_OF: '隶属',
  REPORTED_IN: '报道',
  MENTIONED_IN: '提及',
  WROTE: '撰写',
  POSSIBLY_SAME: '可能同一人',
};

/** Edge labels for relationship types, as a reader of Chinese news would say them. */
export function edgeLabel(type: string, properties: Record<string, unknown>): string {
  if (type === 'ATTENDED' && typeof properties.role === 'string') return properties.role;
  if (type === 'HOLDS' && typeof properties.title === 'string') return properties.title;
  if (type === 'MET' && typeof properties.meetings === 'number') return `${properties.meetings} 次`;
  return RELATION_NAMES[type] ?? type;
}
