import { NoticeBadge } from '../elements/notice-badge/notice-badge.js';
import { defineElement } from './define.js';

defineElement('notice-badge', NoticeBadge);

declare global {
  interface HTMLElementTagNameMap {
    'notice-badge': NoticeBadge;
  }
}

export { NoticeBadge };
