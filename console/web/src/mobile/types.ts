/** What the collector's phone reads of the services (the fields it shows). */
export interface VerificationTask {
  id: string
  reportId: string
  reportNo?: string
  status: string
  categoryCode?: string
  description?: string
  address?: string
  lon?: number
  lat?: number
  requestedAt: string
  note?: string
}
export interface CheckTask {
  caseId: string
  reportNo: string
  categoryCode: string
  categoryName?: string
  state: string
  updatedAt: string
}


export interface CaseDetail {
  caseId: string
  reportNo: string
  categoryCode: string
  categoryName?: string
  state: string
  stateLabel?: string
  description?: string
  position?: { lon: number; lat: number } | null
  checkCollectorId?: string | null
  photos?: { photoId: string; purpose: string; purposeLabel?: string; sha256: string; fileName?: string }[]
}

export interface Attachment {
  id: string
  purpose: string
  sha256: string
  fileName?: string
}
