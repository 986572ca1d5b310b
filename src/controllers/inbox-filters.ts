import type { ReactiveControllerHost } from 'lit';
import { validateFilters, type FilterField } from '../domain/filters.js';
import type { ConversationFilters } from '../domain/query.js';
import type { ValidationProblem } from '../domain/validators.js';
import { cloneFilters } from './inbox-query.js';

/** What the inbox's filters need from its element. */
export interface InboxHost extends ReactiveControllerHost {
  /** Milliseconds between the last keystroke in a text filter and the search. */
  readonly debounce: number;
}

/**
 * The inbox's filters as the user edits them: the draft, why a field is not accepted, and when the
 * draft is applied — at once, or after the host's debounce while typing. Only a valid draft
 * reaches `apply`.
 */
export class InboxFilters {
  /** The filters as the user is typing them; applied after validation. */
  draft: ConversationFilters;
  /** Why each invalid field is not accepted (from the last attempt to apply); the element words it. */
  errors: Partial<Record<FilterField, ValidationProblem>> = {};

  readonly #host: InboxHost;
  readonly #apply: (filters: ConversationFilters) => void;
  #timer: ReturnType<typeof setTimeout> | undefined = undefined;

  constructor(host: InboxHost, filters: ConversationFilters, apply: (filters: ConversationFilters) => void) {
    this.#host = host;
    this.draft = cloneFilters(filters);
    this.#apply = apply;
  }

  /** `debounced` (typing) applies the patched draft after the host's debounce; `now` (Enter, a select or checkbox) at once. */
  edit(patch: Partial<ConversationFilters>, when: 'debounced' | 'now'): void {
    this.draft = { ...this.draft, ...patch };
    if (patch.statuses) this.draft.statuses = [...patch.statuses];
    this.cancel();
    if (when === 'now') {
      this.apply();
      return;
    }
    this.#host.requestUpdate();
    this.#timer = setTimeout(() => this.apply(), Math.max(0, this.#host.debounce));
  }

  /** Validates the draft and applies it when valid; false when invalid (nothing is sent then). */
  apply(): boolean {
    this.cancel();
    this.errors = validateFilters(this.draft);
    this.#host.requestUpdate();
    if (Object.keys(this.errors).length > 0) return false;
    this.#apply(cloneFilters(this.draft));
    return true;
  }

  /** The draft becomes these filters, with their errors; true when they are valid. Applies nothing. */
  replace(filters: ConversationFilters): boolean {
    this.cancel();
    this.draft = cloneFilters(filters);
    this.errors = validateFilters(this.draft);
    return Object.keys(this.errors).length === 0;
  }

  /** A pending debounced apply no longer happens. */
  cancel(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
