/**
 * Whether a task (核实 verification in intake, 核查 check in dispatch) still takes an answer, and
 * if not, why — what the phone shows instead of the answer form, and beside a refused answer in
 * the queue. A verification is open while PENDING (intake cancels open tasks when the report is
 * filed, rejected or merged otherwise, and keeps the cause in the task's note: 立案 filed,
 * 不予立案 rejected, 合并 merged; R-05); a check while the case is CHECK_ORDERED.
 */
export interface TaskClosed {
  /** the task's status (verification) or the case's state (check), as the service names it */
  status: string
  /** the service's own words for it: the cancellation's cause, the state's label */
  why?: string
}

export function closedTask(
  kind: 'verification' | 'check',
  read: { status?: string; note?: string; state?: string; stateLabel?: string } | null | undefined,
): TaskClosed | null {
  if (!read) return null
  if (kind === 'verification') {
    if (!read.status || read.status === 'PENDING') return null
    return { status: read.status, why: read.note || undefined }
  }
  if (!read.state || read.state === 'CHECK_ORDERED') return null
  return { status: read.state, why: read.stateLabel || undefined }
}
