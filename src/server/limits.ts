/** Limits a server on a shared office network needs, all adjustable from the command line. */
export interface Limits {
  /** Largest websocket message; a 100-page report's first upload is about 1 MB. */
  maxMessageBytes: number
  /** Per connection: messages a second (sustained) and the burst allowed above it. */
  messagesPerSecond: number
  messageBurst: number
  /** Per address: open websocket connections. */
  connectionsPerAddress: number
  /** Per address: sign-in attempts a minute. */
  loginsPerMinute: number
  /** Largest HTTP request body (a published report). */
  maxBodyBytes: number
}

export const DEFAULT_LIMITS: Limits = {
  maxMessageBytes: 16 * 1024 * 1024,
  messagesPerSecond: 200,
  messageBurst: 1000,
  connectionsPerAddress: 500,
  loginsPerMinute: 20,
  maxBodyBytes: 32 * 1024 * 1024
}

/** A token bucket: `take()` is false once the rate and the burst are used up. */
export class Bucket {
  private tokens: number
  private last: number
  constructor(
    private readonly rate: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now
  ) {
    this.tokens = burst
    this.last = now()
  }

  take(cost = 1): boolean {
    const t = this.now()
    this.tokens = Math.min(this.burst, this.tokens + ((t - this.last) / 1000) * this.rate)
    this.last = t
    if (this.tokens < cost) return false
    this.tokens -= cost
    return true
  }
}

/** Buckets per key (an address, a user name), forgotten when full again. */
export class KeyedBuckets {
  private readonly buckets = new Map<string, Bucket>()
  constructor(
    private readonly rate: number,
    private readonly burst: number
  ) {}

  take(key: string): boolean {
    let bucket = this.buckets.get(key)
    if (!bucket) {
      if (this.buckets.size > 10_000) this.buckets.clear()
      bucket = new Bucket(this.rate, this.burst)
      this.buckets.set(key, bucket)
    }
    return bucket.take()
  }
}
