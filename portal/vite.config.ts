import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The build lands in target/classes/static: Maven's jar carries it, the gateway serves it at /.
// `npm run dev` proxies the API, the login and the stream to a running gateway (SITEWORK_URL, default :8080).
const gateway = process.env.SITEWORK_URL || 'http://localhost:8080';

/**
 * The vendor chunk of a module: by package, so that each library's inner files (CommonJS builds included) stay
 * together and the chunks import one way only — mui, tanstack → react. What MUI and emotion bring along
 * (react-transition-group, stylis, clsx…) goes with them; the app's own code stays in the entry and the screens.
 */
export function vendorChunk(id: string): string | undefined {
  const match = /[\\/]node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id);
  if (!match) return undefined;
  const name = match[1].replace(/\\/g, '/');
  if (['react', 'react-dom', 'scheduler', 'react-router', 'react-router-dom', '@remix-run/router'].includes(name)) return 'react';
  if (name.startsWith('@tanstack/')) return 'tanstack';
  if (['oidc-client-ts', 'jwt-decode'].includes(name)) return 'oidc';
  if (name === '@microsoft/fetch-event-source') return undefined;
  return 'mui';
}

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'target/classes/static',
    emptyOutDir: true,
    // Vite's default warning limit (500 kB) stays: each route screen is a chunk of its own (React.lazy in App.tsx)
    // and the libraries are vendor chunks (vendorChunk above), cached across releases that do not change them
    rollupOptions: {
      output: {
        manualChunks: vendorChunk,
      },
    },
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
