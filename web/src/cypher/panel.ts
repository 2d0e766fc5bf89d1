// The "Run Cypher" panel: an editor with Cypher highlighting and schema autocompletion, the named
// queries with their parameters as a form, the query history, and the result as a graph on the canvas
// (through the host), a table and JSON. Errors are shown as Neo4j wrote them, with the code and the
// position, which is also underlined in the editor. Read-only is the server's job; its refusal is shown.
// Everything is built with the app's DOM helpers (ui/dom.ts) and text nodes: no data ever goes through
// innerHTML. Its strings are the app's (i18n.ts, keys cy…) and it talks through the app's API client.
import './cypher.css';
import type { ApiErrorBody, CypherResult, NamedQueryInfo, SchemaResponse } from '../../contract.ts';
import { DATA_EXPORT_FORMATS, exportPayload, type DataExportFormat } from '../export/export.ts';
import { resultToPayload } from '../export/payload.ts';
import { cypherApi, errorKind, type CypherApi, type Outcome } from './api.ts';
import { el } from '../ui/dom.ts';
import { lang as currentLang, t as translate, type Key } from '../i18n.ts';
import type { Op } from '../state/ops.ts';
import type { QueryEditor } from './editor.ts';
import { clearHistory, historyLabel, loadHistory, pushHistory, type KeyValueStorage } from './history.ts';
import { formParams, inputFor, rowsAsRecords } from './params.ts';
import { errorRange } from './position.ts';
import { renderTable, tableData } from './table.ts';

/** The panel's own keys are the app's `cy…` keys without the prefix (run → cyRun). */
type StringKey = { [K in Key]: K extends `cy${infer R}` ? Uncapitalize<R> : never }[Key];
const cyKey = (key: StringKey) => `cy${key[0]!.toUpperCase()}${key.slice(1)}` as Key;

export interface CypherHost {
  /** A result on the canvas, as a step of the view log (kept by its query and parameters). */
  showResult(op: Extract<Op, { t: 'view' | 'cypher' }>, result: CypherResult): void;
  lang(): 'zh' | 'en';
}

export interface CypherPanelOptions {
  /** For tests: another API (fetch) or storage than the browser's. */
  api?: CypherApi;
  storage?: KeyValueStorage;
}

type Target = 'replace' | 'merge' | 'none';

export const DEFAULT_LIMIT = 1000;
export const MAX_LIMIT = 10_000;

/** What is wrong with a named query's form value, as a string key; null when it is fine. */
function paramProblem(
  param: NamedQueryInfo['params'][number],
  value: string | boolean | undefined,
): StringKey | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (param.type === 'string') return text ? null : 'required';
  if (param.type === 'integer') return text === '' || /^-?\d+$/.test(text) ? null : 'integer';
  if (param.type === 'float') return text === '' || Number.isFinite(Number(text)) ? null : 'number';
  if (param.type === 'date') return /^\d{4}-\d\d-\d\d$/.test(text) ? null : 'date';
  return null;
}

const FORMAT_KEYS: Record<DataExportFormat, StringKey> = {
  gexf: 'formatGexf',
  graphml: 'formatGraphml',
  json: 'formatJson',
  csv: 'formatCsv',
  cypher: 'formatCypher',
};

function browserStorage(): KeyValueStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** A plain textarea, used only if the CodeMirror chunk cannot be loaded. */
function textareaEditor(parent: HTMLElement, value: string, placeholder: string, onRun: () => void) {
  const area = el('textarea', { class: 'cypher-fallback' });
  area.value = value;
  area.placeholder = placeholder;
  area.spellcheck = false;
  area.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      onRun();
    }
  });
  parent.replaceChildren(area);
  const editor: QueryEditor = {
    getValue: () => area.value,
    setValue: (text) => void (area.value = text),
    focus: () => area.focus(),
    markError(range) {
      if (range) area.setSelectionRange(range.from, range.to);
    },
    setSchema: () => undefined,
    destroy: () => area.remove(),
  };
  return editor;
}

export function mountCypherPanel(
  container: HTMLElement,
  host: CypherHost,
  options: CypherPanelOptions = {},
): { focus(): void } {
  const api = options.api ?? cypherApi();
  const storage = options.storage ?? browserStorage();
  const lang = () => host.lang() ?? currentLang();
  const s = (key: StringKey, ...args: (string | number)[]) => translate(cyKey(key), args);
  // Static text is re-rendered when the shell switches language (it sets <html lang>).
  const relabels: (() => void)[] = [];
  const text = <E extends HTMLElement>(element: E, key: StringKey, suffix = ''): E => {
    const apply = () => {
      const node = element.firstChild;
      const value = `${s(key)}${suffix}`;
      if (node && node.nodeType === Node.TEXT_NODE) node.textContent = value;
      else element.prepend(value);
    };
    apply();
    relabels.push(apply);
    return element;
  };

  // ---- layout ------------------------------------------------------------------------------------
  const editorHost = el('div', { id: 'cypher-editor', class: 'cypher-editor' });
  editorHost.append(text(el('p', { class: 'cypher-muted' }), 'editorLoading'));

  const runButton = text(el('button', { id: 'cypher-run', class: 'cypher-primary' }), 'run');
  runButton.type = 'button';
  const limitInput = el('input', { id: 'cypher-limit' });
  Object.assign(limitInput, { type: 'number', min: '1', max: String(MAX_LIMIT), step: '1' });
  limitInput.value = String(DEFAULT_LIMIT);
  const limitLabel = text(el('label', { class: 'cypher-limit' }, [limitInput]), 'limit', ' ');

  const targetGroup = el('fieldset', { id: 'cypher-target', class: 'cypher-target' });
  targetGroup.append(text(el('legend'), 'target'));
  for (const [value, key] of [
    ['replace', 'replace'],
    ['merge', 'merge'],
    ['none', 'tableOnly'],
  ] as const) {
    const radio = el('input');
    Object.assign(radio, { type: 'radio', name: 'cypher-target', value, checked: value === 'replace' });
    radio.id = `cypher-target-${value}`;
    targetGroup.append(el('label', {}, [radio, ' ', text(el('span'), key)]));
  }
  const controls = el('div', { class: 'cypher-controls' }, [runButton, limitLabel]);
  const hint = text(el('p', { class: 'cypher-muted cypher-hint' }), 'runHint');

  // Named queries
  const namedSelect = el('select', { id: 'cypher-named' });
  const namedDescription = el('p', { id: 'cypher-named-description', class: 'cypher-muted' });
  const namedForm = el('form', { id: 'cypher-named-form', class: 'cypher-named-form' });
  const namedFields = el('div', { class: 'cypher-named-fields' });
  const namedRun = text(el('button', { id: 'cypher-named-run', class: 'cypher-primary' }), 'namedRun');
  namedRun.type = 'submit';
  namedRun.disabled = true;
  namedForm.append(namedFields, namedRun);
  const namedStatus = el('p', { class: 'cypher-muted', text: s('namedLoading') });
  const namedSection = el('details', { id: 'cypher-named-section', class: 'cypher-section' }, [
    text(el('summary'), 'named'),
    namedStatus,
    namedSelect,
    namedDescription,
    namedForm,
  ]);
  namedSection.open = true;

  // History
  const historyList = el('ol', { id: 'cypher-history', class: 'cypher-history' });
  const historyClear = text(el('button', { id: 'cypher-history-clear' }), 'clearHistory');
  historyClear.type = 'button';
  const historySection = el('details', { id: 'cypher-history-section', class: 'cypher-section' }, [
    text(el('summary'), 'history'),
    historyList,
    historyClear,
  ]);

  // Errors and results
  const errorTitle = el('strong', { class: 'cypher-error-title' });
  const errorCode = el('code', { class: 'cypher-error-code' });
  const errorMessage = el('pre', { class: 'cypher-error-message' });
  const errorPosition = el('p', { class: 'cypher-error-position' });
  const errorBox = el('div', { id: 'cypher-error', class: 'cypher-error' }, [
    errorTitle,
    errorCode,
    errorMessage,
    errorPosition,
  ]);
  errorBox.setAttribute('role', 'alert');
  errorBox.hidden = true;

  const summary = el('p', { id: 'cypher-summary', class: 'cypher-summary' });
  const truncated = el('p', { id: 'cypher-truncated', class: 'cypher-truncated' });
  const showAgain = text(el('button', { id: 'cypher-show' }), 'showOnCanvas');
  showAgain.type = 'button';
  const resultExport = el('select', { id: 'cypher-result-export' });
  resultExport.append(text(new Option('', ''), 'exportChoose'));
  for (const format of DATA_EXPORT_FORMATS)
    resultExport.append(text(new Option('', format), FORMAT_KEYS[format]));
  const actions = el('div', { class: 'cypher-result-actions' }, [
    showAgain,
    text(el('label', {}, [resultExport]), 'exportResult', ' '),
  ]);
  const tabTable = text(el('button', { id: 'cypher-tab-table', class: 'cypher-tab' }), 'tabTable');
  const tabJson = text(el('button', { id: 'cypher-tab-json', class: 'cypher-tab' }), 'tabJson');
  const tabs = el('div', { class: 'cypher-tabs' }, [tabTable, tabJson]);
  tabs.setAttribute('role', 'tablist');
  const tableView = el('div', { id: 'cypher-table', class: 'cypher-table-view' });
  const jsonView = el('pre', { id: 'cypher-json', class: 'cypher-json-view' });
  for (const [tab, view] of [
    [tabTable, tableView],
    [tabJson, jsonView],
  ] as const) {
    tab.type = 'button';
    tab.setAttribute('role', 'tab');
    tab.setAttribute('aria-controls', view.id);
    view.setAttribute('role', 'tabpanel');
  }
  const resultBox = el('div', { id: 'cypher-result', class: 'cypher-result' }, [
    summary,
    truncated,
    actions,
    tabs,
    tableView,
    jsonView,
  ]);
  resultBox.hidden = true;

  const panel = el('section', { id: 'cypher-panel', class: 'cypher-panel' }, [
    text(el('h2', { class: 'cypher-title' }), 'title'),
    el('div', { class: 'cypher-columns' }, [
      el('div', { class: 'cypher-input' }, [
        editorHost,
        controls,
        targetGroup,
        hint,
        namedSection,
        historySection,
      ]),
      el('div', { class: 'cypher-output' }, [errorBox, resultBox]),
    ]),
  ]);
  panel.setAttribute('aria-label', s('title'));
  container.replaceChildren(panel);

  // ---- state -------------------------------------------------------------------------------------
  let editor: QueryEditor | null = null;
  let wantsFocus = false;
  let schema: SchemaResponse | null = null;
  let lastResult: CypherResult | null = null;
  let lastTarget: Exclude<Target, 'none'> = 'replace';
  let queries: NamedQueryInfo[] = [];
  let busy = false;

  const initialQuery = loadHistory(storage)[0]?.query ?? '';
  const run = () => void runEditorQuery();

  void import('./editor.ts')
    .then(({ createQueryEditor }) =>
      createQueryEditor(editorHost, { value: initialQuery, placeholder: s('placeholder'), onRun: run }),
    )
    .catch((error: unknown) => {
      console.error('Cypher editor failed to load, using a plain text area', error);
      return textareaEditor(editorHost, initialQuery, s('placeholder'), run);
    })
    .then((created) => {
      editorHost.querySelector('.cypher-muted')?.remove();
      editor = created;
      editorHost.dataset.ready = 'true';
      if (schema) editor.setSchema(schema);
      if (wantsFocus) editor.focus();
    });

  void api.schema().then((outcome) => {
    if (!outcome.ok) {
      hint.textContent = `${s('runHint')} ${s('schemaFailed', outcome.error.error)}`;
      return;
    }
    schema = outcome.value;
    editor?.setSchema(schema);
  });

  // ---- history -----------------------------------------------------------------------------------
  function renderHistory(entries = loadHistory(storage)) {
    historyList.replaceChildren();
    if (entries.length === 0) {
      historyList.append(el('li', { class: 'cypher-muted', text: s('historyEmpty') }));
      return;
    }
    for (const entry of entries) {
      const item = el('button', { class: 'cypher-history-item', text: historyLabel(entry.query) });
      item.type = 'button';
      item.title = `${entry.query}\n\n${new Date(entry.at).toLocaleString(lang() === 'zh' ? 'zh-CN' : 'en')}`;
      item.addEventListener('click', () => {
        editor?.setValue(entry.query);
        editor?.focus();
      });
      historyList.append(el('li', {}, [item]));
    }
  }
  historyClear.addEventListener('click', () => {
    clearHistory(storage);
    renderHistory([]);
  });
  renderHistory();

  // ---- results -----------------------------------------------------------------------------------
  function selectTab(which: 'table' | 'json') {
    tabTable.setAttribute('aria-selected', String(which === 'table'));
    tabJson.setAttribute('aria-selected', String(which === 'json'));
    tableView.hidden = which !== 'table';
    jsonView.hidden = which !== 'json';
  }
  tabTable.addEventListener('click', () => selectTab('table'));
  tabJson.addEventListener('click', () => selectTab('json'));
  selectTab('table');

  const currentTarget = (): Target =>
    (panel.querySelector<HTMLInputElement>('input[name="cypher-target"]:checked')?.value as Target) ??
    'replace';

  /** What produced the last result, as a step the canvas can replay. */
  let lastRun:
    | { kind: 'cypher'; query: string; limit: number }
    | { kind: 'named'; name: string; params: Record<string, string>; limit: number }
    | null = null;
  function showOnCanvas(result: CypherResult, mode: 'merge' | 'replace') {
    if (!lastRun) return;
    const op: Extract<Op, { t: 'view' | 'cypher' }> =
      lastRun.kind === 'cypher'
        ? { t: 'cypher', query: lastRun.query, params: {}, limit: lastRun.limit, mode }
        : { t: 'view', name: lastRun.name, params: lastRun.params, mode };
    try {
      host.showResult(op, result);
    } catch (error) {
      console.error('showResult failed', error);
    }
  }

  function showResult(result: CypherResult) {
    lastResult = result;
    errorBox.hidden = true;
    resultBox.hidden = false;
    showResultText(result);
    const empty =
      lastRun?.kind === 'named'
        ? s(
            'noRowsNamed',
            Object.entries(lastRun.params)
              .map(([k, v]) => `${k} = ${v}`)
              .join(', ') || '—',
          )
        : s('noRows');
    renderTable(tableView, tableData(result), empty);
    jsonView.textContent = JSON.stringify(rowsAsRecords(result), null, 2);
    const hasGraph = result.graph.nodes.length > 0;
    showAgain.hidden = !hasGraph;
    resultExport.disabled = !hasGraph;
    const target = currentTarget();
    if (target !== 'none') lastTarget = target;
    if (hasGraph && target !== 'none') showOnCanvas(result, target);
  }

  function showResultText(result: CypherResult) {
    summary.textContent = s(
      'summary',
      result.rows.length,
      result.graph.nodes.length,
      result.graph.edges.length,
      Math.round(result.elapsedMs),
    );
    truncated.hidden = !result.truncated;
    truncated.textContent = !result.truncated
      ? ''
      : result.rowTotal === undefined
        ? s('truncated', result.rows.length)
        : s(
            result.rowTotalExact ? 'truncatedOf' : 'truncatedOfMore',
            result.rows.length.toLocaleString(),
            result.rowTotal.toLocaleString(),
          );
  }

  function showError(outcome: Extract<Outcome<unknown>, { ok: false }>, query: string | null) {
    const { status, error } = outcome;
    resultBox.hidden = true;
    errorBox.hidden = false;
    const kind = errorKind(status, error);
    errorBox.dataset.kind = kind;
    errorTitle.textContent = s(
      kind === 'syntax'
        ? 'syntaxTitle'
        : kind === 'refused'
          ? 'refusedTitle'
          : kind === 'unavailable'
            ? 'unavailableTitle'
            : 'errorTitle',
    );
    errorCode.textContent = error.code ?? '';
    errorCode.hidden = !error.code;
    errorMessage.textContent = error.error;
    const range = query !== null ? errorRange(query, error) : null;
    const position: ApiErrorBody['position'] =
      error.position ??
      (range ? { line: range.line, column: range.column, offset: range.offset } : undefined);
    if (position) {
      errorPosition.hidden = false;
      errorPosition.textContent = s('position', position.line, position.column, position.offset);
      errorPosition.dataset.line = String(position.line);
      errorPosition.dataset.column = String(position.column);
      errorPosition.dataset.offset = String(position.offset);
    } else {
      errorPosition.hidden = true;
      errorPosition.textContent = '';
    }
    editor?.markError(range);
  }

  function readLimit(): number {
    const value = Math.trunc(Number(limitInput.value));
    const limit = Number.isFinite(value) && value >= 1 ? Math.min(value, MAX_LIMIT) : DEFAULT_LIMIT;
    limitInput.value = String(limit);
    return limit;
  }

  async function withBusy(work: () => Promise<void>) {
    if (busy) return;
    busy = true;
    panel.dataset.busy = 'true';
    runButton.disabled = true;
    namedRun.disabled = true;
    runButton.textContent = s('running');
    try {
      await work();
    } finally {
      busy = false;
      delete panel.dataset.busy;
      runButton.disabled = false;
      namedRun.disabled = namedSelect.value === '';
      runButton.textContent = s('run');
    }
  }

  async function runEditorQuery() {
    if (!editor) return;
    const query = editor.getValue();
    if (!query.trim()) return;
    await withBusy(async () => {
      editor?.markError(null);
      renderHistory(pushHistory(storage, query));
      const limit = readLimit();
      lastRun = { kind: 'cypher', query, limit };
      const outcome = await api.runCypher({ query, limit });
      if (outcome.ok) showResult(outcome.value);
      else showError(outcome, query);
    });
  }
  runButton.addEventListener('click', run);

  showAgain.addEventListener('click', () => {
    if (lastResult) showOnCanvas(lastResult, lastTarget);
  });
  resultExport.addEventListener('change', () => {
    const format = resultExport.value as DataExportFormat | '';
    resultExport.value = '';
    if (!format || !lastResult) return;
    void exportPayload(format, resultToPayload(lastResult.graph)).catch((error: unknown) => {
      showError({ ok: false, status: 500, error: { error: s('exportFailed', String(error)) } }, null);
    });
  });

  // ---- named queries -----------------------------------------------------------------------------
  function renderNamedForm() {
    const query = queries.find((q) => q.name === namedSelect.value);
    namedFields.replaceChildren();
    namedDescription.textContent = query ? descriptionOf(query) : '';
    namedRun.disabled = !query || busy;
    if (!query) return;
    if (query.params.length === 0)
      namedFields.append(el('p', { class: 'cypher-muted', text: s('namedNone') }));
    for (const param of query.params) {
      const spec = inputFor(param);
      const input = el('input', { id: `cypher-param-${param.name}` });
      input.name = param.name;
      input.type = spec.type;
      if (spec.step) input.step = spec.step;
      if (spec.type === 'checkbox') input.checked = !!spec.checked;
      else input.value = spec.value;
      input.dataset.paramType = param.type;
      if (spec.pattern) input.pattern = spec.pattern;
      if (spec.required) input.required = true;
      const error = el('small', { class: 'cypher-param-error', attrs: { 'data-error-for': param.name } });
      error.hidden = true;
      const label = el('label', { class: 'cypher-param' }, [el('span', { text: param.name }), input, error]);
      if (param.description) {
        label.title = param.description;
        label.append(el('small', { class: 'cypher-muted', text: param.description }));
      }
      namedFields.append(label);
    }
  }
  namedSelect.addEventListener('change', renderNamedForm);

  namedForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = queries.find((q) => q.name === namedSelect.value);
    if (!query) return;
    const read = (name: string) => {
      const input = namedFields.querySelector<HTMLInputElement>(`input[name="${CSS.escape(name)}"]`);
      if (!input) return undefined;
      return input.type === 'checkbox' ? input.checked : input.value;
    };
    // Each field says what is wrong with it; nothing is sent until all are right.
    let valid = true;
    for (const param of query.params) {
      const problem = paramProblem(param, read(param.name));
      const box = namedFields.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(param.name)}"]`);
      const input = namedFields.querySelector<HTMLInputElement>(`input[name="${CSS.escape(param.name)}"]`);
      if (box) {
        box.hidden = !problem;
        box.textContent = problem ? s(problem, param.name) : '';
      }
      input?.setAttribute('aria-invalid', String(!!problem));
      if (problem) valid = false;
    }
    if (!valid) return;
    const params = formParams(query.params, read);
    void withBusy(async () => {
      editor?.markError(null);
      const limit = readLimit();
      lastRun = { kind: 'named', name: query.name, params, limit };
      const outcome = await api.runNamed(query.name, { params, limit });
      if (outcome.ok) showResult(outcome.value);
      else showError(outcome, null);
    });
  });

  void api.queries().then((outcome) => {
    if (!outcome.ok) {
      namedStatus.textContent = s('namedFailed', outcome.error.error);
      return;
    }
    namedStatus.remove();
    queries = outcome.value.queries;
    namedSelect.replaceChildren(new Option(s('namedChoose'), ''));
    for (const query of queries)
      namedSelect.append(new Option(`${titleOf(query)} (${query.name})`, query.name));
    renderNamedForm();
  });

  const titleOf = (query: NamedQueryInfo) => (lang() === 'zh' && query.zh?.title) || query.title;
  const descriptionOf = (query: NamedQueryInfo) =>
    (lang() === 'zh' && query.zh?.description) || query.description;
  const relabel = () => {
    for (const apply of relabels) apply();
    const chosen = namedSelect.value;
    if (queries.length) {
      namedSelect.replaceChildren(new Option(s('namedChoose'), ''));
      for (const query of queries)
        namedSelect.append(new Option(`${titleOf(query)} (${query.name})`, query.name));
      namedSelect.value = chosen;
      namedDescription.textContent = queries.find((q) => q.name === chosen)
        ? descriptionOf(queries.find((q) => q.name === chosen)!)
        : '';
    }
    panel.setAttribute('aria-label', s('title'));
    renderHistory();
    if (lastResult && !resultBox.hidden) showResultText(lastResult);
  };
  new MutationObserver(relabel).observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['lang'],
  });

  return {
    focus() {
      wantsFocus = true;
      editor?.focus();
    },
  };
}
