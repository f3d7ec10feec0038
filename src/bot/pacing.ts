// Token buckets that keep proactive sends inside Teams' rate limits: per bot per conversation
// (7 a second, 60 per 30 s, 1,800 an hour) and per app per tenant (at most 50 a second).

/** A steady rate with room for a burst. */
export interface Rate {
  perSecond: number;
  burst: number;
}

/** The limits one messenger keeps to. */
export interface PacingLimits {
  /** Every one applies to each conversation on its own. */
  perConversation: Rate[];
  /** Applies to all sends together. */
  overall: Rate;
}

/**
 * Teams' per-conversation limits, and an overall rate (SENDS_PER_SECOND). A bucket lets through at most
 * burst + rate × T in any T seconds, so 30 + 1 × 30 = 60 per 30 s and 900 + 0.25 × 3600 = 1,800 an hour.
 */
export function teamsLimits(sendsPerSecond: number): PacingLimits {
  return {
    perConversation: [{ perSecond: 7, burst: 1 }, { perSecond: 1, burst: 30 }, { perSecond: 0.25, burst: 900 }],
    overall: { perSecond: sendsPerSecond, burst: Math.max(1, Math.floor(sendsPerSecond)) },
  };
}

/**
 * One bucket. Taking always succeeds and may drive the level below zero: the debt is how long the
 * taker waits, so callers are served in the order they asked.
 */
class Bucket {
  private level: number;
  private at: number;

  constructor(private readonly rate: Rate, now: number) {
    this.level = rate.burst;
    this.at = now;
  }

  private refill(now: number): void {
    this.level = Math.min(this.rate.burst, this.level + ((now - this.at) / 1000) * this.rate.perSecond);
    this.at = now;
  }

  /** Takes one token; returns how many ms the taker must wait for it. */
  take(now: number): number {
    this.refill(now);
    this.level -= 1;
    return this.level >= 0 ? 0 : (-this.level / this.rate.perSecond) * 1000;
  }

  /** True when the bucket is full again, so forgetting it changes nothing. */
  idle(now: number): boolean {
    this.refill(now);
    return this.level >= this.rate.burst;
  }
}

/** Keeps sends to many conversations inside the limits. */
export class Pacer {
  private readonly overall: Bucket;
  private readonly conversations = new Map<string, Bucket[]>();

  constructor(
    private readonly limits: PacingLimits,
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {
    this.overall = new Bucket(limits.overall, now());
  }

  /** How long a send to `conversationId` asked for now must wait (and books its slot). */
  reserve(conversationId: string): number {
    const now = this.now();
    let buckets = this.conversations.get(conversationId);
    if (!buckets) {
      if (this.conversations.size >= 10_000) this.forgetIdle(now);
      buckets = this.limits.perConversation.map((rate) => new Bucket(rate, now));
      this.conversations.set(conversationId, buckets);
    }
    return Math.max(this.overall.take(now), ...buckets.map((b) => b.take(now)));
  }

  /** Resolves when a send to `conversationId` may go. */
  async take(conversationId: string): Promise<void> {
    const wait = this.reserve(conversationId);
    if (wait > 0) await this.sleep(wait);
  }

  private forgetIdle(now: number): void {
    for (const [id, buckets] of this.conversations) {
      if (buckets.every((b) => b.idle(now))) this.conversations.delete(id);
    }
  }
}
