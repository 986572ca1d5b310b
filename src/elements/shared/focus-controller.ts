import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Moves focus inside an element after it has rendered: the confirmation after sending, the
 * error summary after a failed check, the view after navigating. Asked for with `after(target)`;
 * the host's next update (the first one for which `ready()` holds) focuses it. A later request
 * replaces an earlier one; a target that is not there or not focusable is left alone.
 */
export class FocusAfterUpdate implements ReactiveController {
  readonly #host: ReactiveElement;
  /** An id, or a selector starting with `.` or `[`. */
  #target: string | undefined = undefined;
  #ready: () => boolean = () => true;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  /** Focuses `target` (an id, or a class or attribute selector) once the host has updated; undefined cancels. */
  after(target: string | undefined, ready: () => boolean = () => true): void {
    this.#target = target;
    this.#ready = ready;
    this.#host.requestUpdate();
  }

  hostUpdated(): void {
    const target = this.#target;
    if (target === undefined || !this.#ready()) return;
    this.#target = undefined;
    const selector = /^[.[]/.test(target) ? target : `#${target}`;
    this.#host.renderRoot.querySelector<HTMLElement>(selector)?.focus();
  }
}
