import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web application lives in web/; `npm start` serves web/dist, `npm run dev`
// serves it with hot reload and sends /api to the API server.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    // The contract's zod schemas reach the browser: without this, zod probes `new Function`
    // for its fast paths, which the Content-Security-Policy (no unsafe-eval) reports on every page.
    // A banner runs before any module of its chunk, so before zod reads its configuration.
    rollupOptions: { output: { banner: 'globalThis.__zod_globalConfig ??= { jitless: true };' } },
  },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
});
