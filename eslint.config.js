// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { configs as litConfigs } from 'eslint-plugin-lit';
import { configs as wcConfigs } from 'eslint-plugin-wc';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';

/** Rendering message text as HTML is never allowed: it is personal data from other people. */
const forbiddenSinks = [
  {
    selector: 'MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
    message: 'innerHTML/outerHTML are forbidden: render message text as text.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'insertAdjacentHTML is forbidden: render message text as text.',
  },
  {
    selector: "CallExpression[callee.property.name='write'][callee.object.name='document']",
    message: 'document.write is forbidden.',
  },
];

const forbiddenImports = [
  {
    name: 'lit/directives/unsafe-html.js',
    message: 'unsafeHTML is forbidden: message text is only ever text.',
  },
  {
    name: 'lit-html/directives/unsafe-html.js',
    message: 'unsafeHTML is forbidden: message text is only ever text.',
  },
  { name: 'lit/directives/unsafe-svg.js', message: 'unsafeSVG is forbidden.' },
  {
    name: 'lit/directives/style-map.js',
    message: 'styleMap writes inline styles, which a strict CSP blocks.',
  },
];

/** One no-restricted-imports rule per layer of src/ (a later rule replaces an earlier one per file). */
function layers(list) {
  const mocks = {
    group: ['**/mocks/*', 'msw', 'msw/*'],
    message: 'The mock backend never ships inside the library.',
  };
  return list.map(({ files, forbidden, message }) => ({
    files,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbiddenImports,
          patterns: forbidden.length > 0 ? [mocks, { group: forbidden, message }] : [mocks],
        },
      ],
    },
  }));
}

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-demo/',
      'coverage/',
      '.tmp/',
      'storybook-static/',
      'visual-report/',
      'visual-results/',
      'public/mockServiceWorker.js',
      'src/generated/',
      'custom-elements.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  litConfigs['flat/recommended'],
  wcConfigs['flat/recommended'],
  litA11y.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
      'no-restricted-syntax': ['error', ...forbiddenSinks],
      'no-restricted-imports': ['error', { paths: forbiddenImports }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // Layering: imports point down only — domain → adapter → controllers → elements → define, with
  // events (typed Event classes, plain data) beside the domain and localization beside the
  // elements. Each layer lists what it may not import; the mock backend never ships inside the
  // library.
  ...layers([
    {
      files: ['src/domain/**/*.ts'],
      forbidden: [
        'lit',
        'lit/*',
        '@lit/*',
        '**/adapter/**',
        '**/controllers/**',
        '**/events/**',
        '**/elements/**',
        '**/define/**',
        '**/localization/**',
      ],
      message: 'src/domain is pure TypeScript: it imports nothing above it, and returns codes, not texts.',
    },
    {
      files: ['src/events/**/*.ts'],
      forbidden: [
        'lit',
        'lit/*',
        '@lit/*',
        '**/adapter/**',
        '**/controllers/**',
        '**/elements/**',
        '**/define/**',
        '**/localization/**',
      ],
      message: 'src/events holds Event classes with plain data: it imports the domain only.',
    },
    {
      files: ['src/adapter/**/*.ts'],
      forbidden: [
        'lit',
        'lit/*',
        '@lit/task',
        '@lit/localize',
        '**/controllers/**',
        '**/events/**',
        '**/elements/**',
        '**/define/**',
        '**/localization/**',
      ],
      message:
        'src/adapter imports the domain only (and @lit/context for its key); it words no text: the elements word each error by kind.',
    },
    {
      files: ['src/controllers/**/*.ts'],
      forbidden: ['**/events/**', '**/elements/**', '**/define/**', '**/localization/**'],
      message:
        'src/controllers own async state; they report through callbacks and import nothing above them.',
    },
    {
      files: ['src/elements/**/*.ts'],
      forbidden: ['**/define/**'],
      message: 'Elements never register themselves: only src/define does.',
    },
    {
      files: ['src/define/**/*.ts'],
      forbidden: ['**/adapter/**', '**/controllers/**', '**/domain/**', '**/localization/**'],
      message: 'src/define only registers elements.',
    },
    {
      files: ['src/localization/**/*.ts'],
      forbidden: [
        'lit',
        'lit/*',
        '**/adapter/**',
        '**/controllers/**',
        '**/events/**',
        '**/elements/**',
        '**/define/**',
        '**/domain/**',
      ],
      message: 'src/localization loads the generated locales only.',
    },
    { files: ['src/*.ts', 'src/generated/**/*.ts'], forbidden: [], message: '' },
  ]),
  {
    files: [
      'scripts/**',
      '*.config.*',
      '.storybook/**',
      '.puppeteerrc.cjs',
      'examples/node-test/**',
      'test/browser/**',
      'conformance/**',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
);
