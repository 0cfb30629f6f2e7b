import { Mandate } from "../domain/mandate.js";

/**
 * Parsed mandate versions by row id. A version never changes once written, so its content
 * (about 10 KB of JSON per committee) is read and validated once per process, not on every
 * command. Shared by every repository of one database, in and out of transactions.
 */
export class MandateCache {
  private readonly parsed = new Map<number, Mandate>();

  has(versionId: number): boolean {
    return this.parsed.has(versionId);
  }

  get(versionId: number): Mandate | undefined {
    return this.parsed.get(versionId);
  }

  /** The version's mandate, parsed from `content` the first time it is seen. */
  parse(versionId: number, content: unknown): Mandate {
    let mandate = this.parsed.get(versionId);
    if (!mandate) {
      mandate = Mandate.parse(content);
      this.parsed.set(versionId, mandate);
    }
    return mandate;
  }
}
