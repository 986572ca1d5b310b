/**
 * The text a screen reader gets from a subtree (name from content): the flattened tree across
 * shadow roots and slots, without `aria-hidden` and without what CSS hides (`display: none`,
 * `visibility: hidden`); visually-hidden text counts. The test runner has no accessibility-tree
 * plugin configured, so this stands in for the browser's name computation of links and text.
 */
export function accessibleText(root: Node): string {
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
    if (node.getAttribute('aria-hidden') === 'true') return;
    const style = getComputedStyle(node);
    if (style.display === 'none' || style.visibility === 'hidden') return;
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

/** The text a sighted user sees: like `accessibleText`, but without visually-hidden text. */
export function visibleText(root: Node): string {
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
    if (style.position === 'absolute' && style.clipPath === 'inset(50%)') return;
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
