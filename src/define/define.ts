/**
 * Registers a custom element once. Registering the same class again is a no-op (a define module
 * imported twice); a different class under the same tag — usually two copies of the library on one
 * page — keeps the first registration and warns, instead of throwing and breaking the page.
 */
export function defineElement(
  tag: string,
  ctor: CustomElementConstructor,
  registry: CustomElementRegistry = customElements,
): void {
  const existing = registry.get(tag);
  if (existing === undefined) {
    registry.define(tag, ctor);
    return;
  }
  if (existing !== ctor) {
    console.warn(
      `[secure-messages] <${tag}> is already defined by another class; keeping the first definition. ` +
        'Is a second copy of @kpa/secure-messages loaded on this page?',
    );
  }
}
