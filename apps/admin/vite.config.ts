import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Where `vite` / `vite preview` forward `/api` (the NestJS API; override with UNIDOS_API_URL). */
const apiTarget = process.env.UNIDOS_API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  base: '/',
  plugins: [react()],
  resolve: {
    alias: {
      '@unidos/contracts': here('../../libs/shared/contracts/src/index.ts'),
    },
  },
  server: {
    port: 4200,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    port: 4300,
    proxy: {
      '/api': { target: apiTarget, changeOrigin: false },
    },
  },
  build: {
    outDir: here('../../dist/apps/admin'),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        // Libraries change less often than our code: separate chunks stay cached across releases.
        // The first three take only what the first screen loads (`$initial`); libraries reached only
        // through React.lazy (the dashboard's charts and map) get chunks of their own, loaded on demand.
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|react-router|react-router-dom|scheduler)[\\/]/,
              tags: ['$initial'],
            },
            { name: 'mui', test: /node_modules[\\/](@mui|@emotion|@popperjs)[\\/]/, tags: ['$initial'] },
            { name: 'vendor', test: /node_modules[\\/]/, tags: ['$initial'] },
            { name: 'charts', test: /node_modules[\\/]@mui[\\/]x-charts[\\/]/ },
            { name: 'map', test: /node_modules[\\/](d3-geo|topojson-client|us-atlas)[\\/]/ },
          ],
        },
      },
    },
  },
});
