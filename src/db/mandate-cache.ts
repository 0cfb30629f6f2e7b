import { Mandate } from "../domain/mandate.js";

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
  private readonly parsed = new Map<number, Mandate>();
  private readonly invalid = new Set<number>();

  constructor(private readonly onInvalid: (versionId: number, error: Error) => void = () => undefined) {}

  /** Whether the version was seen already (valid or not). */
  has(versionId: number): boolean {
    return this.parsed.has(versionId) || this.invalid.has(versionId);
  }

  get(versionId: number): Mandate | undefined {
    return this.parsed.get(versionId);
  }

  /** The version's mandate, parsed the first time it is seen; undefined when it does not pass the schema. */
  tryParse(versionId: number, content: unknown): Mandate | undefined {
    if (this.invalid.has(versionId)) return undefined;
    const known = this.parsed.get(versionId);
    if (known) return known;
    const result = Mandate.safeParse(content);
    if (!result.success) {
      this.invalid.add(versionId);
      this.onInvalid(versionId, result.error);
      return undefined;
    }
    this.parsed.set(versionId, result.data);
    return result.data;
  }

  /** The version's mandate; throws when it does not pass the schema (planning must not guess). */
  parse(versionId: number, content: unknown): Mandate {
    const known = this.parsed.get(versionId);
    if (known) return known;
    const mandate = Mandate.parse(content);
    this.parsed.set(versionId, mandate);
    return mandate;
  }
}
