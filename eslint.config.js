// Lint rules plus the layer rules, one block per folder of src/: the domain is the pure core; use
// cases (src/app) see only the domain and ports; adapters (store, bot, import, scheduler, dashboard)
// depend on ports, not on each other; botbuilder stays in src/bot and src/localChat, so the Bot
// Framework SDK's successor is one folder's change. src/runtime.ts and src/main.ts wire everything.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const botFramework = { regex: '^(botbuilder|botframework-)', message: 'botbuilder is imported only under src/bot and src/localChat (the channel SDK stays one folder\'s change).' };

/** A pattern refusing imports of src/<folder> (or one module, `folder/(?:a|b)`) from a file below src. */
function notFolder(folder, why) {
  return { regex: `^(\\.\\./)+${folder}(/|\\.ts$)`, message: why };
}

/** One layer: its files may not import the folders listed (or the root wiring: runtime, main). */
function layer(folder, forbidden, extra = [], { files = [`src/${folder}/**/*.ts`], ignores = [], wiring = false } = {}) {
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          ...forbidden.map(([name, why]) => notFolder(name, why)),
          ...(wiring ? [] : [{ regex: '^(\\.\\./)+(runtime|main)\\.ts$', message: 'Only src/main.ts (and the local chat it starts) use the composition root.' }]),
          ...extra,
        ],
      }],
    },
  };
}

const adapters = (self) => ['store', 'bot', 'import', 'scheduler', 'dashboard', 'report', 'localChat', 'cli']
  .filter((f) => f !== self)
  .map((f) => [f, `src/${self} is an adapter: it depends on ports (src/domain) and use cases (src/app), not on src/${f}.`]);

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
  layer('app', [
    ...adapters('app').map(([f]) => [f, `Use cases (src/app) see the domain's ports, not the src/${f} adapter.`]),
    ['cards/(?:models|render)', 'Use cases return data; adapters build the card view models (src/cards/models.ts, render.ts). Date and count wording (cards/format.ts) is fine.'],
  ], [botFramework], { ignores: ['src/app/actionCards.ts'] }),
  // actionCards.ts builds card view models, so it belongs beside src/cards; until it moves it may use them.
  layer('app', adapters('app'), [botFramework], { files: ['src/app/actionCards.ts'] }),
  layer('scheduler', [...adapters('scheduler'), ['bot', 'The scheduler sends through the Messenger port (src/domain/messenger.ts), not src/bot.']], [botFramework]),
  layer('store', [...adapters('store'), ['app', 'The store implements ports; it does not call use cases.'], ['cards', 'The store keeps data, not cards.']], [botFramework]),
  // The dashboard serves the quarterly report (src/report) it links to.
  layer('dashboard', [...adapters('dashboard').filter(([f]) => f !== 'report'), ['store', 'The dashboard reads through the store port (Services), not store internals.']], [botFramework]),
  layer('report', [...adapters('report'), ['store', 'The report reads through the store port, not store internals.']], [botFramework]),
  layer('import', [...adapters('import'), ['app', 'The importer turns documents into plans; use cases call it, not the other way round.'], ['cards', 'The importer builds no cards.']], [botFramework]),
  layer('cards', [...adapters('cards'), ['app', 'Card models are data shapes; they call no use cases.']], [botFramework]),
  // The bot sends the quarterly report (src/report) as a file.
  layer('bot', adapters('bot').filter(([f]) => f !== 'localChat' && f !== 'report')),
  layer('cli', adapters('cli').filter(([f]) => !['store', 'import', 'bot', 'report'].includes(f)), [botFramework]),
  // The local chat plays Teams for the embedded default: it drives the running bot, sweep and dashboard.
  layer('localChat', adapters('localChat').filter(([f]) => !['bot', 'dashboard', 'scheduler'].includes(f)), [], { wiring: true }),
  {
    files: ['src/*.ts'],
    ignores: ['src/runtime.ts', 'src/main.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [botFramework] }] },
  },
  {
    files: ['src/domain/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?!\\./|date-fns$|date-fns/|@date-fns/tz$|chrono-node$)', message: 'src/domain is the pure core: it imports only from src/domain, date-fns and chrono-node.' },
        ],
      }],
    },
  },
  {
    files: ['src/domain/*/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { regex: '^(?!\\./|\\.\\./(?!\\.\\.)|date-fns$|date-fns/|@date-fns/tz$|chrono-node$)', message: 'src/domain is the pure core: it imports only from src/domain, date-fns and chrono-node.' },
        ],
      }],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
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
