import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    alias: {
      '@shared': resolve('src/shared'),
      '@renderer': resolve('src/renderer/src')
    }
  },
  test: {
    // The shared corpus sits beside the repository (../shared/corpus); CORPUS_DIR can point elsewhere.
    env: { CORPUS_DIR: process.env.CORPUS_DIR ?? resolve('../shared/corpus') },
    include: ['src/**/*.test.ts', 'bench/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000
  }
})
