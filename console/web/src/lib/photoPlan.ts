/**
 * What the phone does with a camera photo before it is queued (城管通). intake-service accepts
 * image/jpeg, image/png and image/webp up to 10 MiB (AttachmentPolicy.DEFAULT, docs/intake.md §4),
 * dispatch-service the same for check photos; a phone's camera gives 3–12 MB. Issue 18: a photo
 * the services accept as it is (one of their types, ≤ 10 MiB) is sent as the camera gave it — the
 * evidence unaltered, the stored hash the original's — and travels resumably in chunks
 * (lib/outbox.ts), so its size costs time on a weak link, never the upload. Only a photo the
 * services would refuse (another type, over 10 MiB) is re-encoded: JPEG, the long edge at most
 * 1600 px, at most 1 MiB; the original's hash is kept on the device either way.
 */
export const SERVICE_MAX_BYTES = 10 * 1024 * 1024
export const SERVICE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export const TARGET_BYTES = 1024 * 1024
export const MAX_EDGE = 1600
/** JPEG qualities tried in turn until the photo fits TARGET_BYTES */
export const QUALITIES = [0.82, 0.7, 0.58, 0.46] as const
/** at most this many photos per report (intake: 9 per report, purpose and uploader) */
export const MAX_PHOTOS = 9

export type Plan = { keep: true } | { keep: false; width: number; height: number }

/**
 * Keep the original when the services accept it as it is, else re-encode at these dimensions
 * (aspect kept, long edge ≤ MAX_EDGE).
 */
export function plan(width: number, height: number, size: number, type: string): Plan {
  if (acceptable(type, size)) return { keep: true }
  const scale = Math.min(1, MAX_EDGE / Math.max(width, height))
  return { keep: false, width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) }
}

/** Whether bytes of this type and size may go to the services at all. */
export function acceptable(type: string, size: number): boolean {
  return (SERVICE_TYPES as readonly string[]).includes(type) && size > 0 && size <= SERVICE_MAX_BYTES
}

/** Lower-case hex of a digest. */
export function hex(buf: ArrayBuffer): string {
  return Array.from(new Uint8Array(buf), (b) => b.toString(16).padStart(2, '0')).join('')
}

export async function sha256Hex(bytes: ArrayBuffer): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', bytes))
}
