/// <reference types='vitest' />
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { nxViteTsPaths } from '@nx/vite/plugins/nx-tsconfig-paths.plugin';
import { nxCopyAssetsPlugin } from '@nx/vite/plugins/nx-copy-assets.plugin';

/** Where the dev server forwards REST and socket.io traffic; production nginx does the same. */
const apiTarget = process.env['NETDUTY_API_URL'] ?? 'http://localhost:3000';

export default defineConfig(() => ({
  root: import.meta.dirname,
  cacheDir: '../../node_modules/.vite/apps/console',
  server: {
    port: 4200,
    host: 'localhost',
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/socket.io': { target: apiTarget, changeOrigin: true, ws: true },
    },
  },
  preview: {
    port: 4300,
    host: 'localhost',
    proxy: {
      '/api': { target: apiTarget, changeOrigin: true },
      '/socket.io': { target: apiTarget, changeOrigin: true, ws: true },
    },
  },
  plugins: [react(), nxViteTsPaths(), nxCopyAssetsPlugin(['*.md'])],
  build: {
    outDir: '../../dist/apps/console',
    emptyOutDir: true,
    reportCompressedSize: true,
    // The first-load chunk is about 1 MB before gzip (antd's board components among it); `node bench/console-weight.mjs` prints it.
    chunkSizeWarningLimit: 1300,
    commonjsOptions: {
      transformMixedEsModules: true,
    },
    // No manual chunk groups: a group for antd or node_modules pulled the components of the lazy areas
    // into the first load (505 kB gzipped); left to itself the bundler keeps them with their area.
  },
}));
