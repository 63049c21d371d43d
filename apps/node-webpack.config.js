// One webpack configuration for NetDuty's Node processes (api, worker). Plain webpack + ts-loader:
// Nest needs TypeScript's decorator metadata, which esbuild does not emit, and @nx/webpack would bring
// sass-embedded (platform-specific optional packages that break `npm ci`) into apps without styles.
// Workspace libs (@netduty/*) are bundled; every npm package stays external and loads from node_modules.
const { join, resolve } = require('path');

const root = resolve(__dirname, '..');

/** @param {{ app: string, entries: Record<string, string> }} options */
module.exports = function nodeAppConfig({ app, entries }) {
  const appRoot = join(root, 'apps', app);
  const tsConfig = join(appRoot, 'tsconfig.app.json');
  return {
    mode: 'none',
    target: 'node',
    context: appRoot,
    entry: Object.fromEntries(Object.entries(entries).map(([name, path]) => [name, join(appRoot, path)])),
    output: {
      path: join(root, 'dist/apps', app),
      filename: '[name].js',
      clean: true,
      devtoolModuleFilenameTemplate: '[absolute-resource-path]',
    },
    devtool: 'source-map',
    resolve: {
      extensions: ['.ts', '.js', '.json'],
      // The workspace's path aliases, read from the one place they are declared.
      alias: Object.fromEntries(
        Object.entries(require(join(root, 'tsconfig.base.json')).compilerOptions.paths).map(([name, [target]]) => [
          `${name}$`,
          join(root, target),
        ]),
      ),
    },
    externalsPresets: { node: true },
    externals: [
      ({ request }, callback) =>
        request && !request.startsWith('.') && !request.startsWith('@netduty/') && !request.startsWith('/')
          ? callback(null, `commonjs ${request}`)
          : callback(),
    ],
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          exclude: /node_modules/,
          // Types are checked by the `typecheck` step of the build target (tsc --noEmit).
          options: { configFile: tsConfig, transpileOnly: true },
        },
      ],
    },
    optimization: { minimize: false, nodeEnv: false },
    node: { __dirname: false, __filename: false },
    stats: 'errors-warnings',
  };
};
