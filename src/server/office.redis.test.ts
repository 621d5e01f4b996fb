import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { api, startOffice, type Office } from './testing/office'
import { offlineThenBack, openPair, typingAtOnce } from './testing/scenarios'
import { postgresAvailable, redisAvailable, startPostgres, startRedis, type RunningService } from './testing/services'

describe.skipIf(!postgresAvailable() || !redisAvailable())('two server instances joined by Redis, on one PostgreSQL', () => {
  let postgres: RunningService
  let redis: RunningService
  let one: Office
  let two: Office
  beforeAll(async () => {
    ;[postgres, redis] = await Promise.all([startPostgres(), startRedis()])
    one = await startOffice({ databaseUrl: postgres.url, redisUrl: redis.url })
    two = await startOffice({ databaseUrl: postgres.url, redisUrl: redis.url })
  }, 60_000)
  afterAll(async () => {
    await one?.stop()
    await two?.stop()
    await Promise.all([postgres?.stop(), redis?.stop()])
  })

  it('a session started on one instance is good on the other', async () => {
    const pair = await openPair(one, two, 'r0')
    pair.close()
    const me = await api<{ user: { name: string } }>(two.http, '/api/me', { token: pair.owner.token })
    expect(me.body.user.name).toBe(pair.owner.name)
  })

  it('clerks on different instances see each other type, at once, nothing lost', async () => {
    const pair = await openPair(one, two, 'r1')
    try {
      await typingAtOnce(pair)
    } finally {
      pair.close()
    }
  })

  it('a clerk offline from one instance merges with a clerk on the other', async () => {
    const pair = await openPair(one, two, 'r2')
    try {
      await offlineThenBack(pair)
    } finally {
      pair.close()
    }
  })
})
