/** intake-service's ReportView (the fields the console shows). */
export interface Report {
  id: string
  reportNo: string
  channel: string
  kind: string
  status: string
  categoryCode?: string
  categoryName?: string
  lon?: number
  lat?: number
  address?: string
  description?: string
  collectorId?: string
  reporterName?: string
  reporterPhone?: string
  contextResolved: boolean
  townshipCode?: string
  townshipName?: string
  communityName?: string
  gridCode?: string
  zone?: string
  nearestComponents?: { componentId: string; classCode: string; className?: string; name?: string; distanceM: number; maintainer?: string }[]
  catalogueVersion?: number
  limitAmount?: number
  limitUnit?: string
  emergency: boolean
  registeredAt: string
  decidedAt?: string
  decidedBy?: string
  rejectionReason?: string
  answer?: string
  mergedInto?: string
  keptSeparate?: boolean
  allowedActions?: string[]
  duplicateCandidates?: { id: string; reportNo: string; status: string; distanceMetres: number; registeredAt: string }[]
}

export interface Page<T> {
  items: T[]
  page: number
  size: number
  total: number
}

export interface Attachment {
  id: string
  purpose: string
  fileName?: string
  contentType?: string
  sizeBytes: number
  sha256: string
  uploadedAt: string
  uploadedBy?: string
}

export interface Bilingual {
  zh: string
  en: string
}

/** One category of the filing standard in force (立案、结案规范, R-05). */
export interface Category {
  code: string
  type: 'COMPONENT' | 'EVENT'
  nameZh: string
  nameEn: string
  filingCondition: Bilingual
  closingCondition: Bilingual
  handlingLimit: { amount: number; unit: string }
  emergency: boolean
  publicReportable: boolean
}

export interface Catalogue {
  version: number
  effectiveFrom: string
  majorClasses: { code: string; type: string; nameZh: string; nameEn: string }[]
  categories: Category[]
}

/** dispatch-service's CaseSummary (one line of GET /cases). */
export interface CaseSummary {
  caseId: string
  reportNo: string
  channel: string
  categoryCode: string
  categoryName?: string
  townshipCode?: string
  gridCode?: string
  emergency: boolean
  state: string
  stateLabel: string
  responsibleUnitId?: string | null
  overdueHandling: boolean
  filedAt: string
  updatedAt: string
}

/** dispatch-service's UnitSummary. */
export interface UnitSummary {
  unitId: string
  name: string
  kind: string
  kindLabel: string
  parentUnitId?: string | null
  townshipCode?: string | null
  active: boolean
}

/** dispatch-service's PhotoView (after- and check-photos of dispatch's evidence store). */
export interface CasePhoto {
  photoId: string
  orderId?: string | null
  purpose: string
  purposeLabel: string
  fileName?: string
  contentType?: string
  sizeBytes: number
  sha256: string
  uploadedBy?: string
  uploaderUnitId?: string | null
  uploaderCollectorId?: string | null
  uploadedAt: string
  lon?: number | null
  lat?: number | null
  takenAt?: string | null
  contentHref: string
}

/** dispatch-service's OrderView (the fields the case page shows). */
export interface CaseOrder {
  orderId: string
  unitId: string
  unitName?: string | null
  parentOrderId?: string | null
  round: number
  origin: string
  status: string
  statusLabel: string
  dispatchedAt: string
  dispatchedBy?: string
  returnDeadline?: string | null
  requirements?: string | null
  signedAt?: string | null
  signedBy?: string | null
  handlingDeadline?: string | null
  handlingExpired: boolean
}

/** dispatch-service's CaseDetail (the fields the case page shows). */
export interface CaseDetail {
  caseId: string
  reportNo: string
  channel: string
  categoryCode: string
  categoryName?: string
  limitAmount: number
  limitUnit: string
  zone?: string
  emergency: boolean
  state: string
  stateLabel: string
  filedAt: string
  registeredAt: string
  lastChangedAt: string
  responsibleUnitId?: string | null
  currentOrderId?: string | null
  failedChecks: number
  overdueHandling: boolean
  orders: CaseOrder[]
  returns: { orderId?: string | null; unitId?: string | null; reason: string; proposedUnitId?: string; requestedAt?: string; requestedBy?: string; decision?: string | null }[]
  extensions: { reason: string; requestedDeadline?: string; requestedAt?: string; requestedBy?: string; decision?: string | null }[]
  checkCollectorId?: string | null
  outcomeNote?: string | null
  allowedTransitions: { transition: string; label: string }[]
  description?: string
  position?: {
    lon?: number | null
    lat?: number | null
    townshipName?: string | null
    communityName?: string | null
    gridCode?: string | null
    componentId?: string | null
  }
  filingCondition?: Bilingual | null
  closingCondition?: Bilingual | null
  handlingDeadline?: string | null
  photos: CasePhoto[]
}

/** intake-service's collector (for 指令核查: pick the collector and see their position). */
export interface Collector {
  id: string
  name: string
  unitId: string
  deactivated: boolean
  lon?: number | null
  lat?: number | null
  positionAt?: string | null
  mayReport: boolean
}
