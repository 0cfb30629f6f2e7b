import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { mandateJsonSchema } from "../../src/mandates/json-schema.js";
import { MANDATES_DIR } from "../support/paths.js";

describe("mandates/mandate.schema.json", () => {
  it("is the JSON Schema generated from the zod schema (run `npm run schema:json` after changing it)", async () => {
    const committed = await readFile(path.join(MANDATES_DIR, "mandate.schema.json"), "utf8");
    expect(committed).toBe(mandateJsonSchema());
  });

  it("describes the fields an editor needs to complete", () => {
    const schema = JSON.parse(mandateJsonSchema()) as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(
      expect.arrayContaining([
        "format",
        "slug",
        "names",
        "language",
        "time_zone",
        "country",
        "visibility",
        "valid",
        "source",
        "purpose",
        "tasks",
        "members",
        "decisions",
      ]),
    );
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(["obligations", "deadlines", "funding", "provisions", "history", "meetings"]),
    );
  });
});
