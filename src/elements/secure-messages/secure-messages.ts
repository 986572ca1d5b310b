import { html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { validateMessageNumber } from '../../domain/index.js';
import { SecureComposeOpenEvent } from '../../events/compose-open.js';
import { SecureConversationOpenEvent, type ConversationOpenDetail } from '../../events/conversation-open.js';
import { SecureElement } from '../base/secure-element.js';
import { baseStyles } from '../shared/base.styles.js';
import { FocusAfterUpdate } from '../shared/focus-controller.js';
import { texts } from './messages-texts.js';
import { messagesStyles } from './secure-messages.styles.js';

/** Which part of the feature shows. */
export type SecureMessagesView = { name: 'inbox' } | { name: 'compose' } | { name: 'thread'; number: string };

export const ROUTING_MODES = ['hash', 'none'] as const;
export type RoutingMode = (typeof ROUTING_MODES)[number];

const HASH_THREAD = /^#meddelande\/([0-9]{5})$/;
const HASH_COMPOSE = '#nytt-meddelande';
/** The view container, focused after navigating. */
const VIEW = '.view';

/** The view a URL fragment names; the list for anything else. Only a Meddelandenummer is ever in the URL. */
export function viewFromHash(hash: string): SecureMessagesView {
  if (hash === HASH_COMPOSE) return { name: 'compose' };
  const match = HASH_THREAD.exec(hash);
  if (match && validateMessageNumber(match[1]).ok) return { name: 'thread', number: match[1] };
  return { name: 'inbox' };
}

/** The URL fragment of a view ('' for the list). */
export function hashOf(view: SecureMessagesView): string {
  if (view.name === 'compose') return HASH_COMPOSE;
  if (view.name === 'thread') return `#meddelande/${view.number}`;
  return '';
}

/**
 * The address of a conversation: this page with the conversation's fragment. Absolute, so that a
 * link opened in a new tab finds this page even under a `<base href>` pointing elsewhere.
 */
function conversationAddress(number: string): string {
  return new URL(hashOf({ name: 'thread', number }), location.href).href;
}

function sameView(a: SecureMessagesView, b: SecureMessagesView): boolean {
  return a.name === b.name && (a.name !== 'thread' || (b.name === 'thread' && a.number === b.number));
}

/**
 * The whole feature in one tag: the inbox, writing a new message and a conversation, with
 * navigation between them, for portals that drop Säkra meddelanden in whole.
 *
 * ```html
 * <secure-adapter-provider .adapter=${adapter}>
 *   <secure-messages></secure-messages>
 * </secure-adapter-provider>
 * ```
 *
 * - **Navigation inside the feature**: Nytt meddelande opens the form, a row opens the
 *   conversation, **Tillbaka till Säkra meddelanden** returns to the list with its filters, sort and
 *   page as the user left them. After sending, Öppna konversationen opens the new conversation.
 *   Drafts survive moving between the views. Focus moves to the new view.
 * - **One labelled region per view**: the form and the conversation are regions of their own
 *   (*Nytt meddelande*, *Konversation 12345*), so the container around them is no landmark (a
 *   screen reader would announce a second region of the same name); the list, which has no region
 *   of its own, is the region *Säkra meddelanden*.
 * - **Deep links and back/forward** (`routing="hash"`, the default): the URL fragment names the view
 *   by Meddelandenummer only (`#meddelande/12345`, `#nytt-meddelande`) — never search text or message
 *   content — so links, reloads and the browser's back and forward buttons work. Each view the user
 *   opens is a history entry, so Back and Forward walk the views in the order the user saw them.
 *   A conversation number in the list is then a real link to its address (open in a new tab, copy,
 *   bookmark). With `routing="none"` the URL is never touched; call `navigate()` yourself.
 * - **The host's navigation wins**: the element follows `popstate` and `hashchange`. When the host
 *   changes the address itself (`history.pushState` fires no event), e.g. from its own menu entry
 *   for Säkra meddelanden, it calls `showInbox()` (or `navigate()`), and the element shows the list
 *   without adding a second history entry.
 * - **The host may take over**: `secure-conversation-open` and `secure-compose-open` are re-fired from
 *   this element, cancelable; call `preventDefault()` to navigate yourself (e.g. with the portal's router).
 *
 * @tagname secure-messages
 * @summary Inbox, compose and conversation with in-feature navigation and deep links.
 *
 * @fires secure-conversation-open - Intent (cancelable): a conversation is about to open; `detail.number`.
 * @fires secure-compose-open - Intent (cancelable): the new-message form is about to open.
 * @fires secure-message-sent - Fact (from the inner elements): a message was stored.
 * @fires secure-conversation-changed - Fact (from the inner elements): assignment or status changed.
 * @fires secure-inbox-query-changed - Fact (from the inbox): filters, sort or page changed.
 * @fires secure-auth-required - Fact (from the inner elements): the backend answered 401.
 *
 * @csspart back - The Tillbaka button above the form and the conversation.
 * @csspart view - The container of the current view.
 * @csspart inbox - The `<secure-inbox>` of the list view.
 * @csspart compose - The `<secure-compose>` of the new-message view.
 * @csspart thread - The `<secure-thread>` of the conversation view.
 * @csspart inbox-toolbar - The inbox's `toolbar` part.
 * @csspart inbox-filters - The inbox's `filters` part.
 * @csspart inbox-table - The inbox's `table` part.
 * @csspart inbox-pager - The inbox's `pager` part.
 * @csspart compose-form - The compose form's `form` part.
 * @csspart compose-note - The compose form's `note` part.
 * @csspart compose-confirmation - The compose form's `confirmation` part.
 * @csspart thread-details - The conversation's `details` part.
 * @csspart thread-actions - The conversation's `actions` part.
 * @csspart thread-messages - The conversation's `messages` part.
 * @csspart thread-reply - The conversation's `reply` part.
 *
 * @cssprop [--secure-font-family=system-ui, sans-serif] - Font of the whole feature.
 * @cssprop [--secure-color-text=#1d2b27] - Text colour.
 * @cssprop [--secure-color-muted=#4a5753] - Hints, times and secondary text.
 * @cssprop [--secure-color-background=#ffffff] - Background of the views and inputs.
 * @cssprop [--secure-color-primary=#004b3c] - KPA green: primary buttons, focus, the sorted column, KPA's messages.
 * @cssprop [--secure-color-on-primary=#ffffff] - Text on the primary colour.
 * @cssprop [--secure-color-border=#8a9490] - Borders of inputs and buttons.
 * @cssprop [--secure-color-divider=#d5dbd8] - Table row lines, message and panel borders.
 * @cssprop [--secure-color-surface=#f2f5f4] - Table header, filter panel, notes and confirmations.
 * @cssprop [--secure-color-attention=#fff4d6] - Rows that need attention and warnings.
 * @cssprop [--secure-color-error=#b3261e] - Error texts and invalid fields.
 * @cssprop [--secure-color-focus=#004b3c] - Focus outline.
 * @cssprop [--secure-radius=0.25rem] - Corner radius of buttons, inputs and panels.
 */
export class SecureMessages extends SecureElement {
  static override styles = [baseStyles, messagesStyles];

  /** `hash`: the view is kept in the URL fragment (deep links, back/forward); `none`: the URL is left alone. */
  @property({ reflect: true })
  routing: RoutingMode = 'hash';

  /**
   * The view shown: `{ name: 'inbox' }`, `{ name: 'compose' }` or `{ name: 'thread', number }`. With
   * `routing="none"` a portal's router sets it; with `routing="hash"` it follows the address, and
   * `navigate()` changes both. Focus stays where it is when it is set from outside.
   */
  @property({ attribute: false })
  view: SecureMessagesView = { name: 'inbox' };

  readonly #focus = new FocusAfterUpdate(this);

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.routing === 'hash') {
      this.view = viewFromHash(location.hash);
      window.addEventListener('popstate', this.#fromUrl);
      window.addEventListener('hashchange', this.#fromUrl);
    }
  }

  override disconnectedCallback(): void {
    window.removeEventListener('popstate', this.#fromUrl);
    window.removeEventListener('hashchange', this.#fromUrl);
    super.disconnectedCallback();
  }

  /**
   * Opens a view as the user would and moves focus to it. With `routing="hash"` it adds a history
   * entry for the view, unless the address already names it (the host changed the address first).
   */
  navigate(view: SecureMessagesView): void {
    this.#go(view, true);
  }

  /**
   * Shows the list, as the portal's menu entry for Säkra meddelanden does: call it from the host's
   * own menu or router after it changed the address. Focus stays where the host put it.
   */
  showInbox(): void {
    this.#go({ name: 'inbox' }, false);
  }

  #go(view: SecureMessagesView, focus: boolean): void {
    if (this.routing === 'hash' && location.hash !== hashOf(view)) {
      const url = new URL(location.href);
      url.hash = hashOf(view);
      history.pushState(history.state, '', url);
    }
    if (sameView(view, this.view)) return;
    this.view = view;
    this.#focus.after(focus ? VIEW : undefined);
  }

  readonly #fromUrl = (): void => {
    const view = viewFromHash(location.hash);
    if (sameView(view, this.view)) return;
    this.view = view;
    this.#focus.after(VIEW);
  };

  /** Inner intents are re-fired from this element so the host can cancel them; otherwise we navigate. */
  #onConversationOpen(event: SecureConversationOpenEvent): void {
    event.stopPropagation();
    const { number } = event.detail as ConversationOpenDetail;
    if (this.emit(new SecureConversationOpenEvent(number))) this.navigate({ name: 'thread', number });
  }

  #onComposeOpen(event: SecureComposeOpenEvent): void {
    event.stopPropagation();
    if (this.emit(new SecureComposeOpenEvent())) this.navigate({ name: 'compose' });
  }

  protected override render(): TemplateResult {
    const view = this.view;
    const adapter = this.adapter;
    return html`<div
      @secure-conversation-open=${(e: SecureConversationOpenEvent) => this.#onConversationOpen(e)}
      @secure-compose-open=${(e: SecureComposeOpenEvent) => this.#onComposeOpen(e)}
    >
      ${
        view.name === 'inbox'
          ? nothing
          : html`<button type="button" class="button back" part="back" @click=${() => this.#back()}>
              <span aria-hidden="true">‹</span> ${texts.back()}
            </button>`
      }
      <div
        class="view"
        part="view"
        tabindex="-1"
        role=${view.name === 'inbox' ? 'region' : nothing}
        aria-label=${view.name === 'inbox' ? texts.inbox() : nothing}
      >
        ${
          view.name === 'inbox'
            ? html`<secure-inbox
                .adapter=${adapter}
                .conversationHref=${this.routing === 'hash' ? conversationAddress : undefined}
                part="inbox"
                exportparts="toolbar: inbox-toolbar, filters: inbox-filters, table: inbox-table, pager: inbox-pager"
              ></secure-inbox>`
            : view.name === 'compose'
              ? html`<secure-compose
                  .adapter=${adapter}
                  part="compose"
                  exportparts="form: compose-form, note: compose-note, confirmation: compose-confirmation"
                ></secure-compose>`
              : html`<secure-thread
                  .adapter=${adapter}
                  number=${view.number}
                  part="thread"
                  exportparts="details: thread-details, actions: thread-actions, messages: thread-messages, reply: thread-reply"
                ></secure-thread>`
        }
      </div>
    </div>`;
  }

  /**
   * Tillbaka opens the list as a new history entry, like any other view, so browser Back then
   * returns to the view the user just left and Forward to the list again.
   */
  #back(): void {
    this.navigate({ name: 'inbox' });
  }
}
