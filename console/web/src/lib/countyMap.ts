import { wgs84ToGcj02 } from './gcj02'

/**
 * The 地图 screen's rules, free of MapLibre: which layer groups exist and which are on by
 * default, their colours (grids by zone, components by major class, cases by state), the
 * same-origin tile URL (with `?crs=GCJ02` under a 高德 base layer), the bearer token added to
 * the console's own requests only, and the cases as GeoJSON (shifted to GCJ-02 when needed).
 */

/** The county's layers from gis-service's vector tiles (docs/gis.md §13), plus the cases. */
export const LAYER_GROUPS = ['townships', 'communities', 'grids', 'components', 'pipes', 'cameras', 'cases'] as const
export type LayerGroup = (typeof LAYER_GROUPS)[number]

/** Everything is on at first: the whole county with every layer is what the benchmark draws. */
export const DEFAULT_ON: readonly LayerGroup[] = LAYER_GROUPS

/** Minqing (闽清县) with a margin, WGS-84: where the map starts before the outline is read. */
export const COUNTY_BOUNDS: [[number, number], [number, number]] = [
  [118.3, 25.9],
  [119.2, 26.6],
]

/** 单元网格 by zone (R-12, R-15: the fringe doubles some limits). */
export const ZONE_COLOURS: Record<string, string> = {
  URBAN: '#e07b39',
  FRINGE: '#3f9b5a',
  OTHER: '#8c8c8c',
}

/** 部件 by major class (大类, docs/gis.md §3). */
export const MAJOR_CLASS_COLOURS: Record<string, string> = {
  '01': '#1f6fd1',
  '02': '#8e44ad',
  '03': '#c0392b',
  '04': '#2e8b57',
  '05': '#b8860b',
  '06': '#5d6d7e',
  '07': '#16a0b5',
}

/** 案件 by state (dispatch-service CaseState; only open ones are on the map by default). */
export const CASE_STATE_COLOURS: Record<string, string> = {
  AWAITING_DISPATCH: '#d0021b',
  DISPATCHED: '#f5a623',
  SIGNED_FOR: '#f5a623',
  IN_HANDLING: '#e67e22',
  RETURN_REQUESTED: '#9b59b6',
  EXTENSION_REQUESTED: '#9b59b6',
  SUSPENDED: '#7f8c8d',
  FEEDBACK_SUBMITTED: '#2980b9',
  CHECK_ORDERED: '#2980b9',
  CHECK_PASSED: '#27ae60',
  COORDINATING: '#8e44ad',
  ESCALATED_TO_COUNTY_GOVERNMENT: '#8b0000',
  EMERGENCY_ARRANGEMENT: '#8b0000',
}

/** A MapLibre `match` expression colouring by a property, with a fallback colour. */
export function matchColour(property: string, colours: Record<string, string>, fallback = '#555555'): unknown[] {
  const expr: unknown[] = ['match', ['get', property]]
  for (const [k, v] of Object.entries(colours)) expr.push(k, v)
  expr.push(fallback)
  return expr
}

/** The optional online base layer from /config.json (off by default, none when not configured). */
export interface BaseLayerConfig {
  url: string
  type: 'tianditu' | 'gaode'
  attribution?: string
}

/** 高德 draws in GCJ-02: the county's WGS-84 overlays must be shifted onto it. */
export function needsGcj02(base: BaseLayerConfig | null | undefined, baseOn: boolean): boolean {
  return !!base && baseOn && base.type === 'gaode'
}

/** The county tiles, same origin through the console's gateway. */
export function tileUrl(origin: string, gcj02: boolean): string {
  return `${origin}/api/gis/v1/tiles/{z}/{x}/{y}.mvt${gcj02 ? '?crs=GCJ02' : ''}`
}

/**
 * MapLibre's transformRequest: the person's bearer token goes with requests to this origin's
 * `/api/` only — never to an online base layer's host.
 */
export function authorise(
  url: string,
  origin: string,
  token: string | null,
): { url: string; headers?: Record<string, string> } | undefined {
  if (!token) return undefined
  if (!url.startsWith(`${origin}/api/`)) return undefined
  return { url, headers: { Authorization: `Bearer ${token}` } }
}

export interface CaseFeature {
  type: 'Feature'
  id: string
  geometry: { type: 'Point'; coordinates: [number, number] }
  properties: {
    caseId: string
    reportNo: string
    state: string
    stateNameZh: string
    categoryCode: string
    categoryName: string
    emergency: boolean
  }
}

export interface CaseCollection {
  type: 'FeatureCollection'
  features: CaseFeature[]
  numberReturned?: number
  limit?: number
  truncated?: boolean
}

/** The cases for the map: as dispatch-service sent them, or shifted to GCJ-02. */
export function casesForMap(fc: CaseCollection, gcj02: boolean): CaseCollection {
  if (!gcj02) return fc
  return {
    ...fc,
    features: fc.features.map((f) => ({
      ...f,
      geometry: { type: 'Point', coordinates: wgs84ToGcj02(f.geometry.coordinates[0], f.geometry.coordinates[1]) },
    })),
  }
}

/** The case layer's query: the whole county box, open states (dispatch's default). */
export function casePositionsPath(states: readonly string[] = []): string {
  const [[w, s], [e, n]] = COUNTY_BOUNDS
  const q = new URLSearchParams({ bbox: `${w},${s},${e},${n}`, limit: '5000' })
  if (states.length) q.set('state', states.join(','))
  return `/api/dispatch/v1/cases/positions?${q.toString()}`
}

/** The bounds [[w, s], [e, n]] of any GeoJSON geometry's positions; null when it has none. */
export function boundsOf(geometry: unknown): [[number, number], [number, number]] | null {
  let w = Infinity
  let s = Infinity
  let e = -Infinity
  let n = -Infinity
  const walk = (c: unknown): void => {
    if (!Array.isArray(c)) return
    if (typeof c[0] === 'number' && typeof c[1] === 'number') {
      w = Math.min(w, c[0])
      e = Math.max(e, c[0])
      s = Math.min(s, c[1])
      n = Math.max(n, c[1])
      return
    }
    c.forEach(walk)
  }
  walk((geometry as { coordinates?: unknown } | null)?.coordinates)
  return Number.isFinite(w) ? [[w, s], [e, n]] : null
}

/** Which MapLibre layer ids make up each group (the toggles switch them together). */
export const GROUP_LAYERS: Record<LayerGroup, string[]> = {
  townships: ['townships-fill', 'townships-line'],
  communities: ['communities-line'],
  grids: ['grids-fill', 'grids-line'],
  components: ['components'],
  pipes: ['pipes'],
  cameras: ['cameras'],
  cases: ['cases'],
}
