import { afterAll, beforeAll, describe, it } from 'vitest'
import { startOffice, type Office } from './testing/office'
import { offlineThenBack, openPair, serverKilledMidTyping, typingAtOnce } from './testing/scenarios'
import { postgresAvailable, startPostgres, type RunningService } from './testing/services'

describe.skipIf(!postgresAvailable())('office server on PostgreSQL', () => {
  let postgres: RunningService
  let office: Office
  beforeAll(async () => {
    postgres = await startPostgres()
    office = await startOffice({ databaseUrl: postgres.url })
  }, 60_000)
  afterAll(async () => {
    await office?.stop()
    await postgres?.stop()
  })

  it('two clerks typing at once converge, nothing lost', async () => {
    const pair = await openPair(office, office, 'p1')
    try {
      await typingAtOnce(pair)
    } finally {
      pair.close()
    }
  })

  it('an offline clerk merges on coming back', async () => {
    const pair = await openPair(office, office, 'p2')
    try {
      await offlineThenBack(pair)
    } finally {
      pair.close()
    }
  })

  it('a server process killed mid-typing loses nothing acknowledged', async () => {
    await serverKilledMidTyping({ databaseUrl: postgres.url })
  }, 120_000)
})
