// Text of the Cypher panel and the export menu, in Chinese and English. `t(lang, key, ...args)` fills
// `{0}`, `{1}` … with the arguments.

export type Lang = 'zh' | 'en';

const en = {
  title: 'Run Cypher',
  placeholder: 'MATCH (p:Person)-[a:ATTENDED]->(e:Event) RETURN p, a, e LIMIT 25',
  run: 'Run',
  runHint: 'Ctrl+Enter runs the query. Read-only: the server refuses writes.',
  running: 'Running…',
  limit: 'Row limit',
  target: 'On the canvas',
  replace: 'Replace the graph',
  merge: 'Add to the graph',
  tableOnly: 'Table only',
  showOnCanvas: 'Show on canvas again',
  history: 'History',
  historyEmpty: 'No queries run yet.',
  clearHistory: 'Clear history',
  named: 'Named queries',
  namedChoose: '— choose a query —',
  namedRun: 'Run named query',
  namedNone: 'This query has no parameters.',
  namedLoading: 'Loading the named queries…',
  namedFailed: 'Could not load the named queries: {0}',
  tabTable: 'Table',
  tabJson: 'JSON',
  editorLoading: 'Loading the editor…',
  summary: '{0} rows · {1} nodes · {2} relationships · {3} ms',
  truncated: 'Only the first {0} rows are shown (limit).',
  noRows: '(no rows)',
  errorTitle: 'Neo4j reported an error',
  refusedTitle: 'Refused: this app only reads the database',
  syntaxTitle: 'Syntax error',
  unavailableTitle: 'The database is not reachable',
  position: 'line {0}, column {1} (offset {2})',
  exportResult: 'Export result',
  exportChoose: '— format —',
  exportFailed: 'Export failed: {0}',
  formatGexf: 'GEXF (Gephi)',
  formatGraphml: 'GraphML',
  formatJson: 'JSON (graphology)',
  formatCsv: 'CSV (nodes + edges)',
  formatCypher: 'Cypher script',
  schemaFailed: 'Autocompletion without the schema: {0}',
};

export type StringKey = keyof typeof en;

const zh: Record<StringKey, string> = {
  title: '运行 Cypher',
  placeholder: en.placeholder,
  run: '运行',
  runHint: 'Ctrl+Enter 运行查询。只读：服务器拒绝写入。',
  running: '运行中…',
  limit: '行数上限',
  target: '画布',
  replace: '替换当前图',
  merge: '合并到当前图',
  tableOnly: '只看表格',
  showOnCanvas: '重新显示到画布',
  history: '历史',
  historyEmpty: '还没有运行过查询。',
  clearHistory: '清空历史',
  named: '预设查询',
  namedChoose: '— 选择查询 —',
  namedRun: '运行预设查询',
  namedNone: '此查询没有参数。',
  namedLoading: '正在加载预设查询…',
  namedFailed: '无法加载预设查询：{0}',
  tabTable: '表格',
  tabJson: 'JSON',
  editorLoading: '正在加载编辑器…',
  summary: '{0} 行 · {1} 个节点 · {2} 条关系 · {3} 毫秒',
  truncated: '只显示前 {0} 行（行数上限）。',
  noRows: '（无结果）',
  errorTitle: 'Neo4j 报错',
  refusedTitle: '已拒绝：本应用只读数据库',
  syntaxTitle: '语法错误',
  unavailableTitle: '无法连接数据库',
  position: '第 {0} 行，第 {1} 列（偏移 {2}）',
  exportResult: '导出结果',
  exportChoose: '— 格式 —',
  exportFailed: '导出失败：{0}',
  formatGexf: 'GEXF（Gephi）',
  formatGraphml: 'GraphML',
  formatJson: 'JSON（graphology）',
  formatCsv: 'CSV（节点 + 关系）',
  formatCypher: 'Cypher 脚本',
  schemaFailed: '没有数据库结构，自动补全受限：{0}',
};

const STRINGS: Record<Lang, Record<StringKey, string>> = { en, zh };

export function t(lang: Lang, key: StringKey, ...args: (string | number)[]): string {
  const template = STRINGS[lang]?.[key] ?? en[key];
  return template.replace(/\{(\d+)\}/g, (match, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? match : String(value);
  });
}
