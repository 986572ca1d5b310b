/**
 * Hostile input for the rendering tests: markup, script URLs, template-breaking text, bidi and
 * zero-width characters, emoji and very long text. Every payload that could run code sets
 * `window.__pwned`, so a test can tell that nothing ran.
 */
declare global {
  interface Window {
    __pwned?: unknown;
  }
}

const RUN = 'window.__pwned=1';

/** Short hostile strings, each usable as a subject, a name, a body or (with an extension) a file name. */
export const HOSTILE_TEXTS: readonly string[] = [
  `<script>${RUN}</script>`,
  `<img src=x onerror="${RUN}">`,
  `<svg onload="${RUN}"><a href="javascript:${RUN}">x</a></svg>`,
  `"><iframe srcdoc="<script>${RUN}</script>"></iframe>`,
  `' onmouseover='${RUN}' data-x='`,
  `javascript:${RUN}`,
  `data:text/html,<script>${RUN}</script>`,
  `\${${RUN}} {{constructor.constructor('${RUN}')()}} <%= ${RUN} %>`,
  `</textarea></style></title><!-- <![CDATA[ ]]> --> \` \\u0000`,
  `<lit-part>\u0000<?lit$123$>`,
  // Right-to-left override: "Lönelista\u202Efdp.exe" shows as "Lönelistaexe.pdf".
  'Lönelista\u202Efdp.exe',
  '\u2067Isolerad\u2069 och \u202Binbäddad\u202C text \u200F\u200E',
  'Noll\u200Bbredd\u200C\u200Dtecken\uFEFF',
  '👩‍💼 Löneadministratör 📎 🇸🇪 ✅',
  'Ünïcödé: Åsa Öberg, ÆØÅ, Ωμέγα, 中文, عربى',
];

/** A 100 KB body: long lines, no spaces in places, markup in between. */
export function hugeBody(): string {
  const chunk = `${'A'.repeat(900)} <b>fet</b> ${'B'.repeat(90)}\n`;
  return chunk.repeat(Math.ceil(100_000 / chunk.length)).slice(0, 100_000);
}

/**
 * A 255-character file name with a hostile start and an extension. No double quote: browsers send
 * `"` in a multipart file name as `%22`, so a server cannot tell it from a typed `%22`.
 */
export function longFileName(prefix = `<img src=x onerror=${RUN}>`): string {
  return `${prefix}${'x'.repeat(255 - prefix.length - 4)}.pdf`;
}

/** Bidi formatting characters: after `plainFileName` none of them remain in a file name. */
export const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
