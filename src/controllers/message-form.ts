import { Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SecureMessagesAdapter, SendOptions, UploadProgress } from '../adapter/adapter.js';
import { isErrorKind } from '../adapter/errors.js';
import { invalidPersonnummerIn } from '../domain/personnummer.js';
import type { Conversation } from '../domain/types.js';
import type { ServerConfig } from '../domain/config.js';
import { emptyDraft, hasUnsentContent, type MessageDraft } from './drafts.js';
import {
  checkDraft,
  explainFailure,
  MESSAGE_FIELDS,
  type FieldErrors,
  type FieldProblem,
  type FormProblem,
  type MessageField,
} from './message-checks.js';
import { SendController, type SendPhase } from './send-controller.js';
import { getDraft, serverConfig, signedOutError, type SessionEvent } from './session.js';
import { SessionLink } from './session-link.js';

export type { FieldProblem, FormProblem, MessageField } from './message-checks.js';

export interface MessageFormHost extends ReactiveControllerHost {
  /** Milliseconds between automatic retries of a send; its length is the number of retries. */
  readonly retryDelays: readonly number[];
  /** Milliseconds without an answer after which a send counts as lost and is retried. */
  readonly sendTimeout: number;
}

export interface MessageFormOptions {
  /** The adapter in use (property or context); undefined until there is one. */
  adapter: () => SecureMessagesAdapter | undefined;
  /** The fields of this form; a reply has `['body', 'files']`. */
  fields: readonly MessageField[];
  /** The draft to edit from the start (a reply sets its key once the number is known). */
  draftKey?: string;
  /** The server stored the message (after any number of retries). */
  onSent?: (result: Conversation) => void;
  /** The backend answered 401; the draft is kept. */
  onAuthRequired?: () => void;
}

/**
 * One message being written, checked and sent — the shared core of `<secure-compose>` and the
 * reply form of `<secure-thread>`.
 *
 * The draft lives in memory per adapter and user (session.ts), not in the element, so it survives
 * re-rendering, leaving the view and every failure. Validation runs before anything is sent;
 * errors are codes per field (message-checks.ts) that the element words. Suspicious personnummer in the text give a warning that
 * never blocks sending. Sending goes through SendController (idempotency, retries, timeouts).
 */
export class MessageFormController implements ReactiveController {
  /** The fields this form has now (compose adds Organisation for KPA staff once the user is known). */
  fields: readonly MessageField[];
  /** Field errors, shown at the fields and in the error summary. */
  errors: FieldErrors = {};
  /** Personnummer in the text, as written, whose date or check digit is wrong (a warning, never blocking). */
  warnings: string[] = [];

  readonly #host: MessageFormHost;
  readonly #adapter: () => SecureMessagesAdapter | undefined;
  readonly #sender: SendController<Conversation>;
  readonly #config: Task<[SecureMessagesAdapter | undefined], ServerConfig | undefined>;
  readonly #placeholder = emptyDraft();
  #draftKey: string | undefined = undefined;
  /** The last send's problem that is not about one field. */
  #problem: FormProblem | undefined = undefined;
  /** Someone else signed in and the previous user's draft was discarded. */
  #userChanged = false;
  readonly #session: SessionLink;

  constructor(host: MessageFormHost, options: MessageFormOptions) {
    this.#host = host;
    this.#adapter = options.adapter;
    this.fields = options.fields;
    this.#draftKey = options.draftKey;
    this.#session = new SessionLink({
      adapter: options.adapter,
      ended: (event) => this.#changed(event),
      userChanged: () => this.#changed('user-changed'),
      resumed: () => this.#changed('resumed'),
      authRequired: () => options.onAuthRequired?.(),
    });
    host.addController(this.#session);
    host.addController(this);
    this.#sender = new SendController<Conversation>(host, {
      settings: () => ({ retryDelays: host.retryDelays, timeout: host.sendTimeout }),
      onSent: (result) => {
        this.#session.settled();
        options.onSent?.(result);
      },
      // The session has ended for every element on the adapter; the draft stays, in memory.
      onAuthRequired: () => this.#session.authFailed(this.#sender.error),
    });
    this.#config = new Task(host, {
      args: () => [options.adapter()] as [SecureMessagesAdapter | undefined],
      task: ([adapter], { signal }) => (adapter ? serverConfig(adapter, signal) : undefined),
    });
  }

  hostConnected(): void {
    window.addEventListener('beforeunload', this.#beforeUnload);
  }

  hostDisconnected(): void {
    window.removeEventListener('beforeunload', this.#beforeUnload);
  }

  /** The session has ended: the element shows its signed-out state, the draft stays in memory. */
  get signedOut(): boolean {
    return this.#session.signedOut;
  }

  /** The form is empty because someone else signed in; cleared by the next edit or send. */
  get userChanged(): boolean {
    return this.#userChanged;
  }

  #changed(event: SessionEvent): void {
    if (event === 'signed-out') {
      // Whoever signs in next must not send this user's words: no retry goes out by itself.
      this.#sender.stop(signedOutError());
    } else if (event === 'user-changed' || event === 'forgotten') {
      // The previous user's drafts are gone (session.ts); nothing of theirs stays in this form.
      this.#reset(true);
      this.#userChanged = event === 'user-changed';
    } else if (this.#sender.phase === 'failed' && isErrorKind(this.#sender.error, 'auth-required')) {
      // Resumed after a send the session's end stopped: the user may send again.
      this.#problem = { code: 'signed-in-again' };
    }
    this.#host.requestUpdate();
  }

  /** True while the draft holds text or files that have not been sent. */
  get hasUnsentContent(): boolean {
    return hasUnsentContent(this.draft);
  }

  /** Leaving the page with unsent text or files asks first (the browser's own dialog). */
  readonly #beforeUnload = (event: BeforeUnloadEvent): void => {
    if (this.hasUnsentContent) event.preventDefault();
  };

  hostUpdate(): void {
    // Warnings follow the draft, also when another element on the same adapter edited it.
    this.warnings = this.#warningsFor(this.draft.body);
  }

  // ---------------------------------------------------------------------------------------------
  // State for rendering

  /** Which draft this form edits (`NEW_CONVERSATION_DRAFT` or `replyDraftKey(number)`). */
  get draftKey(): string | undefined {
    return this.#draftKey;
  }

  set draftKey(key: string | undefined) {
    if (key === this.#draftKey) return;
    this.#draftKey = key;
    this.errors = {};
    this.#problem = undefined;
    this.#host.requestUpdate();
  }

  /** The draft being edited (an unshared empty one until there is an adapter and a key). */
  get draft(): MessageDraft {
    const adapter = this.#adapter();
    return adapter && this.#draftKey !== undefined ? getDraft(adapter, this.#draftKey) : this.#placeholder;
  }

  /** Server settings: message length, attachment rules, expected reply time; undefined while loading. */
  get config(): ServerConfig | undefined {
    return this.#config.value;
  }

  /** The settings could not be loaded (the form cannot check files and length without them). */
  get configFailed(): boolean {
    return this.#config.error !== undefined && this.#config.value === undefined;
  }

  /** Why the settings could not be loaded, while `configFailed`. */
  get configError(): unknown {
    return this.#config.error;
  }

  /** Loads the settings again (after `configFailed`). */
  reloadConfig(): void {
    void this.#config.run();
  }

  get phase(): SendPhase {
    return this.#sender.phase;
  }

  get progress(): UploadProgress | null {
    return this.#sender.progress;
  }

  /** Sending, or waiting to retry: Skicka does nothing. */
  get busy(): boolean {
    return this.#sender.busy;
  }

  /** Fields are read-only: while sending, and while a lost answer leaves the outcome unknown. */
  get locked(): boolean {
    return this.#sender.busy || this.draft.outcomeUnknown;
  }

  /** The last send's failure that is not about one field, if any. */
  get problem(): FormProblem | undefined {
    if (this.draft.outcomeUnknown && !this.#sender.busy) return { code: 'outcome-unknown' };
    return this.#problem;
  }

  /** Characters left (negative when over the limit); undefined until the settings are loaded. */
  get remaining(): number | undefined {
    const config = this.config;
    return config ? config.messageMaxLength - this.draft.body.length : undefined;
  }

  /** Field errors in the order the fields are shown. */
  errorList(): { field: MessageField; problem: FieldProblem }[] {
    return MESSAGE_FIELDS.flatMap((field) => {
      const problem = this.errors[field];
      return problem !== undefined && this.fields.includes(field) ? [{ field, problem }] : [];
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Editing

  setSubject(id: string): void {
    this.#edit((d) => (d.subjectId = id), 'subject');
  }

  setOrganisation(customerNumber: string): void {
    this.#edit((d) => (d.organisationCustomerNumber = customerNumber), 'organisation');
  }

  setBody(text: string): void {
    this.#edit((d) => (d.body = text), 'body');
  }

  /** Adds chosen files; their type and size are checked at once. */
  addFiles(files: Iterable<File>): void {
    const added = [...files];
    if (added.length === 0) return;
    // With room for one file only, a newly chosen file replaces the old one.
    const single = this.config?.attachments.maxFiles === 1;
    this.#edit((d) => (d.files = single ? added.slice(-1) : [...d.files, ...added]), 'files', true);
  }

  removeFile(index: number): void {
    this.#edit((d) => (d.files = d.files.filter((_, i) => i !== index)), 'files', true);
  }

  /** After a success has been shown: an empty draft (a new key on the next send). */
  clear(): void {
    Object.assign(this.draft, emptyDraft());
    this.#reset();
    this.#host.requestUpdate();
  }

  /** Nothing of the last send and its checks stays (`discard`: the draft itself is gone). */
  #reset(discard = false): void {
    this.#sender.reset(discard);
    this.errors = {};
    this.warnings = [];
    this.#problem = undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // Sending

  /**
   * Checks every field; with errors, shows them and resolves to undefined without sending (the
   * host then shows and focuses the error summary). Otherwise sends through `run` with retries.
   * Also used for Försök igen: an unchanged draft is sent again under the same key. Resolves to
   * the result, or undefined when nothing was stored (the draft is kept).
   */
  async submit(run: (options: SendOptions) => Promise<Conversation>): Promise<Conversation | undefined> {
    if (this.busy) return undefined;
    this.#userChanged = false;
    // Nothing is written for a session that has ended until it is known who is signed in now:
    // someone else finds the form emptied instead (session.ts).
    const session = this.#session.session;
    if (session?.signedOut) {
      try {
        if ((await session.resume(new AbortController().signal)) === 'changed') return undefined;
      } catch (error) {
        this.#explain(error);
        this.#host.requestUpdate();
        return undefined;
      }
    }
    const config = this.config;
    if (!config) {
      this.#problem = { code: 'config-failed' };
      this.#host.requestUpdate();
      return undefined;
    }
    this.errors = checkDraft(this.draft, config, this.fields);
    this.#problem = undefined;
    if (Object.keys(this.errors).length > 0) {
      this.#host.requestUpdate();
      return undefined;
    }
    const result = await this.#sender.send(this.draft, run);
    if (result === undefined) this.#explain(this.#sender.error);
    this.#host.requestUpdate();
    return result;
  }

  // ---------------------------------------------------------------------------------------------

  #edit(change: (draft: MessageDraft) => void, field: MessageField, checkNow = false): void {
    if (this.locked) return;
    this.#userChanged = false;
    const draft = this.draft;
    change(draft);
    // New content is a new message: it gets a new key. (Never while the outcome is unknown: then
    // the draft is locked above.)
    draft.idempotencyKey = undefined;
    const config = this.config;
    if (config && (checkNow || this.errors[field] !== undefined)) {
      const { [field]: problem } = checkDraft(draft, config, [field]);
      this.errors = { ...this.errors, [field]: problem };
      if (problem === undefined) delete this.errors[field];
    }
    this.#host.requestUpdate();
  }

  #warningsFor(body: string): string[] {
    if (!this.fields.includes('body')) return [];
    return invalidPersonnummerIn(body).map((candidate) => candidate.text);
  }

  /**
   * Turns a send failure into field errors or the form's problem (message-checks.ts). A failure
   * that names fields leaves the form's problem as it was.
   */
  #explain(error: unknown): void {
    const { errors, problem } = explainFailure(error, this.fields);
    this.errors = { ...this.errors, ...errors };
    if (problem) this.#problem = problem;
  }
}
