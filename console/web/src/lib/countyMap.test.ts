import { describe, expect, it } from 'vitest'
import {
  authorise,
  boundsOf,
  casePositionsPath,
  casesForMap,
  DEFAULT_ON,
  GROUP_LAYERS,
  LAYER_GROUPS,
  matchColour,
  needsGcj02,
  tileUrl,
  type CaseCollection,
} from './countyMap'

const origin = 'http://127.0.0.1:8506'

describe('the county map', () => {
  it('has every layer the issue names, all on by default, each with map layers', () => {
    expect(LAYER_GROUPS).toEqual(['townships', 'communities', 'grids', 'components', 'pipes', 'cameras', 'cases'])
    expect(DEFAULT_ON).toEqual(LAYER_GROUPS)
    for (const g of LAYER_GROUPS) expect(GROUP_LAYERS[g].length).toBeGreaterThan(0)
  })

  it('asks the tiles same-origin, shifted to GCJ-02 only under a 高德 base layer that is on', () => {
    expect(tileUrl(origin, false)).toBe(`${origin}/api/gis/v1/tiles/{z}/{x}/{y}.mvt`)
    expect(tileUrl(origin, true)).toBe(`${origin}/api/gis/v1/tiles/{z}/{x}/{y}.mvt?crs=GCJ02`)
    const gaode = { url: 'https://webrd01.is.autonavi.com/appmaptile?x={x}&y={y}&z={z}', type: 'gaode' as const }
    const tdt = { url: 'https://t0.tianditu.gov.cn/vec_w/wmts?tk=k', type: 'tianditu' as const }
    expect(needsGcj02(gaode, true)).toBe(true)
    expect(needsGcj02(gaode, false)).toBe(false)
    expect(needsGcj02(tdt, true)).toBe(false)
    expect(needsGcj02(null, true)).toBe(false)
  })

  it('adds the bearer token to this origin\'s API only', () => {
    expect(authorise(`${origin}/api/gis/v1/tiles/8/213/108.mvt`, origin, 'T')).toEqual({
      url: `${origin}/api/gis/v1/tiles/8/213/108.mvt`,
      headers: { Authorization: 'Bearer T' },
    })
    expect(authorise('https://t0.tianditu.gov.cn/vec_w/wmts?x=1', origin, 'T')).toBeUndefined()
    expect(authorise(`${origin}.evil.example/api/x`, origin, 'T')).toBeUndefined()
    expect(authorise(`${origin}/assets/x.js`, origin, 'T')).toBeUndefined()
    expect(authorise(`${origin}/api/gis/v1/tiles/8/213/108.mvt`, origin, null)).toBeUndefined()
  })

  it('shifts the cases onto a GCJ-02 base layer and leaves them as they are otherwise', () => {
    const fc: CaseCollection = {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          id: 'c1',
          geometry: { type: 'Point', coordinates: [118.86, 26.22] },
          properties: { caseId: 'c1', reportNo: 'MQ1', state: 'DISPATCHED', stateNameZh: '已派遣', categoryCode: 'C-0101', categoryName: 'x', emergency: false },
        },
      ],
    }
    expect(casesForMap(fc, false)).toBe(fc)
    const shifted = casesForMap(fc, true).features[0].geometry.coordinates
    expect(shifted[0]).toBeCloseTo(118.86458227569985, 12)
    expect(shifted[1]).toBeCloseTo(26.216613430152066, 12)
    expect(fc.features[0].geometry.coordinates).toEqual([118.86, 26.22])
  })

  it('asks dispatch for the whole county, by state when given', () => {
    expect(casePositionsPath()).toBe('/api/dispatch/v1/cases/positions?bbox=118.3%2C25.9%2C119.2%2C26.6&limit=5000')
    expect(casePositionsPath(['DISPATCHED', 'IN_HANDLING'])).toContain('state=DISPATCHED%2CIN_HANDLING')
  })

  it('colours by a property with a fallback', () => {
    expect(matchColour('zone', { URBAN: '#a', FRINGE: '#b' }, '#c')).toEqual(['match', ['get', 'zone'], 'URBAN', '#a', 'FRINGE', '#b', '#c'])
  })

  it('finds the bounds of a polygon or multipolygon', () => {
    expect(boundsOf({ type: 'Polygon', coordinates: [[[118.4, 26.0], [119.0, 26.0], [119.0, 26.5], [118.4, 26.0]]] })).toEqual([
      [118.4, 26.0],
      [119.0, 26.5],
    ])
    expect(boundsOf({ type: 'MultiPolygon', coordinates: [] })).toBeNull()
    expect(boundsOf(null)).toBeNull()
  })
})
