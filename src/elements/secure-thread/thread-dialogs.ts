import type { ReactiveControllerHost } from 'lit';
import type { Conversation, UserRef } from '../../domain/index.js';
import { CLOSE_DIALOG_ID, CLOSE_ID, TAKE_OVER_DIALOG_ID, TAKE_OVER_ID } from './thread-actions.js';

export type ConfirmedAction = 'take-over' | 'close';

/**
 * The modal confirmations of Jag tar över ärendet and Markera konversation som avslutad. A dialog
 * remembers the version (and the assignee) the user saw when opening it, so the action is sent
 * with that version and a change meanwhile is a conflict, not a silent overwrite. Focus starts on
 * Avbryt and returns to the button that opened the dialog.
 */
export class ConfirmDialogs {
  /** The assignee as the user saw it when opening Jag tar över ärendet. */
  takeOverFrom: UserRef | null = null;
  #version: string | undefined = undefined;
  readonly #host: ReactiveControllerHost;
  readonly #root: () => ParentNode;
  /** The id of what gets focus when the opening button is gone. */
  readonly #fallbackId: string;

  constructor(host: ReactiveControllerHost, root: () => ParentNode, fallbackId: string) {
    this.#host = host;
    this.#root = root;
    this.#fallbackId = fallbackId;
  }

  async open(action: ConfirmedAction, conversation: Conversation): Promise<void> {
    this.#version = conversation.version;
    this.takeOverFrom = conversation.assignee;
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const dialog = this.#dialog(action);
    if (!dialog || dialog.open) return;
    dialog.showModal();
    // Start on Avbryt: a stray Enter changes nothing.
    dialog.querySelector<HTMLButtonElement>('.cancel')?.focus();
  }

  cancel(action: ConfirmedAction): void {
    this.#version = undefined;
    this.#close(action);
  }

  /** Closes the dialog for its action; returns the version the user saw. */
  confirm(action: ConfirmedAction): string | undefined {
    const version = this.#version;
    this.#version = undefined;
    this.#close(action);
    return version;
  }

  /** Forgets what a dialog remembered (the session ended). */
  reset(): void {
    this.takeOverFrom = null;
    this.#version = undefined;
  }

  #dialog(action: ConfirmedAction): HTMLDialogElement | null {
    const id = action === 'take-over' ? TAKE_OVER_DIALOG_ID : CLOSE_DIALOG_ID;
    return this.#root().querySelector<HTMLDialogElement>(`#${id}`);
  }

  /** Closes it and goes back to the button that opened it, or the title when a refresh took it away. */
  #close(action: ConfirmedAction): void {
    this.#dialog(action)?.close();
    const root = this.#root();
    const trigger = root.querySelector<HTMLElement>(`#${action === 'take-over' ? TAKE_OVER_ID : CLOSE_ID}`);
    (trigger ?? root.querySelector<HTMLElement>(`#${this.#fallbackId}`))?.focus();
  }
}
