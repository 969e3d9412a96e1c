import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// main: the Electron main process and the command line (both run the core under Node);
// preload: CommonJS, because a sandboxed window cannot load an ES module preload;
// renderer: the React app, also served by browser mode.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          cli: resolve(import.meta.dirname, 'src/cli/main.ts'),
          // Worker threads, started from beside the bundle (src/services/worker-threads.ts).
          'recompute-worker': resolve(import.meta.dirname, 'src/services/recompute-worker.ts'),
          'import-worker': resolve(import.meta.dirname, 'src/services/import-worker.ts'),
          'check-worker': resolve(import.meta.dirname, 'src/services/check-worker.ts'),
        },
        // The command line is the package's bin.
        output: { banner: (chunk: { name: string }) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : '') },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    base: './',
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      // Smaller to parse on start-up (electron-vite leaves bundles unminified by default).
      minify: true,
      rollupOptions: { input: resolve(import.meta.dirname, 'src/renderer/index.html') },
    },
    plugins: [react()],
  },
});
