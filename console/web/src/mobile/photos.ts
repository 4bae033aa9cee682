import { acceptable, plan, QUALITIES, sha256Hex, TARGET_BYTES } from '../lib/photoPlan'
import type { PhotoRef } from '../lib/outbox'

/** A photo ready for the queue: what is uploaded, its hashes, and a preview. */
export interface Prepared {
  ref: Omit<PhotoRef, 'key'>
  bytes: ArrayBuffer
  preview: string
}

function stamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}_${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`
}

function toBlob(canvas: HTMLCanvasElement, quality: number): Promise<Blob> {
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode'))), 'image/jpeg', quality))
}

/**
 * A camera photo made ready to send (lib/photoPlan.ts): the original's SHA-256 first, then the
 * original itself when the services accept it as it is (JPEG/PNG/WebP ≤ 10 MiB: not even decoded,
 * a 12-megapixel decode costs a phone a second), else re-encoded as JPEG with the long edge at
 * most 1600 px and stepping the quality down until it is at most 1 MiB; the SHA-256 of what is
 * sent (intake stores and answers that one, the app checks it against the answer).
 */
export async function prepare(file: File, n: number): Promise<Prepared> {
  const original = await file.arrayBuffer()
  const originalSha256 = await sha256Hex(original)
  let bytes = original
  let type = file.type
  let bitmap: ImageBitmap | null = null
  if (!acceptable(file.type, file.size)) {
    try {
      bitmap = await createImageBitmap(file)
    } catch {
      throw new Error('not-an-image')
    }
  }
  if (bitmap) {
    const p = plan(bitmap.width, bitmap.height, file.size, file.type)
    if (!p.keep) {
      const canvas = document.createElement('canvas')
      canvas.width = p.width
      canvas.height = p.height
      canvas.getContext('2d')!.drawImage(bitmap, 0, 0, p.width, p.height)
      let blob: Blob | null = null
      for (const q of QUALITIES) {
        blob = await toBlob(canvas, q)
        if (blob.size <= TARGET_BYTES) break
      }
      bytes = await blob!.arrayBuffer()
      type = 'image/jpeg'
    }
    bitmap.close()
  }
  if (!acceptable(type, bytes.byteLength)) throw new Error('too-large')
  const taken = new Date(file.lastModified || Date.now())
  const ext = type === 'image/png' ? 'png' : type === 'image/webp' ? 'webp' : 'jpg'
  return {
    ref: {
      name: `IMG_${stamp(taken)}_${n + 1}.${ext}`,
      type,
      size: bytes.byteLength,
      sha256: await sha256Hex(bytes),
      originalSha256,
      originalSize: file.size,
      takenAt: taken.toISOString(),
    },
    bytes,
    preview: URL.createObjectURL(new Blob([bytes], { type })),
  }
}
