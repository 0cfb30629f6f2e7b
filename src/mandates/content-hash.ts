import { createHash } from "node:crypto";
import type { Mandate } from "../domain/mandate.js";

/** JSON with object keys sorted, so the same content always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/**
 * The identity of a mandate's content: reformatting the YAML, reordering keys or editing
 * comments gives the same hash; changing any value gives a new one. `$schema` is an editor
 * hint, not content.
 */
export function contentHash(mandate: Mandate): string {
  const { $schema: _editorHint, ...content } = mandate;
  return createHash("sha256").update(canonical(content)).digest("hex");
}
