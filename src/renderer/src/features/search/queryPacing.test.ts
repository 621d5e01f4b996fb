import { describe, expect, it } from 'vitest'
import { BURST_MS, createQueryPacer } from './queryPacing'

describe('query pacing', () => {
  it('searches a key after a pause at once, and the keys of a burst once it ends', () => {
    let clock = 1000
    const pacer = createQueryPacer(() => clock)
    expect(pacer.delayFor()).toBe(0)
    clock += 10
    expect(pacer.delayFor()).toBe(BURST_MS)
    clock += 30
    expect(pacer.delayFor()).toBe(BURST_MS)
    clock += 400
    expect(pacer.delayFor()).toBe(0)
  })
})
