import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

const ALGORITHM = "aes-256-gcm";
const VERSION = "v1";
/** The whole GCM tag. Without a fixed length Node accepts a tag cut down to 4 bytes, and checks only those. */
const TAG_BYTES = 16;

/** A 32-byte key, written as 64 hex digits or as base64 (`openssl rand -base64 32`). */
export function parseKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  return key.length === 32 ? key : undefined;
}

/**
 * Authenticated encryption of secrets at rest (Slack tokens): AES-256-GCM with a fresh random
 * IV per value. A sealed value is `v1.<iv>.<tag>.<ciphertext>` in base64url; opening it with
 * another key, or after anyone changed a byte, fails instead of returning garbage.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new RangeError("SecretBox needs a 32-byte key");
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv(ALGORITHM, this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return [VERSION, iv, cipher.getAuthTag(), ciphertext]
      .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
      .join(".");
  }

  open(sealed: string): string {
    const [version, iv, tag, ciphertext] = sealed.split(".");
    if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new Error("not a sealed value");
    const decipher = createDecipheriv(ALGORITHM, this.key, Buffer.from(iv, "base64url"), { authTagLength: TAG_BYTES });
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  }
}
