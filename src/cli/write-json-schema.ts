// `npm run schema:json`: writes mandates/mandate.schema.json from the zod schema.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { mandateJsonSchema } from "../mandates/json-schema.js";

const target = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../mandates/mandate.schema.json");
await writeFile(target, mandateJsonSchema());
console.log(`Wrote ${path.relative(process.cwd(), target)}`);
