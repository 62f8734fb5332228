import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
/** The alerts service serves the API, the login and (in production) the built pages from one origin. */
const alertsService = 'http://127.0.0.1:8082';

/** Two pages: the console (`index.html`, React) and the public status page (`status.html`, no framework). */
export default defineConfig({
  root,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      input: { console: `${root}index.html`, status: `${root}status.html` },
    },
  },
  server: {
    host: '127.0.0.1',
    proxy: {
      '/v1': { target: alertsService },
      '/auth': { target: alertsService },
    },
  },
});
