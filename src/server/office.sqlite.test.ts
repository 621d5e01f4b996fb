import { afterAll, beforeAll, describe, it } from 'vitest'
import { startOffice, type Office } from './testing/office'
import { offlineThenBack, openPair, typingAtOnce } from './testing/scenarios'

describe('office server on SQLite', () => {
  let office: Office
  beforeAll(async () => {
    office = await startOffice()
  })
  afterAll(async () => {
    await office?.stop()
  })

  it('two clerks typing at once into different sections and into the same paragraph end with the same report, nothing lost', async () => {
    const pair = await openPair(office, office, 's1')
    try {
      await typingAtOnce(pair)
    } finally {
      pair.close()
    }
  })

  it('a clerk who goes offline and types merges with the others on coming back', async () => {
    const pair = await openPair(office, office, 's2')
    try {
      await offlineThenBack(pair)
    } finally {
      pair.close()
    }
  })
})
