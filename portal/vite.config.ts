import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The build lands in target/classes/static: Maven's jar carries it, the gateway serves it at /.
// `npm run dev` proxies the API, the login and the stream to a running gateway (SITEWORK_URL, default :8080).
const gateway = process.env.SITEWORK_URL || 'http://localhost:8080';
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      // same-origin to the gateway: its CORS allows only the portal's own origin
      '/api': { target: gateway, configure: (proxy) => proxy.on('proxyReq', (req) => req.removeHeader('origin')) },
      '/auth': { target: gateway, configure: (proxy) => proxy.on('proxyReq', (req) => req.removeHeader('origin')) },
    },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
    css: false,
  },
});
