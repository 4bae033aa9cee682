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
