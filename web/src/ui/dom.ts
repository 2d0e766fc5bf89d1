// Tiny DOM helpers. Text goes in as text nodes only (never innerHTML): news text is shown, never run.
type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: {
    id?: string;
    class?: string;
    text?: string;
    title?: string;
    attrs?: Record<string, string>;
    onclick?: (e: MouseEvent) => void;
  } = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.id) node.id = props.id;
  if (props.class) node.className = props.class;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.title) node.title = props.title;
  for (const [k, v] of Object.entries(props.attrs ?? {})) node.setAttribute(k, v);
  if (props.onclick) node.addEventListener('click', props.onclick as EventListener);
  for (const child of children) if (child) node.append(child);
  return node;
}

export function button(
  text: string,
  onclick: () => void,
  options: { class?: string; title?: string; testid?: string } = {},
) {
  return el('button', {
    class: options.class ?? 'btn',
    text,
    title: options.title,
    attrs: { type: 'button', ...(options.testid ? { 'data-testid': options.testid } : {}) },
    onclick: () => onclick(),
  });
}

export function swatch(color: string) {
  const dot = el('span', { class: 'swatch' });
  dot.style.background = color;
  return dot;
}

/** The text with every occurrence of the terms wrapped in <mark>, built from text nodes. */
export function highlighted(text: string, terms: string[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  const wanted = [...new Set(terms.filter((term) => term.length > 0))].sort((a, b) => b.length - a.length);
  let i = 0;
  let plain = '';
  while (i < text.length) {
    const term = wanted.find((w) => text.startsWith(w, i));
    if (term) {
      if (plain) fragment.append(plain);
      plain = '';
      fragment.append(el('mark', { text: term }));
      i += term.length;
    } else {
      plain += text[i];
      i += 1;
    }
  }
  if (plain) fragment.append(plain);
  return fragment;
}
