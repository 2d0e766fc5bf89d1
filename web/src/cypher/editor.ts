// The Cypher editor: Neo4j's CodeMirror 6 integration (@neo4j-cypher/codemirror: highlighting, and
// autocompletion of labels, relationship types and property keys from the live schema), plus an
// underline at the position of a Neo4j error. Loaded on demand by the panel (it brings an ANTLR parser).
// Note: the `codemirror` package installed is 6.65.7, which despite its number is CodeMirror 5; the
// CodeMirror 6 packages come in through @neo4j-cypher/codemirror (@codemirror/state, @codemirror/view).
import { createCypherEditor, type EditorApi } from '@neo4j-cypher/codemirror';
import '@neo4j-cypher/codemirror/css/cypher-codemirror.css';
import { StateEffect, StateField, type Range } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';
import type { SchemaResponse } from '../../contract.ts';

export interface QueryEditor {
  getValue(): string;
  setValue(text: string): void;
  focus(): void;
  /** Underlines [from, to) and puts the cursor there; null removes the mark. */
  markError(range: { from: number; to: number } | null): void;
  setSchema(schema: SchemaResponse, parameters?: string[]): void;
  destroy(): void;
}

const setErrorMark = StateEffect.define<{ from: number; to: number } | null>();
const errorMark = Decoration.mark({ class: 'cypher-error-mark', attributes: { 'data-cypher-error': '' } });

const errorField = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(marks, transaction) {
    // Editing the query makes the old position meaningless.
    let next = transaction.docChanged ? Decoration.none : marks.map(transaction.changes);
    for (const effect of transaction.effects) {
      if (!effect.is(setErrorMark)) continue;
      const ranges: Range<Decoration>[] = [];
      const length = transaction.state.doc.length;
      if (effect.value && length > 0) {
        const from = Math.max(0, Math.min(effect.value.from, length - 1));
        const to = Math.max(from + 1, Math.min(effect.value.to, length));
        ranges.push(errorMark.range(from, to));
      }
      next = Decoration.set(ranges);
    }
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

/** Neo4j Browser's convention for the completion lists: `:Label`, `:TYPE`, `$param`. */
export function editorSchema(schema: SchemaResponse, parameters: string[] = []) {
  return {
    labels: schema.labels.map((label) => `:${label}`),
    relationshipTypes: schema.relationshipTypes.map((type) => `:${type}`),
    propertyKeys: [...schema.propertyKeys],
    parameters: parameters.map((name) => `$${name}`),
  };
}

export function createQueryEditor(
  parent: HTMLElement,
  options: { value: string; placeholder: string; onRun(): void },
): QueryEditor {
  const created: EditorApi | { editor: EditorApi } = createCypherEditor(parent, {
    value: options.value,
    placeholder: options.placeholder,
    autofocus: false,
    lineWrapping: true,
    lineNumbers: true,
    lineNumberFormatter: (line) => String(line),
    theme: 'light',
    postExtensions: [errorField],
  });
  // Its typings say it returns the editor API; version 1.0.3 returns { editor } around it.
  const api: EditorApi =
    'editor' in created ? (created as { editor: EditorApi }).editor : (created as EditorApi);
  api.onKeyDown((event) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      options.onRun();
    }
  });
  const view = api.codemirror;
  return {
    getValue: () => view.state.doc.toString(),
    setValue(text) {
      api.setValue(text);
    },
    focus: () => api.focus(),
    markError(range) {
      if (!range) {
        view.dispatch({ effects: setErrorMark.of(null) });
        return;
      }
      const length = view.state.doc.length;
      const anchor = Math.max(0, Math.min(range.from, length));
      view.dispatch({
        effects: [setErrorMark.of(range), EditorView.scrollIntoView(anchor, { y: 'center' })],
        selection: { anchor },
      });
    },
    setSchema(schema, parameters) {
      api.setSchema(editorSchema(schema, parameters));
    },
    destroy: () => api.destroy(),
  };
}
