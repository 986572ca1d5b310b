import type { ReactiveControllerHost } from 'lit';
import type { DownloadedAttachment } from '../../adapter/adapter.js';
import { isAbortError } from '../../adapter/errors.js';
import { plainFileName, type Attachment } from '../../domain/index.js';
import { describeError } from '../shared/texts.js';
import { saveFile } from './save-file.js';
import { texts } from './thread-texts.js';
import type { DownloadState } from './thread-timeline.js';

export interface DownloadsOptions {
  /** The bytes of one attachment of the conversation shown. */
  fetch: (attachmentId: string) => Promise<DownloadedAttachment>;
  /** Where the saving link is placed for a moment (the element's shadow root). */
  root: () => ParentNode;
  /** A polite announcement (the file was saved). */
  announce: (text: string) => void;
}

/**
 * The attachments being downloaded and the ones that failed, per attachment id: one download per
 * file at a time, saved as a file (never shown inline), a failure told at the file itself.
 */
export class AttachmentDownloads {
  #states: ReadonlyMap<string, DownloadState> = new Map();
  readonly #host: ReactiveControllerHost;
  readonly #options: DownloadsOptions;

  constructor(host: ReactiveControllerHost, options: DownloadsOptions) {
    this.#host = host;
    this.#options = options;
  }

  get states(): ReadonlyMap<string, DownloadState> {
    return this.#states;
  }

  /** Forgets every pending and failed download (another conversation, or the session ended). */
  reset(): void {
    this.#states = new Map();
    this.#host.requestUpdate();
  }

  async download(attachment: Attachment): Promise<void> {
    if (this.#states.get(attachment.id)?.phase === 'pending') return;
    this.#set(attachment.id, { phase: 'pending' });
    try {
      const file = await this.#options.fetch(attachment.id);
      const name = plainFileName(file.name || attachment.name);
      saveFile(file.blob, name, this.#options.root());
      this.#set(attachment.id, undefined);
      this.#options.announce(texts.downloaded(name));
    } catch (error) {
      if (isAbortError(error)) {
        this.#set(attachment.id, undefined);
        return;
      }
      const message = `${texts.downloadFailed(plainFileName(attachment.name))} ${describeError(error)}`;
      this.#set(attachment.id, { phase: 'failed', message });
    }
  }

  #set(id: string, state: DownloadState | undefined): void {
    const next = new Map(this.#states);
    if (state) next.set(id, state);
    else next.delete(id);
    this.#states = next;
    this.#host.requestUpdate();
  }
}
