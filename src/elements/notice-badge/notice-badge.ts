import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  DEFAULT_POLL_INTERVAL,
  NoticeCountController,
  type NoticeCountStatus,
} from '../../controllers/notice-count-controller.js';
import { safeLinkTarget } from '../../domain/links.js';
import { SecureAuthRequiredEvent } from '../../events/auth-required.js';
import { SecureElement } from '../base/secure-element.js';
import { badgeTexts } from './notice-badge-texts.js';
import { noticeBadgeStyles } from './notice-badge.styles.js';

export const NOTICE_BADGE_APPEARANCES = ['text', 'badge'] as const;
export type NoticeBadgeAppearance = (typeof NOTICE_BADGE_APPEARANCES)[number];

export const NOTICE_BADGE_ANNOUNCE = ['increase', 'change', 'off'] as const;
export type NoticeBadgeAnnounce = (typeof NOTICE_BADGE_ANNOUNCE)[number];

/** The badge shows at most this number; the accessible text always has the exact count. */
export const BADGE_MAX = 99;

/** Invisible stand-in for the number while there is none, keeping its width. */
const PLACEHOLDER = '00';

/** Has the host given a label of its own (an element or non-blank text in the default slot)? */
function hasOwnLabel(host: HTMLElement): boolean {
  return [...host.childNodes].some(
    (node) =>
      (node.nodeType === Node.ELEMENT_NODE && !(node as Element).hasAttribute('slot')) ||
      (node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== ''),
  );
}

/**
 * The number of conversations that need the user's attention (the manual's *Notiser*: *Nytt
 * meddelande* and *Svar inkommit* for employers), usable alone on any page:
 *
 * ```html
 * <notice-badge href="/sakra-meddelanden"></notice-badge>                  <!-- Säkra meddelanden (28) -->
 * <notice-badge appearance="badge" href="/sakra-meddelanden">Säkra meddelanden</notice-badge>
 * ```
 *
 * - **Appearance**: `text` (default) shows the start page's "Säkra meddelanden (28)"; `badge` shows
 *   only the number in a pill. Either way the accessible text is the whole sentence, e.g.
 *   "Säkra meddelanden, 28 ärenden att hantera". In the badge appearance the name is visually
 *   hidden unless you put your own (visible) label in the default slot.
 * - **Link**: with `href` everything is one `<a>`.
 * - **States**: while loading the first time and after an error no number shows; the space for it
 *   is kept, so nothing moves when it arrives. Errors never throw; the next poll or change retries.
 *   A 401 fires `secure-auth-required` once (again only after a successful load in between).
 * - **Live**: refreshes when any element sharing the adapter changes a conversation, and every
 *   `poll-interval` seconds while the tab is visible (see `NoticeCountController`).
 * - **Announcements** (`announce`): by default only an increase after the first load is announced
 *   politely ("Nytt i Säkra meddelanden: 29 ärenden att hantera"). A badge in a menu that spoke on
 *   every change (including the user's own answers, which lower the count) would be noise; a new
 *   conversation needing attention is the news worth interrupting for. `change` announces every
 *   change, `off` none (use it on the second badge when a page shows two). The accessible text is
 *   always current either way.
 *
 * @tagname notice-badge
 * @summary The count of conversations needing attention, as text or a compact badge, optionally a link.
 *
 * @slot - A visible label instead of the default "Säkra meddelanden" (e.g. the menu item's text).
 *
 * @fires secure-auth-required - The backend answered 401; the host should let the user sign in again.
 *
 * @csspart link - The `<a>` when `href` is set.
 * @csspart base - The wrapper when there is no `href`.
 * @csspart label - The label ("Säkra meddelanden").
 * @csspart count - The number: "(28)" in the text appearance, the pill in the badge appearance.
 *
 * @cssprop [--secure-color-link=#004b3c] - Link colour.
 * @cssprop [--secure-color-link-hover=#00291f] - Link colour on hover.
 * @cssprop [--secure-color-focus=#004b3c] - Focus outline colour.
 * @cssprop [--secure-badge-background=#004b3c] - Pill background.
 * @cssprop [--secure-badge-color=#ffffff] - Pill text colour.
 * @cssprop [--secure-badge-border-color=transparent] - Pill border colour.
 * @cssprop [--secure-badge-radius=999px] - Pill corner radius.
 * @cssprop [--secure-badge-font-size=0.8125em] - Pill font size.
 * @cssprop [--secure-badge-zero-background=#ffffff] - Pill background at zero.
 * @cssprop [--secure-badge-zero-color=#333333] - Pill text colour at zero.
 * @cssprop [--secure-badge-zero-border-color=#767676] - Pill border colour at zero.
 */
export class NoticeBadge extends SecureElement {
  static override styles = noticeBadgeStyles;

  /** `text`: "Säkra meddelanden (28)"; `badge`: only the number, in a pill. */
  @property({ reflect: true })
  appearance: NoticeBadgeAppearance = 'text';

  /**
   * When set, the badge is a link to this address (e.g. the Säkra meddelanden page). Only relative
   * and http(s) addresses make a link; any other scheme (`javascript:`, `data:` …) is ignored with a
   * console warning.
   */
  @property()
  href: string | undefined = undefined;

  /** Render nothing while the count is zero (or not known yet). */
  @property({ type: Boolean, reflect: true, attribute: 'hide-zero' })
  hideZero = false;

  /** Seconds between polls; fractions allowed; 0 = no polling. Polling pauses while the tab is hidden. */
  @property({ type: Number, attribute: 'poll-interval' })
  pollInterval = DEFAULT_POLL_INTERVAL;

  /** Which count changes are announced to screen readers: `increase` (default), `change` or `off`. */
  @property()
  announce: NoticeBadgeAnnounce = 'increase';

  /** How long (ms) an announcement stays in the live region before it is cleared. */
  @property({ attribute: false })
  announcementDuration = 8000;

  @state() private announcement = '';
  @state() private labelled = false;

  readonly #counter = new NoticeCountController(this, {
    adapter: () => this.effectiveAdapter,
    onAuthRequired: () => this.emit(new SecureAuthRequiredEvent()),
    onCountChange: (count, previous) => this.#announceChange(count, previous),
  });

  #announcementTimer: ReturnType<typeof setTimeout> | undefined = undefined;

  /** The latest count; undefined while loading the first time, without an adapter or after an error. */
  get count(): number | undefined {
    return this.#counter.count;
  }

  /** `idle` (no adapter), `loading`, `ready` or `error`. */
  get status(): NoticeCountStatus {
    return this.#counter.status;
  }

  /** Fetches the count now (e.g. after the host learnt of a change some other way). */
  refresh(): Promise<void> {
    return this.#counter.refresh();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.labelled = hasOwnLabel(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#clearAnnouncement();
  }

  /** The link target in use: `href` when its scheme is allowed. */
  #target: string | undefined = undefined;

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('pollInterval')) this.#counter.pollInterval = this.pollInterval;
    if (changed.has('href')) {
      this.#target = this.href === undefined ? undefined : safeLinkTarget(this.href);
      if (this.href !== undefined && this.#target === undefined) {
        console.warn(
          '[secure-messages] <notice-badge> ignores an href that is not relative, http: or https:.',
        );
      }
    }
  }

  protected override render(): unknown {
    return html`${this.#renderContent()}<span class="visually-hidden" role="status"
        >${this.announcement}</span
      >`;
  }

  #renderContent(): TemplateResult | typeof nothing {
    const count = this.#counter.count;
    if (this.hideZero && !(count !== undefined && count > 0)) return nothing;
    const badge = this.appearance === 'badge';
    const labelVisible = !badge || this.labelled;
    // The visible number is hidden from screen readers, who get the sentence after it instead. A
    // real space separates it from a visible label, so copied or reflowed text reads right.
    const content = html`<span part="label" class=${labelVisible ? '' : 'visually-hidden'}
        ><slot @slotchange=${this.#onSlotChange}></slot>${this.labelled ? nothing : badgeTexts.label()}</span
      ><span aria-hidden="true"
        >${badge ? this.#renderPill(count, this.labelled) : this.#renderTextCount(count)}</span
      ><span class="visually-hidden">${count === undefined ? '' : `, ${badgeTexts.count(count)}`}</span>`;
    return this.#target === undefined
      ? html`<span part="base">${content}</span>`
      : html`<a part="link" class=${badge ? 'pill-link' : ''} href=${this.#target}>${content}</a>`;
  }

  /*
   * Without a number (loading, error) the count keeps its place with an invisible "00", so that
   * nothing moves when a two-digit number arrives.
   */
  #renderTextCount(count: number | undefined): TemplateResult {
    return html`<span part="count" class=${count === undefined ? 'count pending' : 'count'}>
      (${count === undefined ? PLACEHOLDER : count})</span
    >`;
  }

  #renderPill(count: number | undefined, afterLabel: boolean): TemplateResult {
    const state = count === undefined ? 'pending' : count === 0 ? 'zero' : '';
    const shown = count === undefined ? PLACEHOLDER : count > BADGE_MAX ? `${BADGE_MAX}+` : String(count);
    return html`${afterLabel ? ' ' : nothing}<span part="count" class="pill ${state}">${shown}</span>`;
  }

  #onSlotChange(): void {
    this.labelled = hasOwnLabel(this);
  }

  #announceChange(count: number, previous: number | undefined): void {
    if (previous === undefined || this.announce === 'off') return;
    if (count > previous) {
      this.#setAnnouncement(badgeTexts.announceIncrease(count));
    } else if (this.announce === 'change') {
      this.#setAnnouncement(badgeTexts.announceChange(count));
    } else {
      // A decrease is not announced; drop an older announcement that is no longer true.
      this.#clearAnnouncement();
    }
  }

  #setAnnouncement(text: string): void {
    this.#clearAnnouncement();
    this.announcement = text;
    this.#announcementTimer = setTimeout(() => this.#clearAnnouncement(), this.announcementDuration);
  }

  #clearAnnouncement(): void {
    if (this.#announcementTimer !== undefined) clearTimeout(this.#announcementTimer);
    this.#announcementTimer = undefined;
    this.announcement = '';
  }
}
