// The UI in Chinese and English. Every visible string goes through t(); switching re-renders the panels.
export type Lang = 'zh' | 'en';

const zh = {
  subtitle: '谁在何时何地参加了什么',
  search: '搜索人物、地点、机构、事件(中文或拼音)',
  noHits: '没有结果',
  loading: '加载中…',
  retry: '重试',
  apiDown: '无法连接服务器或 Neo4j',
  failed: '操作失败',
  empty: '数据库里还没有事件:运行 npm run ingest -- seeds',
  undo: '撤销',
  redo: '重做',
  fit: '适应视图',
  layout: '布局',
  fa2Start: 'ForceAtlas2 开始',
  fa2Stop: 'ForceAtlas2 停止',
  noverlap: '去重叠',
  circular: '环形',
  sizeBy: '大小',
  degree: '度数',
  pagerank: 'PageRank',
  overview: '总览',
  export: '导出',
  cypher: 'Cypher',
  legend: '图例',
  filters: '筛选',
  timeline: '时间线',
  allDates: '全部日期',
  undated: '无年份',
  place: '地点',
  office: '机构',
  clear: '清除',
  details: '详情',
  clickHint: '点击节点查看详情,双击展开邻居。Shift+点击选择第二个人物。',
  expand: '展开',
  more: '再加载 {n} 个',
  collapse: '收起',
  pin: '固定',
  unpin: '取消固定',
  remove: '移出视图',
  neighbours: '{n} 个邻居',
  loadedOf: '已显示 {loaded}/{total}',
  views: '视图',
  personEvents: '参加的活动',
  placeEvents: '此地的活动与来人',
  coAttendance: '与谁见过面',
  shortest: '与 {name} 的最短联系',
  filterPlace: '按此地点筛选',
  filterOffice: '按此机构筛选',
  properties: '属性',
  positions: '职务',
  evidence: '证据',
  connections: '关联 ({n})',
  article: '报道',
  readArticle: '阅读全文',
  close: '关闭',
  textCut: '(正文过长,已截断)',
  nodes: '{n} 个节点 · {m} 条边',
  shortcuts: '快捷键: / 搜索 · F 适应 · E 展开 · Ctrl+Z 撤销 · Ctrl+Shift+Z 重做 · Del 移除',
  met: '{n} 次',
  noPath: '没有找到联系',
  language: 'English',
  kinds: {
    Person: '人物',
    Event: '事件',
    Place: '地点',
    Office: '机构',
    Article: '报道',
    Reporter: '记者',
  } as Record<string, string>,
};

type Dict = typeof zh;

const en: Dict = {
  subtitle: 'who attended what, where and when',
  search: 'Search people, places, offices, events (Chinese or pinyin)',
  noHits: 'No results',
  loading: 'Loading…',
  retry: 'Retry',
  apiDown: 'The server or Neo4j is not reachable',
  failed: 'That did not work',
  empty: 'No events in the database yet: run npm run ingest -- seeds',
  undo: 'Undo',
  redo: 'Redo',
  fit: 'Fit',
  layout: 'Layout',
  fa2Start: 'ForceAtlas2 start',
  fa2Stop: 'ForceAtlas2 stop',
  noverlap: 'Noverlap',
  circular: 'Circular',
  sizeBy: 'Size',
  degree: 'Degree',
  pagerank: 'PageRank',
  overview: 'Overview',
  export: 'Export',
  cypher: 'Cypher',
  legend: 'Legend',
  filters: 'Filters',
  timeline: 'Timeline',
  allDates: 'All dates',
  undated: 'year unknown',
  place: 'Place',
  office: 'Office',
  clear: 'Clear',
  details: 'Details',
  clickHint: 'Click a node to inspect it, double-click to expand. Shift+click selects a second person.',
  expand: 'Expand',
  more: '+{n} more',
  collapse: 'Collapse',
  pin: 'Pin',
  unpin: 'Unpin',
  remove: 'Remove from view',
  neighbours: '{n} neighbours',
  loadedOf: '{loaded} of {total} shown',
  views: 'Views',
  personEvents: 'Events attended',
  placeEvents: 'Events here and who came',
  coAttendance: 'People met',
  shortest: 'Shortest connection to {name}',
  filterPlace: 'Filter to this place',
  filterOffice: 'Filter by this office',
  properties: 'Properties',
  positions: 'Positions',
  evidence: 'Evidence',
  connections: 'Connections ({n})',
  article: 'Article',
  readArticle: 'Read the article',
  close: 'Close',
  textCut: '(text cut: too long)',
  nodes: '{n} nodes · {m} edges',
  shortcuts: 'Keys: / search · F fit · E expand · Ctrl+Z undo · Ctrl+Shift+Z redo · Del remove',
  met: '{n}×',
  noPath: 'No connection found',
  language: '中文',
  kinds: {
    Person: 'Person',
    Event: 'Event',
    Place: 'Place',
    Office: 'Office',
    Article: 'Article',
    Reporter: 'Reporter',
  },
};

const dicts: Record<Lang, Dict> = { zh, en };
let current: Lang = 'zh';
const listeners = new Set<() => void>();

export type Key = Exclude<keyof Dict, 'kinds'>;

export function t(key: Key, vars: Record<string, string | number> = {}): string {
  return dicts[current][key].replace(/\{(\w+)\}/g, (_m, name: string) => String(vars[name] ?? ''));
}

export const kindName = (kind: string) => dicts[current].kinds[kind] ?? kind;
export const lang = () => current;

export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
  for (const listener of listeners) listener();
}

export function onLangChange(listener: () => void): void {
  listeners.add(listener);
}
