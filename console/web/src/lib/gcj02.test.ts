import { describe, expect, it } from 'vitest'
import { gcj02ToWgs84, wgs84ToGcj02 } from './gcj02'

// The pairs pinned by gis-service's Gcj02Test (Java), docs/gis.md §4
describe('wgs84ToGcj02', () => {
  it("matches coordtransform's published pair (Beijing)", () => {
    const [lon, lat] = wgs84ToGcj02(116.404, 39.915)
    expect(lon).toBeCloseTo(116.41024449916938, 12)
    expect(lat).toBeCloseTo(39.91640428150164, 12)
  })

  it('matches the Java Gcj02 at the Minqing county seat (≈ 590 m)', () => {
    const [lon, lat] = wgs84ToGcj02(118.86, 26.22)
    expect(lon).toBeCloseTo(118.86458227569985, 12)
    expect(lat).toBeCloseTo(26.216613430152066, 12)
  })

  it('is the identity outside China', () => {
    expect(wgs84ToGcj02(2.35, 48.85)).toEqual([2.35, 48.85])
  })
})

describe('gcj02ToWgs84', () => {
  it('inverts the forward formula to 1e-7° over the county', () => {
    for (const [lon, lat] of [
      [118.3, 25.9],
      [118.86, 26.22],
      [119.2, 26.6],
    ]) {
      const [gLon, gLat] = wgs84ToGcj02(lon, lat)
      const [wLon, wLat] = gcj02ToWgs84(gLon, gLat)
      expect(Math.abs(wLon - lon)).toBeLessThan(1e-7)
      expect(Math.abs(wLat - lat)).toBeLessThan(1e-7)
    }
  })
})
