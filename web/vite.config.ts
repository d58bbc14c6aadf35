import { defineConfig } from 'vite';

/** The console: built into web/dist, served by the API at / (src/console/serve-console.ts). */
export default defineConfig({
  root: import.meta.dirname,
  base: '/',
  oxc: { jsx: { runtime: 'automatic' } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // read by bench/console-bundle.bench.ts: which chunks the first screen loads
    manifest: true,
    // the first screen's budget (issue 17: < 500 KB gzipped) is measured by bench/console-bundle.ts instead
    chunkSizeWarningLimit: 2048,
    reportCompressedSize: false,
    rolldownOptions: {
      // React's "use client" markers mean nothing in a client-only bundle
      onwarn: (warning, warn) => warning.code === 'MODULE_LEVEL_DIRECTIVE' || warn(warning),
    },
  },
});
