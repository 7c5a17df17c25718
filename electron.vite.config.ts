// Builds the three parts of the app: main (Electron main process, the data core process and its
// workers), preload
// (CommonJS, as sandboxed preloads require) and renderer (React). The renderer's CSP is written
// into index.html here: strict for builds, with the local dev server allowed under `npm run dev`.
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import { DEV_CSP, STRICT_CSP } from './shared/security/csp.ts';

function cspPlugin(): Plugin {
  let csp = STRICT_CSP;
  return {
    name: 'winnow-csp',
    configResolved(config) {
      csp = config.command === 'serve' ? DEV_CSP : STRICT_CSP;
    },
    transformIndexHtml(html) {
      return html.replace('%WINNOW_CSP%', csp);
    },
  };
}

export default defineConfig({
  main: {
    build: {
      rolldownOptions: {
        input: {
          index: resolve(import.meta.dirname, 'electron/main/index.ts'),
          // The data core's process and its connection workers (docs/internals/process-split.md).
          'core-process': resolve(import.meta.dirname, 'electron/core/process/core-process.ts'),
          'connection-worker': resolve(import.meta.dirname, 'electron/core/process/connection-worker.ts'),
          'job-worker': resolve(import.meta.dirname, 'electron/core/jobs/job-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads cannot load ES modules or node_modules: one self-contained CJS file.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    plugins: [react(), cspPlugin()],
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rolldownOptions: {
        input: resolve(import.meta.dirname, 'renderer/index.html'),
        // ECharts and zrender in one chunk of their own, loaded with the first chart (EChart.tsx).
        output: { codeSplitting: { groups: [{ name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/ }] } },
      },
      // Fonts and images stay files next to the page; nothing is inlined or fetched.
      assetsInlineLimit: 0,
      // electron-vite leaves the renderer unminified by default; the page loads faster minified.
      // Each area is a lazy chunk (renderer/src/app/lazy-areas.tsx); sourcemaps stay off (no
      // source shipped).
      minify: true,
      cssMinify: true,
    },
  },
});
