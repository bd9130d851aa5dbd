import { regions, type RegionId } from '@shared/backend'

export function regionName(region: RegionId): string {
  return region === 'custom' ? 'Custom address' : (regions.find((r) => r.id === region)?.label ?? region)
}

export function hostOf(baseUrl: string | null): string | null {
  if (baseUrl === null) return null
  try {
    return new URL(baseUrl).host
  } catch {
    return null
  }
}
