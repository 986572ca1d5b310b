// Size Limit (`npm run size`, in CI after the build): what a portal loads, measured as a portal
// bundles the package — esbuild, minified, compressed with brotli (Size Limit's default, and what
// a server sends to every current browser) — with Lit and its packages inside, once per bundle
// (Size Limit leaves peer dependencies out by default; a portal cannot). The English texts load on
// demand after setLocale('en') and are not counted.
const elements = {
  'notice-badge': 'NoticeBadge',
  'secure-adapter-provider': 'SecureAdapterProvider',
  'secure-compose': 'SecureCompose',
  'secure-inbox': 'SecureInbox',
  'secure-thread': 'SecureThread',
  'secure-messages': 'SecureMessages',
};
// Limits in kB of 1,000 bytes, a little above today's figures so that growth fails CI. Live
// updates raised them: one stream per browser, shared by every tab, a session end that reaches
// every tab and, polling, one tab's answer serving all (controllers/live.ts) cost each element
// 0.6–0.8 kB, and reading the stream (the REST adapter's streamEvents with eventsource-parser)
// 1.8 kB more in the whole feature. Keeping a long list's rows and messages from being redone on
// every render (Lit's guard, one delegated listener each) cost the inbox and the thread 0.1 kB.
// The officers' side raised them again: the officer's rows, filters and organisation search cost
// the inbox 1.9 kB, the search in the form 0.4 kB, statuses worded for the reader 0.1 kB.
const LIMITS = {
  'notice-badge': '11.45 kB',
  'secure-adapter-provider': '6.6 kB',
  'secure-compose': '20.3 kB',
  'secure-inbox': '21.05 kB',
  'secure-thread': '25.95 kB',
  'secure-messages': '34.7 kB',
};
const WHOLE_FEATURE_LIMIT = '41.85 kB';
const withLit = (config) => ({ ...config, format: 'esm', external: ['./en-*'] });
const check = (name, imports, limit) => ({
  name,
  path: Object.keys(imports),
  import: imports,
  brotli: true,
  limit,
  modifyEsbuildConfig: withLit,
});
const define = (tag) => ({ [`dist/define/${tag}.js`]: `{ ${elements[tag]} }` });

export default [
  // Each element alone, as a site that embeds only it (e.g. the badge in a menu) bundles it.
  ...Object.entries(LIMITS).map(([tag, limit]) => check(`<${tag}>`, define(tag), limit)),
  // The whole feature: every element and the REST adapter in one bundle.
  check(
    'whole feature with the REST adapter',
    Object.assign({ 'dist/adapter.js': '{ createRestAdapter }' }, ...Object.keys(elements).map(define)),
    WHOLE_FEATURE_LIMIT,
  ),
];
