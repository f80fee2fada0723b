import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The web app: served by Vite in development (API calls proxied to the server on :8080),
// built to apps/web/dist (outDir is relative to this folder, the Vite root) for the server to serve.
const server = 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': server,
      // The CTI WebSocket (话务台 and later the supervisor pages).
      '/ws': { target: server, ws: true },
      '/healthz': server,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Pages are lazy chunks of their own. React and zod (pulled in by @rexian/contracts' schemas)
    // change less often than the app, so they get their own long-cached chunks.
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'zod', test: /node_modules[\\/]zod[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/ },
          ],
        },
      },
    },
  },
});
