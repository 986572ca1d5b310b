/** Schemes a link the elements render may have; relative addresses resolve to the page's own. */
const LINK_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:']);

/**
 * The address itself when it is safe to put in a link's `href`: relative, or http(s). Anything
 * else — `javascript:`, `data:`, `vbscript:`, `blob:`, in any case and with any white space or
 * control characters that browsers ignore — gives `undefined`, so that the link is not rendered.
 */
export function safeLinkTarget(href: string): string | undefined {
  let url: URL;
  try {
    // A fixed base makes relative addresses absolute without looking at the page.
    url = new URL(href, 'https://relative.invalid/');
  } catch {
    return undefined;
  }
  return LINK_SCHEMES.has(url.protocol) ? href : undefined;
}
