// Lint rules plus the dependency rule: src/domain is the pure core and may import nothing
// outside itself, read no environment and no clock.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.data/', 'coverage/', 'test-artifacts/', 'web/vendor/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', Buffer: 'readonly' } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?!\\./|date-fns$|date-fns/|@date-fns/tz$|chrono-node$)', message: 'src/domain is the pure core: it imports only from src/domain, date-fns and chrono-node.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'src/domain reads no environment: take settings as arguments.' },
        { name: 'fetch', message: 'src/domain does no I/O.' }],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'src/domain reads no clock: take `now` as an argument.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'src/domain reads no clock: take `now` as an argument.' },
        { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'src/domain takes ids and randomness as arguments.' }],
    },
  },
  {
    // A folder inside src/domain (src/domain/reading) may reach src/domain one level up, and no further.
    files: ['src/domain/*/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?!\\./|\\.\\./(?!\\.\\./)|date-fns$|date-fns/|@date-fns/tz$|chrono-node$)', message: 'src/domain is the pure core: it imports only from src/domain, date-fns and chrono-node.' },
        ],
      }],
    },
  },
);
