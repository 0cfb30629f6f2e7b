import { Mandate } from "../domain/mandate.js";

/** Parsed mandates kept per process: more than any one reply reads, far fewer than a thousand committees. */
export const MANDATE_CACHE_CAPACITY = 300;

/**
 * Parsed mandate versions by row id. A version never changes once written, so its content
 * (about 10 KB of JSON per committee) is read and validated once per process, not on every
 * command. Shared by every repository of one database, in and out of transactions.
 *
 * A stored version that no longer passes the schema (a later release made it stricter, or
 * someone edited the row) is remembered as invalid and reported once: the read path leaves its
 * committee out rather than failing every command of the workspace.
 */
export class MandateCache {
  /** In the order last used: the first is the one to forget. */
  private readonly parsed = new Map<number, Mandate>();
  private readonly invalid = new Set<number>();

  /**
   * @param capacity How many parsed mandates to keep (about 50 KB each in memory). Replies read a
   * few committees each, so the ones in use stay; a deployment with thousands of committees does
   * not keep every one of them in memory.
   */
  constructor(
    private readonly onInvalid: (versionId: number, error: Error) => void = () => undefined,
    private readonly capacity = MANDATE_CACHE_CAPACITY,
  ) {}

  /** Whether the version was seen already (valid or not). */
  has(versionId: number): boolean {
    return this.parsed.has(versionId) || this.invalid.has(versionId);
  }

  get(versionId: number): Mandate | undefined {
    const mandate = this.parsed.get(versionId);
    if (mandate) this.remember(versionId, mandate);
    return mandate;
  }

  /** Keeps `mandate` as the most recently used, forgetting the least recently used beyond capacity. */
  private remember(versionId: number, mandate: Mandate): void {
    this.parsed.delete(versionId);
    this.parsed.set(versionId, mandate);
    for (const oldest of this.parsed.keys()) {
      if (this.parsed.size <= this.capacity) break;
      this.parsed.delete(oldest);
    }
  }

  /** The version's mandate, parsed the first time it is seen; undefined when it does not pass the schema. */
  tryParse(versionId: number, content: unknown): Mandate | undefined {
    if (this.invalid.has(versionId)) return undefined;
    const known = this.get(versionId);
    if (known) return known;
    const result = Mandate.safeParse(content);
    if (!result.success) {
      this.invalid.add(versionId);
      this.onInvalid(versionId, result.error);
      return undefined;
    }
    this.remember(versionId, result.data);
    return result.data;
  }

  /** The version's mandate; throws when it does not pass the schema (planning must not guess). */
  parse(versionId: number, content: unknown): Mandate {
    const known = this.get(versionId);
    if (known) return known;
    const mandate = Mandate.parse(content);
    this.remember(versionId, mandate);
    return mandate;
  }
}
