// Builds DOM with textContent only: every value shown (portal names, emails, snippets) is text,
// never parsed as HTML.

/** An element with attributes and children (strings become text nodes). */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value != null) element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/** Replaces what the app shows. */
export function show(...nodes) {
  document.getElementById('app').replaceChildren(...nodes);
}

/** A labelled input, its label tied to it by id. */
export function field(id, label, attributes) {
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('input', { id, name: id, ...attributes }));
}
