// Lint rules for the extension, the demo page, the build tools and the browser tests.
import js from '@eslint/js';
import globals from 'globals';

export default [
  { ignores: ['dist/', 'pkg/', 'target/', 'node_modules/', 'tests/e2e/artifacts/', 'fuzz/'] },
  js.configs.recommended,
  {
    rules: {
      'no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-var': 'error',
      'prefer-const': 'error',
      // Page text must never become markup.
      'no-restricted-properties': ['error',
        { property: 'innerHTML', message: 'Set text with textContent; page text must never be parsed as HTML.' },
        { property: 'outerHTML', message: 'Set text with textContent; page text must never be parsed as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Page text must never be parsed as HTML.' }],
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },
  {
    // Shared page code: classic scripts (content scripts) that also load as side-effect modules.
    files: ['extension/shared/**/*.js', 'extension/content/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: { ...globals.browser, chrome: 'readonly', browser: 'readonly' },
    },
  },
  {
    files: ['extension/background/**/*.js', 'extension/popup/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.serviceworker, chrome: 'readonly', browser: 'readonly' },
    },
  },
  {
    files: ['www/**/*.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.browser } },
  },
  {
    files: ['extension/tools/**/*.js', 'tests/e2e/**/*.js', 'eslint.config.js'],
    languageOptions: { sourceType: 'module', globals: { ...globals.node } },
  },
  {
    // Test code also runs functions inside the page (page.evaluate).
    files: ['tests/e2e/**/*.js', 'extension/tools/screenshot.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser, chrome: 'readonly' } },
  },
  {
    // The fixture pages' own scripts (some are hostile on purpose).
    files: ['tests/pages/**/*.js'],
    languageOptions: { sourceType: 'script', globals: { ...globals.browser } },
  },
];
