import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web application lives in web/; `npm start` serves web/dist, `npm run dev`
// serves it with hot reload and sends /api to the API server.
export default defineConfig({
  root: 'web',
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, assetsInlineLimit: 0 },
  server: { port: 5173, proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
});
