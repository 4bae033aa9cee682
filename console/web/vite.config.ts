import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import { pwaShell } from './pwa/plugin'

// The build goes to ../target/web-dist, which Maven copies to META-INF/resources of the Quarkus
// app (console/pom.xml). `npm run dev` proxies the APIs and /config.json to a running console
// (deploy/local/start.sh), so the dev server is same-origin with the APIs too.
export default defineConfig({
  // pwaShell: the phone apps' installable shell (sw.js with this build's files; docs/console.md)
  plugins: [vue(), pwaShell({ publicFiles: ['/manifest.json', '/icons/icon-192.png', '/icons/icon-512.png'] })],
  build: {
    outDir: '../target/web-dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rollupOptions: {
      output: {
        manualChunks(id) {
          if (id.includes('node_modules/maplibre-gl')) return 'maplibre'
          if (id.includes('node_modules/echarts') || id.includes('node_modules/zrender')) return 'echarts'
          if (id.includes('node_modules/element-plus')) return 'element-plus'
          return undefined
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:8086',
      '/live': 'http://127.0.0.1:8086',
      '/config.json': 'http://127.0.0.1:8086',
    },
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts'],
  },
})
