import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// `npm run dev:web`: Vite on :5173 with the API proxied to a planner started by `npm start`
// (PLANNER_URL overrides where it runs). `npm run build` writes the console to dist/web, which
// the planner serves at /.
const api = process.env.PLANNER_URL ?? 'http://127.0.0.1:3000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: {
      '/api': { target: api, changeOrigin: false },
      '/docs': { target: api },
      '/health': { target: api },
    },
  },
});
