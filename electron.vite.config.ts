import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  main: {
    build: {
      // electron-store and conf ship only as ES modules; bundle them into the CommonJS main bundle.
      externalizeDeps: { exclude: ['electron-store', 'conf'] },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require packages at run time: everything it uses is bundled.
      externalizeDeps: false,
    },
  },
  renderer: {
    resolve: { alias: { '@shared': resolve(__dirname, 'src/shared') } },
    plugins: [vue()],
  },
})
