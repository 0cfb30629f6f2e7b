import { z } from "zod";
import { Mandate } from "../domain/mandate.js";

/**
 * The mandate file format as JSON Schema, for editors (the `# yaml-language-server: $schema=`
 * line at the top of each mandate file). Generated from the zod schema, so it cannot drift;
 * cross-field rules (seat references, unique ids, due-day counts) are checked by zod alone.
 */
export function mandateJsonSchema(): string {
  const schema = z.toJSONSchema(Mandate, { io: "input", unrepresentable: "any" });
  return `${JSON.stringify({ ...schema, title: "Mandat mandate file (format mandat/v1)" }, null, 2)}\n`;
}
