// Result rows as text for the table view. Values arrive as plain JSON (web/contract.ts): nodes as
// { elementId, labels, properties }, relationships as { elementId, type, properties }, paths as whatever
// holds those; they are written the way Cypher writes them, e.g. (:Person {name: "徐旭"}).

export interface TableData {
  columns: string[];
  rows: string[][];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

export function isNodeValue(
  value: unknown,
): value is { elementId: string; labels: string[]; properties: Json } {
  return isObject(value) && typeof value.elementId === 'string' && Array.isArray(value.labels);
}

export function isRelationshipValue(
  value: unknown,
): value is { elementId: string; type: string; properties: Json } {
  return isObject(value) && typeof value.elementId === 'string' && typeof value.type === 'string';
}

/** A path as the API sends it: its nodes in order and the relationships between them. */
export function isPathValue(value: unknown): value is {
  nodes: { elementId: string; labels: string[]; properties: Json }[];
  relationships: { elementId: string; type: string; startNodeElementId?: string; properties: Json }[];
} {
  return (
    isObject(value) &&
    Array.isArray(value.nodes) &&
    Array.isArray(value.relationships) &&
    value.nodes.every(isNodeValue) &&
    value.relationships.every(isRelationshipValue) &&
    value.nodes.length === value.relationships.length + 1
  );
}

function formatPath(path: {
  nodes: { elementId: string; labels: string[]; properties: Json }[];
  relationships: { elementId: string; type: string; startNodeElementId?: string; properties: Json }[];
}): string {
  let text = formatValue(path.nodes[0]);
  path.relationships.forEach((relationship, index) => {
    const from = path.nodes[index];
    const to = path.nodes[index + 1];
    const rel = formatValue(relationship);
    // Backwards when the relationship starts at the later node.
    const backwards =
      relationship.startNodeElementId !== undefined && relationship.startNodeElementId !== from?.elementId;
    text += backwards ? `<-${rel}-` : `-${rel}->`;
    text += formatValue(to);
  });
  return text;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const key = (name: string) => (KEY.test(name) ? name : `\`${name.replaceAll('`', '``')}\``);

function properties(props: unknown): string {
  if (!isObject(props)) return '';
  const entries = Object.entries(props).filter(([, v]) => v !== null && v !== undefined);
  if (entries.length === 0) return '';
  return ` {${entries.map(([k, v]) => `${key(k)}: ${formatValue(v)}`).join(', ')}}`;
}

/** A value as one line of text, Cypher-like; strings at the top level are shown without quotes. */
export function formatCell(value: unknown): string {
  if (typeof value === 'string') return value;
  return formatValue(value);
}

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(', ')}]`;
  if (isNodeValue(value)) {
    const labels = value.labels.map((label) => `:${key(label)}`).join('');
    return `(${labels}${properties(value.properties)})`;
  }
  if (isRelationshipValue(value)) return `[:${key(value.type)}${properties(value.properties)}]`;
  if (isPathValue(value)) return formatPath(value);
  if (isObject(value)) {
    const entries = Object.entries(value);
    return `{${entries.map(([k, v]) => `${key(k)}: ${formatValue(v)}`).join(', ')}}`;
  }
  return String(value);
}

/** Columns and rows of text; a short row is padded so every row has one cell per column. */
export function tableData(result: { columns: string[]; rows: unknown[][] }): TableData {
  return {
    columns: [...result.columns],
    rows: result.rows.map((row) => result.columns.map((_column, index) => formatCell(row[index]))),
  };
}

/** Renders the table with text nodes only (values from the news never become markup). */
export function renderTable(container: HTMLElement, data: TableData, emptyText: string): void {
  const table = document.createElement('table');
  table.className = 'cypher-table';
  const head = table.createTHead().insertRow();
  for (const column of data.columns) {
    const th = document.createElement('th');
    th.textContent = column;
    th.scope = 'col';
    head.append(th);
  }
  const body = table.createTBody();
  for (const row of data.rows) {
    const tr = body.insertRow();
    for (const cell of row) {
      const td = tr.insertCell();
      td.textContent = cell;
      td.title = cell;
    }
  }
  if (data.rows.length === 0) {
    const td = body.insertRow().insertCell();
    td.colSpan = Math.max(1, data.columns.length);
    td.className = 'cypher-empty';
    td.textContent = emptyText;
  }
  container.replaceChildren(table);
}
