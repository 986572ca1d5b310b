/** What every story file shares: a mock backend of its own per story, and a REST adapter to it. */
import { createMockBackend, type MockBackend, type MockBackendOptions } from '../mocks/index.js';
import { createRestAdapter } from '../src/adapter/rest-adapter.js';
import type { SecureMessagesAdapter } from '../src/adapter/adapter.js';
import { liveFor } from '../src/controllers/live.js';
import manifest from '../custom-elements.json';
import { getLocale } from '../src/localization/index.js';
import englishXliff from '../xliff/en.xlf?raw';

export const BASE_URL = '/api/secure-messages/v1';
/** A fixed "now", so every story shows the same dates. */
export const STORY_NOW = new Date('2026-03-02T09:00:00Z');

/**
 * A story's `beforeEach` for what an element counts from the browser's clock (Väntar sedan):
 * `Date.now` reads STORY_NOW, plus the time elapsed since, while the story is shown, so the
 * story and its visual baselines look the same on any day. The returned cleanup restores it.
 */
export function atStoryNow(): () => void {
  const realNow = Date.now;
  const offset = STORY_NOW.getTime() - realNow();
  Date.now = () => realNow() + offset;
  return () => {
    Date.now = realNow;
  };
}

/** A deterministic mock backend; `setUp` may switch users or add faults. */
export function storyBackend(
  options: MockBackendOptions = {},
  setUp?: (backend: MockBackend) => void,
): MockBackend {
  const backend = createMockBackend({ seed: 7, size: 60, now: STORY_NOW, ...options });
  setUp?.(backend);
  return backend;
}

/** A new adapter per render, so no story shares in-memory state with another. */
export function storyAdapter(): SecureMessagesAdapter {
  return createRestAdapter({ baseUrl: BASE_URL });
}

/* ------------------------------------------------------------------------------------------------
 * Design tokens, read from custom-elements.json (the analyzer's output), so Controls, the Design
 * tokens page and the Theming story list exactly what the elements document.
 * ---------------------------------------------------------------------------------------------- */

export interface Token {
  name: string;
  default: string;
  description: string;
  /** The elements that declare it, with their parts. */
  elements: { tag: string; parts: string[] }[];
}

interface ManifestDeclaration {
  tagName?: string;
  cssProperties?: { name: string; default?: string; description?: string }[];
  cssParts?: { name: string }[];
}

function declarations(): ManifestDeclaration[] {
  return (manifest as { modules: { declarations?: ManifestDeclaration[] }[] }).modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName)
    .sort((a, b) => a.tagName!.localeCompare(b.tagName!));
}

/**
 * Every `--secure-*` custom property of every element, elements by tag name: the analyzer lists
 * modules in the order the file system gives them, which differs between machines.
 */
export function designTokens(): Token[] {
  const tokens = new Map<string, Token>();
  for (const d of declarations()) {
    for (const p of d.cssProperties ?? []) {
      const token = tokens.get(p.name) ?? {
        name: p.name,
        default: p.default ?? '',
        description: p.description ?? '',
        elements: [],
      };
      token.elements.push({ tag: d.tagName!, parts: (d.cssParts ?? []).map((part) => part.name) });
      tokens.set(p.name, token);
    }
  }
  return [...tokens.values()];
}

/** What kind of sample shows a token: a colour swatch, a corner, a font or a size. */
export function tokenKind(name: string): 'color' | 'radius' | 'font' | 'size' | 'other' {
  if (/color|background/.test(name)) return 'color';
  if (/radius/.test(name)) return 'radius';
  if (/font-family/.test(name)) return 'font';
  if (/font-size/.test(name)) return 'size';
  return 'other';
}

/**
 * Controls for an element's tokens: a colour picker for colours, text for the rest; unset by default,
 * so the element's own default applies until a designer picks a value.
 */
export function tokenArgTypes(tags: string[]): Record<string, object> {
  const argTypes: Record<string, object> = {};
  for (const token of designTokens()) {
    if (!token.elements.some((e) => tags.includes(e.tag))) continue;
    argTypes[token.name] = {
      name: token.name,
      description: token.description,
      control: tokenKind(token.name) === 'color' ? { type: 'color' } : { type: 'text' },
      table: { category: 'css custom properties', defaultValue: { summary: token.default } },
    };
  }
  return argTypes;
}

/* ------------------------------------------------------------------------------------------------
 * Finding controls as a user does, by role and accessible name, through the elements' shadow roots
 * (Testing Library's queries stop at a shadow root). A small subset of the ARIA rules, enough for
 * the controls these elements render.
 * ---------------------------------------------------------------------------------------------- */

/** Every element under `root`, shadow roots included, in document order. */
function* everyElement(root: ParentNode): Generator<Element> {
  for (const el of root.querySelectorAll('*')) {
    yield el;
    if (el.shadowRoot) yield* everyElement(el.shadowRoot);
  }
}

function implicitRole(el: Element): string | undefined {
  const explicit = el.getAttribute('role');
  if (explicit) return explicit.split(' ')[0];
  const tag = el.localName;
  if (tag === 'button') return 'button';
  if (tag === 'a' && el.hasAttribute('href')) return 'link';
  if (tag === 'select') return 'combobox';
  if (tag === 'textarea') return 'textbox';
  if (tag === 'dialog') return 'dialog';
  if (tag === 'progress') return 'progressbar';
  if (/^h[1-6]$/.test(tag)) return 'heading';
  if (tag === 'input') {
    const type = (el as HTMLInputElement).type;
    if (type === 'checkbox' || type === 'radio') return type;
    if (['button', 'submit', 'reset'].includes(type)) return 'button';
    // A text field with suggestions (a datalist) is a combobox.
    return el.hasAttribute('list') ? 'combobox' : 'textbox';
  }
  return undefined;
}

/** Text as read: aria-hidden subtrees left out. */
function readText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof Element && node.getAttribute('aria-hidden') === 'true') return '';
  return [...node.childNodes].map(readText).join('');
}

export function accessibleName(el: Element): string {
  const clean = (s: string) => s.replace(/\s+/g, ' ').trim();
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = el.getRootNode() as Document | ShadowRoot;
    return clean(
      labelledBy
        .split(/\s+/)
        .map((id) => root.getElementById(id))
        .map((l) => (l ? readText(l) : ''))
        .join(' '),
    );
  }
  const label = el.getAttribute('aria-label');
  if (label) return clean(label);
  const labels = (el as HTMLInputElement).labels;
  if (labels && labels.length > 0) return clean([...labels].map(readText).join(' '));
  return clean(readText(el));
}

function visible(el: Element): boolean {
  return el.getClientRects().length > 0;
}

let english: Map<string, string> | undefined;
/**
 * A Swedish UI text in the active locale, from the English translations in xliff/en.xlf: the play
 * functions find controls by their names in whichever language the toolbar shows.
 */
export function tr(swedish: string): string {
  if (getLocale() !== 'en') return swedish;
  if (!english) {
    english = new Map();
    const doc = new DOMParser().parseFromString(englishXliff, 'application/xml');
    for (const unit of doc.querySelectorAll('trans-unit')) {
      const source = unit.querySelector('source')?.textContent;
      const target = unit.querySelector('target')?.textContent;
      if (source && target && !english.has(source)) english.set(source, target);
    }
  }
  return english.get(swedish) ?? swedish;
}

/** A name that starts with this Swedish text (in the active locale): labels with a hint after them. */
export function startingWith(swedish: string): RegExp {
  return new RegExp(`^${tr(swedish).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
}

function describe(role: string, name: string | RegExp): string {
  return `${role} "${String(name)}"`;
}

/** Waits (up to 6 s) for a visible element with this role and accessible name. */
export async function findByRole<T extends HTMLElement = HTMLElement>(
  root: ParentNode,
  role: string,
  name: string | RegExp,
): Promise<T> {
  const wanted = typeof name === 'string' ? tr(name) : name;
  const matches = (el: Element) => {
    if (implicitRole(el) !== role || !visible(el)) return false;
    const actual = accessibleName(el);
    return typeof wanted === 'string' ? actual === wanted : wanted.test(actual);
  };
  for (let i = 0; i < 120; i++) {
    for (const el of everyElement(root)) if (matches(el)) return el as T;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`No visible ${describe(role, name)} in the story`);
}

/**
 * Waits (up to 6 s) for a visible element (of this role) whose text matches; a string is a Swedish
 * UI text, looked for in the active locale.
 */
export async function findByText<T extends HTMLElement = HTMLElement>(
  root: ParentNode,
  wanted: string | RegExp,
  role?: string,
): Promise<T> {
  const text =
    typeof wanted === 'string' ? new RegExp(tr(wanted).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) : wanted;
  for (let i = 0; i < 120; i++) {
    for (const el of everyElement(root)) {
      if (role !== undefined && implicitRole(el) !== role) continue;
      if (!visible(el) || !text.test(readText(el).replace(/\s+/g, ' '))) continue;
      // The innermost match, unless a role was asked for.
      if (role === undefined && [...el.children].some((c) => text.test(readText(c).replace(/\s+/g, ' '))))
        continue;
      return el as T;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`No visible ${role ?? 'element'} with text ${String(text)} in the story`);
}

/**
 * The value (`dd`) of a term (`dt`, a Swedish UI text looked for in the active locale) in a
 * description list of the story, as read; undefined while there is none.
 */
export function detailOf(root: ParentNode, term: string): string | undefined {
  const clean = (el: Element) => readText(el).replace(/\s+/g, ' ').trim();
  for (const el of everyElement(root)) {
    if (el.localName !== 'dt' || !visible(el) || clean(el) !== tr(term)) continue;
    const value = el.nextElementSibling;
    if (value?.localName === 'dd') return clean(value);
  }
  return undefined;
}

/**
 * Waits (up to 10 s) until the live stream (`GET /events`) of the element's adapter is healthy, so
 * that a change made now in the story's mock backend reaches the element over the stream.
 */
export async function streamLive(el: { adapter?: SecureMessagesAdapter | undefined }): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (el.adapter && liveFor(el.adapter).live) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('The live stream of the story did not become healthy');
}

/** The element that has focus, through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * Pastes text into a field as the clipboard does: focus, the new value, one `input` event of type
 * insertFromPaste. (Testing Library's user-event loses text typed into fields inside shadow roots.)
 */
export async function paste(field: HTMLInputElement | HTMLTextAreaElement, text: string): Promise<void> {
  field.focus();
  field.value = text;
  field.dispatchEvent(
    new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste', data: text }),
  );
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
}

const TABBABLE = 'a[href], button, input, select, textarea, [tabindex]';

/**
 * Tab pressed in a field inside a shadow root, after typing into it, as the browser handles it: the
 * field fires `change` (its value changed since it got focus) and the focus moves to the next
 * control of its shadow root. (user-event's Tab does neither there: it moves the focus among the
 * document's own elements, and fires `change` from a listener on the document, where the event's
 * target is the shadow host, not the field.)
 */
export async function tabOut(field: HTMLInputElement | HTMLTextAreaElement): Promise<void> {
  const key = { key: 'Tab', code: 'Tab', bubbles: true, composed: true, cancelable: true };
  if (!field.dispatchEvent(new KeyboardEvent('keydown', key))) return;
  field.dispatchEvent(new Event('change', { bubbles: true }));
  const next = [...(field.getRootNode() as ParentNode).querySelectorAll<HTMLElement>(TABBABLE)].find(
    (el) =>
      field.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING &&
      el.tabIndex >= 0 &&
      !el.matches(':disabled') &&
      visible(el),
  );
  if (next) next.focus();
  else field.blur();
  await new Promise((r) => requestAnimationFrame(() => r(undefined)));
}

/** The text of one column's cells (`td.<column>`) in every row of the list, without the stacked label. */
export function rowValues(root: ParentNode, column: string): string[] {
  return [...everyElement(root)]
    .filter((el) => el.localName === 'td' && el.classList.contains(column))
    .map((el) => readText(el).replace(/\s+/g, ' ').trim());
}
