// The toolbar: undo/redo, fit, layouts, node size, export, the Cypher drawer and the language switch.
import type { SizeMode } from '../graph/derive.ts';
import type { ColorMode } from '../state/store.ts';
import { s as words } from '../tables/strings.ts';
import type { ViewExportFormat } from '../export/export.ts';
import { t } from '../i18n.ts';
import { button, el } from './dom.ts';

export const EXPORT_FORMATS: ViewExportFormat[] = ['png', 'svg', 'gexf', 'graphml', 'json', 'csv', 'cypher'];

export interface ToolbarActions {
  undo(): void;
  redo(): void;
  overview(): void;
  latest(): void;
  fit(): void;
  toggleFa2(): void;
  noverlap(): void;
  circular(): void;
  size(mode: SizeMode): void;
  color(mode: ColorMode): void;
  /** The map layout (places at their coordinates). */
  map(): void;
  exportAs(format: ViewExportFormat): void;
  toggleCypher(): void;
  toggleLang(): void;
}

export function mountToolbar(container: HTMLElement, actions: ToolbarActions) {
  const undo = button('', actions.undo, { class: 'btn icon', testid: 'undo' });
  const redo = button('', actions.redo, { class: 'btn icon', testid: 'redo' });
  const overview = button('', actions.overview, { testid: 'overview' });
  const latest = button('', actions.latest, { testid: 'latest' });
  const fit = button('', actions.fit, { testid: 'fit' });
  const fa2 = button('', actions.toggleFa2, { testid: 'fa2' });
  const noverlap = button('', actions.noverlap, { testid: 'noverlap' });
  const circular = button('', actions.circular, { testid: 'circular' });
  const map = button('', actions.map, { testid: 'map' });
  const color = el('select', { class: 'select', attrs: { 'data-testid': 'color', 'aria-label': 'colour' } });
  color.addEventListener('change', () => actions.color(color.value as ColorMode));
  const size = el('select', { class: 'select', attrs: { 'data-testid': 'size', 'aria-label': 'size' } });
  size.addEventListener('change', () => actions.size(size.value as SizeMode));
  const exportSelect = el('select', {
    class: 'select',
    attrs: { 'data-testid': 'export', 'aria-label': 'export' },
  });
  exportSelect.addEventListener('change', () => {
    const format = exportSelect.value as ViewExportFormat | '';
    exportSelect.value = '';
    if (format) actions.exportAs(format);
  });
  const cypher = button('', actions.toggleCypher, { testid: 'cypher-toggle' });
  const lang = button('', actions.toggleLang, { class: 'btn lang', testid: 'lang' });
  const group = (...children: HTMLElement[]) => el('div', { class: 'group' }, children);
  container.replaceChildren(
    group(undo, redo),
    group(overview, latest, fit),
    group(fa2, noverlap, circular, map),
    group(size, color),
    group(exportSelect, cypher),
    lang,
  );

  let state = {
    canUndo: false,
    canRedo: false,
    fa2: false,
    size: 'degree' as SizeMode,
    color: 'kind' as ColorMode,
    cypherOpen: false,
  };
  const render = () => {
    undo.textContent = '↶';
    undo.title = `${t('undo')} (Ctrl+Z)`;
    undo.disabled = !state.canUndo;
    redo.textContent = '↷';
    redo.title = `${t('redo')} (Ctrl+Shift+Z)`;
    redo.disabled = !state.canRedo;
    overview.textContent = t('overview');
    latest.textContent = t('latest');
    fit.textContent = t('fit');
    fit.title = `${t('fit')} (F)`;
    fa2.textContent = state.fa2 ? `■ ${t('fa2Stop')}` : `▶ ${t('fa2Start')}`;
    fa2.classList.toggle('on', state.fa2);
    noverlap.textContent = t('noverlap');
    circular.textContent = t('circular');
    size.replaceChildren(
      ...(['degree', 'pagerank'] as const).map((mode) =>
        el('option', { text: `${t('sizeBy')}: ${t(mode)}`, attrs: { value: mode } }),
      ),
    );
    size.value = state.size;
    map.textContent = words('mapLayout');
    color.replaceChildren(
      ...(
        [
          ['kind', 'colorKind'],
          ['community', 'colorCommunity'],
          ['visits', 'colorVisits'],
        ] as const
      ).map(([mode, key]) =>
        el('option', { text: `${words('colorBy')}: ${words(key)}`, attrs: { value: mode } }),
      ),
    );
    color.value = state.color;
    exportSelect.replaceChildren(
      el('option', { text: `${t('export')} ▾`, attrs: { value: '' } }),
      ...EXPORT_FORMATS.map((f) => el('option', { text: f.toUpperCase(), attrs: { value: f } })),
    );
    cypher.textContent = t('cypher');
    cypher.classList.toggle('on', state.cypherOpen);
    lang.textContent = t('language');
  };
  render();
  return {
    update(next: Partial<typeof state>) {
      state = { ...state, ...next };
      render();
    },
    relabel: render,
  };
}
