import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const database = {
  group: ['knex', 'knex/*', 'better-sqlite3', 'pg', 'pg/*'],
  message: 'Only src/db/ talks to the database: call a repository or a service.',
};
const domain = {
  group: ['**/domain/*'],
  message: 'src/db/ sits below the domain: give the repository an input type of its own (see NewPost, UserChanges).',
};
const dataAccess = {
  group: ['**/db/*'],
  message: 'Take the records from the domain (src/domain/types.ts); only the domain calls src/db/.',
};
const generated = {
  group: ['**/generated/**'],
  message: 'The domain and the data access take no contract types: define the input here, the handlers pass the validated body.',
};
const above = {
  group: ['express', 'express/*', '**/http/*', '**/handlers/*'],
  message: 'The version code sits below the router and the handlers: they import it, not the other way.',
};
const http = {
  group: ['express', 'express/*', '**/http/*', '**/handlers/*', '**/versions/**', '**/versions.js'],
  message: 'The domain and the data access know nothing of HTTP or versions.',
};

export default tseslint.config(
  { ignores: ['generated/', '**/dist/', 'node_modules/', 'coverage/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: globals.node },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  // The layers run one way (README, "How it is built"): http → handlers → versions → domain → db.
  // Only src/db/ talks to the database and it imports nothing of the domain; neither knows about
  // HTTP (no req/res below the handlers), versions or the generated contract types; the handlers
  // and the version code (src/versions/) reach the data only through the domain.
  {
    files: ['src/**/*.ts'],
    ignores: ['src/db/**', 'src/domain/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [database] }] },
  },
  { files: ['src/handlers/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [database, dataAccess] }] } },
  { files: ['src/versions/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [database, dataAccess, above] }] } },
  { files: ['src/domain/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [database, http, generated] }] } },
  { files: ['src/db/**/*.ts'], rules: { 'no-restricted-imports': ['error', { patterns: [http, generated, domain] }] } },
);
