import { defineConfig } from 'vite';

// The web app lives in web/; `npm run build` writes dist/, which the API server serves.
// In `npm run dev` the Vite dev server proxies /api to the API server.
export default defineConfig({
  root: 'web',
  build: { outDir: '../dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  worker: { format: 'es' },
  server: {
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 5173),
    proxy: { '/api': process.env.API_URL ?? 'http://127.0.0.1:5174' },
  },
});
