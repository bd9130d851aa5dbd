import { watchEffect } from 'vue'
import type { Density } from '@shared/backend'

/** Puts compact density on <html data-density>, where density.css reads it; comfortable is the default look. */
export function useDocumentDensity(density: () => Density | undefined): void {
  watchEffect(() => {
    const root = document.documentElement
    if (density() === 'compact') root.dataset.density = 'compact'
    else delete root.dataset.density
  })
}
