// Build configuration, not runtime code: both Node apps share one webpack setup.
// eslint-disable-next-line @nx/enforce-module-boundaries
module.exports = require('../node-webpack.config')({
  app: 'worker',
  entries: { main: './src/main.ts' },
});
