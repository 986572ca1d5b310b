/**
 * The text a user gets from a subtree: the flattened tree across shadow roots and slots, without
 * what CSS hides (`display: none`, `visibility: hidden`). A screen reader (name from content) also
 * skips `aria-hidden` but reads visually-hidden text; the eye sees `aria-hidden` text but not
 * visually-hidden text. The test runner has no accessibility-tree plugin configured, so this
 * stands in for the browser's name computation of links and text.
 */
function flatText(root: Node, reader: 'screen reader' | 'eye'): string {
  let text = '';
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      text += node.textContent ?? '';
      return;
    }
    if (!(node instanceof Element)) {
      node.childNodes.forEach(visit);
      return;
    }
    const style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden') return;
    const skipped =
      reader === 'screen reader'
        ? node.getAttribute('aria-hidden') === 'true'
        : style.position === 'absolute' && style.clipPath === 'inset(50%)';
    if (skipped) return;
    if (node instanceof HTMLSlotElement) {
      const assigned = node.assignedNodes({ flatten: true });
      (assigned.length > 0 ? assigned : [...node.childNodes]).forEach(visit);
      return;
    }
    (node.shadowRoot ?? node).childNodes.forEach(visit);
  };
  visit(root);
  return text.replace(/\s+/g, ' ').trim();
}

/** The text a screen reader gets from a subtree (name from content). */
export const accessibleText = (root: Node): string => flatText(root, 'screen reader');

/** The text a sighted user sees in a subtree. */
export const visibleText = (root: Node): string => flatText(root, 'eye');
