// ESLint flat config: typescript-eslint's recommended rules, a few type-checked rules that catch real
// bugs in async code, and billcheck's own contracts (exact money, rules blind to the input format).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'bench/data/', 'coverage/', 'test-artifacts/', 'fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // billcheck strips and tests control characters on purpose: its patterns name them.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      // A forgotten await loses a stream's error or a file's fatal problem.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
    },
  },
  {
    files: ['src/**/*.ts'],
    rules: {
      // Money is exact: amounts go through Money (decimal.js), never through a binary float.
      'no-restricted-globals': ['error', { name: 'parseFloat', message: 'Amounts are exact: use Money.' }],
      'no-restricted-properties': [
        'error',
        { object: 'Number', property: 'parseFloat', message: 'Amounts are exact: use Money.' },
      ],
    },
  },
  {
    files: ['src/rules/**/*.ts'],
    rules: {
      // Rules know nothing of CSV or text: what they need is a field of the document.
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[property.name='format'][object.property.name='source']",
          message: 'A rule must not read the input format; give the document the property it needs.',
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  prettier,
);
