import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The build lands in target/classes/static: Maven's jar carries it, the gateway serves it at /.
// `npm run dev` proxies the API, the login and the stream to a running gateway on :8080.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/auth': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
