import { describe, expect, it } from 'vitest'
import { acceptable, MAX_EDGE, plan, sha256Hex, TARGET_BYTES } from './photoPlan'

describe('photoPlan: what the phone sends of a camera photo', () => {
  it('keeps a small JPEG as the camera gave it (the stored hash is then the original one)', () => {
    expect(plan(1200, 900, 400_000, 'image/jpeg')).toEqual({ keep: true })
  })

  it('keeps a camera photo of 3–10 MB as it is: the services accept it, it travels resumably (issue 18)', () => {
    expect(plan(4000, 3000, 3_000_000, 'image/jpeg')).toEqual({ keep: true })
    expect(plan(4000, 3000, 10 * 1024 * 1024, 'image/jpeg')).toEqual({ keep: true })
    expect(plan(160, 120, 3_000, 'image/png')).toEqual({ keep: true })
  })

  it('re-encodes only what the services would refuse (over 10 MiB, another type) to a long edge of 1600 px, aspect kept', () => {
    expect(plan(4000, 3000, 10 * 1024 * 1024 + 1, 'image/jpeg')).toEqual({ keep: false, width: MAX_EDGE, height: 1200 })
    expect(plan(3000, 4000, 12_000_000, 'image/jpeg')).toEqual({ keep: false, width: 1200, height: MAX_EDGE })
    expect(plan(1200, 900, 2_000_000, 'image/heic')).toEqual({ keep: false, width: 1200, height: 900 })
    expect(TARGET_BYTES).toBe(1024 * 1024)
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
