// Build configuration, not runtime code: both Node apps share one webpack setup.
// eslint-disable-next-line @nx/enforce-module-boundaries
module.exports = require('../node-webpack.config')({
  app: 'api',
  entries: { main: './src/main.ts', migrate: './src/migrate.ts', seed: './src/seed.ts' },
});
