import nx from '@nx/eslint-plugin';

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  {
    ignores: ['**/dist', '**/out-tsc', '**/vite.config.*.timestamp*', '**/node_modules', 'test/browser/screenshots'],
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.js', '**/*.jsx'],
    rules: {
      // The console can never import server code; shared libs import nothing but shared libs.
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: ['^.*/eslint(\\.base)?\\.config\\.[cm]?[jt]s$'],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:frontend', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:backend', onlyDependOnLibsWithTags: ['scope:backend', 'scope:shared'] },
            // Layers, bottom up: contracts and domain; platform (configuration, Redis, queue, realtime, errors,
            // and the core that opens the database); data-access (entities, migrations, the scope filter);
            // areas (one Nest module each); apps. Data-access is reached only from the areas, the platform
            // core that opens it and the demo seeder; the apps reach it only through those.
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:platform', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:platform', 'type:data-access'] },
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain'] },
            { sourceTag: 'type:area', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:platform', 'type:data-access', 'type:area'] },
            // The demo province generator (type:tooling) is for the seed command only: no lib may import it;
            // among the apps, the rule below narrows it to apps/api/src/seed.ts.
            { sourceTag: 'type:tooling', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:platform', 'type:data-access', 'type:area'] },
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:contracts', 'type:domain', 'type:platform', 'type:area', 'type:tooling'] },
          ],
        },
      ],
    },
  },
  {
    // Nx tags cannot tell one entry of an app from another: only the api's seed entry may build the demo data,
    // so that neither the api's main bundle nor the worker's carries it (the test support imports it too).
    files: ['apps/**/*.ts', 'apps/**/*.tsx'],
    ignores: ['apps/api/src/seed.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@netduty/demo-data', message: 'Only the seed command (apps/api/src/seed.ts) imports the demo data.' }],
          patterns: [{ group: ['**/tooling/demo-data/**'], message: 'Only the seed command (apps/api/src/seed.ts) imports the demo data.' }],
        },
      ],
    },
  },
  {
    // Type-aware promise and exhaustiveness rules: a forgotten await in a queue handler is a lost escalation.
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['**/*.config.*', '**/jest.config.cts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/await-thenable': 'error',
    },
  },
];
