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

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'dist-demo/',
      'coverage/',
      '.tmp/',
      'storybook-static/',
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
  {
    // Layering: imports point down only (domain → adapter → controllers → elements).
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbiddenImports,
          patterns: [
            {
              group: [
                'lit',
                'lit/*',
                '@lit/context',
                '@lit/task',
                '../adapter/*',
                '../controllers/*',
                '../elements/*',
                '../define/*',
                '../../mocks/*',
              ],
              message: 'src/domain is pure TypeScript: it imports nothing above it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: forbiddenImports,
          patterns: [
            {
              group: ['**/mocks/*', 'msw', 'msw/*'],
              message: 'The mock backend never ships inside the library.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**/*.mjs', '*.config.*', '.storybook/**', '.puppeteerrc.cjs', 'examples/node-test/**', 'conformance/**'],
    languageOptions: { globals: { ...globals.node } },
  },
);
