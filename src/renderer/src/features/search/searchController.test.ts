import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BURST_MS, createQueryPacer } from './queryPacing'
import { createSearchController } from './searchController'
import type { SearchClient, SearchFilter, SearchOutcome } from './searchClient'

/** A search client whose answers the test releases, one question at a time. */
function fakeClient() {
  const asked: { query: string; filter: SearchFilter | undefined; answer(total?: number): void; fail(message: string): void }[] = []
  const client = {
    search(query: string, filter?: SearchFilter) {
      return new Promise<SearchOutcome>((resolve, reject) => {
        asked.push({
          query,
          filter,
          answer: (total = 1) => resolve({ query, hits: [], total, tookMs: 3 }),
          fail: (message) => reject(new Error(message))
        })
      })
    }
  } as unknown as SearchClient
  return { client, asked }
}

const settle = () => vi.advanceTimersByTimeAsync(0)

describe('the search box: when it asks and what it shows', () => {
  beforeEach(() => void vi.useFakeTimers({ now: 1_000_000 }))
  afterEach(() => void vi.useRealTimers())

  const setup = () => {
    const { client, asked } = fakeClient()
    const box = createSearchController(createQueryPacer(() => Date.now()))
    box.setContext(() => client, {})
    return { box, asked }
  }

  /** Types `text` a character at a time, `gapMs` apart. */
  const typeSlowly = async (box: ReturnType<typeof setup>['box'], text: string, gapMs: number) => {
    for (let i = 1; i <= text.length; i++) {
      box.type(text.slice(0, i))
      if (i < text.length) await vi.advanceTimersByTimeAsync(gapMs)
    }
  }

  it('searches a key after a pause at once', async () => {
    const { box, asked } = setup()
    await vi.advanceTimersByTimeAsync(1000)
    box.type('教')
    expect(asked.map((a) => a.query)).toEqual(['教'])
    asked[0].answer(7)
    await settle()
    expect(box.store.get().result?.total).toBe(7)
  })

  it('searches a burst of keys once, when it ends, for the whole text', async () => {
    const { box, asked } = setup()
    await vi.advanceTimersByTimeAsync(1000)
    box.type('教')
    expect(asked).toHaveLength(1) // the first key came after a pause
    await vi.advanceTimersByTimeAsync(10)
    await typeSlowly(box, '教师培训', 10)
    expect(asked).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(BURST_MS - 1)
    expect(asked).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(asked.map((a) => a.query)).toEqual(['教', '教师培训'])
  })

  it('never shows an earlier question’s answer over a later one', async () => {
    const { box, asked } = setup()
    await vi.advanceTimersByTimeAsync(1000)
    box.type('教师')
    await vi.advanceTimersByTimeAsync(500)
    box.type('教师培训')
    asked[1].answer(3)
    await settle()
    asked[0].answer(90) // the slow first answer arrives last
    await settle()
    expect(box.store.get().result).toMatchObject({ query: '教师培训', total: 3 })
  })

  it('does not search pinyin while an IME composes; searches the committed word at once', async () => {
    const { box, asked } = setup()
    await vi.advanceTimersByTimeAsync(1000)
    box.compose(true)
    box.type('jiao')
    box.type('jiaoshi')
    await vi.advanceTimersByTimeAsync(1000)
    expect(asked).toHaveLength(0)
    expect(box.store.get().query).toBe('jiaoshi')
    box.compose(false, '教师')
    expect(asked.map((a) => a.query)).toEqual(['教师'])
  })

  it('searches again at once when the filter changes, within it, and drops the answer for the old filter', async () => {
    const { client, asked } = fakeClient()
    const box = createSearchController(createQueryPacer(() => Date.now()))
    box.setContext(() => client, {})
    await vi.advanceTimersByTimeAsync(1000)
    box.type('安全')
    box.setContext(() => client, { year: 2024 })
    expect(asked.map((a) => [a.query, a.filter])).toEqual([
      ['安全', {}],
      ['安全', { year: 2024 }]
    ])
    asked[1].answer(5)
    asked[0].answer(40)
    await settle()
    expect(box.store.get().result?.total).toBe(5)
  })

  it('searches once the worker’s client is there, when the box was shown before it', async () => {
    const { client, asked } = fakeClient()
    let ready: SearchClient | null = null
    const box = createSearchController(createQueryPacer(() => Date.now()))
    box.setContext(() => ready, {})
    await vi.advanceTimersByTimeAsync(1000)
    box.type('安全')
    expect(asked).toHaveLength(0)
    ready = client
    await vi.advanceTimersByTimeAsync(1000)
    box.type('安全生产')
    expect(asked.map((a) => a.query)).toEqual(['安全生产'])
  })

  it('clears the results when the box is emptied, without asking', async () => {
    const { box, asked } = setup()
    await vi.advanceTimersByTimeAsync(1000)
    box.type('安全')
    asked[0].answer(4)
    await settle()
    await vi.advanceTimersByTimeAsync(1000)
    box.type('  ')
    expect(box.store.get().result).toBeNull()
    expect(asked).toHaveLength(1)
  })

  it('shows why a search failed, and the next answer clears it', async () => {
    const { box, asked } = setup()
    await vi.advanceTimersByTimeAsync(1000)
    box.type('安全')
    asked[0].fail('搜索索引还在建立')
    await settle()
    expect(box.store.get().error).toBe('搜索索引还在建立')
    await vi.advanceTimersByTimeAsync(1000)
    box.type('安全生产')
    asked[1].answer(2)
    await settle()
    expect(box.store.get()).toMatchObject({ error: null, result: { total: 2 } })
  })
})
