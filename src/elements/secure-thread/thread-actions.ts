import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { ThreadAction } from '../../controllers/thread-controller.js';
import { canClaim, canClose, canRelease, canTakeOver } from '../../domain/permissions.js';
import type { Conversation, User, UserRef } from '../../domain/types.js';
import { renderProblem } from '../shared/problem.js';
import { personName, texts } from './thread-texts.js';

export const CLAIM_ID = 'claim';
export const TAKE_OVER_ID = 'take-over';
export const CLOSE_ID = 'close';
export const TAKE_OVER_DIALOG_ID = 'take-over-dialog';
export const CLOSE_DIALOG_ID = 'close-dialog';
export const ACTION_PROBLEM_ID = 'action-problem';

export interface ActionsOptions {
  user: User | undefined;
  conversation: Conversation;
  pending: ThreadAction | undefined;
  /** Swedish text of the last failed action (a conflict names who has the case now). */
  problem: string | undefined;
  onClaimChange: (claim: boolean) => void;
  onTakeOver: () => void;
  onClose: () => void;
  onPrint: () => void;
}

/**
 * The tools of the conversation: *Jag arbetar med ärendet* (for users who may assign), *Jag tar
 * över ärendet* (only when someone else has the case), *Markera konversation som avslutad* (only
 * for those who may close) and *Skriv ut*. Buttons stay focusable while a write is under way
 * (`aria-disabled`); a second press does nothing.
 */
export function renderActions(o: ActionsOptions): TemplateResult {
  const { user, conversation, pending } = o;
  const assignable = user?.capabilities.canAssign ?? false;
  const mine = user ? canRelease(user, conversation) : false;
  // While a claim or release is saved, the box shows what the user asked for, not the old state.
  const ticked = pending === 'claim' ? true : pending === 'release' ? false : mine;
  const claimable = user ? canClaim(user, conversation) : false;
  const takeOver = user ? canTakeOver(user, conversation) : false;
  const close = user ? canClose(user, conversation) : false;
  const busy = pending !== undefined;
  const otherAssignee = takeOver && conversation.assignee ? personName(conversation.assignee) : undefined;
  return html`<div class="actions-bar" part="actions" role="group" aria-label=${texts.actions()}>
    ${
      assignable
        ? html`<div class="claim">
            <label class="check">
              <input
                type="checkbox"
                id=${CLAIM_ID}
                .checked=${live(ticked)}
                ?disabled=${!mine && !claimable}
                aria-describedby=${otherAssignee ? 'claim-hint' : nothing}
                @click=${(e: Event) => {
                  // A second toggle while a write is under way does nothing.
                  if (busy) e.preventDefault();
                }}
                @change=${(e: Event) => o.onClaimChange((e.target as HTMLInputElement).checked)}
              />
              ${texts.claim()}
            </label>
            ${otherAssignee ? html`<p class="hint" id="claim-hint">${texts.claimedByOther(otherAssignee)}</p>` : nothing}
          </div>`
        : nothing
    }
    <div class="buttons">
      ${
        takeOver
          ? html`<button
              type="button"
              class="button"
              id=${TAKE_OVER_ID}
              aria-disabled=${busy ? 'true' : 'false'}
              aria-haspopup="dialog"
              @click=${() => !busy && o.onTakeOver()}
            >
              ${texts.takeOver()}
            </button>`
          : nothing
      }
      ${
        close
          ? html`<button
              type="button"
              class="button"
              id=${CLOSE_ID}
              aria-disabled=${busy ? 'true' : 'false'}
              aria-haspopup="dialog"
              @click=${() => !busy && o.onClose()}
            >
              ${texts.close()}
            </button>`
          : nothing
      }
      <button type="button" class="button print" @click=${o.onPrint}>${texts.print()}</button>
    </div>
    ${
      o.problem !== undefined
        ? renderProblem({
            id: ACTION_PROBLEM_ID,
            focusable: true,
            className: 'action-problem',
            text: o.problem,
          })
        : nothing
    }
  </div>`;
}

export interface DialogOptions {
  /** Render the take-over dialog (the user may assign). */
  takeOver: boolean;
  /** Render the close dialog (the user may close). */
  close: boolean;
  /** Who has the case, as the user saw it when opening Jag tar över ärendet. */
  takeOverFrom: UserRef | null;
  onConfirm: (action: 'take-over' | 'close') => void;
  onCancel: (action: 'take-over' | 'close') => void;
}

function renderDialog(
  action: 'take-over' | 'close',
  id: string,
  title: string,
  text: string,
  confirm: string,
  o: DialogOptions,
): TemplateResult {
  return html`<dialog
    id=${id}
    aria-labelledby=${`${id}-title`}
    aria-describedby=${`${id}-text`}
    @cancel=${(e: Event) => {
      e.preventDefault();
      o.onCancel(action);
    }}
  >
    <h3 class="dialog-title" id=${`${id}-title`}>${title}</h3>
    <p id=${`${id}-text`}>${text}</p>
    <div class="dialog-actions">
      <button type="button" class="button primary confirm" @click=${() => o.onConfirm(action)}>
        ${confirm}
      </button>
      <button type="button" class="button cancel" @click=${() => o.onCancel(action)}>
        ${texts.cancel()}
      </button>
    </div>
  </dialog>`;
}

/** The native modal confirmations of Jag tar över ärendet and Markera konversation som avslutad. */
export function renderDialogs(o: DialogOptions): TemplateResult {
  const assignee = o.takeOverFrom;
  return html`${
    o.takeOver
      ? renderDialog(
          'take-over',
          TAKE_OVER_DIALOG_ID,
          texts.takeOverTitle(),
          assignee ? texts.takeOverText(personName(assignee)) : '',
          texts.takeOverConfirm(),
          o,
        )
      : nothing
  }
  ${
    o.close
      ? renderDialog('close', CLOSE_DIALOG_ID, texts.closeTitle(), texts.closeText(), texts.closeConfirm(), o)
      : nothing
  }`;
}
