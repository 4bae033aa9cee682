import { describe, expect, it } from 'vitest'
import { acceptable, MAX_EDGE, plan, sha256Hex, TARGET_BYTES } from './photoPlan'

describe('photoPlan: what the phone sends of a camera photo', () => {
  it('keeps a small JPEG as the camera gave it (the stored hash is then the original one)', () => {
    expect(plan(1200, 900, 400_000, 'image/jpeg')).toEqual({ keep: true })
  })

  it('re-encodes a large photo to a long edge of 1600 px, aspect kept', () => {
    expect(plan(4000, 3000, 4_800_000, 'image/jpeg')).toEqual({ keep: false, width: MAX_EDGE, height: 1200 })
    expect(plan(3000, 4000, 4_800_000, 'image/jpeg')).toEqual({ keep: false, width: 1200, height: MAX_EDGE })
  })

  it('re-encodes a small photo that is not JPEG or over the byte target, without enlarging it', () => {
    expect(plan(160, 120, 3_000, 'image/png')).toEqual({ keep: false, width: 160, height: 120 })
    expect(plan(1600, 1200, TARGET_BYTES + 1, 'image/jpeg')).toEqual({ keep: false, width: 1600, height: 1200 })
  })

  it('accepts what intake-service accepts: JPEG/PNG/WebP up to 10 MiB, not empty', () => {
    expect(acceptable('image/jpeg', 1)).toBe(true)
    expect(acceptable('image/webp', 10 * 1024 * 1024)).toBe(true)
    expect(acceptable('image/jpeg', 10 * 1024 * 1024 + 1)).toBe(false)
    expect(acceptable('image/heic', 1000)).toBe(false)
    expect(acceptable('image/png', 0)).toBe(false)
  })

  it('hashes as intake-service does (SHA-256, lower-case hex)', async () => {
    const abc = new TextEncoder().encode('abc').buffer as ArrayBuffer
    expect(await sha256Hex(abc)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })
})
