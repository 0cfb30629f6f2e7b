import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { parseKey, SecretBox } from "../../src/security/secret-box.js";

/** Tokens at rest: AES-256-GCM, `v1.<iv>.<tag>.<ciphertext>` in base64url. */

const KEY = Buffer.from("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "hex");
const TOKEN = "xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOpQrStUvWx";
const INSTALLATION = JSON.stringify({ team: { id: "T0AAA", name: "Ørnereden" }, bot: { token: TOKEN } });

/** `sealed` with one bit of byte `at` of part `index` (1 IV, 2 tag, 3 ciphertext) flipped. */
function tampered(sealed: string, index: number, at: number): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[index] ?? "", "base64url");
  bytes[at] = (bytes[at] ?? 0) ^ 0x01;
  parts[index] = bytes.toString("base64url");
  return parts.join(".");
}

/** Part `index` of `sealed` replaced by its first `length` bytes. */
function cut(sealed: string, index: number, length: number): string {
  const parts = sealed.split(".");
  parts[index] = Buffer.from(parts[index] ?? "", "base64url")
    .subarray(0, length)
    .toString("base64url");
  return parts.join(".");
}

describe("SecretBox", () => {
  const box = new SecretBox(KEY);

  it.each([
    ["a bot token", TOKEN],
    ["an installation as JSON, with non-ASCII", INSTALLATION],
    ["the empty string", ""],
  ])("seals and opens %s", (_label, plaintext) => {
    const sealed = box.seal(plaintext);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]*$/);
    expect(sealed).not.toContain(plaintext || "\u0000");
    expect(box.open(sealed)).toBe(plaintext);
    // Another box with the same key (another process) opens it too.
    expect(new SecretBox(Buffer.from(KEY)).open(sealed)).toBe(plaintext);
  });

  it("uses a fresh IV each time: the same plaintext seals differently, and both open", () => {
    const seals = Array.from({ length: 20 }, () => box.seal(TOKEN));
    expect(new Set(seals).size).toBe(20);
    expect(new Set(seals.map((s) => s.split(".")[1])).size).toBe(20);
    for (const sealed of seals) expect(box.open(sealed)).toBe(TOKEN);
  });

  it.each([
    ["the IV", 1, 12],
    ["the tag", 2, 16],
    ["the ciphertext", 3, TOKEN.length],
  ])("refuses a value with any byte of %s changed", (_label, index, length) => {
    const sealed = box.seal(TOKEN);
    expect(Buffer.from(sealed.split(".")[index] ?? "", "base64url")).toHaveLength(length);
    for (let at = 0; at < length; at++) {
      const bad = tampered(sealed, index, at);
      expect(bad).not.toBe(sealed);
      expect(() => box.open(bad), `byte ${at}`).toThrow();
    }
  });

  it.each([4, 8, 12, 15])("refuses a tag cut down to %i bytes (GCM would check only those)", (length) => {
    const sealed = box.seal(TOKEN);
    expect(() => box.open(cut(sealed, 2, length))).toThrow();
  });

  it("refuses a ciphertext cut short or extended", () => {
    const sealed = box.seal(TOKEN);
    expect(() => box.open(cut(sealed, 3, TOKEN.length - 1))).toThrow();
    expect(() => box.open(`${sealed}AA`)).toThrow();
  });

  it("refuses a value that is not a sealed value, or of another version", () => {
    const sealed = box.seal(TOKEN);
    const [, iv, tag, ciphertext] = sealed.split(".");
    expect(() => box.open(`v2.${iv}.${tag}.${ciphertext}`)).toThrow(/not a sealed value/);
    expect(() => box.open(`v1.${iv}.${tag}`)).toThrow(/not a sealed value/);
    expect(() => box.open(TOKEN)).toThrow(/not a sealed value/);
    expect(() => box.open("")).toThrow(/not a sealed value/);
    // Parts swapped.
    expect(() => box.open(`v1.${tag}.${iv}.${ciphertext}`)).toThrow();
  });

  it("does not open another key's value", () => {
    const sealed = box.seal(TOKEN);
    const other = Buffer.from(KEY);
    other[31] = (other[31] ?? 0) ^ 1;
    expect(() => new SecretBox(other).open(sealed)).toThrow();
    expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
  });

  it.each([0, 16, 31, 33, 64])("refuses a key of %i bytes", (length) => {
    expect(() => new SecretBox(Buffer.alloc(length))).toThrow(RangeError);
  });
});

describe("parseKey", () => {
  it("accepts 32 bytes as 64 hex digits, either case, with surrounding space", () => {
    const hex = KEY.toString("hex");
    expect(parseKey(hex)).toEqual(KEY);
    expect(parseKey(hex.toUpperCase())).toEqual(KEY);
    expect(parseKey(`  ${hex}\n`)).toEqual(KEY);
  });

  it("accepts 32 bytes as base64 (openssl rand -base64 32)", () => {
    const key = randomBytes(32);
    expect(parseKey(key.toString("base64"))).toEqual(key);
    expect(parseKey(`${key.toString("base64")}\n`)).toEqual(key);
    expect(parseKey(KEY.toString("base64"))).toEqual(KEY);
  });

  it("a parsed key opens what the same key sealed", () => {
    const sealed = new SecretBox(KEY).seal(TOKEN);
    const key = parseKey(KEY.toString("base64"));
    expect(key).toBeDefined();
    expect(new SecretBox(key ?? Buffer.alloc(0)).open(sealed)).toBe(TOKEN);
  });

  it.each([
    ["the empty string", ""],
    ["16 bytes of hex", randomBytes(16).toString("hex")],
    ["63 hex digits", KEY.toString("hex").slice(1)],
    ["65 hex digits", `${KEY.toString("hex")}0`],
    ["16 bytes of base64", randomBytes(16).toString("base64")],
    ["31 bytes of base64", randomBytes(31).toString("base64")],
    ["33 bytes of base64", randomBytes(33).toString("base64")],
    ["64 bytes of base64", randomBytes(64).toString("base64")],
    ["a passphrase", "correct horse battery staple"],
  ])("refuses %s", (_label, text) => {
    expect(parseKey(text)).toBeUndefined();
  });
});
