/**
 * Finding controls the way a user does — by role and accessible name — inside an element's shadow
 * root. Shared by every element test.
 */

export function root(el: Element): ShadowRoot {
  if (!el.shadowRoot) throw new Error('no shadow root');
  return el.shadowRoot;
}

/** Text as a screen reader reads it: leaves out aria-hidden parts, keeps visually hidden text. */
export function spokenText(node: Node): string {
  let text = '';
  for (const child of node.childNodes) {
    if (child.nodeType === Node.TEXT_NODE) text += child.textContent ?? '';
    else if (child instanceof Element && child.getAttribute('aria-hidden') !== 'true')
      text += spokenText(child);
  }
  return text;
}

/**
 * A table cell's value as a sighted user reads it beside its column header: without the column's
 * name that the cell repeats for narrow screens (`.cell-label`, shown only when rows stack).
 */
export function cellText(cell: Element): string {
  return [...cell.childNodes]
    .filter((n) => n.nodeType !== Node.COMMENT_NODE)
    .filter((n) => !(n instanceof Element && n.classList.contains('cell-label')))
    .map((n) => n.textContent ?? '')
    .join('');
}

/**
 * Text as a reader sees it: white space collapsed, and without the invisible bidi isolates
 * (U+2068, U+2069) that keep names from reordering the sentences they are in.
 */
export function normalise(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/[\u2068\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The button whose accessible name is `name` (exactly, after normalising white space). */
export function button(el: Element, name: string): HTMLButtonElement {
  const found = [...root(el).querySelectorAll('button')].find(
    (b) => normalise(b.getAttribute('aria-label') ?? spokenText(b)) === name,
  );
  if (!found) throw new Error(`no button named "${name}"`);
  return found;
}

/** The link (an `<a href>`) whose accessible name is `name` (exactly, after normalising white space). */
export function link(el: Element, name: string): HTMLAnchorElement {
  const found = [...root(el).querySelectorAll<HTMLAnchorElement>('a[href]')].find(
    (a) => normalise(a.getAttribute('aria-label') ?? spokenText(a)) === name,
  );
  if (!found) throw new Error(`no link named "${name}"`);
  return found;
}

export function hasButton(el: Element, name: string): boolean {
  return [...root(el).querySelectorAll('button')].some((b) => normalise(spokenText(b)) === name);
}

/** The form control labelled `label` (by <label for> or by a wrapping <label>). */
export function field<T extends HTMLElement = HTMLInputElement>(el: Element, label: string): T {
  for (const l of root(el).querySelectorAll('label')) {
    if (normalise(spokenText(l)) !== label) continue;
    const control = l.htmlFor
      ? root(el).getElementById(l.htmlFor)
      : l.querySelector('input, select, textarea');
    if (control) return control as T;
  }
  throw new Error(`no field labelled "${label}"`);
}

/** The texts an element's aria-describedby points to. */
export function description(el: Element, control: HTMLElement): string {
  const ids = (control.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean);
  return ids
    .map((id) => root(el).getElementById(id))
    .map((node) => (node ? normalise(spokenText(node)) : ''))
    .join(' ');
}
